update earning_type set search_text = :searchText where id = :id
