/**
 * A worker thread of the extraction pool: receives `{ id, file }`, answers `{ id, outcome }`.
 * The options come once, in `workerData`. Loading the extractors (lexicons, NLP models) costs
 * time, so a worker lives for the whole run and handles many files.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process.js';
import type { ProcessOptions, RawFile } from './types.js';

export interface WorkerRequest {
  readonly id: number;
  readonly file: RawFile;
}

/**
 * Niceness of a worker thread. The main thread (read, dispatch, the SQLite writer) is the one
 * serial stage: with it and two workers on two cores, the scheduler shared the cores evenly,
 * the writer fell behind, and the workers then sat idle waiting for files (a 100k-article
 * ingest kept 1.5 of 2 cores busy). A worker that yields to it loses nothing: it only runs
 * later within the same second. Measured on 10,000 bench articles, 3 interleaved runs each:
 * wall 9.10 → 8.11 s, cores busy 1.67 → 1.82; 10 and 19 measured alike, 5 less.
 */
const WORKER_NICE = 10;

/**
 * Lower this thread's priority, not the process's: on Linux a thread is a task of its own and
 * `setpriority` takes its id (from /proc/thread-self). Elsewhere the call would renice the
 * whole process, so it is not made; failure only costs speed, never the run.
 */
function yieldToWriter(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, WORKER_NICE);
  } catch {
    // No /proc, or a sandbox that forbids it: run at normal priority.
  }
}

const opts = workerData as ProcessOptions;
const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
yieldToWriter();
port.on('message', (req: WorkerRequest) => {
  port.postMessage({ id: req.id, outcome: processFile(req.file, opts) });
});
