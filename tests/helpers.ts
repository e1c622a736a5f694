/**
 * Helpers for tests that drive the real, built CLI (`node bin/vnextract.js …`) the way a
 * user does. `npm test` builds dist/ first (pretest); run `npx tsc -p tsconfig.json` before
 * running one of these files alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'vnextract.js');
export const SEEDS = join(ROOT, 'fixtures', 'seeds');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run the CLI to completion. stdin is empty unless `input` is given; never a TTY. A run past
 * `timeoutMs` (default 120 s) gets `killSignal` (default SIGTERM) and code -1.
 */
export function cli(args: readonly string[], opts: { input?: string; cwd?: string; timeoutMs?: number; killSignal?: NodeJS.Signals } = {}): CliResult {
  if (!existsSync(join(ROOT, 'dist', 'pipeline', 'cli.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` first');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: opts.timeoutMs ?? 120_000,
    killSignal: opts.killSignal ?? 'SIGTERM',
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'vnextract-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Run a read-only query against a database file. */
export function query<T = Record<string, unknown>>(db: string, sql: string, ...params: unknown[]): T[] {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).all(...params) as T[];
  } finally {
    conn.close();
  }
}

/** A single number from a query (`SELECT count(*) …`). */
export function scalar(db: string, sql: string, ...params: unknown[]): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).pluck().get(...params) as number;
  } finally {
    conn.close();
  }
}

/** Row counts of every dataset table: two runs that change nothing leave this identical. */
export function tableCounts(db: string): Record<string, number> {
  const tables = ['articles', 'article_sources', 'people', 'person_titles', 'person_mentions', 'agencies', 'agency_mentions',
    'documents', 'document_mentions', 'dates', 'counts', 'articles_fts'];
  return Object.fromEntries(tables.map((t) => [t, scalar(db, `SELECT count(*) FROM ${t}`)]));
}
