delete from connection where id = :id
