update alert_subscription
   set url = :url, secret = :secret, events = :events, partial_after = :partialAfter, updated_at = :updatedAt
 where connection_id = :connectionId
