-- The in-doubt gauge (items SENT or UNKNOWN, per connection and kind) reads only the rows in doubt: the
-- (connection_id, kind, state) index cannot serve "state in (...)" for every connection without reading all.
create index export_item_in_doubt on export_item (state, connection_id, kind);
