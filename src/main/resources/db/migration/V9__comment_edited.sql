-- When a comment's writer last edited it (through their private link, within 15 minutes of
-- writing it); the thread says it was edited.
alter table comment add column edited_at timestamp with time zone;
