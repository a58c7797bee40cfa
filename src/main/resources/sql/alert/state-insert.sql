insert into alert_state (connection_id, company_key, flow, company_id, erp_company_id, company_name, alerted,
                         alerted_since, partial_streak, last_run_id, last_status, last_success_at, first_seen_at)
values (:connectionId, :companyKey, :flow, :companyId, :erpCompanyId, :companyName, :alerted,
        :alertedSince, :partialStreak, :lastRunId, :lastStatus, :lastSuccessAt, :firstSeenAt)
