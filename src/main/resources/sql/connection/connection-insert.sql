insert into connection (id, company_id, erp, credentials, schedules, options, owner, allow_others_to_edit, created_at, updated_at)
values (:id, :companyId, :erp, :credentials, :schedules, :options, :owner, :allowOthersToEdit, :createdAt, :updatedAt)
