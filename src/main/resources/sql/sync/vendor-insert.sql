insert into vendor (company_id, match_key, loose_key, code, name, legal_name, status, email, currency, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :name, :legalName, :status, :email, :currency, :searchText, :now, :now)
