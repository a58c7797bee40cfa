select id
  from company
 where code = :code
