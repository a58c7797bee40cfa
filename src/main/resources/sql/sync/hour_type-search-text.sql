update hour_type set search_text = :searchText where id = :id
