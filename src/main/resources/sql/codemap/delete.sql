delete from code_map
 where connection_id = :connectionId
   and kind = :kind
