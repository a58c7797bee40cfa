-- Deleting a connection that has history archives it instead (connection.ConnectionService#delete): its runs,
-- export ledger (export_item, export_batch), cursors, remote references and records stay keyed by its id, so
-- that creating the same id again picks them up and nothing it exported is sent twice. An archived connection
-- is not listed, scheduled or run; its credentials are stored empty.
alter table connection add column archived_at timestamp with time zone;
alter table connection add column archived_by varchar(128);
