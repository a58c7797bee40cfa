update project_task set search_text = :searchText where id = :id
