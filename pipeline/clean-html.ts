/**
 * Clean stage for HTML pages (SPEC §1): metadata from the markup (JSON-LD, Open Graph,
 * article meta, `time[datetime]`, byline elements), the body from the article container
 * with navigation, scripts, side bars, forms, related links and comments removed; then the
 * plain-text rules (furniture, date lines, bylines) on the container's lines.
 */
import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { articleBodySelectors, bylineSelectors, htmlNoiseSelectors, siteNameHeads } from '../extractors/lexicon/furniture.js';
import { furnitureKind, parseByline, parseDateLine, publishedAtOf, uniqueNames } from '../extractors/metadata.js';
import { collapseSpaces, escapeRegExp } from '../extractors/text.js';
import { cleanLines, type CleanResult } from './clean-text.js';

type CheerioLoad = (typeof import('cheerio'))['load'];
let cheerioLoad: CheerioLoad | null = null;

/**
 * cheerio, loaded on the first HTML page: importing it costs ~90 ms per thread (each pool
 * worker, and the main thread with `--workers 0`), wasted on a batch of plain-text files.
 * `require` (cheerio ships a CommonJS build of the same code) keeps cleanHtml synchronous.
 */
function load(html: string): CheerioAPI {
  cheerioLoad ??= (createRequire(import.meta.url)('cheerio') as typeof import('cheerio')).load;
  return cheerioLoad(html);
}

/** Elements that break lines: each becomes one or more lines of the body. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** A container with less paragraph text than this is not the article. */
const MIN_ARTICLE_CHARS = 150;

/** Text of an element with whitespace collapsed, entities decoded (cheerio), NFC. */
const textOf = ($: CheerioAPI, el: AnyNode | string): string => collapseSpaces($(el).first().text()).normalize('NFC');

// ---------------------------------------------------------------------------------------
// Dates

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/u;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Normalise a machine date (`2018-11-27T01:12:00Z`, `2018-11-27T08:12:00+07:00`,
 * `2018-11-27`) to SPEC §1 form: Vietnam local time with `+07:00`, or a date alone. An
 * explicit offset is converted; a time without offset is taken as Vietnam time.
 */
export function normaliseMachineDate(value: string): string | null {
  const v = value.trim();
  const m = ISO_RE.exec(v);
  if (!m) {
    const line = parseDateLine(v);
    return line ? publishedAtOf(line) : null;
  }
  const [, y = '', mo = '', d = '', h, mi, s, off] = m;
  if (h === undefined || mi === undefined) return `${y}-${mo}-${d}`;
  if (off === undefined) return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+07:00`;
  const offMinutes = off === 'Z' ? 0 : (off.startsWith('-') ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(-2)));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? '0')) - offMinutes * 60_000;
  const vn = new Date(utc + 7 * 3_600_000);
  return (
    `${vn.getUTCFullYear()}-${pad2(vn.getUTCMonth() + 1)}-${pad2(vn.getUTCDate())}` +
    `T${pad2(vn.getUTCHours())}:${pad2(vn.getUTCMinutes())}:${pad2(vn.getUTCSeconds())}+07:00`
  );
}

// ---------------------------------------------------------------------------------------
// JSON-LD

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (j: Json | undefined): j is JsonObject => typeof j === 'object' && j !== null && !Array.isArray(j);
const str = (j: Json | undefined): string | null => (typeof j === 'string' && j.trim().length > 0 ? j : null);

/** Every object of a JSON-LD tree (arrays and `@graph` flattened). */
function ldObjects(j: Json, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(j)) for (const x of j) ldObjects(x, out);
  else if (isObject(j)) {
    out.push(j);
    const graph = j['@graph'];
    if (graph !== undefined) ldObjects(graph, out);
  }
  return out;
}

const typesOf = (o: JsonObject): string[] => {
  const t = o['@type'];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
};

/** The article object of the page's JSON-LD: an `…Article` type first, then anything with a headline. */
function jsonLdArticle($: CheerioAPI): JsonObject | null {
  const objects: JsonObject[] = [];
  $('script[type="application/ld+json"]').each((_i, el) => {
    try {
      objects.push(...ldObjects(JSON.parse($(el).text()) as Json));
    } catch {
      // A broken JSON-LD block is common and harmless: other sources still give metadata.
    }
  });
  return (
    objects.find((o) => typesOf(o).some((t) => /Article|BlogPosting|Report/u.test(t))) ??
    objects.find((o) => str(o['headline']) !== null) ??
    null
  );
}

/** Personal authors of JSON-LD (`"author": [{ "@type": "Person", "name": "…" }]`), organisations left out. */
function jsonLdAuthors(article: JsonObject | null): string[] {
  const raw = article?.['author'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((a) => {
    if (typeof a === 'string') return parseByline(a) ?? [];
    if (isObject(a) && !typesOf(a).includes('Organization')) return parseByline(str(a['name']) ?? '') ?? [];
    return [];
  });
}

// ---------------------------------------------------------------------------------------
// Title

/** A trailing segment that names the site (`Báo Bắc Giang`, `CAND.COM.VN`, `Cổng TTĐT …`). */
const SITE_NAME_RE = new RegExp(
  `^(?:${siteNameHeads.map(escapeRegExp).join('|')})(?!\\p{L})|\\.(?:vn|com|net|org|VN|COM)(?!\\p{L})|^(?=[^\\p{Ll}]*\\p{Lu})[\\p{Lu}\\d .-]{2,20}$`,
  'u',
);
const SUFFIX_SEP_RE = /\s+[|–—-]\s+|\s*\|\s*/u;

/**
 * Remove the site's name after the headline (`Headline - Báo X`, `Headline | Site`).
 * `always`: the `<title>` element, where any short last segment is the site's.
 */
export function stripSiteSuffix(title: string, always: boolean): string {
  let t = collapseSpaces(title);
  for (let i = 0; i < 2; i++) {
    const parts = t.split(SUFFIX_SEP_RE);
    const last = parts[parts.length - 1];
    if (parts.length < 2 || last === undefined) break;
    // Only the outermost segment of `<title>` is the site's whatever it says.
    const short = always && i === 0 && last.split(' ').length <= 6;
    if (!(SITE_NAME_RE.test(last) || short)) break;
    const cut = t.lastIndexOf(last);
    t = t.slice(0, cut).replace(/[\s|–—-]+$/u, '');
  }
  return t;
}

function pageTitle($: CheerioAPI, ld: JsonObject | null): string | null {
  const candidates = [
    $('meta[property="og:title"]').attr('content') ?? null,
    $('meta[name="twitter:title"]').attr('content') ?? null,
  ];
  const headline = str(ld?.['headline']);
  // JSON-LD `headline` is the bare headline; social titles often carry the site's name.
  if (headline !== null) return collapseSpaces(headline.normalize('NFC'));
  for (const c of candidates) if (c !== null && c.trim().length > 0) return stripSiteSuffix(c.normalize('NFC'), false);
  // A logo may be an h1 too: the headline is the first h1 that reads like one.
  const h1 = $('h1')
    .toArray()
    .map((el) => textOf($, el))
    .find((t) => t.length >= 15);
  if (h1) return h1;
  const t = textOf($, 'title');
  return t.length > 0 ? stripSiteSuffix(t, true) : null;
}

// ---------------------------------------------------------------------------------------
// Dates and authors from markup

function pagePublishedAt($: CheerioAPI, ld: JsonObject | null): string | null {
  const candidates = [
    str(ld?.['datePublished']),
    $('meta[property="article:published_time"]').attr('content'),
    $('meta[itemprop="datePublished"]').attr('content'),
    $('[itemprop="datePublished"]').attr('datetime'),
    $('meta[name="pubdate"]').attr('content'),
    $('meta[name="publishdate"]').attr('content'),
    $('article time[datetime]').attr('datetime'),
    $('time[datetime]').attr('datetime'),
  ];
  for (const c of candidates) {
    const v = c ? normaliseMachineDate(c) : null;
    if (v) return v;
  }
  return null;
}

function markupAuthors($: CheerioAPI, ld: JsonObject | null): string[] {
  const fromLd = jsonLdAuthors(ld);
  const meta = $('meta[name="author"]').attr('content');
  // `meta[name=author]` is often the outlet's name: parseByline rejects organisations.
  const fromMeta = meta ? (parseByline(meta.normalize('NFC')) ?? []) : [];
  const fromElements = $(bylineSelectors.join(','))
    .toArray()
    .flatMap((el) => parseByline(textOf($, el)) ?? []);
  return uniqueNames([...fromLd, ...fromMeta, ...fromElements]);
}

// ---------------------------------------------------------------------------------------
// Body

/** Remove a header that opens a link list (`Tin liên quan`) and the lists that follow it. */
function removeLinkSections($: CheerioAPI): void {
  $('h2, h3, h4, h5, h6, p, div, span, strong, b').each((_i, el) => {
    const node = $(el);
    if (node.children().length > 1) return;
    if (furnitureKind(textOf($, el)) !== 'section') return;
    // The heading may be wrapped (`<div><h3>Tin liên quan</h3></div><ul>…`): climb while alone.
    let head = node;
    while (head.parent().length > 0 && head.parent().children().length === 1 && !head.parent().is('body')) head = head.parent();
    let next = head.next();
    while (next.length > 0 && isLinkList($, next.get(0))) {
      const after = next.next();
      next.remove();
      next = after;
    }
    head.remove();
  });
}

/** A list of links: a `ul`/`ol`, or a block whose text is mostly anchor text. */
function isLinkList($: CheerioAPI, el: Element | undefined): boolean {
  if (!el) return false;
  const node = $(el);
  if (node.is('ul, ol')) return true;
  const all = textOf($, el).length;
  const linked = node.find('a').toArray().reduce((n, a) => n + textOf($, a).length, 0);
  return all > 0 && linked / all > 0.6;
}

const isElement = (n: AnyNode): n is Element => 'attribs' in n && 'name' in n;

/** Paragraph text directly inside an element: the Readability score of a container. */
function paragraphChars($: CheerioAPI, el: Element): number {
  return $(el)
    .children('p')
    .toArray()
    .reduce((n, p) => n + textOf($, p).length, 0);
}

/** The article container: a known selector with enough text, else the block with the most paragraph text. */
function articleContainer($: CheerioAPI): Element | null {
  for (const sel of articleBodySelectors) {
    const best = $(sel)
      .toArray()
      .filter(isElement)
      .map((el) => ({ el, n: textOf($, el).length }))
      .sort((a, b) => b.n - a.n)[0];
    if (best && best.n >= MIN_ARTICLE_CHARS) return best.el;
  }
  let best: { el: Element; n: number } | null = null;
  for (const el of $('div, section, td, body').toArray()) {
    const n = paragraphChars($, el);
    if (n > (best?.n ?? 0)) best = { el, n };
  }
  return best?.el ?? null;
}

/** Lines of an element's text: block elements and `<br>` break lines, inline whitespace collapses. */
export function textLines(nodes: readonly AnyNode[]): string[] {
  const chunks: string[] = [];
  // An explicit stack, not recursion: a hostile page may nest thousands of levels deep.
  const stack: (AnyNode | '\n')[] = [...nodes].reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === '\n') {
      chunks.push('\n');
      continue;
    }
    const node = item;
    if (node.type === 'text') {
      chunks.push(node.data.replace(/\s+/gu, ' '));
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = node.name.toLowerCase();
      if (name === 'br') {
        chunks.push('\n');
        continue;
      }
      const block = BLOCK_TAGS.has(name);
      if (block) chunks.push('\n');
      if (block) stack.push('\n');
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child) stack.push(child);
      }
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child) stack.push(child);
      }
    }
  }
  return chunks
    .join('')
    .split('\n')
    .map((l) => collapseSpaces(l).normalize('NFC'))
    .filter((l) => l.length > 0);
}

/**
 * Deeper than any real page (press templates nest a few dozen levels): past it the page is
 * refused rather than walked, since selector engines and text extraction recurse per level.
 */
export const MAX_HTML_DEPTH = 400;

/** A page nested deeper than `MAX_HTML_DEPTH`: refused with this reason. */
export class HtmlTooDeepError extends Error {}

/** Depth of the deepest element, counted with an explicit stack. */
function maxDepth(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > deepest) deepest = depth;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Clean an HTML page. Throws `HtmlTooDeepError` for a page nested past `MAX_HTML_DEPTH`. */
export function cleanHtml(html: string): CleanResult {
  const $ = load(html);
  const root = $.root()[0];
  const depth = root ? maxDepth(root) : 0;
  if (depth > MAX_HTML_DEPTH) {
    throw new HtmlTooDeepError(`HTML nested ${depth} levels deep (more than ${MAX_HTML_DEPTH}): not an article page`);
  }
  const ld = jsonLdArticle($);
  const title = pageTitle($, ld);
  const publishedAt = pagePublishedAt($, ld);
  const authors = markupAuthors($, ld);

  $(bylineSelectors.join(',')).remove();
  $(htmlNoiseSelectors.join(',')).remove();
  // A page header (logo, menu, today's date) is not the article; a header holding the h1 may be.
  $('header').each((_i, el) => {
    if ($(el).find('h1').length === 0) $(el).remove();
  });
  removeLinkSections($);

  const container = articleContainer($);
  const lines = container ? textLines([container]) : textLines($.root().toArray());
  return cleanLines(lines, { title, publishedAt, authors });
}
