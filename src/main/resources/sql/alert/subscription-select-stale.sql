select connection_id from alert_subscription where events like '%STALE%' order by connection_id
