-- what the connection's syncs wrote, keyset-paged by id; :pattern is a lower-case LIKE pattern
select e.id, p.number as project_number, e.code, e.description, e.status, e.is_default, r.remote_key, r.last_seen_at as last_synced_at
  from project_task e
  join remote_ref r on r.local_id = e.id and r.connection_id = :connectionId and r.entity = 'PROJECT_TASK'
  join project p on p.id = e.project_id
 where e.id > :after
   and (lower(e.code) like :pattern or lower(coalesce(e.description, '')) like :pattern)
 order by e.id
 limit :limit
