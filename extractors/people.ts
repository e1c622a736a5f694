/**
 * People (SPEC §2): full names with the rank and titles attached to them anywhere in the
 * article, one record per person.
 *
 * A person is found where context says a name follows or precedes: a chain of cues, ranks
 * and titles before it (`đồng chí`, `Đại tá`, `Giám đốc Công an tỉnh`), or a title after it
 * (`Nguyễn Lam, Phó trưởng Ban Dân vận TƯ`). Every later occurrence of a found name is a
 * mention. Names inside agencies (`Đoàn TNCS Hồ Chí Minh`) and authors are never people.
 */
import type { Person, Rank, Span } from '../schemas/article.js';
import {
  localityTrie,
  rankTrie,
  scanAgency,
  startsRankOrTitle,
  surnameKeys,
  titleTrie,
  tokensKey,
  type AgencySpan,
} from './agencies.js';
import { provinces } from './lexicon/provinces.js';
import {
  addressCues,
  appointmentVerbs,
  committeePrefixes,
  formerMarkers,
  headTitleTails,
  partyCommittees,
} from './lexicon/titles.js';
import { cachedMatchKey, collapseSpaces, displayForm, joinField, matchKey, memoised, seedToneStyle } from './text.js';
import { overlapTest, type Range } from './spans.js';
import { buildTrie, inlineGap, matchAt, textTest, type Token } from './tokens.js';

const committeeTrie = buildTrie(partyCommittees.map((w) => [w, true] as const));
const committeePrefixTrie = buildTrie(committeePrefixes.map((w) => [w, true] as const));
const appointmentTrie = buildTrie(appointmentVerbs.map((w) => [w, true] as const));
const cueTrie = buildTrie(addressCues.map((w) => [w, true] as const));
const formerKeys = new Set(formerMarkers.map(matchKey));
const placeKeys = new Set(provinces.map(matchKey));
const headTitleTailKeys = new Set(headTitleTails.map(matchKey));

/**
 * Names and titles recur across an article and a batch: their keys and tone style are
 * memoised (the same pure functions, computed once per distinct string).
 */
const toneStyled = memoised(seedToneStyle, 5_000);

const MAX_NAME = 4;
/** Longest chain of cues, ranks and titles read around one name. */
const MAX_CHAIN = 8;
const SEPARATORS = new Set([',', '-', '–', '—', ':']);

/** A title read at some position, with the agency it belongs to. */
interface TitleHit {
  readonly title: string;
  readonly agency: AgencySpan | null;
  readonly to: number;
  /**
   * A Party membership title: its committee is named inside the title (`Phó Bí thư Tỉnh ủy`).
   * Always set, false or true: hits of two shapes made V8 throw away extractPeople's
   * optimised code when the second shape first came (a recompile in every worker).
   */
  readonly membership: boolean;
}

interface Found {
  readonly name: string;
  readonly nameFrom: number;
  readonly nameTo: number;
  readonly rank: Rank | null;
  readonly titles: readonly TitleHit[];
}

export interface PeopleResult {
  readonly people: Person[];
  /** Agencies read inside title chains (`Trưởng ban Tuyên giáo Thành ủy`): they are agencies too. */
  readonly agencySpans: AgencySpan[];
  /** Committees named only as part of a membership title: fair either way (SPEC §7a). */
  readonly membershipSpans: AgencySpan[];
}

const surface = (tokens: readonly Token[], from: number, to: number, body: string): string => {
  const a = tokens[from];
  const b = tokens[to - 1];
  return a && b ? collapseSpaces(body.slice(a.start, b.end)) : '';
};

/** A syllable of a personal name: capitalised, letters only (`Nguyễn`, `A` in `Thào A Sùng`). */
const NAME_SYLLABLE = textTest((t) => t.kind === 'word' && /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(t.text));
const isNameSyllable = (t: Token | undefined): t is Token => t !== undefined && t.is(NAME_SYLLABLE);

/** Read a title (and its agency) at token `i`. */
function readTitle(tokens: readonly Token[], i: number, body: string): TitleHit | null {
  let k = i;
  if (formerKeys.has(tokens[k]?.key ?? '') && inlineGap(tokens[k + 1])) k++;
  const m = matchAt(titleTrie, tokens, k);
  if (!m) return null;
  const titleText = surface(tokens, m.from, m.to, body);
  if (m.value === 'party') {
    // `Ủy viên Ban Thường vụ Tỉnh ủy`, `Phó Bí thư thường trực Tỉnh ủy`: the committee is part of the title.
    let j = m.to;
    const prefix = matchAt(committeePrefixTrie, tokens, j);
    if (prefix) j = prefix.to;
    const committee = matchAt(committeeTrie, tokens, j);
    if (committee) j = committee.to;
    else if (prefix) j = prefix.to;
    const agency = committee ? scanAgency(tokens, committee.from) : null;
    return { title: surface(tokens, m.from, j, body), agency, to: Math.max(j, agency?.to ?? j), membership: true };
  }
  if (m.value === 'head') {
    // `Trưởng Ban Tuyên giáo …` → `Trưởng Ban`; `Phó Trưởng Công an huyện X` → `Phó Trưởng Công an huyện`.
    const agency = scanAgency(tokens, m.to, { allowLowerHead: true });
    if (agency) {
      let end = agency.headTo;
      const headTok = tokens[agency.from];
      // A lexicon head like `Ban Tuyên giáo` contributes only its first word; `Ban chỉ đạo` keeps its lower-case rest.
      if (headTok && end - agency.from > 1 && tokens[agency.from + 1]?.upper) end = agency.from + 1;
      // `Trưởng Công an huyện X` → `Trưởng Công an huyện`: the unit's level is part of the title.
      const level = headTok?.key === 'công' ? matchAt(localityTrie, tokens, end) : null;
      if (level) end = level.to;
      return { title: surface(tokens, m.from, end, body), agency, to: agency.to, membership: false };
    }
    const tail = tokens[m.to];
    if (tail && inlineGap(tail) && headTitleTailKeys.has(tail.key)) {
      return { title: surface(tokens, m.from, m.to + 1, body), agency: null, to: m.to + 1, membership: false };
    }
    return null;
  }
  const agency = inlineGap(tokens[m.to]) ? scanAgency(tokens, m.to) : null;
  return { title: titleText, agency, to: agency?.to ?? m.to, membership: false };
}

/** Length of the personal name starting at token `i` (2–4 syllables), or 0. */
function nameLength(tokens: readonly Token[], i: number): number {
  let n = 0;
  while (n < MAX_NAME) {
    const t = tokens[i + n];
    if (!isNameSyllable(t) || (n > 0 && !inlineGap(t))) break;
    if (matchAt(rankTrie, tokens, i + n) || matchAt(titleTrie, tokens, i + n)) break;
    if (scanAgency(tokens, i + n)) break;
    n++;
  }
  return n >= 2 ? n : 0;
}

/** Titles after a name: `, Phó Tổng cục trưởng, Tổng cục Chính trị CAND` up to `;` or a sentence end. */
function readTitlesAfter(tokens: readonly Token[], j: number, body: string): { titles: TitleHit[]; to: number } {
  const titles: TitleHit[] = [];
  let k = j;
  for (let steps = 0; steps < MAX_CHAIN; steps++) {
    let s = k;
    const sep = tokens[s];
    if (sep && SEPARATORS.has(sep.text) && inlineGap(sep)) s++;
    if (!inlineGap(tokens[s])) break;
    // `… được bầu làm Chủ tịch Hội …`: an appointment verb joins the person to the title after it.
    const verb = s === k ? matchAt(appointmentTrie, tokens, s) : null;
    if (verb) s = verb.to;
    const hit = readTitle(tokens, s, body);
    // `…, Thứ trưởng Nguyễn Duy Ngọc`: a title followed by a name (or a rank) is the next person's.
    if (hit && (nameLength(tokens, hit.to) > 0 || matchAt(rankTrie, tokens, hit.to))) break;
    if (hit) {
      titles.push(hit);
      k = hit.to;
      continue;
    }
    // `…, Phó Tổng cục trưởng, Tổng cục Chính trị CAND`: an agency after a comma belongs to the title before it.
    const last = titles[titles.length - 1];
    const agency = last && !last.agency && s > k ? scanAgency(tokens, s) : null;
    if (last && agency) {
      titles[titles.length - 1] = { ...last, agency, to: agency.to };
      k = agency.to;
      continue;
    }
    break;
  }
  return { titles, to: k };
}

/**
 * Try to read a person whose context starts at token `i`: cues, ranks and titles, then a
 * name, then titles after it; or a surname-led name directly followed by a title.
 */
function readPerson(tokens: readonly Token[], i: number, body: string): (Found & { to: number }) | null {
  let k = i;
  let rank: Rank | null = null;
  const before: TitleHit[] = [];
  let cue = false;
  // Bounded: a name is preceded by a handful of cues, ranks and titles, never by hundreds, and
  // an unbounded chain would make a failed read cost the rest of the line (quadratic overall).
  for (let steps = 0; steps < MAX_CHAIN; steps++) {
    const t = tokens[k];
    if (!t || (k > i && !inlineGap(t))) break;
    const c = matchAt(cueTrie, tokens, k);
    if (c) {
      cue = true;
      k = c.to;
      continue;
    }
    const r = matchAt(rankTrie, tokens, k);
    if (r) {
      rank = r.value;
      k = r.to;
      continue;
    }
    const title = readTitle(tokens, k, body);
    if (title) {
      before.push(title);
      k = title.to;
      // `Thứ trưởng Bộ Công an, Trưởng Ban chỉ đạo … Nguyễn Văn Sơn`: titles may be comma-joined before a name.
      const comma = tokens[k];
      if (comma?.text === ',' && readTitle(tokens, k + 1, body)) k++;
      continue;
    }
    break;
  }
  const hasContext = cue || rank !== null || before.length > 0;
  const nameFrom = k;
  const n = nameLength(tokens, nameFrom);
  if (n === 0) return null;
  if (!hasContext && !surnameKeys.has(tokens[nameFrom]?.key ?? '')) return null;
  const nameTo = nameFrom + n;
  // `Tại Hà Nội, Giám đốc …`: a province's name is a place.
  if (placeKeys.has(joinField(tokens, (t) => t.key, nameFrom, nameTo))) return null;
  const after = readTitlesAfter(tokens, nameTo, body);
  if (!hasContext && after.titles.length === 0) return null;
  return {
    name: toneStyled(surface(tokens, nameFrom, nameTo, body)),
    nameFrom,
    nameTo,
    rank,
    titles: [...before, ...after.titles],
    to: Math.max(after.to, nameTo),
  };
}

/** First words of every cue, rank and title: where a person's context may start. */
const contextStarts = new Set([
  ...cueTrie.children.keys(),
  ...rankTrie.children.keys(),
  ...titleTrie.children.keys(),
  ...formerKeys,
]);

const MAY_START_PERSON = textTest((t) => t.kind === 'word' && (contextStarts.has(t.key) || (t.upper && surnameKeys.has(t.key))));

/** Cheap pre-check: only a cue, a rank, a title or a family name can start a person's context. */
function mayStartPerson(t: Token | undefined): boolean {
  return t !== undefined && t.is(MAY_START_PERSON);
}


/**
 * Find the people of a body. `agencySpans` are the agencies already read (their words are
 * never names); `authors` are excluded.
 */
export function extractPeople(
  body: string,
  tokens: readonly Token[],
  agencySpans: readonly AgencySpan[],
  authors: readonly string[],
): PeopleResult {
  // Pushed, not mapped: see `outside` in index.ts on the array kinds of empty lists.
  const agencyRanges: Range[] = [];
  for (const a of agencySpans) agencyRanges.push([tokens[a.from]?.start ?? 0, tokens[a.to - 1]?.end ?? 0]);
  const inAgency = overlapTest(agencyRanges);
  const authorKeys = new Set(authors.map(matchKey));
  const found: Found[] = [];
  const titleAgencies: AgencySpan[] = [];
  const membershipSpans: AgencySpan[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!mayStartPerson(tokens[i])) {
      i++;
      continue;
    }
    const p = readPerson(tokens, i, body);
    const nameStart = p ? tokens[p.nameFrom]?.start ?? 0 : 0;
    const nameEnd = p ? tokens[p.nameTo - 1]?.end ?? 0 : 0;
    if (p && !inAgency(nameStart, nameEnd) && !authorKeys.has(cachedMatchKey(p.name))) {
      found.push(p);
      for (const t of p.titles) if (t.agency) (t.membership ? membershipSpans : titleAgencies).push(t.agency);
      i = p.to;
    } else i++;
  }
  return { people: mergePeople(body, tokens, found, inAgency), agencySpans: titleAgencies, membershipSpans };
}

function mergePeople(
  body: string,
  tokens: readonly Token[],
  found: readonly Found[],
  inAgency: (start: number, end: number) => boolean,
): Person[] {
  interface Acc {
    name: string;
    rank: Rank | null;
    titles: Map<string, string>;
    agencies: Map<string, string>;
    /** Where the person was read: always mentions, whatever the search for others finds. */
    seen: Span[];
  }
  const byKey = new Map<string, Acc>();
  for (const f of found) {
    const key = cachedMatchKey(f.name);
    let p = byKey.get(key);
    if (!p) {
      p = { name: f.name, rank: null, titles: new Map(), agencies: new Map(), seen: [] };
      byKey.set(key, p);
    }
    p.rank ??= f.rank;
    p.seen.push([tokens[f.nameFrom]?.start ?? 0, tokens[f.nameTo - 1]?.end ?? 0]);
    for (const t of f.titles) {
      const title = toneStyled(t.title);
      const titleKey = cachedMatchKey(title);
      if (!p.titles.has(titleKey)) p.titles.set(titleKey, title);
      if (t.agency) {
        const agency = displayForm(surface(tokens, t.agency.from, t.agency.to, body));
        const key = tokensKey(tokens, t.agency.from, t.agency.to);
        if (!p.agencies.has(key)) p.agencies.set(key, agency);
      }
    }
  }
  // byKey is keyed by each name's match key: its syllables are what mentions are looked up by.
  const named: { p: Acc; keys: string[] }[] = [];
  const firstKeys = new Set<string>();
  for (const [key, p] of byKey) {
    const keys = key.split(' ');
    named.push({ p, keys });
    firstKeys.add(keys[0] ?? '');
  }
  const positions = upperWordPositions(tokens, firstKeys);
  // Pushed, not mapped: see `outside` in index.ts on the array kinds of empty lists.
  const people: Person[] = [];
  for (const { p, keys } of named) {
    people.push({
      name: p.name,
      rank: p.rank,
      titles: [...p.titles.values()],
      agencies: [...p.agencies.values()],
      mentions: unionSpans(p.seen, nameMentions(tokens, positions, keys, inAgency)),
    });
  }
  return people;
}

/** Both lists of spans, each span once, in text order. */
function unionSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const byStart = new Map<string, Span>();
  for (const sp of [...a, ...b]) byStart.set(`${sp[0]}:${sp[1]}`, sp);
  return [...byStart.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Every occurrence of the name's syllables (either tone style), outside agency names. */
function nameMentions(
  tokens: readonly Token[],
  positions: ReadonlyMap<string, readonly number[]>,
  /** The syllables of the name's match key. */
  keys: readonly string[],
  inAgency: (start: number, end: number) => boolean,
): Span[] {
  const spans: Span[] = [];
  for (const i of positions.get(keys[0] ?? '') ?? []) {
    let ok = true;
    for (let k = 1; k < keys.length && ok; k++) {
      const t = tokens[i + k];
      ok = t !== undefined && t.key === keys[k] && t.upper && inlineGap(t);
    }
    // A longer capitalised run is another name (`Nguyễn Văn Sơn` inside `Nguyễn Văn Sơn Hà`).
    const next = tokens[i + keys.length];
    if (ok && isNameSyllable(next) && inlineGap(next) && !startsRankOrTitle(tokens, i + keys.length) && !scanAgency(tokens, i + keys.length)) ok = false;
    const start = tokens[i]?.start ?? 0;
    const end = tokens[i + keys.length - 1]?.end ?? 0;
    if (ok && !inAgency(start, end)) spans.push([start, end]);
  }
  return spans;
}

/**
 * Token indices of each capitalised word whose key is one of `keys` (the first syllables of
 * the names found), by key: where a name's mentions can start. Only those keys: a map of every
 * capitalised word of the body cost ~2% of processFile for the few a body's names need.
 */
function upperWordPositions(tokens: readonly Token[], keys: ReadonlySet<string>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (keys.size === 0) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind !== 'word' || !t.upper || !keys.has(t.key)) continue;
    const list = out.get(t.key);
    if (list) list.push(i);
    else out.set(t.key, [i]);
  }
  return out;
}
