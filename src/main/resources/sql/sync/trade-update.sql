update trade
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       rates = :rates,
       search_text = :searchText,
       updated_at = :now
 where id = :id
