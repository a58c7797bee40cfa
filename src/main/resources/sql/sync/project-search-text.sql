update project set search_text = :searchText where id = :id
