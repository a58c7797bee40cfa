insert into service_code (company_id, match_key, loose_key, code, description, status, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :status, :searchText, :now, :now)
