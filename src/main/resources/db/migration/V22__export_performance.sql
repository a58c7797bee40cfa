-- Every export_item row was written into two indexes on its state: export_item_state (connection_id, kind, state)
-- and export_item_in_doubt (state, connection_id, kind, V8). The second serves every query the first did (the
-- in-doubt reads name the states, the connection and the kind), and an index on so few distinct values costs
-- each insert, update and commit of the ledger (H2 compares whole keys among the duplicates): one is enough.
drop index export_item_state;
