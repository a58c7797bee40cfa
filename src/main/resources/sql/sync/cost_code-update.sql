update cost_code
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       updated_at = :now
 where id = :id
