update customer set search_text = :searchText where id = :id
