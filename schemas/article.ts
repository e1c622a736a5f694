/**
 * The record types of vnextract, declared once. Every other module imports its types
 * from here (`z.infer`), and the writer validates each article against `articleRecord`
 * before it touches the database. SPEC.md §8 is the contract these schemas encode.
 */
import { z } from 'zod';

/** Police/army ranks (SPEC §2): a closed ladder, nothing else is a rank. */
export const rankLadder = [
  'Đại tướng', 'Thượng tướng', 'Trung tướng', 'Thiếu tướng',
  'Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá',
  'Đại úy', 'Thượng úy', 'Trung úy', 'Thiếu úy',
  'Thượng sĩ', 'Trung sĩ', 'Hạ sĩ', 'Binh nhất', 'Binh nhì',
  'Đô đốc', 'Phó Đô đốc', 'Chuẩn Đô đốc',
] as const;
export const rank = z.enum(rankLadder);
export type Rank = z.infer<typeof rank>;

/** Document types (SPEC §4). */
export const documentTypes = [
  'Chương trình', 'Kế hoạch', 'Quy chế', 'Chỉ thị', 'Nghị quyết', 'Kết luận',
  'Quyết định', 'Quy định', 'Nghị định', 'Thông tư', 'Luật', 'Hướng dẫn',
  'Thông báo', 'Công văn',
] as const;
export const documentType = z.enum(documentTypes);
export type DocumentType = z.infer<typeof documentType>;

const offset = z.number().int().nonnegative();
/** `[start, end]`: UTF-16 offsets into the stored body, `body.slice(start, end)` is the mention. */
export const span = z.tuple([offset, offset]).refine(([s, e]) => s < e, 'a mention span must have start < end');
export type Span = z.infer<typeof span>;

const nonEmpty = z.string().trim().min(1);

export const person = z.object({
  name: nonEmpty,
  rank: rank.nullable(),
  titles: z.array(nonEmpty),
  agencies: z.array(nonEmpty),
  mentions: z.array(span).min(1),
});
export type Person = z.infer<typeof person>;

export const agency = z.object({
  name: nonEmpty,
  aliases: z.array(nonEmpty),
  mentions: z.array(span).min(1),
});
export type Agency = z.infer<typeof agency>;

/** ISO calendar date `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const documentRef = z.object({
  type: documentType,
  number: z.string().regex(/^\S+$/, 'a document number has no whitespace'),
  issuer: nonEmpty.nullable(),
  date: isoDate.nullable(),
  mentions: z.array(span).min(1),
});
export type DocumentRef = z.infer<typeof documentRef>;

/**
 * TimeML-style values: `2019`, `2019-05`, `2019-01-22`, `2018-11-27T08:30`, `XXXX-05-14`,
 * ranges `2016/2020` or `1945-08-19/2022-08-19`.
 */
const timePoint = /(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?/.source;
export const timeValue = z.string().regex(new RegExp(`^${timePoint}(?:/${timePoint})?$`), 'not a TimeML value');

export const dateMention = z.object({
  text: nonEmpty,
  value: timeValue,
  start: offset,
  end: offset,
});
export type DateMention = z.infer<typeof dateMention>;

export const countMention = z.object({
  text: nonEmpty,
  value: z.number().finite().nonnegative(),
  unit: nonEmpty,
  approximate: z.boolean(),
  /** For ratios like `10/10 huyện`: the whole (second number); else null. */
  of: z.number().finite().nonnegative().nullable(),
  start: offset,
  end: offset,
});
export type CountMention = z.infer<typeof countMention>;

/** What the extractors produce for one body. */
export const extraction = z.object({
  people: z.array(person),
  agencies: z.array(agency),
  documents: z.array(documentRef),
  dates: z.array(dateMention),
  counts: z.array(countMention),
});
export type Extraction = z.infer<typeof extraction>;

/** ISO 8601 publication time: a date, or a local time with the Vietnam offset. */
export const publishedAt = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/, 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+07:00');

/** Document metadata read by the clean stage (SPEC §1). */
export const articleMetadata = z.object({
  title: nonEmpty.nullable(),
  publishedAt: publishedAt.nullable(),
  authors: z.array(nonEmpty),
});
export type ArticleMetadata = z.infer<typeof articleMetadata>;

/** The export record (SPEC §8), one per article. */
export const articleRecord = articleMetadata
  .extend({
    id: z.string().regex(/^[0-9a-f]{64}$/, 'id is the sha256 of the body, hex'),
    source: nonEmpty,
    body: z.string().min(1),
    extractorVersion: nonEmpty,
  })
  .extend(extraction.shape)
  .superRefine((rec, ctx) => {
    // Provenance: every offset must index the stored body, and dated/counted mentions must
    // be exactly the text they claim to be.
    const n = rec.body.length;
    const check = (s: number, e: number, path: (string | number)[], text?: string): void => {
      if (e > n || s >= e) ctx.addIssue({ code: 'custom', path, message: `span [${s}, ${e}] is outside the body (length ${n})` });
      else if (text !== undefined && rec.body.slice(s, e) !== text)
        ctx.addIssue({ code: 'custom', path, message: `body.slice(${s}, ${e}) is not "${text}"` });
    };
    rec.people.forEach((p, i) => p.mentions.forEach(([s, e], j) => check(s, e, ['people', i, 'mentions', j])));
    rec.agencies.forEach((a, i) => a.mentions.forEach(([s, e], j) => check(s, e, ['agencies', i, 'mentions', j])));
    rec.documents.forEach((d, i) => d.mentions.forEach(([s, e], j) => check(s, e, ['documents', i, 'mentions', j])));
    rec.dates.forEach((d, i) => check(d.start, d.end, ['dates', i], d.text));
    rec.counts.forEach((c, i) => check(c.start, c.end, ['counts', i], c.text));
  });
export type ArticleRecord = z.infer<typeof articleRecord>;
