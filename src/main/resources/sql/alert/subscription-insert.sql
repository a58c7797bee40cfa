insert into alert_subscription (connection_id, url, secret, events, partial_after, updated_at)
values (:connectionId, :url, :secret, :events, :partialAfter, :updatedAt)
