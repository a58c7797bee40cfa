update cost_code set search_text = :searchText where id = :id
