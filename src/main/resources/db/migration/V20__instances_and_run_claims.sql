-- More than one instance on one database (issue 16). Each running Passerelle is a row that it heart-beats; a run
-- names the instance that runs it, so that when an instance stops heart-beating the others close its runs; and the
-- guard that lets one run of a connection's flow go at a time is a row per claim, so that a second start is refused
-- on any instance, not only on the one whose memory held it.
create table passerelle_instance (
    id           varchar(200) primary key,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null,
    stopping     boolean not null default false
);

-- claim_key: 'flow:<connection>/<flow>', 'import:<company id>/<entity>', 'exports:<connection>'
create table run_claim (
    claim_key     varchar(700) primary key,
    connection_id varchar(64)  not null,
    kind          varchar(16)  not null,
    instance_id   varchar(200) not null,
    claimed_at    timestamp with time zone not null
);
create index run_claim_instance on run_claim (instance_id);

alter table sync_run add column instance_id varchar(200);
create index sync_run_running_instance on sync_run (status, instance_id);
