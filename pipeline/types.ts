/**
 * Records that travel between the pipeline stages and are not part of the dataset contract
 * (those live in schemas/). All of them are plain data, so a worker thread, or later another
 * machine, can receive and return them through structured clone or JSON.
 */
import type { ArticleRecord } from '../schemas/article.js';
import type { InputFormat, StageMessage, StageName } from '../schemas/pipeline.js';
import type { EntityLists, EntityRows } from './rows.js';

/** A file as the read stage hands it on: its bytes and the hash that decides re-runs. */
export interface RawFile {
  /** Absolute path: the identity of a source across runs. */
  readonly source: string;
  readonly format: InputFormat;
  readonly bytes: Uint8Array;
  /** sha256 hex of the raw bytes: an unchanged file is skipped before any cleaning. */
  readonly rawHash: string;
}

/** Why a file was not written. `reason` is the sentence shown to the user. */
export interface Rejection {
  readonly ok: false;
  readonly source: string;
  readonly stage: StageName;
  /** Stable machine id: `empty`, `binary`, `not-utf8`, `too-large`, `schema`, … */
  readonly rule: string;
  readonly reason: string;
}

/** A validated article, ready for the writer, with what it needs to know about the file. */
export interface Accepted {
  readonly ok: true;
  readonly record: ArticleRecord;
  readonly rawHash: string;
  readonly bytes: number;
  readonly format: InputFormat;
  readonly encoding: string;
  /** Warnings and notes gathered on the way (e.g. `--lossy` replacements). */
  readonly messages: readonly StageMessage[];
}

export type Outcome = Accepted | Rejection;

/** An article record without its entity lists. */
export type ArticleHead = Omit<ArticleRecord, keyof EntityLists>;

/** An accepted article as a worker sends it: its entities travel as SQL rows (rows.ts). */
export interface AcceptedRows extends Omit<Accepted, 'record'> {
  readonly record: ArticleHead;
  readonly rows: EntityRows;
}

/** What the writer takes: a file's outcome, an accepted article in either form. */
export type WriterItem = Outcome | AcceptedRows;

/** Options the worker-side stages need; sent once to every worker. */
export interface ProcessOptions {
  readonly lossy: boolean;
  /** `--encoding NAME`: read every file as NAME instead of detecting its encoding. */
  readonly encoding?: string | undefined;
}

export function reject(source: string, stage: StageName, rule: string, reason: string): Rejection {
  return { ok: false, source, stage, rule, reason };
}
