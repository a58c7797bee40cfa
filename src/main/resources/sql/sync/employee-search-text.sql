update employee set search_text = :searchText where id = :id
