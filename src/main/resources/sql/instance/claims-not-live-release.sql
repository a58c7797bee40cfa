-- at start-up: claims no live instance holds any more (a previous incarnation's, a dead one's)
delete from run_claim
 where instance_id not in (select id from passerelle_instance where heartbeat_at >= :cutoff)
