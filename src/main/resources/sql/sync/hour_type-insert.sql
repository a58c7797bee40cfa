insert into hour_type (company_id, match_key, loose_key, code, description, multiplier, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :multiplier, :searchText, :now, :now)
