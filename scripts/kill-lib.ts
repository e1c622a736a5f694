/**
 * The kill harness: run `vnextract ingest` over a batch, SIGKILL it at a random moment,
 * check the database, re-run, and at the end compare the export with an uninterrupted run.
 * Used at CI size by tests/crash.test.ts and at full size by scripts/kill-harness.ts.
 *
 * "Whole" is checked against a reference: every article present after a kill must be exactly
 * the record (entities, mentions, offsets) a clean, uninterrupted ingest of the same file
 * writes. The reference database ingests every version of every file the harness will ever
 * write (the base batch and the rewritten versions), so an article from any moment of the
 * run can be looked up by its id.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { ENTITY_TABLES } from '../pipeline/schema.js';
import { iterateRecords, missingValueIndexes, type ExportRecord } from '../pipeline/store.js';
import { articlePath, makeArticle, prng, ROOT, seedParagraphs } from './corpus.js';

export const BIN = join(ROOT, 'bin', 'vnextract.js');
let bin = BIN;

/**
 * Run a private copy of the built CLI (bin/, dist/, package.json; node_modules linked) so
 * a long harness is not disturbed by dist/ being rebuilt meanwhile.
 */
export function useSnapshot(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  bin = join(dir, 'bin', 'vnextract.js');
}

export interface IngestRun {
  /** Exit code, or null when the process died of a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the harness's signal, not the end of the work, stopped it. */
  readonly killed: boolean;
  readonly ms: number;
  readonly stderr: string;
}

/** Run `vnextract ingest PATHS --db DB --quiet`; send `signal` after `killAfterMs` unless it ended first. */
export function runIngest(
  paths: readonly string[],
  db: string,
  opts: { killAfterMs?: number; signal?: NodeJS.Signals; extraArgs?: readonly string[]; abort?: AbortSignal } = {},
): Promise<IngestRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'ingest', ...paths, '--db', db, '--quiet', ...(opts.extraArgs ?? [])], {
    stdio: ['ignore', 'ignore', 'pipe'],
    ...(opts.abort ? { signal: opts.abort, killSignal: 'SIGKILL' as const } : {}),
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  let killed = false;
  const timer =
    opts.killAfterMs === undefined
      ? null
      : setTimeout(() => {
          killed = child.kill(opts.signal ?? 'SIGKILL');
        }, opts.killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      if (!opts.abort?.aborted) reject(err);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (opts.abort?.aborted) killed = true;
      resolve({ code, signal, killed: killed && (signal !== null || code === 130), ms: performance.now() - t0, stderr });
    });
  });
}

/** A record as it must match across databases: without the time it was written. */
function withoutTimes(r: ExportRecord): Omit<ExportRecord, 'ingestedAt'> {
  const { ingestedAt, ...rest } = r;
  void ingestedAt;
  return rest;
}

/** sha256 of a record's content, source and write time left out (a body has one content). */
export function contentHash(r: ExportRecord): string {
  const { source, ...rest } = withoutTimes(r);
  void source;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** article id → content hash, for every article of a database. */
export function recordHashes(db: string): Map<string, string> {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const out = new Map<string, string>();
    for (const r of iterateRecords(conn)) out.set(r.id, contentHash(r));
    return out;
  } finally {
    conn.close();
  }
}

/**
 * Names of the value indexes a database lacks (store.ts). A first load goes without them until
 * its run ends, so a run killed in its first load may leave them out; a run that finished may not.
 */
export function missingValueIndexNames(db: string): string[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return missingValueIndexes(conn).map((i) => i.name);
  } finally {
    conn.close();
  }
}

/**
 * Check a database after a kill. Returns the problems found (empty when sound):
 * integrity, foreign keys, FTS index, orphan rows, and every article whole (its record equals
 * the reference's for the same id). `expected` may be omitted to skip the last check.
 */
export function checkDatabase(db: string, expected?: ReadonlyMap<string, string>): { problems: string[]; articles: number } {
  const problems: string[] = [];
  const conn = new Database(db, { fileMustExist: true });
  try {
    conn.pragma('busy_timeout = 10000');
    const integrity = conn.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const fk = conn.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violations, e.g. ${JSON.stringify(fk[0])}`);
    try {
      conn.exec(`INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`);
    } catch (err) {
      problems.push(`fts integrity-check: ${(err as Error).message}`);
    }
    const orphanQueries: Record<string, string> = {
      ...Object.fromEntries(ENTITY_TABLES.flatMap((t) => [
        [`${t} without article`, `SELECT count(*) FROM ${t} WHERE article_seq NOT IN (SELECT seq FROM articles)`],
        // article_id is a copy of the article's id (schema v3): it must name the same article.
        [`${t} whose article_id differs from their article`, `SELECT count(*) FROM ${t} x JOIN articles a ON a.seq = x.article_seq WHERE x.article_id <> a.id`],
      ])),
      'person_titles without person': 'SELECT count(*) FROM person_titles WHERE person_id NOT IN (SELECT id FROM people)',
      'person_mentions without person': 'SELECT count(*) FROM person_mentions WHERE person_id NOT IN (SELECT id FROM people)',
      'agency_mentions without agency': 'SELECT count(*) FROM agency_mentions WHERE agency_id NOT IN (SELECT id FROM agencies)',
      'document_mentions without document': 'SELECT count(*) FROM document_mentions WHERE document_id NOT IN (SELECT id FROM documents)',
      'sources without article': 'SELECT count(*) FROM article_sources WHERE article_id NOT IN (SELECT id FROM articles)',
      'articles without source': 'SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_sources)',
      'fts rows without article': 'SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT seq FROM articles)',
      'articles without fts row': 'SELECT count(*) FROM articles WHERE seq NOT IN (SELECT rowid FROM articles_fts)',
    };
    for (const [what, sql] of Object.entries(orphanQueries)) {
      const n = conn.prepare(sql).pluck().get() as number;
      if (n > 0) problems.push(`${what}: ${n}`);
    }
    const running = conn.prepare(`SELECT count(*) FROM runs WHERE status = 'running'`).pluck().get() as number;
    if (running > 1) problems.push(`${running} runs left 'running' (a later run marks dead ones crashed)`);
    let articles = 0;
    for (const r of iterateRecords(conn)) {
      articles++;
      if (!expected) continue;
      const want = expected.get(r.id);
      if (want === undefined) problems.push(`article ${r.id.slice(0, 12)} (${r.source}) is not any version of any file`);
      else if (want !== contentHash(r)) problems.push(`article ${r.id.slice(0, 12)} (${r.source}) is not whole: its record differs from a clean ingest`);
    }
    return { problems, articles };
  } finally {
    conn.close();
  }
}

/**
 * The export as the comparison sees it: jsonl through the real CLI, one line per article,
 * `ingestedAt` dropped, sources made relative to `base` (two runs over copies of one batch
 * compare), sorted by id.
 */
export function normalisedExport(db: string, out: string, base: string): string[] {
  const r = spawnSync(process.execPath, [bin, 'export', '--db', db, '--format', 'jsonl', '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`export failed (${r.status}): ${r.stderr}`);
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l.length > 0);
  return lines
    .map((l) => {
      const rec = withoutTimes(JSON.parse(l) as ExportRecord);
      return { id: rec.id, line: JSON.stringify({ ...rec, source: relative(base, rec.source) }) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((x) => x.line);
}

/** How long a run takes to commit its first batch (start-up, worker load, first batch). */
async function timeToFirstCommit(batch: string, db: string, args: readonly string[]): Promise<number> {
  const t0 = performance.now();
  const stop = new AbortController();
  const run = runIngest([batch], db, { extraArgs: args, abort: stop.signal });
  let done = false;
  void run.then(() => (done = true));
  let ms = 0;
  while (!done) {
    await new Promise((r) => setTimeout(r, 10));
    try {
      const conn = new Database(db, { readonly: true, fileMustExist: true });
      try {
        if ((conn.prepare('SELECT count(*) FROM articles').pluck().get() as number) > 0) {
          ms = performance.now() - t0;
          stop.abort();
          break;
        }
      } finally {
        conn.close();
      }
    } catch {
      // Not created or not migrated yet.
    }
  }
  await run;
  return ms > 0 ? ms : performance.now() - t0;
}

export interface HarnessOptions {
  /** Working folder (the batch, the databases); must be empty or new. */
  readonly dir: string;
  readonly articles: number;
  /** Kill cycles to run (each: start, SIGKILL at a random moment, check). */
  readonly cycles: number;
  readonly seed: number;
  /** Articles per transaction passed to ingest (smaller: more commits to land a kill between). */
  readonly batchSize: number;
  /** Files rewritten with a new version each time a run finishes before its kill. */
  readonly rewrite: number;
  /**
   * Every this many cycles the run is left to finish (0: never), so `rewrite` files change and
   * the kills after it land while the writer replaces articles. Left to chance, runs rarely
   * finish before their kill, and replacement was almost never killed.
   */
  readonly finishEvery?: number;
  readonly log?: (line: string) => void;
}

export interface HarnessResult {
  readonly cycles: number;
  /** Cycles whose run died of SIGKILL (the others finished before their moment came). */
  readonly killed: number;
  /** Database checks made (one after each cycle whose file existed, one after the final re-run). */
  readonly checks: number;
  readonly problems: string[];
  readonly articles: number;
  readonly rewritten: number;
  readonly exportLines: number;
  readonly exportsEqual: boolean;
  readonly firstDifference: string | null;
  readonly referenceMs: number;
  readonly seconds: number;
}

/**
 * The whole harness. Timing adapts to the machine: an uninterrupted reference run is timed
 * first, and each kill lands uniformly within about 2/cycles of it (plus start-up), so about
 * `cycles` kills are needed to get through the batch; a tenth of the kills land in the
 * first moments (opening, migrating). When a run finishes before its kill, `rewrite` files
 * get a new version, so the following cycles still have work (and exercise replacement).
 */
export async function killHarness(o: HarnessOptions): Promise<HarnessResult> {
  const t0 = performance.now();
  const log = o.log ?? (() => undefined);
  const rnd = prng(o.seed);
  const paragraphs = seedParagraphs();
  const batch = join(o.dir, 'batch');
  const versions = join(o.dir, 'versions');
  const content: string[] = [];
  for (let i = 0; i < o.articles; i++) {
    const p = articlePath(batch, i);
    mkdirSync(join(p, '..'), { recursive: true });
    content.push(makeArticle(i, rnd, paragraphs));
    writeFileSync(p, content[i]!);
  }
  // Every later version of every file, planned now so the reference can hold them all.
  const maxEpochs = Math.max(4, o.cycles);
  const plan: { epoch: number; i: number; text: string }[] = [];
  for (let e = 1; e <= maxEpochs; e++) {
    for (let k = 0; k < Math.min(o.rewrite, o.articles); k++) {
      const i = Math.floor(rnd() * o.articles);
      const text = makeArticle(i, rnd, paragraphs, e);
      plan.push({ epoch: e, i, text });
      const p = articlePath(join(versions, `v${e}-${k}`), i);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, text);
    }
  }
  const refAll = join(o.dir, 'reference-all.sqlite');
  const batchArgs = ['--batch-size', String(o.batchSize)];
  const ref = await runIngest([batch, versions], refAll, { extraArgs: batchArgs });
  if (ref.code !== 0) throw new Error(`reference ingest failed (${ref.code}): ${ref.stderr}`);
  const expected = recordHashes(refAll);
  const startupMs = await timeToFirstCommit(batch, join(o.dir, 'calibrate.sqlite'), batchArgs);
  // Time of one uninterrupted run of the batch alone (the reference also held the versions).
  const perArticleMs = Math.max(0, ref.ms - startupMs) / (o.articles + plan.length);
  const workMs = Math.max(50, perArticleMs * o.articles);
  log(`reference: ${expected.size} articles in ${(ref.ms / 1000).toFixed(1)}s; first commit after ${Math.round(startupMs)}ms`);

  const db = join(o.dir, 'killed.sqlite');
  const problems: string[] = [];
  let killed = 0;
  let epoch = 0;
  let rewritten = 0;
  let checks = 1; // the one after the final re-run
  for (let c = 1; c <= o.cycles; c++) {
    const early = rnd() < 0.1;
    const delay = early ? rnd() * startupMs : startupMs + rnd() * (2 * workMs) / o.cycles;
    const every = o.finishEvery ?? 0;
    const finish = every > 0 && c % every === 0;
    const run = await runIngest([batch], db, finish ? { extraArgs: batchArgs } : { killAfterMs: delay, extraArgs: batchArgs });
    if (run.killed) killed++;
    else if (run.code !== 0) problems.push(`cycle ${c}: ingest exited ${run.code}: ${run.stderr.trim()}`);
    if (run.killed && !existsSync(db)) {
      // An early kill can come before the process created the file: nothing to check yet.
      log(`cycle ${c}: killed after ${Math.round(delay)}ms, before the database file existed`);
      continue;
    }
    const check = checkDatabase(db, expected);
    checks++;
    if (!run.killed) check.problems.push(...missingValueIndexNames(db).map((n) => `index ${n} missing after a finished run`));
    for (const p of check.problems) problems.push(`cycle ${c}: ${p}`);
    log(`cycle ${c}: ${run.killed ? `killed after ${Math.round(delay)}ms` : `finished in ${Math.round(run.ms)}ms`}, ` +
      `${check.articles} articles, ${check.problems.length === 0 ? 'ok' : check.problems.join('; ')}`);
    if (!run.killed && epoch < maxEpochs) {
      epoch++;
      for (const v of plan.filter((x) => x.epoch === epoch)) {
        writeFileSync(articlePath(batch, v.i), v.text);
        content[v.i] = v.text;
        rewritten++;
      }
    }
  }
  // The re-run that completes the job, then an uninterrupted run over a copy of the final batch.
  const last = await runIngest([batch], db, { extraArgs: batchArgs });
  if (last.code !== 0) problems.push(`final re-run exited ${last.code}: ${last.stderr.trim()}`);
  const finalCheck = checkDatabase(db, expected);
  for (const p of finalCheck.problems) problems.push(`after the final re-run: ${p}`);
  for (const n of missingValueIndexNames(db)) problems.push(`after the final re-run: index ${n} missing`);
  const clean = join(o.dir, 'clean');
  content.forEach((text, i) => {
    const p = articlePath(clean, i);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  });
  const cleanDb = join(o.dir, 'clean.sqlite');
  const cleanRun = await runIngest([clean], cleanDb, { extraArgs: batchArgs });
  if (cleanRun.code !== 0) throw new Error(`clean ingest failed (${cleanRun.code}): ${cleanRun.stderr}`);
  const a = normalisedExport(db, join(o.dir, 'killed.jsonl'), batch);
  const b = normalisedExport(cleanDb, join(o.dir, 'clean.jsonl'), clean);
  let firstDifference: string | null = a.length === b.length ? null : `${a.length} records after kills, ${b.length} uninterrupted`;
  for (let i = 0; firstDifference === null && i < a.length; i++)
    if (a[i] !== b[i]) firstDifference = `record ${i}: ${a[i]!.slice(0, 200)} ≠ ${b[i]!.slice(0, 200)}`;
  return {
    cycles: o.cycles, killed, checks, problems, articles: finalCheck.articles, rewritten,
    exportLines: a.length, exportsEqual: firstDifference === null, firstDifference, referenceMs: ref.ms,
    seconds: (performance.now() - t0) / 1000,
  };
}
