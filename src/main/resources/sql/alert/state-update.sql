update alert_state
   set company_id = :companyId, erp_company_id = :erpCompanyId, company_name = :companyName, alerted = :alerted,
       alerted_since = :alertedSince, partial_streak = :partialStreak, last_run_id = coalesce(:lastRunId, last_run_id),
       last_status = coalesce(:lastStatus, last_status), last_success_at = :lastSuccessAt
 where connection_id = :connectionId and company_key = :companyKey and flow = :flow
