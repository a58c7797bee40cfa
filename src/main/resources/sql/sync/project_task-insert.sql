insert into project_task (company_id, match_key, loose_key, project_id, code, description, status, is_default, search_text, created_at, updated_at)
values (:companyId, :matchKey, :looseKey, :projectId, :code, :description, :status, :isDefault, :searchText, :now, :now)
