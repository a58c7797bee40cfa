-- the lines of some commitments, in order
select commitment_id as document_id, position, project_task_id, cost_code, description, quantity, unit_cost, amount
  from commitment_line
 where commitment_id in (:documentIds)
 order by commitment_id, position
