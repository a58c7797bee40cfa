insert into trade (company_id, match_key, loose_key, code, description, rates, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :rates, :now, :now)
