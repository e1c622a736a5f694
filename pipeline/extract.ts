/**
 * Stage 4, extract: run the extractors over the cleaned body (headline first) and assemble the
 * article record of SPEC §8. The record is not trusted yet: the validate stage checks it.
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from '../schemas/article.js';
import type { CleanedArticle } from '../schemas/pipeline.js';
import { extractEntities, extractorVersion } from '../extractors/index.js';

/** The article id: sha256 hex of the cleaned body, so the same text is one article. */
export function articleId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** Year of `publishedAt` (`2018-11-27…` → 2018): fills day-month dates without a year. */
export function publicationYear(publishedAt: string | null): number | null {
  const m = publishedAt ? /^(\d{4})-/u.exec(publishedAt) : null;
  return m ? Number(m[1]) : null;
}

/** Build the candidate record for one cleaned article. */
export function extract(cleaned: CleanedArticle): ArticleRecord {
  const entities = extractEntities({
    body: cleaned.body,
    publicationYear: publicationYear(cleaned.publishedAt),
    authors: cleaned.authors,
  });
  return {
    id: articleId(cleaned.body),
    source: cleaned.source,
    title: cleaned.title,
    publishedAt: cleaned.publishedAt,
    authors: cleaned.authors,
    body: cleaned.body,
    extractorVersion,
    people: entities.people,
    agencies: entities.agencies,
    documents: entities.documents,
    dates: entities.dates,
    counts: entities.counts,
  };
}
