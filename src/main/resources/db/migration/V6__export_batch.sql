-- A batch on the wire whose first-time items have no export_item row yet (items already in the ledger are
-- marked SENT instead). Written and committed before the send, deleted in the transaction that records the
-- answer, so that an item's row is written once, in its final state. A row left behind (the process stopped
-- before the answer) is turned into SENT items at the next start or run, which then reconciles them.
create table export_batch (
    connection_id varchar(64)     not null references connection (id) on delete cascade,
    kind          varchar(32)     not null,
    batch_id      varchar(128)    not null,
    run_id        bigint          not null,
    items         varchar(1000000) not null, -- JSON [["sourceId", "idempotencyKey"], ...]
    created_at    timestamp with time zone not null,
    primary key (connection_id, kind, batch_id)
);
