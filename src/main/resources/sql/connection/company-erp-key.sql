select erp_key from company where id = :id
