insert into customer (company_id, match_key, loose_key, code, name, status, email, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :name, :status, :email, :searchText, :now, :now)
