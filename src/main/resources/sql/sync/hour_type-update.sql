update hour_type
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       multiplier = :multiplier,
       updated_at = :now
 where id = :id
