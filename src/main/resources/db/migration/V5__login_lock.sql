-- Login lock-outs, when several instances share the database: a user name or a client
-- locked out until a time. SQL that H2 and PostgreSQL both run.
create table login_lock (
  lock_key varchar(300) primary key,
  locked_until timestamp with time zone not null
);
