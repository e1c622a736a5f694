/**
 * The hand-written tokenizer (a code-point class table, issue 4) must give exactly the tokens
 * of the alternation regex it replaced: same text, offsets, kind, key, capital, glue and line
 * breaks. The regex version lives on here as the oracle.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../extractors/text.js';
import { buildTrie, matchAt, textTest, tokenize, type Token } from '../extractors/tokens.js';

const ORACLE =
  /\p{Lu}\.\p{Lu}(?![\p{L}\p{M}])|\p{Lu}[\p{Lu}\p{M}]*(?![\p{Ll}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{L}[\p{L}\p{M}]*|\d+(?:[.,]\d+)*|[^\s\p{L}\p{M}\d]/gu;

function oracle(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(ORACLE)) {
    const t = m[0];
    const start = m.index;
    const c = t.charCodeAt(0);
    const kind = c >= 48 && c <= 57 ? 'number' : /\p{L}/u.test(t[0] ?? '') ? 'word' : 'punct';
    const gap = text.slice(last, start);
    tokens.push({
      text: t,
      start,
      end: start + t.length,
      kind,
      key: kind === 'word' ? matchKey(t) : t,
      upper: kind === 'word' && t[0] !== t[0]?.toLowerCase(),
      glued: start === last,
      newlineBefore: start !== last && /[\n\r]/u.test(gap),
    });
    last = start + t.length;
  }
  return tokens;
}

/** Every field of the Token interface, as a plain object: tokens are class instances with getters. */
const fields = (t: Token): Token => ({
  text: t.text,
  start: t.start,
  end: t.end,
  kind: t.kind,
  key: t.key,
  upper: t.upper,
  glued: t.glued,
  newlineBefore: t.newlineBefore,
});

const same = (text: string): void => {
  expect(tokenize(text).map(fields)).toEqual(oracle(text));
};

const root = join(import.meta.dirname, '..', 'fixtures');
const files = (dir: string, ext: string): string[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => readFileSync(join(root, dir, f), 'utf8').normalize('NFC'));

describe('tokenize agrees with the regex tokenizer it replaced', () => {
  it('on the seeds', () => {
    for (const s of files('seeds', '.txt')) same(s);
  });

  it('on the HTML fixtures, raw and with tags dropped', () => {
    for (const h of files('html', '.html')) {
      same(h);
      same(h.replace(/<[^>]*>/gu, ' '));
    }
  });

  it.each([
    ['an abbreviation with a dot', 'Ban Bí thư T.Ư Đảng, T.Ưa, T.Ư.', ['Ban', 'Bí', 'thư', 'T.Ư', 'Đảng', ',', 'T', '.', 'Ưa', ',', 'T.Ư', '.']],
    ['a lost space between words', 'Hoàng ChungBan BảyLĐLĐ', ['Hoàng', 'Chung', 'Ban', 'Bảy', 'LĐLĐ']],
    ['numbers with separators', '1.200,5 người; 3, 4. 09/CTR', ['1.200,5', 'người', ';', '3', ',', '4', '.', '09', '/', 'CTR']],
    ['marks with no letter before them', '\u0301a A\u0301b', ['\u0301a', 'A', '\u0301b']],
    ['astral letters and emoji', '𝐀𝐁c 😀x', ['𝐀', '𝐁c', '😀', 'x']],
  ])('splits %s', (_label, text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
    same(text);
  });

  it('marks line breaks and glue exactly', () => {
    const toks = tokenize('Công an\r\ntỉnh PV01 \n\n x');
    expect(toks.map((t) => [t.text, t.glued, t.newlineBefore])).toEqual([
      ['Công', true, false],
      ['an', false, false],
      ['tỉnh', false, true],
      ['PV', false, false],
      ['01', true, false],
      ['x', false, true],
    ]);
  });

  // Characters chosen to hit every branch: capitals, lower case, other letters, marks, digits,
  // separators, spaces and line breaks, astral letters, emoji and lone surrogates.
  const unit = fc.oneof(
    fc.constantFrom(...'AĐƯÔỦYaăđưôơỷyzỳ.,.,0 9\n\r\t\u00a0\u2003\u0301\u0323\u0300ǅʰ中ー/-–“'.split('')),
    fc.constantFrom('𝐀', '𝐚', '😀', '\ud800', '\udc00', '\ud835', 'T.Ư', 'Ừ'.normalize('NFD')),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  );

  it('on random Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        same(s);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('text tests and lexicon look-ups', () => {
  it('answers a text test per token, asking it once per distinct text', () => {
    const asked: string[] = [];
    const capitalised = textTest((t) => {
      asked.push(t.text);
      return t.kind === 'word' && t.upper;
    });
    const tokens = tokenize('Trung tá Vũ gặp Vũ và trung tá Lò; Vũ');
    expect(tokens.filter((t) => t.is(capitalised)).map((t) => t.text)).toEqual(['Trung', 'Vũ', 'Vũ', 'Lò', 'Vũ']);
    // A second question of the same texts is answered from memory.
    expect(tokens.filter((t) => t.is(capitalised)).length).toBe(5);
    expect(asked.filter((x) => x === 'Vũ')).toHaveLength(1);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('finds the longest phrase at a token, and none at a token that starts no phrase', () => {
    const lexicon = buildTrie([['Ban Dân vận', 'board'], ['Ban', 'short'], ['Mặt trận Tổ quốc', 'front']]);
    const tokens = tokenize('họp với Ban Dân vận và Mặt trận\nTổ quốc, ban');
    expect(matchAt(lexicon, tokens, 2)).toEqual({ value: 'board', from: 2, to: 5 });
    expect(matchAt(lexicon, tokens, 0)).toBeNull();
    // A phrase never crosses a line break.
    expect(matchAt(lexicon, tokens, 6)).toBeNull();
    // Keys are case-folded: lower-case `ban` is the phrase `Ban`.
    expect(matchAt(lexicon, tokens, tokens.length - 1)).toEqual({ value: 'short', from: tokens.length - 1, to: tokens.length });
    expect(matchAt(lexicon, tokens, tokens.length)).toBeNull();
  });
});
