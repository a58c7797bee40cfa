-- the lines of some invoices, in order
select invoice_id as document_id, position, project_task_id, cost_code, description, amount
  from invoice_line
 where invoice_id in (:documentIds)
 order by invoice_id, position
