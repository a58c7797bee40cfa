-- an imported relation as its import now brings it; never a manual one
update company_relation
   set role = :role,
       relation_type = :type,
       name = :name,
       name_key = :nameKey,
       first_name = :firstName,
       last_name = :lastName,
       start_date = :startDate,
       end_date = :endDate,
       share_percent = :sharePercent,
       shares = :shares,
       permanent_representative = :permanentRepresentative,
       connection_id = :connectionId,
       remote_id = :remoteId,
       duplicate_of = :duplicateOf,
       updated_at = :now
 where id = :id
   and source = 'IMPORTED'
