-- the keys come as a VALUES list joined on the primary key: "match_key in (...)" uses only its first columns in H2,
-- which reads every record of the connection's entity for every page
select r.match_key, r.local_id, r.content_hash
  from (values :matchKeys) k (match_key)
  join remote_ref r on r.connection_id = :connectionId and r.company_id = :companyId and r.entity = :entity
                   and r.match_key = k.match_key
