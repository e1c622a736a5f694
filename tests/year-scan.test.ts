/**
 * `yearMatches` (issue 4, round 2) tries the year pattern only in the few words before a
 * `\s\d{4}` instead of scanning the whole body with it. It must give exactly the matches of
 * the whole-body global scan it replaced, which lives on here as the oracle: the same
 * pattern built from the same lexicons, run by `wordStartMatches` with the `g` flag.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearMatches } from '../extractors/dates.js';
import { wordStartMatches } from '../extractors/text.js';
import { periodNouns, rangeWords, yearLeadWords } from '../extractors/lexicon/timeWords.js';

function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+'))
    .join('|');
}

const ORACLE = new RegExp(
  `(?:(?:${alternation(yearLeadWords)})\\s+)?(?:${alternation(periodNouns)})\\s+(\\d{4})(?:\\s*[-–—]\\s*(\\d{4})|\\s+(?:${alternation(rangeWords)})\\s+(?:năm\\s+)?(\\d{4}))?(?![\\p{N}]|[/.,]\\d|\\/\\p{L}|-\\p{L})`,
  'giu',
);

type Found = [number, ...(string | undefined)[]];
const found = (ms: Iterable<RegExpExecArray>): Found[] => [...ms].map((m) => [m.index, ...m]);

function same(body: string): void {
  expect(found(yearMatches(body))).toEqual(found(wordStartMatches(ORACLE, body)));
}

describe('yearMatches gives the matches of the whole-body scan', () => {
  it('on hand-written cases', () => {
    const cases = [
      'Trong năm 2019, giai đoạn 2016 - 2020 và nhiệm kỳ 2015–2020; từ năm 2011 đến năm 2014.',
      'năm học 2019-2020, NĂM 2021, Năm  2022 và 2023; cả năm\n2024; (năm 2025)',
      'khoảng năm 2019 là lúc năm2020 sai; 12năm 2021; năm 12345; năm 2019/QĐ; năm 2019-xã',
      'giai   đoạn\t2016 —  2020, niên khoá 2001 tới năm 2002, thời kỳ 1999 cho đến 2000',
      'đầu giai đoạn 2016 - 2020 năm 2021 năm 2022 năm 2023',
      '',
      '2019 năm',
    ];
    for (const c of cases) same(c);
    expect(found(yearMatches('Trong năm 2019, giai đoạn 2016 - 2020.')).map((f) => f.slice(0, 2))).toEqual([
      [0, 'Trong năm 2019'],
      [16, 'giai đoạn 2016 - 2020'],
    ]);
  });

  it('on the seeds', () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'seeds');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) same(readFileSync(join(dir, f), 'utf8').normalize('NFC'));
  });

  // Pieces that build year phrases, near misses, case variants (the Kelvin sign folds to `k`,
  // so `kỳ` may be written with it), glue, odd spaces and arbitrary code units.
  const unit = fc.oneof(
    fc.constantFrom('năm', 'Năm', 'NĂM', 'giai', 'đoạn', 'nhiệm', 'kỳ', '\u212Aỳ', 'thời', 'niên', 'khóa', 'khoá', 'học'),
    fc.constantFrom('trong', 'Từ', 'đầu', 'cuối', 'giữa', 'cả', 'đến', 'hết', 'cho', 'tới', 'và', 'x'),
    fc.constantFrom('đầu giai đoạn ', 'Trong năm học ', 'từ  nhiệm\tkỳ ', 'cả năm ', 'đến hết năm ', ' 2019 - 2020', ' 2016 đến năm 2020'),
    fc.constantFrom('2019', '2020', '1999', '12345', '201', '1', '-', '–', '—', '/', '.', ',', '(', 'a'),
    fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u0301', '😀', '\ud800'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );

  it('on random strings', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        same(parts.join(''));
      }),
      { numRuns: 5000 },
    );
  });
});
