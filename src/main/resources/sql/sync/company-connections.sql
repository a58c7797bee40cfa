-- the connections (archived ones too: records outlive them) whose syncs write the company's records
select c.id
  from connection c
 where c.company_id = :companyId
 order by c.id
