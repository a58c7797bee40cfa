update project_task
   set loose_key = :looseKey,
       project_id = :projectId,
       code = :code,
       description = :description,
       status = :status,
       is_default = :isDefault,
       search_text = :searchText,
       updated_at = :now
 where id = :id
