-- this instance, starting: its previous incarnation (the same name) is gone, whatever its heartbeat says
insert into passerelle_instance (id, started_at, heartbeat_at, stopping) values (:id, :now, :now, false)
