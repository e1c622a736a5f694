import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standaloneUses } from '../extractors/agencies.js';
import { extractEntities } from '../extractors/index.js';

const agencies = (body: string) => extractEntities({ body, publicationYear: null, authors: [] }).agencies;
const names = (body: string) => agencies(body).map((a) => a.name);

describe('agencies (SPEC §3)', () => {
  it('reads heads with their names, committees and localities, with exact mentions', () => {
    const body = 'Ban Tuyên giáo Tỉnh ủy và Công an tỉnh Sóc Trăng ký kết quy chế phối hợp.';
    expect(agencies(body)).toEqual([
      { name: 'Ban Tuyên giáo Tỉnh ủy', aliases: [], mentions: [[0, 22]] },
      { name: 'Công an tỉnh Sóc Trăng', aliases: [], mentions: [[26, 48]] },
    ]);
  });

  it('understands abbreviations and merges one agency written two ways', () => {
    const body = 'Đại diện Ban Dân vận TƯ phát biểu. Ban Dân vận Trung ương đề nghị tiếp tục phối hợp.';
    const out = agencies(body);
    expect(out).toHaveLength(1);
    expect(out[0]?.name).toBe('Ban Dân vận Trung ương');
    expect(out[0]?.mentions).toEqual([[9, 23], [35, 57]]);
  });

  it('keeps the central level of a mass organisation and numbered steering boards', () => {
    expect(names('Đại diện TƯ Hội Cựu chiến binh Việt Nam; Ban Chỉ đạo 389 tỉnh; Ban chỉ đạo 35 Bộ Quốc phòng.')).toEqual([
      'TƯ Hội Cựu chiến binh Việt Nam',
      'Ban Chỉ đạo 389 tỉnh',
      'Ban chỉ đạo 35',
      'Bộ Quốc phòng',
    ]);
  });

  it('stops before verbs, places and person names', () => {
    expect(names('Công an Lào Cai tập trung lực lượng. Chủ tịch Hội Nông dân Việt Nam Lê Văn Tâm cho biết.')).toEqual([
      'Công an Lào Cai',
      'Hội Nông dân Việt Nam',
    ]);
  });

  it('reads `và` inside a name and a defined abbreviation as an alias', () => {
    const body = 'Sở Tài nguyên và Môi trường (TN-MT) chủ trì. Sở TN-MT sẽ báo cáo.';
    const out = agencies(body);
    expect(out[0]?.name).toBe('Sở Tài nguyên và Môi trường');
    expect(out[0]?.aliases).toEqual(['TN-MT']);
    expect(out[0]?.mentions.map(([s, e]) => body.slice(s, e))).toContain('TN-MT');
  });

  it('reports the host police of a Party committee or association as an agency too', () => {
    expect(names('Thường vụ Đảng ủy Công an tỉnh Kiên Giang họp.')).toEqual([
      'Đảng ủy Công an tỉnh Kiên Giang',
      'Công an tỉnh Kiên Giang',
    ]);
  });

  it('leaves out generic, plural and force-wide references and events', () => {
    expect(
      names('Công an các đơn vị, địa phương; lực lượng Công an nhân dân; Hội thảo chuyên đề; Công an xã, phường; ban tuyên giáo các huyện.'),
    ).toEqual([]);
  });

  it('does not report a bare committee named only in a membership title', () => {
    expect(names('Thiếu tướng Hồ Văn Năm, Phó Bí thư Đảng ủy, Giám đốc Công an tỉnh dự.')).toEqual(['Công an tỉnh']);
  });

  it('groups an agency with the abbreviation the article defines for it', () => {
    const body = 'Hội Liên hiệp Phụ nữ (LHPN) tỉnh chủ trì. Sau đó Hội LHPN tỉnh báo cáo kết quả.';
    expect(agencies(body)).toEqual([
      { name: 'Hội Liên hiệp Phụ nữ tỉnh', aliases: ['LHPN'], mentions: [[0, 32], [49, 62]] },
    ]);
  });

  it('does not read an agency out of a document number', () => {
    expect(names('Thực hiện Kế hoạch số 86/KH-UBND ngày 15/4/2022 của UBND tỉnh.')).toEqual(['UBND tỉnh']);
  });

  it('keeps a police unit code whose digits are glued to its letters', () => {
    expect(names('Phòng PC06 và Đội CSGT số 2 phối hợp với Công an huyện Đông Anh.')).toEqual([
      'Phòng PC06',
      'Đội CSGT',
      'Công an huyện Đông Anh',
    ]);
  });

  it('reads Youth Union committees and a parallel name joined by `và`', () => {
    expect(names('Tỉnh đoàn Hưng Yên phối hợp với Phòng Công tác đảng và công tác chính trị Công an tỉnh.')).toEqual([
      'Tỉnh đoàn Hưng Yên',
      'Phòng Công tác đảng và công tác chính trị',
      'Công an tỉnh',
    ]);
  });

  it('lets a one-word head take the next head as its holder, once', () => {
    expect(names('Văn phòng Bộ Công an, Bộ Công an Ban Tuyên giáo Trung ương cùng dự.')).toEqual([
      'Văn phòng Bộ Công an',
      'Bộ Công an',
      'Ban Tuyên giáo Trung ương',
    ]);
  });

  it('follows a long lower-case run only when a capitalised word shows the name goes on', () => {
    expect(names('Cục Xây dựng lực lượng bảo vệ an ninh Tổ quốc; Cục Cảnh sát quản lý hành chính về trật tự xã hội.')).toEqual([
      'Cục Xây dựng lực lượng bảo vệ an ninh Tổ quốc',
      'Cục Cảnh sát quản lý hành chính',
    ]);
  });

  it('reads a ward-level body named without its place, but not a list or a count of levels', () => {
    expect(names('Ủy ban MTTQ phường tổ chức lễ ra mắt.')).toEqual(['Ủy ban MTTQ phường']);
    expect(names('Công an xã, phường và thị trấn tham gia; tỉnh có 12 Công an xã chính quy.')).toEqual([]);
  });
});


describe('standalone uses of a defined abbreviation', () => {
  /** The regex standaloneUses replaced, kept as its oracle. */
  const oracle = (text: string, word: string): number[] => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    return [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{M}\\d(])${escaped}(?![\\p{L}\\p{M}\\d)])`, 'gu'))].map((m) => m.index);
  };

  it('finds the free-standing uses only', () => {
    const text = 'MTTQ và (MTTQ) cùng MTTQVN, 2MTTQ, MTTQ-huyện, MTTQ; ĐMTTQ MTTQ';
    expect(standaloneUses(text, 'MTTQ')).toEqual([0, 35, 47, 59]);
    expect(standaloneUses(text, 'MTTQ')).toEqual(oracle(text, 'MTTQ'));
  });

  it('agrees with the regex on random text, astral letters and lone surrogates included', () => {
    const unit = fc.constantFrom('A', 'B', 'Đ', 'a', 'ư', '\u0301', '1', '٣', '(', ')', ' ', '-', '.', '𝐀', '😀', '\ud835', '\udc00');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.constantFrom('AB', 'A', 'ĐA', 'A-B', 'A.B'), (text, word) => {
        expect(standaloneUses(text, word)).toEqual(oracle(text, word));
      }),
      { numRuns: 3000 },
    );
  });
});
