update employee
   set loose_key = :looseKey,
       number = :number,
       first_name = :firstName,
       last_name = :lastName,
       email = :email,
       trade_code = :tradeCode,
       competency = :competency,
       active = :active,
       search_text = :searchText,
       updated_at = :now
 where id = :id
