insert into import_job (name, connection_id, companies, flows, range_kind, range_days, range_from, range_to, schedule,
                        owner, created_at, updated_at)
values (:name, :connectionId, :companies, :flows, :rangeKind, :rangeDays, :rangeFrom, :rangeTo, :schedule,
        :owner, :createdAt, :updatedAt)
