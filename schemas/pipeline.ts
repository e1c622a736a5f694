/**
 * The plain, serialisable records an article travels in between stages
 * (read → decode → clean → extract → validate → write). Each stage is a function from one
 * of these to the next, so a queue-backed runner can move them between threads or machines.
 */
import { z } from 'zod';
import { articleMetadata } from './article.js';

export const stageName = z.enum(['read', 'decode', 'clean', 'extract', 'validate', 'write']);
export type StageName = z.infer<typeof stageName>;

/** A diagnostic an article carries (after unified/vfile): where, which rule, why. */
export const stageMessage = z.object({
  stage: stageName,
  level: z.enum(['info', 'warning', 'error']),
  /** Stable machine-readable id, e.g. `not-utf8`, `too-large`, `schema`. */
  rule: z.string().min(1),
  reason: z.string().min(1),
});
export type StageMessage = z.infer<typeof stageMessage>;

export const inputFormat = z.enum(['text', 'html']);
export type InputFormat = z.infer<typeof inputFormat>;

/** After decode: NFC text of one file. */
export const decodedArticle = z.object({
  source: z.string().min(1),
  format: inputFormat,
  /** Encoding the bytes were read as (`utf-8`, later legacy ones). */
  encoding: z.string().min(1),
  text: z.string(),
  messages: z.array(stageMessage),
});
export type DecodedArticle = z.infer<typeof decodedArticle>;

/** After clean: the body all offsets index into, and the metadata read off the page. */
export const cleanedArticle = articleMetadata.extend({
  source: z.string().min(1),
  format: inputFormat,
  encoding: z.string().min(1),
  body: z.string(),
  messages: z.array(stageMessage),
});
export type CleanedArticle = z.infer<typeof cleanedArticle>;
