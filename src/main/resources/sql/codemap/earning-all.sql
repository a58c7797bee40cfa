-- every synced earning of the connection's company: match key -> the ERP's own spelling
select e.match_key, e.code
  from earning_type e
  join connection c on c.company_id = e.company_id
 where c.id = :connectionId
