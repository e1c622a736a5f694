/**
 * The full kill harness (issue 5): `npm run kill-harness -- [--articles N] [--cycles N]
 * [--seed N] [--batch-size N] [--finish-every N] [--keep]`. Builds a batch of distinct
 * articles from the seeds, SIGKILLs `vnextract ingest` at random moments, checks the database
 * after every cycle, and compares the final export with an uninterrupted run. Prints the
 * figures; exits 1 on any problem. Needs dist/ (npm run build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptOptions } from '../pipeline/args.js';
import { killHarness, useSnapshot } from './kill-lib.js';

const USAGE =
  'usage: npm run kill-harness -- [--articles N] [--cycles N] [--seed N] [--batch-size N] [--rewrite N] [--finish-every N] [--keep]';
const { values, int } = scriptOptions('kill-harness', USAGE, {
  articles: { type: 'string' },
  cycles: { type: 'string' },
  seed: { type: 'string' },
  'batch-size': { type: 'string' },
  rewrite: { type: 'string' },
  'finish-every': { type: 'string' },
  keep: { type: 'boolean', default: false },
});
const articles = int('articles', 3000, 1);
const cycles = int('cycles', 25, 1);
const seed = int('seed', Date.now() % 100000, 0);
const dir = mkdtempSync(join(tmpdir(), 'vnextract-kill-'));
console.log(`kill harness: ${articles} articles, ${cycles} cycles, seed ${seed}, in ${dir}`);
useSnapshot(join(dir, 'app'));
try {
  const r = await killHarness({
    dir, articles, cycles, seed, batchSize: int('batch-size', 50, 1),
    rewrite: int('rewrite', Math.max(1, Math.round(articles / 20)), 0),
    // Every 5th run finishes, so files get rewritten and later kills land during replacement.
    finishEvery: int('finish-every', 5, 0),
    log: (l) => console.log(`  ${l}`),
  });
  console.log(`cycles run: ${r.cycles}, killed mid-run by SIGKILL: ${r.killed}, database checks: ${r.checks}`);
  console.log(`articles at the end: ${r.articles} (files rewritten along the way: ${r.rewritten})`);
  console.log(`final export vs uninterrupted run: ${r.exportsEqual ? `identical (${r.exportLines} records)` : `DIFFERENT: ${r.firstDifference}`}`);
  console.log(`problems: ${r.problems.length}`);
  for (const p of r.problems.slice(0, 50)) console.log(`  ${p}`);
  console.log(`time: ${r.seconds.toFixed(1)}s (reference run ${(r.referenceMs / 1000).toFixed(1)}s)`);
  process.exitCode = r.problems.length === 0 && r.exportsEqual ? 0 : 1;
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
