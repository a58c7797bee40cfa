-- Locks the connection's row until the transaction ends: archive, delete, re-create and the start of a run each
-- take it, so that a run cannot start on a connection being archived, nor a connection be archived while the
-- rows of a run that starts are not committed yet. One table only: H2 locks no joined rows.
select c.erp, c.company_id, c.archived_at, c.archived_by, c.owner, c.allow_others_to_edit
  from connection c
 where c.id = :id
   for update
