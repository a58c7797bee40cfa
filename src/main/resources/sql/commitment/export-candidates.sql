-- ACCEPTED commitments of this connection that it does not hold yet: never tried, PENDING, or REJECTED by the
-- ERP (picked up again on every run). SENT and UNKNOWN ones are the engine's to reconcile first. Keyset by id.
select c.id, co.code as company, c.connection_id, c.commitment_type, c.reference_number, c.vendor_id, c.project_id,
       c.description, c.doc_date, x.state as export_state
  from commitment c
  join company co on co.id = c.company_id
  left join export_item x on x.connection_id = c.connection_id and x.kind = 'COMMITMENT'
                         and x.source_id = cast(c.id as varchar(20))
 where c.connection_id = :connectionId
   and c.state = 'ACCEPTED'
   and c.id > :after
   and (x.id is null or x.state in ('PENDING', 'REJECTED'))
 order by c.id
 limit :limit
