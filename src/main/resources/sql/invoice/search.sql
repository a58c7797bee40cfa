-- invoices with their totals and their export to their own connection, optionally of one company, one
-- connection, one state (EXPORTED = ACCEPTED and held by the ERP); one id (:id) or keyset-paged by id
select i.id, co.code as company, i.connection_id, i.reference_number, i.vendor_id, i.project_id,
       i.commitment_reference, i.description, i.doc_date, i.due_date, i.state, i.decided_by, i.decided_at, i.reason,
       i.created_by, i.created_at, i.updated_at,
       (select coalesce(sum(l.amount), 0) from invoice_line l where l.invoice_id = i.id) as total,
       (select count(*) from invoice_line l where l.invoice_id = i.id) as line_count,
       x.state as export_state, x.code as export_code, x.message as export_message, x.updated_at as export_updated_at
  from invoice i
  join company co on co.id = i.company_id
  left join export_item x on x.connection_id = i.connection_id and x.kind = 'INVOICE'
                         and x.source_id = cast(i.id as varchar(20))
 where (cast(:id as bigint) is null or i.id = :id)
   and (cast(:company as varchar(64)) is null or co.code = :company)
   and (cast(:connection as varchar(64)) is null or i.connection_id = :connection)
   and (cast(:state as varchar(16)) is null
        or (case when i.state = 'ACCEPTED' and x.state in ('ACCEPTED', 'DUPLICATE') then 'EXPORTED'
                 else i.state end) = :state)
   and i.id > :after
 order by i.id
 limit :limit
