/** The SQLite store: migrations, the writer's replace/duplicate rules, FTS folding, views, export. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { articleRecord, type ArticleRecord } from '../schemas/article.js';
import { csvField, csvRows, search } from '../pipeline/export.js';
import { articleId } from '../pipeline/extract.js';
import { iterateRecords, openDatabase, readStats, SCHEMA_VERSION, Store, type RunCounters } from '../pipeline/store.js';
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
  const open = (): { store: Store; path: string } => {
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'd', 'x.sqlite');
    return { store: Store.open(path, { create: true }), path };
  };

  it('creates the schema at the current version, in WAL mode', () => {
    const { store } = open();
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
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
