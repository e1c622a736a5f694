/**
 * Concurrent access (issue 5): readers (in-process queries, `export` and `stats` in other
 * processes) during an ingest always see whole articles and never stop the writer; two
 * ingests into one database at once serialise safely. Needs dist/ (npx tsc -p tsconfig.json).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, Store, type ExportRecord } from '../pipeline/store.js';
import { writeCorpus } from '../scripts/corpus.js';
import { BIN, checkDatabase, contentHash, missingValueIndexNames, normalisedExport, recordHashes, runIngest } from '../scripts/kill-lib.js';
import { query, tempDir } from './helpers.js';

/** Run the CLI without blocking this event loop (the ingest child keeps running meanwhile). */
function cliAsync(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('readers during an ingest', () => {
  const t = tempDir('vnextract-readers-');
  const batch = join(t.dir, 'batch');
  let expected: Map<string, string>;
  beforeAll(async () => {
    writeCorpus(batch, 600, 11);
    const ref = join(t.dir, 'ref.sqlite');
    const r = await runIngest([batch], ref);
    expect(r.code).toBe(0);
    expected = recordHashes(ref);
  }, 60_000);
  afterAll(t.cleanup);

  it('every snapshot holds whole articles; a held snapshot does not move and does not stop the writer', async () => {
    const db = join(t.dir, 'live.sqlite');
    // One worker and small batches: a slower run with many commits for the readers to meet.
    const ingest = runIngest([batch], db, { extraArgs: ['--workers', '1', '--batch-size', '5'] });
    let finished = false;
    void ingest.then(() => (finished = true));
    const errors: string[] = [];
    const sizes: number[] = [];
    let exports = 0;
    let held: { before: number; during: number; after: number; writerMoved: number } | null = null;
    while (!finished) {
      try {
        if (!held && sizes.length > 0 && sizes.at(-1)! > 0) {
          // A reader holding one read transaction for a while: its view stays put, the writer goes on.
          const conn = new Database(db, { readonly: true });
          conn.pragma('busy_timeout = 10000');
          conn.exec('BEGIN');
          const count = (): number => conn.prepare('SELECT count(*) FROM articles').pluck().get() as number;
          const before = count();
          await sleep(700);
          const during = count();
          const writerMoved = query<{ n: number }>(db, 'SELECT count(*) AS n FROM articles')[0]!.n - before;
          conn.exec('COMMIT');
          held = { before, during, after: count(), writerMoved };
          conn.close();
        }
        const hashes = recordHashes(db); // one statement: one snapshot
        for (const [id, h] of hashes) if (expected.get(id) !== h) errors.push(`in-process reader: article ${id.slice(0, 12)} not whole`);
        sizes.push(hashes.size);
        const out = await cliAsync(['export', '--db', db, '--format', 'jsonl']);
        if (out.code !== 0) errors.push(`export exited ${out.code}: ${out.stderr}`);
        for (const line of out.stdout.split('\n').filter((l) => l.length > 0)) {
          const rec = JSON.parse(line) as ExportRecord;
          if (expected.get(rec.id) !== contentHash(rec)) errors.push(`export: article ${rec.id.slice(0, 12)} not whole`);
        }
        exports++;
        const stats = await cliAsync(['stats', '--db', db, '--json']);
        if (stats.code !== 0) errors.push(`stats exited ${stats.code}: ${stats.stderr}`);
      } catch (err) {
        // The file may not exist for the first moments of the run; anything later is a failure.
        const msg = (err as Error).message;
        if (!/unable to open database|no such table|no database at/u.test(msg) || sizes.length > 0) errors.push(msg);
        await sleep(50);
      }
    }
    const run = await ingest;
    expect(run.code).toBe(0);
    expect(errors).toEqual([]);
    expect(exports).toBeGreaterThanOrEqual(1);
    // Snapshots only ever grow (a reader never sees a batch half-written, or one undone).
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(held).not.toBeNull();
    expect(held!.during).toBe(held!.before);
    if (held!.after < 600) expect(held!.writerMoved).toBeGreaterThan(0);
    const final = checkDatabase(db, expected);
    expect(final.problems).toEqual([]);
    expect(final.articles).toBe(600);
    expect(missingValueIndexNames(db)).toEqual([]);
  }, 60_000);

  it('the writer and the readers wait for locks (busy_timeout), never fail at once', () => {
    const db = join(t.dir, 'timeouts.sqlite');
    const w = Store.open(db, { create: true });
    const r = openDatabase(db, { create: false });
    try {
      expect(w.db.pragma('busy_timeout', { simple: true })).toBe(10000);
      expect(r.pragma('busy_timeout', { simple: true })).toBe(10000);
      expect(r.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      r.close();
      w.close();
    }
  });
});

describe('two ingests into one database at once', () => {
  const t = tempDir('vnextract-two-');
  afterAll(t.cleanup);

  it('serialise safely, even on a fresh file: both finish, nothing is lost or doubled, the export equals one run', async () => {
    const shared = join(t.dir, 'shared');
    const a = join(t.dir, 'a');
    const b = join(t.dir, 'b');
    writeCorpus(shared, 40, 21);
    writeCorpus(a, 60, 22);
    writeCorpus(b, 60, 23);
    const single = join(t.dir, 'single.sqlite');
    expect((await runIngest([shared, a, b], single)).code).toBe(0);
    const want = normalisedExport(single, join(t.dir, 'single.jsonl'), t.dir);
    expect(want).toHaveLength(160);
    for (let round = 0; round < 2; round++) {
      const db = join(t.dir, `both-${round}.sqlite`);
      const [x, y] = await Promise.all([
        runIngest([shared, a], db, { extraArgs: ['--batch-size', '10', '--json'] }),
        runIngest([b, shared], db, { extraArgs: ['--batch-size', '10'] }),
      ]);
      expect([x.code, y.code, x.stderr + y.stderr]).toEqual([0, 0, '']);
      expect(checkDatabase(db).problems).toEqual([]);
      // Both may have started on an empty file: whichever finished last built the value indexes.
      expect(missingValueIndexNames(db)).toEqual([]);
      const runs = query<{ status: string; ingested: number; unchanged: number }>(db, 'SELECT status, ingested, unchanged FROM runs');
      expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
      // Each shared file was written by exactly one of the two runs.
      expect(runs.reduce((n, r) => n + r.ingested, 0)).toBe(160);
      expect(runs.reduce((n, r) => n + r.unchanged, 0)).toBe(40);
      expect(normalisedExport(db, join(t.dir, `both-${round}.jsonl`), t.dir)).toEqual(want);
    }
  }, 60_000);
});
