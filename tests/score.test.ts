import { describe, expect, it } from 'vitest';
import type { GoldArticle } from '../schemas/gold.js';
import {
  aggregate,
  countKey,
  documentKey,
  documentNumberKey,
  expandAbbreviations,
  formatMiss,
  nameKey,
  prf,
  scoreArticle,
  titlesMatch,
  type Prediction,
} from '../pipeline/score.js';

const noOptional = { people: [], agencies: [], documents: [], dates: [], counts: [] };

function gold(partial: Partial<GoldArticle>): GoldArticle {
  return {
    article: 'x001',
    title: null,
    publishedAt: null,
    authors: [],
    people: [],
    agencies: [],
    documents: [],
    dates: [],
    counts: [],
    optional: noOptional,
    ...partial,
  };
}

function pred(partial: Partial<Prediction>): Prediction {
  return { title: null, publishedAt: null, authors: [], people: [], agencies: [], documents: [], dates: [], counts: [], ...partial };
}

const agency = (name: string): { name: string } => ({ name });

describe('keys', () => {
  it('expands agency abbreviations as whole tokens only', () => {
    expect(nameKey('Ban Dân vận TƯ')).toBe(nameKey('Ban Dân vận Trung ương'));
    expect(nameKey('Ủy ban TƯ MTTQ Việt Nam')).toBe(nameKey('Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'));
    expect(nameKey('Tổng cục Chính trị CAND')).toBe(nameKey('Tổng cục Chính trị Công an nhân dân'));
    expect(nameKey('Công an TP.Hà Nội')).toBe(nameKey('Công an Thành phố Hà Nội'));
    expect(nameKey('Ban Chấp hành T.Ư Đoàn TNCS Hồ Chí Minh')).toBe(nameKey('Ban Chấp hành Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh'));
    expect(nameKey('UBND tỉnh')).toBe(nameKey('Ủy ban nhân dân tỉnh'));
    expect(nameKey('HĐND huyện')).toBe(nameKey('Hội đồng nhân dân huyện'));
    // `Tư` in `Sở Tư pháp` is a word, not the abbreviation.
    expect(expandAbbreviations('Sở Tư pháp')).toBe('Sở Tư pháp');
    expect(nameKey('Sở Tư pháp')).not.toBe(nameKey('Sở Trung ương pháp'));
    // Inside a longer token nothing is expanded.
    expect(expandAbbreviations('BTGTW')).toBe('BTGTW');
  });

  it('folds tone style and case', () => {
    expect(nameKey('Ủy ban nhân dân')).toBe(nameKey('uỷ ban nhân dân'));
    expect(nameKey('Công An tỉnh')).toBe(nameKey('Công an tỉnh'));
  });

  it('normalises document numbers (whitespace, hyphens, periods, case)', () => {
    expect(documentNumberKey('09 CT/TW')).toBe('09ct/tw');
    expect(documentNumberKey('09CT/TW')).toBe('09ct/tw');
    expect(documentNumberKey('09-CT/TW')).toBe('09ct/tw');
    expect(documentNumberKey('09/CTR- BCA- BTGTW')).toBe(documentNumberKey('09/CTr-BCA-BTGTW'));
    expect(documentNumberKey('12.2020')).toBe('122020');
    expect(documentKey({ type: 'Chỉ thị', number: '05' })).not.toBe(documentKey({ type: 'Kết luận', number: '05' }));
  });

  it('keys counts by value and the first syllable of the unit', () => {
    expect(countKey({ value: 24, unit: 'tập thể và cá nhân' })).toBe(countKey({ value: 24, unit: 'Tập thể' }));
    expect(countKey({ value: 1000, unit: 'tin, bài' })).toBe('1000|tin');
    expect(countKey({ value: 24, unit: 'tập thể' })).not.toBe(countKey({ value: 25, unit: 'tập thể' }));
  });

  it('matches titles by whole-syllable prefix of at least two syllables', () => {
    expect(titlesMatch('Phó Trưởng ban', 'Phó Trưởng ban')).toBe(true);
    expect(titlesMatch('Phó trưởng Ban', 'Phó Trưởng ban')).toBe(true);
    expect(titlesMatch('Ủy viên Ban Thường vụ', 'Ủy viên Ban Thường vụ Tỉnh ủy')).toBe(true);
    expect(titlesMatch('Phó Trưởng ban Tuyên giáo', 'Phó Trưởng ban')).toBe(true);
    expect(titlesMatch('Phó', 'Phó Giám đốc')).toBe(false);
    // Not whole syllables: `Phó Giám` is a prefix of `Phó Giám đốc` (ok) but `Phó Gi` is not.
    expect(titlesMatch('Phó Gi', 'Phó Giám đốc')).toBe(false);
    expect(titlesMatch('Giám đốc', 'Phó Giám đốc')).toBe(false);
    // Press abbreviations of titles match their expansions (SPEC §7a).
    expect(titlesMatch('PGĐ', 'Phó Giám đốc')).toBe(true);
    expect(titlesMatch('UVTV Tỉnh ủy', 'Ủy viên Ban Thường vụ Tỉnh ủy')).toBe(true);
  });
});

describe('prf', () => {
  it('computes exact values and handles empty sets', () => {
    expect(prf({ tp: 2, fp: 1, fn: 1 })).toEqual({ p: 2 / 3, r: 2 / 3, f1: 2 / 3 });
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ p: 1, r: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toEqual({ p: 0, r: 0, f1: 0 });
    expect(prf({ tp: 3, fp: 1, fn: 0 })).toEqual({ p: 0.75, r: 1, f1: 2 * 0.75 / 1.75 });
  });
});

describe('scoreArticle', () => {
  it('scores agencies as sets with abbreviation expansion and optional items', () => {
    const g = gold({
      agencies: ['Ban Dân vận Trung ương', 'Bộ Công an', 'Sở Tư pháp'],
      optional: { ...noOptional, agencies: ['Công an nhân dân'] },
    });
    const p = pred({ agencies: ['Ban Dân vận TƯ', 'Bộ Công an', 'CAND', 'Tỉnh đoàn', 'Bộ công an'].map(agency) });
    const s = scoreArticle(g, p);
    // CAND is optional: neither TP nor FP. `Bộ công an` duplicates `Bộ Công an` (a set).
    expect(s.tallies.agencies).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.misses.filter((m) => m.field === 'agencies').map(formatMiss)).toEqual([
      'x001 agencies FP "Tỉnh đoàn"',
      'x001 agencies FN "Sở Tư pháp"',
    ]);
  });

  it('never counts optional gold items as misses', () => {
    const g = gold({ dates: ['2018-11-26'], optional: { ...noOptional, dates: ['2018-11-27T08:12'] } });
    const s = scoreArticle(g, pred({ dates: [{ value: '2018-11-26' }] }));
    expect(s.tallies.dates).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('scores documents by type and normalised number', () => {
    const g = gold({ documents: [{ type: 'Chương trình', number: '09/CTR-BCA-BTGTW' }, { type: 'Chỉ thị', number: '16-CT/TW' }] });
    const p = pred({ documents: [{ type: 'Chương trình', number: '09/CTr-BCA-BTGTW' }, { type: 'Chỉ thị', number: '16CT/TW' }, { type: 'Kế hoạch', number: '16-CT/TW' }] });
    expect(scoreArticle(g, p).tallies.documents).toEqual({ tp: 2, fp: 1, fn: 0 });
  });

  it('scores people, rank pairs and title pairs', () => {
    const g = gold({
      people: [
        { name: 'Lê Văn Hòa', rank: 'Đại tá', titles: ['Phó Giám đốc'] },
        { name: 'Trần Thị Mai', rank: null, titles: ['Phó Trưởng ban', 'Ủy viên Ban Thường vụ Tỉnh ủy'] },
      ],
      optional: { ...noOptional, people: ['Hồ Chí Minh'] },
    });
    const p = pred({
      people: [
        // Other tone style: same person. Title given with its agency: prefix rule matches.
        { name: 'Lê Văn Hoà', rank: 'Đại tá', titles: ['Phó Giám đốc Công an tỉnh'] },
        // Wrong rank for a person without one: FP on people.rank.
        { name: 'Trần Thị Mai', rank: 'Thiếu tá', titles: ['Phó Trưởng ban'] },
        // Optional person: ignored everywhere.
        { name: 'Hồ Chí Minh', rank: null, titles: ['Chủ tịch'] },
        { name: 'Nguyễn Văn Ba', rank: null, titles: ['Giám đốc'] },
      ],
    });
    const s = scoreArticle(g, p);
    expect(s.tallies.people).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(s.tallies['people.rank']).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.tallies['people.title']).toEqual({ tp: 2, fp: 1, fn: 1 });
  });

  it('matches each gold title at most once', () => {
    const g = gold({ people: [{ name: 'Lê Văn Hòa', rank: null, titles: ['Phó Giám đốc Công an tỉnh', 'Phó Giám đốc Sở'] }] });
    const p = pred({ people: [{ name: 'Lê Văn Hòa', rank: null, titles: ['Phó Giám đốc Sở', 'Phó Giám đốc'] }] });
    // `Phó Giám đốc` could fit either gold title: the matching still finds two hits.
    expect(scoreArticle(g, p).tallies['people.title']).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('scores metadata: title and publishedAt accuracy, authors as a set', () => {
    const g = gold({ title: 'Sơ kết chương trình phối hợp năm 2018', publishedAt: '2018-11-27T08:12:00+07:00', authors: ['Thanh Tùng', 'Văn Khánh'] });
    const ok = scoreArticle(g, pred({ title: 'sơ kết  chương trình phối hợp năm 2018', publishedAt: '2018-11-27T08:12:00+07:00', authors: ['THANH TÙNG'] }));
    expect(ok.tallies.title).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(ok.tallies.publishedAt).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(ok.tallies.authors).toEqual({ tp: 1, fp: 0, fn: 1 });
    const bad = scoreArticle(g, pred({ title: null, publishedAt: '2018-11-27' }));
    expect(bad.tallies.title).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(bad.tallies.publishedAt).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(bad.misses.map(formatMiss)).toContain('x001 publishedAt WRONG "2018-11-27" expected "2018-11-27T08:12:00+07:00"');
    // null == null is correct.
    expect(scoreArticle(gold({}), pred({})).tallies.title).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('scores counts by value and first unit syllable', () => {
    const g = gold({ counts: [{ value: 24, unit: 'tập thể và cá nhân' }, { value: 2, unit: 'cơ quan' }], optional: { ...noOptional, counts: [{ value: 100, unit: '%' }] } });
    const p = pred({ counts: [{ value: 24, unit: 'tập thể' }, { value: 100, unit: '%' }, { value: 3, unit: 'cơ quan' }] });
    expect(scoreArticle(g, p).tallies.counts).toEqual({ tp: 1, fp: 1, fn: 1 });
  });
});

describe('aggregate', () => {
  it('micro-averages over articles and averages ten fields for macro-F1', () => {
    const a = scoreArticle(gold({ article: 'a', agencies: ['Bộ Công an'] }), pred({ agencies: [agency('Bộ Công an')] }));
    const b = scoreArticle(gold({ article: 'b', agencies: ['Bộ Công an', 'Ban Bí thư', 'Bộ Chính trị'] }), pred({ agencies: [agency('Chính phủ')] }));
    const r = aggregate([a, b]);
    const ag = r.fields.find((f) => f.field === 'agencies');
    expect(ag).toMatchObject({ tp: 1, fp: 1, fn: 3, p: 0.5, r: 0.25 });
    expect(ag?.f1).toBeCloseTo(1 / 3, 12);
    expect(r.fields).toHaveLength(10);
    // Every other field is empty on both sides (perfect), agencies is 1/3.
    expect(r.macroF1).toBeCloseTo((9 + 1 / 3) / 10, 12);
  });
});
