/**
 * Workers run below the writer's priority (pipeline/priority.ts), and only the workers: a
 * call that reniced the whole process would slow the writer with them, which is the failure
 * this guards against. Linux only (elsewhere nothing is changed, and the tests say so).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ROOT, SEEDS } from './helpers.js';

const linux = process.platform === 'linux';
const dist = (p: string): string => pathToFileURL(join(ROOT, 'dist', 'pipeline', p)).href;

/** Niceness of every thread of this process, by thread id (field 19 of /proc/…/stat). */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name may hold spaces: fields are counted after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), Number(fields[16]));
    } catch {
      // The thread ended while we looked.
    }
  }
  return out;
}

describe.runIf(linux)('worker thread priority', () => {
  it('lowerThreadPriority renices the calling thread only', async () => {
    const before = getPriority(process.pid);
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { getPriority } = require('node:os');
      import(workerData.mod).then(({ lowerThreadPriority }) => {
        const tid = lowerThreadPriority(3);
        parentPort.postMessage({ tid, nice: tid === null ? null : getPriority(tid) });
      });`;
    const w = new Worker(code, { eval: true, workerData: { mod: dist('priority.js') } });
    const got = await new Promise<{ tid: number | null; nice: number | null }>((resolve) => w.once('message', resolve));
    await w.terminate();
    expect(got.tid).not.toBeNull();
    expect(got.tid).not.toBe(process.pid);
    expect(got.nice).toBe(Math.min(19, before + 3));
    expect(getPriority(process.pid)).toBe(before);
  });

  it('the pool’s workers run at WORKER_NICE while the main thread keeps its priority', async () => {
    const { WorkerPool } = (await import(dist('pool.js'))) as typeof import('../pipeline/pool.js');
    const { WORKER_NICE } = (await import(dist('priority.js'))) as typeof import('../pipeline/priority.js');
    const before = threadNiceness();
    const pool = new WorkerPool(2, { lossy: false }, new URL(dist('worker.js')));
    try {
      const file = readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!;
      const bytes = readFileSync(join(SEEDS, file));
      // Two files at once: the pool starts both workers.
      const outcomes = await Promise.all([0, 1].map((i) => pool.run({ source: `${file}#${i}`, format: 'text', bytes, rawHash: 'x' })));
      expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
      const added = [...threadNiceness()].filter(([tid]) => !before.has(tid));
      expect(added.filter(([, nice]) => nice === Math.min(19, getPriority(process.pid) + WORKER_NICE))).toHaveLength(2);
      expect(threadNiceness().get(process.pid)).toBe(before.get(process.pid));
    } finally {
      await pool.close();
    }
  });
});
