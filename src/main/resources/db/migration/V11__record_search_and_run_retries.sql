-- Record search (q on records): each canonical row keeps its text fields folded like keys and lower-cased, in
-- one column written with the row (see sync.SearchText), so that a search reads one column per row and folds
-- nothing in SQL (H2 and PostgreSQL fold differently, and neither normalises Unicode). V11_1 fills it for the
-- rows written before it existed.
alter table project add column search_text varchar;
alter table employee add column search_text varchar;
alter table trade add column search_text varchar;
alter table activity add column search_text varchar;
alter table earning_type add column search_text varchar;
alter table hour_type add column search_text varchar;
alter table project_task add column search_text varchar;
alter table cost_code add column search_text varchar;
alter table vendor add column search_text varchar;
alter table customer add column search_text varchar;
alter table project_template add column search_text varchar;

-- A run started by POST /api/runs/{id}/retry names the run whose failed records it retried.
alter table sync_run add column retry_of bigint references sync_run (id) on delete set null;
