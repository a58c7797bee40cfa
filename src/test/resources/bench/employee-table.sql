-- a contender's own fresh table: the canonical employee columns, keyed by the ERP's number
drop table if exists {table};
create table {table} (
    number      varchar(255) primary key,
    first_name  varchar(255),
    last_name   varchar(255),
    email       varchar(320),
    trade_code  varchar(255),
    competency  varchar(32),
    active      boolean not null,
    modified_at timestamp with time zone not null
);
