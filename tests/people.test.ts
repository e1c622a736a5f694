import { describe, expect, it } from 'vitest';
import { extractEntities } from '../extractors/index.js';

const run = (body: string, authors: string[] = []) => extractEntities({ body, publicationYear: 2023, authors });
const person = (body: string, name: string) => run(body).people.find((p) => p.name === name);

describe('people: rank, name and titles (SPEC §2)', () => {
  it('reads rank + name + title chain with its agency, and exact offsets', () => {
    const body = 'Đại tá Trần Minh Khoa, Phó Giám đốc Công an tỉnh Hà Giang, chủ trì buổi làm việc.';
    const p = person(body, 'Trần Minh Khoa');
    expect(p).toEqual({
      name: 'Trần Minh Khoa',
      rank: 'Đại tá',
      titles: ['Phó Giám đốc'],
      agencies: ['Công an tỉnh Hà Giang'],
      mentions: [[7, 21]],
    });
    expect(body.slice(7, 21)).toBe('Trần Minh Khoa');
  });

  it('accepts a lower-case rank and a title before the name', () => {
    const p = person('Dự lễ có thiếu tá Lê Thị Hồng Nhung, Đội trưởng Đội Cảnh sát giao thông.', 'Lê Thị Hồng Nhung');
    expect(p?.rank).toBe('Thiếu tá');
    expect(p?.titles).toEqual(['Đội trưởng']);
  });

  it('merges later mentions of one person, keeping rank and every title', () => {
    const body =
      'Thượng tướng Võ Văn Bình, Thứ trưởng Bộ Công an dự hội nghị. Sau đó, Thứ trưởng Võ Văn Bình trao cờ thi đua.';
    const people = run(body).people;
    expect(people).toHaveLength(1);
    expect(people[0]?.rank).toBe('Thượng tướng');
    expect(people[0]?.titles).toEqual(['Thứ trưởng']);
    expect(people[0]?.mentions.map(([s, e]) => body.slice(s, e))).toEqual(['Võ Văn Bình', 'Võ Văn Bình']);
  });

  it('gives each person of a list their own title', () => {
    const body =
      'Tham dự có các đồng chí: Hà Văn Tuấn, Phó trưởng Ban Dân vận Tỉnh ủy; Đinh Thị Mai, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.';
    const people = run(body).people;
    expect(people.map((p) => [p.name, p.titles])).toEqual([
      ['Hà Văn Tuấn', ['Phó trưởng Ban']],
      ['Đinh Thị Mai', ['Phó Chủ tịch']],
    ]);
  });

  it('keeps Party membership titles with their committee, and head titles bare', () => {
    const p = person(
      'Đồng chí Phan Quốc Việt, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch UBND tỉnh phát biểu.',
      'Phan Quốc Việt',
    );
    expect(p?.titles).toEqual(['Ủy viên Ban Thường vụ Tỉnh ủy', 'Chủ tịch']);
    expect(p?.agencies).toEqual(['Tỉnh ủy', 'UBND tỉnh']);
  });

  it('completes Trưởng/Phó Trưởng with the unit it heads', () => {
    expect(person('Trung tá Vũ Đức Long, Phó Trưởng Công an huyện Mai Sơn báo cáo.', 'Vũ Đức Long')?.titles).toEqual([
      'Phó Trưởng Công an huyện',
    ]);
    expect(person('Trưởng Ban Tuyên giáo Huyện ủy Lâm Văn Hải khẳng định.', 'Lâm Văn Hải')?.titles).toEqual(['Trưởng Ban']);
  });

  it('drops `Nguyên` (former) from a title and follows an appointment verb', () => {
    const p = person('Đại tá Lò Văn Sáng - nguyên Phó Giám đốc Công an tỉnh được bầu làm Chủ tịch Hội.', 'Lò Văn Sáng');
    expect(p?.titles).toEqual(['Phó Giám đốc', 'Chủ tịch']);
  });

  it('does not take names inside organisations or places, authors, or the generic đồng chí', () => {
    const out = run('Đoàn TNCS Hồ Chí Minh và Công an TP Hồ Chí Minh phối hợp. Các đồng chí đã dự. Ảnh: Quang Huy', ['Quang Huy']);
    expect(out.people).toEqual([]);
  });

  it('needs context: a capitalised pair alone is not a person', () => {
    expect(run('Về dự có đại diện Sở Tư pháp và Hội Luật gia.').people).toEqual([]);
  });

  it('gives a title followed by a name to that name, not to the person before it', () => {
    const people = run('Lãnh đạo Bộ Công an: Thứ trưởng Lê Văn Hòa, Thứ trưởng Đào Duy Tùng. Đại tá Mai Văn Hải, Giám đốc, Thượng tá Trần Bình, Phó Giám đốc.').people;
    expect(people.map((p) => [p.name, p.rank, p.titles])).toEqual([
      ['Lê Văn Hòa', null, ['Thứ trưởng']],
      ['Đào Duy Tùng', null, ['Thứ trưởng']],
      ['Mai Văn Hải', 'Đại tá', ['Giám đốc']],
      ['Trần Bình', 'Thượng tá', ['Phó Giám đốc']],
    ]);
  });

  it('never takes a province named before a title for a person', () => {
    expect(run('Tại Hà Nội, Giám đốc Công an thành phố chủ trì. Ở Lâm Đồng, Phó Chủ tịch UBND tỉnh dự.').people).toEqual([]);
  });

  it('always keeps the mention a person was read at (a record needs one)', () => {
    const body = 'Thiếu tướng Nguyễn Văn Kịch Bản Năm phát biểu.';
    const p = run(body).people[0];
    expect(p?.mentions.length).toBeGreaterThan(0);
    for (const [s, e] of p?.mentions ?? []) expect(body.slice(s, e)).toBe(p?.name);
  });
});

