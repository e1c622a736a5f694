/**
 * The SQLite schema of a vnextract dataset, as an ordered list of forward migrations.
 * `PRAGMA user_version` is the number of migrations applied; opening a database applies the
 * missing ones, each in its own transaction. Never edit a released migration: append one.
 * SCHEMA.md documents every table, column and view created here.
 */

/** Document types that are programmes between agencies (SPEC §4): the `v_programmes` view. */
const PROGRAMME_TYPES = `('Chương trình', 'Kế hoạch', 'Quy chế')`;

/** Every mention of every family, one row each (v1; re-created unchanged by v3, which rebuilds its tables). */
const V_MENTIONS = `CREATE VIEW v_mentions AS
SELECT 'person' AS family, p.article_id, p.id AS entity_id, p.name AS label, m.text, m.start_offset, m.end_offset
FROM person_mentions m JOIN people p ON p.id = m.person_id
UNION ALL
SELECT 'agency', g.article_id, g.id, g.name, m.text, m.start_offset, m.end_offset
FROM agency_mentions m JOIN agencies g ON g.id = m.agency_id
UNION ALL
SELECT 'document', d.article_id, d.id, d.type || ' ' || d.number, m.text, m.start_offset, m.end_offset
FROM document_mentions m JOIN documents d ON d.id = m.document_id
UNION ALL
SELECT 'date', article_id, id, value, text, start_offset, end_offset FROM dates
UNION ALL
SELECT 'count', article_id, id, CAST(value AS TEXT) || ' ' || unit, text, start_offset, end_offset FROM counts;
`;

/** The tables that hold an article's entities, each row pointing at its article (v3: by `article_seq`). */
export const ENTITY_TABLES = ['people', 'agencies', 'documents', 'dates', 'counts'] as const;
export type EntityTable = (typeof ENTITY_TABLES)[number];

/**
 * The columns of the five entity tables, with the type of `article_id` left open: v1 made it a
 * foreign key to articles.id, v3 rebuilds the tables with it as a plain copy (see V3).
 */
const ENTITY_COLUMNS: Readonly<Record<EntityTable, (articleId: string) => string>> = {
  people: (articleId) => `id         INTEGER PRIMARY KEY,
  article_id ${articleId},
  ord        INTEGER NOT NULL,
  name       TEXT NOT NULL,
  rank       TEXT,
  titles     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(titles)),
  agencies   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(agencies))`,
  agencies: (articleId) => `id         INTEGER PRIMARY KEY,
  article_id ${articleId},
  ord        INTEGER NOT NULL,
  name       TEXT NOT NULL,
  aliases    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))`,
  documents: (articleId) => `id         INTEGER PRIMARY KEY,
  article_id ${articleId},
  ord        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  number     TEXT NOT NULL,
  issuer     TEXT,
  date       TEXT`,
  dates: (articleId) => `id           INTEGER PRIMARY KEY,
  article_id   ${articleId},
  ord          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  value        TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL`,
  counts: (articleId) => `id           INTEGER PRIMARY KEY,
  article_id   ${articleId},
  ord          INTEGER NOT NULL,
  text         TEXT NOT NULL,
  value        NUMERIC NOT NULL,
  unit         TEXT NOT NULL,
  approximate  INTEGER NOT NULL CHECK (approximate IN (0, 1)),
  "of"         NUMERIC,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL`,
};
const V1_ARTICLE_ID = 'TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE';

const V1 = `
CREATE TABLE runs (
  id                INTEGER PRIMARY KEY,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  status            TEXT NOT NULL CHECK (status IN ('running', 'ok', 'interrupted', 'failed', 'crashed')),
  command           TEXT NOT NULL,
  pid               INTEGER,
  tool_version      TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  files             INTEGER NOT NULL DEFAULT 0,
  ingested          INTEGER NOT NULL DEFAULT 0,
  unchanged         INTEGER NOT NULL DEFAULT 0,
  replaced          INTEGER NOT NULL DEFAULT 0,
  duplicates        INTEGER NOT NULL DEFAULT 0,
  rejected          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
  seq               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE CHECK (length(id) = 64),
  source            TEXT NOT NULL,
  title             TEXT,
  published_at      TEXT,
  authors           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
  body              TEXT NOT NULL,
  format            TEXT NOT NULL CHECK (format IN ('text', 'html')),
  encoding          TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  ingested_at       TEXT NOT NULL,
  run_id            INTEGER REFERENCES runs (id)
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE INDEX articles_source ON articles (source);

CREATE TABLE article_sources (
  source            TEXT PRIMARY KEY,
  article_id        TEXT NOT NULL REFERENCES articles (id),
  raw_sha256        TEXT NOT NULL,
  bytes             INTEGER NOT NULL,
  extractor_version TEXT NOT NULL,
  first_seen_at     TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  run_id            INTEGER REFERENCES runs (id)
);
CREATE INDEX article_sources_article ON article_sources (article_id);

CREATE TABLE people (
  ${ENTITY_COLUMNS.people(V1_ARTICLE_ID)},
  UNIQUE (article_id, ord)
);
CREATE INDEX people_name ON people (name);
CREATE INDEX people_rank ON people (rank);

CREATE TABLE person_titles (
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,
  title     TEXT NOT NULL,
  PRIMARY KEY (person_id, ord)
);
CREATE INDEX person_titles_title ON person_titles (title);

CREATE TABLE person_mentions (
  person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (person_id, ord)
);

CREATE TABLE agencies (
  ${ENTITY_COLUMNS.agencies(V1_ARTICLE_ID)},
  UNIQUE (article_id, ord)
);
CREATE INDEX agencies_name ON agencies (name);

CREATE TABLE agency_mentions (
  agency_id    INTEGER NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (agency_id, ord)
);

CREATE TABLE documents (
  ${ENTITY_COLUMNS.documents(V1_ARTICLE_ID)},
  UNIQUE (article_id, ord)
);
CREATE INDEX documents_number ON documents (number COLLATE NOCASE);

CREATE TABLE document_mentions (
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
);

CREATE TABLE dates (
  ${ENTITY_COLUMNS.dates(V1_ARTICLE_ID)},
  UNIQUE (article_id, ord)
);
CREATE INDEX dates_value ON dates (value);

CREATE TABLE counts (
  ${ENTITY_COLUMNS.counts(V1_ARTICLE_ID)},
  UNIQUE (article_id, ord)
);
CREATE INDEX counts_unit ON counts (unit);

CREATE TABLE errors (
  id     INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs (id),
  path   TEXT NOT NULL,
  stage  TEXT NOT NULL,
  rule   TEXT NOT NULL,
  level  TEXT NOT NULL DEFAULT 'error' CHECK (level IN ('error', 'warning')),
  reason TEXT NOT NULL,
  at     TEXT NOT NULL
);
CREATE INDEX errors_run ON errors (run_id);
CREATE INDEX errors_path ON errors (path);

-- Full-text search. rowid = articles.seq. The *_folded columns hold the same text with đ/Đ
-- written d/D: unicode61 removes tone marks but never folds đ, so 'dai ta' finds 'Đại tá'
-- through them, while a query typed with đ matches the unfolded columns.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body, title_folded, body_folded,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW v_people AS
SELECT p.id AS person_id, p.name, p.rank,
       (SELECT group_concat(title, '; ') FROM (SELECT title FROM person_titles t WHERE t.person_id = p.id ORDER BY t.ord)) AS titles,
       (SELECT group_concat(value, '; ') FROM json_each(p.agencies)) AS agencies,
       (SELECT count(*) FROM person_mentions m WHERE m.person_id = p.id) AS mentions,
       p.article_id, a.title AS article_title, a.published_at, a.source
FROM people p JOIN articles a ON a.id = p.article_id;

CREATE VIEW v_person_titles AS
SELECT t.title, p.name, p.rank, p.id AS person_id, p.article_id, a.title AS article_title, a.published_at
FROM person_titles t JOIN people p ON p.id = t.person_id JOIN articles a ON a.id = p.article_id;

CREATE VIEW v_programmes AS
SELECT d.id AS document_id, d.type, d.number, d.issuer, d.date,
       (SELECT group_concat(name, '; ') FROM (SELECT name FROM agencies g WHERE g.article_id = d.article_id ORDER BY g.ord)) AS parties,
       d.article_id, a.title AS article_title, a.published_at, a.source
FROM documents d JOIN articles a ON a.id = d.article_id
WHERE d.type IN ${PROGRAMME_TYPES};

CREATE VIEW v_agency_mentions AS
SELECT g.id AS agency_id, g.name, m.text, m.start_offset, m.end_offset,
       g.article_id, a.title AS article_title, a.published_at, a.source
FROM agency_mentions m JOIN agencies g ON g.id = m.agency_id JOIN articles a ON a.id = g.article_id;

${V_MENTIONS}`;

/**
 * v2: one contentless FTS5 table instead of four stored copies. v1 kept the body three times
 * (articles.body, articles_fts.body, articles_fts.body_folded): the database was ~5.5× the
 * corpus and FTS indexing was most of the write cost. Now the index holds only the đ-folded
 * title and body (unicode61 already removes tone marks; đ/Đ → d/D is done here, so the index
 * needs no copy of the text: `content=''`), and `contentless_delete=1` lets the writer delete
 * or replace an article's row by rowid. Snippets are computed from articles.body.
 * The fold is written as replace() so that the same SQL serves the migration and the
 * triggers: every write to articles (the writer's or an analyst's) keeps the index in step.
 */
const FOLD = (col: string): string => `replace(replace(${col}, 'đ', 'd'), 'Đ', 'D')`;

const V2 = `
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (rowid, title, body)
SELECT seq, ${FOLD("coalesce(title, '')")}, ${FOLD('body')} FROM articles;

-- Export reads articles in (source, id) order: with id in the index it streams them without
-- a sort (which held each finished JSON record in a sorter: ~7% of the export's time).
DROP INDEX articles_source;
CREATE INDEX articles_source ON articles (source, id);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, ${FOLD("coalesce(new.title, '')")}, ${FOLD('new.body')});
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.seq;
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, ${FOLD("coalesce(new.title, '')")}, ${FOLD('new.body')});
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.seq;
END;
`;

/**
 * The indexes that only readers use: the writer never looks a row up by these columns, it
 * only keeps them up to date, and that upkeep was most of its page writes (every new row
 * lands at a random place of a name-sorted index). A file created by an ingest starts without
 * them and the run builds each once at its end; an ingest builds any a killed one left out
 * (store.ts, `migrate` and `prepareValueIndexes`). `definition` is what follows `CREATE INDEX`,
 * as the migrations wrote it.
 */
export const VALUE_INDEXES: readonly { readonly name: string; readonly table: string; readonly definition: string }[] = [
  'articles_published_at ON articles (published_at)',
  'people_name ON people (name)',
  'people_rank ON people (rank)',
  'person_titles_title ON person_titles (title)',
  'agencies_name ON agencies (name)',
  'documents_number ON documents (number COLLATE NOCASE)',
  'dates_value ON dates (value)',
  'counts_unit ON counts (unit)',
].map((definition) => {
  const [name = '', , table = ''] = definition.split(' ');
  return { name, table, definition };
});

/**
 * v3: the entity tables key on `article_seq` (= articles.seq, an integer) instead of the
 * 64-character `article_id`. Article ids are hashes, so every v2 entity row went into a random
 * place of its family's UNIQUE (article_id, ord) index; seqs only grow, so the index is now
 * appended to. Measured on a database of 100,000 bench articles, 10,000 more articles' rows
 * (one insert each): 0.68 → 0.54 ms CPU per article. `article_id` stays, same value, for
 * readers of v2 (SCHEMA.md): a plain column now, neither a foreign key nor indexed.
 *
 * SQLite cannot change a table's constraints in place, so each table is rebuilt (the
 * "other kinds of table schema changes" procedure of the ALTER TABLE page): new table, copy,
 * drop, rename, indexes again. The views name these tables, so they go first and come back
 * (now joining on seq). `migrate` runs this with foreign keys off, or dropping `people` would
 * cascade into person_titles and person_mentions, and checks them before the commit.
 */
const REBUILT: readonly { readonly table: EntityTable; readonly indexes: readonly string[] }[] = (
  ['people', 'agencies', 'documents', 'dates', 'counts'] as const
).map((table) => ({ table, indexes: VALUE_INDEXES.filter((i) => i.table === table).map((i) => i.definition) }));

/** A column list's names, in order: the first word of each definition. */
const columnNames = (columns: string): string[] => columns.split(',\n').map((c) => c.trim().split(/\s+/u)[0]!);

/** `article_seq` is the last column, so v2 readers that select columns by position still find theirs. */
const rebuild = ({ table, indexes }: (typeof REBUILT)[number]): string => {
  const columns = ENTITY_COLUMNS[table]('TEXT NOT NULL');
  const copied = columnNames(columns);
  return `
CREATE TABLE ${table}_v3 (
  ${columns},
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  UNIQUE (article_seq, ord)
);
INSERT INTO ${table}_v3 (${copied.join(', ')}, article_seq)
SELECT ${copied.map((c) => `x.${c}`).join(', ')}, a.seq FROM ${table} x JOIN articles a ON a.id = x.article_id ORDER BY x.id;
DROP TABLE ${table};
ALTER TABLE ${table}_v3 RENAME TO ${table};
${indexes.map((i) => `CREATE INDEX ${i};`).join('\n')}`;
};

const VIEWS_V3 = `
CREATE VIEW v_people AS
SELECT p.id AS person_id, p.name, p.rank,
       (SELECT group_concat(title, '; ') FROM (SELECT title FROM person_titles t WHERE t.person_id = p.id ORDER BY t.ord)) AS titles,
       (SELECT group_concat(value, '; ') FROM json_each(p.agencies)) AS agencies,
       (SELECT count(*) FROM person_mentions m WHERE m.person_id = p.id) AS mentions,
       a.id AS article_id, a.title AS article_title, a.published_at, a.source
FROM people p JOIN articles a ON a.seq = p.article_seq;

CREATE VIEW v_person_titles AS
SELECT t.title, p.name, p.rank, p.id AS person_id, a.id AS article_id, a.title AS article_title, a.published_at
FROM person_titles t JOIN people p ON p.id = t.person_id JOIN articles a ON a.seq = p.article_seq;

CREATE VIEW v_programmes AS
SELECT d.id AS document_id, d.type, d.number, d.issuer, d.date,
       (SELECT group_concat(name, '; ') FROM (SELECT name FROM agencies g WHERE g.article_seq = d.article_seq ORDER BY g.ord)) AS parties,
       a.id AS article_id, a.title AS article_title, a.published_at, a.source
FROM documents d JOIN articles a ON a.seq = d.article_seq
WHERE d.type IN ${PROGRAMME_TYPES};

CREATE VIEW v_agency_mentions AS
SELECT g.id AS agency_id, g.name, m.text, m.start_offset, m.end_offset,
       a.id AS article_id, a.title AS article_title, a.published_at, a.source
FROM agency_mentions m JOIN agencies g ON g.id = m.agency_id JOIN articles a ON a.seq = g.article_seq;

${V_MENTIONS}`;

const V3 = `
DROP VIEW v_people;
DROP VIEW v_person_titles;
DROP VIEW v_programmes;
DROP VIEW v_agency_mentions;
DROP VIEW v_mentions;
${REBUILT.map(rebuild).join('\n')}
${VIEWS_V3}
-- FTS5 merges a level once it holds 8 segments, not 4: each indexed term is rewritten by
-- fewer merges on its way up.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);`;

/** Migration i takes a database from user_version i to i + 1. */
export const MIGRATIONS: readonly string[] = [V1, V2, V3];

export const SCHEMA_VERSION = MIGRATIONS.length;
