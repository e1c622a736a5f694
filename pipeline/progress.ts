/**
 * What a person sees during `ingest`: on a terminal, one line redrawn in place (files
 * done/total, articles/s, ETA); off a terminal, nothing until the one summary line.
 */
import type { RunCounters } from './store.js';

export interface ProgressSink {
  /** Called often; the display throttles itself. */
  update(done: number, total: number | null, counters: RunCounters): void;
  /** Erase the bar so ordinary lines (rejections, the summary) can be printed. */
  clear(): void;
  /** Redraw after an ordinary line. */
  redraw(): void;
}

const WIDTH = 24;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The progress line itself, pure so it can be tested. */
export function progressLine(done: number, total: number | null, written: number, elapsedS: number): string {
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const artRate = elapsedS > 0 ? written / elapsedS : 0;
  if (total === null || total === 0) return `${done} files  ${artRate.toFixed(1)} articles/s  ${formatDuration(elapsedS)}`;
  const frac = Math.min(1, done / total);
  const filled = Math.round(frac * WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '--:--';
  return `${bar} ${done}/${total} files  ${artRate.toFixed(1)} articles/s  ETA ${eta}`;
}

export class TtyProgress implements ProgressSink {
  private last = 0;
  private line = '';
  private readonly started = performance.now();

  constructor(private readonly out: NodeJS.WriteStream) {}

  update(done: number, total: number | null, c: RunCounters): void {
    const t = performance.now();
    if (t - this.last < 100 && done !== total) return;
    this.last = t;
    const written = c.ingested + c.replaced + c.duplicates;
    const cols = this.out.columns || 80;
    this.line = progressLine(done, total, written, (t - this.started) / 1000).slice(0, cols - 1);
    this.out.write(`\r${this.line}\x1b[K`);
  }

  clear(): void {
    if (this.line) this.out.write('\r\x1b[K');
  }

  redraw(): void {
    if (this.line) this.out.write(`\r${this.line}\x1b[K`);
  }
}

export const noProgress: ProgressSink = { update() {}, clear() {}, redraw() {} };
