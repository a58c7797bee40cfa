insert into company_relation (company_id, role, relation_type, name, name_key, first_name, last_name, start_date,
                              end_date, share_percent, shares, permanent_representative, source, connection_id,
                              remote_id, duplicate_of, created_at, updated_at)
values (:companyId, :role, :type, :name, :nameKey, :firstName, :lastName, :startDate, :endDate, :sharePercent,
        :shares, :permanentRepresentative, :source, :connectionId, :remoteId, :duplicateOf, :now, :now)
