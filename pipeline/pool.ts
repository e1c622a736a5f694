/**
 * A small pool of worker threads running processFile (decode → clean → extract → validate).
 * Workers start lazily, up to `size`, so a one-file run pays for one worker's start-up only.
 * A worker that dies (out of memory, a native crash) rejects the file it held and is
 * replaced; the run goes on.
 */
import { Worker } from 'node:worker_threads';
import { reject, type Outcome, type ProcessOptions, type RawFile } from './types.js';

interface Job {
  readonly id: number;
  readonly file: RawFile;
  readonly resolve: (o: Outcome) => void;
  readonly reject: (err: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  /** A worker that dies before its first answer could not load: a fatal setup error. */
  answered: boolean;
}

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
  ) {
    if (size < 1) throw new RangeError('a worker pool needs at least one worker');
  }

  run(file: RawFile): Promise<Outcome> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, rejectJob) => {
      this.waiting.push({ id: this.nextId++, file, resolve, reject: rejectJob });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.worker.postMessage({ id: job.id, file: job.file });
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.opts });
    const slot: Slot = { worker, job: null, answered: false };
    worker.on('message', (msg: { id: number; outcome: Outcome }) => {
      slot.answered = true;
      const job = slot.job;
      slot.job = null;
      if (job && job.id === msg.id) job.resolve(msg.outcome);
      this.dispatch();
    });
    const fail = (why: string, err?: Error): void => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (!slot.answered && err && (err as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY' && !this.closed) {
        this.fatal = new Error(`a pipeline worker failed to start: ${err.message}`);
        for (const j of [...(job ? [job] : []), ...this.waiting.splice(0)]) j.reject(this.fatal);
        return;
      }
      if (job) job.resolve(reject(job.file.source, 'extract', 'worker-crash', `worker crashed: ${why}`));
      if (!this.closed) this.dispatch();
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
