-- What a connection's route file keeps of each record beyond the canonical columns ("customFields": name → jq over
-- the item as the ERP sent it), as a JSON object in text. Per connection, so on the connection's link to the record:
-- two connections to one company may keep different fields. Null when the route keeps none.
alter table remote_ref add column custom_fields varchar(100000);

-- Items a flow's filter left out: read, and on purpose not written (GET /api/runs: counts.skipped).
alter table sync_run add column count_skipped integer not null default 0;
