/**
 * A worker thread of the extraction pool: receives `{ id, file }`, answers `{ id, outcome }`
 * (an accepted article with its entities as SQL rows, rows.ts).
 * The options come once, in `workerData`. Loading the extractors (lexicons, NLP models) costs
 * time, so a worker lives for the whole run and handles many files. It runs below the main
 * thread's priority (priority.ts): the writer there must never wait for a core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority, WORKER_NICE } from './priority.js';
import { processFile } from './process.js';
import { forTransfer } from './rows.js';
import type { ProcessOptions, RawFile } from './types.js';

export interface WorkerRequest {
  readonly id: number;
  readonly file: RawFile;
}

const opts = workerData as ProcessOptions;
const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
lowerThreadPriority(WORKER_NICE);
port.on('message', (req: WorkerRequest) => {
  port.postMessage({ id: req.id, outcome: forTransfer(processFile(req.file, opts)) });
});
