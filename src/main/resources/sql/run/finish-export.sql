update sync_run
   set finished_at = :finishedAt,
       status = :status,
       count_read = :read,
       count_sent = :sent,
       count_accepted = :accepted,
       count_duplicates = :duplicates,
       count_rejected = :rejected,
       count_unknown = :unknown,
       count_failed = :failed,
       message = :message
 where id = :id
