-- live connections only: an archived one is not there for the API, the bootstrap or the engines
select count(*) from connection where id = :id and archived_at is null
