update vendor set search_text = :searchText where id = :id
