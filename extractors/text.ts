/**
 * Vietnamese text utilities shared by every extractor: tone-style canonicalisation
 * (SPEC §0: `hoà`/`hòa`, `Uỷ`/`Ủy` are one spelling), matching keys, whitespace.
 */

/** Combining tone marks: grave, acute, tilde, hook above, dot below. */
const TONE_MARKS_G = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const SYLLABLE = /\p{L}[\p{L}\p{M}]*/gu;

/**
 * Move a tone mark written on the second vowel of an open `oa`/`oe`/`uy` syllable
 * (`hoà`, `Uỷ`, `khoẻ`) onto the first vowel (`hòa`, `Ủy`, `khỏe`): the style of the
 * seeds, which `name` fields use. `qu` + `y` keeps its mark (`quý`): `u` there is part
 * of the consonant.
 */
export function seedToneStyle(text: string): string {
  return text.normalize('NFC').replace(SYLLABLE, (syl) => {
    const d = syl.normalize('NFD');
    const m = /^(.*?)([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])$/u.exec(d);
    if (!m) return syl;
    const [, onset = '', v1 = '', v2 = '', tone = ''] = m;
    if ((v1 === 'u' || v1 === 'U') && /[qQ]$/u.test(onset)) return syl;
    // A vowel before the pair (`ngoài` is `o`+`a`+`i`, not open) means it is not this case;
    // the regex already anchors the pair at the syllable's end, so only the onset matters.
    if (/[aeiouyâăêôơư]/iu.test(onset.normalize('NFC').replace(TONE_MARKS_G, ''))) return syl;
    return (onset + v1 + tone + v2).normalize('NFC');
  });
}

/**
 * A matching key: NFC, lower case, tone marks moved to the end of each syllable (so both
 * tone styles give one key), whitespace runs collapsed. Not for display.
 */
export function matchKey(text: string): string {
  return collapseSpaces(
    text
      .normalize('NFD')
      .toLowerCase()
      .replace(/[\p{L}\p{M}]+/gu, (syl) => {
        const tones = syl.match(TONE_MARKS_G)?.join('') ?? '';
        return syl.replace(TONE_MARKS_G, '') + tones;
      }),
  ).normalize('NFC');
}

/**
 * `field` of each of `items[from, to)`, joined with single spaces. A loop, not slice → map →
 * join: V8's optimised `map` returns a holey array where the builtin's is packed, and a `join`
 * or index site that had seen only one kind threw its function's optimised code away when
 * the other came (measured with --trace-deopt: a recompile in every worker).
 */
export function joinField<T>(items: readonly T[], field: (item: T) => string, from = 0, to = items.length): string {
  const parts: string[] = [];
  for (let i = from; i < to && i < items.length; i++) parts.push(field(items[i] as T));
  return parts.join(' ');
}

/** Collapse whitespace runs (incl. NBSP and other Unicode spaces) to one space and trim. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000]+/gu, ' ').trim();
}

/**
 * A bounded memo of a pure string function: an article (and a batch) repeats a small
 * vocabulary, so the costly Unicode work is done once per distinct string. Cleared when full,
 * so a body of endless distinct words cannot grow it without limit.
 */
export function memoised(fn: (text: string) => string, max: number): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      if (cache.size >= max) cache.clear();
      out = fn(text);
      cache.set(text, out);
    }
    return out;
  };
}

/** `matchKey`, memoised for the scanners that key the same words over and over. */
export const cachedMatchKey = memoised(matchKey, 10_000);

/** Display form of a value read from the body: collapsed spaces, seed tone style. */
export const displayForm = memoised((text) => seedToneStyle(collapseSpaces(text)), 5_000);

/** Capitalised syllable (`Nguyễn`, `Đoàn`, `TƯ`): starts with an upper-case letter. */
export function isCapitalised(syllable: string): boolean {
  return /^\p{Lu}/u.test(syllable);
}

/**
 * A value per UTF-16 code unit (65,536 calls of `classify`, once, at start-up): hot loops then
 * read a table entry instead of testing a `\p{…}` class per character.
 */
export function codeUnitTable(classify: (unit: string) => number): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = classify(String.fromCharCode(c));
  return table;
}

const GLUED_UNIT = codeUnitTable((u) => (/[\p{L}\p{M}\p{N}]/u.test(u) ? 1 : 0));

/**
 * True when the match at `index` is glued to a preceding letter, mark or digit. Checked after
 * matching instead of with a leading `(?<![\p{L}\p{M}\p{N}])`: irregexp evaluates a leading
 * lookbehind at every position of the text, which made word-start patterns ten times slower.
 */
export function gluedBefore(text: string, index: number): boolean {
  return index > 0 && GLUED_UNIT[text.charCodeAt(index - 1)] === 1;
}

/**
 * Every match of a global regex that starts a word (see `gluedBefore`): the same matches a
 * leading lookbehind would give, since a rejected start is retried one position later.
 */
export function* wordStartMatches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (gluedBefore(text, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
    if (m[0].length === 0) re.lastIndex += 1;
  }
}

const DIGIT_RUN = /\d+/g;
let lastRuns: { readonly text: string; readonly starts: readonly number[] } = { text: '', starts: [] };

/**
 * Where each run of ASCII digits starts in `text`, in order. The date, count and document
 * extractors of one article all ask about the same body: the last answer is kept.
 */
export function digitRunStarts(text: string): readonly number[] {
  if (text === lastRuns.text) return lastRuns.starts;
  const starts: number[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) starts.push(m.index);
  lastRuns = { text, starts };
  return starts;
}

/**
 * The matches a global scan of `text` gives, in the same order, for a pattern that can only
 * match at the start of a digit run: it begins with `\d`, and a lookbehind, or the word-start
 * test when `wordStart` is set (see `gluedBefore`), rejects a digit before it. `sticky` is that
 * pattern with the `y` flag, tried at digit-run starts only: a global scan tries every position
 * of the body, which cost each of the nine such patterns a pass over the text (together about a
 * tenth of processFile), while an article has about a dozen digit runs. As with a global regex,
 * the caller may move `sticky.lastIndex` forward after a match to resume the scan there.
 */
export function* digitStartMatches(sticky: RegExp, text: string, wordStart = false): Generator<RegExpExecArray> {
  let from = 0;
  for (const p of digitRunStarts(text)) {
    if (p < from || (wordStart && gluedBefore(text, p))) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    yield m;
    from = sticky.lastIndex;
  }
}

/** `s` as a regex literal: every regex metacharacter escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Lexicon phrases as a regex alternation: longest first (so a phrase beats its prefix), spaces as `\s+`. */
export function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /gu, '\\s+'))
    .join('|');
}
