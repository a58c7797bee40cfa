update earning_type
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       kind = :kind,
       unit = :unit,
       rate = :rate,
       search_text = :searchText,
       updated_at = :now
 where id = :id
