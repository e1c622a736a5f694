import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDates } from '../extractors/dates.js';

const run = (body: string, publicationYear: number | null = null) => extractDates({ body, publicationYear, authors: [] });
/** [text, value] pairs, after checking that every offset slices its text exactly. */
const pairs = (body: string, publicationYear: number | null = null) =>
  run(body, publicationYear).map((d) => {
    expect(body.slice(d.start, d.end)).toBe(d.text);
    return [d.text, d.value];
  });

describe('extractDates: full dates', () => {
  it('reads d/m/y with /, - and . and keeps the cue in the text', () => {
    const body = 'Chiều 26/11/2018, hội nghị sơ kết; Kết luận số 44-KL/TW ngày 22/01/2019; lễ 22-01-2019; họp 22.01.2019.';
    expect(pairs(body)).toEqual([
      ['Chiều 26/11/2018', '2018-11-26'],
      ['ngày 22/01/2019', '2019-01-22'],
      ['22-01-2019', '2019-01-22'],
      ['22.01.2019', '2019-01-22'],
    ]);
    const d = run(body)[0];
    expect([d?.start, d?.end]).toEqual([0, 16]);
  });
  it('reads spelled-out months', () => {
    expect(pairs('Hội nghị diễn ra ngày 9 tháng 4 năm 2014 tại tỉnh.')).toEqual([['ngày 9 tháng 4 năm 2014', '2014-04-09']]);
  });
  it('adds clock times written before or after the date', () => {
    const body = 'Lúc 8 giờ 30 ngày 27/11/2018, rồi 8h30 ngày 28/11/2018, 14h ngày 3/2/2020 và 3 giờ chiều ngày 5/6/2021.';
    expect(pairs(body)).toEqual([
      ['8 giờ 30 ngày 27/11/2018', '2018-11-27T08:30'],
      ['8h30 ngày 28/11/2018', '2018-11-28T08:30'],
      ['14h ngày 3/2/2020', '2020-02-03T14:00'],
      ['3 giờ chiều ngày 5/6/2021', '2021-06-05T15:00'],
    ]);
    expect(pairs('Thứ Hai, 14/02/2022 15:12')).toEqual([['14/02/2022 15:12', '2022-02-14T15:12']]);
  });
  it('validates days and months', () => {
    expect(pairs('Không có ngày 31/2/2020 hay ngày 12/13/2020.')).toEqual([]);
    expect(pairs('Năm nhuận có ngày 29/2/2020.')).toEqual([['ngày 29/2/2020', '2020-02-29']]);
  });
});

describe('extractDates: day and month without a year', () => {
  it('takes the publication year, else XXXX', () => {
    expect(pairs('Sáng 14.6, Hội Chữ thập đỏ huyện tổ chức hiến máu.', 2016)).toEqual([['Sáng 14.6', '2016-06-14']]);
    expect(pairs('Sáng 14.6, Hội Chữ thập đỏ huyện tổ chức hiến máu.')).toEqual([['Sáng 14.6', 'XXXX-06-14']]);
    expect(pairs('Chiều 25-12, tại hội trường; Tối 2/9 có pháo hoa.', 2019)).toEqual([
      ['Chiều 25-12', '2019-12-25'],
      ['Tối 2/9', '2019-09-02'],
    ]);
    expect(pairs('Hôm nay (14/5), đoàn công tác làm việc.', 2022)).toEqual([['14/5', '2022-05-14']]);
  });
  it('reads a d/m followed by a counted noun as a ratio, not a date', () => {
    expect(pairs('Ban tuyên giáo và công an 10/10 huyện đã ký kết; đạt 3/5 chỉ tiêu.')).toEqual([]);
  });
  it('does not read decimals or small ranges as dates without a cue', () => {
    expect(pairs('Tăng 1.5 lần, có 2-3 người tham gia.')).toEqual([]);
  });
});

describe('extractDates: months, years and ranges', () => {
  it('reads months with a year', () => {
    expect(pairs('Tính đến tháng 7-2015, rồi tháng 5/2019 và tháng 5 năm 2019.')).toEqual([
      ['tháng 7-2015', '2015-07'],
      ['tháng 5/2019', '2019-05'],
      ['tháng 5 năm 2019', '2019-05'],
    ]);
  });
  it('reads years after năm and period nouns, and year ranges', () => {
    expect(pairs('Trong năm 2019, 6 tháng đầu năm 2018, từ năm 2018-2021, nhiệm kỳ 2015-2020, giai đoạn 2016 - 2020, giai đoạn 2021- 2025.')).toEqual([
      ['Trong năm 2019', '2019'],
      ['đầu năm 2018', '2018'],
      ['từ năm 2018-2021', '2018/2021'],
      ['nhiệm kỳ 2015-2020', '2015/2020'],
      ['giai đoạn 2016 - 2020', '2016/2020'],
      ['giai đoạn 2021- 2025', '2021/2025'],
    ]);
    expect(pairs('Công tác năm 2018 và 2019 đạt kết quả.')).toEqual([['năm 2018', '2018'], ['2019', '2019']]);
  });
  it('joins full dates into ranges; the first point takes the second year', () => {
    expect(pairs('Kỷ niệm (2/9/1945 – 2/9/2020) và áp dụng từ ngày 1/1 đến ngày 31/3/2024.')).toEqual([
      ['2/9/1945 – 2/9/2020', '1945-09-02/2020-09-02'],
      ['ngày 1/1 đến ngày 31/3/2024', '2024-01-01/2024-03-31'],
    ]);
    expect(pairs('Kế hoạch giai đoạn tháng 4.2021 - 3.2022 cho 5 khối.')).toEqual([['tháng 4.2021 - 3.2022', '2021-04/2022-03']]);
    expect(pairs('Kỷ niệm 75 năm (1945 - 2020) thành lập lực lượng.')).toEqual([['1945 - 2020', '1945/2020']]);
  });
  it('reads spans of days and quarters (a quarter gives its year)', () => {
    expect(pairs('Từ ngày 1-10/8/2023, đoàn kiểm tra làm việc; ngày 22-23/11 tổng kết.')).toEqual([
      ['ngày 1-10/8/2023', '2023-08-01/2023-08-10'],
      ['ngày 22-23/11', 'XXXX-11-22/XXXX-11-23'],
    ]);
    expect(pairs('Trong quý I/2024 và quý 3-2023, tình hình ổn định.')).toEqual([['quý I/2024', '2024'], ['quý 3-2023', '2023']]);
  });
});

describe('extractDates: what is not a date', () => {
  it('skips document numbers, durations, relative and recurring expressions, names', () => {
    const body =
      'Theo Nghị định 12/2020/NĐ-CP, Thông tư liên tịch số 27/2011/TTLT-BCA-BQP, sau 05 năm và 77 năm, hàng năm, hằng năm, năm tới, năm nay, thời gian tới, hiện nay, Khóa XV, Covid-19.';
    expect(pairs(body)).toEqual([]);
  });
  it('skips phone numbers, money and implausible years', () => {
    expect(pairs('Liên hệ 0912.345.678, hỗ trợ 1.500.000 đồng, năm 1850 và năm 2300.')).toEqual([]);
  });
});

describe('extractDates: seeds', () => {
  it('finds the dates of seed 001', () => {
    const body = readFileSync(new URL('../fixtures/seeds/001_7c90c924ddd5bf4a.txt', import.meta.url), 'utf8').normalize('NFC');
    expect(new Set(run(body).map((d) => d.value))).toEqual(
      new Set(['2019-01-22', '2019', '2009-04-27', '2020/2025', '2021/2026', '2016/2020', '2021/2025']),
    );
    for (const d of run(body)) expect(body.slice(d.start, d.end)).toBe(d.text);
  });
  it('stays fast on a 1 MB single line', () => {
    const unit = 'Chiều 26/11/2018, hai cơ quan giai đoạn 2016 - 2020 và 10/10 huyện; 1.2.3/4/5 ';
    const body = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t = performance.now();
    run(body);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});
