-- Several instances on one database: each post's version, moved by every change to its
-- comments, so that each instance knows within a second when another one changed them.
-- SQL that H2 and PostgreSQL both run.
create table post_version (
  post_slug varchar(200) primary key,
  version bigint not null
);
