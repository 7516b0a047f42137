-- Bucket4j's token buckets (rate limits, failed logins), when several instances share the
-- database: the table its PostgreSQL proxy manager reads and writes.
create table rate_bucket (
  id varchar(300) primary key,
  state bytea,
  expires_at bigint
);
