-- as sql/sync/project-ids.sql, with one index lookup per key whatever PostgreSQL believes of the table (see
-- remote-ref-select.sql)
select p.id, p.match_key
  from (values :matchKeys) k (match_key)
  cross join lateral (select x.id, x.match_key
                        from project x
                       where x.company_id = :companyId and x.match_key = k.match_key
                       limit 1) p
