select connection_id, url, secret, events, partial_after, updated_at from alert_subscription where connection_id = :connectionId
