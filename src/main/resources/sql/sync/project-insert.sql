insert into project (company_id, match_key, loose_key, number, name, status, customer, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :number, :name, :status, :customer, :searchText, :now, :now)
