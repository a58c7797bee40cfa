select code from company where id = :id
