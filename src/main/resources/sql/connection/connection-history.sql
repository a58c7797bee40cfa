-- What a connection leaves behind: any of it makes a delete an archive (see V7__connection_archive.sql).
-- Commitments and invoices name their connection without a foreign key: they are its history too.
select (select count(*) from sync_run where connection_id = :id) as runs,
       (select count(*) from export_item where connection_id = :id) as export_items,
       (select count(*) from export_batch where connection_id = :id) as unanswered_batches,
       (select count(*) from remote_ref where connection_id = :id) as records,
       (select count(*) from sync_cursor where connection_id = :id) as cursors,
       (select count(*) from commitment where connection_id = :id)
         + (select count(*) from invoice where connection_id = :id) as documents
