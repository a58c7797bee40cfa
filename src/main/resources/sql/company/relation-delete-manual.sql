delete from company_relation
 where id = :id
   and company_id = :companyId
   and source = 'MANUAL'
