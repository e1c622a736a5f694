/**
 * A small pool of worker threads running processFile (decode → clean → extract → validate).
 * Workers start lazily, up to `size`, so a one-file run pays for one worker's start-up only.
 *
 * Each worker holds up to `depth` files at a time (it handles them in order): while the main
 * thread is busy (writing a batch to SQLite), a worker goes on with the files it already holds
 * instead of waiting for the main thread to hand it the next one. Measured on 2 cores: with one
 * file per worker, the workers sat idle ~30% of an ingest, waiting behind the writer.
 *
 * A worker that dies (out of memory, a native crash) rejects the file it was working on (the
 * oldest it held: files are handled in order) and is replaced; the files queued behind it go
 * back to the front of the queue, and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import { reject, type ProcessOptions, type RawFile, type WriterItem } from './types.js';

interface Job {
  readonly id: number;
  readonly file: RawFile;
  readonly resolve: (o: WriterItem) => void;
  readonly reject: (err: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Files sent to this worker and not answered yet, oldest first. */
  readonly jobs: Job[];
  /** A worker that dies before its first answer could not load: a fatal setup error. */
  answered: boolean;
}

/**
 * Files a worker holds by default: enough to cover a batch write on the main thread. A batch
 * of 200 articles takes the writer ~80-100 ms while a worker handles a file in ~1 ms: with 8
 * files a worker ran dry within 10 ms and sat idle (profiled on 2,000 bench articles with
 * `--workers 2`: ~23% of each worker's time). 64 kept one busy through the write of a fresh
 * database; 128 also covers the longer commits into a large one, whose checkpoints wait for
 * the disk: ingesting 10,000 new articles into a 100,000-article database (3 interleaved
 * runs) took 8.59 s with 64 and 8.09 s with 128 (cores busy 1.74 → 1.87), peak RSS 302 → 326
 * MB; 256 was slower again (8.33 s); a fresh 10,000-article ingest is the same with 64 or 128.
 * Memory is a few kB of bytes per file held.
 */
export const DEFAULT_DEPTH = 128;

/**
 * Young-generation size of a worker's V8 heap (MB; V8's default is 3 × a 16 MB semi-space).
 * A worker allocates ~460 kB per article, nearly all of it dead by the next article, so a
 * smaller nursery is scavenged more often at little cost, and every worker's share of the
 * process's peak memory shrinks. Measured on 10,000 bench articles, 3 interleaved runs each:
 * peak RSS 327–366 MB with the default, 301–314 MB with 12; wall time and instructions
 * (perf stat, all threads) within run-to-run noise (±1.5%).
 */
export const WORKER_YOUNG_GENERATION_MB = 12;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 0;
  private closed = false;
  private fatal: Error | null = null;

  constructor(
    private readonly size: number,
    private readonly opts: ProcessOptions,
    private readonly script: URL = new URL('./worker.js', import.meta.url),
    private readonly depth: number = DEFAULT_DEPTH,
  ) {
    if (size < 1) throw new RangeError('a worker pool needs at least one worker');
    if (depth < 1) throw new RangeError('a worker holds at least one file');
  }

  /**
   * Start the first worker now, before any file: its start-up (loading the extractors and
   * their lexicons) then overlaps the caller's own set-up instead of following it.
   */
  start(): void {
    if (this.slots.length === 0 && !this.closed && !this.fatal) this.spawn();
  }

  /** Files the pool can hold at once without queueing them on this thread. */
  get capacity(): number {
    return this.size * this.depth;
  }

  run(file: RawFile): Promise<WriterItem> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, rejectJob) => {
      this.waiting.push({ id: this.nextId++, file, resolve, reject: rejectJob });
      this.dispatch();
    });
  }

  /** The least loaded worker below `depth`; a new worker while the pool is not full. */
  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.jobs.length < this.depth && (!best || s.jobs.length < best.jobs.length)) best = s;
    // A fresh worker beats queueing behind a busy one (workers start lazily).
    if ((!best || best.jobs.length > 0) && this.slots.length < this.size) return this.spawn();
    return best;
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.jobs.push(job);
      slot.worker.postMessage({ id: job.id, file: job.file });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.opts, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, jobs: [], answered: false };
    worker.on('message', (msg: { id: number; outcome: WriterItem }) => {
      slot.answered = true;
      const i = slot.jobs.findIndex((j) => j.id === msg.id);
      if (i >= 0) slot.jobs.splice(i, 1)[0]!.resolve(msg.outcome);
      this.dispatch();
    });
    const fail = (why: string, err?: Error): void => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      const [job, ...queued] = slot.jobs.splice(0);
      if (!slot.answered && err && (err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY' && !this.closed) {
        this.fatal = new Error(`a pipeline worker failed to start: ${err.message}`);
        for (const j of [...(job ? [job] : []), ...queued, ...this.waiting.splice(0)]) j.reject(this.fatal);
        return;
      }
      if (job) job.resolve(reject(job.file.source, 'extract', 'worker-crash', `worker crashed: ${why}`));
      // The files behind the one that crashed it were never started: they go first.
      this.waiting.unshift(...queued);
      if (!this.closed) this.dispatch();
      else for (const j of this.waiting.splice(0)) j.resolve(reject(j.file.source, 'extract', 'worker-crash', 'pool closed'));
    };
    worker.on('error', (err) => fail(err.message, err));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
