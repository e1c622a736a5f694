/**
 * Agencies (SPEC §3): named organisations at their fullest form, each once, with aliases and
 * every mention.
 *
 * An agency is read as HEAD NAME* LOCALITY? over syllable tokens: a head from the lexicon
 * (`Ban`, `Cục`, `Công an`, `Tỉnh ủy`…), then capitalised name words with the lower-case
 * syllables that finish them (`Tuyên giáo`, `An ninh mạng`), committees that close the name
 * (`… Tỉnh ủy`, `… TƯ`), and a locality (`tỉnh Sóc Trăng`, `huyện Lục Ngạn`, bare `tỉnh`).
 */
import type { Agency, Rank, Span } from '../schemas/article.js';
import { agencyAbbreviations } from './lexicon/abbreviations.js';
import {
  agencyHeads,
  bareLocalities,
  centralPrefixes,
  namesakePlaces,
  pluralMarkers,
  type AgencyHead,
} from './lexicon/agencyHeads.js';
import { surnames } from './lexicon/surnames.js';
import { localityWords, twoSyllablePlaceLevels } from './lexicon/localities.js';
import { nameStopWords } from './lexicon/nameStops.js';
import { rankSpellings } from './lexicon/ranks.js';
import { titleLexicon, type TitleKind } from './lexicon/titles.js';
import { displayForm, matchKey } from './text.js';
import { buildTrie, inlineGap, matchAt, textTest, tokenAt, tokenize, wordCharAt, wordCharBefore, type PhraseMatch, type Token } from './tokens.js';

/** `UBND`, `TƯ`: two or more letters, all capitals. */
const isAllCaps = (text: string): boolean => text.length >= 2 && text === text.toUpperCase() && /\p{Lu}/u.test(text);

/** A head with the casing its lexicon entry prescribes for each of its words. */
interface CasedHead extends AgencyHead {
  readonly caps: readonly boolean[];
  /** Words written all in capitals (`TƯ`, `UBND`): the text must be too (`Tư pháp` is not `TƯ`). */
  readonly allCaps: readonly boolean[];
}
/**
 * One trie entry per spelling key; `Hội Cựu chiến binh` and `Hội cựu chiến binh` share a key
 * but differ in what they allow, so each key keeps its variants, most capitals first.
 */
const headTrie = buildTrie<CasedHead[]>(
  [...groupBy(agencyHeads, ([phrase]) => matchKey(phrase)).values()].map((variants) => {
    const cased = variants
      .map(([phrase, head]) => {
        const words = tokenize(phrase);
        return { ...head, caps: words.map((t) => t.upper), allCaps: words.map((t) => isAllCaps(t.text)) };
      })
      .sort((a, b) => b.caps.filter(Boolean).length - a.caps.filter(Boolean).length);
    return [variants[0]?.[0] ?? '', cased] as const;
  }),
);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
const provinceLevelKeys = new Set(twoSyllablePlaceLevels.map(matchKey));
const bareLocalityTrie = buildTrie(bareLocalities.map((w) => [w, true] as const));
const namesakeTrie = buildTrie(namesakePlaces.map((w) => [w, true] as const));
// Shared with people.ts, built once: every trie also takes one of the tokenizer's text tests.
export const surnameKeys: ReadonlySet<string> = new Set(surnames.map(matchKey));
export const localityTrie = buildTrie(localityWords.map((w) => [w, true] as const));
export const rankTrie = buildTrie<Rank>(rankSpellings);
export const titleTrie = buildTrie<TitleKind>(titleLexicon);
const stopTrie = buildTrie(nameStopWords.map((w) => [w, true] as const));
const centralTrie = buildTrie(centralPrefixes.map((w) => [w, true] as const));
const pluralKeys = new Set(pluralMarkers.map(matchKey));

/** First word of `Công an`: a hosted body (`Đảng ủy`, `Hội`) may name the police unit it belongs to. */
const POLICE_KEY = matchKey('Công');
const OPEN_QUOTES = new Set(['“', '"', '«', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '»', '’']);
/** Longest lower-case run kept after a capitalised name word (`Tổ chức cán bộ`). */
const MAX_TAIL = 5;
/** Longest lower-case run inside a name when a capitalised word follows it. */
const MAX_BRIDGED_TAIL = 9;
/** Heads in a chain of holders after the first (`Văn phòng` → `Bộ` → `Công an`). */
const MAX_HOLDERS = 2;
/** A quoted programme name inside an agency name (`Ban chỉ đạo “…” TƯ`) is at most this long. */
const MAX_QUOTED = 30;

/** A token run that names an agency. */
export interface AgencySpan {
  /** First token index. */
  readonly from: number;
  /** One past the last token index. */
  readonly to: number;
  /** Index one past the head phrase (where the name proper starts). */
  readonly headTo: number;
  readonly head: AgencyHead;
  /**
   * The police unit hosting this body (`Công an tỉnh Thanh Hóa` in `Đảng ủy Công an tỉnh Thanh
   * Hóa`): a named agency of its own, nested in this one.
   */
  readonly host: AgencySpan | null;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
/** All-capital abbreviation: `CAND`, `ANTQ`, `XDPT`, `LĐLĐ`. */
export const isAbbreviation = (t: Token | undefined): boolean =>
  isWord(t) && t.text.length >= 2 && /^[\p{Lu}.]+$/u.test(t.text);

/** Does a rank or a title start at token `i`? Those end any name. */
export function startsRankOrTitle(tokens: readonly Token[], i: number): boolean {
  return matchAt(rankTrie, tokens, i) !== null || matchAt(titleTrie, tokens, i) !== null;
}

function isStopAt(tokens: readonly Token[], i: number): boolean {
  return matchAt(stopTrie, tokens, i) !== null;
}

/** A one-syllable function word (`Khóa`, `Về`): capitalised, it still cannot name an agency. */
function isStopWord(tokens: readonly Token[], i: number): boolean {
  const m = matchAt(stopTrie, tokens, i);
  return m !== null && m.to - m.from === 1;
}

/** A capitalised word that can carry an agency's name (not a rank, title or function word). */
function isNameWord(tokens: readonly Token[], i: number): boolean {
  const t = tokenAt(tokens, i);
  return isWord(t) && t.upper && inlineGap(t) && !startsRankOrTitle(tokens, i) && !isStopWord(tokens, i);
}

/**
 * A personal name starts here: a family name leading three or four capitalised syllables that
 * are not a known place (`… Thành ủy Nguyễn Văn Phong`, not `TP Hồ Chí Minh`).
 */
export function personStartsAt(tokens: readonly Token[], i: number): boolean {
  if (!surnameKeys.has(tokens[i]?.key ?? '') || matchAt(namesakeTrie, tokens, i)) return false;
  let n = 1;
  while (n < 4 && isNameWord(tokens, i + n) && !headAt(tokens, i + n, false)) n++;
  return n >= 3;
}

/** Lower-case syllables that finish the capitalised word before them, or 0. */
function tailLength(tokens: readonly Token[], i: number, max = MAX_TAIL): number {
  let n = 0;
  while (n < max) {
    const t = tokens[i + n];
    if (!isWord(t) || t.upper || !inlineGap(t)) break;
    if (isStopAt(tokens, i + n) || matchAt(localityTrie, tokens, i + n)) break;
    if (headAt(tokens, i + n, true)?.value.committee) break; // `Ban Tuyên giáo thành ủy Hà Nội`
    n++;
  }
  return n;
}

/**
 * The lower-case syllables after a capitalised name word: up to `MAX_TAIL`, or a longer run
 * when it reaches another capitalised name word (`Cục Xây dựng phong trào bảo vệ an ninh Tổ
 * quốc`: the capital shows the name goes on).
 */
function bridgedTail(tokens: readonly Token[], i: number): number {
  const run = tailLength(tokens, i, MAX_BRIDGED_TAIL);
  if (run > MAX_TAIL && isNameWord(tokens, i + run) && !headAt(tokens, i + run, false) && !personStartsAt(tokens, i + run)) return run;
  return Math.min(run, MAX_TAIL);
}

/** A plain number stands right before `i` (`9 Công an phường`): the units are counted, not named. */
function counted(tokens: readonly Token[], i: number): boolean {
  const n = tokens[i - 1];
  const before = tokens[i - 2];
  return n !== undefined && n.kind === 'number' && inlineGap(tokens[i]) && !(before && (before.text === '/' || before.text === '.') && before.end === n.start);
}

/** A list of administrative levels goes on at `i` (`, phường`, `và thị trấn`, `/ phường`). */
function listsLevels(tokens: readonly Token[], i: number): boolean {
  const sep = tokens[i];
  if (!sep || !inlineGap(sep) || !(sep.text === ',' || sep.text === '/' || sep.key === 'và')) return false;
  return matchAt(localityTrie, tokens, i + 1) !== null;
}

/** Place name after a locality word: up to four capitalised syllables, never a person's name. */
function placeLength(tokens: readonly Token[], i: number): number {
  const namesake = matchAt(namesakeTrie, tokens, i);
  if (namesake) return namesake.to - i;
  let n = 0;
  while (n < 4 && isNameWord(tokens, i + n) && !headAt(tokens, i + n, false) && !personStartsAt(tokens, i + n)) n++;
  return n;
}

function closingQuote(tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j < tokens.length && j <= i + MAX_QUOTED; j++) {
    const t = tokens[j];
    if (!t || !inlineGap(t)) return -1;
    if (CLOSE_QUOTES.has(t.text)) return j;
  }
  return -1;
}

interface ScanOptions {
  /** Accept a lower-case head (`Trưởng ban Tuyên giáo …` after a title). */
  readonly allowLowerHead?: boolean;
  /** Reading a host inside another agency: do not look for a host of the host. */
  readonly nested?: boolean;
}

/**
 * Longest agency name in tokens (the longest real ones, a board of a front committee with
 * its full name, run to about 15; a quoted programme name adds up to `MAX_QUOTED`). The bound
 * keeps a scan over a hostile run of heads linear.
 */
const MAX_AGENCY_TOKENS = 50;
const MAX_HOST_TOKENS = 10;

/** The head at token `i`, written with the capitals its lexicon entry prescribes. */
function headAt(tokens: readonly Token[], i: number, allowLower: boolean): PhraseMatch<CasedHead> | null {
  const m = matchAt(headTrie, tokens, i);
  const first = tokens[i];
  if (!m || !first) return null;
  // `Ban tuyên giáo các huyện` is not `Ban Tuyên giáo`: a capital the lexicon has must be there.
  const value = m.value.find(
    (v) =>
      v.caps.every((cap, k) => k === 0 || !cap || tokens[i + k]?.upper) &&
      v.allCaps.every((caps, k) => !caps || isAllCaps(tokens[i + k]?.text ?? '')),
  );
  if (!value || (!first.upper && !allowLower && !value.committee)) return null;
  return { value, from: m.from, to: m.to };
}

/**
 * The police of a place, read at `i` (`Công an tỉnh Thanh Hóa`, `Công an TP Cần Thơ`), or
 * null: `Công an Trung ương` names no unit of its own.
 */
function localPolice(tokens: readonly Token[], i: number): AgencySpan | null {
  const span = scanAgency(tokens, i, { nested: true });
  return span && span.to > span.headTo && !headAt(tokens, span.headTo, true)?.value.committee ? span : null;
}

/**
 * Scans already made over one token stream, by start index: the people reader asks again at
 * the same places (a name's next syllable, a title's agency) and a scan is a pure function of
 * (tokens, i) for the default options.
 */
const scanCache = new WeakMap<readonly Token[], Map<number, AgencySpan | null>>();

/** Read the agency whose head starts at token `i` (after an optional central prefix), or null. */
export function scanAgency(tokens: readonly Token[], i: number, opts: ScanOptions = {}): AgencySpan | null {
  if (opts.allowLowerHead || opts.nested) return scanAgencyAt(tokens, i, opts);
  let cache = scanCache.get(tokens);
  if (!cache) {
    cache = new Map();
    scanCache.set(tokens, cache);
  }
  let span = cache.get(i);
  if (span === undefined) {
    span = scanAgencyAt(tokens, i, opts);
    cache.set(i, span);
  }
  return span;
}

function scanAgencyAt(tokens: readonly Token[], i: number, opts: ScanOptions): AgencySpan | null {
  let k = i;
  const central = matchAt(centralTrie, tokens, i);
  if (central && tokens[i]?.upper) {
    const after = headAt(tokens, central.to, false);
    // `TƯ Hội Nông dân`, `Trung ương Đoàn`: the central level is part of the name.
    if (after && !after.value.committee && !after.value.ignore && inlineGap(tokens[central.to])) k = central.to;
  }
  const head = headAt(tokens, k, opts.allowLowerHead === true);
  if (!head || head.value.attachOnly || (!tokens[k]?.upper && !opts.allowLowerHead)) return null;
  // `Bộ trưởng`, `Cục trưởng`, `Đội trưởng`: a title, not the agency it starts like.
  const title = matchAt(titleTrie, tokens, k);
  if (title && title.to > head.to) return null;
  const afterHead = tokenAt(tokens, head.to);
  if (pluralKeys.has(afterHead?.key ?? '') && inlineGap(afterHead)) return null;

  const numbered = head.value.numbered === true;
  let current: AgencyHead = head.value;
  /** A board (`Ban Thường vụ`) takes the whole body it belongs to, committees and all. */
  let boardOf = head.value.of === true;
  let j = head.to;
  let named = false;
  let host: AgencySpan | null = null;
  /**
   * Still reading heads that name the holder of the one before (`Văn phòng` → `Bộ` → `Công
   * an`): each may take the next head as its name.
   */
  let holderChain = true;
  let holders = 0;
  /** The previous token taken was a capitalised name word (`Sóc` in `Công an Sóc Trăng`). */
  let afterName = false;

  // A host (`Công an tỉnh X` inside `Đảng ủy Công an tỉnh X`) is a head and a locality: short.
  const maxTokens = opts.nested ? MAX_HOST_TOKENS : MAX_AGENCY_TOKENS;
  while (j < tokens.length && j - i < maxTokens) {
    const t = tokens[j];
    if (!t || !inlineGap(t)) break;
    const wasAfterName = afterName;
    afterName = false;
    if (t.kind === 'punct') {
      if (numbered && OPEN_QUOTES.has(t.text)) {
        const close = closingQuote(tokens, j);
        if (close < 0) break;
        j = close + 1;
        named = true;
        holderChain = false;
        continue;
      }
      // `Hội Liên hiệp Phụ nữ (LHPN) tỉnh`: an abbreviation defined inside the name.
      if (t.text === '(' && isAbbreviation(tokens[j + 1]) && tokens[j + 2]?.text === ')') {
        const after = tokens[j + 3];
        if (after && inlineGap(after) && matchAt(localityTrie, tokens, j + 3)) {
          j += 3;
          continue;
        }
      }
      // `Đài PT-TH`, `Sở KH – ĐT`: a dash between abbreviations.
      const dashed = t.text === '-' || t.text === '–';
      if (dashed && isAbbreviation(tokens[j - 1]) && isAbbreviation(tokens[j + 1])) {
        j += 2;
        continue;
      }

      break;
    }
    if (t.kind === 'number') {
      // `Phòng PV01`, `Đội PC02`: a unit code, digits glued to its letters.
      if (t.glued && isAbbreviation(tokens[j - 1]) && /^\d{1,3}$/u.test(t.text)) {
        j++;
        continue;
      }
      // `Ban Chỉ đạo 35`, `Ban Chỉ đạo Trung ương 94`: these boards are named by number.
      if (numbered && /^\d{1,4}$/u.test(t.text) && tokens[j + 1]?.text !== '/') {
        j++;
        named = true;
        holderChain = false;
        continue;
      }
      break;
    }
    const next = headAt(tokens, j, false);
    if (next) {
      const attach =
        holderChain || // `Bộ Công an`, `Văn phòng Ban Tuyên giáo`, `Văn phòng Bộ Công an`: the holder
        boardOf ||
        next.value.committee === true ||
        next.value.force === true ||
        (current.hosted === true && t.key === POLICE_KEY);
      if (!attach) break;
      if (!t.upper && !isNameWord(tokens, next.to)) return null; // `Ban Tuyên giáo huyện ủy, …`: generic
      if (current.hosted === true && t.key === POLICE_KEY && !opts.nested) host = localPolice(tokens, j);
      j = next.to;
      named = true;
      if (!next.value.force) current = next.value;
      if (!next.value.committee) boardOf = next.value.of === true;
      // Only a one-word head that still needs a name (`Bộ` in `Văn phòng Bộ Công an`) takes the
      // next head as that name; a full head or a committee closes the chain (`Bộ Công an`, then
      // `Ban Tuyên giáo …` is another agency).
      holders += 1;
      const needsName = next.to - next.from === 1 && !next.value.standalone && !next.value.committee;
      if (!needsName || holders >= MAX_HOLDERS) holderChain = false;
      continue;
    }
    const locality = matchAt(localityTrie, tokens, j);
    if (locality) {
      let place = placeLength(tokens, locality.to);
      if (place === 1 && provinceLevelKeys.has(t.key)) place = 0;
      // `Công an xã, phường` lists levels: generic. `Ủy ban MTTQ phường tổ chức …` is the ward's own.
      if (place === 0 && !matchAt(bareLocalityTrie, tokens, j) && (listsLevels(tokens, locality.to) || counted(tokens, i))) return null;
      j = locality.to + place;
      named = true;
      break;
    }
    if (t.upper) {
      if (!isNameWord(tokens, j) || personStartsAt(tokens, j)) break;
      j++;
      named = true;
      afterName = true;
      // `Tuyên giáo`, `An ninh mạng`: lower-case syllables finish a capitalised word, but not a
      // run of capitals (`Công an Sóc Trăng tập trung …` is a place, then a verb).
      if (!wasAfterName) {
        const tail = bridgedTail(tokens, j);
        if (tail > 0) {
          j += tail;
          afterName = false;
        }
      }
      holderChain = false;
      continue;
    }
    // `Tài nguyên và Môi trường`: `và` inside a name, between capitalised words.
    if (named && t.key === 'và' && isNameWord(tokens, j + 1) && !headAt(tokens, j + 1, false)) {
      j++;
      continue;
    }
    // `Phòng Công tác đảng và công tác chính trị`: a parallel name repeats its first word after `và`.
    const parallel = tokens[j + 1];
    if (named && t.key === 'và' && parallel && inlineGap(parallel) && !parallel.upper && parallel.key === tokens[head.to]?.key) {
      j += 2 + tailLength(tokens, j + 2);
      continue;
    }
    // `Ban chỉ đạo thi đua ANTT …`: lower-case words bridged to a capitalised one.
    if (j === head.to) {
      const tail = tailLength(tokens, j);
      if (tail > 0 && isNameWord(tokens, j + tail) && !headAt(tokens, j + tail, false)) {
        j += tail;
        continue;
      }
    }
    break;
  }

  if (!named && !head.value.standalone) return null;
  if (head.value.force) return null; // the whole force, not an agency (SPEC §7a)
  return { from: i, to: j, headTo: head.to, head: head.value, host };
}

/** Every agency span in the token stream, left to right, longest first (hosts not included). */
export function scanAgencies(tokens: readonly Token[]): AgencySpan[] {
  const spans: AgencySpan[] = [];
  for (let i = 0; i < tokens.length; ) {
    // In running text an agency starts with a capitalised word: skip the rest cheaply.
    if (!tokens[i]?.upper) {
      i++;
      continue;
    }
    const span = scanAgency(tokens, i);
    if (span) {
      if (!span.head.ignore) spans.push(span);
      i = span.to;
    } else i++;
  }
  return spans;
}

/** The host units nested in the given spans (`Công an tỉnh X` of `Đảng ủy Công an tỉnh X`). */
export function nestedHosts(spans: readonly AgencySpan[]): AgencySpan[] {
  return spans.flatMap((s) => (s.host ? [s.host] : []));
}

/** Expanded keys of press abbreviations (`TƯ` → `trung ương`), for matching only. */
const expansions = new Map(agencyAbbreviations.map((a) => [a.short, matchKey(a.long)]));
/** Most words are no press abbreviation: answered once per distinct text (see `textTest`). */
const HAS_EXPANSION = textTest((t) => expansions.has(t.text));
const QUOTES = /^[“”"«»‘’]$/u;
/** No article-local abbreviations: one shared empty map, not a new one per call. */
const NO_LOCAL: ReadonlyMap<string, string> = new Map();

/**
 * Matching key of a run of tokens: abbreviations expanded (the press's, and those the article
 * defines), a parenthesised abbreviation inside the run dropped (`Hội Liên hiệp Phụ nữ (LHPN)
 * tỉnh`), quotes dropped, tone style and case folded.
 */
export function tokensKey(
  tokens: readonly Token[],
  from = 0,
  to = tokens.length,
  local: ReadonlyMap<string, string> = NO_LOCAL,
): string {
  const parts: string[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (!t || (t.kind === 'punct' && QUOTES.test(t.text))) continue;
    if (t.text === '(' && isAbbreviation(tokens[i + 1]) && tokens[i + 2]?.text === ')' && i + 3 < to) {
      i += 2;
      continue;
    }
    parts.push(local.get(t.text) ?? (t.is(HAS_EXPANSION) ? expansions.get(t.text) : undefined) ?? t.key);
  }
  return parts.join(' ');
}

interface Group {
  key: string;
  /** Written forms, weighted: most syllables spelled out, then the longest, is the fullest. */
  names: { text: string; weight: number }[];
  aliases: Set<string>;
  mentions: Span[];
}

/**
 * Parentheses right after an agency define its abbreviation (`Sở Tài nguyên và Môi trường
 * (TN-MT)`): returns the alias text, or null.
 */
function definedAlias(body: string, tokens: readonly Token[], span: AgencySpan): string | null {
  const open = tokenAt(tokens, span.to);
  if (open?.text !== '(') return null;
  let j = span.to + 1;
  while (j < tokens.length && j < span.to + 6 && tokens[j]?.text !== ')') {
    const t = tokens[j];
    if (!t || (t.kind === 'word' && !isAbbreviation(t) && !(t.text.length === 1 && t.upper))) return null;
    j++;
  }
  const close = tokens[j];
  if (close?.text !== ')' || j === span.to + 1) return null;
  const first = tokens[span.to + 1];
  const last = tokens[j - 1];
  return first && last ? displayForm(body.slice(first.start, last.end)) : null;
}

/**
 * Group spans into agency records: one per key (abbreviations expanded, tone style and case
 * folded), named by the fullest mention; a bare-locality form (`Công an tỉnh`) joins the one
 * longer agency it is the start of (`Công an tỉnh Thanh Hóa`).
 */
export function collectAgencies(
  body: string,
  tokens: readonly Token[],
  spans: readonly AgencySpan[],
  local: ReadonlyMap<string, string> = new Map(),
): Agency[] {
  const groups = new Map<string, Group>();
  for (const span of spans) {
    const first = tokens[span.from];
    const last = tokens[span.to - 1];
    if (!first || !last) continue;
    const inner = innerAlias(tokens, span);
    const written = body.slice(first.start, last.end);
    const text = displayForm(inner ? written.replace(inner.text, ' ') : written);
    const key = tokensKey(tokens, span.from, span.to, local);
    let g = groups.get(key);
    if (!g) {
      g = { key, names: [], aliases: new Set(), mentions: [] };
      groups.set(key, g);
    }
    g.names.push({ text, weight: key.length * 1000 + text.length });
    g.mentions.push([first.start, last.end]);
    const alias = inner?.alias ?? definedAlias(body, tokens, span);
    if (alias) g.aliases.add(alias);
  }
  mergeInnerForms(groups);
  addAliasMentions(body, groups);
  // Pushed, not mapped: see `outside` in index.ts on the array kinds of empty lists.
  const agencies: Agency[] = [];
  for (const g of groups.values()) {
    agencies.push({ name: fullest(g.names), aliases: [...g.aliases], mentions: [...g.mentions].sort((a, b) => a[0] - b[0]) });
  }
  return agencies;
}

/** A `(ABBR)` inside a span: its alias and the written text to drop from the display name. */
function innerAlias(tokens: readonly Token[], span: AgencySpan): { alias: string; text: string } | null {
  for (let i = span.from; i + 2 < span.to; i++) {
    const abbr = tokens[i + 1];
    if (tokens[i]?.text === '(' && isAbbreviation(abbr) && tokens[i + 2]?.text === ')' && abbr) {
      return { alias: abbr.text, text: `(${abbr.text})` };
    }
  }
  return null;
}

/**
 * Abbreviations the article defines (`Hội Liên hiệp Phụ nữ (LHPN)`, `an ninh Tổ quốc (ANTQ)`):
 * the abbreviation maps to the key of the words before it whose initials spell it.
 */
export function harvestAbbreviations(tokens: readonly Token[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 1; i + 2 < tokens.length; i++) {
    const abbr = tokens[i + 1];
    if (tokens[i]?.text !== '(' || tokens[i + 2]?.text !== ')' || !abbr || !isAbbreviation(abbr)) continue;
    const letters = [...abbr.text.replace(/\./gu, '')];
    const from = i - letters.length;
    if (from < 0 || letters.length > 8) continue;
    let ok = true;
    for (let k = 0; k < letters.length && ok; k++) {
      const w = tokens[from + k];
      ok = w !== undefined && w.kind === 'word' && (k === 0 || inlineGap(w)) && w.text[0]?.toUpperCase() === letters[k];
    }
    if (ok && !out.has(abbr.text)) out.set(abbr.text, tokensKey(tokens, from, i));
  }
  return out;
}

/** The fullest written form: most syllables spelled out, then the longest. */
function fullest(names: readonly { text: string; weight: number }[]): string {
  let best = names[0];
  for (const n of names) if (best && n.weight > best.weight) best = n;
  return best?.text ?? '';
}

/**
 * A form that leaves out inner words of a longer one with the same first and last words
 * (`Ban Chỉ đạo 94` of `Ban Chỉ đạo Trung ương 94`) is that agency. A plain prefix
 * (`Công an tỉnh` of `Công an tỉnh Thanh Hóa`) stays its own record: SPEC §7a lets the
 * shorter form stand.
 */
function mergeInnerForms(groups: Map<string, Group>): void {
  // Each key split once, not once per pair of groups (this pass is quadratic in the groups).
  const words = new Map<Group, readonly string[]>();
  for (const g of groups.values()) words.set(g, g.key.split(' '));
  for (const g of [...groups.values()]) {
    const short = words.get(g) ?? [];
    if (short.length < 2) continue;
    // The one longer group this is an inner form of; none when there are two.
    let target: Group | undefined;
    let count = 0;
    for (const o of groups.values()) {
      if (o === g || !isInnerForm(short, words.get(o) ?? [])) continue;
      target = o;
      if (++count > 1) break;
    }
    if (count !== 1 || !target) continue;
    target.mentions.push(...g.mentions);
    groups.delete(g.key);
  }
}

function isInnerForm(short: readonly string[], long: readonly string[]): boolean {
  if (short.length >= long.length || short[0] !== long[0] || short[short.length - 1] !== long[long.length - 1]) return false;
  let k = 0;
  for (const w of long) if (w === short[k]) k++;
  return k === short.length && long.slice(0, short.length).join(' ') !== short.join(' ');
}

/** Later standalone uses of a defined abbreviation are mentions of its agency. */
function addAliasMentions(body: string, groups: Map<string, Group>): void {
  for (const g of groups.values()) {
    for (const alias of g.aliases) {
      for (const s of standaloneUses(body, alias)) {
        if (!g.mentions.some(([a, b]) => s >= a && s < b)) g.mentions.push([s, s + alias.length]);
      }
    }
  }
}

/**
 * Starts of `word` in `text` not glued to a letter, mark or digit and not in brackets: the
 * matches of `(?<![\p{L}\p{M}\d(])word(?![\p{L}\p{M}\d)])` (left to right, not
 * overlapping), found with indexOf and the tokenizer's code-point classes instead of compiling
 * a regex per abbreviation per article.
 */
export function standaloneUses(text: string, word: string): number[] {
  const out: number[] = [];
  if (word.length === 0) return out;
  for (let i = text.indexOf(word); i >= 0; ) {
    const end = i + word.length;
    const free = !wordCharBefore(text, i) && text[i - 1] !== '(' && !wordCharAt(text, end) && text[end] !== ')';
    if (free) out.push(i);
    i = text.indexOf(word, free ? end : i + 1);
  }
  return out;
}
