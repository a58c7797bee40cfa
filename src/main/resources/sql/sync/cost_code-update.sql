update cost_code
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       search_text = :searchText,
       updated_at = :now
 where id = :id
