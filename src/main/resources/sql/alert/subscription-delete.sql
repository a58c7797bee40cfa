delete from alert_subscription where connection_id = :connectionId
