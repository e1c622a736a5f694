/**
 * Time expressions (SPEC §5): `Chiều 26/11/2018`, `8 giờ 30 ngày 27/11/2018`, `Sáng 14.6`,
 * `tháng 7-2015`, `năm 2017`, `giai đoạn 2016 - 2020`, `2/9/1945 – 2/9/2020`, with
 * TimeML/ISO values. Every pattern is a bounded regex run once over the body, so the
 * extractor stays linear in the body's length.
 */
import type { DateMention } from '../schemas/article.js';
import type { ExtractContext } from './types.js';
import { alternation, codeUnitTable, digitRunStarts, digitStartMatches, gluedBefore, wordStartMatches } from './text.js';
import { isSpaceUnit } from './tokens.js';
import { dayNouns, dayParts, monthNoun, periodNouns, pmDayParts, rangeWords, timeWordsAfterDayMonth, weakDateCues, weekdays, yearLeadWords } from './lexicon/timeWords.js';
import { notCountedNouns } from './lexicon/countStopWords.js';

type Granularity = 'year' | 'month' | 'day';

/** One time point (or a ready-made year range) found in the body. */
interface Point {
  start: number;
  end: number;
  granularity: Granularity;
  year: number | null;
  month: number | null;
  day: number | null;
  /** True when the year is written in this mention (a missing one may come from a range partner). */
  yearWritten: boolean;
  hour: number | null;
  minute: number | null;
  /** Second year of a year range written as one expression (`giai đoạn 2016 - 2020`). */
  toYear: number | null;
  /** Last day of a span of days written as one expression (`ngày 22-23/11`). */
  toDay: number | null;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** A bare `1945 - 2020` spans an anniversary at most; a wider pair of 4-digit numbers is something else. */
const MAX_BARE_RANGE_YEARS = 100;

const NB = '(?<![\\p{L}\\p{M}\\p{N}])'; // not glued to a preceding word or number
// (Patterns scanned over the whole body leave this out and use `wordStartMatches`: see text.ts.)
// Patterns that start with a digit are sticky: they are tried at digit runs only (`digitStartMatches`).
const DAY_PART = alternation(dayParts);
const DAY_NOUN = alternation(dayNouns);
const PERIOD = alternation(periodNouns);
const YEAR_LEAD = alternation(yearLeadWords);
const RANGE_WORD = alternation(rangeWords);
const DASH = '[-–—]';

/** `22/01/2019`, `22-01-2019`, `22.01.2019`; not inside `01/12/2020/QĐ-UBND`. */
const DMY = new RegExp(`(?<![\\p{L}\\p{N}/.,:-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\p{L}\\p{N}]|[/-][\\p{L}\\p{N}]|[.,]\\d)`, 'uy');
/** `9 tháng 4 năm 2014`, `ngày 9 tháng 4` (a cue or a year is required, see below). */
const TEXTUAL = new RegExp(`(\\d{1,2})\\s+${monthNoun}\\s+(\\d{1,2})(?:\\s*,?\\s+năm\\s+(\\d{4}))?(?![\\p{N}])`, 'iuy');
/** `26/11`, `14.6`, `25-12` without a year: a date only with a cue (validated below). */
const DM = new RegExp(`(?<![\\p{L}\\p{N}/.,:-])(\\d{1,2})([/.-])(\\d{1,2})(?![\\p{L}\\p{N}]|[/.-]\\d|,\\d)`, 'uy');
/** `tháng 5/2019`, `tháng 7-2015`, `tháng 4.2021`, `tháng 5 năm 2019`. */
const MONTH_YEAR = new RegExp(`${monthNoun}\\s+(\\d{1,2})(?:\\s*[/.-]\\s*|\\s*,?\\s+năm\\s+)(\\d{4})(?![\\p{N}]|\\/[\\p{L}\\p{N}]|-\\p{L})`, 'giu');
/** `tháng 5` alone. */
const MONTH_ONLY = new RegExp(`${monthNoun}\\s+(\\d{1,2})(?![\\p{N}]|\\s*[/.-]\\s*\\d|\\s*,?\\s+năm\\s+\\d)`, 'giu');
/** `năm 2017`, `Trong năm 2019`, `giai đoạn 2016 - 2020`, `từ năm 2018-2021`, `năm 2011 đến năm 2014`. */
const YEAR = new RegExp(
  `(?:(?:${YEAR_LEAD})\\s+)?(?:${PERIOD})\\s+(\\d{4})(?:\\s*${DASH}\\s*(\\d{4})|\\s+(?:${RANGE_WORD})\\s+(?:năm\\s+)?(\\d{4}))?(?![\\p{N}]|[/.,]\\d|\\/\\p{L}|-\\p{L})`,
  'giu',
);
/**
 * Every YEAR match has its first year right after white space, and before that at most
 * YEAR_WORDS_BEFORE space-separated words (a lead word and a period noun of up to two
 * syllables). `yearMatches` uses these to try YEAR only near a `\s\d{4}` instead of
 * scanning the whole body with a case-insensitive alternation (~5% of extraction).
 */
const YEAR_STICKY = new RegExp(YEAR.source, 'iuy');
const YEAR_WORDS_BEFORE = Math.max(...yearLeadWords.map(syllableCount)) + Math.max(...periodNouns.map(syllableCount));
/** `quý I/2024`, `quý 3-2023`: a quarter gives its year (SPEC §5 values have no quarters). */
const QUARTER_YEAR = new RegExp(`quý\\s+(?:I{1,3}|IV|[1-4])\\s*[/.-]\\s*(\\d{4})(?![\\p{N}]|\\/[\\p{L}\\p{N}])`, 'giu');
/** `ngày 22-23/11`, `từ ngày 1-10/8/2023`: a span of days in one month (a cue is required). */
const DAY_SPAN = new RegExp(`(?<![\\p{L}\\p{N}/.,:-])(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})([/.])(\\d{1,2})(?:\\3(\\d{4}))?(?![\\p{L}\\p{N}]|[/.-]\\d)`, 'uy');
/** A bare year range `2021- 2025`. */
const YEAR_RANGE = new RegExp(`(?<![\\p{L}\\p{N}/.,-])(\\d{4})\\s*${DASH}\\s*(\\d{4})(?![\\p{N}]|\\/|-\\p{L}|[.,]\\d)`, 'uy');

/**
 * What may precede a day or month point in the same mention, read backwards from the
 * point: a clock time (`8 giờ 30`, `8h30`, `14h`, `07:45,`), a day part (`Chiều`,
 * `sáng nay`) and the day noun (`ngày`, `hôm`). Anchored at the end of a short window.
 */
const CUE_BEFORE = new RegExp(
  `${NB}(?:(?:(\\d{1,2})\\s*(?:giờ|h|g)(?![\\p{L}])\\s*(\\d{1,2})?(?:\\s*phút)?|(\\d{1,2}):(\\d{2}))\\s*(?:(${DAY_PART})\\s*)?,?\\s*)?` +
    `(?<cue>(?:(${DAY_PART})\\s+(?:(?:hôm\\s+)?nay\\s+|qua\\s+)?)?(?:(${DAY_NOUN})\\s+)?)$`,
  'diu',
);
const CUE_WINDOW = 48;
/** A clock time written after a full date (page date lines): `03/10/2019 17:30`, `14/03/2019, 09:41`, `27/11/2018 | 08:12`. */
const TIME_AFTER = /(?:[ \t]{0,3}[,|][ \t]{0,3}|[ \t]{1,3})(?:lúc\s+)?(\d{1,2})[:h](\d{2})(?![\p{N}])/uy;
/** `tháng 4.2021 - 3.2022`: the second month of a range may drop `tháng`. */
const BARE_MONTH_AFTER = new RegExp(`\\s*${DASH}\\s*(?:${monthNoun}\\s+)?(\\d{1,2})[/.-](\\d{4})(?![\\p{N}]|\\/)`, 'uy');
/** `năm 2018 và 2019`, `năm 2018, 2019`: further years of a list. */
const YEAR_LIST_AFTER = /(\s*(?:,|và)\s*)(\d{4})(?![\p{N}]|[/.,]\d|-\p{L})/uy;
const RANGE_BETWEEN = new RegExp(`^\\s*(?:${DASH}|${RANGE_WORD})\\s*$`, 'iu');
const WEAK_CUE = new RegExp(`${NB}(?:${alternation(weakDateCues)})\\s+$`, 'iu');
const WEEKDAY_BEFORE = new RegExp(`${NB}(?:${alternation(weekdays)})\\s*,?\\s*$`, 'iu');
const NEXT_WORD = /\s{0,3}([\p{L}\p{M}]+)/uy;

function syllableCount(phrase: string): number {
  return phrase.split(' ').length;
}

/** Units YEAR may start with, by the engine's own `iu` folding of the words' first letters. */
const YEAR_FIRST_UNIT = ((): Uint8Array => {
  const firsts = [...yearLeadWords, ...periodNouns].map((w) => `\\u{${(w.codePointAt(0) ?? 0).toString(16)}}`);
  const cls = new RegExp(`^[${firsts.join('')}]$`, 'iu');
  return codeUnitTable((u) => (cls.test(u) ? 1 : 0));
})();

/**
 * Start of the `words`-th space-separated word before `at` (white space right before `at`
 * skipped), or `floor` if that comes first: the walk never re-reads text already tried, so
 * the scan stays linear in the body's length.
 */
function wordsBack(body: string, at: number, words: number, floor: number): number {
  let p = at;
  while (p > floor && isSpaceUnit(body.charCodeAt(p - 1))) p -= 1;
  for (let w = 0; w < words && p > floor; w++) {
    while (p > floor && !isSpaceUnit(body.charCodeAt(p - 1))) p -= 1;
    if (w + 1 < words) while (p > floor && isSpaceUnit(body.charCodeAt(p - 1))) p -= 1;
  }
  return p;
}

/**
 * The matches `wordStartMatches(YEAR, body)` gives, in the same order. A global scan tries
 * every position in turn and takes the first that matches at a word start; a match can only
 * start in the few words before a `\s\d{4}` (see YEAR_WORDS_BEFORE), so trying just those
 * positions, in order and never before the end of the last match, finds the same matches.
 */
export function* yearMatches(body: string): Generator<RegExpExecArray> {
  let cursor = 0; // the global scan's lastIndex
  let tried = 0; // positions below this were tried already
  // The `\s\d{4}` in the body, in order: each starts a digit run (see digitRunStarts).
  for (const digits of digitRunStarts(body)) {
    if (!spaceThenFourDigits(body, digits)) continue;
    let p = wordsBack(body, digits, YEAR_WORDS_BEFORE, Math.max(cursor, tried));
    for (; p < digits; p++) {
      if (YEAR_FIRST_UNIT[body.charCodeAt(p)] !== 1 || gluedBefore(body, p)) continue;
      YEAR_STICKY.lastIndex = p;
      const m = YEAR_STICKY.exec(body);
      if (m === null) continue;
      yield m;
      cursor = p + m[0].length;
      p = cursor - 1;
    }
    // Anchors inside a match just read give windows below `cursor`: nothing left to try there.
    tried = Math.max(tried, digits);
  }
}

/** `\s\d{4}` ends at `at + 4`: white space before `at`, four digits from it. */
function spaceThenFourDigits(body: string, at: number): boolean {
  if (at === 0 || !isSpaceUnit(body.charCodeAt(at - 1))) return false;
  for (let k = at; k < at + 4; k++) {
    const c = body.charCodeAt(k);
    if (!(c >= 48 && c <= 57)) return false;
  }
  return true;
}

function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function validDay(day: number, month: number, year: number | null): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function point(start: number, end: number, granularity: Granularity, fields: Partial<Point>): Point {
  return {
    start, end, granularity,
    year: null, month: null, day: null, yearWritten: false, hour: null, minute: null, toYear: null, toDay: null,
    ...fields,
  };
}

interface Cue {
  /** Where the mention starts once the cue is included. */
  start: number;
  /** A day part, a day noun or a clock time precedes: the number pair is surely a date. */
  strong: boolean;
  hour: number | null;
  minute: number | null;
}

/** Read the cue written before a day/month point at `at`. */
function cueBefore(body: string, at: number): Cue {
  const from = Math.max(0, at - CUE_WINDOW);
  const m = CUE_BEFORE.exec(body.slice(from, at));
  if (m === null || m[0].length === 0) return { start: at, strong: false, hour: null, minute: null };
  const [, h1, min1, h2, min2, timePart, , part, noun] = m;
  const h = h1 ?? h2;
  const min = min1 ?? min2;
  let hour = h === undefined ? null : Number(h);
  const minute = min === undefined ? 0 : Number(min);
  const pm = (timePart ?? part)?.toLowerCase();
  if (hour !== null && pm !== undefined && pmDayParts.includes(pm) && hour < 12) hour += 12;
  if (hour !== null && (hour > 23 || minute > 59)) hour = null;
  // An impossible clock time is left out of the mention: it starts at the day part / `ngày`.
  const cueIndex = m.indices?.groups?.['cue']?.[0] ?? m.index + m[0].length;
  const start = from + (hour === null ? cueIndex : m.index);
  const strong = part !== undefined || noun !== undefined || hour !== null;
  return { start: Math.min(start, at), strong, hour, minute: hour === null ? null : minute };
}

/** True when a lower-case noun (something counted) follows `at`: `10/10 huyện`. */
function nounFollows(body: string, at: number): boolean {
  NEXT_WORD.lastIndex = at;
  const m = NEXT_WORD.exec(body);
  if (m === null || m[1] === undefined) return false;
  const word = m[1];
  if (!/^\p{Ll}/u.test(word)) return false;
  const lower = word.toLowerCase();
  return !notCountedNouns.has(lower) && !dayParts.includes(lower) && !timeWordsAfterDayMonth.has(lower);
}

function dayPoint(body: string, end: number, day: number, month: number, year: number | null, cue: Cue): Point | null {
  if (!validDay(day, month, year)) return null;
  let p = point(cue.start, end, 'day', { day, month, year, yearWritten: year !== null, hour: cue.hour, minute: cue.minute });
  if (cue.hour === null && year !== null) {
    TIME_AFTER.lastIndex = end;
    const t = TIME_AFTER.exec(body);
    if (t !== null && Number(t[1]) <= 23 && Number(t[2]) <= 59) {
      p = { ...p, end: TIME_AFTER.lastIndex, hour: Number(t[1]), minute: Number(t[2]) };
    }
  }
  return p;
}

function collectDays(body: string, out: Point[]): void {
  for (const m of digitStartMatches(DMY, body)) {
    const [, d, , mo, y] = m;
    const p = dayPoint(body, m.index + m[0].length, Number(d), Number(mo), Number(y), cueBefore(body, m.index));
    if (p !== null && validYear(Number(y))) out.push(p);
  }
  for (const m of digitStartMatches(TEXTUAL, body, true)) {
    const [, d, mo, y] = m;
    const cue = cueBefore(body, m.index);
    // `6 tháng 3` with neither `ngày` nor a year is not safely a date.
    if (y === undefined && !cue.strong) continue;
    if (y !== undefined && !validYear(Number(y))) continue;
    const p = dayPoint(body, m.index + m[0].length, Number(d), Number(mo), y === undefined ? null : Number(y), cue);
    if (p !== null) out.push(p);
  }
  for (const m of digitStartMatches(DM, body)) {
    const [, d, sep, mo] = m;
    const end = m.index + m[0].length;
    const cue = cueBefore(body, m.index);
    const before = body.slice(Math.max(0, m.index - 24), m.index);
    const parenthesised = before.endsWith('(') && body[end] === ')';
    const weak = WEAK_CUE.test(before) || WEEKDAY_BEFORE.test(before) || parenthesised;
    if (!cue.strong) {
      // `10/10 huyện` is a ratio; `1.5`/`2-3` without a cue are numbers, not dates.
      if (sep !== '/' && !parenthesised) continue;
      if (!weak || nounFollows(body, end)) continue;
    }
    const p = dayPoint(body, end, Number(d), Number(mo), null, cue);
    if (p !== null) out.push(p);
  }
}

function collectDaySpans(body: string, out: Point[]): void {
  for (const m of digitStartMatches(DAY_SPAN, body)) {
    const [, d1, d2, , mo, y] = m;
    const cue = cueBefore(body, m.index);
    if (!cue.strong) continue;
    const year = y === undefined ? null : Number(y);
    const from = Number(d1);
    const to = Number(d2);
    const month = Number(mo);
    if (from >= to || !validDay(to, month, year) || (year !== null && !validYear(year))) continue;
    out.push(point(cue.start, m.index + m[0].length, 'day', { day: from, toDay: to, month, year, yearWritten: year !== null }));
  }
}

function collectMonths(body: string, out: Point[]): void {
  for (const m of wordStartMatches(MONTH_YEAR, body)) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12 || !validYear(year)) continue;
    out.push(point(m.index, m.index + m[0].length, 'month', { month, year, yearWritten: true }));
  }
  for (const m of wordStartMatches(MONTH_ONLY, body)) {
    const month = Number(m[1]);
    // `6 tháng 3`: after a number, `tháng` is a duration noun.
    if (month < 1 || month > 12 || /\d\s*$/u.test(body.slice(Math.max(0, m.index - 4), m.index))) continue;
    out.push(point(m.index, m.index + m[0].length, 'month', { month }));
  }
}

function collectYears(body: string, out: Point[]): void {
  for (const m of yearMatches(body)) {
    const y1 = Number(m[1]);
    const y2raw = m[2] ?? m[3];
    if (!validYear(y1)) continue;
    const y2 = y2raw === undefined ? null : Number(y2raw);
    if (y2 !== null && (!validYear(y2) || y2 <= y1)) continue;
    const end = m.index + m[0].length;
    out.push(point(m.index, end, 'year', { year: y1, yearWritten: true, toYear: y2 }));
    if (y2 === null) collectYearList(body, end, out);
  }
  for (const m of wordStartMatches(QUARTER_YEAR, body)) {
    const y = Number(m[1]);
    if (validYear(y)) out.push(point(m.index, m.index + m[0].length, 'year', { year: y, yearWritten: true }));
  }
  for (const m of digitStartMatches(YEAR_RANGE, body)) {
    const y1 = Number(m[1]);
    const y2 = Number(m[2]);
    if (!validYear(y1) || !validYear(y2) || y2 <= y1 || y2 - y1 > MAX_BARE_RANGE_YEARS) continue;
    out.push(point(m.index, m.index + m[0].length, 'year', { year: y1, yearWritten: true, toYear: y2 }));
  }
}

/** `năm 2018 và 2019`: each further year of the list is a mention of its own. */
function collectYearList(body: string, from: number, out: Point[]): void {
  let at = from;
  for (let i = 0; i < 5; i += 1) {
    YEAR_LIST_AFTER.lastIndex = at;
    const m = YEAR_LIST_AFTER.exec(body);
    if (m === null || m[1] === undefined || m[2] === undefined) return;
    const y = Number(m[2]);
    if (!validYear(y)) return;
    const start = at + m[1].length;
    out.push(point(start, start + 4, 'year', { year: y, yearWritten: true }));
    at = start + 4;
  }
}

/**
 * Of overlapping candidates keep the longest (`ngày 9 tháng 4 năm 2014` over `tháng 4 năm
 * 2014`). One sweep in text order: linear after the sort.
 */
function resolveOverlaps(points: Point[]): Point[] {
  const kept: Point[] = [];
  const byStart = [...points].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const p of byStart) {
    const last = kept[kept.length - 1];
    if (last === undefined || p.start >= last.end) kept.push(p);
    else if (p.end - p.start > last.end - last.start) kept[kept.length - 1] = p;
  }
  return kept;
}

function comparable(p: Point): number {
  return (p.year ?? 0) * 10000 + (p.month ?? 0) * 100 + (p.day ?? 0);
}

/** `tháng 4.2021 - 3.2022`: add the bare second month after a month with a year. */
function addBareRangeEnds(body: string, points: Point[]): Point[] {
  const extra: Point[] = [];
  points.forEach((p, i) => {
    if (p.granularity !== 'month' || !p.yearWritten) return;
    BARE_MONTH_AFTER.lastIndex = p.end;
    const m = BARE_MONTH_AFTER.exec(body);
    if (m === null) return;
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12 || !validYear(year)) return;
    const start = p.end + m[0].search(/\d|tháng/iu);
    const next = points[i + 1];
    if (next !== undefined && next.start < BARE_MONTH_AFTER.lastIndex) return;
    extra.push(point(start, BARE_MONTH_AFTER.lastIndex, 'month', { month, year, yearWritten: true }));
  });
  return extra.length === 0 ? points : [...points, ...extra].sort((a, b) => a.start - b.start);
}

function pointValue(p: Point, publicationYear: number | null): string {
  const year = p.year ?? publicationYear;
  const y = year === null ? 'XXXX' : String(year);
  if (p.granularity === 'year') return p.toYear === null ? y : `${y}/${p.toYear}`;
  if (p.granularity === 'month') return `${y}-${pad(p.month ?? 1)}`;
  const date = `${y}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
  if (p.toDay !== null) return `${date}/${y}-${pad(p.month ?? 1)}-${pad(p.toDay)}`;
  return p.hour === null ? date : `${date}T${pad(p.hour)}:${pad(p.minute ?? 0)}`;
}

/**
 * Every time expression of the body with its TimeML value. Day-month dates without a
 * year take `publicationYear` (else `XXXX`); ranges join two points of one granularity
 * (`từ ngày 1/1 đến ngày 31/3/2024`: the first takes the second's year).
 */
export function extractDates(ctx: ExtractContext): DateMention[] {
  const { body, publicationYear } = ctx;
  const candidates: Point[] = [];
  collectDays(body, candidates);
  collectDaySpans(body, candidates);
  collectMonths(body, candidates);
  collectYears(body, candidates);
  const points = addBareRangeEnds(body, resolveOverlaps(candidates));

  const mentions: DateMention[] = [];
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i] as Point;
    const q = points[i + 1];
    if (
      q !== undefined && q.granularity === p.granularity && p.toYear === null && q.toYear === null &&
      p.toDay === null && q.toDay === null &&
      RANGE_BETWEEN.test(body.slice(p.end, q.start))
    ) {
      const from = !p.yearWritten && q.yearWritten ? { ...p, year: q.year } : p;
      const fromYear = from.year ?? publicationYear;
      const toYear = q.year ?? publicationYear;
      const ordered = fromYear === null || toYear === null || comparable({ ...from, year: fromYear }) < comparable({ ...q, year: toYear });
      if (ordered) {
        mentions.push({
          text: body.slice(p.start, q.end),
          value: `${pointValue(from, publicationYear)}/${pointValue(q, publicationYear)}`,
          start: p.start,
          end: q.end,
        });
        i += 1;
        continue;
      }
    }
    mentions.push({ text: body.slice(p.start, p.end), value: pointValue(p, publicationYear), start: p.start, end: p.end });
  }
  return mentions;
}
