select status, message, checked_at from connection_link where connection_id = :connectionId
