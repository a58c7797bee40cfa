update earning_type
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       kind = :kind,
       unit = :unit,
       rate = :rate,
       updated_at = :now
 where id = :id
