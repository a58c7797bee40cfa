insert into vendor (company_id, match_key, loose_key, code, name, legal_name, status, email, currency, phone, street, city, province, postal_code, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :name, :legalName, :status, :email, :currency, :phone, :street, :city, :province, :postalCode, :searchText, :now, :now)
