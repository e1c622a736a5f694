/**
 * Legacy Vietnamese encodings (issue 5): tables, the syllable validator, detection, the
 * decode stage's choices, Unicode variants, and the seeds in every encoding through the CLI.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8 } from '../pipeline/decode.js';
import {
  asciiPunctuation,
  decodeLegacy,
  encodeLegacy,
  isVietnameseSyllable,
  LEGACY_ENCODINGS,
  rankEncodings,
  type EncodeOptions,
  type LegacyEncoding,
} from '../pipeline/encodings/index.js';
import { TCVN3_HIGH } from '../pipeline/encodings/tables.js';
import { repairTcvn3Capitals } from '../pipeline/encodings/tcvn3-case.js';
import { processFile } from '../pipeline/process.js';
import { seedToneStyle } from '../extractors/text.js';
import type { RawFile } from '../pipeline/types.js';
import type { ArticleRecord } from '../schemas/article.js';
import { cli, query, SEEDS, tempDir } from './helpers.js';

const LOWER = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
const ALL_LETTERS = LOWER + LOWER.toUpperCase();
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedText = (f: string): string => readFileSync(join(SEEDS, f), 'utf8');

const raw = (bytes: Uint8Array | string, format: 'text' | 'html' = 'text'): RawFile => ({
  source: `/x/a.${format === 'html' ? 'html' : 'txt'}`,
  format,
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
  rawHash: '0'.repeat(64),
});

function decodedText(bytes: Uint8Array, format: 'text' | 'html' = 'text', encoding?: string): { encoding: string; text: string } {
  const r = decode(raw(bytes, format), { lossy: false, encoding });
  if (!r.ok) throw new Error(r.reason);
  return { encoding: r.article.encoding, text: r.article.text };
}

describe('tables', () => {
  it('TCVN3 0xA0–0xFF is TCVN 5712 as iconv-lite has it; 0x80–0x9F is Windows-1252 punctuation', () => {
    const high = Uint8Array.from({ length: 96 }, (_v, i) => 0xa0 + i);
    expect(decodeLegacy(high, 'tcvn3')).toBe(iconv.decode(Buffer.from(high), 'tcvn'));
    expect([...TCVN3_HIGH]).toHaveLength(96);
    expect(decodeLegacy(Uint8Array.from([0x93, 0x85, 0x94, 0x96]), 'tcvn3')).toBe('“…”–');
    // VN1 (what iconv-lite's `tcvn` is) reads the same bytes as capitals.
    expect(decodeLegacy(Uint8Array.from([0x93, 0x85, 0x94, 0x96]), 'tcvn5712-1')).toBe('ỎẶÕỌ');
  });

  it('VNI-Windows spells letters as base + diacritic byte', () => {
    const vni = Buffer.from('Tröôøng Ñaïi hoïc Quoác gia Vieät Nam, nöôùc, ngöôøi, Ñaëng, khuyeán, ñöôïc, tæ, ó, yù', 'latin1');
    expect(decodeLegacy(vni, 'vni-windows').normalize('NFC')).toBe('Trường Đại học Quốc gia Việt Nam, nước, người, Đặng, khuyến, được, tỉ, ĩ, ý');
    expect(Buffer.from(encodeLegacy('Ấp Bắc, Nguyễn Ái Quốc', 'vni-windows')).toString('latin1')).toBe('AÁp Baéc, Nguyeãn AÙi Quoác');
  });

  const variants: [LegacyEncoding, EncodeOptions][] = [
    ['windows-1258', {}],
    ['windows-1258', { cp1258: 'decomposed' }],
    ['viscii', {}],
    ['tcvn3', {}],
    ['vni-windows', {}],
    ['tcvn5712-1', {}],
  ];
  for (const [enc, opts] of variants)
    it(`every letter round-trips through ${enc} ${JSON.stringify(opts)}`, () => {
      expect(decodeLegacy(encodeLegacy(ALL_LETTERS, enc, opts), enc).normalize('NFC')).toBe(ALL_LETTERS);
    });

  it('Windows-1258 decomposed writes every tone as a combining byte', () => {
    expect([...encodeLegacy('Hà Nội', 'windows-1258', { cp1258: 'decomposed' })]).toEqual([0x48, 0x61, 0xcc, 0x20, 0x4e, 0xf4, 0xf2, 0x69]);
    expect([...encodeLegacy('Hà Nội', 'windows-1258')]).toEqual([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]);
  });

  it('TCVN3 as ABC writes it (H font): toned capitals come out as the lower-case codes', () => {
    const b = encodeLegacy('Ủy ban', 'tcvn3', { tcvn3Capitals: 'h-font' });
    expect(decodeLegacy(b, 'tcvn3')).toBe('ủy ban');
  });
});

describe('isVietnameseSyllable', () => {
  const good = ['người', 'Nguyễn', 'NGUYỄN', 'quốc', 'giữ', 'gì', 'khuyến', 'hoà', 'hòa', 'thuỷ', 'thủy', 'Đắk', 'ghế', 'nghĩa', 'khuỷu', 'thuở', 'oanh', 'yêu', 'ươn'.normalize('NFD')];
  const bad = ['Vieät', 'Ñaïi', 'kà', 'ngiã', 'ghà', 'cát\u0301', 'tat', 'hàt', 'chĩt', 'ă', 'ươ', 'haụ', 'xiê', 'N®i', 'Müller', 'José', 'fé', 'ĐBSCL'];
  for (const w of good) it(`${w} is a syllable`, () => expect(isVietnameseSyllable(w)).toBe(true));
  for (const w of bad) it(`${w} is not`, () => expect(isVietnameseSyllable(w)).toBe(false));
});

describe('detection', () => {
  const shortTexts = ['Đại tá Nguyễn Văn Hùng', 'Ủy ban nhân dân tỉnh', 'Quyết định số 12/QĐ-UBND', 'Sở Tư pháp', 'Bà Rịa - Vũng Tàu', 'Cảm ơn bạn đọc'];
  for (const enc of ['windows-1258', 'viscii', 'tcvn3', 'vni-windows'] as const)
    for (const t of shortTexts)
      it(`${enc}: "${t}"`, () => {
        const r = decodedText(encodeLegacy(t, enc));
        expect(r.text).toBe(t);
        // Windows-1258 and VISCII share the Latin-1 letters: when both read the same, either is right.
        if (decodeLegacy(encodeLegacy(t, enc), 'windows-1258').normalize('NFC') !== decodeLegacy(encodeLegacy(t, enc), 'viscii').normalize('NFC'))
          expect(r.encoding).toBe(enc);
      });

  it('ranks every candidate with its share of valid syllables', () => {
    const ranked = rankEncodings(encodeLegacy('Trường Đại học Việt Nam', 'vni-windows'));
    expect(ranked[0]).toEqual({ encoding: 'vni-windows', share: 1, valid: 4, counted: 4 });
    expect(ranked.map((c) => c.encoding).sort()).toEqual(['tcvn3', 'viscii', 'vni-windows', 'windows-1258']);
  });

  it('random bytes are rejected with the first bad byte and the best candidate', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 255;
    const bytes = Uint8Array.from({ length: 400 }, () => 1 + rnd());
    const r = decode(raw(bytes), { lossy: false });
    expect(r).toMatchObject({ ok: false, stage: 'decode', rule: 'not-utf8' });
    if (r.ok) return;
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at]!.toString(16).toUpperCase();
    expect(r.reason).toMatch(new RegExp(`^not valid UTF-8 \\(invalid byte 0x${byte} at offset ${at}\\) and no legacy Vietnamese encoding fits \\(best: (tcvn3|vni-windows|windows-1258|viscii), \\d{1,2}% valid syllables\\)$`, 'u'));
  });

  it('French in Windows-1252 is not taken for Vietnamese', () => {
    const fr = iconv.encode('Le ministère a publié un décret sur la sécurité routière à Genève.', 'windows1252');
    const r = decode(raw(fr), { lossy: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('not valid UTF-8 (invalid byte 0xE8 at offset 9) and no legacy Vietnamese encoding fits (best: tcvn3, 14% valid syllables)');
  });

  it('--lossy still reads an undecodable file as UTF-8, with the reason as a warning', () => {
    const r = decode(raw(Uint8Array.from([0x41, 0xff, 0x42])), { lossy: true });
    expect(r.ok && r.article.encoding).toBe('utf-8');
    expect(r.ok && r.article.messages[0]?.rule).toBe('lossy-utf8');
  });
});

describe('decode choices', () => {
  it('valid UTF-8 wins over a declared legacy charset (pages re-saved as UTF-8 keep their meta)', () => {
    const r = decodedText(new TextEncoder().encode('<meta charset="windows-1258"><p>Hà Nội</p>'), 'html');
    expect(r).toEqual({ encoding: 'utf-8', text: '<meta charset="windows-1258"><p>Hà Nội</p>' });
  });

  it('honours <meta charset> and the http-equiv form when the bytes are not UTF-8', () => {
    // `Xin chào` reads the same in four encodings; the page says which one it is.
    for (const [meta, enc] of [
      ['<meta charset="VISCII">', 'viscii'],
      ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', 'windows-1258'],
    ] as const) {
      const bytes = Buffer.concat([Buffer.from(`<html><head>${meta}</head><body><p>`), Buffer.from(encodeLegacy('Xin chào', enc)), Buffer.from('</p></body></html>')]);
      expect(decodedText(bytes, 'html')).toEqual({ encoding: enc, text: `<html><head>${meta}</head><body><p>Xin chào</p></body></html>` });
    }
  });

  it('a page declaring one charset but set in a VNI font is read as VNI, with a warning', () => {
    const body = encodeLegacy('Đại tá Nguyễn Văn Hùng, Giám đốc Công an tỉnh, phát biểu tại hội nghị tổng kết công tác năm.', 'vni-windows');
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1258"><p>'), Buffer.from(body), Buffer.from('</p>')]);
    const r = decode(raw(bytes, 'html'), { lossy: false });
    expect(r.ok && r.article.encoding).toBe('vni-windows');
    expect(r.ok && r.article.messages.map((m) => m.rule)).toEqual(['charset-mismatch']);
  });

  it('--encoding overrides detection; an unknown name is refused', () => {
    const bytes = encodeLegacy('Sở Tư pháp', 'tcvn3');
    expect(decodedText(bytes, 'text', 'viscii')).toEqual({ encoding: 'viscii', text: 'Sẻ Tễ phịp' });
    expect(decodedText(bytes, 'text', 'ABC')).toEqual({ encoding: 'tcvn3', text: 'Sở Tư pháp' });
    expect(decode(raw(bytes), { lossy: false, encoding: 'klingon' })).toMatchObject({ ok: false, rule: 'unknown-encoding', reason: "unknown encoding 'klingon'" });
  });

  it('UTF-16 with a byte-order mark (Windows "Unicode" text)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Công an tỉnh\r\n', 'utf16le')]);
    expect(decodedText(le)).toEqual({ encoding: 'utf-16le', text: 'Công an tỉnh\n' });
  });
});

describe('TCVN3 capitals (ABC has none: H fonts draw them)', () => {
  it('restores capitals in all-capital words and at sentence starts; a mid-sentence capital stays lower', () => {
    const abc = encodeLegacy('ẢNH: NGUYỄN HỒ. Ủy ban họp. Phó Chủ tịch Ủy ban, TP Hồ Chí Minh.', 'tcvn3', { tcvn3Capitals: 'h-font' });
    expect(decodedText(abc).text).toBe('ẢNH: NGUYỄN HỒ. Ủy ban họp. Phó Chủ tịch ủy ban, TP Hồ Chí Minh.');
  });

  it('upper-cases the text of elements set in an H font', () => {
    const html = '<p>Tin <font face=".VnTimeH">ñy ban &nbsp;<b>nh©n</b></font> d©n</p>';
    expect(repairTcvn3Capitals(decodeLegacy(Buffer.from(html, 'latin1'), 'tcvn3'), 'html')).toBe('<p>Tin <font face=".VnTimeH">ỦY BAN &nbsp;<b>NHÂN</b></font> dân</p>');
  });
});

/** An article record with what legitimately differs between copies of one text removed. */
function entitiesOf(rec: ArticleRecord): unknown {
  const { body: _b, id: _i, source: _s, ...rest } = rec as ArticleRecord & { id: string; source: string };
  return JSON.parse(JSON.stringify(rest, (k, v: unknown) => (k === 'text' || k === 'ingestedAt' || k === 'encoding' ? undefined : v)));
}

function processed(text: string | Uint8Array): ArticleRecord {
  const r = processFile(raw(text), { lossy: false });
  if (!r.ok) throw new Error(r.reason);
  return r.record;
}

describe('Unicode variants of a seed extract the same entities, offsets into the stored body', () => {
  const oldToneStyle = (t: string): string =>
    t.replace(/\p{L}+/gu, (w) => {
      const m = /^(.*?)([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])$/u.exec(w.normalize('NFD'));
      if (!m || /[qQ]$/u.test(m[1]!) || /[aeiouyâăêôơư]/iu.test(m[1]!.normalize('NFC'))) return w;
      return (m[1]! + m[2]! + m[4]! + m[3]!).normalize('NFC');
    });
  for (const f of seeds) {
    it(f, () => {
      const t = seedText(f);
      const base = processed(t);
      const same = (variant: string | Uint8Array): void => {
        const rec = processed(variant);
        expect(rec.body).toBe(base.body);
        expect(entitiesOf(rec)).toEqual(entitiesOf(base));
      };
      same(t.normalize('NFD'));
      same(t.replace(/\n/gu, '\r\n'));
      same(t.replace(/\n/gu, '\r'));
      same(t.replace(/(\p{L}{3})(\p{L})/gu, '$1\u200b$2').replace(/ /gu, (s, i: number) => (i % 5 === 0 ? '\u2060 ' : s)));
      // NBSP and the other tone style change the body's characters, never its length.
      for (const variant of [t.replace(/ /gu, '\u00a0'), oldToneStyle(t)]) {
        const rec = processed(variant);
        expect(rec.body.length).toBe(base.body.length);
        // The title is text from the body, in the body's tone style.
        expect(entitiesOf({ ...rec, title: rec.title === null ? null : seedToneStyle(rec.title) })).toEqual(entitiesOf(base));
      }
      expect(oldToneStyle(t)).not.toBe(t);
    });
  }
});

describe('the seeds in every encoding ingest to the records of the UTF-8 originals (CLI)', () => {
  const t = tempDir();
  const variants: [string, LegacyEncoding, EncodeOptions][] = [
    ['cp1258', 'windows-1258', {}],
    ['cp1258d', 'windows-1258', { cp1258: 'decomposed' }],
    ['viscii', 'viscii', {}],
    ['tcvn3', 'tcvn3', {}],
    ['vni', 'vni-windows', {}],
  ];
  type Exported = ArticleRecord & { source: string; encoding: string };
  /** Ingest a folder into its own database (identical bodies would be one article), export it. */
  const ingestExport = (name: string, files: [string, string | Uint8Array][]): Map<string, Exported> => {
    const dir = join(t.dir, name);
    mkdirSync(dir);
    for (const [f, content] of files) writeFileSync(join(dir, f), content);
    const db = join(t.dir, `${name}.sqlite`);
    const r = cli(['ingest', dir, '--db', db, '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const enc = new Map(query<{ source: string; encoding: string }>(db, 'SELECT source, encoding FROM articles').map((x) => [x.source, x.encoding]));
    const recs = cli(['export', '--db', db]).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Exported);
    return new Map(recs.map((x) => [x.source.split('/').pop()!, { ...x, encoding: enc.get(x.source)! }]));
  };
  const legacy = new Map<string, Map<string, Exported>>();
  const ref = new Map<string, Map<string, Exported>>();

  beforeAll(() => {
    ref.set('utf8', ingestExport('utf8', seeds.map((f) => [f, seedText(f)])));
    // What VISCII can hold: it has no room for “”, – or NBSP, which converters write in ASCII.
    ref.set('viscii', ingestExport('utf8-viscii', seeds.map((f) => [f, asciiPunctuation(seedText(f))])));
    for (const [tag, enc, opts] of variants) legacy.set(tag, ingestExport(tag, seeds.map((f) => [f, encodeLegacy(seedText(f), enc, opts)])));
  }, 120_000);
  afterAll(t.cleanup);

  for (const f of seeds)
    for (const [tag, enc] of variants) {
      it(`${f} in ${tag}: same body and entities, encoding ${enc} recorded`, () => {
        const a = legacy.get(tag)!.get(f)!;
        const b = ref.get(tag === 'viscii' ? 'viscii' : 'utf8')!.get(f)!;
        expect(a.body).toBe(b.body);
        expect(entitiesOf(a)).toEqual(entitiesOf(b));
        expect(a.encoding).toBe(enc);
        expect(b.encoding).toBe('utf-8');
      });
    }

  it('only VISCII changed the text (punctuation it cannot hold)', () => {
    for (const f of seeds) for (const enc of LEGACY_ENCODINGS.filter((e) => e !== 'viscii' && e !== 'tcvn5712-1'))
      expect(decodeLegacy(encodeLegacy(seedText(f), enc), enc).normalize('NFC').replace(/\r/gu, '')).toBe(seedText(f).replace(/\r/gu, ''));
  });

  it('--encoding on the command line: refused when unknown, obeyed when known', () => {
    const one = join(t.dir, 'vni', seeds[0]!);
    const bad = cli(['ingest', one, '--db', join(t.dir, 'x.sqlite'), '--encoding', 'klingon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`vnextract: unknown --encoding 'klingon' (known: utf-8, utf-16le, utf-16be, windows-1258, viscii, tcvn3, vni-windows, tcvn5712-1)\n`);
    // A name of an Object.prototype member is just another unknown label.
    const proto = cli(['ingest', one, '--db', join(t.dir, 'x.sqlite'), '--encoding', 'constructor']);
    expect(proto.code).toBe(1);
    expect(proto.stderr).toMatch(/^vnextract: unknown --encoding 'constructor' \(known: /u);
    const db = join(t.dir, 'forced.sqlite');
    expect(cli(['ingest', one, '--db', db, '--encoding', 'VNI']).code).toBe(0);
    expect(query(db, 'SELECT encoding FROM articles')).toEqual([{ encoding: 'vni-windows' }]);
  });
});
