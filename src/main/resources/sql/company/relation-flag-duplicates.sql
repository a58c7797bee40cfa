-- the company's current imported relations that a new manual one repeats (same role, same folded name)
update company_relation
   set duplicate_of = :manualId,
       updated_at = :now
 where company_id = :companyId
   and source = 'IMPORTED'
   and role = :role
   and name_key = :nameKey
   and duplicate_of is null
   and (start_date is null or start_date <= :today)
   and (end_date is null or end_date > :today)
