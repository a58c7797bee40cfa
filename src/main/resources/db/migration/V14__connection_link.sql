-- The link of a connection to the one company of its ERP that it names (an Abacus AmID and mandant), for ERPs that
-- have one (connection.ErpConnector#linkIdentity): LINKED, FAILED (the last test or run said why), UNLINKED (someone
-- cancelled it: no run starts, no schedule fires, until it is linked again). No row: NOT_LINKED, never checked since
-- the connection or its identity, credentials or endpoint were made. The row stays while the connection is archived,
-- as the rest of its history does, and goes with it when it is deleted. See connection.ConnectionLinks.
create table connection_link (
    connection_id varchar(64)  primary key references connection (id) on delete cascade,
    status        varchar(16)  not null check (status in ('NOT_LINKED', 'LINKED', 'FAILED', 'UNLINKED')),
    message       varchar(2000),
    checked_at    timestamp with time zone
);
