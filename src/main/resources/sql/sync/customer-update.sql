update customer
   set loose_key = :looseKey,
       code = :code,
       name = :name,
       status = :status,
       email = :email,
       search_text = :searchText,
       updated_at = :now
 where id = :id
