update passerelle_instance set heartbeat_at = :now, stopping = :stopping where id = :id
