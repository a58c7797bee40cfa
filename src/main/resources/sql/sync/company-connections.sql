-- the connections (archived ones too: records outlive them) whose syncs write the company's records: those whose own
-- company it is, and those that reach it among others (a 24SevenOffice organization)
select c.id
  from connection c
 where c.company_id = :companyId
union
select l.connection_id
  from connection_company l
 where l.company_id = :companyId
 order by 1
