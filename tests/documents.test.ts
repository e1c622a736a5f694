import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentNumberKey, extractDocuments } from '../extractors/documents.js';
import type { DocumentRef } from '../schemas/article.js';

function docs(body: string): DocumentRef[] {
  return extractDocuments({ body, publicationYear: null, authors: [] });
}

/** (type, number) pairs, the scored view of the output. */
function pairs(body: string): [string, string][] {
  return docs(body).map((d) => [d.type, d.number]);
}

/** The text of every mention, to check offsets against the body. */
function mentionTexts(body: string): string[][] {
  return docs(body).map((d) => d.mentions.map(([s, e]) => body.slice(s, e)));
}

function seed(name: string): string {
  return readFileSync(new URL(`../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8').normalize('NFC');
}

describe('extractDocuments: Party numbering', () => {
  it('reads type, number, date and issuer of a full Party citation', () => {
    const body = 'Quán triệt Kết luận số 12-KL/TW ngày 05/03/2021 của Ban Bí thư về công tác dân vận.';
    expect(docs(body)).toEqual([
      { type: 'Kết luận', number: '12-KL/TW', issuer: 'Ban Bí thư', date: '2021-03-05', mentions: [[11, 31]] },
    ]);
    expect(body.slice(11, 31)).toBe('Kết luận số 12-KL/TW');
  });

  it('takes the issuer before a bracket and the date after a comma', () => {
    const body = 'Thực hiện Quyết định số 310-QĐ/TW, ngày 2/8/2012 của Ban Bí thư Trung ương Đảng (Khóa XI) “Về việc…”';
    const [d] = docs(body);
    expect(d).toMatchObject({ type: 'Quyết định', number: '310-QĐ/TW', issuer: 'Ban Bí thư Trung ương Đảng', date: '2012-08-02' });
  });

  it('takes an issuer before the date, and a date written in words', () => {
    const body = 'Nghị quyết số 07-NQ/TU của Ban Thường vụ Tỉnh ủy ngày 5 tháng 3 năm 2021 về phát triển.';
    expect(docs(body)[0]).toMatchObject({ issuer: 'Ban Thường vụ Tỉnh ủy', date: '2021-03-05' });
  });

  it('joins number and code with `-` in the official Party form', () => {
    expect(pairs('Học tập Chỉ thị 23 CT/TW của Ban Bí thư.')).toEqual([['Chỉ thị', '23-CT/TW']]);
    expect(pairs('Học tập Chỉ thị 23CT/TW của Ban Bí thư.')).toEqual([['Chỉ thị', '23-CT/TW']]);
    expect(pairs('Nghị quyết số 16 - NQ/TU của Tỉnh ủy.')).toEqual([['Nghị quyết', '16-NQ/TU']]);
  });

  it('reads the post-2018 Party regulation code QĐi', () => {
    expect(pairs('Thực hiện Quy định 08-QĐi/TW về trách nhiệm nêu gương.')).toEqual([['Quy định', '08-QĐi/TW']]);
  });

  it('keeps the type word over an ambiguous code (Quy định written QĐ/TW)', () => {
    const body = 'Theo Quy định số 47-QĐ/TW của Ban Chấp hành Trung ương; 47-QĐ/TW nêu rõ.';
    expect(docs(body)).toEqual([
      {
        type: 'Quy định',
        number: '47-QĐ/TW',
        issuer: 'Ban Chấp hành Trung ương',
        date: null,
        mentions: [
          [5, 25],
          [56, 64],
        ],
      },
    ]);
  });
});

describe('extractDocuments: State numbering', () => {
  it('reads decrees, decisions, circulars and laws', () => {
    expect(pairs('Sơ kết Nghị định 96/2016/NĐ-CP về an ninh trật tự.')).toEqual([['Nghị định', '96/2016/NĐ-CP']]);
    expect(docs('Theo Quyết định số 1234/QĐ-TTg ngày 15/8/2020 của Thủ tướng Chính phủ phê duyệt đề án.')[0]).toMatchObject({
      type: 'Quyết định',
      number: '1234/QĐ-TTg',
      issuer: 'Thủ tướng Chính phủ',
      date: '2020-08-15',
    });
    expect(pairs('Thông tư 28/2014/TT-BCA quy định về điều tra.')).toEqual([['Thông tư', '28/2014/TT-BCA']]);
    expect(pairs('Sơ kết việc thực hiện Thông tư liên tịch số 05/2012/TTLT-BCA-BQP.')).toEqual([['Thông tư', '05/2012/TTLT-BCA-BQP']]);
  });

  it('reads a law cited by name then number', () => {
    const body = 'Luật Công an nhân dân số 37/2018/QH14 có hiệu lực.';
    expect(docs(body)).toEqual([
      { type: 'Luật', number: '37/2018/QH14', issuer: null, date: null, mentions: [[0, 37]] },
    ]);
  });

  it('does not run a law name across another citation', () => {
    const body = 'Bộ luật Hình sự năm 2015 và Luật số 24/2018/QH14 về an ninh mạng.';
    expect(mentionTexts(body)).toEqual([['Luật số 24/2018/QH14']]);
  });

  it('keeps a one-letter suffix of the number', () => {
    expect(pairs('Triển khai Chương trình 30a ở các huyện nghèo.')).toEqual([['Chương trình', '30a']]);
    expect(pairs('Theo Nghị quyết 30a/2008/NQ-CP của Chính phủ.')).toEqual([['Nghị quyết', '30a/2008/NQ-CP']]);
    expect(pairs('Hỗ trợ theo 30a/2008/NQ-CP.')).toEqual([['Nghị quyết', '30a/2008/NQ-CP']]);
  });

  it('accepts a State number cited with its year only', () => {
    expect(pairs('Áp dụng Nghị định 15/2020 về xử phạt.')).toEqual([['Nghị định', '15/2020']]);
  });
});

describe('extractDocuments: programmes and plans', () => {
  it('maps compound type words to their canonical type', () => {
    expect(pairs('Ký Chương trình phối hợp số 02/CTr-CAT-TU giữa hai cơ quan.')).toEqual([['Chương trình', '02/CTr-CAT-TU']]);
    expect(pairs('Tỉnh ban hành Chương trình hành động số 11/CTHĐ-UBND.')).toEqual([['Chương trình', '11/CTHĐ-UBND']]);
    expect(pairs('Ký Quy chế phối hợp số 01/QCPH-CAT-BTG.')).toEqual([['Quy chế', '01/QCPH-CAT-BTG']]);
    expect(pairs('Ban hành Kế hoạch liên tịch số 03/KHLT-BCA-TWĐTN.')).toEqual([['Kế hoạch', '03/KHLT-BCA-TWĐTN']]);
    expect(pairs('Sơ kết Nghị quyết liên tịch số 02, ký giữa hai ngành.')).toEqual([['Nghị quyết', '02']]);
    expect(pairs('Theo Thông báo kết luận số 45-TB/TW của Bộ Chính trị.')).toEqual([['Thông báo', '45-TB/TW']]);
  });

  it('reads a known code written in any case', () => {
    expect(pairs('Căn cứ Chương trình số 03/Ctr-BTG-CA đã ký.')).toEqual([['Chương trình', '03/Ctr-BTG-CA']]);
  });

  it('removes the spaces inside a number', () => {
    const body = 'Thực hiện Chương trình phối hợp công tác số 12/CTR- BCA- BDVTW, giữa hai bên.';
    const [d] = docs(body);
    expect(d?.number).toBe('12/CTR-BCA-BDVTW');
    expect(body.slice(...(d?.mentions[0] ?? [0, 0]))).toBe('Chương trình phối hợp công tác số 12/CTR- BCA- BDVTW');
  });

  it('reads bare numbers after a lower-case type word, with or without `số`', () => {
    expect(pairs('kết quả thực hiện chương trình phối hợp số 27 giữa hai ngành')).toEqual([['Chương trình', '27']]);
    expect(pairs('kết quả thực hiện chương trình phối hợp 14 về “Phòng chống tội phạm”')).toEqual([['Chương trình', '14']]);
    expect(pairs('đã ban hành Kế hoạch số 215, ngày 4/3/2023 giữa hai ngành')).toEqual([['Kế hoạch', '215']]);
    expect(docs('đã ban hành Kế hoạch số 215, ngày 4/3/2023 giữa hai ngành')[0]?.date).toBe('2023-03-04');
  });

  it('accepts a bare number followed by a year phrase', () => {
    expect(pairs('Triển khai Chương trình 135 giai đoạn 2021-2025 ở vùng cao.')).toEqual([['Chương trình', '135']]);
    expect(pairs('Học tập Chỉ thị 03 năm 2019 ở chi bộ.')).toEqual([['Chỉ thị', '03']]);
  });

  it('is case-insensitive on type words, canonical on output', () => {
    expect(pairs('TRIỂN KHAI CHỈ THỊ SỐ 15/CT-TTG CỦA THỦ TƯỚNG')).toEqual([['Chỉ thị', '15/CT-TTG']]);
  });

  it('reads a type from the code after a generic word', () => {
    expect(pairs('theo văn bản số 45/KH-UBND của tỉnh')).toEqual([['Kế hoạch', '45/KH-UBND']]);
    expect(pairs('theo văn bản số 1234/BCA-V03 của Bộ')).toEqual([['Công văn', '1234/BCA-V03']]);
    expect(pairs('theo văn bản số 12 của Bộ')).toEqual([]);
  });
});

describe('extractDocuments: lists and codes without type words', () => {
  it('lists several numbers after one type word', () => {
    const body = 'Thực hiện các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 26-NQ/TW của Hội nghị Trung ương.';
    expect(pairs(body)).toEqual([
      ['Nghị quyết', '18-NQ/TW'],
      ['Nghị quyết', '19-NQ/TW'],
      ['Nghị quyết', '26-NQ/TW'],
    ]);
    expect(mentionTexts(body)).toEqual([['Nghị quyết số 18-NQ/TW'], ['19-NQ/TW'], ['26-NQ/TW']]);
    expect(docs(body).map((d) => d.issuer)).toEqual(['Hội nghị Trung ương', 'Hội nghị Trung ương', 'Hội nghị Trung ương']);
  });

  it('lists bare numbers only when each has its own `số`', () => {
    const body = 'kết quả chương trình phối hợp số 11 và số 27 giữa hai ngành';
    expect(pairs(body)).toEqual([
      ['Chương trình', '11'],
      ['Chương trình', '27'],
    ]);
    expect(mentionTexts(body)).toEqual([['chương trình phối hợp số 11'], ['27']]);
  });

  it('does not list a following count', () => {
    expect(pairs('Thực hiện Chỉ thị 05, 10 năm qua tỉnh đã làm tốt.')).toEqual([['Chỉ thị', '05']]);
  });

  it('types a symbol by its code when no type word is written', () => {
    const body = 'Quán triệt tinh thần 35-NQ/TW, 05 CT/TW và 144/2021/NĐ-CP trong toàn lực lượng.';
    expect(pairs(body)).toEqual([
      ['Nghị quyết', '35-NQ/TW'],
      ['Chỉ thị', '05-CT/TW'],
      ['Nghị định', '144/2021/NĐ-CP'],
    ]);
    expect(mentionTexts(body)).toEqual([['35-NQ/TW'], ['05 CT/TW'], ['144/2021/NĐ-CP']]);
  });

  it('reads the next citation after a list', () => {
    expect(pairs('Chỉ thị 05-CT/TW và Kết luận 01-KL/TW của Bộ Chính trị.')).toEqual([
      ['Chỉ thị', '05-CT/TW'],
      ['Kết luận', '01-KL/TW'],
    ]);
  });
});

describe('extractDocuments: one record per document', () => {
  it('merges a bare number into the one full number of its type', () => {
    const body = 'Học tập Chỉ thị 05-CT/TW của Bộ Chính trị. Sơ kết Chỉ thị 05 ở các cấp.';
    expect(docs(body)).toEqual([
      {
        type: 'Chỉ thị',
        number: '05-CT/TW',
        issuer: 'Bộ Chính trị',
        date: null,
        mentions: [
          [8, 24],
          [50, 60],
        ],
      },
    ]);
  });

  it('keeps one record for the same number written two ways', () => {
    const body = 'Chỉ thị 09-CT/TW được quán triệt; Chỉ thị số 09 CT/TW tiếp tục thực hiện.';
    expect(pairs(body)).toEqual([['Chỉ thị', '09-CT/TW']]);
    expect(docs(body)[0]?.mentions).toHaveLength(2);
  });

  it('keeps two documents that share a bare number but not a type', () => {
    expect(pairs('Chỉ thị 05 ở các cấp và Kế hoạch 05 của tỉnh.')).toEqual([
      ['Chỉ thị', '05'],
      ['Kế hoạch', '05'],
    ]);
  });

  it('compares numbers without whitespace, dashes, dots and case', () => {
    expect(documentNumberKey('09/CTR- BCA- BTGTW')).toBe(documentNumberKey('09/CTr-BCA-BTGTW'));
    expect(documentNumberKey('09 CT/TW')).toBe(documentNumberKey('09-CT/TW'));
  });
});

describe('extractDocuments: what is not a document', () => {
  it.each([
    ['a document named without a number', 'Hai bên ký Chương trình phối hợp giữa Công an tỉnh và Ban Dân vận.'],
    ['a year after the type word', 'Sơ kết chương trình phối hợp năm 2019 giữa hai ngành.'],
    ['a bare year', 'Triển khai Kế hoạch 2024 của ngành.'],
    ['a period', 'Xây dựng Kế hoạch 2021-2025 và chương trình giai đoạn 2016 - 2020.'],
    ['a duration', 'Thực hiện kế hoạch 5 năm của tỉnh.'],
    ['counts after verb-like type words', 'Hội nghị kết luận 3 nội dung, hướng dẫn 200 hộ dân và thông báo 12 đối tượng.'],
    ['agencies with numbers', 'Ban Chỉ đạo 94 và Ban chỉ đạo 389 của tỉnh họp.'],
    ['ordinals and diseases', 'Đại hội lần thứ XVII, Khóa X, phòng chống Covid-19.'],
    ['pháp luật / kỷ luật', 'vi phạm pháp luật 2 lần, kỷ luật 3 đảng viên'],
    ['a date after the type word', 'Quyết định 15/03/2011 được công bố.'],
    ['a ratio', 'Kế hoạch 10/10 huyện hoàn thành.'],
    ['a quantity', 'Quyết định 1.000 tỷ đồng cho dự án.'],
    ['a measure glued to a number', 'Chương trình 5km chạy bộ.'],
    ['a symbol without a type code', 'Số điện thoại 113/CSCĐ trực ban.'],
  ])('%s', (_label, body) => {
    expect(docs(body)).toEqual([]);
  });
});

describe('extractDocuments: seeds', () => {
  it('seed 000: a programme number with spaces inside', () => {
    expect(pairs(seed('000_2881366d79d7105f'))).toEqual([['Chương trình', '09/CTR-BCA-BTGTW']]);
  });

  it('seed 001: a programme and Party documents with issuers and dates', () => {
    const body = seed('001_7c90c924ddd5bf4a');
    const out = docs(body);
    expect(out.map((d) => [d.type, d.number, d.issuer, d.date])).toEqual([
      ['Chương trình', '01/CTr-BTG-CAT', null, null],
      ['Kết luận', '44-KL/TW', 'Ban Bí thư', '2019-01-22'],
      ['Chỉ thị', '09-CT/TW', 'Ban Bí thư', null],
      ['Chỉ thị', '05-CT/TW', 'Bộ Chính trị', null],
      ['Quyết định', '221-QĐ/TW', 'Ban Bí thư Trung ương Đảng', '2009-04-27'],
    ]);
    expect(out[3]?.mentions.map(([s, e]) => body.slice(s, e))).toEqual(['Chỉ thị 05-CT/TW', 'Chỉ thị 05']);
  });

  it('seeds 002 and 003: programmes named without numbers', () => {
    expect(docs(seed('002_0522782f77f4491e'))).toEqual([]);
    expect(docs(seed('003_5630fb2513edc03b'))).toEqual([]);
  });

  it('seed 004: bare programme numbers', () => {
    const body = seed('004_f0f840be86e5744f');
    expect(pairs(body)).toEqual([
      ['Chương trình', '09'],
      ['Chương trình', '38'],
    ]);
    expect(mentionTexts(body)).toEqual([['chương trình phối hợp 09'], ['chương trình phối hợp số 38']]);
  });
});

describe('extractDocuments: linear time', () => {
  it.each([
    ['citations', 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, '],
    ['separators', '1/1/1/1/1/1/1/1/1/1/'],
    ['type words', 'Chỉ thị Chương trình phối hợp công tác số '],
    ['issuer words', 'Quyết định số 1/QĐ-TTg của Ban Ban Ban Ban Ban Ban Ban Ban Ban Ban Ban '],
    ['lists', '12-NQ/TW, '],
    ['spaced dashes', '1- 2- 3- 4- 5- 6- '],
  ])('a 1 MB single line of %s', (_label, unit) => {
    const body = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const t0 = performance.now();
    docs(body);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
