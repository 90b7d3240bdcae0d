-- Full-text search over published sites (docs/design/search-and-mcp.md §2). One row per page of a run, written when
-- the run is published and keyed like the run's files: each row references the page's HTML file, so whatever deletes
-- a run's files (deleting a variant or a user, a replacement, the orphan cleanup, a worker rewriting its run) deletes
-- its index rows with them, and a row never outlives the page it finds.
create table if not exists search_pages (
    generation_id uuid     not null,
    path          text     not null,
    slug          text     not null,
    title         text     not null,
    headings      text     not null,
    body          text     not null,
    -- Weighted title (A) > headings (B) > body (D), each twice: 'english' on the text as written (stems, stop words)
    -- and 'simple' on a copy with code identifiers split (HubConnection -> Hub Connection), so both prose and API
    -- names are found. Built by the API at publish time, where the identifier splitting lives.
    document      tsvector not null,
    primary key (generation_id, path),
    foreign key (generation_id, path) references site_files (generation_id, path) on delete cascade
);

create index if not exists search_pages_document on search_pages using gin (document);
