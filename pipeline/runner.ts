/**
 * The ingest run: read → decode → clean → extract → validate → write, with p-queue between
 * the stages, the CPU stages on a worker_threads pool and one writer on this thread.
 *
 * Memory stays flat however many files there are: the walk is a lazy generator, the read
 * queue admits a bounded number of files (each read task holds its slot until its file is
 * processed, which is the backpressure), and the writer commits every `batchSize` articles or
 * BATCH_BYTES of text, whichever comes first.
 */
import type { Readable } from 'node:stream';
import PQueue from 'p-queue';
import { readFileStage, walkInputs, walkDirectory } from './read.js';
import { Store, type RunCounters, type RunStatus, type WriteOutcome } from './store.js';
import type { ProgressSink } from './progress.js';
import type { ProcessOptions, RawFile, Rejection, WriterItem } from './types.js';
import type { StageMessage } from '../schemas/pipeline.js';
import { WorkerPool } from './pool.js';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';

/** A batch is also committed once its bodies reach this many UTF-16 units (~64 MB). */
const BATCH_CHARS = 32 * 1024 * 1024;

export interface IngestOptions {
  readonly paths: readonly string[];
  readonly db: string;
  /** Worker threads for decode→validate; 0 runs them on this thread. */
  readonly workers: number;
  readonly batchSize: number;
  readonly maxBytes: number;
  readonly lossy: boolean;
  /** `--encoding NAME` (canonical name): no detection. */
  readonly encoding?: string | undefined;
  /** Re-process files even when their bytes and the extractor version are unchanged. */
  readonly force: boolean;
  readonly stdin: Readable;
  readonly command: readonly string[];
  readonly toolVersion: string;
  readonly progress: ProgressSink;
  /** Count the files first (for the progress bar's total), concurrently with the run. */
  readonly countTotal: boolean;
  readonly onReject: (r: Rejection) => void;
  readonly onWarning: (source: string, m: StageMessage) => void;
  /** Told before an existing database is upgraded to this version's schema. */
  readonly onMigrate?: ((from: number, to: number) => void) | undefined;
  /** Aborted on Ctrl-C: no new file is started, the files in flight are written, the run closes. */
  readonly signal?: AbortSignal;
}

export interface IngestSummary {
  readonly runId: number;
  readonly status: RunStatus;
  readonly database: string;
  readonly counters: RunCounters;
  readonly seconds: number;
  readonly articlesPerSecond: number;
  /**
   * CPU time of the whole run, user + system, every thread of the process (workers and the
   * V8 compiler and GC threads included): with `seconds` it says how many cores the run kept
   * busy, which the wall time alone cannot.
   */
  readonly cpuSeconds: number;
}

/** Count the files a run will see (folders walked); null when a list comes from stdin. */
async function countFiles(paths: readonly string[], stop: () => boolean): Promise<number | null> {
  if (paths.includes('-')) return null;
  let n = 0;
  for (const p of paths) {
    const abs = resolve(p);
    let dir = false;
    try {
      dir = (await stat(abs)).isDirectory();
    } catch {
      // Counted once: the read stage reports it.
    }
    if (!dir) n++;
    else for await (const e of walkDirectory(abs)) {
      void e;
      n++;
      if (stop()) return null;
    }
  }
  return n;
}

/**
 * V8 flags for an ingest, set before any worker starts (they hold for the whole process, and
 * workers take no V8 flags of their own). `--no-allocation-site-pretenuring`: V8 watched the
 * validator's objects (zod builds a new record and one result object per field) live across
 * a young-generation collection, while an article was being validated, and from then on
 * allocated them directly in the old generation, where they died: a worker's old generation
 * filled with them (20 kB an article, against 8 without pretenuring, by `--trace-gc-nvp`),
 * and memory climbed with the length of the run. Measured on 100,000 bench articles, 2
 * interleaved runs with the flag on the command line: wall 49.0/48.4 → 47.0/46.0 s, peak RSS
 * 392/379 → 315/335 MB. V8 reads it whenever it decides to pretenure, so setting it here,
 * after start-up, works the same (2 runs: 45.9/46.5 s, 342/325 MB).
 * `--no-parallel-scavenge`: a young-generation collection runs on the thread that needs it,
 * without V8's helper threads. With a writer and a worker per core already busy, the helpers
 * only took cores from them and cost the hand-off: interleaved runs, flag on the command
 * line, 10,000 bench articles (3 each): wall 6.50 → 6.11 s, CPU 12.08 → 11.65 s; 100,000
 * (1 each): 45.4 → 42.7 s, CPU 87.4 → 82.0 s, peak RSS 316 → 321 MB. V8 reads it at every
 * scavenge, so it holds from the next one. (The rest of `--single-threaded-gc`, concurrent and
 * parallel marking, cannot be switched once a heap exists: V8 aborts.)
 * Measured and not set: a lower `--interrupt-budget` (V8 tiers functions up sooner). 16,896
 * instead of 67,584 made 10,000 bench articles 3.8–4.5% faster (wall, two series of 8
 * interleaved pairs) but 1,000 articles 13% slower (12 pairs), with 15% more instructions
 * (perf stat): a short run pays for compiling code it does not run long enough to profit from.
 */
const INGEST_V8_FLAGS = ['--no-allocation-site-pretenuring', '--no-parallel-scavenge'];

export async function ingest(opts: IngestOptions): Promise<IngestSummary> {
  for (const flag of INGEST_V8_FLAGS) setFlagsFromString(flag);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const processOpts: ProcessOptions = { lossy: opts.lossy, encoding: opts.encoding };
  const pool = opts.workers > 0 ? new WorkerPool(opts.workers, processOpts) : null;
  // A run that creates the database (a first load) extracts every file: its first worker
  // starts now and loads while this thread creates the file, which waits on the disk. The
  // first article comes back 10–20 ms sooner (median of 6 interleaved runs: 234 → 224 ms
  // after start-up), up to 70 ms when the disk is slow. Not into an existing database: there
  // an unchanged re-run needs no worker at all, and starting one anyway made it 0.24 → 0.28 s.
  if (pool && !existsSync(opts.db)) pool.start();
  const { extractorVersion } = await import('../extractors/version.js');
  let store: Store;
  let runId: number;
  try {
    store = Store.open(opts.db, { create: true, onMigrate: opts.onMigrate, deferValueIndexes: true });
    try {
      runId = store.startRun(opts.command, opts.toolVersion, extractorVersion);
      store.prepareValueIndexes(runId);
    } catch (err) {
      store.close();
      throw err;
    }
  } catch (err) {
    // A live worker would keep the process running after the error.
    await pool?.close();
    throw err;
  }
  const counters: RunCounters = { files: 0, ingested: 0, unchanged: 0, replaced: 0, duplicates: 0, rejected: 0 };

  let runOne: (f: RawFile) => Promise<WriterItem>;
  if (pool) {
    runOne = (f) => pool.run(f);
  } else {
    const { processFile } = await import('./process.js');
    runOne = async (f) => processFile(f, processOpts);
  }

  // Files in the workers (each holds `DEFAULT_DEPTH`), plus a few read ahead: bounded, so
  // memory does not grow with the batch (a file in flight is ~10 kB of bytes plus its record).
  const procConcurrency = pool ? pool.capacity : 2;
  const readConcurrency = procConcurrency + 4;
  const readQ = new PQueue({ concurrency: readConcurrency });
  const procQ = new PQueue({ concurrency: procConcurrency });

  let done = 0;
  let total: number | null = null;
  let walkFinished = false;
  let fatal: unknown = null;
  let batch: WriterItem[] = [];
  let batchChars = 0;
  const stopping = (): boolean => fatal !== null || (opts.signal?.aborted ?? false);
  const tick = (): void => opts.progress.update(done, total, counters);

  const flush = (): void => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchChars = 0;
    const results = store.writeBatch(items, runId, counters, opts.force);
    results.forEach((r: WriteOutcome | 'rejected') => {
      if (r === 'ingested') counters.ingested++;
      else if (r === 'unchanged') counters.unchanged++;
      else if (r === 'replaced') counters.replaced++;
      else if (r === 'duplicate') counters.duplicates++;
      else counters.rejected++;
    });
    done += items.length;
    tick();
  };

  const land = (o: WriterItem): void => {
    if (!o.ok) {
      opts.progress.clear();
      opts.onReject(o);
      opts.progress.redraw();
    } else if (o.messages.length > 0) {
      opts.progress.clear();
      for (const m of o.messages) opts.onWarning(o.record.source, m);
      opts.progress.redraw();
    }
    batch.push(o);
    if (o.ok) batchChars += o.record.body.length;
    // Batches grow 1, 2, 4, … up to batchSize: the first articles are in the database (and
    // visible to a reader) within a moment of the first file, then writes are batched.
    if (batch.length >= Math.min(opts.batchSize, done + 1) || batchChars >= BATCH_CHARS) flush();
  };

  if (opts.countTotal)
    void countFiles(opts.paths, () => walkFinished || stopping()).then((n) => {
      if (!walkFinished && n !== null) total = n;
    }, () => undefined);

  const readOne = async (path: string): Promise<void> => {
    const r = await readFileStage(path, { maxBytes: opts.maxBytes });
    if (!r.ok) return land(r);
    if (!opts.force && store.isUnchanged(r.file.source, r.file.rawHash, extractorVersion)) {
      // Skipped before any decoding: this is what makes a re-run of a batch cheap.
      counters.unchanged++;
      done++;
      tick();
      return;
    }
    land(await procQ.add(() => runOne(r.file)));
  };

  let status: RunStatus = 'ok';
  try {
    for await (const entry of walkInputs(opts.paths, opts.stdin)) {
      if (stopping()) break;
      if (entry.error) {
        counters.files++;
        land(entry.error);
        continue;
      }
      await readQ.onSizeLessThan(readConcurrency);
      if (stopping()) break;
      counters.files++;
      readQ.add(() => readOne(entry.path)).catch((err: unknown) => {
        fatal ??= err;
      });
    }
    walkFinished = true;
    total = counters.files;
    await readQ.onIdle();
    await procQ.onIdle();
    if (fatal === null) flush();
    if (fatal !== null) status = 'failed';
    else if (opts.signal?.aborted) status = 'interrupted';
  } catch (err) {
    fatal ??= err;
    status = 'failed';
  } finally {
    walkFinished = true;
    await pool?.close();
    try {
      if (status === 'failed') batch = [];
      store.finishRun(runId, status, counters);
    } finally {
      store.close();
    }
  }
  opts.progress.update(done, total, counters);
  opts.progress.clear();
  if (fatal !== null) throw fatal;
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const articles = counters.ingested + counters.unchanged + counters.replaced + counters.duplicates;
  return { runId, status, database: opts.db, counters, seconds, articlesPerSecond: seconds > 0 ? articles / seconds : 0, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}
