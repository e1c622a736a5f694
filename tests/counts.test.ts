import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractCounts } from '../extractors/counts.js';
import { processFile } from '../pipeline/process.js';

const run = (body: string) => extractCounts({ body, publicationYear: null, authors: [] });
/** [text, value, unit, approximate, of], after checking each offset slices its text exactly. */
const rows = (body: string) =>
  run(body).map((c) => {
    expect(body.slice(c.start, c.end)).toBe(c.text);
    return [c.text, c.value, c.unit, c.approximate, c.of];
  });

describe('extractCounts: digits', () => {
  it('reads counts, Vietnamese separators and approximate cues', () => {
    expect(rows('Hội nghị tổng kết 05 năm với 7 nội dung, 24 tập thể và cá nhân, trên 100.000 bản, gần 1.000 đối tượng.')).toEqual([
      ['05 năm', 5, 'năm', false, null],
      ['7 nội dung', 7, 'nội dung', false, null],
      ['24 tập thể và cá nhân', 24, 'tập thể và cá nhân', false, null],
      ['trên 100.000 bản', 100000, 'bản', true, null],
      ['gần 1.000 đối tượng', 1000, 'đối tượng', true, null],
    ]);
    const first = run('Có 7 nội dung.')[0];
    expect([first?.start, first?.end]).toEqual([3, 13]);
  });
  it('applies scale words and decimal commas', () => {
    expect(rows('Cấp hơn 2 triệu thẻ, hơn 45 ngàn hộ được hỗ trợ, trao 1,5 tỷ đồng.')).toEqual([
      ['hơn 2 triệu thẻ', 2000000, 'thẻ', true, null],
      ['hơn 45 ngàn hộ', 45000, 'hộ', true, null],
      ['1,5 tỷ đồng', 1500000000, 'đồng', false, null],
    ]);
  });
  it('reads ratios', () => {
    expect(rows('Công an 10/10 huyện, thành phố đã ký kết.')).toEqual([['10/10 huyện, thành phố', 10, 'huyện, thành phố', false, 10]]);
  });
  it('keeps capitalised counted nouns and stops lower-case units at names', () => {
    expect(rows('Trao 5 Huân chương Lao động hạng Ba và 12 Giấy khen; đại diện 2 huyện Mường Lát.')).toEqual([
      ['5 Huân chương Lao động hạng Ba', 5, 'Huân chương Lao động hạng Ba', false, null],
      ['12 Giấy khen', 12, 'Giấy khen', false, null],
      ['2 huyện', 2, 'huyện', false, null],
    ]);
  });
  it('splits two counts joined by và or a comma', () => {
    expect(rows('Tặng 57 tập thể, 63 cá nhân; 18 tập thể và 18 cá nhân.').map((r) => [r[1], r[2]])).toEqual([
      [57, 'tập thể'], [63, 'cá nhân'], [18, 'tập thể'], [18, 'cá nhân'],
    ]);
  });
});

describe('extractCounts: spelled-out and round numbers', () => {
  it('reads spelled-out numbers before a noun', () => {
    expect(rows('Hai bên thống nhất; hai cơ quan, mười hai chiến sĩ, hai mươi lăm người và năm đơn vị.').map((r) => [r[0], r[1]])).toEqual([
      ['Hai bên', 2], ['hai cơ quan', 2], ['mười hai chiến sĩ', 12], ['hai mươi lăm người', 25], ['năm đơn vị', 5],
    ]);
  });
  it('reads hàng nghìn / hàng triệu as approximate', () => {
    expect(rows('Đăng hàng nghìn tin, bài, ảnh; hàng triệu lượt người truy cập.')).toEqual([
      ['hàng nghìn tin, bài, ảnh', 1000, 'tin, bài, ảnh', true, null],
      ['hàng triệu lượt người', 1000000, 'lượt người', true, null],
    ]);
  });
  it('does not count một, các, những, nhiều or the year noun', () => {
    expect(rows('Một số đơn vị, qua một năm, các đơn vị, những cán bộ, nhiều người, trong năm tới, hàng năm.')).toEqual([]);
  });
});

describe('extractCounts: what is not a count', () => {
  it('skips identifiers, names, document numbers and ordinals', () => {
    const body =
      'Ban Chỉ đạo 94, Ban chỉ đạo 389 huyện, Quốc lộ 1A, Covid-19, Chỉ thị 05 ở các cấp, chương trình phối hợp số 38 giữa các bên, số 09/CTR-BCA, lần thứ XVII, thứ 3 tỉnh, Khóa XV, giải Nhì, hạng Ba, Hội nghị Trung ương 7 khóa XII, khu tưởng niệm Mười cô gái Đồng Lộc.';
    expect(rows(body)).toEqual([]);
  });
  it('skips dates, times, phone numbers and percentages', () => {
    const body = 'Ngày 9 tháng 4 năm 2014, lúc 8 giờ 30 sáng, năm 2016, gọi 0912.345.678, đạt 100% chỉ tiêu, 12,47% kế hoạch.';
    expect(rows(body)).toEqual([]);
  });
  it('leaves bare years to dates even without a cue', () => {
    expect(rows('Đón Tết 2024 an toàn, có 2.024 hộ dân tham gia.').map((r) => [r[1], r[2]])).toEqual([[2024, 'hộ dân']]);
  });
  it('keeps durations before a date', () => {
    expect(rows('Trong 9 tháng đầu năm 2019 có 4 đơn vị phối hợp.').map((r) => [r[0], r[1]])).toEqual([['9 tháng', 9], ['4 đơn vị', 4]]);
  });
  it('counts after tổng số / trong số', () => {
    expect(rows('Tổng số 120 cán bộ, trong số 20 người.').map((r) => [r[1], r[2]])).toEqual([[120, 'cán bộ'], [20, 'người']]);
  });
});

describe('extractCounts: words named like JavaScript built-ins', () => {
  it('are plain words: every value is a number and the article is accepted', () => {
    const text = 'Lễ trao quà\n\nĐoàn trao một trăm linh constructor phần quà cho xã.';
    expect(run(text).every((c) => typeof c.value === 'number')).toBe(true);
    const o = processFile({ source: '/t/a.txt', format: 'text', bytes: Buffer.from(text), rawHash: 'x' }, { lossy: false });
    expect(o.ok).toBe(true);
  });
});

describe('extractCounts: seeds', () => {
  const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8').normalize('NFC');
  // The scoring key (SPEC §7): value and the unit's first syllable, lower case, without punctuation.
  const keys = (body: string) =>
    new Set(run(body).map((c) => `${c.value}|${(c.unit.split(' ')[0] ?? '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}%]+$/u, '')}`));
  it('finds the counts of seed 000', () => {
    expect(keys(seed('000_2881366d79d7105f'))).toEqual(new Set(['2|cơ', '7|nội', '2|đơn', '7|kiến']));
  });
  it('finds the counts of seed 001', () => {
    expect(keys(seed('001_7c90c924ddd5bf4a'))).toEqual(
      new Set(['2|cơ', '2|ngành', '1000|tin', '100000|bản', '1000000|lượt', '10|huyện', '1000|đối', '5|năm', '24|tập']),
    );
  });
  it('finds no count in seed 004 (programme and document numbers only)', () => {
    expect(keys(seed('004_f0f840be86e5744f'))).toEqual(new Set());
  });
  it('stays fast on a 1 MB single line', () => {
    const unit = 'Chiều 26/11/2018, hai cơ quan đã ký 7 nội dung với trên 100.000 bản và 10/10 huyện; năm ';
    const body = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t = performance.now();
    expect(run(body).length).toBeGreaterThan(0);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});
