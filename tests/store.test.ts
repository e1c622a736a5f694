/** The SQLite store: migrations, the writer's replace/duplicate rules, FTS folding, views, export. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { articleRecord, type ArticleRecord } from '../schemas/article.js';
import { CSV_COLUMNS, CSV_SQL, csvField, csvRows, exportRecords, ftsQuery, search, snippet } from '../pipeline/export.js';
import { articleId } from '../pipeline/extract.js';
import { forTransfer } from '../pipeline/rows.js';
import { ARTICLE_CHARS_PER_STATEMENT, iterateRecords, openDatabase, readStats, RECORD_JSON_SQL, registerJsNumber, SCHEMA_VERSION, Store, type ExportRecord, type RunCounters } from '../pipeline/store.js';
import { MIGRATIONS, VALUE_INDEXES } from '../pipeline/schema.js';
import type { Accepted } from '../pipeline/types.js';
import { tempDir } from './helpers.js';

const BODY = 'Sáng 14/5/2022, Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh, ký Chương trình phối hợp số 05/CTr-CAT với 2 cơ quan.';
const at = (s: string, from = 0): [number, number] => {
  const i = BODY.indexOf(s, from);
  if (i < 0) throw new Error(`not in body: ${s}`);
  return [i, i + s.length];
};

function record(body = BODY, source = '/data/a.txt'): ArticleRecord {
  const full = body === BODY;
  return {
    id: articleId(body), source, title: 'Ký kết chương trình', publishedAt: '2022-05-14', authors: ['Thu Hà'], body, extractorVersion: 'test-1',
    people: full ? [{ name: 'Nguyễn Văn An', rank: 'Đại tá', titles: ['Giám đốc'], agencies: ['Công an tỉnh'], mentions: [at('Nguyễn Văn An')] }] : [],
    agencies: full ? [{ name: 'Công an tỉnh', aliases: [], mentions: [at('Công an tỉnh')] }] : [],
    documents: full ? [{ type: 'Chương trình', number: '05/CTr-CAT', issuer: null, date: null, mentions: [at('Chương trình phối hợp số 05/CTr-CAT')] }] : [],
    dates: full ? [{ text: 'Sáng 14/5/2022', value: '2022-05-14', start: at('Sáng 14/5/2022')[0], end: at('Sáng 14/5/2022')[1] }] : [],
    counts: full ? [{ text: '2 cơ quan', value: 2, unit: 'cơ quan', approximate: false, of: null, start: at('2 cơ quan')[0], end: at('2 cơ quan')[1] }] : [],
  };
}

const accepted = (rec: ArticleRecord, rawHash: string): Accepted => ({
  ok: true, record: rec, rawHash, bytes: rec.body.length, format: 'text', encoding: 'utf-8', messages: [],
});
const zero = (): RunCounters => ({ files: 0, ingested: 0, unchanged: 0, replaced: 0, duplicates: 0, rejected: 0 });

describe('Store', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());
  /** A fresh database; with `deferValueIndexes`, created as an ingest creates it (a first load). */
  const open = (deferValueIndexes = false): { store: Store; path: string } => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'd', 'x.sqlite');
    return { store: Store.open(path, { create: true, deferValueIndexes }), path };
  };

  it('released migrations keep their exact SQL (they are built from shared pieces; a change must be a new migration)', () => {
    const sha = (sql: string): string => createHash('sha256').update(sql).digest('hex');
    expect(sha(MIGRATIONS[0]!)).toBe('2f6a7460a06b22bb6623a045757f44ac3057b5530f2ca3267817c647948af485');
    expect(sha(MIGRATIONS[1]!)).toBe('95f7af6bb2f05814ca99c99b71a7107b4498929b596928b6850f513ab35afc21');
  });

  it('creates the schema at the current version, in WAL mode', () => {
    const { store } = open();
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.prepare(`SELECT v FROM articles_fts_config WHERE k = 'automerge'`).pluck().get()).toBe(8);
    const names = store.db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name`).pluck().all();
    for (const n of ['articles', 'article_sources', 'people', 'person_titles', 'person_mentions', 'agencies', 'agency_mentions', 'documents',
      'document_mentions', 'dates', 'counts', 'runs', 'errors', 'articles_fts', 'v_people', 'v_person_titles', 'v_programmes', 'v_agency_mentions', 'v_mentions'])
      expect(names).toContain(n);
    store.close();
  });

  it('refuses a database from a newer schema, and never creates one for reads', () => {
    const { store, path } = open();
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    store.close();
    expect(() => openDatabase(path, { create: false })).toThrow(/newer than this vnextract supports/u);
    expect(() => openDatabase(`${path}.missing`, { create: false })).toThrow(/no database at/u);
  });

  it('writes an article with all its entities; views and FTS see them', () => {
    const { store } = open();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    expect(store.writeBatch([accepted(record(), 'h1')], run, zero())).toEqual(['ingested']);
    const db = store.db;
    expect(db.prepare('SELECT name, rank, titles, agencies, article_title FROM v_people').all()).toEqual([
      { name: 'Nguyễn Văn An', rank: 'Đại tá', titles: 'Giám đốc', agencies: 'Công an tỉnh', article_title: 'Ký kết chương trình' },
    ].map((r) => ({ ...r })));
    expect(db.prepare(`SELECT name FROM v_person_titles WHERE title = 'Giám đốc'`).pluck().all()).toEqual(['Nguyễn Văn An']);
    expect(db.prepare('SELECT type, number, parties FROM v_programmes').all()).toEqual([{ type: 'Chương trình', number: '05/CTr-CAT', parties: 'Công an tỉnh' }]);
    expect(db.prepare('SELECT text FROM v_agency_mentions').pluck().all()).toEqual(['Công an tỉnh']);
    expect(db.prepare('SELECT family, text FROM v_mentions ORDER BY family').all()).toEqual([
      { family: 'agency', text: 'Công an tỉnh' }, { family: 'count', text: '2 cơ quan' }, { family: 'date', text: 'Sáng 14/5/2022' },
      { family: 'document', text: 'Chương trình phối hợp số 05/CTr-CAT' }, { family: 'person', text: 'Nguyễn Văn An' },
    ]);
    // FTS: tone marks and đ are optional.
    expect(search(db, 'dai ta nguyen van an', 5).map((h) => h.snippet)).toEqual([expect.stringContaining('[Đại] [tá] [Nguyễn] [Văn] [An]')]);
    expect(search(db, 'Đại tá', 5)).toHaveLength(1);
    expect(search(db, 'Bộ Quốc phòng', 5)).toHaveLength(0);
    store.close();
  });

  it('same bytes → unchanged; changed body at the same source → replaced, old rows gone', () => {
    const { store } = open();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    store.writeBatch([accepted(record(), 'h1')], run, zero());
    expect(store.isUnchanged('/data/a.txt', 'h1', 'test-1')).toBe(true);
    expect(store.isUnchanged('/data/a.txt', 'h1', 'test-2')).toBe(false);
    expect(store.writeBatch([accepted(record(), 'h1')], run, zero())).toEqual(['unchanged']);
    const other = record('Công an huyện tổ chức hội nghị.');
    expect(store.writeBatch([accepted(other, 'h2')], run, zero())).toEqual(['replaced']);
    const db = store.db;
    expect(db.prepare('SELECT id FROM articles').pluck().all()).toEqual([other.id]);
    for (const t of ['people', 'person_titles', 'person_mentions', 'agencies', 'agency_mentions', 'documents', 'document_mentions', 'dates', 'counts'])
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    expect(db.prepare('SELECT count(*) FROM articles_fts').pluck().get()).toBe(1);
    store.close();
  });

  it('same body from a second source: one article, two sources; it survives when one source changes', () => {
    const { store } = open();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const a = record();
    const b = { ...record(), source: '/data/b.txt' };
    expect(store.writeBatch([accepted(a, 'h1'), accepted(b, 'h1b')], run, zero())).toEqual(['ingested', 'duplicate']);
    expect(store.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    // a.txt now holds another text: the shared article stays (b.txt still holds it), re-homed to b.txt.
    expect(store.writeBatch([accepted(record('Một bài khác.', '/data/a.txt'), 'h3')], run, zero())).toEqual(['replaced']);
    expect(store.db.prepare('SELECT source FROM articles WHERE id = ?').pluck().get(a.id)).toBe('/data/b.txt');
    expect(store.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
    store.close();
  });

  it('a failing batch writes nothing (one transaction per batch)', () => {
    const { store } = open();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const bad = { ...record('Bài thứ hai.', '/data/c.txt'), authors: undefined as unknown as string[] };
    expect(() => store.writeBatch([accepted(record(), 'h1'), accepted(bad, 'h2')], run, zero())).toThrow();
    expect(store.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    store.close();
  });

  it('runs: a run left running by a dead process is marked crashed; stats and export read back', () => {
    const { store, path } = open();
    store.db.prepare(`INSERT INTO runs (started_at, status, command, pid, tool_version, extractor_version) VALUES ('x', 'running', '[]', 999999999, '0', 't')`).run();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    store.writeBatch([accepted(record(), 'h1'), { ok: false, source: '/data/z.pdf', stage: 'read', rule: 'unsupported-extension', reason: 'unsupported extension .pdf' }], run, { ...zero(), files: 2 });
    store.finishRun(run, 'ok', { ...zero(), files: 2, ingested: 1, rejected: 1 });
    expect(store.db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['crashed', 'ok']);
    store.close();
    const db = new Database(path, { readonly: true });
    const stats = readStats(db, path);
    expect(stats).toMatchObject({ articles: 1, sources: 1, entities: { people: 1, agencies: 1, documents: 1, dates: 1, counts: 1 }, errors: { total: 1 } });
    expect(stats.errors.recent[0]).toMatchObject({ path: '/data/z.pdf', stage: 'read', reason: 'unsupported extension .pdf' });
    const recs = [...iterateRecords(db)];
    expect(recs).toHaveLength(1);
    const { ingestedAt, ...rec } = recs[0]!;
    expect(typeof ingestedAt).toBe('string');
    expect(articleRecord.parse(rec)).toEqual(record());
    expect([...csvRows(recs[0]!)]).toHaveLength(5);
    db.close();
  });

  const indexSql = (db: Database.Database): Map<string, string> =>
    new Map(db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`).all()
      .map((r) => { const { name, sql } = r as { name: string; sql: string }; return [name, sql]; }));

  it('VALUE_INDEXES are exactly the value indexes the migrations create, word for word', () => {
    const { store } = open();
    const made = indexSql(store.db);
    for (const i of VALUE_INDEXES) expect(made.get(i.name)).toBe(`CREATE INDEX ${i.definition}`);
    // The writer's own lookups (sources, ords, export order) are not among them.
    expect(VALUE_INDEXES.map((i) => i.name)).not.toContain('article_sources_article');
    expect(VALUE_INDEXES.map((i) => i.name)).not.toContain('articles_source');
    store.close();
  });

  /** The index SQL of a database created the ordinary way (as export or stats would). */
  const ordinaryIndexes = (): Map<string, string> => {
    const t = tempDir();
    const db = openDatabase(join(t.dir, 'plain.sqlite'), { create: true });
    const sql = indexSql(db);
    db.close();
    t.cleanup();
    return sql;
  };
  /** A run on a database that has its value indexes: it builds none, and its indexes stay `before`. */
  const runKeepsIndexes = (store: Store, before: Map<string, string>): void => {
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    expect(store.prepareValueIndexes(run)).toBe(false);
    expect(indexSql(store.db)).toEqual(before);
    store.finishRun(run, 'ok', zero());
  };
  it('a file an ingest creates starts without the value indexes; the run builds them at its end; a later run keeps them', () => {
    const before = ordinaryIndexes();
    const { store } = open(true);
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const during = indexSql(store.db);
    for (const i of VALUE_INDEXES) expect(during.has(i.name)).toBe(false);
    expect(during.has('article_sources_article')).toBe(true);
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    expect(store.prepareValueIndexes(run)).toBe(true);
    expect(store.writeBatch([accepted(record(), 'h1')], run, zero())).toEqual(['ingested']);
    store.finishRun(run, 'ok', { ...zero(), files: 1, ingested: 1 });
    expect(indexSql(store.db)).toEqual(before);
    expect(store.db.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(run)).toBe('ok');
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM agencies WHERE name = 'Công an tỉnh'`).all();
    expect(JSON.stringify(plan)).toContain('agencies_name');

    runKeepsIndexes(store, before);
    store.close();
  });

  it('a database that exists keeps its value indexes, even empty; only the creating open leaves them out', () => {
    const before = ordinaryIndexes();
    const { store, path } = open();
    store.close();
    const again = Store.open(path, { create: true, deferValueIndexes: true });
    runKeepsIndexes(again, before);
    again.close();
  });

  it('value indexes a killed first load left out: readers leave them, the next ingest builds them before it writes', () => {
    const before = ordinaryIndexes();
    const { store, path } = open(true);
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    store.prepareValueIndexes(run);
    store.writeBatch([accepted(record(), 'h1')], run, zero());
    store.db.prepare('UPDATE runs SET pid = 999999999 WHERE id = ?').run(run); // its process is gone
    store.close(); // killed: no finishRun
    const reader = openDatabase(path, { create: false });
    expect(indexSql(reader).has('people_name')).toBe(false);
    expect(reader.prepare(`SELECT count(*) FROM people WHERE name = 'Nguyễn Văn An'`).pluck().get()).toBe(1);
    reader.close();
    const next = Store.open(path, { create: true, deferValueIndexes: true });
    const again = next.startRun(['ingest'], '0.0.0', 'test-1');
    expect(next.prepareValueIndexes(again)).toBe(false);
    expect(indexSql(next.db)).toEqual(before);
    expect(next.db.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['crashed', 'running']);
    next.close();
  });

  it('while another ingest runs, a run builds no value index; the last to finish builds them', () => {
    const before = ordinaryIndexes();
    const { store } = open(true);
    const first = store.startRun(['ingest'], '0.0.0', 'test-1');
    expect(store.prepareValueIndexes(first)).toBe(true);
    // A second ingest of this live process (pid alive) starts before the first ends.
    const second = store.startRun(['ingest'], '0.0.0', 'test-1');
    expect(store.prepareValueIndexes(second)).toBe(false);
    store.writeBatch([accepted(record(), 'h1')], second, zero());
    expect(indexSql(store.db).has('agencies_name')).toBe(false);
    store.finishRun(first, 'ok', zero());
    expect(indexSql(store.db).has('agencies_name')).toBe(false); // the second still runs
    store.finishRun(second, 'ok', { ...zero(), files: 1, ingested: 1 });
    expect(indexSql(store.db)).toEqual(before);
    store.close();
  });
});

describe('schema v2: contentless FTS over the đ-folded title and body', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());
  const path = (): string => {
    const t = tempDir();
    cleanup = t.cleanup;
    return join(t.dir, 'x.sqlite');
  };
  const ftsRows = (db: Database.Database): number[] => db.prepare('SELECT rowid FROM articles_fts ORDER BY rowid').pluck().all() as number[];
  const hits = (db: Database.Database, q: string): string[] => search(db, q, 10).map((h) => h.title ?? '');

  it('a v1 database (v1 DDL, four-column FTS) is migrated: old copies dropped, existing articles indexed, search works', () => {
    const file = path();
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]!);
    v1.pragma('user_version = 1');
    const insert = v1.prepare(`INSERT INTO articles (seq, id, source, title, body, format, encoding, extractor_version, ingested_at)
                               VALUES (?, ?, ?, ?, ?, 'text', 'utf-8', 'v', 't')`);
    const rows: [number, string, string][] = [
      [1, 'Đoàn công tác làm việc tại Đắk Lắk', 'Sáng nay, Đại tá Trần Văn Đức dẫn đoàn về Đắk Lắk.'],
      [2, 'Hội nghị sơ kết', 'Công an huyện tổ chức hội nghị sơ kết công tác.'],
    ];
    for (const [seq, title, body] of rows) {
      insert.run(seq, articleId(body), `/d/${seq}.txt`, title, body);
      v1.prepare('INSERT INTO articles_fts (rowid, title, body, title_folded, body_folded) VALUES (?, ?, ?, ?, ?)').run(seq, title, body, title, body);
    }
    v1.close();

    const db = openDatabase(file, { create: false });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const ddl = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'articles_fts'`).pluck().get() as string;
    expect(ddl).toContain(`content = ''`);
    expect(ddl).not.toContain('body_folded');
    expect(ftsRows(db)).toEqual([1, 2]);
    expect(hits(db, 'dai ta tran van duc')).toEqual(['Đoàn công tác làm việc tại Đắk Lắk']);
    expect(hits(db, 'Đắk Lắk')).toEqual(['Đoàn công tác làm việc tại Đắk Lắk']);
    expect(hits(db, 'doan cong tac')).toEqual(['Đoàn công tác làm việc tại Đắk Lắk']); // title only
    expect(hits(db, 'so ket')).toEqual(['Hội nghị sơ kết']);
    expect(hits(db, 'Bộ Quốc phòng')).toEqual([]);
    expect(search(db, 'dac lac', 5)).toEqual([]); // c ≠ k: folding stops at marks and đ
    // The index holds no text: nothing of the body can be read back from it.
    expect(db.prepare('SELECT body FROM articles_fts WHERE rowid = 1').pluck().get()).toBeNull();
    // Opening again applies nothing more.
    db.close();
    const again = openDatabase(file, { create: false });
    expect(ftsRows(again)).toEqual([1, 2]);
    again.close();
  });

  /** A v2 database holding `recs` as the v2 writer stored them (article_id keys, no article_seq). */
  const v2Database = (file: string, recs: readonly ArticleRecord[]): Database.Database => {
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!);
    db.exec(MIGRATIONS[1]!);
    db.pragma('user_version = 2');
    const run = (sql: string, ...values: unknown[]): number => Number(db.prepare(sql).run(...values).lastInsertRowid);
    for (const r of recs) {
      run(`INSERT INTO articles (id, source, title, published_at, authors, body, format, encoding, extractor_version, ingested_at)
           VALUES (?, ?, ?, ?, ?, ?, 'text', 'utf-8', ?, 't')`, r.id, r.source, r.title, r.publishedAt, JSON.stringify(r.authors), r.body, r.extractorVersion);
      run('INSERT INTO article_sources (source, article_id, raw_sha256, bytes, extractor_version, first_seen_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)',
        r.source, r.id, 'h', r.extractorVersion, 't', 't');
      r.people.forEach((p, i) => {
        const id = run('INSERT INTO people (article_id, ord, name, rank, titles, agencies) VALUES (?, ?, ?, ?, ?, ?)',
          r.id, i, p.name, p.rank, JSON.stringify(p.titles), JSON.stringify(p.agencies));
        p.titles.forEach((t, j) => run('INSERT INTO person_titles (person_id, ord, title) VALUES (?, ?, ?)', id, j, t));
        p.mentions.forEach(([s, e], j) => run('INSERT INTO person_mentions VALUES (?, ?, ?, ?, ?)', id, j, s, e, r.body.slice(s, e)));
      });
      r.agencies.forEach((g, i) => {
        const id = run('INSERT INTO agencies (article_id, ord, name, aliases) VALUES (?, ?, ?, ?)', r.id, i, g.name, JSON.stringify(g.aliases));
        g.mentions.forEach(([s, e], j) => run('INSERT INTO agency_mentions VALUES (?, ?, ?, ?, ?)', id, j, s, e, r.body.slice(s, e)));
      });
      r.documents.forEach((d, i) => {
        const id = run('INSERT INTO documents (article_id, ord, type, number, issuer, date) VALUES (?, ?, ?, ?, ?, ?)', r.id, i, d.type, d.number, d.issuer, d.date);
        d.mentions.forEach(([s, e], j) => run('INSERT INTO document_mentions VALUES (?, ?, ?, ?, ?)', id, j, s, e, r.body.slice(s, e)));
      });
      r.dates.forEach((d, i) => run('INSERT INTO dates (article_id, ord, text, value, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)',
        r.id, i, d.text, d.value, d.start, d.end));
      r.counts.forEach((c, i) => run(`INSERT INTO counts (article_id, ord, text, value, unit, approximate, "of", start_offset, end_offset)
                                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.id, i, c.text, c.value, c.unit, c.approximate ? 1 : 0, c.of, c.start, c.end));
    }
    return db;
  };
  const withoutIngestedAt = ({ ingestedAt, ...r }: ExportRecord): ArticleRecord => r;

  it('a v2 database is migrated to integer article keys: every entity, title and mention kept, views and writes work', () => {
    const file = path();
    const recs = [record(), record('Công an huyện tổ chức hội nghị.', '/data/b.txt')];
    v2Database(file, recs).close();

    const told: [number, number][] = [];
    const db = openDatabase(file, { create: false, onMigrate: (from, to) => told.push([from, to]) });
    expect(told).toEqual([[2, SCHEMA_VERSION]]);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Same records back, lists in order: nothing cascaded away with the dropped v2 tables.
    expect([...iterateRecords(db)].map(withoutIngestedAt)).toEqual(recs);
    expect(db.prepare('SELECT count(*) FROM person_titles').pluck().get()).toBe(1);
    for (const t of ['people', 'agencies', 'documents', 'dates', 'counts']) {
      const rows = db.prepare(`SELECT x.article_id, x.article_seq, a.id, a.seq FROM ${t} x JOIN articles a ON a.seq = x.article_seq`).raw().all();
      expect(rows, t).toEqual([[recs[0]!.id, 1, recs[0]!.id, 1]]);
      // The v2 key index is gone; the (article_seq, ord) one replaces it.
      const indexed = db.prepare(`SELECT group_concat(name) FROM pragma_index_info((SELECT name FROM pragma_index_list('${t}') WHERE "unique" = 1))`).pluck().get();
      expect(indexed, t).toBe('article_seq,ord');
    }
    expect(db.prepare('SELECT name, article_id FROM v_people').raw().all()).toEqual([['Nguyễn Văn An', recs[0]!.id]]);
    expect(db.prepare('SELECT number, parties FROM v_programmes').raw().all()).toEqual([['05/CTr-CAT', 'Công an tỉnh']]);
    expect(db.prepare('SELECT count(*) FROM v_mentions WHERE article_id = ?').pluck().get(recs[0]!.id)).toBe(5);
    // The writer goes on: a file with new text replaces its article, whose entities go with it.
    const store = new Store(db);
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    store.writeBatch([accepted(record('Hội nghị sơ kết.'), 'h2')], run, zero());
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM person_titles').pluck().get()).toBe(0);
    expect(db.prepare('SELECT seq FROM articles ORDER BY seq').pluck().all()).toEqual([2, 3]);
    store.close();
  });

  it('a v2 database whose rows break a foreign key is not migrated, and says why', () => {
    const file = path();
    const v2 = v2Database(file, [record()]);
    v2.pragma('foreign_keys = OFF');
    v2.exec('INSERT INTO person_titles (person_id, ord, title) VALUES (999, 0, \'Giám đốc\')');
    v2.close();
    expect(() => openDatabase(file, { create: false })).toThrow(
      /after schema migration 3, 1 rows break a foreign key \(first in table person_titles\); nothing was changed: the database stays at version 2/u);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(raw.prepare('SELECT count(*) FROM people WHERE article_id IS NOT NULL').pluck().get()).toBe(1);
    raw.close();
  });

  it('deleting, replacing or re-titling an article updates its FTS row (contentless_delete, triggers)', () => {
    const file = path();
    const store = Store.open(file, { create: true });
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    store.writeBatch([accepted(record(), 'h1')], run, zero());
    const db = store.db;
    const seq = db.prepare('SELECT seq FROM articles').pluck().get() as number;
    expect(ftsRows(db)).toEqual([seq]);
    // Same source, new text: the old article and its FTS row go, the new one is found.
    const other = record('Công an huyện tổ chức hội nghị.');
    store.writeBatch([accepted(other, 'h2')], run, zero());
    expect(ftsRows(db)).toHaveLength(1);
    expect(ftsRows(db)).not.toContain(seq);
    expect(search(db, 'dai ta', 5)).toEqual([]);
    expect(search(db, 'hoi nghi', 5)).toHaveLength(1);
    // A new title (refresh in place, newer extractor) re-indexes the row.
    db.prepare(`UPDATE articles SET title = 'Tin Đà Nẵng'`).run();
    expect(hits(db, 'da nang')).toEqual(['Tin Đà Nẵng']);
    expect(hits(db, 'ky ket')).toEqual([]);
    // An analyst deleting a row by hand leaves no orphan in the index.
    db.prepare('PRAGMA foreign_keys = OFF').run();
    db.prepare('DELETE FROM articles').run();
    expect(ftsRows(db)).toEqual([]);
    db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`);
    store.close();
  });

  /** A store whose FTS index never merges: every flush of FTS5's pending terms stays visible as its own segment. */
  const unmerged = (): { store: Store; db: Database.Database; run: number } => {
    const store = Store.open(path(), { create: true });
    store.db.exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)`);
    return { store, db: store.db, run: store.startRun(['ingest'], '0.0.0', 'test-1') };
  };
  const segments = (db: Database.Database): number => db.prepare('SELECT count(DISTINCT segid) FROM articles_fts_idx').pluck().get() as number;

  it('a batch of articles becomes one FTS segment, not one per article', () => {
    const { store, db, run } = unmerged();
    const batch = Array.from({ length: 12 }, (_, i) => accepted(record(`Hội nghị lần thứ ${i + 1} của Công an xã.`, `/data/${i}.txt`), `h${i}`));
    expect(store.writeBatch(batch, run, zero())).toEqual(Array(12).fill('ingested'));
    expect(segments(db)).toBe(1);
    expect(ftsRows(db)).toEqual(db.prepare('SELECT seq FROM articles ORDER BY seq').pluck().all());
    expect(search(db, 'lan thu 7', 5)).toHaveLength(1);
    db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`);
    store.close();
  });

  it('long texts go to SQLite a few at a time, not a whole batch in one statement', () => {
    const { store, db, run } = unmerged();
    // Three bodies of ~0.6 × the limit: no two fit in one statement.
    const sentence = 'Công an xã tuần tra ban đêm. ';
    const long = (i: number) => record(`Bài ${i}. ${sentence.repeat(Math.ceil((0.6 * ARTICLE_CHARS_PER_STATEMENT) / sentence.length))}`, `/data/long${i}.txt`);
    expect(store.writeBatch([1, 2, 3].map((i) => accepted(long(i), `h${i}`)), run, zero())).toEqual(['ingested', 'ingested', 'ingested']);
    expect(segments(db)).toBe(3);
    expect(search(db, 'tuan tra', 5)).toHaveLength(3);
    store.close();
  });

  it('a newer extractor or --force refreshes an article in place: same seq, new entities, FTS follows the title', () => {
    const store = Store.open(path(), { create: true });
    const db = store.db;
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const first = record();
    const second = { ...record(BODY, '/data/b.txt') };
    expect(store.writeBatch([accepted(first, 'h1'), accepted(second, 'h1b')], run, zero())).toEqual(['ingested', 'duplicate']);
    const seq = db.prepare('SELECT seq FROM articles').pluck().get();
    const people = () => db.prepare('SELECT name FROM people ORDER BY id').pluck().all();
    // Newer extractor, same title: new entities, the text stays indexed (the trigger need not fire).
    const newer = { ...first, extractorVersion: 'test-2', people: [{ ...first.people[0]!, name: 'Nguyễn V. An', titles: ['Giám đốc', 'Bí thư'] }] };
    expect(store.writeBatch([accepted(newer, 'h1')], run, zero())).toEqual(['replaced']);
    expect(db.prepare('SELECT seq, extractor_version FROM articles').all()).toEqual([{ seq, extractor_version: 'test-2' }]);
    expect(people()).toEqual(['Nguyễn V. An']);
    expect(db.prepare('SELECT title FROM person_titles ORDER BY ord').pluck().all()).toEqual(['Giám đốc', 'Bí thư']);
    expect(hits(db, 'dai ta')).toEqual(['Ký kết chương trình']);
    // --force on both sources of the article in one batch, with a new title: refreshed twice, indexed once.
    const retitled = { ...newer, title: 'Tin Đà Nẵng' };
    expect(store.writeBatch([accepted(retitled, 'h1'), accepted({ ...retitled, source: '/data/b.txt' }, 'h1b')], run, zero(), true)).toEqual(['replaced', 'replaced']);
    expect(db.prepare('SELECT seq FROM articles').pluck().all()).toEqual([seq]);
    expect(people()).toEqual(['Nguyễn V. An']);
    expect(hits(db, 'da nang')).toEqual(['Tin Đà Nẵng']);
    expect(hits(db, 'ky ket')).toEqual([]);
    expect(ftsRows(db)).toEqual([seq]);
    db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    store.close();
  });

  it('sources that change text: their old articles go at the end of the batch, unless another source of it holds them', () => {
    const { store, db, run } = unmerged();
    const text = (w: string) => record(`Hội nghị ${w} của Công an phường.`, `/data/${w}.txt`);
    const [a, b, c] = [text('alpha'), text('beta'), text('gamma')];
    store.writeBatch([accepted(a, 'ha'), accepted(b, 'hb'), accepted(c, 'hc')], run, zero());
    const seqA = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(a.id);
    const before = segments(db);
    // alpha.txt and beta.txt get new texts; gamma.txt now holds alpha's text, which alpha.txt dropped.
    const [d, e] = [record('Tin delta.', a.source), record('Tin epsilon.', b.source)];
    const moved = { ...a, source: c.source };
    expect(store.writeBatch([accepted(d, 'hd'), accepted(e, 'he'), accepted(moved, 'hm')], run, zero())).toEqual(['replaced', 'replaced', 'replaced']);
    expect(db.prepare('SELECT id, source FROM articles ORDER BY seq').all()).toEqual([
      { id: a.id, source: c.source }, { id: d.id, source: a.source }, { id: e.id, source: b.source },
    ]);
    expect(db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(a.id)).toBe(seqA);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect(hits(db, 'beta')).toEqual([]);
    expect(hits(db, 'gamma')).toEqual([]);
    expect(search(db, 'alpha', 5)).toHaveLength(1);
    expect(ftsRows(db)).toEqual(db.prepare('SELECT seq FROM articles ORDER BY seq').pluck().all());
    // The two new texts in one statement, the two deletes in another.
    expect(segments(db) - before).toBeLessThanOrEqual(2);
    db.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    store.close();
  });

  it('one source twice in a batch: the later text replaces the earlier, whose rows are still buffered', () => {
    const store = Store.open(path(), { create: true });
    const db = store.db;
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const later = record('Công an huyện tổ chức hội nghị.');
    expect(store.writeBatch([accepted(record(), 'h1'), accepted(later, 'h2')], run, zero())).toEqual(['ingested', 'replaced']);
    expect(db.prepare('SELECT id FROM articles').pluck().all()).toEqual([later.id]);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect(db.prepare('SELECT article_id FROM article_sources').pluck().all()).toEqual([later.id]);
    expect(ftsRows(db)).toHaveLength(1);
    expect(search(db, 'dai ta', 5)).toEqual([]);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    store.close();
  });
});

describe('export: records built by SQLite, byte-identical to JSON.stringify and csvRows', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());
  const fresh = (): Store => {
    const t = tempDir();
    cleanup = t.cleanup;
    return Store.open(join(t.dir, 'x.sqlite'), { create: true });
  };

  /** A record with what JSON and CSV must escape, REAL numbers, nulls and empty lists. */
  function tricky(): ArticleRecord {
    const body = 'Đại tá "Lê" Văn\tBình, Phó Giám đốc\nCông an tỉnh; 1/3 số vụ, khoảng 1,5 triệu đồng\u0001.';
    const span = (s: string): [number, number] => [body.indexOf(s), body.indexOf(s) + s.length];
    return {
      id: articleId(body), source: '/data/x, "y".txt', title: null, publishedAt: null, authors: [], body, extractorVersion: 'test-1',
      people: [
        { name: 'Lê Văn Bình', rank: 'Đại tá', titles: ['Phó Giám đốc', 'Bí thư, "Đảng ủy"'], agencies: ['Công an tỉnh'], mentions: [span('"Lê" Văn\tBình'), span('Đại tá')] },
        { name: 'Văn Bình', rank: null, titles: [], agencies: [], mentions: [span('Bình')] },
      ],
      agencies: [{ name: 'Công an tỉnh', aliases: ['CA, tỉnh', 'x\ny'], mentions: [span('Công an tỉnh')] }],
      documents: [{ type: 'Kế hoạch', number: '12/KH-CAT', issuer: null, date: null, mentions: [span('Phó')] }],
      dates: [{ text: '1/3', value: 'XXXX-03-01', start: span('1/3')[0], end: span('1/3')[1] }],
      counts: [
        { text: '1/3 số vụ', value: 1 / 3, unit: 'vụ', approximate: false, of: 3, start: span('1/3 số vụ')[0], end: span('1/3 số vụ')[1] },
        { text: 'khoảng 1,5 triệu đồng', value: 1.5e6, unit: 'đồng', approximate: true, of: null, start: span('khoảng')[0], end: span('đồng')[1] },
        { text: 'vụ', value: 1e21, unit: 'vụ', approximate: false, of: 2.5, start: span('vụ')[0], end: span('vụ')[1] },
      ],
    };
  }

  async function exported(db: Database.Database, format: 'jsonl' | 'json' | 'csv'): Promise<string> {
    const out: Buffer[] = [];
    await exportRecords(db, format, async (s) => void out.push(Buffer.from(s)));
    return Buffer.concat(out).toString('utf8');
  }

  it('jsonl, json and csv equal their JS references: key order, numbers, nulls and escapes', async () => {
    const store = fresh();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const recs = [record(), tricky()];
    store.writeBatch(recs.map((r, i) => accepted(r, `h${i}`)), run, zero());
    const db = store.db;
    const at = db.prepare('SELECT ingested_at FROM articles LIMIT 1').pluck().get() as string;
    // The ArticleRecord key order, ingestedAt after extractorVersion (as the JS export wrote it).
    const ref = (r: ArticleRecord): ExportRecord => ({
      id: r.id, source: r.source, title: r.title, publishedAt: r.publishedAt, authors: r.authors, body: r.body, extractorVersion: r.extractorVersion,
      ingestedAt: at, people: r.people, agencies: r.agencies, documents: r.documents, dates: r.dates, counts: r.counts,
    });
    const want = [...recs].sort((a, b) => (a.source < b.source ? -1 : 1)).map(ref);
    expect(await exported(db, 'jsonl')).toBe(want.map((r) => `${JSON.stringify(r)}\n`).join(''));
    expect(await exported(db, 'json')).toBe(`[\n${want.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
    expect(await exported(db, 'csv')).toBe(`${CSV_COLUMNS.join(',')}\r\n${want.map((r) => [...csvRows(r)].join('')).join('')}`);
    expect([...iterateRecords(db)]).toEqual(want);
    store.close();
  });

  it('an article as a worker sends it (entities as rows, cloned between threads) is written exactly as its record', async () => {
    const recs = [record(), tricky()];
    const direct = fresh();
    const run = direct.startRun(['ingest'], '0.0.0', 'test-1');
    direct.writeBatch(recs.map((r, i) => accepted(r, `h${i}`)), run, zero());
    const tables = ['people', 'person_titles', 'person_mentions', 'agencies', 'agency_mentions', 'documents', 'document_mentions', 'dates', 'counts'];
    const dump = (db: Database.Database) => tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    const want = { jsonl: await exported(direct.db, 'jsonl'), csv: await exported(direct.db, 'csv'), rows: dump(direct.db) };
    direct.close();

    const sent = recs.map((r, i) => structuredClone(forTransfer(accepted(r, `h${i}`))));
    expect(sent.every((o) => o.ok && 'rows' in o && !('people' in o.record))).toBe(true);
    const viaRows = fresh();
    viaRows.writeBatch(sent, viaRows.startRun(['ingest'], '0.0.0', 'test-1'), zero());
    const ingestedAt = (s: string) => s.replace(/"ingestedAt":"[^"]*"/gu, '');
    expect(ingestedAt(await exported(viaRows.db, 'jsonl'))).toBe(ingestedAt(want.jsonl));
    expect(await exported(viaRows.db, 'csv')).toBe(want.csv);
    expect(dump(viaRows.db)).toEqual(want.rows);
    viaRows.close();
  });

  it('a malformed row is refused before it reaches SQLite, and the batch writes nothing', () => {
    const store = fresh();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const good = forTransfer(accepted(record(), 'h'));
    if (!good.ok) throw new Error('expected an accepted article');
    const short = { ...good, rows: { ...good.rows, people: good.rows.people.slice(0, -1) } };
    expect(() => store.writeBatch([short], run, zero())).toThrow(/people: 7 values for 8 columns/u);
    expect(store.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    store.close();
  });

  it('lists follow ord, not insertion order: the (parent, ord) indexes give the order', async () => {
    const store = fresh();
    const run = store.startRun(['ingest'], '0.0.0', 'test-1');
    const rec = tricky();
    store.writeBatch([accepted(rec, 'h')], run, zero());
    const db = store.db;
    // Rewrite people and their mentions with rowids in the reverse of ord order.
    const seq = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(rec.id) as number;
    db.exec('DELETE FROM people');
    const insP = db.prepare('INSERT INTO people (id, article_seq, article_id, ord, name, rank, titles, agencies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insM = db.prepare('INSERT INTO person_mentions (person_id, ord, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)');
    rec.people.forEach((p, i) => insP.run(100 - i, seq, rec.id, i, p.name, p.rank, JSON.stringify(p.titles), JSON.stringify(p.agencies)));
    for (const [i, p] of rec.people.entries())
      for (let j = p.mentions.length - 1; j >= 0; j--) {
        const [s, e] = p.mentions[j]!;
        insM.run(100 - i, j, s, e, rec.body.slice(s, e));
      }
    expect([...iterateRecords(db)][0]!.people).toEqual(rec.people);
    const personLines = (await exported(db, 'csv')).split('\r\n').filter((l) => l.includes(',person,'));
    expect(personLines).toHaveLength(3);
    expect(personLines[0]).toContain('"""Lê"" Văn\tBình"');
    expect(personLines[1]).toMatch(/,Đại tá$/u);
    expect(personLines[2]).toMatch(/,Bình$/u);
    // The plans behind it: every list is a SEARCH of its (parent, ord) index; no scan, no sort.
    registerJsNumber(db);
    for (const sql of [RECORD_JSON_SQL, CSV_SQL]) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
      const lists = plan.filter((d) => /^(SCAN|SEARCH) [a-z]\b/u.test(d) && !d.startsWith('SCAN a '));
      expect(lists).toHaveLength(8);
      for (const d of lists) expect(d).toMatch(/^SEARCH [a-z] USING INDEX sqlite_autoindex_\w+_1 \(\w+=\?\)$/u);
      expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);
      expect(plan[0]).toMatch(/^SCAN a USING (COVERING )?INDEX articles_source$/u);
    }
    store.close();
  });

  it('an empty database: an empty file, an empty JSON array, a CSV header', async () => {
    const store = fresh();
    expect(await exported(store.db, 'jsonl')).toBe('');
    expect(await exported(store.db, 'json')).toBe('[]\n');
    expect(await exported(store.db, 'csv')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    store.close();
  });
});

describe('search query and snippet', () => {
  it('folds đ in the query and quotes every word', () => {
    expect(ftsQuery('Đại tá  Nguyễn-Văn "An"')).toBe('"Dại" "tá" "Nguyễn" "Văn" "An"');
    expect(ftsQuery(' ,; ')).toBe('');
  });

  it('shows about 12 words of the real body around the words matched, marks and đ kept', () => {
    const body = 'Một hai ba bốn năm sáu bảy tám chín mười. Sáng nay, Đại tá Nguyễn Văn An, Giám đốc Công an tỉnh, dự hội nghị tổng kết.';
    // The window holding every query word and the most hits ("an" is a query word too).
    expect(snippet(body, 'dai ta nguyen van an')).toBe('…Sáng nay, [Đại] [tá] [Nguyễn] [Văn] [An], Giám đốc Công [an] tỉnh…');
    expect(snippet('Đại tá Nguyễn Văn An dự họp.', 'DAI TA')).toBe('[Đại] [tá] Nguyễn Văn An dự họp.');
    // Only the title matched: the start of the body.
    expect(snippet(body, 'Quảng Trị')).toBe('Một hai ba bốn năm sáu bảy tám chín mười. Sáng nay…');
    // Whole words only: "an" is marked as a word, never inside another word.
    expect(snippet('Công an huyện, Thanh năm nay.', 'an')).toBe('Công [an] huyện, Thanh năm nay.');
    expect(snippet('', 'an')).toBe('');
  });
});

describe('csv', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('a')).toBe('a');
    expect(csvField('tin, bài')).toBe('"tin, bài"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
  });
});
