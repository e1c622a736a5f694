/**
 * The long fuzz run (issue 5): `npm run fuzz -- [--runs N] [--seed N] [--budget MS]`.
 * Chunks of fast-check runs of scripts/fuzz-lib.ts `fuzzCase` through processFile, in a
 * worker thread watched from here: a case that runs past the hang limit is reported with
 * its input (saved to a file) and the worker is replaced. Every case runs (no stop at the
 * first failure: shrinking 10 000-level pages would eat the run); failures are counted and
 * grouped by message, with the smallest input of each group. The CI tests (tests/fuzz.test.ts)
 * shrink with fast-check. Prints the figures; exits 1 on failure.
 * Needs dist/ (npm run build).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptOptions } from '../pipeline/args.js';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { describeCase, fuzzCase, runCase, type FuzzCase } from './fuzz-lib.js';

interface Job { readonly seed: number; readonly runs: number; readonly budget: number }
type FromWorker =
  | { readonly type: 'case'; readonly c: FuzzCase }
  | { readonly type: 'fail'; readonly key: string; readonly message: string; readonly size: number }
  | { readonly type: 'done'; readonly runs: number; readonly slowest: number };

if (!isMainThread) {
  const job = workerData as Job;
  let slowest = 0;
  let runs = 0;
  for (const c of fc.sample(fuzzCase, { seed: job.seed, numRuns: job.runs })) {
    parentPort!.postMessage({ type: 'case', c } satisfies FromWorker);
    const r = runCase(c, job.budget);
    runs++;
    slowest = Math.max(slowest, r.ms);
    for (const p of r.problems) {
      // Group by the message with numbers blanked: one group per kind of failure.
      const key = `${c.kind}: ${p.split('\n')[0]!.replace(/\d+/gu, 'N').slice(0, 200)}`;
      parentPort!.postMessage({ type: 'fail', key, message: `${p.slice(0, 300)}\n      input: ${describeCase(c, 300)}`, size: c.bytes.length } satisfies FromWorker);
    }
  }
  parentPort!.postMessage({ type: 'done', runs, slowest } satisfies FromWorker);
} else {
  const { int } = scriptOptions('fuzz', 'usage: npm run fuzz -- [--runs N] [--chunk N] [--seed N] [--budget MS] [--hang MS]', {
    runs: { type: 'string' },
    chunk: { type: 'string' },
    seed: { type: 'string' },
    budget: { type: 'string' },
    hang: { type: 'string' },
  });
  const total = int('runs', 20_000, 1);
  const chunk = int('chunk', 500, 1);
  const budget = int('budget', 10_000, 1);
  const hangMs = int('hang', 60_000, 1);
  let seed = int('seed', Date.now() % 1_000_000, 0);
  console.log(`fuzz: ${total} cases in chunks of ${chunk}, first seed ${seed}, budget ${budget}ms per case, hang limit ${hangMs}ms`);
  const t0 = performance.now();
  let ran = 0;
  let slowest = 0;
  const failures = new Map<string, { count: number; message: string; size: number }>();
  let failedCases = 0;
  const hangs: string[] = [];
  const runChunk = (job: Job): Promise<void> =>
    new Promise((resolve) => {
      const w = new Worker(new URL(import.meta.url), { workerData: job });
      let current: FuzzCase | null = null;
      let cases = 0;
      let timer = setTimeout(() => undefined, 0);
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const file = join(tmpdir(), `vnextract-fuzz-hang-${job.seed}-${cases}.${current?.format === 'html' ? 'html' : 'txt'}`);
          if (current) writeFileSync(file, current.bytes);
          hangs.push(`seed ${job.seed}, case ${cases}: no answer after ${hangMs}ms; input saved to ${file}`);
          ran += cases;
          void w.terminate().then(() => resolve());
        }, hangMs);
      };
      arm();
      let lastFailed = -1;
      w.on('message', (m: FromWorker) => {
        if (m.type === 'case') {
          current = m.c;
          cases++;
          arm();
          return;
        }
        if (m.type === 'fail') {
          if (lastFailed !== cases) failedCases++;
          lastFailed = cases;
          const f = failures.get(m.key);
          if (!f) failures.set(m.key, { count: 1, message: m.message, size: m.size });
          else {
            f.count++;
            if (m.size < f.size) Object.assign(f, { message: m.message, size: m.size });
          }
          return;
        }
        clearTimeout(timer);
        ran += m.runs;
        slowest = Math.max(slowest, m.slowest);
        void w.terminate().then(() => resolve());
      });
      w.on('error', (err) => {
        clearTimeout(timer);
        failures.set(`worker error ${err.message}`, { count: 1, message: `seed ${job.seed}: worker error: ${err.stack ?? err.message}`, size: 0 });
        ran += cases;
        resolve();
      });
    });
  while (ran < total) {
    await runChunk({ seed, runs: Math.min(chunk, total - ran), budget });
    seed++;
    process.stdout.write(`\r  ${ran} cases, ${failedCases} failing, ${hangs.length} hangs   `);
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`\ncases run: ${ran} in ${secs.toFixed(0)}s (${(ran / secs).toFixed(0)}/s); slowest case ${Math.round(slowest)}ms`);
  console.log(`failing cases: ${failedCases}, in ${failures.size} groups (smallest input of each shown)`);
  for (const [key, f] of failures) console.log(`  - ×${f.count} ${key}\n      ${f.message}`);
  console.log(`hangs: ${hangs.length}`);
  for (const h of hangs) console.log(`  - ${h}`);
  process.exitCode = failedCases === 0 && hangs.length === 0 ? 0 : 1;
}
