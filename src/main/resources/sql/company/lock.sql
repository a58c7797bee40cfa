-- Locks the company's row until the transaction ends: an import's page and a change of its relations through the
-- API each take it, so that two of them never interleave their writes of one company's relations (across instances
-- too; within one, CompanyImports refuses a second import of it). One table only: H2 locks no joined rows.
select c.id
  from company c
 where c.id = :id
   for update
