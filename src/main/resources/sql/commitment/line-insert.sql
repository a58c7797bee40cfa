insert into commitment_line (commitment_id, position, project_task_id, cost_code, description, quantity, unit_cost, amount)
values (:documentId, :position, :projectTaskId, :costCode, :description, :quantity, :unitCost, :amount)
