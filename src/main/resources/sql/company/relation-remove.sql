-- an imported relation its ERP no longer lists and that never started
delete from company_relation
 where id = :id
   and source = 'IMPORTED'
