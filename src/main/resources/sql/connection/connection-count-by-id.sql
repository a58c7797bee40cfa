select count(*) from connection where id = :id
