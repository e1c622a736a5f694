/**
 * A deterministic benchmark corpus built from the seed fixtures only: their paragraphs are
 * recombined with a seeded PRNG, and the names, numbers and dates in them are varied, so that
 * every article is distinct while reading like the genre (headline line, 5–15 paragraphs, a
 * photo caption now and then, a byline). Article `i` depends only on (seed, i): the bare-wink
 * baseline regenerates the same texts in memory instead of holding 100k of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../scripts/corpus.js';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pad2 = (n: number): string => String(n).padStart(2, '0');

// Syllable tables for Vietnamese person names (NFC, seed tone style).
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đoàn', 'Trương', 'Đinh', 'Lương'];
const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Ngọc', 'Xuân', 'Hải', 'Duy', 'Công', 'Đình', 'Thu', 'Kim'];
const GIVEN = ['Trung', 'Hà', 'Toàn', 'Sơn', 'Khương', 'Phong', 'Lam', 'Ánh', 'Tùng', 'Mai', 'Hùng', 'Dũng', 'Hòa', 'Bình', 'Long', 'Nam', 'Tuấn', 'Thắng', 'Lợi', 'Quân', 'Hiếu', 'Thảo', 'Hương', 'Linh', 'Cường', 'Vinh', 'Quy', 'Tâm', 'Chung', 'Khoa'];
const PROVINCES = ['Bắc Giang', 'Hà Nội', 'Nghệ An', 'Thanh Hóa', 'Quảng Ninh', 'Hải Phòng', 'Đồng Nai', 'Cần Thơ', 'Lào Cai', 'Phú Thọ', 'Bình Định', 'Đắk Lắk', 'Gia Lai', 'Hà Tĩnh', 'Quảng Nam', 'Thái Bình', 'Nam Định', 'Sơn La', 'Tây Ninh', 'Kiên Giang'];
const HEADLINES = [
  (p: string, y: number) => `${p}: Tăng cường công tác phối hợp giữa ngành Tuyên giáo và ngành Công an năm ${y}`,
  (p: string, y: number) => `Sơ kết chương trình phối hợp công tác năm ${y} giữa Ban Tuyên giáo Tỉnh ủy và Công an tỉnh ${p}`,
  (p: string, y: number) => `Công an ${p} và Ủy ban MTTQ tỉnh ký kết quy chế phối hợp giai đoạn ${y}-${y + 5}`,
  (p: string, y: number) => `Hội nghị giao ban phong trào toàn dân bảo vệ an ninh Tổ quốc khu vực ${p} năm ${y}`,
  (p: string, y: number) => `${p} tổng kết ${y - 2010} năm thực hiện chương trình phối hợp bảo đảm an ninh trật tự`,
];

/** A fresh person name: surname, one or two middle syllables, given name. */
function personName(r: Rand): string {
  const mid = r() < 0.3 ? `${pick(r, MIDDLES)} ${pick(r, MIDDLES)}` : pick(r, MIDDLES);
  return `${pick(r, SURNAMES)} ${mid} ${pick(r, GIVEN)}`;
}

export interface Pools {
  readonly paragraphs: readonly string[];
  readonly captions: readonly string[];
}

/** Paragraph and caption pools from the seed files (long lines; short sentence-like lines). */
export function loadPools(seedDir: string): Pools {
  const paragraphs: string[] = [];
  const captions: string[] = [];
  for (const f of readdirSync(seedDir).filter((n) => n.endsWith('.txt')).sort()) {
    for (const raw of readFileSync(join(seedDir, f), 'utf8').normalize('NFC').split('\n')) {
      const line = raw.trim();
      if (line.length >= 80) paragraphs.push(line);
      // A caption is a short sentence about the photo; menus and bylines have no full stop.
      else if (line.length >= 20 && line.endsWith('.')) captions.push(line);
    }
  }
  if (paragraphs.length < 15) throw new Error(`too few seed paragraphs in ${seedDir}`);
  return { paragraphs, captions };
}

// A rank or `đồng chí` followed by a name (2–4 capitalised syllables): the name is replaced.
const NAME_AFTER = /((?:Đại|Thượng|Trung|Thiếu)\s(?:tướng|tá|úy)|[Đđ]ồng chí)((?:\s\p{Lu}\p{Ll}*){2,4})/gu;
// Dates first (dd/mm/yyyy, dd/mm), then years, then any other number (document numbers too).
const NUMBERISH = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b|\b(\d{1,2})\/(\d{1,2})\b(?!\/)|\b((?:19|20)\d\d)\b|\d+/gu;

/** Vary names (consistently within the article), dates, years and numbers of one paragraph. */
function vary(r: Rand, text: string, names: Map<string, string>, year: number): string {
  const withNames = text.replace(NAME_AFTER, (_m, head: string, name: string) => {
    const key = name.trim();
    let fresh = names.get(key);
    if (!fresh) {
      fresh = personName(r);
      names.set(key, fresh);
    }
    return `${head} ${fresh}`;
  });
  return withNames.replace(NUMBERISH, (m, d1?: string, _m1?: string, y1?: string, d2?: string, _m2?: string, yy?: string) => {
    if (d1 !== undefined && y1 !== undefined) return `${int(r, 1, 28)}/${int(r, 1, 12)}/${year - int(r, 0, 1)}`;
    if (d2 !== undefined) return `${int(r, 1, 28)}/${int(r, 1, 12)}`;
    // Shift every year of the article by the same amount: ranges (`2016 - 2020`) stay ranges.
    if (yy !== undefined) return String(Number(yy) + year - 2018);
    // Same number of digits, no leading zero unless the original had one (`09/CTR`).
    let out = m[0] === '0' ? '0' : String(int(r, 1, 9));
    for (let k = 1; k < m.length; k++) out += String(int(r, 0, 9));
    return out;
  });
}

/** Article `i` of the corpus with this seed: text and a relative path (nested by 1000s). */
export function article(pools: Pools, seed: number, i: number): { rel: string; text: string } {
  const r = prng(Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b));
  const year = int(r, 2012, 2024);
  const names = new Map<string, string>();
  const lines: string[] = [pick(r, HEADLINES)(pick(r, PROVINCES), year)];
  if (r() < 0.5) lines.push(`${int(r, 1, 28)}/${pad2(int(r, 1, 12))}/${year} | ${pad2(int(r, 6, 21))}:${pad2(int(r, 0, 59))}`);
  const n = int(r, 5, 15);
  const used = new Set<number>();
  while (used.size < n) used.add(Math.floor(r() * pools.paragraphs.length));
  for (const k of used) {
    lines.push(vary(r, pools.paragraphs[k]!, names, year));
    if (pools.captions.length > 0 && r() < 0.12) lines.push(vary(r, pick(r, pools.captions), names, year));
  }
  const by = `${pick(r, MIDDLES)} ${pick(r, GIVEN)}`;
  lines.push(by);
  const dir = String(Math.floor(i / 1000)).padStart(3, '0');
  return { rel: join(dir, `a${String(i).padStart(6, '0')}.txt`), text: `${lines.join('\n\n')}\n` };
}
