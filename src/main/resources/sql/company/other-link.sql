-- another company of the ERP, as this connection reaches it, that is the same platform company (the ERP holds one
-- real company twice under one number)
select l.erp_company_id
  from connection_company l
 where l.connection_id = :connectionId
   and l.company_id = :companyId
   and l.match_key <> :matchKey
