update connection_company
   set selected = :selected
 where id = :id
