-- The last finished run of each connection × flow (health). The pairs come from the (connection_id, flow, id)
-- index alone; each pair's last finished run is then found by walking that index back from its newest run:
-- usually the newest itself, or the one before it while a run is going. Runs of a deleted or archived connection are
-- left out: no one operates it any more.
select r.connection_id, r.flow, r.id, r.status, r.finished_at, r.message
  from (select connection_id, flow from sync_run group by connection_id, flow) pair
  join sync_run r
    on r.id = (select max(f.id)
                 from sync_run f
                where f.connection_id = pair.connection_id
                  and f.flow = pair.flow
                  and f.finished_at is not null)
  join connection c on c.id = r.connection_id and c.archived_at is null
 order by r.connection_id, r.flow
