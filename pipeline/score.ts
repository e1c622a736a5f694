/**
 * Scoring of predictions against gold files (SPEC §7): pure functions, no I/O.
 *
 * Every field is a set of keys per article; precision/recall/F1 are micro-averaged over
 * articles (tp/fp/fn summed first). Keys are built so that spelling variants an analyst
 * treats as one (tone style, case, press abbreviations, `09 CT/TW` vs `09-CT/TW`) collide.
 */
import { documentNumberKey } from '../extractors/documents.js';
import { agencyAbbreviations, titleAbbreviations, type Abbreviation } from '../extractors/lexicon/abbreviations.js';
import { escapeRegExp, matchKey } from '../extractors/text.js';
import type { GoldArticle } from '../schemas/gold.js';

/** The ten scored fields, in report order. */
export const fieldNames = [
  'title', 'publishedAt', 'authors', 'people', 'people.rank', 'people.title',
  'agencies', 'documents', 'dates', 'counts',
] as const;
export type FieldName = (typeof fieldNames)[number];

/** Fields scored as accuracy (one value per article) rather than as a set. */
const accuracyFields: ReadonlySet<FieldName> = new Set<FieldName>(['title', 'publishedAt']);

/**
 * What the pipeline predicts for one article: metadata plus the extraction. Structural so
 * that a CleanedArticle + Extraction (or an exported record) can be passed directly.
 */
export interface Prediction {
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly authors: readonly string[];
  readonly people: readonly { readonly name: string; readonly rank: string | null; readonly titles: readonly string[] }[];
  readonly agencies: readonly { readonly name: string }[];
  readonly documents: readonly { readonly type: string; readonly number: string }[];
  readonly dates: readonly { readonly value: string }[];
  readonly counts: readonly { readonly value: number; readonly unit: string }[];
}

/** Counts for one field. For accuracy fields: tp = correct, fn = wrong, fp = 0. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** One error, for `--misses`: a false positive or negative (or a wrong metadata value). */
export interface Miss {
  readonly article: string;
  readonly field: FieldName;
  readonly kind: 'FP' | 'FN' | 'WRONG';
  readonly item: string;
  /** For WRONG: the gold value. */
  readonly expected?: string;
}

export interface ArticleScore {
  readonly article: string;
  readonly tallies: Record<FieldName, Tally>;
  readonly misses: Miss[];
}

export interface FieldMetrics {
  readonly field: FieldName;
  readonly kind: 'accuracy' | 'set';
  readonly p: number;
  readonly r: number;
  readonly f1: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface EvalReport {
  readonly articles: number;
  readonly fields: FieldMetrics[];
  /** Mean of the ten fields' F1 (accuracy for title and publishedAt). */
  readonly macroF1: number;
  readonly misses: Miss[];
}

// ---------------------------------------------------------------------------------------
// Keys


/**
 * One regex over every abbreviation, as a whole token. A trailing period that belongs to
 * the abbreviation (`TP.HCM`, `Tp. Huế`) is swallowed so it does not glue words together.
 */
function abbreviationPattern(table: readonly Abbreviation[]): RegExp {
  const alternatives = [...table]
    .sort((a, b) => b.short.length - a.short.length)
    .map((a) => escapeRegExp(a.short))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?:\\.(?=\\s*\\p{L})|(?![\\p{L}\\p{N}]))`, 'gu');
}

const ALL_ABBREVIATIONS: readonly Abbreviation[] = [...agencyAbbreviations, ...titleAbbreviations];
const ABBREVIATION_RE = abbreviationPattern(ALL_ABBREVIATIONS);
const EXPANSION = new Map(ALL_ABBREVIATIONS.map((a) => [a.short, a.long]));

/** Replace press abbreviations (`TƯ`, `CAND`, `UBND`, `GĐ`...) by their expansions. */
export function expandAbbreviations(text: string): string {
  return text.normalize('NFC').replace(ABBREVIATION_RE, (_m, short: string) => ` ${EXPANSION.get(short) ?? short} `);
}

/**
 * Key of a name, title or agency: abbreviations expanded, tone style and case folded,
 * a period between two letters (`TP.Hà Nội`) read as a space, whitespace collapsed.
 */
export function nameKey(text: string): string {
  return matchKey(expandAbbreviations(text).replace(/(?<=\p{L})\.(?=\p{L})/gu, ' '));
}

/** SPEC §4's number matching, shared with the extractor that merges numbers the same way. */
export { documentNumberKey };

export function documentKey(doc: { readonly type: string; readonly number: string }): string {
  return `${matchKey(doc.type)}|${documentNumberKey(doc.number)}`;
}

/** Count key (SPEC §6): value and first syllable of the unit, lower-cased. */
export function countKey(count: { readonly value: number; readonly unit: string }): string {
  const first = matchKey(count.unit).split(' ')[0] ?? '';
  return `${count.value}|${first.replace(/[^\p{L}\p{M}\p{N}%]+$/u, '')}`;
}

/**
 * Whether a predicted title matches a gold one (SPEC §7): equal keys, or one is a
 * whole-syllable prefix of the other and that prefix has at least two syllables.
 */
export function titlesMatch(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return true;
  const sa = ka.split(' ');
  const sb = kb.split(' ');
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  if (short.length < 2) return false;
  return short.every((syl, i) => long[i] === syl);
}

// ---------------------------------------------------------------------------------------
// Per-field scoring

const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

/** Deduplicate by key, keeping the first display form. */
function keyed<T>(items: readonly T[], key: (t: T) => string, show: (t: T) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const it of items) {
    const k = key(it);
    if (!out.has(k)) out.set(k, show(it));
  }
  return out;
}

/**
 * Set scoring with optional items: a prediction equal to an optional item (and to no gold
 * item) is neither TP nor FP; optional items are never FN.
 */
export function scoreSet<T>(
  article: string,
  field: FieldName,
  gold: readonly T[],
  optional: readonly T[],
  predicted: readonly T[],
  key: (t: T) => string,
  show: (t: T) => string,
  /** Predictions that are neither rewarded nor penalised beyond the optional ones. */
  excused: (k: string, goldKeys: ReadonlySet<string>) => boolean = () => false,
): { tally: Tally; misses: Miss[] } {
  const g = keyed(gold, key, show);
  const opt = new Set(optional.map(key));
  const p = keyed(predicted, key, show);
  const tally = emptyTally();
  const misses: Miss[] = [];
  const allGold = new Set([...g.keys(), ...opt]);
  for (const [k, shown] of p) {
    if (g.has(k)) tally.tp++;
    else if (!opt.has(k) && !excused(k, allGold)) {
      tally.fp++;
      misses.push({ article, field, kind: 'FP', item: shown });
    }
  }
  for (const [k, shown] of g) {
    if (!p.has(k)) {
      tally.fn++;
      misses.push({ article, field, kind: 'FN', item: shown });
    }
  }
  return { tally, misses };
}

interface NameTitle {
  readonly name: string;
  readonly title: string;
}

/**
 * (name, title) pairs: maximum bipartite matching between predicted and gold pairs of the
 * same person, under the prefix rule of `titlesMatch` (a prefix can fit several titles, so
 * greedy matching could under-count).
 */
export function scoreTitlePairs(
  article: string,
  gold: readonly NameTitle[],
  optionalPeople: readonly string[],
  predicted: readonly NameTitle[],
): { tally: Tally; misses: Miss[] } {
  const dedupe = (xs: readonly NameTitle[]): NameTitle[] => {
    const seen = new Set<string>();
    return xs.filter((x) => {
      const k = `${nameKey(x.name)}|${nameKey(x.title)}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const g = dedupe(gold);
  const p = dedupe(predicted);
  const edges: number[][] = p.map((pp) =>
    g.flatMap((gg, j) => (nameKey(pp.name) === nameKey(gg.name) && titlesMatch(pp.title, gg.title) ? [j] : [])),
  );
  const goldMatch = new Array<number>(g.length).fill(-1);
  // Kuhn's augmenting paths: sets per article are tiny, so O(V·E) is nothing.
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i] ?? []) {
      if (seen[j]) continue;
      seen[j] = true;
      const owner = goldMatch[j] ?? -1;
      if (owner < 0 || augment(owner, seen)) {
        goldMatch[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < p.length; i++) augment(i, new Array<boolean>(g.length).fill(false));
  const matchedPred = new Set(goldMatch.filter((i) => i >= 0));
  const goldNames = new Set(g.map((x) => nameKey(x.name)));
  const optional = new Set(optionalPeople.map(nameKey));
  const tally = emptyTally();
  const misses: Miss[] = [];
  const show = (x: NameTitle): string => `${x.name} / ${x.title}`;
  p.forEach((x, i) => {
    if (matchedPred.has(i)) tally.tp++;
    else if (optional.has(nameKey(x.name)) && !goldNames.has(nameKey(x.name))) return;
    else {
      tally.fp++;
      misses.push({ article, field: 'people.title', kind: 'FP', item: show(x) });
    }
  });
  g.forEach((x, j) => {
    if ((goldMatch[j] ?? -1) < 0) {
      tally.fn++;
      misses.push({ article, field: 'people.title', kind: 'FN', item: show(x) });
    }
  });
  return { tally, misses };
}

/** Accuracy of a single metadata value; null == null is correct. */
function scoreValue(
  article: string,
  field: FieldName,
  gold: string | null,
  predicted: string | null,
  equal: (a: string, b: string) => boolean,
): { tally: Tally; misses: Miss[] } {
  const ok = gold === null || predicted === null ? gold === predicted : equal(gold, predicted);
  if (ok) return { tally: { tp: 1, fp: 0, fn: 0 }, misses: [] };
  return {
    tally: { tp: 0, fp: 0, fn: 1 },
    misses: [{ article, field, kind: 'WRONG', item: predicted ?? 'null', expected: gold ?? 'null' }],
  };
}

type RankPair = { readonly name: string; readonly rank: string };

/** Score one article against its gold file. */
export function scoreArticle(gold: GoldArticle, pred: Prediction): ArticleScore {
  const a = gold.article;
  const opt = gold.optional;
  const id = (s: string): string => s;
  const rankPairs = (ps: readonly { name: string; rank: string | null }[]): RankPair[] =>
    ps.flatMap((p) => (p.rank === null ? [] : [{ name: p.name, rank: p.rank }]));
  const rankKey = (x: RankPair): string => `${nameKey(x.name)}|${matchKey(x.rank)}`;
  const goldRankNames = new Set(gold.people.map((p) => nameKey(p.name)));
  // A pair of an optional person is ignored, like the person (unless also a gold person).
  const optionalRankPairs = rankPairs(pred.people).filter(
    (x) => opt.people.some((n) => nameKey(n) === nameKey(x.name)) && !goldRankNames.has(nameKey(x.name)),
  );
  const titlePairs = (ps: readonly { name: string; titles: readonly string[] }[]): NameTitle[] =>
    ps.flatMap((p) => p.titles.map((title) => ({ name: p.name, title })));

  const results: Record<FieldName, { tally: Tally; misses: Miss[] }> = {
    title: scoreValue(a, 'title', gold.title, pred.title, (x, y) => matchKey(x) === matchKey(y)),
    publishedAt: scoreValue(a, 'publishedAt', gold.publishedAt, pred.publishedAt, (x, y) => x === y),
    authors: scoreSet(a, 'authors', gold.authors, [], pred.authors, nameKey, id),
    people: scoreSet(a, 'people', gold.people.map((p) => p.name), opt.people, pred.people.map((p) => p.name), nameKey, id),
    'people.rank': scoreSet(a, 'people.rank', rankPairs(gold.people), optionalRankPairs, rankPairs(pred.people), rankKey, (x) => `${x.name} / ${x.rank}`),
    'people.title': scoreTitlePairs(a, titlePairs(gold.people), opt.people, titlePairs(pred.people)),
    agencies: scoreSet(a, 'agencies', gold.agencies, opt.agencies, pred.agencies.map((x) => x.name), nameKey, id, isShorterForm),
    documents: scoreSet(a, 'documents', gold.documents, opt.documents, pred.documents, documentKey, (d) => `${d.type} ${d.number}`),
    dates: scoreSet(a, 'dates', gold.dates, opt.dates, pred.dates.map((d) => d.value), id, id),
    counts: scoreSet(a, 'counts', gold.counts, opt.counts, pred.counts, countKey, (c) => `${c.value} ${c.unit}`),
  };
  const tallies = {} as Record<FieldName, Tally>;
  const misses: Miss[] = [];
  for (const f of fieldNames) {
    tallies[f] = results[f].tally;
    misses.push(...results[f].misses);
  }
  return { article: a, tallies, misses };
}

// ---------------------------------------------------------------------------------------
// Aggregation

/**
 * P/R/F1 from summed counts. Nothing expected and nothing predicted is a perfect score
 * (there was nothing to get wrong); any other zero denominator gives 0.
 */
export function prf(t: Tally): { p: number; r: number; f1: number } {
  if (t.tp + t.fp + t.fn === 0) return { p: 1, r: 1, f1: 1 };
  const p = t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 0 : t.tp / (t.tp + t.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}

/** Micro-average over articles and the macro-F1 over the ten fields. */
export function aggregate(scores: readonly ArticleScore[]): EvalReport {
  const fields = fieldNames.map((field): FieldMetrics => {
    const sum = emptyTally();
    for (const s of scores) {
      const t = s.tallies[field];
      sum.tp += t.tp;
      sum.fp += t.fp;
      sum.fn += t.fn;
    }
    if (accuracyFields.has(field)) {
      const n = sum.tp + sum.fn;
      const acc = n === 0 ? 1 : sum.tp / n;
      return { field, kind: 'accuracy', p: acc, r: acc, f1: acc, ...sum };
    }
    return { field, kind: 'set', ...prf(sum), ...sum };
  });
  const macroF1 = fields.reduce((acc, f) => acc + f.f1, 0) / fields.length;
  return { articles: scores.length, fields, macroF1, misses: scores.flatMap((s) => s.misses) };
}

/** The compact table printed by `vnextract eval`. */
export function formatReport(report: EvalReport): string {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
  const lines = [`articles: ${report.articles}`, `${'field'.padEnd(13)}${'P'.padStart(6)}${'R'.padStart(7)}${'F1'.padStart(7)}   tp/fp/fn`];
  for (const f of report.fields) {
    const counts = f.kind === 'accuracy' ? `${f.tp}/${f.tp + f.fn} correct` : `${f.tp}/${f.fp}/${f.fn}`;
    lines.push(`${f.field.padEnd(13)}${pct(f.p)} ${pct(f.r)} ${pct(f.f1)}   ${counts}`);
  }
  lines.push(`macro-F1 ${(100 * report.macroF1).toFixed(1)}`);
  return lines.join('\n');
}

/**
 * SPEC §7a: one agency written in a fuller and a shorter form (`Công an tỉnh Thanh Hóa`, later
 * `Công an tỉnh`) — predicting the shorter form too is not penalised. A shorter form is a
 * whole-syllable prefix of a gold (or optional) agency.
 */
export function isShorterForm(key: string, goldKeys: ReadonlySet<string>): boolean {
  for (const g of goldKeys) if (g.startsWith(`${key} `)) return true;
  return false;
}

/** One line per miss: `d012 agencies FN "Sở Tư pháp"`. */
export function formatMiss(m: Miss): string {
  if (m.kind === 'WRONG') return `${m.article} ${m.field} WRONG ${JSON.stringify(m.item)} expected ${JSON.stringify(m.expected ?? null)}`;
  return `${m.article} ${m.field} ${m.kind} ${JSON.stringify(m.item)}`;
}
