update vendor
   set loose_key = :looseKey,
       code = :code,
       name = :name,
       legal_name = :legalName,
       status = :status,
       email = :email,
       currency = :currency,
       phone = :phone,
       street = :street,
       city = :city,
       province = :province,
       postal_code = :postalCode,
       search_text = :searchText,
       updated_at = :now
 where id = :id
