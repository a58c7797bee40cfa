delete from import_job where id = :id
