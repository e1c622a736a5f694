/**
 * `npm run bench -- [--articles N] [--workers N] [--batch-size N] [--keep] [--out FILE]`
 *
 * One benchmark run of the whole ingest against the figure it has to beat: bare wink-nlp
 * tokenisation of the same text on one thread (issue 4). The ingest runs as a child process,
 * exactly as a user runs it, and its resident memory is sampled from /proc (threads share the
 * process RSS; child processes, if any, are added). Prints a table and writes the figures to
 * bench/results.json (git-ignored) so runs can be compared.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptOptions, str } from '../pipeline/args.js';
import Database from 'better-sqlite3';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { article, loadPools, type Pools } from './corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'vnextract.js');
const SEEDS = join(ROOT, 'fixtures', 'seeds');
const MB = 1024 * 1024;

interface Options {
  articles: number;
  workers: number;
  batchSize: number | null;
  keep: boolean;
  out: string;
  seed: number;
  cpuProf: string | null;
}

const USAGE = 'usage: npm run bench -- [--articles N] [--workers N] [--batch-size N] [--seed N] [--keep] [--out FILE] [--cpu-prof DIR]';

function options(): Options {
  const { values, int } = scriptOptions('bench', USAGE, {
    articles: { type: 'string' },
    workers: { type: 'string' },
    'batch-size': { type: 'string' },
    keep: { type: 'boolean' },
    out: { type: 'string' },
    seed: { type: 'string' },
    'cpu-prof': { type: 'string' },
  });
  return {
    articles: int('articles', 1000, 1),
    workers: int('workers', availableParallelism(), 0),
    batchSize: values['batch-size'] === undefined ? null : int('batch-size', 0, 1),
    keep: values.keep === true,
    out: str(values.out) ?? join(ROOT, 'bench', 'results.json'),
    seed: int('seed', 1, 0),
    cpuProf: str(values['cpu-prof']) ?? null,
  };
}

// ------------------------------------------------------------------ corpus

interface Corpus {
  /** The temp folder: the corpus (`corpus/`) and the database beside it. */
  root: string;
  dir: string;
  bytes: number;
}

function writeCorpus(pools: Pools, seed: number, n: number): Corpus {
  const root = mkdtempSync(join(tmpdir(), 'vnextract-bench-'));
  const dir = join(root, 'corpus');
  let bytes = 0;
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const a = article(pools, seed, i);
    if (seen.has(a.text)) throw new Error(`corpus article ${i} repeats an earlier one`);
    // Distinctness is checked on the first 10k only: past that the set would dominate memory.
    if (i < 10_000) seen.add(a.text);
    const path = join(dir, a.rel);
    if (i % 1000 === 0) mkdirSync(dirname(path), { recursive: true });
    const buf = Buffer.from(a.text, 'utf8');
    writeFileSync(path, buf);
    bytes += buf.length;
  }
  return { root, dir, bytes };
}

// ------------------------------------------------------------------ bare wink baseline

/** One thread of bare tokenisation: `winkNLP(model, [])`, NFD text, tokens only. */
function bareWink(pools: Pools, seed: number, n: number): { seconds: number; articlesPerSecond: number; tokens: number } {
  const nlp = winkNLP(model, []);
  let ns = 0n;
  let tokens = 0;
  for (let i = 0; i < n; i++) {
    const { text } = article(pools, seed, i);
    // Only the tokenisation is timed (NFD included): generating the text is the bench's cost.
    const t = process.hrtime.bigint();
    tokens += nlp.readDoc(text.normalize('NFD')).tokens().length();
    ns += process.hrtime.bigint() - t;
  }
  const seconds = Number(ns) / 1e9;
  return { seconds, articlesPerSecond: n / seconds, tokens };
}

// ------------------------------------------------------------------ the CLI as a child process

/** Resident set (kB) of a process, and its peak so far (VmHWM), from /proc. */
function procMem(pid: number): { rss: number; hwm: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'mu').exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** The fields of a /proc …/stat file after the command name (which may hold spaces); null when gone. */
function statFields(path: string): string[] | null {
  try {
    const stat = readFileSync(path, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Descendants of a process (walks /proc/*\/stat ppid). */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/u.test(e)) continue;
    const f = statFields(`/proc/${e}/stat`);
    if (f) parent.set(Number(e), Number(f[1]));
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const p = todo.pop()!;
    for (const [c, pp] of parent) if (pp === p) {
      out.push(c);
      todo.push(c);
    }
  }
  return out;
}

/** Clock ticks per second of /proc CPU times (USER_HZ): 100 on every common Linux. */
const CLK_TCK = ((): number => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isInteger(n) && n > 0 ? n : 100;
})();

/** CPU ticks (user + system) of each thread of a process so far, by thread id, from /proc. */
function threadTicks(pid: number, into: Map<number, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    // A thread that ended meanwhile keeps its last sample.
    const f = statFields(`/proc/${pid}/task/${tid}/stat`);
    if (f) into.set(Number(tid), Number(f[11]) + Number(f[12]));
  }
}

/**
 * CPU seconds of the main thread, of the `workers` busiest other threads (the extraction
 * workers) and of the rest (V8's compiler and GC threads, libuv): where an ingest's CPU went.
 */
function splitThreads(pid: number, ticks: ReadonlyMap<number, number>, workers: number): { main: number; workers: number; background: number } {
  const others = [...ticks].filter(([tid]) => tid !== pid).map(([, t]) => t).sort((a, b) => b - a);
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / CLK_TCK;
  return { main: (ticks.get(pid) ?? 0) / CLK_TCK, workers: sum(others.slice(0, workers)), background: sum(others.slice(workers)) };
}

interface ChildRun {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  /** Resident set of the process (kB) at every memory sample, in order. */
  rssKb: number[];
  firstOutputS: number | null;
  firstRowS: number | null;
  /** Last CPU ticks seen per thread (sampled every 100 ms; Linux). */
  threadTicks: Map<number, number>;
  pid: number;
}

/**
 * Run `node bin/vnextract.js ARGS`, sampling the tree's memory every 50 ms; optionally poll the
 * database for its first article (time to first output when the CLI prints nothing until the end).
 */
function runCli(args: readonly string[], opts: { pollDb?: string; nodeArgs?: readonly string[] } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let firstOutputS: number | null = null;
    let firstRowS: number | null = null;
    const first = (): void => {
      firstOutputS ??= (performance.now() - t0) / 1000;
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      first();
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      first();
      stderr += d;
    });
    let peakKb = 0;
    let n = 0;
    const rssKb: number[] = [];
    const sample = (): void => {
      const pid = child.pid;
      if (pid === undefined) return;
      const me = procMem(pid);
      if (!me) return;
      rssKb.push(me.rss);
      let kb = Math.max(me.rss, me.hwm);
      // Child processes are rare (none today): walking /proc costs, so look every 10th sample.
      if (n++ % 10 === 0) for (const c of descendants(pid)) kb += procMem(c)?.rss ?? 0;
      peakKb = Math.max(peakKb, kb);
    };
    const timer = setInterval(sample, 50);
    const ticks = new Map<number, number>();
    const threads = setInterval(() => {
      if (child.pid !== undefined) threadTicks(child.pid, ticks);
    }, 100);
    let db: Database.Database | null = null;
    const poll = opts.pollDb
      ? setInterval(() => {
          try {
            if (!db) {
              if (!existsSync(opts.pollDb!)) return;
              db = new Database(opts.pollDb!, { readonly: true, fileMustExist: true });
            }
            if (db.prepare('SELECT 1 FROM articles LIMIT 1').get() !== undefined) {
              firstRowS = (performance.now() - t0) / 1000;
              clearInterval(poll!);
              db.close();
              db = null;
            }
          } catch {
            // The schema is not there yet, or the file is being created.
            db?.close();
            db = null;
          }
        }, 20)
      : null;
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (poll) clearInterval(poll);
      db?.close();
      clearInterval(threads);
      resolve({ seconds: (performance.now() - t0) / 1000, code, stdout, stderr, peakRssMb: peakKb / 1024, rssKb, firstOutputS, firstRowS, threadTicks: ticks, pid: child.pid ?? 0 });
    });
    // One sample right away: short runs would otherwise be missed.
    setImmediate(sample);
  });
}

function fileSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface IngestJson {
  ingested: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  seconds: number;
  articlesPerSecond: number;
  cpuSeconds: number;
  rejections: { path: string; reason: string }[];
}

function summary(run: ChildRun, what: string): IngestJson {
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as IngestJson;
  } catch {
    throw new Error(`${what}: no JSON summary (exit ${run.code}): ${run.stderr.slice(0, 2000)}`);
  }
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

async function main(): Promise<void> {
  const o = options();
  const pools = loadPools(SEEDS);
  process.stderr.write(`corpus: ${o.articles} articles from ${pools.paragraphs.length} seed paragraphs…\n`);
  const tc = performance.now();
  const corpus = writeCorpus(pools, o.seed, o.articles);
  process.stderr.write(`  ${corpus.dir}: ${r1(corpus.bytes / MB)} MB in ${r1((performance.now() - tc) / 1000)} s\n`);
  const db = join(corpus.root, 'bench.sqlite');
  const common = ['--db', db, '--workers', String(o.workers), ...(o.batchSize === null ? [] : ['--batch-size', String(o.batchSize)])];
  try {
    // --help first: a cold-ish start-up, then nine more.
    const helps: number[] = [];
    for (let k = 0; k < 10; k++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [BIN, '--help'], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error('vnextract --help failed');
      helps.push((performance.now() - t) / 1000);
    }

    // The baseline is measured before the ingest and again after the export: the speed of a
    // shared machine can drift during a run (on this VM it once halved within half an hour),
    // and a ratio against one measurement taken minutes apart would carry that drift.
    process.stderr.write('bare wink-nlp (before)…\n');
    const bareBefore = bareWink(pools, o.seed, o.articles);

    process.stderr.write('ingest…\n');
    const nodeArgs = o.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProf}`] : [];
    const ing = await runCli(['ingest', corpus.dir, ...common, '--quiet', '--json'], { pollDb: db, nodeArgs });
    const s1 = summary(ing, 'ingest');
    if (s1.rejected > 0) process.stderr.write(`  warning: ${s1.rejected} rejected, e.g. ${JSON.stringify(s1.rejections.slice(0, 3))}\n`);
    const dbBytes = fileSize(db) + fileSize(`${db}-wal`);

    process.stderr.write('re-run…\n');
    const again = await runCli(['ingest', corpus.dir, ...common, '--quiet', '--json']);
    const s2 = summary(again, 're-run');

    process.stderr.write('export…\n');
    const exp = await runCli(['export', '--db', db, '--format', 'jsonl', '-o', '/dev/null']);
    if (exp.code !== 0) throw new Error(`export failed: ${exp.stderr}`);
    const records = s1.ingested + s1.duplicates;

    process.stderr.write('bare wink-nlp (after)…\n');
    const bareAfter = bareWink(pools, o.seed, o.articles);
    const bareSeconds = (bareBefore.seconds + bareAfter.seconds) / 2;
    const bareAps = o.articles / bareSeconds;
    const drift = Math.abs(bareBefore.seconds - bareAfter.seconds) / Math.min(bareBefore.seconds, bareAfter.seconds);

    const ingestAps = o.articles / ing.seconds;
    const cpus = availableParallelism();
    const figures = {
      corpusMB: r1(corpus.bytes / MB),
      ingest: {
        articlesPerSecond: r1(ingestAps),
        mbPerSecond: r3(corpus.bytes / MB / ing.seconds),
        wallSeconds: r3(ing.seconds),
        cliArticlesPerSecond: s1.articlesPerSecond,
        peakRssMB: r1(ing.peakRssMb),
        // Where memory settles: the peak alone cannot tell a plateau reached late in a short
        // run from growth with N (a 10k run ends while memory is still climbing to its level).
        secondHalfMedianRssMB: ing.rssKb.length === 0 ? null : r1(median(ing.rssKb.slice(Math.floor(ing.rssKb.length / 2))) / 1024),
        databaseMB: r1(dbBytes / MB),
        ingested: s1.ingested,
        rejected: s1.rejected,
        firstRowSeconds: ing.firstRowS === null ? null : r3(ing.firstRowS),
        firstOutputSeconds: ing.firstOutputS === null ? null : r3(ing.firstOutputS),
        // CPU of every thread of the ingest process (user + system), from its own summary.
        cpuSeconds: r3(s1.cpuSeconds),
        cpuMsPerArticle: r3((s1.cpuSeconds * 1000) / o.articles),
        coresBusy: r3(s1.cpuSeconds / s1.seconds),
        // From /proc every 100 ms (so slightly under cpuSeconds): the main thread reads,
        // dispatches and writes SQLite; the workers extract; the rest is V8 compiling and GC.
        cpuByThread: ((t) => ({ main: r3(t.main), workers: r3(t.workers), background: r3(t.background) }))(splitThreads(ing.pid, ing.threadTicks, o.workers)),
      },
      bareWink: {
        articlesPerSecond: r1(bareAps),
        mbPerSecond: r3(corpus.bytes / MB / bareSeconds),
        msPerArticle: r3((bareSeconds * 1000) / o.articles),
        before: { articlesPerSecond: r1(bareBefore.articlesPerSecond), seconds: r3(bareBefore.seconds) },
        after: { articlesPerSecond: r1(bareAfter.articlesPerSecond), seconds: r3(bareAfter.seconds) },
        driftPercent: r1(drift * 100),
        tokens: bareAfter.tokens,
      },
      ratioIngestToBare: r3(ingestAps / bareAps),
      // What 1.0× allows: all cores busy, each article may cost `cpus` × the bare time in CPU.
      cpuBudgetMsPerArticle: r3((cpus * bareSeconds * 1000) / o.articles),
      rerun: { articlesPerSecond: r1(o.articles / again.seconds), wallSeconds: r3(again.seconds), unchanged: s2.unchanged, peakRssMB: r1(again.peakRssMb), speedup: r1(ing.seconds / again.seconds) },
      export: { recordsPerSecond: r1(records / exp.seconds), wallSeconds: r3(exp.seconds), records, peakRssMB: r1(exp.peakRssMb) },
      helpSeconds: { median: r3(median(helps)), max: r3(Math.max(...helps)) },
    };
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      cpus,
      articles: o.articles,
      workers: o.workers,
      batchSize: o.batchSize,
      seed: o.seed,
      figures,
    };
    writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);

    const f = figures;
    const rows: [string, string, string][] = [
      ['ingest', `${f.ingest.articlesPerSecond} articles/s, ${f.ingest.mbPerSecond} MB/s`, `wall ${f.ingest.wallSeconds} s, ${f.ingest.ingested} ingested, ${f.ingest.rejected} rejected`],
      ['  peak RSS (process tree)', `${f.ingest.peakRssMB} MB`, `target < 400 MB, flat in N; median over the run's second half ${f.ingest.secondHalfMedianRssMB} MB`],
      ['  database size', `${f.ingest.databaseMB} MB`, `corpus ${f.corpusMB} MB`],
      ['  time to first output', `${f.ingest.firstRowSeconds ?? '-'} s`, `first article row in the DB (--quiet prints only at the end: ${f.ingest.firstOutputSeconds ?? '-'} s)`],
      ['  CPU, all threads', `${f.ingest.cpuSeconds} s, ${f.ingest.cpuMsPerArticle} ms/article`, `${f.ingest.coresBusy} of ${cpus} cores busy on average`],
      ['  CPU by thread', `main ${f.ingest.cpuByThread.main} s`, `workers ${f.ingest.cpuByThread.workers} s, V8 compiler/GC and other threads ${f.ingest.cpuByThread.background} s`],
      ['bare wink-nlp, 1 thread', `${f.bareWink.articlesPerSecond} articles/s, ${f.bareWink.mbPerSecond} MB/s`,
        `${f.bareWink.msPerArticle} ms/article; before ${f.bareWink.before.articlesPerSecond}/s, after ${f.bareWink.after.articlesPerSecond}/s (drift ${f.bareWink.driftPercent}%)`],
      ['ratio ingest / bare', `${f.ratioIngestToBare}×`, `target ≥ 1.0: CPU budget ${f.cpuBudgetMsPerArticle} ms/article on ${cpus} cores, ingest used ${f.ingest.cpuMsPerArticle}`],
      ['re-run, unchanged', `${f.rerun.articlesPerSecond} articles/s`, `${f.rerun.speedup}× the first ingest (target ≥ 10×), ${f.rerun.unchanged} unchanged`],
      ['export jsonl', `${f.export.recordsPerSecond} records/s`, `${f.export.records} records in ${f.export.wallSeconds} s (target ≥ 20k/s)`],
      ['vnextract --help', `${f.helpSeconds.median} s median of 10`, 'target < 0.3 s'],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    process.stdout.write(`\nvnextract bench: ${o.articles} articles, ${o.workers} workers, batch ${o.batchSize ?? 'default'}, node ${process.version}, ${cpus} cpus\n`);
    for (const r of rows) process.stdout.write(`${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}\n`);
    if (drift > 0.1)
      process.stdout.write(`warning: the bare baseline moved ${r1(drift * 100)}% between its two runs: the machine's speed changed, the ratio is uncertain\n`);
    process.stdout.write(`figures written to ${o.out}\n`);
  } finally {
    if (o.keep) process.stderr.write(`corpus and database kept in ${corpus.root}\n`);
    else rmSync(corpus.root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
