import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  furnitureKind,
  isHeadline,
  parseByline,
  parseDateLine,
  parseGluedByline,
  photoCredits,
  publishedAtOf,
  stripCrawlPrefix,
} from '../extractors/metadata.js';
import { cleanArticle } from '../pipeline/clean.js';
import { cleanText } from '../pipeline/clean-text.js';

describe('parseDateLine', () => {
  it('reads page date lines', () => {
    expect(parseDateLine('cms-publish-date 27/11/2018 | 08:12 \u00a0|\u00a0cms-view-count: 9574')).toEqual({
      date: '2018-11-27', time: '08:12', weekday: false, labelled: true,
    });
    expect(parseDateLine('Thứ Hai, 14/02/2022 15:12')).toEqual({ date: '2022-02-14', time: '15:12', weekday: true, labelled: false });
    expect(parseDateLine('Thứ Năm, 14/03/2019, 09:41 [GMT+7]')).toMatchObject({ date: '2019-03-14', time: '09:41', weekday: true });
    expect(parseDateLine('07:45, 21/05/2015')).toMatchObject({ date: '2015-05-21', time: '07:45' });
    expect(parseDateLine('Cập nhật lúc : 08:57 07/10/2015')).toMatchObject({ date: '2015-10-07', time: '08:57', labelled: true });
    expect(parseDateLine('15/04/2013')).toEqual({ date: '2013-04-15', time: null, weekday: false, labelled: false });
    expect(parseDateLine('ClockChủ nhật, 03/09/2023 07:00')).toMatchObject({ date: '2023-09-03', time: '07:00', weekday: true });
    expect(parseDateLine('Thứ 6, 1/3/2024 - 10h15')).toMatchObject({ date: '2024-03-01', time: '10:15', weekday: true });
  });

  it('rejects sentences, impossible dates and date ranges', () => {
    expect(parseDateLine('Ngày 22/01/2019, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.')).toBeNull();
    expect(parseDateLine('Chiều 26/11/2018')).toBeNull();
    expect(parseDateLine('31/02/2019')).toBeNull();
    expect(parseDateLine('2/9/1945 - 2/9/2020')).toBeNull();
    expect(parseDateLine('Giai đoạn 2016 - 2020')).toBeNull();
  });

  it('formats publishedAt with the Vietnam offset when a time is known', () => {
    const withTime = parseDateLine('Thứ Hai, 14/02/2022 15:12');
    const dateOnly = parseDateLine('15/04/2013');
    expect(withTime && publishedAtOf(withTime)).toBe('2022-02-14T15:12:00+07:00');
    expect(dateOnly && publishedAtOf(dateOnly)).toBe('2013-04-15');
  });
});

describe('line classifiers', () => {
  it('strips crawl prefixes only at the start', () => {
    expect(stripCrawlPrefix(' date 2019-03 BXT - Mới đây, Sở Tư pháp tỉnh')).toEqual({ line: 'BXT - Mới đây, Sở Tư pháp tỉnh', stripped: true });
    expect(stripCrawlPrefix('date 2020-11-05 Ngày 4-11, Huyện')).toEqual({ line: 'Ngày 4-11, Huyện', stripped: true });
    expect(stripCrawlPrefix('Cập nhật date 2019-03')).toEqual({ line: 'Cập nhật date 2019-03', stripped: false });
  });

  it('recognises furniture lines and not sentences that mention them', () => {
    for (const l of ['Có thể bạn quan tâm', 'Các tin khác', 'Mới nhất', 'Liên kết website', 'Xem nhiều nhất']) expect(furnitureKind(l)).toBe('section');
    for (const l of ['Phản hồi', 'Thông tin người gửi phản hồi', 'Số lượng truy cập', 'Đang truy cập: 9', 'Tổng: 0', '.', 'Tags: an ninh, Công an', 'Lượt xem: 1.204', 'In bài | Quay lại', 'Chia sẻ Facebook Zalo'])
      expect(furnitureKind(l)).toBe('furniture');
    expect(furnitureKind('Nhiều người dân gửi phản hồi tích cực về chương trình phối hợp.')).toBeNull();
    expect(furnitureKind('Sơ kết 3 năm phong trào')).toBeNull();
    expect(furnitureKind('Mới nhất, Công an huyện đã ban hành quy chế')).toBeNull();
  });

  it('tells headlines from first sentences and captions', () => {
    expect(isHeadline('Sơ kết chương trình phối hợp công tác năm 2018 giữa Ban Tuyên giáo Tỉnh ủy và Công an tỉnh')).toBe(true);
    expect(isHeadline('Hà Nam: Ký kết quy chế phối hợp giữa Công an tỉnh và Hội Nông dân')).toBe(true);
    // A headline may start with rank + name when it goes on with a verb.
    expect(isHeadline('Thiếu tướng Hoàng Văn Quyết thăm Công an huyện biên giới')).toBe(true);
    // Rank + name in apposition is the story's first sentence.
    expect(isHeadline('Đại tá Trần Văn Nam, Giám đốc Công an tỉnh chủ trì hội nghị')).toBe(false);
    expect(isHeadline('Toàn cảnh buổi lễ.')).toBe(false);
    expect(isHeadline('HNO - Chiều 9/10, Sở Công thương tổ chức hội nghị')).toBe(false);
    expect(isHeadline('(KVO) - Sáng 5/6, Công an huyện tổ chức lễ ra quân')).toBe(false);
    expect(isHeadline('Chiều 26/11 Công an tỉnh tổ chức hội nghị')).toBe(false);
    expect(isHeadline('Theo kế hoạch, các đơn vị thống nhất nhiều nội dung phối hợp')).toBe(false);
    expect(isHeadline('Đại biểu dự hội nghị. Ảnh: MINH ĐỨC')).toBe(false);
    expect(isHeadline('Các đồng chí: Lê Văn A, Bí thư Huyện ủy; Trần Văn B, Chủ tịch UBND huyện')).toBe(false);
  });
});

describe('bylines', () => {
  it('reads pen names, upper case title-cased, several authors', () => {
    expect(parseByline('Xuân Mai')).toEqual(['Xuân Mai']);
    expect(parseByline('MINH ĐỨC - THU TRANG')).toEqual(['Minh Đức', 'Thu Trang']);
    expect(parseByline('K.Linh– P.Hòa')).toEqual(['K.Linh', 'P.Hòa']);
    expect(parseByline('Lê Hà, Quốc Bảo')).toEqual(['Lê Hà', 'Quốc Bảo']);
    expect(parseByline('Bài và ảnh: VĂN KHÁNH')).toEqual(['Văn Khánh']);
    expect(parseByline('Tin, ảnh: HẢI ĐĂNG')).toEqual(['Hải Đăng']);
    expect(parseByline('PV')).toEqual(['PV']);
    expect(parseByline('N.H')).toEqual(['N.H']);
    // Tone style of the seeds (SPEC §0).
    expect(parseByline('THUỲ DƯƠNG')).toEqual(['Thùy Dương']);
  });

  it('rejects what is not a byline', () => {
    expect(parseByline('Toàn cảnh buổi lễ')).toBeNull();
    expect(parseByline('Đại tá Lê Văn Hòa')).toBeNull();
    expect(parseByline('Công an tỉnh')).toBeNull();
    expect(parseByline('Ban Tuyên giáo Tỉnh ủy')).toBeNull();
    expect(parseByline('Hòa')).toBeNull();
    expect(parseByline('Theo Báo CAND')).toBeNull();
    expect(parseByline('TTXVN')).toBeNull();
  });

  it('splits a byline glued to its organisation', () => {
    expect(parseGluedByline('Hoàng ChungBan Tuyên giáo Tỉnh ủy Bắc Giang')).toEqual(['Hoàng Chung']);
    expect(parseGluedByline('Thu HằngBáo Hà Nam')).toEqual(['Thu Hằng']);
    expect(parseGluedByline('Hội nghị Tổng kếtBan Chỉ đạo')).toBeNull();
  });

  it('reads photo credits inside captions', () => {
    expect(photoCredits('Các em học sinh nhận quà. Ảnh: VĂN KHÁNH')).toEqual(['Văn Khánh']);
    expect(photoCredits('Lãnh đạo hai đơn vị ký kết (Ảnh: Minh Hiếu)')).toEqual(['Minh Hiếu']);
    expect(photoCredits('Lực lượng chức năng tuần tra trên sông. Ảnh: Công an huyện')).toEqual([]);
    expect(photoCredits('Ảnh hưởng của mưa bão: nhiều nhà bị tốc mái')).toEqual([]);
  });
});

describe('cleanText', () => {
  it('reads headline, date line and byline, drops furniture, keeps lines as written', () => {
    const text = [
      'Hội nghị sơ kết quy chế phối hợp giữa Công an tỉnh và Hội Nông dân tỉnh',
      'cms-publish-date 05/03/2021 | 14:20  | cms-view-count: 312',
      '',
      'Chiều 4/3, Công an tỉnh và Hội Nông dân tỉnh tổ chức hội nghị sơ kết.  ',
      '',
      'Đại biểu dự hội nghị. Ảnh: LÊ HÀ',
      '',
      '',
      'Hai bên thống nhất 5 nội dung phối hợp trong năm 2021.',
      'Quang Vinh',
      '',
      'Có thể bạn quan tâm',
      'Công an huyện triệt phá đường dây đánh bạc',
      'Phản hồi',
      'Số lượng truy cập',
      'Đang truy cập: 15',
      'Tổng: 0',
    ].join('\n');
    const r = cleanText(text);
    expect(r.title).toBe('Hội nghị sơ kết quy chế phối hợp giữa Công an tỉnh và Hội Nông dân tỉnh');
    expect(r.publishedAt).toBe('2021-03-05T14:20:00+07:00');
    expect(r.authors).toEqual(['Lê Hà', 'Quang Vinh']);
    expect(r.body).toBe(
      [
        'Hội nghị sơ kết quy chế phối hợp giữa Công an tỉnh và Hội Nông dân tỉnh',
        'Chiều 4/3, Công an tỉnh và Hội Nông dân tỉnh tổ chức hội nghị sơ kết.',
        'Đại biểu dự hội nghị. Ảnh: LÊ HÀ',
        'Hai bên thống nhất 5 nội dung phối hợp trong năm 2021.',
      ].join('\n'),
    );
  });

  it('strips a crawl prefix without taking its date; a lead is not a headline', () => {
    const r = cleanText(' date 2019-03 BXT - Mới đây, Hội Liên hiệp Phụ nữ tỉnh phối hợp Sở Tư pháp tổ chức tập huấn.\n\nHai bên thống nhất kế hoạch năm.\n\nDIỆU LINH');
    expect(r.title).toBeNull();
    expect(r.publishedAt).toBeNull();
    expect(r.authors).toEqual(['Diệu Linh']);
    expect(r.body).toBe('BXT - Mới đây, Hội Liên hiệp Phụ nữ tỉnh phối hợp Sở Tư pháp tổ chức tập huấn.\nHai bên thống nhất kế hoạch năm.');
  });

  it('takes a headline after a crawl prefix', () => {
    const r = cleanText(' date 2020-09 Công an huyện ký kết kế hoạch phối hợp với Đoàn Thanh niên\n\nSáng 8/9, hai đơn vị tổ chức hội nghị.');
    expect(r.title).toBe('Công an huyện ký kết kế hoạch phối hợp với Đoàn Thanh niên');
    expect(r.body.startsWith('Công an huyện ký kết')).toBe(true);
  });

  it('does not take a site header date (weekday, no time, above the headline)', () => {
    const r = cleanText('Thứ sáu,  17/06/2022\n\nSơ kết phong trào xây dựng khu dân cư an toàn năm 2020\n\nNgày 14/12/2020, Ban Chỉ đạo huyện tổ chức sơ kết.');
    expect(r.publishedAt).toBeNull();
    expect(r.title).toBe('Sơ kết phong trào xây dựng khu dân cư an toàn năm 2020');
    expect(r.body).not.toContain('17/06/2022');
  });

  it('takes a lone date under the headline and a dated header with time', () => {
    expect(cleanText('Công an huyện tổng kết năm 2014\n\n22/12/2014\nNgày 21/12/2014, Công an huyện tổ chức hội nghị.').publishedAt).toBe('2014-12-22');
    expect(cleanText('Thứ Hai, 22/12/2014 09:45\n\nCông an huyện tổng kết năm 2014\n\nNgày 21/12, Công an huyện tổ chức hội nghị.').publishedAt).toBe(
      '2014-12-22T09:45:00+07:00',
    );
  });

  it('drops the organisation line under a byline and keeps a lone date deep in the text', () => {
    const lines = ['Ký kết phối hợp bảo vệ an ninh Tổ quốc', ...Array.from({ length: 8 }, (_x, i) => `Đoạn văn số ${i + 1} của bài viết.`)];
    lines.splice(7, 0, '12/05/2019');
    const r = cleanText([...lines, 'Minh Tâm', '(Trung tâm Văn hóa huyện)'].join('\n'));
    expect(r.authors).toEqual(['Minh Tâm']);
    expect(r.body).toContain('12/05/2019');
    expect(r.body).not.toContain('Trung tâm Văn hóa');
    expect(r.publishedAt).toBeNull();
  });

  it('is linear on a 1 MB single line', () => {
    const big = 'Công an tỉnh và Ban Tuyên giáo Tỉnh ủy phối hợp, '.repeat(21_000);
    const t0 = performance.now();
    const r = cleanText(big);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.body.length).toBe(big.trim().length);
  });
});

describe('seeds', () => {
  const dir = join(import.meta.dirname, '../fixtures/seeds');
  const goldDir = join(import.meta.dirname, '../fixtures/gold');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(`cleans ${file} like its gold metadata`, () => {
      const text = readFileSync(join(dir, file), 'utf8').normalize('NFC');
      const gold = JSON.parse(readFileSync(join(goldDir, file.replace('.txt', '.json')), 'utf8')) as {
        title: string | null;
        publishedAt: string | null;
        authors: string[];
      };
      const r = cleanArticle({ source: file, format: 'text', encoding: 'utf-8', text, messages: [] });
      expect(r.title).toBe(gold.title);
      expect(r.publishedAt).toBe(gold.publishedAt);
      expect(r.authors).toEqual(gold.authors);
      for (const f of ['Có thể bạn quan tâm', 'Phản hồi', 'Số lượng truy cập', 'Đang truy cập', 'cms-', 'Liên kết website'])
        expect(r.body).not.toContain(f);
      for (const a of gold.authors) expect(r.body.split('\n')).not.toContain(a);
      // Every kept line is a line of the input, unaltered (offsets index real text).
      const input = new Set(text.split('\n').map((l) => l.trim()));
      for (const l of r.body.split('\n')) expect(input.has(l)).toBe(true);
    });
  }
});

describe('headline above the page date line', () => {
  it('takes a first line that reads like a lead as the headline when the date line stands under it', () => {
    const text = 'Đồng chí Lê Minh Trí, Phó Chủ tịch UBND tỉnh làm việc với Công an huyện Mường Lát\nThứ Tư, 05/06/2024 09:10\n\nSáng 4/6, đoàn công tác đã làm việc tại huyện.\n';
    const out = cleanArticle({ source: 'x.txt', format: 'text', encoding: 'utf-8', text, messages: [] });
    expect(out.title).toBe('Đồng chí Lê Minh Trí, Phó Chủ tịch UBND tỉnh làm việc với Công an huyện Mường Lát');
    expect(out.publishedAt).toBe('2024-06-05T09:10:00+07:00');
    expect(out.body.split('\n')[0]).toBe(out.title);
  });

  it('keeps a lead sentence without a date line under it out of the title', () => {
    const text = 'Đại tá Trần Văn Quang, Giám đốc Công an tỉnh, chủ trì hội nghị.\n\nHội nghị đánh giá kết quả phối hợp.\n';
    expect(cleanArticle({ source: 'x.txt', format: 'text', encoding: 'utf-8', text, messages: [] }).title).toBeNull();
  });
});

describe('bylines with the outlet or unit they write for', () => {
  const authorsOf = (text: string): string[] =>
    cleanArticle({ source: 'x.txt', format: 'text', encoding: 'utf-8', text, messages: [] }).authors;
  const story = 'Hội nghị giao ban\n12/03/2024 10:00\nChiều 11/3, hội nghị diễn ra tại trụ sở Công an tỉnh.\n';
  it('drops the outlet in parentheses after the name', () => {
    expect(authorsOf(`${story}Ngọc Diệp (Báo Phú Yên)\n`)).toEqual(['Ngọc Diệp']);
  });
  it('drops a unit written after a dash', () => {
    expect(authorsOf(`${story}Minh Quân - Công an huyện Phù Cát\n`)).toEqual(['Minh Quân']);
  });
  it('reads two names above an outlet line', () => {
    const text = `${story}Lê Hà - Hoài Nam\nĐài Phát thanh và Truyền hình Cao Bằng\n`;
    const out = cleanArticle({ source: 'x.txt', format: 'text', encoding: 'utf-8', text, messages: [] });
    expect(out.authors).toEqual(['Lê Hà', 'Hoài Nam']);
    expect(out.body).not.toContain('Đài Phát thanh');
  });
});

