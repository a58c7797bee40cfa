insert into sync_run (connection_id, flow, direction, trigger_type, mode, retry_of, company_id, erp_company_id,
                      company_name, import_run_id, project, started_at, status, instance_id)
values (:connectionId, :flow, :direction, :trigger, :mode, :retryOf, :companyId, :erpCompanyId, :companyName,
        :importRunId, :project, :startedAt, 'RUNNING', :instanceId)
