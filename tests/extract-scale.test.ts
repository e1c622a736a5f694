import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../extractors/index.js';
import { matchKey } from '../extractors/text.js';

const seedDir = join(import.meta.dirname, '..', 'fixtures', 'seeds');
const seeds = readdirSync(seedDir).map((f) => readFileSync(join(seedDir, f), 'utf8').normalize('NFC'));

/** Every offset of every family slices the body to what the record says it is. */
function expectTraceable(body: string): void {
  const out = extractEntities({ body, publicationYear: 2020, authors: [] });
  for (const p of out.people) for (const [s, e] of p.mentions) expect(matchKey(body.slice(s, e))).toBe(matchKey(p.name));
  for (const d of out.dates) expect(body.slice(d.start, d.end)).toBe(d.text);
  for (const c of out.counts) expect(body.slice(c.start, c.end)).toBe(c.text);
  for (const a of out.agencies) for (const [s, e] of a.mentions) expect(e).toBeGreaterThan(s);
}

describe('extraction stays linear on long and hostile inputs (issue 3)', () => {
  // The vitest timeout (5 s) is the guard against a regex or scan that backtracks badly.
  it('reads a 1 MB single-line article built from the seeds, every offset exact', () => {
    let line = '';
    while (line.length < 1_000_000) line += seeds.join(' ').replace(/\s*\n\s*/gu, ' ');
    const out = extractEntities({ body: line, publicationYear: 2020, authors: [] });
    expect(out.people.map((p) => p.name)).toContain('Nguyễn Hải Trung');
    expect(out.documents.map((d) => d.number)).toContain('09/CTR-BCA-BTGTW');
    expectTraceable(line.slice(0, 200_000));
  });

  it.each([
    ['agency heads without end', 'Ban Tuyên '],
    ['family names without end', 'Nguyễn '],
    ['titles without names', 'Phó Giám đốc '],
    ['numbers without nouns', '1.000 '],
    ['dates without end', 'ngày 1/1/2020 - '],
    ['an unclosed quote after a board', 'Ban chỉ đạo “'],
    ['agencies, people and counts side by side', 'Ban Tuyên giáo Tỉnh ủy, Đại tá Lê Văn Hùng, 12 người, '],
    ['hosted committees without end', 'Đảng ủy Công an '],
  ])('survives 1 MB of %s', (_label, unit) => {
    const body = unit.repeat(Math.ceil(1_000_000 / unit.length));
    expect(() => extractEntities({ body, publicationYear: null, authors: [] })).not.toThrow();
  });
});

describe('overlap tests between families', () => {
  it('finds overlaps with merged, sorted ranges', async () => {
    const { overlapTest } = await import('../extractors/spans.js');
    const hits = overlapTest([[10, 20], [5, 8], [18, 30]]);
    expect([hits(0, 5), hits(4, 6), hits(8, 10), hits(25, 26), hits(30, 31), hits(29, 40)]).toEqual([false, true, false, true, false, true]);
  });
});

