/**
 * The clean stage: from decoded text (plain text or HTML) to the body all offsets index,
 * plus the metadata read off the page (SPEC §1). Dispatches on the input format.
 */
import type { CleanedArticle, DecodedArticle } from '../schemas/pipeline.js';
import { cleanHtml } from './clean-html.js';
import { cleanText } from './clean-text.js';

export function cleanArticle(doc: DecodedArticle): CleanedArticle {
  const { title, publishedAt, authors, body } = doc.format === 'html' ? cleanHtml(doc.text) : cleanText(doc.text);
  return {
    source: doc.source,
    format: doc.format,
    encoding: doc.encoding,
    title,
    publishedAt,
    authors,
    body,
    messages: doc.messages,
  };
}
