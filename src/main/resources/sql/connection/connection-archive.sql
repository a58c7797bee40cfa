-- the credentials are the encrypted empty object: the secrets go, the row and everything keyed by it stay
update connection
   set archived_at = :archivedAt,
       archived_by = :archivedBy,
       credentials = :credentials,
       updated_at = :archivedAt
 where id = :id
