/**
 * Thread priority on Linux. The main thread (read, dispatch, the SQLite writer) is the one
 * serial stage of an ingest: with it and two workers on two cores, the scheduler shared the
 * cores evenly, the writer fell behind and the workers then sat idle waiting for files (a
 * 100k-article ingest kept 1.5 of 2 cores busy). A worker that yields to the writer loses
 * nothing: it only runs a little later. Measured on 10,000 bench articles, 3 interleaved runs:
 * wall 9.10 → 8.11 s, cores busy 1.67 → 1.82 at nice 10; 19 measured alike, 5 less.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How far below the main thread the workers run (niceness is relative: `nice vnextract` keeps the gap). */
export const WORKER_NICE = 10;

/**
 * Lower the calling thread's priority by `by` niceness steps (at most to 19), not the
 * process's: on Linux a thread is a task of its own and `setpriority` takes its id (read from
 * /proc/thread-self). Elsewhere the same call would renice the whole process, so it is not
 * made. Returns the thread id it applied to, or null; a failure only costs speed, never the run.
 */
export function lowerThreadPriority(by: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    setPriority(tid, Math.min(19, getPriority(tid) + by));
    return tid;
  } catch {
    // No /proc, or a sandbox that forbids it: run at normal priority.
    return null;
  }
}
