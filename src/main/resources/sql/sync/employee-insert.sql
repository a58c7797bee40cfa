insert into employee (company_id, match_key, loose_key, number, first_name, last_name, email, trade_code, competency, active, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :number, :firstName, :lastName, :email, :tradeCode, :competency, :active, :searchText, :now, :now)
