/**
 * Stage 5, validate: the zod schema of schemas/article.ts is the single definition of a record.
 * A record that fails it is never written; the article is recorded as failed with zod's
 * message, which names the field (`people.0.mentions.1: span [4, 2] …`).
 */
import { articleRecord, type ArticleRecord } from '../schemas/article.js';
import { reject, type Rejection } from './types.js';

export type ValidateResult = { readonly ok: true; readonly record: ArticleRecord } | Rejection;

/** At most this many issues are spelled out; the rest are counted. */
const MAX_ISSUES = 5;

export function validate(candidate: unknown, source: string): ValidateResult {
  const parsed = articleRecord.safeParse(candidate);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issues = parsed.error.issues;
  const shown = issues.slice(0, MAX_ISSUES).map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`);
  const more = issues.length > MAX_ISSUES ? `; and ${issues.length - MAX_ISSUES} more` : '';
  return reject(source, 'validate', 'schema', `invalid record: ${shown.join('; ')}${more}`);
}
