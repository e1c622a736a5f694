/**
 * A synthetic batch of distinct articles for the kill harness and the concurrency tests:
 * paragraphs of the seed articles (fixtures/seeds) recombined, plus one sentence per article
 * with its own person, rank, title, count and date, so every file has a different body and
 * different entities. Deterministic for a given seed, so a failing cycle can be replayed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root, from the TS source (scripts/) or its build (dist/scripts/). */
function findRoot(from: string): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'fixtures'))) return d;
    if (dirname(d) === d) throw new Error(`no project root above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);
export const SEEDS_DIR = join(ROOT, 'fixtures', 'seeds');

/** mulberry32: a tiny seeded PRNG; Math.random cannot be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Hồng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Trung', 'Tuấn', 'Vinh'];
const RANKS = ['Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá', 'Thiếu tướng'];
const TITLES = ['Phó Giám đốc Công an tỉnh', 'Trưởng phòng Tham mưu', 'Phó Trưởng ban Tuyên giáo Tỉnh ủy', 'Chủ tịch Ủy ban MTTQ tỉnh'];
const UNITS = ['cán bộ', 'hội viên', 'tin bài', 'lượt người', 'hộ gia đình'];

/** The seed articles split into paragraphs (blank-line separated), first lines dropped as titles. */
export function seedParagraphs(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(SEEDS_DIR, f), 'utf8').replace(/\r\n?/gu, '\n');
    for (const p of text.split(/\n\s*\n/u).slice(1)) if (p.trim().length > 40) out.push(p.trim());
  }
  return out;
}

/** Article `i` of a corpus: a headline, a unique lead sentence, then 3–6 seed paragraphs. */
export function makeArticle(i: number, rnd: () => number, paragraphs: readonly string[], variant = 0): string {
  const name = `${pick(rnd, SURNAMES)} ${pick(rnd, MIDDLE)} ${pick(rnd, GIVEN)}`;
  const day = 1 + Math.floor(rnd() * 28);
  const month = 1 + Math.floor(rnd() * 12);
  const year = 2015 + Math.floor(rnd() * 10);
  const n = 10 + i * 7 + variant * 3;
  const lead =
    `Ngày ${day}/${month}/${year}, ${pick(rnd, RANKS)} ${name}, ${pick(rnd, TITLES)}, cho biết đã có ${n} ${pick(rnd, UNITS)} ` +
    `tham gia đợt ${i + 1}${variant > 0 ? ` (bản ${variant + 1})` : ''}.`;
  const body = [lead];
  const k = 3 + Math.floor(rnd() * 4);
  for (let j = 0; j < k; j++) body.push(pick(rnd, paragraphs));
  return `Hội nghị phối hợp số ${i + 1}${variant > 0 ? `.${variant}` : ''} năm ${year}\n\n${body.join('\n\n')}\n`;
}

/** File path of article `i` (folders of 250, so directory walks stay realistic). */
export function articlePath(dir: string, i: number): string {
  return join(dir, `part-${String(Math.floor(i / 250)).padStart(3, '0')}`, `article-${String(i).padStart(5, '0')}.txt`);
}

/** Write `n` distinct articles under `dir`; returns their absolute paths, in order. */
export function writeCorpus(dir: string, n: number, seed: number): string[] {
  const paragraphs = seedParagraphs();
  const rnd = prng(seed);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = articlePath(dir, i);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, makeArticle(i, rnd, paragraphs));
    paths.push(p);
  }
  return paths;
}
