/**
 * The read side of the CLI: export formats (jsonl, json, csv), the stats text and search.
 * Everything streams from SQLite one article at a time.
 */
import type Database from 'better-sqlite3';
import type { ExportRecord, Stats } from './store.js';
import { iterateRecordJson, foldD, registerJsNumber } from './store.js';

export type ExportFormat = 'jsonl' | 'json' | 'csv';

export const CSV_COLUMNS = [
  'article_id', 'source', 'family', 'entity', 'name', 'value', 'unit', 'approximate', 'of', 'rank', 'titles',
  'agencies', 'aliases', 'type', 'number', 'issuer', 'date', 'start', 'end', 'text',
] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

function csvLine(row: CsvRow): string {
  return `${CSV_COLUMNS.map((c) => csvField(row[c])).join(',')}\r\n`;
}

/** One CSV row per entity mention of a record (people, agencies, documents, dates, counts). */
export function* csvRows(r: ExportRecord): Generator<string> {
  const base = { article_id: r.id, source: r.source };
  const text = (s: number, e: number) => r.body.slice(s, e);
  for (const [i, p] of r.people.entries())
    for (const [s, e] of p.mentions)
      yield csvLine({ ...base, family: 'person', entity: i, name: p.name, rank: p.rank, titles: p.titles.join('; '), agencies: p.agencies.join('; '), start: s, end: e, text: text(s, e) });
  for (const [i, g] of r.agencies.entries())
    for (const [s, e] of g.mentions)
      yield csvLine({ ...base, family: 'agency', entity: i, name: g.name, aliases: g.aliases.join('; '), start: s, end: e, text: text(s, e) });
  for (const [i, d] of r.documents.entries())
    for (const [s, e] of d.mentions)
      yield csvLine({ ...base, family: 'document', entity: i, name: `${d.type} ${d.number}`, type: d.type, number: d.number, issuer: d.issuer, date: d.date, start: s, end: e, text: text(s, e) });
  for (const [i, d] of r.dates.entries())
    yield csvLine({ ...base, family: 'date', entity: i, value: d.value, start: d.start, end: d.end, text: d.text });
  for (const [i, c] of r.counts.entries())
    yield csvLine({ ...base, family: 'count', entity: i, value: c.value, unit: c.unit, approximate: c.approximate, of: c.of, start: c.start, end: c.end, text: c.text });
}

/** Where export writes: text (csv) or UTF-8 bytes (JSON records straight from SQLite). */
export type ExportWrite = (s: string | Uint8Array) => Promise<void>;

/** SQL for csvField(x) of a TEXT (or NULL) value. */
const csvText = (x: string): string =>
  `CASE WHEN ${x} IS NULL THEN '' WHEN instr(${x}, '"') OR instr(${x}, ',') OR instr(${x}, char(10)) OR instr(${x}, char(13))
   THEN '"' || replace(${x}, '"', '""') || '"' ELSE ${x} END`;
/** SQL for csvField(x) of a NUMERIC value: String(x) of the JS number (digits, '.', '-', 'e+': never quoted). */
const csvNumber = (x: string): string => `CASE typeof(${x}) WHEN 'real' THEN js_string(${x}) WHEN 'null' THEN '' ELSE ${x} END`;
/**
 * SQL for csvField of a JSON array of strings joined with '; ' (json_each walks the array in
 * order). The join is an aggregate in its own subquery, so it is computed once, not once per
 * reference in csvText; an empty array (most aliases) skips it.
 */
const csvJoined = (json: string): string =>
  `CASE ${json} WHEN '[]' THEN '' ELSE (SELECT ${csvText('j')} FROM (SELECT group_concat(value, '; ') AS j FROM json_each(${json}))) END`;

/** One CSV line (csvLine) from SQL expressions per column; columns not given are empty. */
function csvLineSql(cols: Partial<Record<(typeof CSV_COLUMNS)[number], string>>): string {
  return `${CSV_COLUMNS.map((c) => cols[c] ?? "''").join(` || ',' || `)} || char(13, 10)`;
}

/**
 * One row per article holding all its CSV lines (UTF-8 bytes; NULL when it has no mention),
 * in the order of csvRows: people, agencies, documents (entity by entity, mention by mention),
 * dates, counts. Built by SQLite like RECORD_JSON_SQL, and ordered the same way: lists are read
 * through their (parent, ord) indexes (see the note on mentionsJson in store.ts).
 */
export const CSV_SQL = (() => {
  const base = { article_id: 'a.id', source: csvText('a.source') };
  const family = (line: string, from: string): string => `coalesce((SELECT group_concat(${line}, '') FROM ${from}), '')`;
  const person = csvLineSql({
    ...base, family: `'person'`, entity: 'p.ord', name: csvText('p.name'), rank: csvText('p.rank'), titles: csvJoined('p.titles'),
    agencies: csvJoined('p.agencies'), start: 'm.start_offset', end: 'm.end_offset', text: csvText('m.text'),
  });
  const agency = csvLineSql({
    ...base, family: `'agency'`, entity: 'g.ord', name: csvText('g.name'), aliases: csvJoined('g.aliases'),
    start: 'm.start_offset', end: 'm.end_offset', text: csvText('m.text'),
  });
  const document = csvLineSql({
    ...base, family: `'document'`, entity: 'd.ord', name: csvText(`d.type || ' ' || d.number`), type: csvText('d.type'), number: csvText('d.number'),
    issuer: csvText('d.issuer'), date: csvText('d.date'), start: 'm.start_offset', end: 'm.end_offset', text: csvText('m.text'),
  });
  const date = csvLineSql({ ...base, family: `'date'`, entity: 't.ord', value: csvText('t.value'), start: 't.start_offset', end: 't.end_offset', text: csvText('t.text') });
  const count = csvLineSql({
    ...base, family: `'count'`, entity: 'c.ord', value: csvNumber('c.value'), unit: csvText('c.unit'),
    approximate: `CASE c.approximate WHEN 1 THEN 'true' ELSE 'false' END`, of: csvNumber('c."of"'),
    start: 'c.start_offset', end: 'c.end_offset', text: csvText('c.text'),
  });
  return `SELECT CAST(nullif(
    ${family(person, 'people p JOIN person_mentions m ON m.person_id = p.id WHERE p.article_seq = a.seq')} ||
    ${family(agency, 'agencies g JOIN agency_mentions m ON m.agency_id = g.id WHERE g.article_seq = a.seq')} ||
    ${family(document, 'documents d JOIN document_mentions m ON m.document_id = d.id WHERE d.article_seq = a.seq')} ||
    ${family(date, 'dates t WHERE t.article_seq = a.seq')} ||
    ${family(count, 'counts c WHERE c.article_seq = a.seq')}, '') AS BLOB)
  FROM articles a ORDER BY a.source, a.id`;
})();

export async function exportRecords(
  db: Database.Database,
  format: ExportFormat,
  write: ExportWrite,
  opts: { bom: boolean } = { bom: false },
): Promise<void> {
  if (format === 'csv') {
    await write(`${opts.bom ? '\ufeff' : ''}${CSV_COLUMNS.join(',')}\r\n`);
    registerJsNumber(db);
    await writeChunked(db.prepare(CSV_SQL).pluck().iterate() as IterableIterator<Buffer | null>, write, ['', '', '', '']);
    return;
  }
  // JSON: each record is built by SQLite (RECORD_JSON_SQL) and arrives as UTF-8 bytes.
  const frame: Frame = format === 'json' ? ['[\n', ',\n', '\n]\n', '[]\n'] : ['', '\n', '\n', ''];
  await writeChunked(iterateRecordJson(db), write, frame);
}

/** Text before the first item, between two items, after the last, and when there is none. */
type Frame = readonly [open: string, sep: string, close: string, empty: string];

/**
 * Items (UTF-8 bytes from SQLite; NULL ones skipped) gathered into ~1 MB chunks: one await
 * (and one stream write) per chunk, not per item. Memory stays bounded by the chunk,
 * whatever the size of the dataset.
 */
async function writeChunked(items: Iterable<Buffer | null>, write: ExportWrite, [open, sep, close, empty]: Frame): Promise<void> {
  const [openBytes, sepBytes] = [Buffer.from(open), Buffer.from(sep)];
  let parts: Buffer[] = [];
  let bytes = 0;
  let n = 0;
  for (const r of items) {
    if (r === null) continue;
    parts.push(n++ === 0 ? openBytes : sepBytes, r);
    bytes += r.length + sepBytes.length;
    if (bytes >= CHUNK_BYTES) {
      await write(Buffer.concat(parts));
      parts = [];
      bytes = 0;
    }
  }
  parts.push(Buffer.from(n === 0 ? empty : close));
  await write(Buffer.concat(parts));
}

const CHUNK_BYTES = 1024 * 1024;

export function formatStats(s: Stats): string {
  const fams = ['people', 'agencies', 'documents', 'dates', 'counts'] as const;
  const lines = [
    `database   ${s.database} (schema version ${s.schemaVersion})`,
    `articles   ${s.articles} (from ${s.sources} source file${s.sources === 1 ? '' : 's'})`,
    'entities   ' + fams.map((f) => `${f} ${s.entities[f]}`).join(', '),
    'mentions   ' + fams.map((f) => `${f} ${s.mentions[f]}`).join(', '),
    `errors     ${s.errors.total} rejected file${s.errors.total === 1 ? '' : 's'} recorded, ${s.errors.warnings} warning${s.errors.warnings === 1 ? '' : 's'}`,
  ];
  for (const e of s.errors.recent) lines.push(`  ${e.at}  [${e.stage}] ${e.path}: ${e.reason}`);
  lines.push('last runs');
  if (s.runs.length === 0) lines.push('  (none)');
  for (const r of s.runs) {
    const dup = r.duplicates > 0 ? `, duplicate ${r.duplicates}` : '';
    lines.push(
      `  #${r.id} ${r.startedAt}  ${r.status.padEnd(11)} files ${r.files}: ingested ${r.ingested}, unchanged ${r.unchanged}, ` +
        `replaced ${r.replaced}${dup}, rejected ${r.rejected}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export interface SearchHit {
  id: string;
  title: string | null;
  publishedAt: string | null;
  source: string;
  snippet: string;
  rank: number;
}

/** The key FTS5's tokenizer gives a word once đ is folded: no tone marks, no case. */
export function searchKey(word: string): string {
  return foldD(word).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, as the tokenizer will see them (punctuation separates words). */
function queryWords(query: string): string[] {
  return query.normalize('NFC').split(/[\s\p{P}]+/u).filter((w) => w.length > 0);
}

/**
 * Every word of the query must occur (tone marks and đ optional): the query is folded like
 * the index (đ → d) and each word quoted, so `-`, `/` or `:` in it are not FTS syntax.
 */
export function ftsQuery(query: string): string {
  const words = queryWords(foldD(query));
  return words.length === 0 ? '' : words.map((w) => `"${w.replace(/"/gu, '""')}"`).join(' ');
}

/** Tokens as unicode61 cuts them: runs of letters, marks and digits. */
const TOKEN = /[\p{L}\p{M}\p{N}\p{Co}]+/gu;
const SNIPPET_TOKENS = 12;

/**
 * A window of about 12 words of the body around the best cluster of query words, the words
 * matched in [brackets], `…` where the body is cut. The index holds no text (contentless), so
 * this reads the real body: marks, đ and case as written. Linear in the body's length.
 */
export function snippet(body: string, query: string): string {
  const wanted = new Map<string, number>();
  for (const w of queryWords(query)) for (const t of w.match(TOKEN) ?? []) if (!wanted.has(searchKey(t))) wanted.set(searchKey(t), wanted.size);
  const toks: { start: number; end: number; term: number }[] = [];
  for (const m of body.matchAll(TOKEN)) toks.push({ start: m.index, end: m.index + m[0].length, term: wanted.get(searchKey(m[0])) ?? -1 });
  if (toks.length === 0) return '';
  // Sliding window: the start whose window holds the most distinct query words, then the most hits.
  const inWindow = new Map<number, number>();
  let hits = 0;
  let best = { from: 0, distinct: -1, hits: -1 };
  const add = (term: number, d: number): void => {
    if (term < 0) return;
    const n = (inWindow.get(term) ?? 0) + d;
    if (n === 0) inWindow.delete(term);
    else inWindow.set(term, n);
    hits += d;
  };
  for (let i = 0; i < toks.length; i++) {
    add(toks[i]!.term, 1);
    const from = i - SNIPPET_TOKENS + 1;
    if (from > 0) add(toks[from - 1]!.term, -1);
    const start = Math.max(0, from);
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && hits > best.hits)) best = { from: start, distinct: inWindow.size, hits };
  }
  // Start the window a word or two before its first hit, for context.
  let from = best.from;
  while (best.distinct > 0 && from < toks.length && toks[from]!.term < 0 && from < best.from + SNIPPET_TOKENS - 1) from++;
  from = Math.max(0, Math.min(from - 2, toks.length - SNIPPET_TOKENS));
  const to = Math.min(toks.length, from + SNIPPET_TOKENS);
  // Text before the first word and after the last is kept when the window reaches the body's ends.
  let out = from > 0 ? '…' : body.slice(0, toks[0]!.start);
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    if (i > from) out += body.slice(toks[i - 1]!.end, t.start);
    const word = body.slice(t.start, t.end);
    out += t.term >= 0 ? `[${word}]` : word;
  }
  out += to < toks.length ? '…' : body.slice(toks[to - 1]!.end);
  return out.replace(/\s+/gu, ' ').trim();
}

export function search(db: Database.Database, query: string, limit: number): SearchHit[] {
  const q = ftsQuery(query);
  if (q === '') return [];
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.published_at AS publishedAt, a.source, a.body, bm25(articles_fts) AS rank
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(q, limit) as (Omit<SearchHit, 'snippet'> & { body: string })[];
  return rows.map(({ id, title, publishedAt, source, body, rank }) => ({ id, title, publishedAt, source, snippet: snippet(body, query), rank }));
}
