-- instances that stopped heart-beating: killed, frozen or cut off from the database
select id, heartbeat_at from passerelle_instance where heartbeat_at < :cutoff and id <> :me
