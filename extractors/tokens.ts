/**
 * A Unicode-aware syllable tokenizer and a phrase matcher over its tokens.
 *
 * Why not wink-nlp here: its stock model cuts NFC Vietnamese syllables apart (FACTS.md), and
 * the extractors only need syllables, numbers and punctuation with exact offsets, which one
 * linear scan over a code-point class table gives (about 140 M chars/s on the seeds).
 */
import { codeUnitTable, matchKey } from './text.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** matchKey of the text: lower case, one tone style. */
  readonly key: string;
  /** Starts with an upper-case letter. */
  readonly upper: boolean;
  /** Nothing between the previous token and this one (`PV01`: `PV` then `01`). */
  readonly glued: boolean;
  /** A line break between the previous token and this one: phrases never cross it. */
  readonly newlineBefore: boolean;
  /** Whether the token's text passes `test` (see `textTest`): worked out once per distinct text. */
  is(test: TextTest): boolean;
}

/** What a test of a token's text alone may read. */
export type TokenText = Pick<Token, 'text' | 'kind' | 'key' | 'upper'>;

/**
 * A question about a token's text alone (is it a surname? the first word of a lexicon
 * phrase?), asked of many tokens of every article. The answer is kept with the text's shared
 * info (one per distinct text, see `infoAt`), so a word the corpus repeats is tested once,
 * not once per occurrence: the scanners' per-token Set and Map look-ups and name regexes were
 * together ~5% of processFile. `test` must be pure, and what it reads must not change after
 * the first question (lexicons are built at start-up).
 */
export interface TextTest {
  /** One bit of TextInfo.asked and TextInfo.answers. */
  readonly bit: number;
  readonly test: (t: TokenText) => boolean;
}

/** Bits 0–29: a larger one would not be a small integer in V8, and the bit operations would slow. */
const MAX_TEXT_TESTS = 30;
let textTests = 0;

/** A new text test; there are a few dozen at most, made at module load. */
export function textTest(test: (t: TokenText) => boolean): TextTest {
  if (textTests >= MAX_TEXT_TESTS) throw new Error(`more than ${MAX_TEXT_TESTS} token text tests`);
  return { bit: 1 << textTests++, test };
}

// The tokens are those of one alternation regex (tests/tokens.test.ts keeps it as the oracle):
//   /\p{Lu}\.\p{Lu}(?![\p{L}\p{M}])|\p{Lu}[\p{Lu}\p{M}]*(?![\p{Ll}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]/gu
// `T.Ư` (an abbreviation of Trung ương) is one word; every other dot is punctuation. A word
// glued to the next by a lost space (`Hoàng ChungBan`, `BảyLĐLĐ`) splits where a lower-case
// letter meets an upper-case one. `tokenize` reads them with a hand-written scanner.

/** What a token's text alone decides: its kind, matching key and capital. */
interface TextInfo {
  readonly text: string;
  /** The text's code units: the memo below compares a token with them, not with the string. */
  readonly units: Uint16Array;
  readonly kind: TokenKind;
  readonly key: string;
  readonly upper: boolean;
  /** Bits of the TextTests already asked of this text, and of those that answered true. */
  asked: number;
  answers: number;
}

function textInfo(t: string, units: Uint16Array): TextInfo {
  const c = t.charCodeAt(0);
  // The regex alternatives start with a letter, a digit or anything else: the first character tells which.
  const kind: TokenKind = c >= 48 && c <= 57 ? 'number' : LETTER_RE.test(t[0] ?? '') ? 'word' : 'punct';
  return {
    text: t,
    units,
    kind,
    key: kind === 'word' ? matchKey(t) : t,
    upper: kind === 'word' && t[0] !== t[0]?.toLowerCase(),
    asked: 0,
    answers: 0,
  };
}

/**
 * Per distinct token text, memoised in an open-addressing table keyed by a hash of the body's
 * code units: an article repeats a small vocabulary, and the key (NFD, tone reordering, NFC)
 * is the costliest part of tokenising. Looking a token up by its place in the body, not by a
 * sliced string, lets a repeated word reuse the stored string: no allocation, no rehash by a
 * Map. Bounded (cleared when full) so endless distinct words cannot grow it without limit.
 */
const INFO_CACHE_MAX = 20_000;
const SLOTS = 1 << 15;
const SLOT_MASK = SLOTS - 1;
const slotHash = new Int32Array(SLOTS);
let slotInfo: (TextInfo | undefined)[] = new Array<TextInfo | undefined>(SLOTS).fill(undefined);
let slotCount = 0;

/** True when `units[start, start + len)` are the code units of `info`. */
function sameUnits(info: TextInfo, units: Uint16Array, start: number, len: number): boolean {
  const own = info.units;
  if (own.length !== len) return false;
  for (let k = 0; k < len; k++) if (own[k] !== units[start + k]) return false;
  return true;
}

function infoAt(text: string, units: Uint16Array, start: number, end: number): TextInfo {
  const len = end - start;
  let h = 0x811c9dc5 ^ len;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (units[i] ?? 0), 0x01000193);
  let s = h & SLOT_MASK;
  for (let info = slotInfo[s]; info !== undefined; info = slotInfo[s]) {
    if (slotHash[s] === h && sameUnits(info, units, start, len)) return info;
    s = (s + 1) & SLOT_MASK;
  }
  if (slotCount >= INFO_CACHE_MAX) {
    slotInfo = new Array<TextInfo | undefined>(SLOTS).fill(undefined);
    slotCount = 0;
    s = h & SLOT_MASK;
  }
  const info = textInfo(text.slice(start, end), units.slice(start, end));
  slotInfo[s] = info;
  slotHash[s] = h;
  slotCount++;
  return info;
}

/**
 * Character classes of the tokenizer, one per UTF-16 code unit of the BMP, built once at
 * start-up from the same `\p{…}` properties the regex above names: tokenising then reads one
 * table entry per code unit instead of running an alternation regex and allocating a match
 * object per token (tokenising was the largest single cost of extraction).
 */
const C_SPACE = 0; // \s: separates tokens, never part of one
const C_UPPER = 1; // \p{Lu}
const C_LOWER = 2; // \p{Ll}
const C_LETTER = 3; // any other \p{L} (Lt, Lm, Lo)
const C_MARK = 4; // \p{M}
const C_DIGIT = 5; // ASCII 0-9 (`\d` is ASCII-only even with the `u` flag)
const C_OTHER = 6; // punctuation, symbols, lone surrogates: one code point per token
const C_LEAD = 7; // a lead surrogate: the class is the astral code point's, when paired

const SPACE_RE = /\s/u;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const DIGIT_RE = /\d/u;

/** The class of one code point (a one-code-point string), in the regex's terms. */
function classOf(ch: string): number {
  if (SPACE_RE.test(ch)) return C_SPACE;
  if (UPPER_RE.test(ch)) return C_UPPER;
  if (LOWER_RE.test(ch)) return C_LOWER;
  if (LETTER_RE.test(ch)) return C_LETTER;
  if (MARK_RE.test(ch)) return C_MARK;
  if (DIGIT_RE.test(ch)) return C_DIGIT;
  return C_OTHER;
}

/** About 7 ms once per thread; a lone surrogate tests as none of the classes (category Cs). */
const BMP_CLASS = codeUnitTable(classOf);
BMP_CLASS.fill(C_LEAD, 0xd800, 0xdc00);
/** Astral code points are rare (emoji, maths letters): classified on demand, memoised (bounded). */
const astralClass = new Map<number, number>();
const ASTRAL_CACHE_MAX = 4_096;

/** The class of an astral code point (emoji, maths letters: rare), classified on first sight. */
function astralClassOf(cp: number): number {
  let a = astralClass.get(cp);
  if (a === undefined) {
    a = classOf(String.fromCodePoint(cp));
    if (astralClass.size >= ASTRAL_CACHE_MAX) astralClass.clear();
    astralClass.set(cp, a);
  }
  return a;
}

/**
 * Class and UTF-16 length of the code point at `i` (`i < units.length`), packed as
 * `class | length << 3` so the hot loop allocates nothing. A lead surrogate without its trail
 * is a code point of its own (category Cs), as the `u`-flag regex reads it.
 */
function cpAt(units: Uint16Array, i: number): number {
  const c = units[i] ?? 0;
  const k = BMP_CLASS[c] ?? C_OTHER;
  if (k !== C_LEAD) return k | 8;
  const d = i + 1 < units.length ? (units[i + 1] ?? 0) : 0;
  if (d < 0xdc00 || d > 0xdfff) return C_OTHER | 8;
  return astralClassOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) | 16;
}

/** True when the UTF-16 code unit is white space (`\s`). */
export function isSpaceUnit(unit: number): boolean {
  return BMP_CLASS[unit] === C_SPACE;
}

/** True when the code point starting at `i` is a letter, mark or digit (`[\p{L}\p{M}\d]`). */
export function wordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const cp = text.codePointAt(i) ?? 0;
  // A lone lead surrogate is its own code point: C_LEAD, which is none of these classes.
  const k = cp > 0xffff ? astralClassOf(cp) : (BMP_CLASS[cp] ?? C_OTHER);
  return k >= C_UPPER && k <= C_DIGIT;
}

/** The same for the code point that ends at `i` (a surrogate pair read whole). */
export function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const low = text.charCodeAt(i - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
  return wordCharAt(text, pair ? i - 2 : i - 1);
}

/**
 * End of the token starting at `i`, where the code point has class `k` and length `len`;
 * `-1` for a space. Each branch is one alternative of the regex this replaced, tried in the
 * same order with the same greedy/backtracking outcome:
 *   1. `\p{Lu}\.\p{Lu}(?![\p{L}\p{M}])`   (`T.Ư`)
 *   2. `\p{Lu}[\p{Lu}\p{M}]*(?![\p{Ll}])`  (`UBND`, `LĐLĐ` of `BảyLĐLĐ`)
 *   3. `\p{Lu}?[\p{Ll}\p{M}]+`             (`Nguyễn`, `hòa`; also a mark with no letter before it)
 *   4. `\p{L}[\p{L}\p{M}]*`                (other letters)
 *   5. `\d+(?:[.,]\d+)*`                   (`1.200`, `3,5`)
 *   6. `[^\s\p{L}\p{M}\d]`                (one other code point)
 */
function tokenEnd(units: Uint16Array, i: number, k: number, len: number): number {
  const n = units.length;
  switch (k) {
    case C_SPACE:
      return -1;
    case C_UPPER: {
      const j = i + len;
      // 1. `T.Ư`
      if (j < n && units[j] === 46 && j + 1 < n) {
        const b = cpAt(units, j + 1);
        if ((b & 7) === C_UPPER) {
          const e = j + 1 + (b >> 3);
          const after = e < n ? cpAt(units, e) & 7 : C_SPACE;
          if (after !== C_UPPER && after !== C_LOWER && after !== C_LETTER && after !== C_MARK) return e;
        }
      }
      // 2. a run of capitals and marks not followed by a lower-case letter; backtracking gives
      // back one code point (a capital or a mark, never lower case) when it is.
      let e = j;
      let lastLen = 0;
      while (e < n) {
        const b = cpAt(units, e);
        const bk = b & 7;
        if (bk !== C_UPPER && bk !== C_MARK) break;
        lastLen = b >> 3;
        e += lastLen;
      }
      if (e >= n || (cpAt(units, e) & 7) !== C_LOWER) return e;
      if (e > j) return e - lastLen;
      // 3. the capital followed by lower-case letters and marks (the next code point is lower case).
      return lowerRun(units, j);
    }
    case C_LOWER:
    case C_MARK:
      return lowerRun(units, i);
    case C_LETTER: {
      let e = i + len;
      while (e < n) {
        const b = cpAt(units, e);
        const bk = b & 7;
        if (bk !== C_UPPER && bk !== C_LOWER && bk !== C_LETTER && bk !== C_MARK) break;
        e += b >> 3;
      }
      return e;
    }
    case C_DIGIT: {
      let e = digitRun(units, i);
      while (e + 1 < n) {
        const c = units[e];
        if (c !== 46 && c !== 44) break;
        const d = units[e + 1] ?? 0;
        if (d < 48 || d > 57) break;
        e = digitRun(units, e + 1);
      }
      return e;
    }
    default:
      return i + len;
  }
}

/** End of the run of lower-case letters and marks starting at `i`. */
function lowerRun(units: Uint16Array, i: number): number {
  const n = units.length;
  let e = i;
  while (e < n) {
    const b = cpAt(units, e);
    const bk = b & 7;
    if (bk !== C_LOWER && bk !== C_MARK) break;
    e += b >> 3;
  }
  return e;
}

function digitRun(units: Uint16Array, i: number): number {
  const n = units.length;
  let e = i;
  while (e < n) {
    const c = units[e] ?? 0;
    if (c < 48 || c > 57) break;
    e++;
  }
  return e;
}

const GLUED = 1;
const NEWLINE = 2;

/**
 * A token as four fields: its text's shared info (kind, key, capital: one object per distinct
 * text, see infoAt), its offsets and two flags. The Token fields are getters over them, so a
 * token costs about half the memory of a plain object with eight fields: tokens are the
 * largest allocation of extraction (~1,400 per article), and on two cores the garbage they
 * make costs the workers more than the tokenising itself.
 */
class SyllableToken implements Token {
  constructor(
    private readonly info: TextInfo,
    readonly start: number,
    readonly end: number,
    private readonly flags: number,
  ) {}

  get text(): string {
    return this.info.text;
  }

  get kind(): TokenKind {
    return this.info.kind;
  }

  get key(): string {
    return this.info.key;
  }

  get upper(): boolean {
    return this.info.upper;
  }

  get glued(): boolean {
    return (this.flags & GLUED) !== 0;
  }

  get newlineBefore(): boolean {
    return (this.flags & NEWLINE) !== 0;
  }

  is(test: TextTest): boolean {
    const info = this.info;
    if ((info.asked & test.bit) === 0) {
      info.asked |= test.bit;
      if (test.test(info)) info.answers |= test.bit;
    }
    return (info.answers & test.bit) !== 0;
  }
}

/**
 * The UTF-16 code units of a text, in a typed array the scanner reads instead of the string.
 * Why: `text.charCodeAt` and `text.length` are property loads whose inline cache is keyed by
 * the string's internal representation (flat or sliced, one- or two-byte, internalised…).
 * The tokenizer reads bodies and lexicon phrases of every kind, which left those loads
 * megamorphic: a stub-cache probe per character read, a fifth of processFile. Reading a
 * Uint16Array is one monomorphic element load.
 */
function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  const bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  bytes.write(text, 'utf16le');
  if (!LITTLE_ENDIAN) bytes.swap16();
  return units;
}

/** Node writes `utf16le` bytes; a Uint16Array reads them in the platform's byte order. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The tokens of a text, in order, with exact UTF-16 offsets; whitespace separates and is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const units = codeUnits(text);
  const n = units.length;
  let last = 0;
  let newline = false;
  for (let i = 0; i < n; ) {
    const cp = cpAt(units, i);
    const k = cp & 7;
    const len = cp >> 3;
    if (k === C_SPACE) {
      const c = units[i];
      if (c === 10 || c === 13) newline = true;
      i += len;
      continue;
    }
    const end = tokenEnd(units, i, k, len);
    tokens.push(new SyllableToken(infoAt(text, units, i, end), i, end, (i === last ? GLUED : 0) | (newline ? NEWLINE : 0)));
    last = end;
    newline = false;
    i = end;
  }
  return tokens;
}

/**
 * The token at `i`, or undefined past the end. Tested before the read: the first read past the
 * end of an array made V8 throw away the optimised code of the function doing it (and of every
 * function it was inlined into), then compile them again, in every worker.
 */
export function tokenAt(tokens: readonly Token[], i: number): Token | undefined {
  return i < tokens.length ? tokens[i] : undefined;
}

/** True when the gap between two tokens is plain inline space (no line break). */
export function inlineGap(token: Token | undefined): boolean {
  return token !== undefined && !token.newlineBefore;
}

/** A phrase lexicon compiled to a trie over token keys, for longest-match lookups. */
export interface PhraseTrie<V> {
  readonly children: Map<string, PhraseTrie<V>>;
  value?: V;
}

/** A built trie: its root, and the test "is this token the first word of a phrase?". */
export interface Lexicon<V> extends PhraseTrie<V> {
  readonly starts: TextTest;
}

/**
 * A lexicon's trie, built whole: it must not change afterwards (its `starts` answers are kept
 * per text). Build tries at module load: each takes one of the `MAX_TEXT_TESTS` text tests.
 */
export function buildTrie<V>(entries: Iterable<readonly [string, V]>): Lexicon<V> {
  const children = new Map<string, PhraseTrie<V>>();
  const root: Lexicon<V> = { children, starts: textTest((t) => children.has(t.key)) };
  for (const [phrase, value] of entries) {
    let node: PhraseTrie<V> = root;
    for (const t of tokenize(phrase)) {
      let next = node.children.get(t.key);
      if (!next) {
        next = { children: new Map() };
        node.children.set(t.key, next);
      }
      node = next;
    }
    node.value = value;
  }
  return root;
}

export interface PhraseMatch<V> {
  readonly value: V;
  /** Index of the first token. */
  readonly from: number;
  /** Index one past the last token. */
  readonly to: number;
}

/**
 * Longest lexicon phrase starting at token `i`, crossing only inline gaps (a phrase never
 * spans a line break).
 */
export function matchAt<V>(trie: Lexicon<V>, tokens: readonly Token[], i: number): PhraseMatch<V> | null {
  // Most tokens start no phrase: answered from the token's text info, without a Map look-up.
  const first = tokenAt(tokens, i);
  if (first === undefined || !first.is(trie.starts)) return null;
  let node: PhraseTrie<V> | undefined = trie;
  let best: PhraseMatch<V> | null = null;
  for (let j = i; j < tokens.length; j++) {
    const tok = tokens[j];
    if (!tok || (j > i && !inlineGap(tok))) break;
    node = node.children.get(tok.key);
    if (!node) break;
    if (node.value !== undefined) best = { value: node.value, from: i, to: j + 1 };
  }
  return best;
}
