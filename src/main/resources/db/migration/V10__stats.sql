-- The author's statistics: daily totals only, nothing about any one reader (no address,
-- no hash, no User-Agent). Each instance adds what it counted every few seconds, so that
-- instances sharing a database add up. Days are UTC.

-- Views by people of a page ('/' or a post's or label's address, without its query) and
-- its visitors that day; path '*' is the whole blog (a visitor of two pages counts once).
create table stats_page (
  stat_day date not null,
  path varchar(300) not null,
  views bigint not null,
  visitors bigint not null,
  primary key (stat_day, path)
);

-- Other daily counts, by kind: 'referrer' (the referring site's host, or a search engine's
-- or social site's name), 'campaign' (a utm_source the blog's own feed and mail links
-- carry), 'outbound' (clicks on a link of a post, by its address), 'robot' (page views by
-- robots, by their kind), 'feed' (a feed service's reported subscribers: the day's highest,
-- not a sum).
create table stats_count (
  stat_day date not null,
  kind varchar(16) not null,
  name varchar(300) not null,
  n bigint not null,
  primary key (stat_day, kind, name),
  constraint stats_count_kind check (kind in ('referrer', 'campaign', 'outbound', 'robot', 'feed'))
);
