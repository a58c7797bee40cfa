update project_template set search_text = :searchText where id = :id
