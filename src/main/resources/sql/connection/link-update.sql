update connection_link
   set status = :status,
       message = :message,
       checked_at = :checkedAt
 where connection_id = :connectionId
