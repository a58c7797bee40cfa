update project
   set loose_key = :looseKey,
       number = :number,
       name = :name,
       status = :status,
       customer = :customer,
       search_text = :searchText,
       updated_at = :now
 where id = :id
