update activity set search_text = :searchText where id = :id
