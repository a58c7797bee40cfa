-- rows of the company that a page's new records may link to (same key) or nearly match (same loose key).
-- Equal match keys have equal loose keys (KeyNormalizer.looseKey folds the match key further), so one lookup
-- by loose key finds both. The keys come as a VALUES list joined on the (company_id, loose_key) index (see
-- SqlFiles.keyRows).
select x.id, x.match_key, x.loose_key, x.number as display_key
  from (values :looseKeys) k (loose_key)
  join purchase_order x on x.company_id = :companyId and x.loose_key = k.loose_key
