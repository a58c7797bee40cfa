update sync_run
   set finished_at = :finishedAt,
       status = :status,
       count_read = :read,
       count_created = :created,
       count_updated = :updated,
       count_unchanged = :unchanged,
       count_rejected = :rejected,
       count_failed = :failed,
       count_skipped = :skipped,
       message = :message
 where id = :id
