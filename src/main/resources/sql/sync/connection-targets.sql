-- the ERP companies a connection reaches (connection_company), with the platform company each one is
select l.company_id, l.erp_company_id, l.name, l.selected
  from connection_company l
 where l.connection_id = :connectionId
 order by l.id
