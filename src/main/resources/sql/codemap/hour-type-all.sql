-- every synced hour type of the connection's company: match key -> the ERP's own spelling
select h.match_key, h.code
  from hour_type h
  join connection c on c.company_id = h.company_id
 where c.id = :connectionId
