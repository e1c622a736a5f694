/**
 * Document metadata read off a page's lines (SPEC §1, §7a): page date lines, headlines,
 * bylines and photo credits, furniture. Pure functions of one line (or a few), used by the
 * clean stage for plain text and for the text of HTML pages alike. All regexes are linear:
 * no nested quantifiers over overlapping classes.
 */
import {
  bylineLabels,
  collectiveBylines,
  counterLabels,
  dateLineLabels,
  dayParts,
  furnitureLines,
  iconAltWords,
  leadOpeners,
  organisationHeads,
  sectionHeaders,
  tagLabels,
  weekdayNames,
} from './lexicon/furniture.js';
import { rankLadder } from '../schemas/article.js';
import { alternation, displayForm, matchKey } from './text.js';

/** Unicode-aware whitespace, NBSP included (`\s` covers it in JS, zero-width space does not). */
const EDGE_SPACE = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/gu;
/**
 * Trim `\s` and U+200B off a line. `String.prototype.trim` removes exactly `\s` (U+FEFF
 * included) natively; the regex is needed only when a zero-width space is left at an edge
 * (nearly never). Every metadata test trims whole paragraphs first: the regex alone was
 * ~30% of the clean stage.
 */
const trimLine = (line: string): string => {
  const t = line.trim();
  return t.charCodeAt(0) === 0x200b || t.charCodeAt(t.length - 1) === 0x200b ? line.replace(EDGE_SPACE, '') : t;
};

// ---------------------------------------------------------------------------------------
// Furniture

const phraseKey = (line: string): string => matchKey(trimLine(line).replace(/\s*:\s*$/u, ''));
const SECTION_KEYS = new Set(sectionHeaders.map(phraseKey));
const FURNITURE_KEYS = new Set(furnitureLines.map(phraseKey));
const COUNTER_RE = new RegExp(`^(?:${alternation(counterLabels)})\\s*:?\\s*\\(?[\\d.,]*\\)?$`, 'iu');
const TAGS_RE = new RegExp(`^(?:${alternation(tagLabels)})\\s*:`, 'iu');
/** Lone punctuation (`.`, `-`, `***`) or a lone small number (image counters). */
const LONE_RE = /^(?:[.\-–—•·*_=|/\\…,;:]+|\d{1,3})$/u;

/** A line ending like a sentence. */
const SENTENCE_END_RE = /[.!?…;,]$/u;
/**
 * No furniture phrase ends like a sentence, so a line that does can match neither the phrase
 * sets nor a cover by phrases (its key keeps the final mark): its key need not be computed.
 * Derived from the data, so a phrase added with a final period turns the shortcut off.
 */
const SENTENCE_END_NEVER_PHRASE = ![...SECTION_KEYS, ...FURNITURE_KEYS].some((k) => SENTENCE_END_RE.test(k));
/** First words of the furniture phrases: a cover must start with one of them. */
const FIRST_WORDS = new Set([...FURNITURE_KEYS, ...SECTION_KEYS].map((k) => k.split(' ')[0] ?? ''));
/** Longest furniture phrase, in words: bounds the cover search below. */
const MAX_PHRASE_WORDS = Math.max(...[...FURNITURE_KEYS, ...SECTION_KEYS].map((k) => k.split(' ').length));

/**
 * A short line made only of furniture phrases (`In bài | Quay lại`, `Chia sẻ Facebook
 * Zalo`): a word-level cover by known phrases. Bounded: at most 12 words.
 */
function coveredByFurniture(key: string): boolean {
  const words = key.replace(/[|•·/–—-]+/gu, ' ').split(' ').filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 12) return false;
  // Only a phrase starting at word 0 can begin the cover (ok[0] is the only seed).
  if (!FIRST_WORDS.has(words[0] ?? '')) return false;
  const ok = new Array<boolean>(words.length + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < words.length; i++) {
    if (!ok[i]) continue;
    for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (FURNITURE_KEYS.has(phrase) || SECTION_KEYS.has(phrase)) ok[i + n] = true;
    }
  }
  return ok[words.length] === true;
}

export type FurnitureKind = 'section' | 'furniture';

/**
 * Whether a whole line is page furniture: `section` for headers that open a list of
 * links (`Các tin khác`), `furniture` for a single widget line, else null.
 */
export function furnitureKind(line: string): FurnitureKind | null {
  const t = trimLine(line);
  if (t.length === 0) return null;
  if (t.length > 80) return null;
  if (SENTENCE_END_NEVER_PHRASE && SENTENCE_END_RE.test(t)) {
    if (COUNTER_RE.test(t) || TAGS_RE.test(t) || LONE_RE.test(t)) return 'furniture';
    return /^cms-[a-z-]+\b/u.test(t) ? 'furniture' : null;
  }
  const key = phraseKey(t);
  if (SECTION_KEYS.has(key)) return 'section';
  if (FURNITURE_KEYS.has(key)) return 'furniture';
  if (COUNTER_RE.test(t) || TAGS_RE.test(t) || LONE_RE.test(t)) return 'furniture';
  if (coveredByFurniture(key)) return 'furniture';
  // `cms-…` tokens are CMS template leftovers wherever they are on a short line.
  if (/^cms-[a-z-]+\b/u.test(t)) return 'furniture';
  return null;
}

/** A line of a link list (another article's headline): short, no sentence end. */
export function looksLikeLinkLine(line: string): boolean {
  const t = trimLine(line);
  return t.length > 0 && t.length <= 160 && !/[.:;]$/u.test(t);
}

// ---------------------------------------------------------------------------------------
// Crawl prefixes and page date lines

/**
 * A crawler's prefix glued to the first line (` date 2019-03 BXT - …`): the crawl month,
 * not the article's date (SPEC §7a). Returns the line without it.
 */
export function stripCrawlPrefix(line: string): { line: string; stripped: boolean } {
  const m = /^[\s\u00a0]*date\s+\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?[\s\u00a0]*/u.exec(line);
  return m ? { line: line.slice(m[0].length), stripped: true } : { line, stripped: false };
}

export interface DateLine {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM` when the line gives a time. */
  readonly time: string | null;
  /** The line names a weekday (`Thứ Hai, …`): the shape of site headers too. */
  readonly weekday: boolean;
  /** The line carries a date label (`cms-publish-date`, `Cập nhật lúc`). */
  readonly labelled: boolean;
}

const DATE_SRC = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})';
const ISO_DATE_SRC = '(\\d{4})-(\\d{2})-(\\d{2})';
const TIME_SRC = '(\\d{1,2})\\s*[:hg]\\s*(\\d{2})(?:\\s*:\\s*\\d{2})?(?:\\s*(?:AM|PM|SA|CH))?';
const WEEKDAY_RE = new RegExp(`(?:${alternation(weekdayNames)})(?![\\p{L}\\p{N}])`, 'giu');
const LABEL_RE = new RegExp(`(?:${alternation(dateLineLabels)})(?![\\p{L}])`, 'giu');
const COUNTER_TAIL_RE = new RegExp(`(?:${alternation(counterLabels)})\\s*:?\\s*[\\d.,]+`, 'giu');
const ICON_RE = new RegExp(`^(?:${alternation(iconAltWords)})(?=\\p{Lu}|\\d)`, 'u');
const GMT_RE = /[([]?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*[)\]]?/giu;
const DATE_G = new RegExp(`${DATE_SRC}|${ISO_DATE_SRC}`, 'gu');
const TIME_G = new RegExp(TIME_SRC, 'giu');

const ANY_DIGIT_RE = /[0-9]/u;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the parts form a calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Parse a line that is nothing but a page date line: a date, optionally a time, a
 * weekday, a label, a GMT offset and CMS counters (`cms-publish-date 27/11/2018 | 08:12 |
 * cms-view-count: 9574`, `Thứ Năm, 14/03/2019, 09:41 [GMT+7]`, `07:45, 21/05/2015`,
 * `Cập nhật lúc : 08:57 07/10/2015`, `15/04/2013`). A sentence containing a date is not one.
 */
export function parseDateLine(line: string): DateLine | null {
  const t = trimLine(line);
  if (t.length === 0 || t.length > 120) return null;
  // Both date shapes need ASCII digits (`\d` under the `u` flag is ASCII): most lines have none.
  if (!ANY_DIGIT_RE.test(t)) return null;
  let date: string | null = null;
  let dates = 0;
  let time: string | null = null;
  let weekday = false;
  let labelled = false;
  const residue = t
    .replace(ICON_RE, ' ')
    .replace(COUNTER_TAIL_RE, ' ')
    .replace(GMT_RE, ' ')
    .replace(DATE_G, (_m, d?: string, mo?: string, y?: string, iy?: string, imo?: string, id?: string) => {
      dates++;
      date ??= d !== undefined ? isoDate(Number(y), Number(mo), Number(d)) : isoDate(Number(iy), Number(imo), Number(id));
      return ' ';
    })
    .replace(TIME_G, (_m, h: string, mi: string) => {
      const hh = Number(h);
      const mm = Number(mi);
      if (hh <= 23 && mm <= 59) time ??= `${pad2(hh)}:${pad2(mm)}`;
      return ' ';
    })
    .replace(WEEKDAY_RE, () => {
      weekday = true;
      return ' ';
    })
    .replace(LABEL_RE, () => {
      labelled = true;
      return ' ';
    });
  if (dates !== 1 || date === null) return null;
  // What is left must be separators only.
  if (!/^[\s,|\-–—:()[\]/.·•]*$/u.test(residue)) return null;
  return { date, time, weekday, labelled };
}

/** `2018-11-27T08:12:00+07:00` when the time is known, else `2018-11-27` (SPEC §1). */
export function publishedAtOf(d: DateLine): string {
  return d.time === null ? d.date : `${d.date}T${d.time}:00+07:00`;
}

// ---------------------------------------------------------------------------------------
// Headlines

const RANK_OR_ADDRESS = alternation([...rankLadder, 'Đồng chí', 'Ông', 'Bà', 'Anh', 'Chị']);
const NAME_SYL = '\\p{Lu}[\\p{Ll}\\p{M}]*';
/** `Đại tá Nguyễn Văn A, …` / `Ông Trần B -`: a person introduced in apposition, a sentence. */
const PERSON_APPOSITION_RE = new RegExp(`^(?:${RANK_OR_ADDRESS})\\s+${NAME_SYL}(?:\\s+${NAME_SYL}){1,3}\\s*[,(–—-]`, 'u');
/** `BXT - `, `(KVO) - `, `HDN -`, `(Báo Hậu Giang)-`, `PYT.VN - `: the outlet tag that opens a story. */
const OUTLET_TAG_RE = /^(?:\([^()]{2,40}\)\s*[-–—]?|[\p{Lu}\d][\p{Lu}\d.]{1,11}\s*[-–—])/u;
const LEAD_OPENER_RE = new RegExp(`^(?:${alternation(leadOpeners)})(?![\\p{L}])[^,.;:]{0,60},`, 'iu');
const DATED_LEAD_RE = new RegExp(`^(?:${alternation(dayParts)})\\s+(?:\\d|nay\\b|qua\\b)`, 'iu');
const PHOTO_CREDIT_RE = /(?:^|[\s.(])Ảnh\s*:/iu;

/**
 * Whether a first line is the headline (SPEC §1): short, no final period, not a photo
 * caption, not the story's first sentence (outlet tag, dated lead, lead opener, a person
 * in apposition, a list with `;`).
 */
export function isHeadline(line: string): boolean {
  const t = trimLine(line);
  if (t.length < 8 || t.length > 220) return false;
  if (/[.;:,…]$/u.test(t)) return false;
  if (t.split(/\s+/u).length > 45) return false;
  if (t.includes(';')) return false;
  if (!/^[\p{Lu}\p{N}"“'‘(«]/u.test(t)) return false;
  if (OUTLET_TAG_RE.test(t) || DATED_LEAD_RE.test(t) || LEAD_OPENER_RE.test(t)) return false;
  if (PERSON_APPOSITION_RE.test(t)) return false;
  if (PHOTO_CREDIT_RE.test(t)) return false;
  if (furnitureKind(t) !== null || parseDateLine(t) !== null) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Bylines

const ORG_HEAD_RE = new RegExp(`^(?:${alternation(organisationHeads)})(?![\\p{Ll}])`, 'u');
const COLLECTIVE = new Map(collectiveBylines.map((b) => [matchKey(b), b]));
const BYLINE_LABEL_RE = new RegExp(`^(?:${alternation(bylineLabels)})\\s*:\\s*`, 'iu');
/** A pen-name syllable: `Mai`, `KHANG`, or initials `H.Lan`, `K.V`, `P. Minh`. */
const SYLLABLE_RE = /^(?:\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}+|(?:\p{Lu}\.\s?)+\p{Lu}[\p{L}\p{M}]*)$/u;
const INITIALS_RE = /^(?:\p{Lu}\.\s?)+\p{Lu}[\p{L}\p{M}]*$/u;

/** `TRÍ HUY` → `Trí Huy`; mixed case and initials are kept as written. */
function titleCaseName(name: string): string {
  if (name !== name.toUpperCase() || /\./u.test(name)) return name;
  return name
    .split(' ')
    .map((s) => s.charAt(0) + s.slice(1).toLowerCase())
    .join(' ');
}

/** One pen name (`Xuân Mai`, `H.Lan`, `PV`) in display form, or null. */
export function penName(text: string): string | null {
  const t = trimLine(text).replace(/\s+/gu, ' ');
  if (t.length === 0 || t.length > 40) return null;
  const collective = COLLECTIVE.get(matchKey(t));
  if (collective) return collective;
  if (ORG_HEAD_RE.test(t)) return null;
  // Initials glued to a syllable (`H.Lan`) count as one token; spaces after the period too.
  const tokens = t.replace(/(\p{Lu}\.)\s+(?=\p{Lu})/gu, '$1').split(' ');
  if (!tokens.every((s) => SYLLABLE_RE.test(s))) return null;
  const initials = tokens.some((s) => INITIALS_RE.test(s));
  if (tokens.length > 4 || (tokens.length < 2 && !initials)) return null;
  return displayForm(titleCaseName(tokens.join(' ')));
}

/**
 * A whole line that is a byline: one or more pen names separated by `-`, `–`, `,`, `và`,
 * after an optional label (`Bài và ảnh:`), e.g. `MINH KHÔI - BẢO TRÂM`, `H.Lan– Q.Đạt`,
 * `Tin, ảnh: LÊ KHA`. Returns the authors, or null when the line is not a byline.
 */
export function parseByline(line: string): string[] | null {
  let t = trimLine(line);
  if (t.length === 0 || t.length > 90) return null;
  t = t.replace(BYLINE_LABEL_RE, '').replace(/\.$/u, '');
  // `Quốc Thái (Báo Sóc Trăng)`, `Minh Hải (TTXVN)`: the outlet in parentheses is not a name.
  t = t.replace(/\s*\([^()]{2,60}\)$/u, '');
  const parts = t.split(/\s*[-–—&/]\s*|\s*,\s*|\s+và\s+/u);
  // `Hồng Nhung - Công an tỉnh Hà Tĩnh`: an organisation after the names is where they write from.
  while (parts.length > 1 && ORG_HEAD_RE.test(parts[parts.length - 1] ?? '')) parts.pop();
  const names: string[] = [];
  for (const part of parts) {
    const name = penName(part);
    if (name === null) return null;
    names.push(name);
  }
  return names.length > 0 ? names : null;
}

/**
 * A byline glued to the organisation that follows it, the way crawlers join two spans
 * (`Hoàng ChungBan Tuyên giáo Tỉnh ủy Bắc Giang`): the authors, or null.
 */
export function parseGluedByline(line: string): string[] | null {
  const t = trimLine(line);
  if (t.length > 140) return null;
  const m = /^([^\n]{2,40}?\p{Ll})(\p{Lu}[^\n]*)$/u.exec(t);
  if (!m?.[1] || !m[2] || !ORG_HEAD_RE.test(m[2])) return null;
  return parseByline(m[1]);
}

/**
 * An organisation line under a byline: `(Trung tâm VH-TT Đông Hải)`, or a short line naming an
 * outlet or unit (`Báo Lào Cai`, `Công an huyện Bảo Thắng`). The caller checks that a byline
 * stands above it.
 */
export function isBylineOrganisation(line: string): boolean {
  const t = trimLine(line);
  if (/^\([^()]{2,80}\)$/u.test(t)) return true;
  return t.length <= 60 && !/[.!?:;,]$/u.test(t) && ORG_HEAD_RE.test(t);
}

/** What every CREDIT_RE match contains: a cheap pre-test. */
const CREDIT_CUE_RE = /ảnh\s*:/iu;
const CREDIT_RE = /(?:^|[\s.(\-–])(?:Bài\s+và\s+ảnh|Bài,\s*ảnh|Tin,\s*ảnh|Tin\s+và\s+ảnh|Ảnh)\s*:\s*([^():;\n]{1,60}?)\s*(?:\)|$)/giu;

/**
 * Photo credits inside a line (`… trao quà cho học sinh. Ảnh: VĂN KHÁNH`, `(Ảnh: Thanh Tùng)`): their
 * pen names (an agency credit such as `Ảnh: Sở Nội vụ` gives nothing).
 */
export function photoCredits(line: string): string[] {
  // Every credit has `ảnh` then a colon (same flags as CREDIT_RE, so the same case folding):
  // most paragraphs have neither, and the full pattern is costly to scan them with.
  if (!line.includes(':') || !CREDIT_CUE_RE.test(line)) return [];
  const out: string[] = [];
  for (const m of line.matchAll(CREDIT_RE)) {
    const names = m[1] ? parseByline(m[1]) : null;
    if (names) out.push(...names);
  }
  return out;
}

/** Whether a line is nothing but a labelled credit (`Bài và ảnh: VĂN KHÁNH`): it leaves the body. */
export function isCreditLine(line: string): boolean {
  const t = trimLine(line);
  // parseByline refuses lines over 90 characters: skip the label test on paragraphs.
  if (t.length > 90) return false;
  return BYLINE_LABEL_RE.test(t) && parseByline(t) !== null;
}

/** Deduplicate names by matching key, keeping the first spelling. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = matchKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
