select l.id, l.erp_company_id, l.match_key, l.name, l.number, l.selected, l.company_id
  from connection_company l
 where l.connection_id = :connectionId
 order by l.id
