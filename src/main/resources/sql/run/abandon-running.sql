-- runs left RUNNING by a process that stopped mid-way: they will never finish
update sync_run
   set status = 'FAILED',
       finished_at = :now,
       message = 'interrupted: Passerelle stopped before the run finished'
 where status = 'RUNNING'
