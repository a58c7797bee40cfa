select id from passerelle_instance where heartbeat_at >= :cutoff and id <> :me
