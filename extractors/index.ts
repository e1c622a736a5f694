/**
 * The extractor configuration (after chrono): every family extractor over one tokenised body,
 * then the cross-family refiners. Pure: body in, records out.
 */
import type { DateMention, Extraction } from '../schemas/article.js';
import {
  collectAgencies,
  harvestAbbreviations,
  nestedHosts,
  scanAgencies,
  tokensKey,
  type AgencySpan,
} from './agencies.js';
import { extractCounts } from './counts.js';
import { extractDates } from './dates.js';
import { extractDocuments } from './documents.js';
import { extractPeople } from './people.js';
import { overlapTest, type Range } from './spans.js';
import { tokenize, type Token } from './tokens.js';
import type { ExtractContext } from './types.js';

export { extractorVersion } from './version.js';

export function extractEntities(ctx: ExtractContext): Extraction {
  const tokens = tokenize(ctx.body);
  const scanned = scanAgencies(tokens);
  const people = extractPeople(ctx.body, tokens, scanned, ctx.authors);
  const merged = mergeSpans(scanned, people.agencySpans);
  const agencySpans = [...dropMembershipOnly(tokens, merged, people.membershipSpans), ...nestedHosts(merged)];
  const documents = extractDocuments(ctx);
  const owned: Range[] = [];
  for (const d of documents) for (const m of d.mentions) owned.push(m);
  // A code inside a document number (`86/KH-UBND`) is not an agency mention.
  const agencies = collectAgencies(ctx.body, tokens, outsideSpans(tokens, agencySpans, owned), harvestAbbreviations(tokens));
  const allDates = extractDates(ctx);
  const dates = outside(allDates, owned);
  // A number inside a document number, a date or an agency's name (`Ban Chỉ đạo 94`) is not a count.
  const notCounts: Range[] = [...owned];
  for (const d of dates) notCounts.push([d.start, d.end]);
  for (const a of agencies) for (const m of a.mentions) notCounts.push(m);
  return {
    people: people.people,
    agencies,
    documents,
    dates,
    counts: outside(extractCounts(ctx, allDates), notCounts),
  };
}

/**
 * Drop mentions that overlap a span another family owns (a year inside `12/2020/NĐ-CP`).
 * Lists here are built by push, not by flatMap, filter or map: those give an empty list of
 * another array kind than a filled one, and V8 throws away the optimised code of the function
 * that meets the second kind first (once in every worker, a recompile of this whole function).
 */
function outside<T extends Pick<DateMention, 'start' | 'end'>>(items: readonly T[], owned: readonly Range[]): T[] {
  const overlapsOwned = overlapTest(owned);
  const kept: T[] = [];
  for (const x of items) if (!overlapsOwned(x.start, x.end)) kept.push(x);
  return kept;
}


/** Agency spans from both readings, without overlaps: the longer span wins. */
function mergeSpans(a: readonly AgencySpan[], b: readonly AgencySpan[]): AgencySpan[] {
  const all = [...a, ...b].sort((x, y) => x.from - y.from || y.to - x.to);
  const out: AgencySpan[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.from < last.to) {
      if (s.to - s.from > last.to - last.from) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}

/**
 * A bare committee named only inside membership titles (`Phó Bí thư Đảng ủy`) is not reported
 * as an agency unless it is also named on its own (SPEC §7a).
 */
function dropMembershipOnly(
  tokens: readonly Token[],
  spans: readonly AgencySpan[],
  membership: readonly AgencySpan[],
): AgencySpan[] {
  // Only a bare committee (`Đảng ủy`), not one with its place (`Tỉnh ủy Hòa Bình`).
  const inTitle = new Set(membership.filter((m) => m.to === m.headTo).map((m) => m.from));
  const key = (s: AgencySpan): string => tokensKey(tokens, s.from, s.to);
  const standalone = new Set(spans.filter((s) => !inTitle.has(s.from)).map(key));
  return spans.filter((s) => !inTitle.has(s.from) || standalone.has(key(s)));
}

/** Agency spans that overlap none of the given character ranges. */
function outsideSpans(tokens: readonly Token[], spans: readonly AgencySpan[], owned: readonly Range[]): AgencySpan[] {
  const overlapsOwned = overlapTest(owned);
  return spans.filter((sp) => !overlapsOwned(tokens[sp.from]?.start ?? 0, tokens[sp.to - 1]?.end ?? 0));
}
