-- the entries of one connection's code map of one kind for some platform codes (match keys)
select platform_code, erp_code
  from code_map
 where connection_id = :connectionId
   and kind = :kind
   and platform_code in (:platformCodes)
