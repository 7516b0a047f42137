-- The same table as on PostgreSQL (bytea there), so that both schemas are alike; on H2 the
-- blog runs as one instance and keeps its buckets in memory.
create table rate_bucket (
  id varchar(300) primary key,
  state varbinary,
  expires_at bigint
);
