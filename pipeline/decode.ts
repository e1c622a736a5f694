/**
 * Stage 2, decode: bytes to NFC text, and the name of the encoding they were read as.
 *
 * Order of decisions: `--encoding NAME` if given; a UTF-16 byte-order mark; valid UTF-8 (the
 * fast path, nearly every file); the charset an HTML page declares, when we decode it; else
 * the legacy Vietnamese encoding (Windows-1258, VISCII, TCVN3, VNI-Windows) whose decoding
 * reads most as Vietnamese syllables. When none fits the file is rejected with the offset of
 * its first bad UTF-8 byte and the best candidate's score; `--lossy` then reads it as UTF-8
 * with U+FFFD. Every decoding ends in the same normalisation (see normaliseText).
 */
import { isUtf8, transcode } from 'node:buffer';
import type { DecodedArticle, StageMessage } from '../schemas/pipeline.js';
import { canonicalEncoding, declaredCharset, decodeLegacy, detectEncoding, rankEncodings, MIN_VALID_SHARE, type EncodingName, type LegacyEncoding } from './encodings/index.js';
import { repairTcvn3Capitals } from './encodings/tcvn3-case.js';
import { reject, type RawFile, type Rejection } from './types.js';

export interface DecodeOptions {
  readonly lossy: boolean;
  /** `--encoding NAME`: read every file as NAME, no detection. */
  readonly encoding?: string | undefined;
}

export type DecodeResult = { readonly ok: true; readonly article: DecodedArticle } | Rejection;

const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), or -1 when the whole buffer is valid.
 * One linear pass; the offset is that of the sequence's lead byte.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    if (i + len > n) return i;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k < len; k++) {
      const ck = b[i + k]!;
      if (ck < 0x80 || ck > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** True when the buffer holds nothing but whitespace (after an optional BOM). */
function isBlank(b: Uint8Array, from: number): boolean {
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) return false;
  }
  return true;
}

/**
 * Invisible characters removed from the text: zero-width space, non-joiner and joiner, word
 * joiner, a byte-order mark inside the text, soft hyphen. Pasted text carries them inside
 * words (`Nguy\u200bễn`), where they would split names; they carry no meaning in prose.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;

/**
 * What every decoding ends with, so that offsets never depend on where the file came from:
 * CRLF, CR and the Unicode line/paragraph separators become `\n`; invisible characters go
 * (before NFC, as one between a letter and its tone would block composition); NFC, which
 * also composes the combining tones of Windows-1258 and macOS (NFD) text. NBSP stays: the
 * extractors read it as a space.
 */
export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?|[\u2028\u2029]/gu, '\n').replace(INVISIBLE, '').normalize('NFC');
}

const pct = (share: number): string => `${Math.floor(share * 100)}%`;

function decoded(file: RawFile, encoding: EncodingName, raw: string, messages: StageMessage[]): DecodeResult {
  const text = normaliseText(encoding === 'tcvn3' ? repairTcvn3Capitals(raw, file.format) : raw);
  return { ok: true, article: { source: file.source, format: file.format, encoding, text, messages } };
}

/**
 * Bytes already checked to be well-formed UTF-8 (`isUtf8`), as a string: through ICU's
 * converter, which gives the same string as TextDecoder for valid input in a sixth of the
 * time (bench corpus, 3,000 articles: 2.4 against 13.8 µs an article; V8's own UTF-8 decoder
 * is what TextDecoder and `Buffer.toString` run). Malformed input (`--lossy`) stays with
 * TextDecoder, whose U+FFFD substitution follows the WHATWG rules. (ICU is no new
 * requirement: NFC and the extractors' `\p{…}` classes need it already.)
 */
function decodeValidUtf8(b: Uint8Array): string {
  return transcode(b, 'utf8', 'utf16le').toString('utf16le');
}

function decodeBytes(file: RawFile, encoding: EncodingName, from: number, messages: StageMessage[], valid = false): DecodeResult {
  const b = file.bytes.subarray(from);
  if (encoding === 'utf-8' && valid) return decoded(file, encoding, decodeValidUtf8(b), messages);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be')
    return decoded(file, encoding, new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(b), messages);
  return decoded(file, encoding, decodeLegacy(b, encoding), messages);
}

/**
 * Magic bytes of files that pose as text (`.txt` that is really a zip or a PDF): named in the
 * reason. A PDF can be all ASCII, so only its signature gives it away.
 */
const FILE_SIGNATURES: ReadonlyArray<readonly [string, string]> = [
  ['%PDF-', 'PDF document'],
  ['PK\x03\x04', 'zip archive'],
  ['PK\x05\x06', 'zip archive'],
  ['\x1f\x8b', 'gzip archive'],
  ['\x89PNG', 'PNG image'],
  ['\xff\xd8\xff', 'JPEG image'],
  ['GIF8', 'GIF image'],
  ['Rar!', 'RAR archive'],
  ['7z\xbc\xaf', '7-Zip archive'],
  ['\xd0\xcf\x11\xe0', 'Microsoft Office document'],
  ['{\\rtf', 'RTF document'],
];

function signatureOf(b: Uint8Array): string | null {
  for (const [magic, kind] of FILE_SIGNATURES) {
    if (b.length >= magic.length && [...magic].every((ch, i) => b[i] === ch.charCodeAt(0))) return kind;
  }
  return null;
}

/**
 * Decode one file. Checks run cheapest-first and each gives its own reason: empty, binary
 * (a known file signature, or a NUL byte, which never occurs in 8-bit text), not UTF-8 and no
 * legacy encoding fits.
 */
export function decode(file: RawFile, opts: DecodeOptions): DecodeResult {
  const b = file.bytes;
  const messages: StageMessage[] = [];
  const forced = opts.encoding === undefined ? null : canonicalEncoding(opts.encoding);
  if (opts.encoding !== undefined && forced === null)
    return reject(file.source, 'decode', 'unknown-encoding', `unknown encoding '${opts.encoding}'`);

  // UTF-16 (Windows "Unicode" text) is recognised by its byte-order mark, before the NUL test.
  const utf16 = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : null;
  if ((forced === null && utf16) || forced === 'utf-16le' || forced === 'utf-16be') {
    const enc = forced ?? utf16!;
    const from = utf16 === enc ? 2 : 0;
    if ((b.length - from) % 2 !== 0) return reject(file.source, 'decode', 'bad-utf16', `odd number of bytes for ${enc}`);
    const r = decodeBytes(file, enc, from, messages);
    if (r.ok && !r.article.text.trim()) return reject(file.source, 'decode', 'empty', 'empty file');
    return r;
  }

  const start = b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2] ? 3 : 0;
  if (isBlank(b, start)) return reject(file.source, 'decode', 'empty', 'empty file');
  const kind = signatureOf(b);
  if (kind !== null) return reject(file.source, 'decode', 'binary', `binary file (${kind})`);
  const nul = b.indexOf(0);
  if (nul >= 0) return reject(file.source, 'decode', 'binary', `binary file (NUL byte at offset ${nul})`);

  if (forced !== null && forced !== 'utf-8') return decodeBytes(file, forced, 0, messages);
  // Node's native validator (simdutf, the same RFC 3629 rules) answers the common case; the
  // JS scan only runs on a file that is not UTF-8, to name its first bad byte.
  const bad = isUtf8(b) ? -1 : firstInvalidUtf8(b);
  if (bad < 0) return decodeBytes(file, 'utf-8', start, messages, true);
  const notUtf8 = `not valid UTF-8 (invalid byte ${hex(b[bad]!)} at offset ${bad})`;
  if (forced === 'utf-8') return lossyOrReject(file, opts, `${notUtf8}`, messages);

  if (file.format === 'html') {
    const declared = declaredCharset(b);
    const enc = declared?.encoding;
    if (enc && enc !== 'utf-8' && enc !== 'utf-16le' && enc !== 'utf-16be') return declaredOrDetected(file, enc, messages);
  }
  const { best, fits } = detectEncoding(b);
  if (fits) {
    messages.push({ stage: 'decode', level: 'info', rule: 'detected-encoding', reason: `read as ${best.encoding}: ${pct(best.share)} of ${best.counted} words are Vietnamese syllables` });
    return decodeBytes(file, best.encoding, 0, messages);
  }
  return lossyOrReject(file, opts, `${notUtf8} and no legacy Vietnamese encoding fits (best: ${best.encoding}, ${pct(best.share)} valid syllables)`, messages);
}

/**
 * A page's declared legacy charset is honoured, unless its text plainly is not in it (less
 * than the detection threshold of syllables) while another encoding fits: old pages often
 * declare one charset and set their text in a VNI or ABC font.
 */
function declaredOrDetected(file: RawFile, declared: LegacyEncoding, messages: StageMessage[]): DecodeResult {
  const ranked = rankEncodings(file.bytes);
  const own = ranked.find((c) => c.encoding === declared);
  const best = ranked[0]!;
  if (own && own.share < MIN_VALID_SHARE && best.encoding !== declared && best.share >= MIN_VALID_SHARE) {
    messages.push({
      stage: 'decode', level: 'warning', rule: 'charset-mismatch',
      reason: `declares ${declared} but reads as ${best.encoding} (${pct(best.share)} valid syllables against ${pct(own.share)})`,
    });
    return decodeBytes(file, best.encoding, 0, messages);
  }
  return decodeBytes(file, declared, 0, messages);
}

function lossyOrReject(file: RawFile, opts: DecodeOptions, what: string, messages: StageMessage[]): DecodeResult {
  if (!opts.lossy) return reject(file.source, 'decode', 'not-utf8', what);
  messages.push({ stage: 'decode', level: 'warning', rule: 'lossy-utf8', reason: `${what}; decoded with U+FFFD replacements (--lossy)` });
  const b = file.bytes;
  const start = b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2] ? 3 : 0;
  return decodeBytes(file, 'utf-8', start, messages);
}
