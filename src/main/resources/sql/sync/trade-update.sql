update trade
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       rates = :rates,
       updated_at = :now
 where id = :id
