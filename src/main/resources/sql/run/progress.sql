-- an inbound run's counts so far, after each page it writes: the console shows a running run's records read so far
-- (a run whose process stops keeps them too; abandon-running.sql then closes it with these counts)
update sync_run
   set count_read = :read,
       count_created = :created,
       count_updated = :updated,
       count_unchanged = :unchanged,
       count_rejected = :rejected,
       count_failed = :failed,
       count_skipped = :skipped
 where id = :id
   and status = 'RUNNING'
