-- an imported relation its ERP no longer lists: it ends today
update company_relation
   set end_date = :today,
       updated_at = :now
 where id = :id
   and source = 'IMPORTED'
