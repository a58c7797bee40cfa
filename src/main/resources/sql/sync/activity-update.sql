update activity
   set loose_key = :looseKey,
       project_id = :projectId,
       code = :code,
       description = :description,
       budget_hours = :budgetHours,
       budget_amount = :budgetAmount,
       search_text = :searchText,
       updated_at = :now
 where id = :id
