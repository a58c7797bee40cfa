-- an export run's counts so far, in the transaction of each batch it records: a run whose process stops keeps
-- what it had sent and what was answered (abandon-running.sql then closes it with these counts)
update sync_run
   set count_read = :read,
       count_sent = :sent,
       count_accepted = :accepted,
       count_duplicates = :duplicates,
       count_rejected = :rejected,
       count_unknown = :unknown,
       count_failed = :failed
 where id = :id
   and status = 'RUNNING'
