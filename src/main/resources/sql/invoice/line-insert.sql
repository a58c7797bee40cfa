insert into invoice_line (invoice_id, position, project_task_id, cost_code, description, amount)
values (:invoiceId, :position, :projectTaskId, :costCode, :description, :amount)
