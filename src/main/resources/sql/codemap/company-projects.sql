-- every synced project of a company, for the suggestions of a projects map: read once, compared in memory
select number, name, status
  from project
 where company_id = :companyId
