-- the connection's companies among a page's keys, with what the last import of each stored (content_hash). The keys
-- come as a VALUES list joined on the (connection_id, match_key) unique index: see SqlFiles.keyRows.
select l.id, l.match_key, l.company_id, l.selected, l.content_hash
  from (values :matchKeys) k (match_key)
  join connection_company l on l.connection_id = :connectionId and l.match_key = k.match_key
