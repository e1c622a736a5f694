/**
 * A compact Vietnamese syllable validator (rules in ./syllable-rules.ts) and the statistic
 * encoding detection ranks decodings by: the share of words that are valid syllables.
 */
import { FREQUENT_SYLLABLES } from './frequent-syllables.js';
import { CODAS, FRONT_ONLY, FRONT_VOWELS, NOT_FRONT, ONSETS, STOP_CODAS, STOP_TONES, VOWEL_GROUPS } from './syllable-rules.js';

const TONES_G = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const LETTERS = /^[a-zđăâêôơư]+$/u;
/** f, j, w, z are not Vietnamese letters: a word with them is a loan or a wrong decoding. */
const FOREIGN = /[fjwz]/u;
const VOWEL = /[aeiouyăâêôơư]/u;

/**
 * The coda when `rest` (the syllable after its onset) is a rhyme that may follow `onset`
 * with the tone on letter `tonePos` of the rhyme (-1: no tone); null when it is not.
 */
function rhymeFits(onset: string, rest: string, tonePos: number): string | null {
  for (const coda of [...CODAS, '']) {
    if (coda && !rest.endsWith(coda)) continue;
    const group = coda ? rest.slice(0, -coda.length) : rest;
    const rule = VOWEL_GROUPS.get(group);
    if (!rule) continue;
    if (coda ? !rule.codas.split(' ').includes(coda) : !rule.open) continue;
    if (tonePos >= 0 && !rule.tone.includes(String(tonePos))) continue;
    const first = group[0] ?? '';
    if (FRONT_ONLY.has(onset) && !FRONT_VOWELS.has(first)) continue;
    if (NOT_FRONT.has(onset) && FRONT_VOWELS.has(first)) continue;
    // `qu` already holds the medial u; `quo…`/`quu…` do not exist.
    if (onset === 'qu' && (first === 'u' || first === 'o')) continue;
    return coda;
  }
  return null;
}

/**
 * True when `word` (any case, NFC or NFD, either tone-placement style) is one valid
 * Vietnamese syllable: at most one tone, on the vowel that carries it; known onset, vowel
 * group and coda that go together; a syllable ending in c/ch/p/t carries sắc or nặng.
 */
export function isVietnameseSyllable(word: string): boolean {
  const chars = [...word.normalize('NFC').toLowerCase()];
  let tone = '';
  let toneAt = -1;
  for (let i = 0; i < chars.length; i++) {
    const marks = chars[i]!.normalize('NFD').match(TONES_G);
    if (!marks) continue;
    if (tone || marks.length > 1) return false;
    tone = marks[0]!;
    toneAt = i;
  }
  const base = chars.map((c) => c.normalize('NFD').replace(TONES_G, '').normalize('NFC')).join('');
  // A tone left uncombined (on a consonant, or doubled) is not Vietnamese.
  if (!LETTERS.test(base) || FOREIGN.test(base) || [...base].length !== chars.length) return false;
  if (toneAt >= 0 && !VOWEL.test([...base][toneAt]!)) return false;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    // `gì`, `gìn`: after g the i is the vowel, written once.
    const rests: [string, number][] = [[base.slice(onset.length), onset.length]];
    if (onset === 'gi') rests.push([`i${base.slice(2)}`, 1]);
    for (const [rest, groupStart] of rests) {
      if (!rest) continue;
      const coda = rhymeFits(onset === 'gi' ? '' : onset, rest, toneAt >= 0 ? toneAt - groupStart : -1);
      if (coda === null) continue;
      if (STOP_CODAS.has(coda) && !STOP_TONES.has(tone)) continue;
      return true;
    }
  }
  return false;
}

/**
 * Punctuation that separates words: ASCII and the typographic marks Vietnamese text uses.
 * Anything else that is not a letter stays in the word and makes it invalid: Latin-1 signs
 * (`« ® ½`) are what a wrong decoding turns letters into.
 */
const SEPARATORS = /[\s!-\/:-@\[-`{-~\u00a0\u2010-\u2015\u2018-\u201f\u2026\u2022]+/u;

export interface SyllableStats {
  /** Words with a non-ASCII character (the only ones a decoding can change). */
  readonly counted: number;
  /** Of those, valid Vietnamese syllables. */
  readonly valid: number;
  /** Of those, common syllables (a tie-breaker for short texts). */
  readonly frequent: number;
}

/**
 * Count the words of `text` that carry a non-ASCII character and how many of them are
 * valid syllables. ASCII-only words read the same in every encoding, so they are left out;
 * words with digits are numbers or codes, not syllables.
 */
export function syllableStats(text: string): SyllableStats {
  let counted = 0;
  let valid = 0;
  let frequent = 0;
  for (const w of text.split(SEPARATORS)) {
    if (!w || /^[\x00-\x7f]*$/u.test(w) || /[0-9]/u.test(w)) continue;
    counted++;
    if (!isVietnameseSyllable(w)) continue;
    valid++;
    if (FREQUENT_SYLLABLES.has(w.toLowerCase())) frequent++;
  }
  return { counted, valid, frequent };
}
