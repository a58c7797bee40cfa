insert into activity (company_id, match_key, loose_key, project_id, code, description, budget_hours, budget_amount, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :projectId, :code, :description, :budgetHours, :budgetAmount, :searchText, :now, :now)
