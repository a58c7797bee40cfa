update connection
   set company_id = :companyId,
       erp = :erp,
       credentials = :credentials,
       schedules = :schedules,
       options = :options,
       owner = :owner,
       allow_others_to_edit = :allowOthersToEdit,
       updated_at = :updatedAt
 where id = :id
