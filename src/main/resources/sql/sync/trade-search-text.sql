update trade set search_text = :searchText where id = :id
