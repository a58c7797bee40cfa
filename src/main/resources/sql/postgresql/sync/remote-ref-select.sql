-- one index lookup per key, whatever PostgreSQL believes of the table: as a plain join, a remote_ref never analysed
-- since its first big sync (autovacuum lags, or is off) is planned as a hash of every row of the connection's entity,
-- read again for every page, which makes a first sync quadratic. "limit 1" keeps the lateral from being flattened.
select k.match_key, r.local_id, r.content_hash
  from (values :matchKeys) k (match_key)
  cross join lateral (select x.local_id, x.content_hash
                        from remote_ref x
                       where x.connection_id = :connectionId and x.company_id = :companyId and x.entity = :entity
                         and x.match_key = k.match_key
                       limit 1) r
