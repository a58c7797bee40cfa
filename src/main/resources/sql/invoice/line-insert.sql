insert into invoice_line (invoice_id, position, project_task_id, cost_code, description, amount)
values (:documentId, :position, :projectTaskId, :costCode, :description, :amount)
