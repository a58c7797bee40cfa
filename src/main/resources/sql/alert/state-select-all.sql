-- the last success of every flow, for the passerelle_flow_last_success_seconds gauge
select connection_id, company_key, flow, last_success_at from alert_state where last_success_at is not null
