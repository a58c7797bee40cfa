-- companies keyset-paged by id. :pattern is a LIKE pattern over the folded name (canonical.SearchText; the companies
-- connections name have none and are matched by their lower-cased name); :byNumber also matches the digits of the
-- enterprise number (:numberPattern), so that any spelling of a number, or a part of one, finds it.
select c.id, c.code, c.name, c.number, c.number_key, c.number_valid, c.legal_form, c.address, c.general_assembly_date
  from company c
 where c.id > :after
   and (coalesce(c.search_text, lower(c.name)) like :pattern
        or (:byNumber = true and c.number_key like :numberPattern))
 order by c.id
 limit :limit
