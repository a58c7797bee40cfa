update service_code
   set loose_key = :looseKey,
       code = :code,
       description = :description,
       status = :status,
       search_text = :searchText,
       updated_at = :now
 where id = :id
