update import_job
   set name = :name, companies = :companies, flows = :flows, range_kind = :rangeKind, range_days = :rangeDays,
       range_from = :rangeFrom, range_to = :rangeTo, schedule = :schedule, updated_at = :updatedAt
 where id = :id
