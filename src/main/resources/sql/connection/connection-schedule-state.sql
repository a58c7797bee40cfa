-- every live connection's schedules and whether it is unlinked (then it has none running), for the instances that
-- read them again to apply a change made through another instance (schedule/SchedulePoller)
select c.id, c.schedules, l.status as link_status
  from connection c
  left join connection_link l on l.connection_id = c.id
 where c.archived_at is null
 order by c.id
