-- ACCEPTED invoices of this connection that it does not hold yet: never tried, PENDING, or REJECTED by the
-- ERP (picked up again on every run). SENT and UNKNOWN ones are the engine's to reconcile first. Keyset by id.
select i.id, co.code as company, i.connection_id, i.reference_number, i.vendor_id, i.project_id,
       i.commitment_reference, i.doc_date, i.due_date, i.description, x.state as export_state
  from invoice i
  join company co on co.id = i.company_id
  left join export_item x on x.connection_id = i.connection_id and x.kind = 'INVOICE'
                         and x.source_id = cast(i.id as varchar(20))
 where i.connection_id = :connectionId
   and i.state = 'ACCEPTED'
   and i.id > :after
   and (x.id is null or x.state in ('PENDING', 'REJECTED'))
 order by i.id
 limit :limit
