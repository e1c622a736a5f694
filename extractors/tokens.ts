/**
 * A Unicode-aware syllable tokenizer and a phrase matcher over its tokens.
 *
 * Why not wink-nlp here: its stock model cuts NFC Vietnamese syllables apart (FACTS.md), and
 * the extractors only need syllables, numbers and punctuation with exact offsets, which one
 * linear `u`-flag regex gives at hundreds of MB/s.
 */
import { matchKey } from './text.js';

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
}

// `T.Ư` (an abbreviation of Trung ương) is one word; every other dot is punctuation. A word
// glued to the next by a lost space (`Hoàng ChungBan`, `BảyLĐLĐ`) splits where a lower-case
// letter meets an upper-case one.
const TOKEN =
  /\p{Lu}\.\p{Lu}(?![\p{L}\p{M}])|\p{Lu}[\p{Lu}\p{M}]*(?![\p{Ll}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]/gu;

/** What a token's text alone decides: its kind, matching key and capital. */
interface TextInfo {
  readonly kind: TokenKind;
  readonly key: string;
  readonly upper: boolean;
}

/**
 * Per distinct token text, memoised: an article repeats a small vocabulary, and the key (NFD,
 * tone reordering, NFC) is the costliest part of tokenising. Bounded so a hostile input of
 * endless distinct words cannot grow it without limit.
 */
const infoCache = new Map<string, TextInfo>();
const INFO_CACHE_MAX = 20_000;
function textInfo(t: string): TextInfo {
  let info = infoCache.get(t);
  if (info === undefined) {
    if (infoCache.size >= INFO_CACHE_MAX) infoCache.clear();
    const c = t.charCodeAt(0);
    // The regex alternatives start with a letter, a digit or anything else: the first character tells which.
    const kind: TokenKind = c >= 48 && c <= 57 ? 'number' : LETTER.test(t[0] ?? '') ? 'word' : 'punct';
    info = {
      kind,
      key: kind === 'word' ? matchKey(t) : t,
      upper: kind === 'word' && t[0] !== t[0]?.toLowerCase(),
    };
    infoCache.set(t, info);
  }
  return info;
}
const LETTER = /\p{L}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = m[0];
    const start = m.index;
    const info = textInfo(t);
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      kind: info.kind,
      key: info.key,
      upper: info.upper,
      glued: start === last,
      newlineBefore: start !== last && hasLineBreak(text, last, start),
    });
    last = start + t.length;
  }
  return tokens;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
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

export function buildTrie<V>(entries: Iterable<readonly [string, V]>): PhraseTrie<V> {
  const root: PhraseTrie<V> = { children: new Map() };
  for (const [phrase, value] of entries) {
    let node = root;
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
export function matchAt<V>(trie: PhraseTrie<V>, tokens: readonly Token[], i: number): PhraseMatch<V> | null {
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
