update hour_type
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       multiplier = :multiplier,
       search_text = :searchText,
       updated_at = :now
 where id = :id
