update vendor
   set loose_key = :looseKey,
       code = :code,
       name = :name,
       legal_name = :legalName,
       status = :status,
       email = :email,
       currency = :currency,
       search_text = :searchText,
       updated_at = :now
 where id = :id
