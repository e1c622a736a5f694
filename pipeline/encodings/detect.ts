/**
 * Which legacy Vietnamese encoding a file that is not UTF-8 is in: decode a sample with every
 * candidate and keep the decoding whose words are most often valid Vietnamese syllables.
 * Also reads the charset an HTML page declares.
 */
import { canonicalEncoding, decodeLegacy, type EncodingName, type LegacyEncoding } from './codecs.js';
import { syllableStats } from './syllable.js';

/**
 * The candidates, in the order that breaks exact ties: the font encodings most archives
 * hold first (TCVN3 was the national standard for documents, VNI the other common one),
 * then Windows-1258 before VISCII (they share the Latin-1 letters, so a text using only
 * those reads the same in both and either is right).
 */
export const DETECTED_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni-windows', 'windows-1258', 'viscii'];

/** A decoding is accepted when at least this share of its changed words are syllables. */
export const MIN_VALID_SHARE = 0.75;

/** Bytes scored: enough words for a clear verdict, bounded time on a 5 MB file. */
const SAMPLE_BYTES = 64 * 1024;

export interface Candidate {
  readonly encoding: LegacyEncoding;
  /** valid / counted; 1 when no word changes between encodings (punctuation only). */
  readonly share: number;
  readonly valid: number;
  readonly counted: number;
}

/** Cut the sample at a space so no word (or VNI letter pair) is split at the end. */
function sample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  let end = SAMPLE_BYTES;
  while (end > SAMPLE_BYTES - 256 && bytes[end] !== 0x20 && bytes[end] !== 0x0a) end--;
  return bytes.subarray(0, end);
}

/**
 * Every candidate decoding, best first. The rank is the share of valid syllables plus a
 * quarter of the share of common ones: on a long text the first decides, on a few words
 * where two decodings are both valid the common words tell the real one. Ties keep the
 * order above.
 */
export function rankEncodings(bytes: Uint8Array): Candidate[] {
  const s = sample(bytes);
  return DETECTED_ENCODINGS.map((encoding, order) => {
    const { valid, counted, frequent } = syllableStats(decodeLegacy(s, encoding).normalize('NFC'));
    const share = counted === 0 ? 1 : valid / counted;
    return { encoding, share, valid, counted, order, rank: share + (counted === 0 ? 0 : (0.25 * frequent) / counted) };
  })
    .sort((a, b) => b.rank - a.rank || b.valid - a.valid || a.order - b.order)
    .map(({ encoding, share, valid, counted }) => ({ encoding, share, valid, counted }));
}

/** The detected encoding, or null with the best candidate when none fits. */
export function detectEncoding(bytes: Uint8Array): { readonly best: Candidate; readonly fits: boolean } {
  const best = rankEncodings(bytes)[0]!;
  return { best, fits: best.share >= MIN_VALID_SHARE };
}

const SNIFF_BYTES = 2048;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-\w.:]+)/iu;

/**
 * The charset an HTML page declares in its first 2 KB (`<meta charset=…>` or the
 * `http-equiv="Content-Type"` form), read as Latin-1 since the encoding is not known yet.
 * Returns the canonical name when it is one we decode, else null (with the raw label).
 */
export function declaredCharset(bytes: Uint8Array): { readonly label: string; readonly encoding: EncodingName | null } | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString('latin1');
  const m = META_CHARSET.exec(head);
  if (!m?.[1]) return null;
  return { label: m[1], encoding: canonicalEncoding(m[1]) };
}
