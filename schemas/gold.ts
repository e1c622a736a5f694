/**
 * Gold files (SPEC §7, /work/shared/gold/FORMAT.md): what an analyst expects from one
 * article. The scorer validates every gold file against this before scoring.
 */
import { z } from 'zod';
import { documentType, publishedAt, rank } from './article.js';

const nonEmpty = z.string().trim().min(1);

export const goldPerson = z.object({
  name: nonEmpty,
  rank: rank.nullable(),
  titles: z.array(nonEmpty),
});
export type GoldPerson = z.infer<typeof goldPerson>;

export const goldDocument = z.object({ type: documentType, number: nonEmpty });
export type GoldDocument = z.infer<typeof goldDocument>;

export const goldCount = z.object({ value: z.number().finite().nonnegative(), unit: nonEmpty });
export type GoldCount = z.infer<typeof goldCount>;

/** Items fair either way: neither rewarded nor penalised. People and agencies by name. */
export const goldOptional = z.object({
  people: z.array(nonEmpty).default([]),
  agencies: z.array(nonEmpty).default([]),
  documents: z.array(goldDocument).default([]),
  dates: z.array(nonEmpty).default([]),
  counts: z.array(goldCount).default([]),
});
export type GoldOptional = z.infer<typeof goldOptional>;

export const goldArticle = z.object({
  article: nonEmpty,
  title: nonEmpty.nullable(),
  publishedAt: publishedAt.nullable(),
  authors: z.array(nonEmpty),
  people: z.array(goldPerson),
  agencies: z.array(nonEmpty),
  documents: z.array(goldDocument),
  dates: z.array(nonEmpty),
  counts: z.array(goldCount),
  optional: goldOptional.default({ people: [], agencies: [], documents: [], dates: [], counts: [] }),
});
export type GoldArticle = z.infer<typeof goldArticle>;
