/**
 * Vietnamese numerals (SPEC §6): digits with Vietnamese separators (`100.000` = 100000,
 * `1,5` = 1.5) and spelled-out numbers (`hai`, `mười hai`, `hai mươi lăm`, `ba trăm`).
 * Roman numerals are ordinals in this genre (`Khóa XV`, `lần thứ XVII`): never parsed here.
 */
import {
  digitWords, hundredWord, scaleWords, tenWord, tensMarker, zeroTensWords,
} from './lexicon/numberWords.js';

const THOUSANDS_DOT = /^\d{1,3}(?:\.\d{3})+$/u;
const THOUSANDS_COMMA = /^\d{1,3}(?:,\d{3}){2,}$/u;
const DECIMAL_COMMA = /^\d+,\d+$/u;
const DECIMAL_DOT = /^\d+\.\d+$/u;
const PLAIN = /^\d+$/u;

/**
 * Parse a digit numeral as Vietnamese writes it: `.` groups thousands (`7.200`,
 * `1.500.000`), `,` marks decimals (`1,5`, `12,47`). `1,500,000` (two or more comma
 * groups) is read as thousands too: only the English style writes it. A dot not followed
 * by exactly three digits (`1.5`) is a decimal point. Returns null for anything else.
 */
export function parseDigitNumber(text: string): number | null {
  if (PLAIN.test(text)) return Number(text);
  if (THOUSANDS_DOT.test(text)) return Number(text.replace(/\./gu, ''));
  if (THOUSANDS_COMMA.test(text)) return Number(text.replace(/,/gu, ''));
  if (DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  if (DECIMAL_DOT.test(text)) return Number(text);
  return null;
}

/** A phone number or an account-like code, not a quantity: `0912345678`, `0912.345.678`. */
export function looksLikePhoneNumber(text: string): boolean {
  const digits = text.replace(/[.,\s]/gu, '');
  return /^0\d{7,}$/u.test(digits) || digits.length > 13;
}

/** The multiplier of a scale word (`triệu` = 1e6, `ngàn` = 1000), or null. */
export function scaleOf(word: string): number | null {
  return scaleWords.get(word.toLowerCase()) ?? null;
}

export interface SpelledNumber {
  readonly value: number;
  /** How many of the given words the numeral used. */
  readonly length: number;
}

/** Digit words allowed after `mươi`/`mười`: `lăm` not `năm` (`mười năm` is ten years). */
function trailingDigit(word: string | undefined, afterTens: boolean): number | null {
  if (word === undefined || word === 'năm') return null;
  if (word === 'một' && afterTens) return null; // `hai mươi một` is written `mốt`; `một` starts a new phrase
  if ((word === 'mốt' || word === 'tư') && !afterTens) return null;
  return digitWords.get(word) ?? null;
}

/** Tens part: `mười`, `mười hai`, `mười lăm`, `hai mươi`, `hai mươi mốt`, or a bare digit. */
function parseBelowHundred(words: readonly string[], at: number): SpelledNumber | null {
  const w0 = words[at];
  if (w0 === undefined) return null;
  if (w0 === tenWord) {
    const unit = words[at + 1] === 'một' ? 1 : trailingDigit(words[at + 1], false);
    return unit === null ? { value: 10, length: 1 } : { value: 10 + unit, length: 2 };
  }
  const d = digitWords.get(w0);
  if (d === undefined || w0 === 'mốt' || w0 === 'lăm' || w0 === 'tư') return null;
  if (words[at + 1] === tensMarker && d >= 2) {
    const unit = trailingDigit(words[at + 2], true);
    return unit === null ? { value: d * 10, length: 2 } : { value: d * 10 + unit, length: 3 };
  }
  return { value: d, length: 1 };
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...digitWords.keys(), tenWord, tensMarker, hundredWord, ...zeroTensWords, ...scaleWords.keys(),
]);

/**
 * A word of the numeral vocabulary (lower case). `parseSpelledNumber` reads a word only when
 * the one before it is such a word, so a caller may stop gathering words after the first
 * word that is not.
 */
export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

/**
 * Parse a spelled-out number from lower-case syllables, greedily: `hai` = 2,
 * `mười hai` = 12, `hai mươi lăm` = 25, `ba trăm linh năm` = 305, `hai nghìn` = 2000,
 * `một trăm` = 100. A lone `một` is returned as 1: callers decide that it is not a count.
 */
export function parseSpelledNumber(words: readonly string[]): SpelledNumber | null {
  const head = parseBelowHundred(words, 0);
  if (head === null) return null;
  let value = head.value;
  let i = head.length;
  if (words[i] === hundredWord && head.value < 10) {
    value = head.value * 100;
    i += 1;
    const next = words[i];
    if (next !== undefined && zeroTensWords.includes(next)) {
      const unit = digitWords.get(words[i + 1] ?? '');
      if (unit !== undefined && words[i + 1] !== 'mốt') {
        value += unit;
        i += 2;
      }
    } else {
      const tens = parseBelowHundred(words, i);
      // `hai trăm năm` is two hundred years: a lone digit after `trăm` needs `linh`.
      if (tens !== null && tens.value >= 10) {
        value += tens.value;
        i += tens.length;
      }
    }
  }
  // Scale words multiply: `hai nghìn`, `ba trăm nghìn`, `năm triệu`.
  for (let scale = scaleOf(words[i] ?? ''); scale !== null && scale >= 1000; scale = scaleOf(words[i] ?? '')) {
    value *= scale;
    i += 1;
  }
  return { value, length: i };
}
