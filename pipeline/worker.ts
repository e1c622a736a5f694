/**
 * A worker thread of the extraction pool: receives `{ id, file }`, answers `{ id, outcome }`.
 * The options come once, in `workerData`. Loading the extractors (lexicons, NLP models) costs
 * time, so a worker lives for the whole run and handles many files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { processFile } from './process.js';
import type { ProcessOptions, RawFile } from './types.js';

export interface WorkerRequest {
  readonly id: number;
  readonly file: RawFile;
}

const opts = workerData as ProcessOptions;
const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
port.on('message', (req: WorkerRequest) => {
  port.postMessage({ id: req.id, outcome: processFile(req.file, opts) });
});
