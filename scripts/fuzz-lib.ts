/**
 * Property-based fuzzing of the whole per-file pipeline (decode → clean → extract → validate,
 * pipeline/process.ts `processFile`), shared by tests/fuzz.test.ts (CI size) and
 * scripts/fuzz.ts (long runs). Inputs: random Unicode text, text in the genre (ranks, names,
 * dates, document numbers) with hostile separators, random HTML (unclosed tags, deep nesting,
 * huge attributes, scripts holding article-like text) and random bytes.
 *
 * The properties: processFile never throws and never fails inside (no `exception`/`schema`
 * rejection), finishes within a time budget, and every accepted record passes
 * `articleRecord`, has an NFC body whose sha256 is its id, and offsets that slice exactly
 * (inside the body, not splitting a surrogate pair, dated/counted text equal to the slice).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { articleRecord } from '../schemas/article.js';
import { processFile } from '../pipeline/process.js';
import type { Outcome } from '../pipeline/types.js';

export interface FuzzCase {
  readonly kind: string;
  readonly format: 'text' | 'html';
  readonly bytes: Uint8Array;
  readonly lossy: boolean;
  /** Text that must never reach the body (it sits inside <script>/<style>). */
  readonly hidden?: string;
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

const WORDS = [
  'Đại tá', 'Thượng tá', 'Thiếu tướng', 'đồng chí', 'Nguyễn', 'Văn', 'Thị', 'Hải', 'Trung', 'Lê', 'Phạm',
  'Giám đốc', 'Phó Giám đốc', 'Công an tỉnh', 'Bộ Công an', 'Ban Tuyên giáo Trung ương', 'Ủy ban MTTQ', 'Uỷ ban',
  'Chương trình phối hợp số', '09/CTR-BCA-BTGTW', 'Kế hoạch số', '123/KH-UBND', 'Nghị quyết', 'ngày', 'tháng', 'năm',
  '14/5/2022', '2019', '27-11-2018', '8h30', 'trên', 'gần', 'hàng nghìn', '100.000', '10/10', 'huyện', 'cán bộ',
  'hội viên', '1,5', 'triệu', 'đồng', 'Hội nghị', 'Tp.HCM', 'TP', '(', ')', '"', '“', '”', '…', '.', ',', ';', ':', '-', '–', '/',
];
const ODD = ['\u00a0', '\u200b', '\ufeff', '\u0301', '\u0323', '\u202e', '\ud83d\ude00', '\t', '\n', '\n\n', '\r\n', '\r', '\u2028', '\u0000'.slice(1), '  ', '\u3000'];

/** Text in the genre, sometimes decomposed (NFD) or with hostile separators between words. */
export const genreText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...ODD) }, { weight: 1, arbitrary: fc.nat(100000).map(String) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }), { maxLength: 120 })
  .chain((words) => fc.tuple(fc.constant(words.join(' ')), fc.boolean()))
  .map(([s, nfd]) => (nfd ? s.normalize('NFD') : s));

/** Any Unicode, any length up to a few kB: graphemes, or raw code points (lone surrogates too). */
export const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 500 }),
);

const TAGS = ['div', 'p', 'span', 'article', 'section', 'main', 'nav', 'aside', 'footer', 'header', 'h1', 'h2', 'table', 'tr', 'td',
  'ul', 'li', 'a', 'b', 'i', 'br', 'img', 'meta', 'title', 'time', 'noscript', 'template', 'iframe', 'svg', 'textarea', 'pre', 'form', 'figure'];
const ATTRS = ['class', 'id', 'content', 'property', 'name', 'datetime', 'href', 'style', 'itemprop', 'data-x', 'onload'];
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&#0;', '&#xD800;', '&#1114112;', '&nbsp;', '&', '&#x1F600;', '&unknown;', '&#99999999999;', '&#x110000;'];

const attrValue = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(genreText, fc.string({ maxLength: 20 })) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('article-body', 'detail-content', 'og:title', 'article:published_time', '2022-05-14T08:30:00+07:00', 'author') },
);
const attr = fc
  .tuple(fc.constantFrom(...ATTRS), attrValue, fc.constantFrom('"', "'", ''))
  .map(([k, v, q]) => (q ? ` ${k}=${q}${v.split(q).join('')}${q}` : ` ${k}=${v.replace(/[\s>]/gu, '')}`));

/** Random HTML: nested elements, closed or not, comments, entities and genre text. */
const htmlNodes = fc.letrec<{ node: string; element: string; leaf: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('element')),
  leaf: fc.oneof(
    { weight: 6, arbitrary: genreText.map((s) => s.replace(/</gu, '&lt;')) },
    { weight: 1, arbitrary: fc.constantFrom(...ENTITIES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => `<!--${s}-->`) },
    { weight: 1, arbitrary: fc.constantFrom('<!--', '<', '</', '<![CDATA[x]]>', '<?xml?>', '</div>', '</p>', '<p', '">') },
  ),
  element: fc
    .record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attr, { maxLength: 3 }),
      children: fc.array(tie('node'), { maxLength: 5 }),
      close: fc.constantFrom('close', 'close', 'unclosed', 'self', 'mismatch'),
    })
    .map(({ tag, attrs, children, close }) => {
      const open = `<${tag}${attrs.join('')}${close === 'self' ? ' /' : ''}>`;
      const end = close === 'close' ? `</${tag}>` : close === 'mismatch' ? '</span>' : '';
      return `${open}${children.join('')}${end}`;
    }),
}));

const marker = fc.nat(1_000_000).map((n) => `Đại tá Nguyễn Văn Kịchbản${n} Giám đốc Công an tỉnh`);

/** A page: head with title/meta sometimes, a body of random nodes, a script holding article-like text. */
export const htmlPage: fc.Arbitrary<{ html: string; hidden: string }> = fc
  .record({
    title: fc.option(genreText, { nil: undefined }),
    nodes: fc.array(htmlNodes.node, { maxLength: 8 }),
    hidden: marker,
    where: fc.constantFrom('script', 'style', 'script-json'),
    doctype: fc.boolean(),
  })
  .map(({ title, nodes, hidden, where, doctype }) => {
    const hide =
      where === 'script' ? `<script>var lead = "${hidden}"; document.write("<p>" + lead + "</p>");</script>`
        : where === 'style' ? `<style>/* ${hidden} */ p { color: red }</style>`
          : `<script type="text/template"><article><p>${hidden}</p></article></script>`;
    const head = title === undefined ? '' : `<head><title>${title.replace(/</gu, '')}</title></head>`;
    return { html: `${doctype ? '<!doctype html>' : ''}<html>${head}<body>${hide}${nodes.join('')}</body></html>`, hidden };
  });

/** Deep nesting, up to `maxDepth` levels (10 000 by default), closed or not, around an article paragraph. */
export const deepHtmlUpTo = (maxDepth: number): fc.Arbitrary<string> => fc
  .record({ depth: fc.integer({ min: 100, max: maxDepth }), tag: fc.constantFrom('div', 'span', 'b', 'table', 'p', 'li'), closed: fc.boolean(), text: genreText })
  .map(({ depth, tag, closed, text }) => `<html><body>${`<${tag}>`.repeat(depth)}<p>${text.replace(/</gu, '')}</p>${closed ? `</${tag}>`.repeat(depth) : ''}</body></html>`);

/** Random bytes, and valid UTF-8 with random bytes spliced in (BOMs, NUL, lone continuation bytes). */
export const byteStrings: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc
    .tuple(genreText, fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 4 })), { maxLength: 4 }), fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]))
    .map(([text, splices, bom]) => {
      const base = Array.from(utf8(text));
      for (const [at, bytes] of splices) base.splice(base.length === 0 ? 0 : at % base.length, 0, ...bytes);
      return new Uint8Array([...bom, ...base]);
    }),
);

export const deepHtml = deepHtmlUpTo(10_000);

/** Every kind of input, tagged with what it is (so a failure names its family). */
export const fuzzCaseUpTo = (maxDepth: number): fc.Arbitrary<FuzzCase> => fc.oneof(
  // Deep pages cost seconds each (the HTML cleaner is superlinear in depth): 1 case in 81.
  { weight: 20, arbitrary: fc.tuple(unicodeText, fc.constantFrom<'text' | 'html'>('text', 'html'), fc.boolean()).map(([s, format, lossy]) => ({ kind: 'unicode', format, bytes: utf8(s), lossy })) },
  { weight: 20, arbitrary: fc.tuple(genreText, fc.boolean()).map(([s, lossy]) => ({ kind: 'genre', format: 'text' as const, bytes: utf8(`Tiêu đề\n\n${s}`), lossy })) },
  { weight: 20, arbitrary: fc.tuple(htmlPage, fc.boolean()).map(([p, lossy]) => ({ kind: 'html', format: 'html' as const, bytes: utf8(p.html), lossy, hidden: p.hidden })) },
  { weight: 1, arbitrary: fc.tuple(deepHtmlUpTo(maxDepth), fc.boolean()).map(([h, lossy]) => ({ kind: 'deep-html', format: 'html' as const, bytes: utf8(h), lossy })) },
  { weight: 20, arbitrary: fc.tuple(byteStrings, fc.constantFrom<'text' | 'html'>('text', 'html'), fc.boolean()).map(([b, format, lossy]) => ({ kind: 'bytes', format, bytes: b, lossy })) },
);

export const fuzzCase = fuzzCaseUpTo(10_000);

/** Rejections that are a bug of ours, never a property of the input. */
const INTERNAL = new Set(['exception', 'schema', 'worker-crash']);

const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** The properties, for one outcome. Returns the violations (empty: the case passes). */
export function violations(c: FuzzCase, o: Outcome): string[] {
  if (!o.ok) return INTERNAL.has(o.rule) ? [`${o.stage}/${o.rule}: ${o.reason}`] : [];
  const out: string[] = [];
  const r = o.record;
  const parsed = articleRecord.safeParse(r);
  if (!parsed.success) out.push(`record fails articleRecord: ${parsed.error.issues[0]?.message ?? '?'}`);
  if (r.body !== r.body.normalize('NFC')) out.push('body is not NFC');
  if (r.id !== createHash('sha256').update(r.body).digest('hex')) out.push('id is not the sha256 of the body');
  const n = r.body.length;
  const span = (s: number, e: number, what: string, text?: string): void => {
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= n)) out.push(`${what}: span [${s}, ${e}] outside body of ${n}`);
    else if (isLow(r.body.charCodeAt(s)) || (e < n && isLow(r.body.charCodeAt(e)))) out.push(`${what}: span [${s}, ${e}] splits a surrogate pair`);
    else if (r.body.slice(s, e).trim() === '') out.push(`${what}: span [${s}, ${e}] is blank`);
    else if (text !== undefined && r.body.slice(s, e) !== text) out.push(`${what}: slice ≠ text`);
  };
  r.people.forEach((p, i) => p.mentions.forEach(([s, e]) => span(s, e, `people.${i}`)));
  r.agencies.forEach((a, i) => a.mentions.forEach(([s, e]) => span(s, e, `agencies.${i}`)));
  r.documents.forEach((d, i) => d.mentions.forEach(([s, e]) => span(s, e, `documents.${i}`)));
  r.dates.forEach((d, i) => span(d.start, d.end, `dates.${i}`, d.text));
  r.counts.forEach((x, i) => span(x.start, x.end, `counts.${i}`, x.text));
  const token = c.hidden === undefined ? undefined : /Kịchbản\d+/u.exec(c.hidden)?.[0];
  if (token !== undefined && r.body.includes(token))
    out.push('text inside <script>/<style> reached the body');
  return out;
}

/** Run one case through processFile, time-boxed: a case slower than `budgetMs` is a violation. */
export function runCase(c: FuzzCase, budgetMs: number): { problems: string[]; ms: number } {
  const t0 = performance.now();
  let o: Outcome;
  try {
    o = processFile({ source: `/fuzz/case.${c.format === 'html' ? 'html' : 'txt'}`, format: c.format, bytes: c.bytes, rawHash: 'f'.repeat(64) }, { lossy: c.lossy });
  } catch (err) {
    return { problems: [`processFile threw: ${(err as Error).stack ?? String(err)}`], ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  const problems = violations(c, o);
  if (ms > budgetMs) problems.push(`took ${Math.round(ms)}ms > ${budgetMs}ms for ${c.bytes.length} bytes`);
  return { problems, ms };
}

/** A short, printable description of a case for reports (the bytes, escaped, cut). */
export function describeCase(c: FuzzCase, max = 400): string {
  const text = Buffer.from(c.bytes).toString('utf8');
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return `${c.kind} ${c.format}${c.lossy ? ' --lossy' : ''} (${c.bytes.length} bytes): ${shown}`;
}
