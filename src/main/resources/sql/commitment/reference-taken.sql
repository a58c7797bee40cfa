-- the commitment already holding this reference for the company and type, if any
select id
  from commitment
 where company_id = :companyId
   and commitment_type = :type
   and reference_number = :reference
