insert into project_template (company_id, match_key, loose_key, code, description, status, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :code, :description, :status, :now, :now)
