-- what the connection's syncs wrote, keyset-paged by id; :pattern is a LIKE pattern over the folded search text
-- (see sync.SearchText). The joins are LEFT JOINs (the inner join is restored by the WHERE clause) so that H2 keeps
-- this order: it walks the entity's primary key from :after, skips rows of other companies, looks each row's
-- remote_ref up by its whole primary key, and stops at :limit, instead of reading every ref of the connection and
-- sorting them on every page. "company_id + 0" keeps H2 from choosing the (company_id, match_key) index, which
-- would sort the whole company on every page. PostgreSQL plans it as inner joins.
select e.id, e.code, e.name, e.legal_name, e.status, e.email, e.currency, e.phone, e.street, e.city, e.province, e.postal_code, r.remote_key, r.custom_fields, r.last_seen_at as last_synced_at
  from vendor e
  left join remote_ref r on r.connection_id = :connectionId and r.company_id = :companyId and r.entity = 'VENDOR' and r.match_key = e.match_key
 where e.company_id + 0 = :companyId
   and e.id > :after
   and r.local_id = e.id
   and coalesce(e.search_text, '') like :pattern
 order by e.id
 limit :limit
