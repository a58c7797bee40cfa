-- commitments with their totals and their export to their own connection, optionally of one company, one
-- connection, one state (EXPORTED = ACCEPTED and held by the ERP); one id (:id) or keyset-paged by id
select c.id, co.code as company, c.connection_id, c.commitment_type, c.reference_number, c.vendor_id, c.project_id,
       c.description, c.doc_date, c.state, c.decided_by, c.decided_at, c.reason, c.created_by, c.created_at,
       c.updated_at,
       (select coalesce(sum(l.amount), 0) from commitment_line l where l.commitment_id = c.id) as total,
       (select count(*) from commitment_line l where l.commitment_id = c.id) as line_count,
       x.state as export_state, x.code as export_code, x.message as export_message, x.updated_at as export_updated_at
  from commitment c
  join company co on co.id = c.company_id
  left join export_item x on x.connection_id = c.connection_id and x.kind = 'COMMITMENT'
                         and x.source_id = cast(c.id as varchar(20))
 where (cast(:id as bigint) is null or c.id = :id)
   and (cast(:company as varchar(64)) is null or co.code = :company)
   and (cast(:connection as varchar(64)) is null or c.connection_id = :connection)
   and (cast(:state as varchar(16)) is null
        or (case when c.state = 'ACCEPTED' and x.state in ('ACCEPTED', 'DUPLICATE') then 'EXPORTED'
                 else c.state end) = :state)
   and c.id > :after
 order by c.id
 limit :limit
