/**
 * The clean stage: from decoded text (plain text or HTML) to the body all offsets index,
 * plus the metadata read off the page (SPEC §1). Dispatches on the input format.
 */
import type { CleanedArticle, DecodedArticle } from '../schemas/pipeline.js';
import { cleanHtml, HtmlTooDeepError } from './clean-html.js';
import { cleanText } from './clean-text.js';

export function cleanArticle(doc: DecodedArticle): CleanedArticle {
  let cleaned;
  try {
    cleaned = doc.format === 'html' ? cleanHtml(doc.text) : cleanText(doc.text);
  } catch (err) {
    if (!(err instanceof HtmlTooDeepError)) throw err;
    // Refused with its reason; the file is recorded as rejected and the batch goes on.
    return {
      source: doc.source,
      format: doc.format,
      encoding: doc.encoding,
      title: null,
      publishedAt: null,
      authors: [],
      body: '',
      messages: [...doc.messages, { stage: 'clean', level: 'error', rule: 'html-too-deep', reason: err.message }],
    };
  }
  const { publishedAt, body } = cleaned;
  // Metadata that cleans down to nothing (a `<title>` of punctuation, a byline of spaces) is
  // absent, not an empty string: the record schema wants a real value or null.
  const title = cleaned.title !== null && /[\p{L}\p{N}]/u.test(cleaned.title) ? cleaned.title.trim() : null;
  // Pushed, not mapped and filtered: see `outside` in extractors/index.ts on the array kinds of empty lists.
  const authors: string[] = [];
  for (const a of cleaned.authors) {
    const name = a.trim();
    if (/[\p{L}\p{N}]/u.test(name)) authors.push(name);
  }
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
