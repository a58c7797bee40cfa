insert into hour_type (company_id, match_key, loose_key, code, description, multiplier, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :multiplier, :now, :now)
