update company set name = :name where id = :id
