select id, name from company where code = :code
