insert into code_map (connection_id, kind, platform_code, erp_code, is_regular)
values (:connectionId, :kind, :platformCode, :erpCode, :regular)
