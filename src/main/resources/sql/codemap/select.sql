-- one connection's code map of one kind, as the API shows it
select platform_code, erp_code, is_regular
  from code_map
 where connection_id = :connectionId
   and kind = :kind
 order by platform_code
