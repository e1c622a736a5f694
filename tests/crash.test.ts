/**
 * Crash safety (issue 5) at CI size: the kill harness of scripts/kill-lib.ts over 300 articles
 * and 5 SIGKILL cycles, and a SIGTERM that closes the run cleanly. `npm run kill-harness` is
 * the full run (thousands of articles, ≥ 20 cycles). Needs dist/ (npx tsc -p tsconfig.json).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatabase, killHarness, runIngest } from '../scripts/kill-lib.js';
import { writeCorpus } from '../scripts/corpus.js';
import { query, tempDir } from './helpers.js';

describe('kill harness (CI size: 300 articles × 6 cycles, the 3rd and 6th left to finish)', () => {
  const t = tempDir('vnextract-crash-');
  afterAll(t.cleanup);

  it('after every kill the database is sound and every article whole; the final export equals an uninterrupted run', async () => {
    // Cycle 3 finishes, 15 files get new texts, and cycles 4-5 are killed while the writer replaces them.
    const r = await killHarness({ dir: t.dir, articles: 300, cycles: 6, seed: 20250, batchSize: 20, rewrite: 15, finishEvery: 3 });
    expect(r.problems).toEqual([]);
    expect(r.firstDifference).toBeNull();
    expect(r.exportsEqual).toBe(true);
    expect(r.exportLines).toBe(300);
    expect(r.killed).toBeGreaterThanOrEqual(1);
    expect(r.rewritten).toBeGreaterThanOrEqual(15);
  }, 60_000);
});

describe('signals', () => {
  const t = tempDir('vnextract-term-');
  afterAll(t.cleanup);

  it('SIGTERM stops like Ctrl-C: files in flight written, run closed as interrupted, a re-run completes', async () => {
    const batch = join(t.dir, 'batch');
    writeCorpus(batch, 200, 7);
    const db = join(t.dir, 'term.sqlite');
    const run = await runIngest([batch], db, { killAfterMs: 500, signal: 'SIGTERM', extraArgs: ['--batch-size', '10'] });
    const runs = query<{ status: string }>(db, 'SELECT status FROM runs');
    if (run.killed) {
      expect(run.code).toBe(130);
      expect(runs.map((r) => r.status)).toEqual(['interrupted']);
    } else {
      expect(runs.map((r) => r.status)).toEqual(['ok']); // a fast machine finished first
    }
    expect(checkDatabase(db).problems).toEqual([]);
    const again = await runIngest([batch], db);
    expect(again.code).toBe(0);
    const check = checkDatabase(db);
    expect(check.problems).toEqual([]);
    expect(check.articles).toBe(200);
  }, 30_000);

  it('a run SIGKILLed at start-up leaves a database the next run opens; the dead run is marked crashed', async () => {
    const batch = join(t.dir, 'small');
    mkdirSync(batch, { recursive: true });
    writeCorpus(batch, 20, 3);
    const db = join(t.dir, 'early.sqlite');
    await runIngest([batch], db, { killAfterMs: 150 });
    const again = await runIngest([batch], db);
    expect(again.code).toBe(0);
    expect(checkDatabase(db).problems).toEqual([]);
    const statuses = query<{ status: string }>(db, 'SELECT status FROM runs ORDER BY id').map((r) => r.status);
    expect(statuses.at(-1)).toBe('ok');
    expect(statuses.slice(0, -1).every((s) => s === 'crashed')).toBe(true);
  }, 30_000);
});
