import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNumberWord, looksLikePhoneNumber, parseDigitNumber, parseSpelledNumber, scaleOf } from '../extractors/numbers.js';

describe('parseDigitNumber', () => {
  it('reads Vietnamese thousands dots and decimal commas', () => {
    expect(parseDigitNumber('100.000')).toBe(100000);
    expect(parseDigitNumber('7.200')).toBe(7200);
    expect(parseDigitNumber('1.500.000')).toBe(1500000);
    expect(parseDigitNumber('1,5')).toBe(1.5);
    expect(parseDigitNumber('12,47')).toBe(12.47);
    expect(parseDigitNumber('05')).toBe(5);
    expect(parseDigitNumber('24')).toBe(24);
  });
  it('reads a dot not followed by three digits as a decimal point, and English thousands', () => {
    expect(parseDigitNumber('1.5')).toBe(1.5);
    expect(parseDigitNumber('1,500,000')).toBe(1500000);
  });
  it('rejects malformed numerals', () => {
    expect(parseDigitNumber('1.50.0')).toBeNull();
    expect(parseDigitNumber('')).toBeNull();
    expect(parseDigitNumber('XV')).toBeNull();
  });
});

describe('looksLikePhoneNumber', () => {
  it('spots phone numbers', () => {
    expect(looksLikePhoneNumber('0912.345.678')).toBe(true);
    expect(looksLikePhoneNumber('0912345678')).toBe(true);
    expect(looksLikePhoneNumber('05')).toBe(false);
    expect(looksLikePhoneNumber('100.000')).toBe(false);
  });
});

describe('parseSpelledNumber', () => {
  const parse = (s: string) => parseSpelledNumber(s.split(' '));
  it('reads digits, tens, hundreds and scales', () => {
    expect(parse('hai cơ quan')).toEqual({ value: 2, length: 1 });
    expect(parse('mười người')).toEqual({ value: 10, length: 1 });
    expect(parse('mười hai chiến sĩ')).toEqual({ value: 12, length: 2 });
    expect(parse('mười lăm ngày')).toEqual({ value: 15, length: 2 });
    expect(parse('hai mươi người')).toEqual({ value: 20, length: 2 });
    expect(parse('hai mươi lăm người')).toEqual({ value: 25, length: 3 });
    expect(parse('ba mươi mốt xã')).toEqual({ value: 31, length: 3 });
    expect(parse('ba trăm hộ')).toEqual({ value: 300, length: 2 });
    expect(parse('ba trăm linh năm hộ')).toEqual({ value: 305, length: 4 });
    expect(parse('hai nghìn người')).toEqual({ value: 2000, length: 2 });
    expect(parse('một trăm người')).toEqual({ value: 100, length: 2 });
  });
  it('does not read the year noun as a digit after tens or hundreds', () => {
    expect(parse('mười năm')).toEqual({ value: 10, length: 1 });
    expect(parse('hai mươi năm')).toEqual({ value: 20, length: 2 });
    expect(parse('hai trăm năm')).toEqual({ value: 200, length: 2 });
  });
  it('returns a lone một as 1 (callers reject it) and null for non-numbers', () => {
    expect(parse('một số')).toEqual({ value: 1, length: 1 });
    expect(parse('các đơn vị')).toBeNull();
    expect(parse('tư tưởng')).toBeNull();
  });
  it('never reads a member of Object.prototype as a digit (the lexicons are looked up as Maps)', () => {
    expect(parse('constructor')).toBeNull();
    expect(parse('mười constructor')).toEqual({ value: 10, length: 1 });
    expect(parse('hai mươi constructor')).toEqual({ value: 20, length: 2 });
    expect(parse('một trăm linh constructor')).toEqual({ value: 100, length: 2 });
  });
});

describe('isNumberWord', () => {
  it('names the numeral vocabulary, and nothing else', () => {
    for (const w of ['một', 'hai', 'mười', 'mươi', 'trăm', 'linh', 'lẻ', 'nghìn', 'triệu', 'tỷ', 'lăm', 'mốt']) expect(isNumberWord(w)).toBe(true);
    for (const w of ['số', 'người', 'cán', 'bộ', 'xã', '']) expect(isNumberWord(w)).toBe(false);
  });

  it('is all the parser reads: words after the first other word never change a parse', () => {
    // Callers gather words only up to the first that is not a number word (counts.ts).
    const word = fc.constantFrom('một', 'hai', 'ba', 'năm', 'lăm', 'mốt', 'tư', 'mười', 'mươi', 'trăm', 'linh', 'lẻ', 'nghìn', 'vạn', 'triệu', 'tỷ', 'số', 'người', 'năm', 'hộ');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const stop = words.findIndex((w) => !isNumberWord(w));
        const cut = stop < 0 ? words : words.slice(0, stop + 1);
        expect(parseSpelledNumber(cut)).toEqual(parseSpelledNumber(words));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scaleOf', () => {
  it('knows the scale words', () => {
    expect(scaleOf('triệu')).toBe(1_000_000);
    expect(scaleOf('ngàn')).toBe(1000);
    expect(scaleOf('Tỷ')).toBe(1_000_000_000);
    expect(scaleOf('người')).toBeNull();
    expect(scaleOf('constructor')).toBeNull();
  });
});
