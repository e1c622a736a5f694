/**
 * Stage 6, write, and the reads behind `export` and `stats`. One process writes (the main
 * thread); every batch is one transaction, so an article and all its entities land together
 * or not at all, and a crash or Ctrl-C never leaves half an article.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleRecord } from '../schemas/article.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import type { Outcome, Accepted, Rejection } from './types.js';

export { SCHEMA_VERSION };

export class StoreError extends Error {}

export interface OpenOptions {
  /** Create the file (and its folders) when missing; export/stats never create one. */
  readonly create: boolean;
}

/** What the writer did with one accepted file. */
export type WriteOutcome = 'ingested' | 'unchanged' | 'replaced' | 'duplicate';

export interface RunCounters {
  files: number;
  ingested: number;
  unchanged: number;
  replaced: number;
  duplicates: number;
  rejected: number;
}

export type RunStatus = 'running' | 'ok' | 'interrupted' | 'failed' | 'crashed';

/** đ/Đ → d/D, the one fold FTS5's unicode61 tokenizer does not do. */
export function foldD(text: string): string {
  return text.replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

function now(): string {
  return new Date().toISOString();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Db = Database.Database;

/** Bring the schema up to date. A database from a newer vnextract is refused, not guessed at. */
export function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new StoreError(`database schema version ${version} is newer than this vnextract supports (${SCHEMA_VERSION}); upgrade vnextract`);
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      // Re-read under the write lock: two processes opening a fresh file at once (two
      // ingests, or an export racing the first ingest) must not both apply migration v.
      if ((db.pragma('user_version', { simple: true }) as number) > v) return;
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

export function openDatabase(path: string, opts: OpenOptions): Db {
  if (!opts.create && !existsSync(path)) throw new StoreError(`no database at ${path} (run 'vnextract ingest' first, or pass --db FILE)`);
  if (opts.create) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !opts.create });
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`);
  }
  try {
    // First, so that switching a fresh file to WAL and migrating it wait for a concurrent
    // writer (another ingest) instead of failing with SQLITE_BUSY.
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL still never corrupts or splits a transaction; it may lose the last
    // commits on power loss, which a re-run restores (the hash check makes re-runs cheap).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot use database ${path}: ${(err as Error).message}`);
  }
  return db;
}

/** The writer: owns the prepared statements of the ingest path. */
export class Store {
  readonly db: Db;
  private readonly s;

  constructor(db: Db) {
    this.db = db;
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      source: p('SELECT article_id, raw_sha256, extractor_version FROM article_sources WHERE source = ?'),
      article: p('SELECT seq, source, extractor_version FROM articles WHERE id = ?'),
      insArticle: p(`INSERT INTO articles (id, source, title, published_at, authors, body, format, encoding, extractor_version, ingested_at, run_id)
                     VALUES (@id, @source, @title, @publishedAt, @authors, @body, @format, @encoding, @extractorVersion, @at, @runId)`),
      updArticle: p(`UPDATE articles SET title = @title, published_at = @publishedAt, authors = @authors, format = @format, encoding = @encoding,
                     extractor_version = @extractorVersion, ingested_at = @at, run_id = @runId WHERE id = @id`),
      setArticleSource: p('UPDATE articles SET source = ? WHERE id = ?'),
      insFts: p('INSERT INTO articles_fts (rowid, title, body, title_folded, body_folded) VALUES (?, ?, ?, ?, ?)'),
      delFts: p('DELETE FROM articles_fts WHERE rowid = ?'),
      delArticle: p('DELETE FROM articles WHERE id = ?'),
      upsertSource: p(`INSERT INTO article_sources (source, article_id, raw_sha256, bytes, extractor_version, first_seen_at, updated_at, run_id)
                       VALUES (@source, @articleId, @rawHash, @bytes, @extractorVersion, @at, @at, @runId)
                       ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id, raw_sha256 = excluded.raw_sha256,
                         bytes = excluded.bytes, extractor_version = excluded.extractor_version, updated_at = excluded.updated_at, run_id = excluded.run_id`),
      otherSource: p('SELECT min(source) AS source FROM article_sources WHERE article_id = ?'),
      insPerson: p('INSERT INTO people (article_id, ord, name, rank, titles, agencies) VALUES (?, ?, ?, ?, ?, ?)'),
      insTitle: p('INSERT INTO person_titles (person_id, ord, title) VALUES (?, ?, ?)'),
      insPersonMention: p('INSERT INTO person_mentions (person_id, ord, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)'),
      insAgency: p('INSERT INTO agencies (article_id, ord, name, aliases) VALUES (?, ?, ?, ?)'),
      insAgencyMention: p('INSERT INTO agency_mentions (agency_id, ord, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)'),
      insDocument: p('INSERT INTO documents (article_id, ord, type, number, issuer, date) VALUES (?, ?, ?, ?, ?, ?)'),
      insDocumentMention: p('INSERT INTO document_mentions (document_id, ord, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)'),
      insDate: p('INSERT INTO dates (article_id, ord, text, value, start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?)'),
      insCount: p('INSERT INTO counts (article_id, ord, text, value, unit, approximate, "of", start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      delPeople: p('DELETE FROM people WHERE article_id = ?'),
      delAgencies: p('DELETE FROM agencies WHERE article_id = ?'),
      delDocuments: p('DELETE FROM documents WHERE article_id = ?'),
      delDates: p('DELETE FROM dates WHERE article_id = ?'),
      delCounts: p('DELETE FROM counts WHERE article_id = ?'),
      insError: p('INSERT INTO errors (run_id, path, stage, rule, level, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insRun: p(`INSERT INTO runs (started_at, status, command, pid, tool_version, extractor_version) VALUES (?, 'running', ?, ?, ?, ?)`),
      updRun: p(`UPDATE runs SET files = @files, ingested = @ingested, unchanged = @unchanged, replaced = @replaced,
                 duplicates = @duplicates, rejected = @rejected WHERE id = @id`),
      endRun: p('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?'),
      runningRuns: p(`SELECT id, pid FROM runs WHERE status = 'running'`),
    };
  }

  static open(path: string, opts: OpenOptions): Store {
    return new Store(openDatabase(path, opts));
  }

  close(): void {
    this.db.close();
  }

  /** Open a run row. Runs left 'running' by a process that no longer exists are marked crashed. */
  startRun(command: readonly string[], toolVersion: string, extractorVersion: string): number {
    for (const r of this.s.runningRuns.all() as { id: number; pid: number | null }[])
      if (r.pid === null || !isAlive(r.pid)) this.s.endRun.run('crashed', null, r.id);
    return Number(this.s.insRun.run(now(), JSON.stringify(command), process.pid, toolVersion, extractorVersion).lastInsertRowid);
  }

  finishRun(runId: number, status: RunStatus, counters: RunCounters): void {
    this.db.transaction(() => {
      this.s.updRun.run({ id: runId, ...counters });
      this.s.endRun.run(status, now(), runId);
    })();
  }

  /** True when this exact file (same bytes, same extractor version) is already in the dataset. */
  isUnchanged(source: string, rawHash: string, extractorVersion: string): boolean {
    const row = this.s.source.get(source) as { raw_sha256: string; extractor_version: string } | undefined;
    return row !== undefined && row.raw_sha256 === rawHash && row.extractor_version === extractorVersion;
  }

  /**
   * Write one batch in one transaction: accepted articles (with their entities, FTS row and
   * source row) and rejected files (errors rows, plus their warnings). Returns what happened
   * to each item, in order (`rejected` for rejections).
   */
  writeBatch(items: readonly Outcome[], runId: number, counters: RunCounters, force = false): (WriteOutcome | 'rejected')[] {
    const tx = this.db.transaction(() => {
      const at = now();
      const results = items.map((item) => (item.ok ? this.writeArticle(item, runId, at, force) : this.writeRejection(item, runId, at)));
      this.s.updRun.run({ id: runId, ...counters, ...tally(counters, results) });
      return results;
    });
    return tx.immediate();
  }

  private writeRejection(r: Rejection, runId: number, at: string): 'rejected' {
    this.s.insError.run(runId, r.source, r.stage, r.rule, 'error', r.reason, at);
    return 'rejected';
  }

  private writeArticle(a: Accepted, runId: number, at: string, force: boolean): WriteOutcome {
    const rec = a.record;
    for (const m of a.messages) this.s.insError.run(runId, rec.source, m.stage, m.rule, 'warning', m.reason, at);
    const prev = this.s.source.get(rec.source) as { article_id: string; raw_sha256: string; extractor_version: string } | undefined;
    if (!force && prev && prev.raw_sha256 === a.rawHash && prev.extractor_version === rec.extractorVersion) return 'unchanged';
    const existing = this.s.article.get(rec.id) as { seq: number; source: string; extractor_version: string } | undefined;
    if (!existing) {
      this.insertArticle(a, runId, at);
    } else if (prev?.article_id === rec.id || existing.extractor_version !== rec.extractorVersion || force) {
      // Same body as before from this source (its metadata or the extractors may differ),
      // or an article written by an older extractor: refresh it in place.
      this.refreshArticle(a, existing.seq, runId, at);
    }
    this.s.upsertSource.run({ source: rec.source, articleId: rec.id, rawHash: a.rawHash, bytes: a.bytes, extractorVersion: rec.extractorVersion, at, runId });
    if (prev && prev.article_id !== rec.id) this.detachOld(prev.article_id, rec.source);
    if (prev) return 'replaced';
    return existing ? 'duplicate' : 'ingested';
  }

  /** The article a source used to hold: delete it when no source holds it any more. */
  private detachOld(oldId: string, source: string): void {
    const other = (this.s.otherSource.get(oldId) as { source: string | null }).source;
    if (other === null) {
      const old = this.s.article.get(oldId) as { seq: number } | undefined;
      if (old) this.s.delFts.run(old.seq);
      this.s.delArticle.run(oldId);
    } else {
      const old = this.s.article.get(oldId) as { source: string } | undefined;
      if (old?.source === source) this.s.setArticleSource.run(other, oldId);
    }
  }

  private articleParams(a: Accepted, runId: number, at: string) {
    const r = a.record;
    return {
      id: r.id, source: r.source, title: r.title, publishedAt: r.publishedAt, authors: JSON.stringify(r.authors), body: r.body,
      format: a.format, encoding: a.encoding, extractorVersion: r.extractorVersion, at, runId,
    };
  }

  private insertArticle(a: Accepted, runId: number, at: string): void {
    const seq = Number(this.s.insArticle.run(this.articleParams(a, runId, at)).lastInsertRowid);
    this.insertFts(seq, a.record);
    this.insertEntities(a.record);
  }

  private refreshArticle(a: Accepted, seq: number, runId: number, at: string): void {
    const params = this.articleParams(a, runId, at);
    this.s.updArticle.run(params);
    this.s.delFts.run(seq);
    this.insertFts(seq, a.record);
    for (const del of [this.s.delPeople, this.s.delAgencies, this.s.delDocuments, this.s.delDates, this.s.delCounts]) del.run(a.record.id);
    this.insertEntities(a.record);
  }

  private insertFts(seq: number, r: ArticleRecord): void {
    const title = r.title ?? '';
    this.s.insFts.run(seq, title, r.body, foldD(title), foldD(r.body));
  }

  private insertEntities(r: ArticleRecord): void {
    const id = r.id;
    const text = (s: number, e: number) => r.body.slice(s, e);
    r.people.forEach((p, i) => {
      const pid = this.s.insPerson.run(id, i, p.name, p.rank, JSON.stringify(p.titles), JSON.stringify(p.agencies)).lastInsertRowid;
      p.titles.forEach((t, j) => this.s.insTitle.run(pid, j, t));
      p.mentions.forEach(([s, e], j) => this.s.insPersonMention.run(pid, j, s, e, text(s, e)));
    });
    r.agencies.forEach((g, i) => {
      const gid = this.s.insAgency.run(id, i, g.name, JSON.stringify(g.aliases)).lastInsertRowid;
      g.mentions.forEach(([s, e], j) => this.s.insAgencyMention.run(gid, j, s, e, text(s, e)));
    });
    r.documents.forEach((d, i) => {
      const did = this.s.insDocument.run(id, i, d.type, d.number, d.issuer, d.date).lastInsertRowid;
      d.mentions.forEach(([s, e], j) => this.s.insDocumentMention.run(did, j, s, e, text(s, e)));
    });
    r.dates.forEach((d, i) => this.s.insDate.run(id, i, d.text, d.value, d.start, d.end));
    r.counts.forEach((c, i) => this.s.insCount.run(id, i, c.text, c.value, c.unit, c.approximate ? 1 : 0, c.of, c.start, c.end));
  }
}

/** Counters after a batch, without mutating the caller's (the caller adds them once committed). */
function tally(base: RunCounters, results: readonly (WriteOutcome | 'rejected')[]): RunCounters {
  const c = { ...base };
  for (const r of results) {
    if (r === 'ingested') c.ingested++;
    else if (r === 'unchanged') c.unchanged++;
    else if (r === 'replaced') c.replaced++;
    else if (r === 'duplicate') c.duplicates++;
    else c.rejected++;
  }
  return c;
}

// ---------------------------------------------------------------- reads: export and stats

interface ArticleRow {
  id: string; source: string; title: string | null; published_at: string | null; authors: string; body: string;
  extractor_version: string; ingested_at: string;
}

/** An exported record: SPEC §8 plus `ingestedAt` (extra fields are allowed by the contract). */
export type ExportRecord = ArticleRecord & { ingestedAt: string };

/**
 * Every article as its SPEC §8 record, ordered by source path (reproducible whatever order
 * the workers finished in). Streams: one article (and its
 * entities) in memory at a time.
 */
export function* iterateRecords(db: Db): Generator<ExportRecord> {
  // A fixed number of queries per article (was one more per person, agency and document):
  // the mentions of all the article's people (agencies, documents) come in one query each,
  // ordered by entity then mention, and are grouped here (measured: 490 → 294 ms for 2,000
  // records, byte-identical output).
  const q = {
    people: db.prepare('SELECT id, name, rank, titles, agencies FROM people WHERE article_id = ? ORDER BY ord'),
    personMentions: db.prepare(`SELECT m.person_id AS id, m.start_offset AS s, m.end_offset AS e FROM people p
                                JOIN person_mentions m ON m.person_id = p.id WHERE p.article_id = ? ORDER BY p.ord, m.ord`),
    agencies: db.prepare('SELECT id, name, aliases FROM agencies WHERE article_id = ? ORDER BY ord'),
    agencyMentions: db.prepare(`SELECT m.agency_id AS id, m.start_offset AS s, m.end_offset AS e FROM agencies g
                                JOIN agency_mentions m ON m.agency_id = g.id WHERE g.article_id = ? ORDER BY g.ord, m.ord`),
    documents: db.prepare('SELECT id, type, number, issuer, date FROM documents WHERE article_id = ? ORDER BY ord'),
    documentMentions: db.prepare(`SELECT m.document_id AS id, m.start_offset AS s, m.end_offset AS e FROM documents d
                                  JOIN document_mentions m ON m.document_id = d.id WHERE d.article_id = ? ORDER BY d.ord, m.ord`),
    dates: db.prepare('SELECT text, value, start_offset AS start, end_offset AS "end" FROM dates WHERE article_id = ? ORDER BY ord'),
    counts: db.prepare('SELECT text, value, unit, approximate, "of", start_offset AS start, end_offset AS "end" FROM counts WHERE article_id = ? ORDER BY ord'),
  };
  type Span = [number, number];
  /** Mentions grouped by entity id, in order. */
  const spansById = (rows: unknown[]): Map<number, Span[]> => {
    const out = new Map<number, Span[]>();
    for (const m of rows as { id: number; s: number; e: number }[]) {
      let list = out.get(m.id);
      if (!list) out.set(m.id, (list = []));
      list.push([m.s, m.e]);
    }
    return out;
  };
  const articles = db.prepare('SELECT id, source, title, published_at, authors, body, extractor_version, ingested_at FROM articles ORDER BY source, id');
  for (const a of articles.iterate() as IterableIterator<ArticleRow>) {
    const people = q.people.all(a.id) as { id: number; name: string; rank: ArticleRecord['people'][number]['rank']; titles: string; agencies: string }[];
    const personSpans = people.length > 0 ? spansById(q.personMentions.all(a.id)) : new Map<number, Span[]>();
    const agencies = q.agencies.all(a.id) as { id: number; name: string; aliases: string }[];
    const agencySpans = agencies.length > 0 ? spansById(q.agencyMentions.all(a.id)) : new Map<number, Span[]>();
    const documents = q.documents.all(a.id) as { id: number; type: ArticleRecord['documents'][number]['type']; number: string; issuer: string | null; date: string | null }[];
    const documentSpans = documents.length > 0 ? spansById(q.documentMentions.all(a.id)) : new Map<number, Span[]>();
    yield {
      id: a.id,
      source: a.source,
      title: a.title,
      publishedAt: a.published_at,
      authors: JSON.parse(a.authors) as string[],
      body: a.body,
      extractorVersion: a.extractor_version,
      ingestedAt: a.ingested_at,
      people: people.map((p) => ({
        name: p.name, rank: p.rank, titles: JSON.parse(p.titles) as string[], agencies: JSON.parse(p.agencies) as string[],
        mentions: personSpans.get(p.id) ?? [],
      })),
      agencies: agencies.map((g) => ({ name: g.name, aliases: JSON.parse(g.aliases) as string[], mentions: agencySpans.get(g.id) ?? [] })),
      documents: documents.map((d) => ({ type: d.type, number: d.number, issuer: d.issuer, date: d.date, mentions: documentSpans.get(d.id) ?? [] })),
      dates: q.dates.all(a.id) as ArticleRecord['dates'],
      counts: (q.counts.all(a.id) as { text: string; value: number; unit: string; approximate: number; of: number | null; start: number; end: number }[]).map((c) => ({
        text: c.text, value: c.value, unit: c.unit, approximate: c.approximate === 1, of: c.of, start: c.start, end: c.end,
      })),
    };
  }
}

export interface Stats {
  database: string;
  schemaVersion: number;
  articles: number;
  sources: number;
  entities: Record<'people' | 'agencies' | 'documents' | 'dates' | 'counts', number>;
  mentions: Record<'people' | 'agencies' | 'documents' | 'dates' | 'counts', number>;
  errors: { total: number; warnings: number; recent: { runId: number | null; path: string; stage: string; rule: string; reason: string; at: string }[] };
  runs: { id: number; startedAt: string; finishedAt: string | null; status: string; files: number; ingested: number; unchanged: number; replaced: number; duplicates: number; rejected: number }[];
}

export function readStats(db: Db, path: string, recent = 5): Stats {
  // One read transaction: every count comes from the same snapshot, even while an ingest commits.
  return db.transaction(() => statsSnapshot(db, path, recent))();
}

function statsSnapshot(db: Db, path: string, recent: number): Stats {
  const n = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  return {
    database: path,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    articles: n('SELECT count(*) FROM articles'),
    sources: n('SELECT count(*) FROM article_sources'),
    entities: {
      people: n('SELECT count(*) FROM people'),
      agencies: n('SELECT count(*) FROM agencies'),
      documents: n('SELECT count(*) FROM documents'),
      dates: n('SELECT count(*) FROM dates'),
      counts: n('SELECT count(*) FROM counts'),
    },
    mentions: {
      people: n('SELECT count(*) FROM person_mentions'),
      agencies: n('SELECT count(*) FROM agency_mentions'),
      documents: n('SELECT count(*) FROM document_mentions'),
      dates: n('SELECT count(*) FROM dates'),
      counts: n('SELECT count(*) FROM counts'),
    },
    errors: {
      total: n(`SELECT count(*) FROM errors WHERE level = 'error'`),
      warnings: n(`SELECT count(*) FROM errors WHERE level = 'warning'`),
      recent: db
        .prepare(`SELECT run_id AS runId, path, stage, rule, reason, at FROM errors WHERE level = 'error' ORDER BY id DESC LIMIT ?`)
        .all(recent) as Stats['errors']['recent'],
    },
    runs: db
      .prepare(`SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, files, ingested, unchanged, replaced, duplicates, rejected
                FROM runs ORDER BY id DESC LIMIT ?`)
      .all(recent) as Stats['runs'],
  };
}
