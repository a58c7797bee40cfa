insert into earning_type (company_id, match_key, loose_key, code, description, kind, unit, rate, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :kind, :unit, :rate, :searchText, :now, :now)
