insert into trade (company_id, match_key, loose_key, code, description, rates, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :rates, :searchText, :now, :now)
