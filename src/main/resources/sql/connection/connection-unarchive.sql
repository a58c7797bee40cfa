update connection
   set archived_at = null,
       archived_by = null
 where id = :id
