-- as sql/sync/purchase_order-existing.sql, with one index lookup per key whatever PostgreSQL believes of the table (see
-- remote-ref-select.sql); "offset 0" keeps the lateral from being flattened into a join
select x.id, x.match_key, x.loose_key, x.display_key
  from (values :looseKeys) k (loose_key)
  cross join lateral (select r.id, r.match_key, r.loose_key, r.number as display_key
                        from purchase_order r
                       where r.company_id = :companyId and r.loose_key = k.loose_key
                      offset 0) x
