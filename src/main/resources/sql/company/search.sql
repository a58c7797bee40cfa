-- companies keyset-paged by id. :pattern is a LIKE pattern over the folded name (canonical.SearchText; the companies
-- connections name have none and are matched by their lower-cased name); :byNumber also matches the digits of the
-- enterprise number (:numberPattern), so that any spelling of a number, or a part of one, finds it; a number without
-- a key (another country's, e.g. a Norwegian organisation number) is matched on its digits as the ERP gave them. Unless
-- :everyCompany, only the companies one of :openConnections brings (imports, or is the company of): those whose data
-- the caller may see (api/security/ConnectionAccess). Spring writes an empty list as "in ()", which neither database
-- reads, so the caller gives '' (no connection's id) for none.
select c.id, c.code, c.name, c.number, c.number_key, c.number_valid, c.legal_form, c.address, c.general_assembly_date
  from company c
 where c.id > :after
   and (coalesce(c.search_text, lower(c.name)) like :pattern
        or (:byNumber = true and c.number_key like :numberPattern)
        or (:byNumber = true and c.number_key is null
            and replace(replace(replace(c.number, ' ', ''), '.', ''), '-', '') like :numberPattern))
   and (:everyCompany = true
        or c.id in (select l.company_id from connection_company l where l.connection_id in (:openConnections)
                    union
                    select x.company_id from connection x where x.id in (:openConnections)))
 order by c.id
 limit :limit
