insert into cost_code (company_id, match_key, loose_key, code, description, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :searchText, :now, :now)
