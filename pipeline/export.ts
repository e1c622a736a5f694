/**
 * The read side of the CLI: export formats (jsonl, json, csv), the stats text and search.
 * Everything streams from SQLite one article at a time.
 */
import type Database from 'better-sqlite3';
import type { ExportRecord, Stats } from './store.js';
import { iterateRecords, foldD } from './store.js';

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

export async function exportRecords(
  db: Database.Database,
  format: ExportFormat,
  write: (s: string) => Promise<void>,
  opts: { bom: boolean } = { bom: false },
): Promise<void> {
  if (format === 'csv') {
    await write(`${opts.bom ? '\ufeff' : ''}${CSV_COLUMNS.join(',')}\r\n`);
    for (const r of iterateRecords(db)) {
      // Gather one article's rows: a few kB, and far fewer awaits than one per row.
      let chunk = '';
      for (const line of csvRows(r)) chunk += line;
      if (chunk) await write(chunk);
    }
    return;
  }
  if (format === 'json') {
    let first = true;
    await write('[');
    for (const r of iterateRecords(db)) {
      await write(`${first ? '\n' : ',\n'}${JSON.stringify(r)}`);
      first = false;
    }
    await write(first ? ']\n' : '\n]\n');
    return;
  }
  // Records are gathered into ~64 kB chunks: one await (and one stream write) per chunk, not
  // per record. Memory stays bounded by the chunk, whatever the size of the dataset.
  let chunk = '';
  for (const r of iterateRecords(db)) {
    chunk += `${JSON.stringify(r)}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
}

const CHUNK_CHARS = 64 * 1024;

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

/**
 * Every word of the query must occur (tone marks and đ optional): the query is folded like
 * the *_folded columns and each word quoted, so `-`, `/` or `:` in it are not FTS syntax.
 */
export function ftsQuery(query: string): string {
  const words = foldD(query.normalize('NFC')).split(/[\s\p{P}]+/u).filter((w) => w.length > 0);
  return `{title_folded body_folded} : (${words.map((w) => `"${w.replace(/"/gu, '""')}"`).join(' ')})`;
}

const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * FTS5 builds the snippet from the folded body (that is where the query matched); folding
 * keeps every UTF-16 index, so the same stretch of the real body replaces it, marks kept.
 */
export function unfoldSnippet(folded: string, foldedBody: string, body: string): string {
  const plain = folded.replace(/[\u0002\u0003]/gu, '');
  const core = plain.replace(/^…/u, '').replace(/…$/u, '');
  const at = foldedBody.indexOf(core);
  if (at < 0) return folded.replace(/\u0002/gu, '[').replace(/\u0003/gu, ']');
  const original = body.slice(at, at + core.length);
  let out = '';
  let k = plain.startsWith('…') && !core.startsWith('…') ? -1 : 0;
  for (const ch of folded) {
    if (ch === OPEN) out += '[';
    else if (ch === CLOSE) out += ']';
    else {
      out += k >= 0 && k < original.length ? original[k] : ch;
      k++;
    }
  }
  return out;
}

export function search(db: Database.Database, query: string, limit: number): SearchHit[] {
  const q = ftsQuery(query);
  if (q.endsWith(': ()')) return [];
  const rows = db
    .prepare(
      `SELECT a.id, a.title, a.published_at AS publishedAt, a.source, a.body, articles_fts.body_folded AS folded,
              snippet(articles_fts, 3, '${OPEN}', '${CLOSE}', '…', 12) AS snippet, bm25(articles_fts) AS rank
       FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(q, limit) as (SearchHit & { body: string; folded: string })[];
  return rows.map(({ body, folded, snippet, ...hit }) => ({ ...hit, snippet: unfoldSnippet(snippet, folded, body) }));
}
