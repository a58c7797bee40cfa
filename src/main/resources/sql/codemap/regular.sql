-- the ERP hour type that lines without an hour type are sent as
select erp_code
  from code_map
 where connection_id = :connectionId
   and kind = 'HOUR_TYPE'
   and is_regular = true
