-- the companies a connection reaches, as its last import of each said, keyset-paged by id; :pattern is a LIKE
-- pattern over the folded search text (see sync.SearchText)
select l.id, l.erp_company_id, l.name, l.company_name, l.number, l.legal_form, l.language, l.unique_identifier,
       l.selected, l.company_id, l.erp_company_id as remote_key, l.custom_fields, l.last_seen_at as last_synced_at
  from connection_company l
 where l.connection_id = :connectionId
   and l.id > :after
   and coalesce(l.search_text, '') like :pattern
 order by l.id
 limit :limit
