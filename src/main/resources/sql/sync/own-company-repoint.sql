-- a connection that reaches several companies is the company of the first it reached, once its own (the one its
-- document named) is bare: no ERP identity, no number. Otherwise that one would be listed beside the real one, the
-- duplicate a second user's connection to the same organization must not make.
update connection
   set company_id = :companyId
 where id = :connectionId
   and company_id = :bare
   and exists (select 1 from company c where c.id = :bare and c.erp_key is null and c.number_key is null)
