/** The extraction pool's workers: how they are started (heap limits) and what they answer. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_YOUNG_GENERATION_MB, WorkerPool } from '../pipeline/pool.js';
import type { Outcome } from '../pipeline/types.js';
import { tempDir } from './helpers.js';

describe('WorkerPool', () => {
  let cleanup = (): void => {};
  afterEach(() => cleanup());

  it('starts every worker with the small young generation, and leaves the old generation at its default', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    // A worker that answers each file with the resource limits it was started with.
    const script = join(t.dir, 'limits.cjs');
    writeFileSync(script, `const { parentPort, resourceLimits } = require('node:worker_threads');
parentPort.on('message', (req) => parentPort.postMessage({ id: req.id, outcome: resourceLimits }));`);
    const pool = new WorkerPool(2, { lossy: false }, pathToFileURL(script));
    try {
      const file = { source: 'x.txt', format: 'text' as const, bytes: new Uint8Array(1), rawHash: 'x' };
      const answers = (await Promise.all([pool.run(file), pool.run(file)])) as unknown as Record<string, number>[];
      for (const limits of answers) {
        expect(limits['maxYoungGenerationSizeMb']).toBe(WORKER_YOUNG_GENERATION_MB);
        // 0 would be no limit at all; a default is a positive figure chosen by V8 from the machine's memory.
        expect(limits['maxOldGenerationSizeMb']).toBeGreaterThan(WORKER_YOUNG_GENERATION_MB);
      }
    } finally {
      await pool.close();
    }
  });
});
