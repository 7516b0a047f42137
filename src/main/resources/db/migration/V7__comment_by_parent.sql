-- A page of comments reads its threads' replies by their thread (PostgreSQL does not index
-- a foreign key's column by itself; H2 does, and this adds the status beside it)
create index comment_by_parent on comment (parent_id, status);
