-- locked: two runs of one connection × company × flow do not end at once, but a staleness check may meet a run
select connection_id, company_key, flow, company_id, erp_company_id, company_name, alerted, alerted_since,
       partial_streak, last_run_id, last_success_at, first_seen_at
  from alert_state
 where connection_id = :connectionId and company_key = :companyKey and flow = :flow
   for update
