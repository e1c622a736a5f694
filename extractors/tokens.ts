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

/**
 * matchKey per word, memoised: an article repeats a small vocabulary, and the key (NFD,
 * tone reordering, NFC) is the costliest part of tokenising. Bounded so a hostile input of
 * endless distinct words cannot grow it without limit.
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_MAX = 50_000;
function wordKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    key = matchKey(word);
    keyCache.set(word, key);
  }
  return key;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = m[0];
    const start = m.index;
    const c = t.charCodeAt(0);
    // The regex alternatives start with a letter, a digit or anything else: the first code unit tells which.
    const kind: TokenKind = c >= 48 && c <= 57 ? 'number' : isLetterStart(t) ? 'word' : 'punct';
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      kind,
      key: kind === 'word' ? wordKey(t) : t,
      upper: kind === 'word' && t[0] !== t[0]?.toLowerCase(),
      glued: start === last,
      newlineBefore: hasLineBreak(text, last, start),
    });
    last = start + t.length;
  }
  return tokens;
}

const LETTER = /\p{L}/u;
function isLetterStart(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  return c >= 0xc0 && LETTER.test(t[0] ?? '');
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
