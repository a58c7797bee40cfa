-- a company's relations, with the ERP of the connection that imported each (null for manual ones)
select r.id, r.role, r.relation_type, r.name, r.first_name, r.last_name, r.start_date, r.end_date, r.share_percent,
       r.shares, r.permanent_representative, r.source, r.connection_id, c.erp, r.remote_id, r.duplicate_of
  from company_relation r
  left join connection c on c.id = r.connection_id
 where r.company_id = :companyId
 order by r.id
