/**
 * Stage 6, write, and the reads behind `export` and `stats`. One process writes (the main
 * thread); every batch is one transaction, so an article and all its entities land together
 * or not at all, and a crash or Ctrl-C never leaves half an article.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleRecord } from '../schemas/article.js';
import { ENTITY_TABLES, MIGRATIONS, SCHEMA_VERSION, VALUE_INDEXES } from './schema.js';
import { ROW_WIDTH, rowsOf, type EntityRows, type SqlValue } from './rows.js';
import type { Accepted, AcceptedRows, Rejection, WriterItem } from './types.js';

export { SCHEMA_VERSION };

export class StoreError extends Error {}

export interface OpenOptions {
  /** Create the file (and its folders) when missing; export/stats never create one. */
  readonly create: boolean;
  /** Told before an existing database is upgraded: a large one takes a while (v3: ~6 s per 100,000 articles). */
  readonly onMigrate?: ((from: number, to: number) => void) | undefined;
  /** An ingest: a file this open creates starts without the value indexes (see `migrate`). */
  readonly deferValueIndexes?: boolean;
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

/**
 * Bring the schema up to date. A database from a newer vnextract is refused, not guessed at.
 * A fresh file (version 0) gets every migration in one transaction, so that no other
 * connection ever sees half a schema (v1's tables without v3's columns); with
 * `deferValueIndexes` (an ingest creating the file: a first load) that transaction also leaves
 * the value indexes out, for the run's end to build (Store.finishRun). Inside the transaction,
 * not later: another process preparing a statement while this one changed the schema could
 * fail to load the FTS table ("vtable constructor failed").
 */
export function migrate(db: Db, onMigrate?: (from: number, to: number) => void, deferValueIndexes = false): void {
  const userVersion = (): number => db.pragma('user_version', { simple: true }) as number;
  const version = userVersion();
  if (version > SCHEMA_VERSION)
    throw new StoreError(`database schema version ${version} is newer than this vnextract supports (${SCHEMA_VERSION}); upgrade vnextract`);
  if (version === SCHEMA_VERSION) return;
  if (version > 0) onMigrate?.(version, SCHEMA_VERSION);
  /** Migration v, then the foreign keys checked, then the version: inside a transaction. */
  const apply = (v: number): void => {
    db.exec(MIGRATIONS[v]!);
    const broken = db.pragma('foreign_key_check') as { table: string }[];
    if (broken.length > 0)
      throw new StoreError(`after schema migration ${v + 1}, ${broken.length} rows break a foreign key (first in table ${broken[0]!.table}); nothing was changed: the database stays at version ${v}`);
    db.pragma(`user_version = ${v + 1}`);
  };
  // Off while migrating: a migration that rebuilds a parent table (v3) drops the old one, and
  // with foreign keys on that drop would first delete its children by ON DELETE CASCADE. The
  // pragma is a no-op inside a transaction, so it is set around them, and the keys are checked
  // before each commit instead.
  const keys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    // Each transaction re-reads the version under the write lock: two processes opening a
    // fresh file at once (two ingests, or an export racing the first ingest) must not both
    // apply a migration.
    if (version === 0)
      db.transaction(() => {
        if (userVersion() > 0) return;
        for (let v = 0; v < SCHEMA_VERSION; v++) apply(v);
        if (deferValueIndexes) db.exec(VALUE_INDEXES.map((i) => `DROP INDEX ${i.name};`).join('\n'));
      }).immediate();
    for (let v = userVersion(); v < SCHEMA_VERSION; v++)
      db.transaction(() => {
        if (userVersion() === v) apply(v);
      }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${keys}`);
  }
}

/** The value indexes (schema.ts, VALUE_INDEXES) the database lacks. */
export function missingValueIndexes(db: Db): (typeof VALUE_INDEXES)[number][] {
  const present = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[]);
  return VALUE_INDEXES.filter((i) => !present.has(i.name));
}

/**
 * Create every value index the database lacks, each in its own transaction: a starting run
 * waits for one index at a time, never for all.
 */
function buildValueIndexes(db: Db): void {
  for (const i of missingValueIndexes(db)) db.transaction(() => db.exec(`CREATE INDEX IF NOT EXISTS ${i.definition};`))();
}

/** Run `f`, retrying every 25 ms while SQLite answers SQLITE_BUSY, for at most `ms`. */
function retryWhileBusy<T>(f: () => T, ms: number): T {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return f();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > until) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

/**
 * Create the folders of `dir` that are missing, top down, one `mkdir` each. Not
 * `mkdirSync(dir, { recursive: true })`: on Node 20, where the system answers ENOENT for a
 * folder whose parent exists (any path under /proc), that call retries forever at full CPU,
 * inside one system-call loop that no signal handler can interrupt.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.push(d);
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      // Another process (a second ingest) made it first.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

export function openDatabase(path: string, opts: OpenOptions): Db {
  if (!opts.create && !existsSync(path)) throw new StoreError(`no database at ${path} (run 'vnextract ingest' first, or pass --db FILE)`);
  if (opts.create) {
    try {
      makeFolders(dirname(path));
    } catch (err) {
      throw new StoreError(`cannot create the folder of database ${path}: ${(err as Error).message}`);
    }
  }
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
    // Switching a fresh file to WAL while another process opens it too can answer
    // SQLITE_BUSY at once, without the busy handler: retry for as long as busy_timeout.
    retryWhileBusy(() => db.pragma('journal_mode = WAL'), 10_000);
    // In WAL mode NORMAL still never corrupts or splits a transaction; it may lose the last
    // commits on power loss, which a re-run restores (the hash check makes re-runs cheap).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    retryWhileBusy(() => migrate(db, opts.onMigrate, opts.deferValueIndexes), 10_000);
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
  /** Article and entity rows of the batch in flight, in parent-before-child order (foreign keys). */
  private readonly rows: readonly RowBuffer[];
  private readonly articles: RowBuffer;
  /**
   * New values of articles refreshed in place (same body, newer extractor or --force): with a
   * new title, which re-indexes the FTS row, or without (the indexed title and body are unchanged).
   */
  private readonly retitled: RowBuffer;
  private readonly refreshedMeta: RowBuffer;
  /** Seqs of refreshed articles whose old entity rows go before the buffered new ones are written. */
  private refreshed: number[] = [];
  /** Articles a source of this batch no longer holds, with that source: settled at the end of the batch. */
  private detached: { readonly oldId: string; readonly source: string }[] = [];
  /** Ids of the articles waiting in `articles`, `retitled` or `refreshedMeta`: a lookup of one of them must flush first. */
  private readonly pendingArticles = new Set<string>();
  /** UTF-16 units of the bodies waiting in `articles`. */
  private pendingChars = 0;
  private readonly people: RowBuffer;
  private readonly personTitles: RowBuffer;
  private readonly personMentions: RowBuffer;
  private readonly agencies: RowBuffer;
  private readonly agencyMentions: RowBuffer;
  private readonly documents: RowBuffer;
  private readonly documentMentions: RowBuffer;
  private readonly dates: RowBuffer;
  private readonly counts: RowBuffer;
  /** Next free seq of articles and ids of people, agencies and documents: assigned here so children can be buffered too. */
  private next = { seq: 0, person: 0, agency: 0, document: 0 };

  constructor(db: Db) {
    this.db = db;
    // Checkpoint the WAL every 8,192 pages (32 MB) instead of SQLite's 1,000: the pages every
    // batch rewrites (index and FTS interior pages) are copied back to the database once per
    // checkpoint, so fewer checkpoints write less. Same crash safety (a checkpoint only copies
    // committed pages); the WAL file may reach ~32 MB plus a batch. Measured with niced workers
    // on 10,000 bench articles, 3 interleaved runs: wall 8.11 → 7.79 s; into a database already
    // holding 100,000 articles, 2 runs: 10.1 → 9.7 s. Measured and left out: checkpointing on
    // a thread of its own (a second connection running PASSIVE after every batch, this one at
    // 0) kept the log at 9 MB instead of 37 and the close at ~20 ms instead of 0.1–0.4 s (the
    // log's deletion waits for this VM's disk discard), but no run got faster: 10,000 bench
    // articles, 12 interleaved pairs, median +0.15 s; it adds a thread and 4× the fsyncs.
    db.pragma('wal_autocheckpoint = 8192');
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      source: p('SELECT article_id, raw_sha256, extractor_version FROM article_sources WHERE source = ?'),
      article: p('SELECT seq, source, extractor_version, title FROM articles WHERE id = ?'),
      setArticleSource: p('UPDATE articles SET source = ? WHERE id = ?'),
      // Entities go by ON DELETE CASCADE, FTS rows by the articles_fts_delete trigger: one statement, one FTS segment.
      delArticles: p('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))'),
      upsertSource: p(`INSERT INTO article_sources (source, article_id, raw_sha256, bytes, extractor_version, first_seen_at, updated_at, run_id)
                       VALUES (@source, @articleId, @rawHash, @bytes, @extractorVersion, @at, @at, @runId)
                       ON CONFLICT (source) DO UPDATE SET article_id = excluded.article_id, raw_sha256 = excluded.raw_sha256,
                         bytes = excluded.bytes, extractor_version = excluded.extractor_version, updated_at = excluded.updated_at, run_id = excluded.run_id`),
      otherSource: p('SELECT min(source) AS source FROM article_sources WHERE article_id = ?'),
      maxSeq: p('SELECT coalesce(max(seq), 0) FROM articles').pluck(),
      maxPerson: p('SELECT coalesce(max(id), 0) FROM people').pluck(),
      maxAgency: p('SELECT coalesce(max(id), 0) FROM agencies').pluck(),
      maxDocument: p('SELECT coalesce(max(id), 0) FROM documents').pluck(),
      // The entities of refreshed articles, a JSON array of seqs at a time; mentions and titles go by ON DELETE CASCADE.
      delEntities: ENTITY_TABLES.map((t) =>
        p(`DELETE FROM ${t} WHERE article_seq IN (SELECT value FROM json_each(?))`)),
      insError: p('INSERT INTO errors (run_id, path, stage, rule, level, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insRun: p(`INSERT INTO runs (started_at, status, command, pid, tool_version, extractor_version) VALUES (?, 'running', ?, ?, ?, ?)`),
      updRun: p(`UPDATE runs SET files = @files, ingested = @ingested, unchanged = @unchanged, replaced = @replaced,
                 duplicates = @duplicates, rejected = @rejected WHERE id = @id`),
      endRun: p('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?'),
      runningRuns: p(`SELECT id, pid FROM runs WHERE status = 'running'`),
    };
    const b = (table: string, columns: readonly string[], rowsPerInsert = ROWS_PER_INSERT) =>
      new RowBuffer(db, table, columns.length, rowsPerInsert, (values) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
    // Articles go in ARTICLES_PER_STATEMENT rows per statement because each statement that
    // writes articles_fts (through the articles_fts_* triggers) ends with FTS5 flushing its
    // pending terms into a new index segment, which later merges rewrite: one statement per
    // article made one segment per article. Measured on 5,000 saved bench outcomes, writer only:
    // inserts 0.36 → 0.29 ms/article; refreshing 3,000 articles in place 0.70 → 0.55 ms/article.
    this.articles = b('articles', ['seq', 'id', 'source', 'title', 'published_at', 'authors', 'body', 'format', 'encoding', 'extractor_version',
      'ingested_at', 'run_id'], ARTICLES_PER_STATEMENT);
    // VALUES columns are column1, column2, …: column1 is the id, then the columns set, in order.
    const u = (columns: readonly string[]) =>
      new RowBuffer(db, 'articles', columns.length + 1, ARTICLES_PER_STATEMENT, (values) =>
        `UPDATE articles SET ${columns.map((c, i) => `${c} = v.column${i + 2}`).join(', ')} FROM (VALUES ${values}) AS v WHERE articles.id = v.column1`);
    const meta = ['published_at', 'authors', 'format', 'encoding', 'extractor_version', 'ingested_at', 'run_id'];
    this.retitled = u(['title', ...meta]);
    // Without title in SET the articles_fts_update trigger does not fire: refreshing 3,000 articles
    // (writer only) took 0.55 ms/article when every refresh re-indexed its unchanged text, 0.29 without.
    this.refreshedMeta = u(meta);
    this.people = b('people', ['id', 'article_seq', 'article_id', 'ord', 'name', 'rank', 'titles', 'agencies']);
    this.agencies = b('agencies', ['id', 'article_seq', 'article_id', 'ord', 'name', 'aliases']);
    this.documents = b('documents', ['id', 'article_seq', 'article_id', 'ord', 'type', 'number', 'issuer', 'date']);
    this.personTitles = b('person_titles', ['person_id', 'ord', 'title']);
    this.personMentions = b('person_mentions', ['person_id', 'ord', 'start_offset', 'end_offset', 'text']);
    this.agencyMentions = b('agency_mentions', ['agency_id', 'ord', 'start_offset', 'end_offset', 'text']);
    this.documentMentions = b('document_mentions', ['document_id', 'ord', 'start_offset', 'end_offset', 'text']);
    this.dates = b('dates', ['article_seq', 'article_id', 'ord', 'text', 'value', 'start_offset', 'end_offset']);
    this.counts = b('counts', ['article_seq', 'article_id', 'ord', 'text', 'value', 'unit', 'approximate', '"of"', 'start_offset', 'end_offset']);
    this.rows = [this.articles, this.retitled, this.refreshedMeta, this.people, this.agencies, this.documents, this.personTitles,
      this.personMentions, this.agencyMentions, this.documentMentions, this.dates, this.counts];
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

  /**
   * The value indexes (schema.ts) are the writer's to keep. A first load starts without them
   * (the ingest that created the file left them out: `migrate`) and `finishRun` builds each in
   * one pass over its table: cheaper than keeping them sorted row by row. Measured on 10,000
   * bench articles, 4 interleaved runs: ingest wall 6.15 → 6.00 s, CPU 11.64 → 11.33 s (the
   * build itself 0.09 s); on 100,000: wall 51.3 → 49.6 s. Into a database that holds articles,
   * a run first builds any index a killed first load left out. While another ingest runs it
   * builds nothing: that would hold the write lock the other run needs; the last run to finish
   * builds them. Returns whether this run is a first load without them.
   */
  prepareValueIndexes(runId: number): boolean {
    if (this.otherLiveRun(runId)) return false;
    if (this.s.maxSeq.get() === 0) return missingValueIndexes(this.db).length > 0;
    buildValueIndexes(this.db);
    return false;
  }

  /** Another ingest is running on this database: a run row marked running whose process is alive. */
  private otherLiveRun(runId: number): boolean {
    return (this.s.runningRuns.all() as { id: number; pid: number | null }[]).some((r) => r.id !== runId && r.pid !== null && isAlive(r.pid));
  }

  /**
   * Close the run row, whatever its status; then, unless another ingest is still running,
   * build the value indexes that are missing (this run's first load dropped them, or a killed
   * or concurrent one did). In that order: of two runs ending together, the one that closes
   * its row second sees the other closed, so at least one of them builds.
   */
  finishRun(runId: number, status: RunStatus, counters: RunCounters): void {
    this.db.transaction(() => {
      this.s.updRun.run({ id: runId, ...counters });
      this.s.endRun.run(status, now(), runId);
    })();
    if (!this.otherLiveRun(runId)) buildValueIndexes(this.db);
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
  writeBatch(items: readonly WriterItem[], runId: number, counters: RunCounters, force = false): (WriteOutcome | 'rejected')[] {
    const tx = this.db.transaction(() => {
      // A source row is written as soon as its article is decided, while the article row may
      // still wait in the buffer: its foreign key is checked at commit, when every row is in.
      this.db.pragma('defer_foreign_keys = ON');
      const at = now();
      // Read under the write lock: no other writer can take these ids before the commit.
      this.next = {
        seq: (this.s.maxSeq.get() as number) + 1,
        person: (this.s.maxPerson.get() as number) + 1,
        agency: (this.s.maxAgency.get() as number) + 1,
        document: (this.s.maxDocument.get() as number) + 1,
      };
      const results = items.map((item) => (item.ok ? this.writeArticle(item, runId, at, force) : this.writeRejection(item, runId, at)));
      this.flushRows();
      this.settleDetached();
      this.s.updRun.run({ id: runId, ...counters, ...tally(counters, results) });
      return results;
    });
    try {
      return tx.immediate();
    } finally {
      // After a rollback, rows of the failed batch must not leak into the next one.
      for (const r of this.rows) r.clear();
      this.refreshed = [];
      this.detached = [];
      this.forgetPending();
    }
  }

  private writeRejection(r: Rejection, runId: number, at: string): 'rejected' {
    this.s.insError.run(runId, r.source, r.stage, r.rule, 'error', r.reason, at);
    return 'rejected';
  }

  private writeArticle(a: Accepted | AcceptedRows, runId: number, at: string, force: boolean): WriteOutcome {
    const rec = a.record;
    for (const m of a.messages) this.s.insError.run(runId, rec.source, m.stage, m.rule, 'warning', m.reason, at);
    const prev = this.s.source.get(rec.source) as { article_id: string; raw_sha256: string; extractor_version: string } | undefined;
    if (!force && prev && prev.raw_sha256 === a.rawHash && prev.extractor_version === rec.extractorVersion) return 'unchanged';
    // The same body from two files of one batch: the second must see the first's row.
    if (this.pendingArticles.has(rec.id)) this.flushRows();
    const existing = this.s.article.get(rec.id) as { seq: number; source: string; extractor_version: string; title: string | null } | undefined;
    if (!existing) {
      this.insertArticle(a, runId, at);
    } else if (prev?.article_id === rec.id || existing.extractor_version !== rec.extractorVersion || force) {
      // Same body as before from this source (its metadata or the extractors may differ),
      // or an article written by an older extractor: refresh it in place.
      this.refreshArticle(a, existing.seq, runId, at, existing.title !== rec.title);
    }
    this.s.upsertSource.run({ source: rec.source, articleId: rec.id, rawHash: a.rawHash, bytes: a.bytes, extractorVersion: rec.extractorVersion, at, runId });
    if (prev && prev.article_id !== rec.id) this.detached.push({ oldId: prev.article_id, source: rec.source });
    if (prev) return 'replaced';
    return existing ? 'duplicate' : 'ingested';
  }

  /**
   * The articles sources of this batch used to hold: deleted when no source holds them any
   * more, else re-homed to a source that does. Settled once, after every row of the batch is
   * written: an article one file dropped and another file of the same batch still holds (or
   * brings back) is kept, seq and all, and the deletes are one statement, so one FTS segment.
   */
  private settleDetached(): void {
    const gone = new Set<string>();
    for (const { oldId, source } of this.detached) {
      const other = (this.s.otherSource.get(oldId) as { source: string | null }).source;
      if (other === null) {
        gone.add(oldId);
      } else {
        const old = this.s.article.get(oldId) as { source: string } | undefined;
        if (old?.source === source) this.s.setArticleSource.run(other, oldId);
      }
    }
    if (gone.size > 0) this.s.delArticles.run(JSON.stringify([...gone]));
    this.detached = [];
  }

  private articleParams(a: Accepted | AcceptedRows, runId: number, at: string) {
    const r = a.record;
    return {
      id: r.id, source: r.source, title: r.title, publishedAt: r.publishedAt, authors: JSON.stringify(r.authors), body: r.body,
      format: a.format, encoding: a.encoding, extractorVersion: r.extractorVersion, at, runId,
    };
  }

  private insertArticle(a: Accepted | AcceptedRows, runId: number, at: string): void {
    // The FTS row is written by the articles_fts_insert trigger (schema v2) when the buffer is flushed.
    const p = this.articleParams(a, runId, at);
    // SQLite holds a copy of every body bound to one statement: long texts go in several.
    if (this.pendingChars > 0 && this.pendingChars + p.body.length > ARTICLE_CHARS_PER_STATEMENT) this.flushRows();
    const seq = this.next.seq++;
    this.articles.push(seq, p.id, p.source, p.title, p.publishedAt, p.authors, p.body, p.format, p.encoding, p.extractorVersion, p.at, p.runId);
    this.pendingChars += p.body.length;
    this.pendingArticles.add(p.id);
    this.insertEntities(seq, p.id, rowsOf(a));
  }

  private refreshArticle(a: Accepted | AcceptedRows, seq: number, runId: number, at: string, titleChanged: boolean): void {
    const p = this.articleParams(a, runId, at);
    // The body is the same (the id is its hash): only a new title re-indexes the FTS row.
    if (titleChanged) this.retitled.push(p.id, p.title, p.publishedAt, p.authors, p.format, p.encoding, p.extractorVersion, p.at, p.runId);
    else this.refreshedMeta.push(p.id, p.publishedAt, p.authors, p.format, p.encoding, p.extractorVersion, p.at, p.runId);
    this.refreshed.push(seq);
    this.pendingArticles.add(p.id);
    this.insertEntities(seq, p.id, rowsOf(a));
  }

  /**
   * Rows wait in the buffers until the end of the batch, or a read, update or delete that needs
   * them written. The old entities of refreshed articles go first, then the buffered rows, parents first.
   */
  private flushRows(): void {
    if (this.refreshed.length > 0) {
      const ids = JSON.stringify(this.refreshed);
      for (const del of this.s.delEntities) del.run(ids);
      this.refreshed = [];
    }
    for (const r of this.rows) r.flush();
    this.forgetPending();
  }

  private forgetPending(): void {
    this.pendingArticles.clear();
    this.pendingChars = 0;
  }

  /**
   * An article's entity rows (rows.ts) under the writer's ids: an entity's id is the next free
   * id plus its local id (its index, which rows.ts also writes as its `ord`); lists of the
   * article itself get its seq and id in front.
   */
  private insertEntities(seq: number, articleId: string, rows: EntityRows): void {
    const { person, agency, document } = this.next;
    /** Each row of `list` as `head(local)` and its values, without the local id when `keepFirst` is false. */
    const add = (buffer: RowBuffer, list: keyof EntityRows, head: (local: number) => SqlValue[], keepFirst: boolean): void => {
      const values = rows[list];
      const width = ROW_WIDTH[list];
      // A row's first value is its entity's local id (an integer, rows.ts); for dates and counts, its ord.
      for (let at = 0; at < values.length; at += width) buffer.append(head(values[at] as number), values, keepFirst ? at : at + 1, at + width);
    };
    add(this.people, 'people', (i) => [person + i, seq, articleId], true);
    add(this.personTitles, 'personTitles', (i) => [person + i], false);
    add(this.personMentions, 'personMentions', (i) => [person + i], false);
    add(this.agencies, 'agencies', (i) => [agency + i, seq, articleId], true);
    add(this.agencyMentions, 'agencyMentions', (i) => [agency + i], false);
    add(this.documents, 'documents', (i) => [document + i, seq, articleId], true);
    add(this.documentMentions, 'documentMentions', (i) => [document + i], false);
    add(this.dates, 'dates', () => [seq, articleId], true);
    add(this.counts, 'counts', () => [seq, articleId], true);
    this.next.person += rows.people.length / ROW_WIDTH.people;
    this.next.agency += rows.agencies.length / ROW_WIDTH.agencies;
    this.next.document += rows.documents.length / ROW_WIDTH.documents;
  }
}


/**
 * The rows of one table waiting to be written, `rowsPerStatement` at a time with one statement
 * over a multi-row `VALUES (…), (…)` (an INSERT, or an UPDATE … FROM): one statement step per
 * chunk instead of one per row. Statements are prepared once per row count and reused.
 */
class RowBuffer {
  private values: SqlValue[] = [];
  private readonly stmts = new Map<number, Database.Statement>();

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly width: number,
    private readonly rowsPerStatement: number,
    /** The statement for a `VALUES` list of placeholders. */
    private readonly sql: (values: string) => string,
  ) {}

  push(...row: SqlValue[]): void {
    this.append(row, [], 0, 0);
  }

  /** A row of `head` then `values[from..to)`. */
  append(head: readonly SqlValue[], values: readonly SqlValue[], from: number, to: number): void {
    // A wrong arity would shift every later row: refuse it here, not as a garbled insert.
    const n = head.length + Math.min(to, values.length) - from;
    if (n !== this.width) throw new StoreError(`${this.table}: ${n} values for ${this.width} columns`);
    for (const v of head) this.values.push(v);
    for (let i = from; i < to; i++) this.values.push(values[i] as SqlValue);
  }

  clear(): void {
    this.values = [];
  }

  flush(): void {
    const width = this.width;
    const rows = this.values.length / width;
    for (let at = 0; at < rows; at += this.rowsPerStatement) {
      const n = Math.min(this.rowsPerStatement, rows - at);
      this.stmt(n).run(this.values.slice(at * width, (at + n) * width));
    }
    this.values = [];
  }

  private stmt(rows: number): Database.Statement {
    let s = this.stmts.get(rows);
    if (!s) {
      const one = `(${Array.from({ length: this.width }, () => '?').join(', ')})`;
      s = this.db.prepare(this.sql(Array.from({ length: rows }, () => one).join(', ')));
      this.stmts.set(rows, s);
    }
    return s;
  }
}

const ROWS_PER_INSERT = 64;
/** Up to a whole default batch (200) in one statement: 12 parameters a row stay far below SQLite's 32,766. */
const ARTICLES_PER_STATEMENT = 256;
/**
 * …and at most about this many UTF-16 units of body text (2 MB as UTF-16): a default batch of
 * bench articles (~660k units) is still one statement, while a batch of long files (the writer
 * commits at 32M units) does not make SQLite copy all of them at once.
 */
export const ARTICLE_CHARS_PER_STATEMENT = 1 << 20;

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

/** An exported record: SPEC §8 plus `ingestedAt` (extra fields are allowed by the contract). */
export type ExportRecord = ArticleRecord & { ingestedAt: string };

/**
 * Register `js_number(x)`: a REAL as JavaScript writes it (shortest round-trip form, `1e+21`).
 * SQLite writes reals with up to 17 digits and a padded exponent (`0.33333333333333332`,
 * `1.0e+21`); exports must stay byte-identical to `JSON.stringify`, so the few REAL values
 * (counts) go through this, integers and text never do.
 */
export function registerJsNumber(db: Db): void {
  db.function('js_number', { deterministic: true }, (x: unknown) => (typeof x === 'number' ? JSON.stringify(x) : null));
  // The same for CSV, which writes String(x).
  db.function('js_string', { deterministic: true }, (x: unknown) => (typeof x === 'number' ? String(x) : null));
}

/** A NUMERIC column as a JSON number exactly as JSON.stringify writes it. */
export const jsonNumber = (col: string): string => `CASE typeof(${col}) WHEN 'real' THEN json(js_number(${col})) ELSE ${col} END`;

/** A JSON-array column, embedded as JSON; '[]' (most aliases) without parsing it. */
const jsonArray = (col: string): string => `CASE ${col} WHEN '[]' THEN json_array() ELSE json(${col}) END`;

/**
 * `[[start, end], …]` of one entity's mentions, in order.
 *
 * Order without ORDER BY: every list below is read through the index whose key is
 * (parent, ord) — UNIQUE (article_seq, ord) of each family, PRIMARY KEY (person_id, ord) of
 * each mention table — so rows reach json_group_array in ord order. An aggregate ORDER BY
 * would say so explicitly but opens a sorter for every list (~27 per article): measured on
 * 10,000 articles, 490 → 390 ms for the whole export. tests/store.test.ts pins this: rows
 * inserted out of ord order come out in ord order, and the plan searches those indexes.
 */
const mentionsJson = (table: string, key: string, id: string): string =>
  `(SELECT json_group_array(json_array(m.start_offset, m.end_offset)) FROM ${table} m WHERE m.${key} = ${id})`;

/**
 * One row per article: its whole SPEC §8 record as JSON (UTF-8 bytes), built by SQLite (json_object,
 * json_group_array, lists in ord order), keys in the ArticleRecord order, numbers, nulls and
 * escapes exactly as JSON.stringify writes them (tests/store.test.ts compares the two). Node
 * only writes the bytes: `vnextract export` of 10,000 bench articles went from 1.8 s (one JS
 * object per record, 8 queries per article) to 0.47 s.
 * Ordered by source path: reproducible whatever order the workers finished in.
 */
export const RECORD_JSON_SQL = `
SELECT CAST(json_object(
  'id', a.id, 'source', a.source, 'title', a.title, 'publishedAt', a.published_at, 'authors', ${jsonArray('a.authors')},
  'body', a.body, 'extractorVersion', a.extractor_version, 'ingestedAt', a.ingested_at,
  'people', (SELECT json_group_array(json_object('name', p.name, 'rank', p.rank, 'titles', ${jsonArray('p.titles')}, 'agencies', ${jsonArray('p.agencies')},
                                                 'mentions', ${mentionsJson('person_mentions', 'person_id', 'p.id')}))
             FROM people p WHERE p.article_seq = a.seq),
  'agencies', (SELECT json_group_array(json_object('name', g.name, 'aliases', ${jsonArray('g.aliases')},
                                                   'mentions', ${mentionsJson('agency_mentions', 'agency_id', 'g.id')}))
               FROM agencies g WHERE g.article_seq = a.seq),
  'documents', (SELECT json_group_array(json_object('type', d.type, 'number', d.number, 'issuer', d.issuer, 'date', d.date,
                                                    'mentions', ${mentionsJson('document_mentions', 'document_id', 'd.id')}))
                FROM documents d WHERE d.article_seq = a.seq),
  'dates', (SELECT json_group_array(json_object('text', t.text, 'value', t.value, 'start', t.start_offset, 'end', t.end_offset))
            FROM dates t WHERE t.article_seq = a.seq),
  'counts', (SELECT json_group_array(json_object('text', c.text, 'value', ${jsonNumber('c.value')}, 'unit', c.unit,
                                                 'approximate', json(CASE c.approximate WHEN 1 THEN 'true' ELSE 'false' END),
                                                 'of', ${jsonNumber('c."of"')}, 'start', c.start_offset, 'end', c.end_offset))
             FROM counts c WHERE c.article_seq = a.seq)
) AS BLOB) AS record FROM articles a ORDER BY a.source, a.id`;

/**
 * Every article's record as UTF-8 JSON bytes, streamed: one article in memory at a time.
 * Read as a BLOB (same bytes as the TEXT): the bytes go from SQLite to the output untouched,
 * never decoded into a JS string and encoded back (measured on 10,000 articles: 750 → 500 ms).
 */
export function iterateRecordJson(db: Db): IterableIterator<Buffer> {
  registerJsNumber(db);
  return db.prepare(RECORD_JSON_SQL).pluck().iterate() as IterableIterator<Buffer>;
}

/** Every article as its SPEC §8 record (the parsed form of iterateRecordJson). */
export function* iterateRecords(db: Db): Generator<ExportRecord> {
  for (const json of iterateRecordJson(db)) yield JSON.parse(json.toString('utf8')) as ExportRecord;
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
