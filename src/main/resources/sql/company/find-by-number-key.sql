select c.id, c.code, c.number, c.number_key, c.erp, c.erp_key
  from company c
 where c.number_key = :numberKey
