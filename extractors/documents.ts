/**
 * Documents (SPEC §4): every cited programme, plan, regulation or Party/State document, as
 * (type, number) with its issuer and date when stated next to it.
 *
 * Two passes over the body, both linear:
 * 1. Anchored: a type word (`Chỉ thị`, `chương trình phối hợp`, `Thông tư liên tịch`…), its
 *    qualifiers, an optional `số`, then a number; then `ngày dd/mm/yyyy` and `của <issuer>`
 *    in either order, then more numbers of a list (`các Nghị quyết số 12-NQ/TW, 35-NQ/TW`).
 * 2. Code only: a number whose symbol carries a type code (`theo 09-CT/TW`), not already
 *    read by pass 1; its type comes from the code table.
 * Records are merged per (type, number), numbers compared without whitespace, `-`, `.` and
 * case; a bare number (`Chỉ thị 05`) joins the one full number of its type that starts with
 * it (`05-CT/TW`), as an analyst reads it.
 *
 * The number grammar is hand-scanned with bounded lookahead (chunks of at most 24
 * characters, at most 8 chunks, at most 2 spaces around a separator) so that extraction
 * stays linear whatever the input.
 */
import type { DocumentRef, DocumentType, Span } from '../schemas/article.js';
import type { ExtractContext } from './types.js';
import { cachedMatchKey, digitStartMatches, displayForm, joinField, wordStartMatches } from './text.js';
import {
  bareNumberFollowers,
  bareNumberFollowersBeforeYear,
  dateLeadWords,
  documentQualifiers,
  documentTypeWords,
  issuerStopWords,
  notBeforeTypeWord,
  numberWord,
  type DocumentTypeWord,
} from './lexicon/documentTypes.js';
import { documentTypeCodes, issuerCodes } from './lexicon/documentCodes.js';

export function extractDocuments(ctx: ExtractContext): DocumentRef[] {
  const body = ctx.body;
  const anchored = readAnchoredReferences(body);
  const codeOnly = readCodeOnlyReferences(body, anchored.taken);
  return mergeHits([...anchored.hits, ...codeOnly]);
}

// ---------------------------------------------------------------------------------------
// Lexicon lookups, prepared once.

/** Keys of the same few hundred words, over and over: memoised (see text.ts). */
const matchKey = cachedMatchKey;

const typeWordByKey: ReadonlyMap<string, DocumentTypeWord> = new Map(
  documentTypeWords.map((w) => [matchKey(w.words), w]),
);

const H_SPACE_CLASS = '[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]';
const H_SPACE = new RegExp(H_SPACE_CLASS, 'u');

/** All type words; longest first so `bộ luật` wins over `luật`. */
const TYPE_WORD_RE = new RegExp(
  `(?:${[...documentTypeWords]
    .sort((a, b) => b.words.length - a.words.length)
    .map((w) => w.words.split(' ').join(`${H_SPACE_CLASS}+`))
    .join('|')})(?![\\p{L}\\p{M}\\d])`,
  'giu',
);

const splitKeys = (phrase: string): string[] => phrase.split(' ').map((w) => matchKey(w));
const qualifierPhrases: readonly string[][] = [...documentQualifiers]
  .sort((a, b) => b.split(' ').length - a.split(' ').length)
  .map(splitKeys);
const dateLeadPhrases: readonly string[][] = [...dateLeadWords]
  .sort((a, b) => b.split(' ').length - a.split(' ').length)
  .map(splitKeys);
const followerKeys: ReadonlySet<string> = new Set(bareNumberFollowers.map((w) => matchKey(w)));
const beforeYearPhrases: readonly string[][] = bareNumberFollowersBeforeYear.map(splitKeys);
const issuerStopKeys: ReadonlySet<string> = new Set(issuerStopWords.map((w) => matchKey(w)));
const issuerCodeSet: ReadonlySet<string> = new Set(issuerCodes.map((c) => c.toUpperCase()));
const notBeforeKeys: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(notBeforeTypeWord).map(([w, before]) => [matchKey(w), new Set(before.map((b) => matchKey(b)))]),
);
const NUMBER_KEY = matchKey(numberWord);

/** The type a code chunk tells (`CT` → Chỉ thị, `CTr` → Chương trình), or null. */
function typeOfCode(chunk: string): DocumentType | null {
  return documentTypeCodes.get(chunk.toUpperCase()) ?? null;
}

// ---------------------------------------------------------------------------------------
// Character-level scanning helpers. Each reads forward from an index and returns the index
// after what it read, or -1 when the text there is not what it looks for.

const WORD = /[\p{L}\p{M}]+/uy;
const TOKEN = /[\p{L}\p{M}\d]+/uy;
const LETTER = /[\p{L}\p{M}]/u;

/** `H_SPACE` as char-code tests: called for every character skipped, a regex per call cost more. */
function isHSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch.length !== 1) return ch !== undefined && H_SPACE.test(ch);
  const c = ch.charCodeAt(0);
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Index after at most `max` horizontal spaces from `i`. */
function skipHSpace(body: string, i: number, max = Number.POSITIVE_INFINITY): number {
  let j = i;
  while (j < body.length && j - i < max && isHSpace(body[j])) j++;
  return j;
}

function readSticky(re: RegExp, body: string, i: number): string | null {
  re.lastIndex = i;
  const m = re.exec(body);
  return m ? m[0] : null;
}

/** Match a phrase (syllable keys) at `i`, one or more spaces between syllables. */
function matchPhrase(body: string, i: number, keys: readonly string[]): number {
  let pos = i;
  for (let k = 0; k < keys.length; k++) {
    if (k > 0) {
      const next = skipHSpace(body, pos);
      if (next === pos) return -1;
      pos = next;
    }
    const w = readSticky(WORD, body, pos);
    if (w === null || matchKey(w) !== keys[k]) return -1;
    pos += w.length;
  }
  return pos;
}

/** The longest of the phrases matching at `i`; -1 when none does. */
function matchAnyPhrase(body: string, i: number, phrases: readonly (readonly string[])[]): number {
  // Only phrases starting with the word at `i` can match: the word is read and keyed once,
  // not once per phrase. Grouping keeps the list's order, so the same phrase wins.
  const w = readSticky(WORD, body, i);
  if (w === null) return -1;
  for (const p of byFirstKey(phrases).get(matchKey(w)) ?? []) {
    const end = matchPhrase(body, i, p);
    if (end >= 0) return end;
  }
  return -1;
}

const phraseIndex = new WeakMap<readonly (readonly string[])[], ReadonlyMap<string, readonly (readonly string[])[]>>();

/** The phrases of a list grouped by their first key, in list order; built once per list. */
function byFirstKey(phrases: readonly (readonly string[])[]): ReadonlyMap<string, readonly (readonly string[])[]> {
  let index = phraseIndex.get(phrases);
  if (index === undefined) {
    const groups = new Map<string, (readonly string[])[]>();
    for (const p of phrases) {
      const first = p[0] ?? '';
      const group = groups.get(first);
      if (group) group.push(p);
      else groups.set(first, [p]);
    }
    index = groups;
    phraseIndex.set(phrases, index);
  }
  return index;
}

// ---------------------------------------------------------------------------------------
// The number grammar: `38`, `09-CT/TW`, `09 CT/TW`, `09CT/TW`, `45/2013/NĐ-CP`,
// `09/CTR- BCA- BTGTW`, `27/2011/TTLT-BCA-BQP`, `15/2020`.

interface ScannedNumber {
  readonly start: number;
  readonly end: number;
  /** Official form: whitespace removed, dashes as `-`, Party `NN-XX/…` joined with `-`. */
  readonly text: string;
  /** Chunks between separators (`09`, `CT`, `TW`). */
  readonly chunks: readonly string[];
  /** Separators between chunks, normalised to `-` or `/`. */
  readonly seps: readonly string[];
}

const LEADING_DIGITS = /\d{1,6}(?!\d)/y;
const CHUNK = /[\p{L}\p{M}\d]{1,24}(?![\p{L}\p{M}\d])/uy;
const DASHES = new Set(['-', '–', '‐', '‑', '−']);
const MAX_CHUNKS = 8;

const hasLetter = (chunk: string): boolean => LETTER.test(chunk);

/**
 * A chunk of a document symbol: digits (`2010`), or a code written mostly in capitals
 * (`CT`, `NĐ`, `CTr`, `TTg`, `QĐi`, `QH14`). `Ban`, `Công` are words, not codes.
 */
function isSymbolChunk(chunk: string): boolean {
  if (/^\d+$/u.test(chunk)) return true;
  // A known code in any case (`Ctr`, `Kh`): no Vietnamese word is spelt like one.
  if (typeOfCode(chunk) !== null || issuerCodeSet.has(chunk.toUpperCase())) return true;
  if (!/^[\p{Lu}\d]/u.test(chunk)) return false;
  let upper = 0;
  let lower = 0;
  for (const ch of chunk) {
    if (/\p{Lu}|\d/u.test(ch)) upper++;
    else lower++;
  }
  return lower <= 2 && upper > lower;
}

function scanNumber(body: string, i: number): ScannedNumber | null {
  const digitRun = readSticky(LEADING_DIGITS, body, i);
  if (digitRun === null) return null;
  // One lower-case letter may end the number (`Chương trình 30a`, `30a/2008/NQ-CP`).
  const suffix = /^[a-z]$/u.test(body[i + digitRun.length] ?? '') && !LETTER.test(body[i + digitRun.length + 1] ?? '');
  const digits = suffix ? body.slice(i, i + digitRun.length + 1) : digitRun;
  const chunks = [digits];
  const seps: string[] = [];
  let pos = i + digits.length;

  // Party numbering glued or spaced: `09CT/TW`, `09 CT/TW` are `09-CT/TW`.
  const glueAt = LETTER.test(body[pos] ?? '') ? pos : body[pos] === ' ' && LETTER.test(body[pos + 1] ?? '') ? pos + 1 : -1;
  if (glueAt >= 0) {
    const code = readSticky(CHUNK, body, glueAt);
    const after = code === null ? '' : (body[glueAt + code.length] ?? '');
    const isCode = code !== null && hasLetter(code) && isSymbolChunk(code) && (after === '/' || DASHES.has(after));
    if (isCode) {
      chunks.push(code);
      seps.push('-');
      pos = glueAt + code.length;
    } else if (glueAt === pos) {
      return null; // `5km`, `12a`: a measure or a label, not a document number
    }
  }

  while (chunks.length < MAX_CHUNKS) {
    const sepAt = skipHSpace(body, pos, 2);
    const sepChar = body[sepAt] ?? '';
    if (sepChar !== '/' && !DASHES.has(sepChar)) break;
    const chunkAt = skipHSpace(body, sepAt + 1, 2);
    const chunk = readSticky(CHUNK, body, chunkAt);
    if (chunk === null || !isSymbolChunk(chunk)) break;
    chunks.push(chunk);
    seps.push(sepChar === '/' ? '/' : '-');
    pos = chunkAt + chunk.length;
  }

  let text = chunks[0] ?? '';
  for (let k = 1; k < chunks.length; k++) text += (seps[k - 1] ?? '') + (chunks[k] ?? '');
  return { start: i, end: pos, text, chunks, seps };
}

const isYear = (s: string): boolean => /^\d{4}$/u.test(s) && Number(s) >= 1900 && Number(s) <= 2100;

/** The type code of a symbol: its first chunk with a letter after the number itself. */
function codeChunk(n: ScannedNumber): string | null {
  return n.chunks.slice(1).find(hasLetter) ?? null;
}

/**
 * A number made of digits only is a document number in two shapes: `38` and `15/2020`
 * (number/year of a State document cited without its code). `2021-2025` (years),
 * `15/03/2011` (a date), `10/10` (a ratio) are not.
 */
function numericShapeIsNumber(n: ScannedNumber): boolean {
  if (n.chunks.length === 1) return true;
  const [first = '', second = ''] = n.chunks;
  return n.chunks.length === 2 && n.seps[0] === '/' && isYear(second) && !isYear(first);
}

/** `1.000`, `1,5`: the number goes on, so it is a quantity, not a document number. */
function continuesAsQuantity(body: string, end: number): boolean {
  const ch = body[end];
  return (ch === '.' || ch === ',') && /\d/u.test(body[end + 1] ?? '');
}

/**
 * A bare number written without `số` is a document number only when what follows reads as
 * the rest of a citation: punctuation, the end, a function word (`về`, `của`, `ở`), or a
 * capitalised word after a capitalised type word. `kế hoạch 5 năm`, `hướng dẫn 200 hộ`
 * are counts.
 */
function bareFollowerOk(body: string, end: number, typeWordCapitalised: boolean): boolean {
  const j = skipHSpace(body, end);
  const ch = body[j];
  if (ch === undefined || ch === '\n' || ch === '\r') return true;
  if (/\d/u.test(ch)) return false;
  if (!LETTER.test(ch)) return true;
  const word = readSticky(WORD, body, j) ?? '';
  if (/^\p{Lu}/u.test(word)) return typeWordCapitalised;
  if (followerKeys.has(matchKey(word))) return true;
  // `Chỉ thị 05 năm 2016`, `Chương trình 135 giai đoạn 2021-2025`.
  const after = matchAnyPhrase(body, j, beforeYearPhrases);
  if (after < 0) return false;
  const yearAt = skipHSpace(body, after);
  const year = readSticky(LEADING_DIGITS, body, yearAt);
  return year !== null && isYear(year);
}

// ---------------------------------------------------------------------------------------
// Date and issuer after a number.

const NUMERIC_DATE = /(\d{1,2})[ \t]*[/.\-][ \t]*(\d{1,2})[ \t]*[/.\-][ \t]*(\d{4})(?!\d)/uy;
const WORDED_DATE = /(\d{1,2})[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+(\d{4})(?!\d)/iuy;
const DAY_KEY = matchKey('ngày');
const OF_KEY = matchKey('của');
const AND_KEY = matchKey('và');

function isoDate(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `ngày 22/01/2019`, `ban hành ngày 22-01-2019`, `ngày 22 tháng 01 năm 2019` at `i`. */
function readDate(body: string, i: number): { value: string; end: number } | null {
  let pos = i;
  const lead = matchAnyPhrase(body, pos, dateLeadPhrases);
  if (lead >= 0) pos = skipHSpace(body, lead);
  const dayEnd = matchPhrase(body, pos, [DAY_KEY]);
  if (dayEnd < 0) return null;
  const at = skipHSpace(body, dayEnd);
  for (const re of [NUMERIC_DATE, WORDED_DATE]) {
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) continue;
    const value = isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    return value === null ? null : { value, end: at + m[0].length };
  }
  return null;
}

const MAX_ISSUER_WORDS = 10;

/**
 * `của Ban Bí thư`, `của Bộ Chính trị`, `của UBND tỉnh`: capitalised first word, then words
 * separated by single spaces until a stop word (`về`, `ngày`…), punctuation, a bracket or a
 * quote.
 */
function readIssuer(body: string, i: number): { value: string; end: number } | null {
  const ofEnd = matchPhrase(body, i, [OF_KEY]);
  if (ofEnd < 0) return null;
  let pos = skipHSpace(body, ofEnd);
  if (pos === ofEnd) return null;
  const words: { text: string; end: number }[] = [];
  while (words.length < MAX_ISSUER_WORDS) {
    const tok = readSticky(TOKEN, body, pos);
    if (tok === null) break;
    const key = matchKey(tok);
    const capitalised = /^[\p{Lu}\d]/u.test(tok);
    if (words.length === 0 && !/^\p{Lu}/u.test(tok)) return null;
    if (!capitalised && issuerStopKeys.has(key)) break;
    // `và` joins two agencies (`Bộ Giáo dục và Đào tạo`, `Bộ Công an và Bộ Quốc phòng`), not a clause.
    if (key === AND_KEY && !/^\p{Lu}/u.test(readSticky(TOKEN, body, skipHSpace(body, pos + tok.length, 1)) ?? '')) break;
    words.push({ text: tok, end: pos + tok.length });
    const next = skipHSpace(body, pos + tok.length, 1);
    if (next === pos + tok.length) break;
    pos = next;
  }
  // A trailing `và` joins nothing.
  while (words.length > 0 && matchKey(words[words.length - 1]?.text ?? '') === AND_KEY) words.pop();
  const last = words[words.length - 1];
  if (last === undefined) return null;
  return { value: displayForm(joinField(words, (w) => w.text)), end: last.end };
}

interface Tail {
  readonly date: string | null;
  readonly issuer: string | null;
  readonly end: number;
}

/** Date and issuer right after a number, in either order, each optionally after a comma. */
function readTail(body: string, from: number): Tail {
  let date: string | null = null;
  let issuer: string | null = null;
  let pos = from;
  for (let round = 0; round < 2; round++) {
    let at = skipHSpace(body, pos);
    if (body[at] === ',') at = skipHSpace(body, at + 1);
    const d: { value: string; end: number } | null = date === null ? readDate(body, at) : null;
    if (d) {
      date = d.value;
      pos = d.end;
      continue;
    }
    const iss: { value: string; end: number } | null = issuer === null ? readIssuer(body, at) : null;
    if (iss) {
      issuer = iss.value;
      pos = iss.end;
      continue;
    }
    break;
  }
  return { date, issuer, end: pos };
}

// ---------------------------------------------------------------------------------------
// Pass 1: anchored on a type word.

interface Hit {
  readonly type: DocumentType;
  readonly number: string;
  readonly issuer: string | null;
  readonly date: string | null;
  readonly mention: Span;
}

/** The syllable ending right before `i` (skipping spaces), lower-case key; '' if none. */
function syllableBefore(body: string, i: number): string {
  let end = i;
  while (end > 0 && isHSpace(body[end - 1])) end--;
  let start = end;
  while (start > 0 && end - start < 12 && LETTER.test(body[start - 1] ?? '')) start--;
  return matchKey(body.slice(start, end));
}

/** Index after the type word's qualifiers (`phối hợp công tác`, `liên tịch`), at most 3. */
function skipQualifiers(body: string, i: number): number {
  let pos = i;
  for (let k = 0; k < 3; k++) {
    const at = skipHSpace(body, pos);
    if (at === pos) break;
    const end = matchAnyPhrase(body, at, qualifierPhrases);
    if (end < 0) break;
    pos = end;
  }
  return pos;
}

/** Type of a number after a type word: the word's type, else the code's; `văn bản số 123/UBND-VX` is a Công văn. */
function anchoredType(word: DocumentTypeWord, n: ScannedNumber): DocumentType | null {
  if (word.type !== null) return word.type;
  const code = codeChunk(n);
  if (code === null) return null;
  return typeOfCode(code) ?? (issuerCodeSet.has(code.toUpperCase()) ? 'Công văn' : null);
}

const MAX_NAME_WORDS = 8;

/**
 * `Luật Công an nhân dân số …`: a capitalised name of at most 8 words, single spaces, then
 * `số`. Returns the index after `số`, or -1.
 */
function skipNameToNumberWord(body: string, i: number): number {
  let pos = i;
  for (let k = 0; k <= MAX_NAME_WORDS; k++) {
    // Letters only: a year or another citation (`Bộ luật Hình sự năm 2015 và Luật số …`)
    // ends the name without a number.
    const tok = readSticky(WORD, body, pos);
    if (tok === null || (k === 0 && !/^\p{Lu}/u.test(tok))) return -1;
    if (k > 0 && matchKey(tok) === NUMBER_KEY) return pos + tok.length;
    if (k > 0 && typeWordByKey.has(matchKey(tok))) return -1;
    const next = skipHSpace(body, pos + tok.length, 1);
    if (next === pos + tok.length) return -1;
    pos = next;
  }
  return -1;
}

const MAX_LIST_ITEMS = 20;

function readAnchoredReferences(body: string): { hits: Hit[]; taken: Span[] } {
  const hits: Hit[] = [];
  const taken: Span[] = [];
  // The loop moves TYPE_WORD_RE.lastIndex past what it read; the generator resumes from there.
  for (const m of wordStartMatches(TYPE_WORD_RE, body)) {
    const wordStart = m.index;
    const wordEnd = wordStart + m[0].length;
    const word = typeWordByKey.get(matchKey(m[0]));
    if (word === undefined) continue;
    const excluded = notBeforeKeys.get(matchKey(word.words));
    if (excluded?.has(syllableBefore(body, wordStart))) continue;

    let pos = skipQualifiers(body, wordEnd);
    let at = skipHSpace(body, pos);
    let hadNumberWord = false;
    let viaName = false;
    if (at > pos) {
      let noEnd = matchPhrase(body, at, [NUMBER_KEY]);
      if (noEnd < 0 && word.namedBeforeNumber) {
        noEnd = skipNameToNumberWord(body, at);
        viaName = noEnd >= 0;
      }
      if (noEnd >= 0) {
        hadNumberWord = true;
        pos = body[noEnd] === ':' ? noEnd + 1 : noEnd;
        at = skipHSpace(body, pos);
      }
    }
    // A number is separated from its type word by a space; `số09` is a typo worth reading.
    if (at === pos && !hadNumberWord) continue;
    const n = scanNumber(body, at);
    if (n === null || continuesAsQuantity(body, n.end)) continue;
    // After a name, only a symbol is the law's number (`Luật … số 37/2018/QH14`), not `số 2`.
    if (viaName && n.chunks.length < 2) continue;

    const type = anchoredType(word, n);
    if (type === null) continue;
    if (codeChunk(n) === null) {
      if (!numericShapeIsNumber(n)) continue;
      if (!hadNumberWord) {
        // Without `số`, a year is a year (`Kế hoạch 2025`) and a number must read as a citation.
        if (n.chunks.length === 1 && isYear(n.text)) continue;
        if (!bareFollowerOk(body, n.end, /^\p{Lu}/u.test(m[0]))) continue;
      }
    }

    let tail = readTail(body, n.end);
    const list: Hit[] = [{ type, number: n.text, issuer: tail.issuer, date: tail.date, mention: [wordStart, n.end] }];
    taken.push([n.start, n.end]);
    let consumed = tail.end;
    let lastNumberEnd = n.end;

    // A list after one type word: `các Nghị quyết số 12-NQ/TW, 35-NQ/TW và 36-NQ/TW`. Items
    // after the first must carry a code, else `Chỉ thị 05, 10 năm qua` would list `10`.
    for (let k = 0; k < MAX_LIST_ITEMS; k++) {
      let p = skipHSpace(body, consumed);
      if (body[p] === ',' || body[p] === ';') p = skipHSpace(body, p + 1);
      const andEnd = matchPhrase(body, p, [AND_KEY]);
      if (andEnd >= 0) p = skipHSpace(body, andEnd);
      if (p === consumed) break;
      const noEnd = matchPhrase(body, p, [NUMBER_KEY]);
      if (noEnd >= 0) p = skipHSpace(body, noEnd);
      const next = scanNumber(body, p);
      if (next === null) break;
      const code = codeChunk(next);
      // A bare item needs its own `số` (`chương trình phối hợp số 07 và số 38`).
      const bareItem = code === null && noEnd >= 0 && next.chunks.length === 1 && !continuesAsQuantity(body, next.end);
      if (code === null && !bareItem) break;
      tail = readTail(body, next.end);
      const codeType = code === null ? null : typeOfCode(code);
      const itemType = word.type === null ? anchoredType(word, next) : (codeType ?? word.type);
      if (itemType === null) break;
      list.push({ type: itemType, number: next.text, issuer: tail.issuer, date: tail.date, mention: [next.start, next.end] });
      taken.push([next.start, next.end]);
      consumed = tail.end;
      lastNumberEnd = next.end;
    }
    // `các Nghị quyết số 18-NQ/TW, 19-NQ/TW của Bộ Chính trị`: the issuer after the list is
    // every item's issuer.
    const sharedIssuer = list[list.length - 1]?.issuer ?? null;
    hits.push(...list.map((h) => (h.issuer === null ? { ...h, issuer: sharedIssuer } : h)));
    // Qualifiers such as `kết luận` are type words too: go on after the numbers just read
    // (not after the issuer, which may run up to the next citation).
    TYPE_WORD_RE.lastIndex = Math.max(TYPE_WORD_RE.lastIndex, lastNumberEnd);
  }
  return { hits, taken };
}

// ---------------------------------------------------------------------------------------
// Pass 2: a number whose symbol tells its type, with no type word (`theo 09-CT/TW`).

const NUMBER_START = /(?<![\p{L}\p{M}\d/.\-–])\d/uy;

function readCodeOnlyReferences(body: string, taken: readonly Span[]): Hit[] {
  const hits: Hit[] = [];
  const takenStarts = new Map(taken.map(([s, e]) => [s, e]));
  // The loop moves NUMBER_START.lastIndex past what it read; the generator resumes from there.
  for (const m of digitStartMatches(NUMBER_START, body)) {
    const start = m.index;
    const takenEnd = takenStarts.get(start);
    if (takenEnd !== undefined) {
      NUMBER_START.lastIndex = takenEnd;
      continue;
    }
    const n = scanNumber(body, start);
    if (n === null) continue;
    NUMBER_START.lastIndex = Math.max(n.end, start + 1);
    // A symbol proper: a type code and an issuer code around a `/` (`09-CT/TW`, `45/2013/NĐ-CP`).
    const letterChunks = n.chunks.slice(1).filter(hasLetter);
    const code = letterChunks[0];
    if (code === undefined || letterChunks.length < 2 || !n.seps.includes('/')) continue;
    const type = typeOfCode(code);
    if (type === null) continue;
    const tail = readTail(body, n.end);
    hits.push({ type, number: n.text, issuer: tail.issuer, date: tail.date, mention: [n.start, n.end] });
  }
  return hits;
}

// ---------------------------------------------------------------------------------------
// Merging: one record per (type, number).

/** SPEC §7: numbers compare without whitespace, `-`, `.` and case. */
export function documentNumberKey(number: string): string {
  return number.normalize('NFC').replace(/[\s.\-\u2010-\u2015]/gu, '').toLowerCase();
}

interface DocRecord {
  type: DocumentType;
  number: string;
  issuer: string | null;
  date: string | null;
  mentions: Span[];
}

function absorb(into: DocRecord, from: { issuer: string | null; date: string | null; mentions: readonly Span[] }): void {
  into.issuer ??= from.issuer;
  into.date ??= from.date;
  into.mentions.push(...from.mentions);
}

function mergeHits(hits: readonly Hit[]): DocumentRef[] {
  const records: DocRecord[] = [];
  const byTypeAndNumber = new Map<string, DocRecord>();
  const bySymbol = new Map<string, DocRecord>();
  for (const h of hits) {
    const numberKey = documentNumberKey(h.number);
    const key = `${h.type}\u0000${numberKey}`;
    // A symbol with a code names one document whatever word cites it: `Quy định 47-QĐ/TW`
    // then `47-QĐ/TW` alone is one Quy định, not also a Quyết định. A bare number does not
    // (`Chỉ thị 05` and `Kế hoạch 05` are two documents).
    const existing = byTypeAndNumber.get(key) ?? (hasLetter(numberKey) ? bySymbol.get(numberKey) : undefined);
    if (existing) {
      absorb(existing, { issuer: h.issuer, date: h.date, mentions: [h.mention] });
      continue;
    }
    const rec: DocRecord = { type: h.type, number: h.number, issuer: h.issuer, date: h.date, mentions: [h.mention] };
    records.push(rec);
    byTypeAndNumber.set(key, rec);
    if (hasLetter(numberKey) && !bySymbol.has(numberKey)) bySymbol.set(numberKey, rec);
  }

  // `Chỉ thị 05` after `Chỉ thị 05-CT/TW`: the bare number is the full one, shortened. Index
  // each symbol by its numeric heads (`05`; `27`, `27/2011`) to find it in one look-up.
  const byHead = new Map<string, DocRecord[]>();
  for (const r of records) {
    const key = documentNumberKey(r.number);
    if (!hasLetter(key)) continue;
    for (let i = 1; i < key.length && /[\d/]/u.test(key[i - 1] ?? ''); i++) {
      if (/\d/u.test(key[i - 1] ?? '') && !/\d/u.test(key[i] ?? '')) {
        const head = `${r.type}\u0000${key.slice(0, i)}`;
        const list = byHead.get(head);
        if (list) list.push(r);
        else byHead.set(head, [r]);
      }
    }
  }
  const merged = new Set<DocRecord>();
  for (const bare of records) {
    const key = documentNumberKey(bare.number);
    if (hasLetter(key)) continue;
    const fuller = byHead.get(`${bare.type}\u0000${key}`) ?? [];
    const target = fuller[0];
    if (fuller.length !== 1 || target === undefined) continue;
    absorb(target, bare);
    merged.add(bare);
  }

  // Pushed, not filtered and mapped: see `outside` in index.ts on the array kinds of empty lists.
  const refs: DocumentRef[] = [];
  for (const r of records) if (!merged.has(r)) refs.push({ ...r, mentions: uniqueSpans(r.mentions) });
  return refs.sort((a, b) => (a.mentions[0]?.[0] ?? 0) - (b.mentions[0]?.[0] ?? 0));
}

function uniqueSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const k = `${s[0]}:${s[1]}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push([s[0], s[1]]);
    }
  }
  return out;
}
