-- The address of a comment's writer who asked for mail, in a table of its own instead of a
-- column of comment: a comment whose writer asked for nothing (most of them) is inserted
-- with no index or key kept for mail. Nobody is mailed about their own comment.
create table comment_writer (
  comment_id bigint primary key references comment (id) on delete cascade,
  subscriber_id bigint not null references mail_subscriber (id) on delete cascade
);

create index comment_writer_by_subscriber on comment_writer (subscriber_id);

insert into comment_writer (comment_id, subscriber_id)
select id, subscriber_id from comment where subscriber_id is not null;

alter table comment drop column subscriber_id;
