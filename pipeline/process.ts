/**
 * The CPU-bound part of the pipeline for one file: decode → clean → extract → validate.
 * A worker thread runs it (worker.ts), or the main thread with `--workers 0`. Each stage is
 * a plain function over a plain record; an exception in one file rejects that file only.
 */
import type { StageMessage, StageName } from '../schemas/pipeline.js';
import { cleanArticle } from './clean.js';
import { decode } from './decode.js';
import { extract } from './extract.js';
import { reject, type Outcome, type ProcessOptions, type RawFile } from './types.js';
import { validate } from './validate.js';

function crashed(source: string, stage: StageName, err: unknown): Outcome {
  const msg = err instanceof Error ? err.message : String(err);
  return reject(source, stage, 'exception', `internal error in ${stage}: ${msg}`);
}

export function processFile(file: RawFile, opts: ProcessOptions): Outcome {
  let stage: StageName = 'decode';
  try {
    const decoded = decode(file, opts);
    if (!decoded.ok) return decoded;
    stage = 'clean';
    const cleaned = cleanArticle(decoded.article);
    // The clean stage may refuse a page (e.g. no article container): it says so with an
    // error-level message, which becomes the rejection reason.
    const refusal = cleaned.messages.find((m) => m.level === 'error');
    if (refusal) return reject(file.source, refusal.stage, refusal.rule, refusal.reason);
    if (!cleaned.body.trim()) return reject(file.source, 'clean', 'no-text', 'no article text left after cleaning');
    stage = 'extract';
    const candidate = extract(cleaned);
    stage = 'validate';
    const valid = validate(candidate, file.source);
    if (!valid.ok) return valid;
    // The clean stage may pass decode's messages on: keep each warning once.
    const seen = new Set<string>();
    const messages: StageMessage[] = [...decoded.article.messages, ...cleaned.messages].filter((m) => {
      const key = `${m.rule}\u0000${m.reason}`;
      if (m.level !== 'warning' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return {
      ok: true,
      record: valid.record,
      rawHash: file.rawHash,
      bytes: file.bytes.length,
      format: cleaned.format,
      encoding: cleaned.encoding,
      messages,
    };
  } catch (err) {
    return crashed(file.source, stage, err);
  }
}
