-- what the connection's syncs wrote, keyset-paged by id; :pattern is a lower-case LIKE pattern
select e.id, e.code, e.name, e.legal_name, e.status, e.email, e.currency, r.remote_key, r.last_seen_at as last_synced_at
  from vendor e
  join remote_ref r on r.local_id = e.id and r.connection_id = :connectionId and r.entity = 'VENDOR'
 where e.id > :after
   and (lower(e.code) like :pattern or lower(coalesce(e.name, '')) like :pattern)
 order by e.id
 limit :limit
