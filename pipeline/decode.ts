/**
 * Stage 2, decode: bytes to NFC text. UTF-8 only for now (a BOM is tolerated); a file that is
 * not UTF-8 is rejected with the offset of its first bad byte, so the user can look at it, and
 * `--lossy` accepts it with U+FFFD in place of each bad sequence. Legacy Vietnamese encodings
 * (Windows-1258, VISCII, TCVN) are rejected the same way until a later issue decodes them.
 */
import type { DecodedArticle, StageMessage } from '../schemas/pipeline.js';
import { reject, type RawFile, type Rejection } from './types.js';

export interface DecodeOptions {
  readonly lossy: boolean;
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
 * Decode one file. Checks run cheapest-first and each gives its own reason: empty, binary
 * (a NUL byte never occurs in text), not UTF-8. Line ends become `\n` so that offsets do not
 * depend on the platform the file was written on.
 */
export function decode(file: RawFile, opts: DecodeOptions): DecodeResult {
  const b = file.bytes;
  const start = b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2] ? 3 : 0;
  if (isBlank(b, start)) return reject(file.source, 'decode', 'empty', 'empty file');
  const nul = b.indexOf(0);
  if (nul >= 0) return reject(file.source, 'decode', 'binary', `binary file (NUL byte at offset ${nul})`);

  const messages: StageMessage[] = [];
  const bad = firstInvalidUtf8(b);
  if (bad >= 0) {
    const what = `not valid UTF-8: invalid byte ${hex(b[bad]!)} at offset ${bad}`;
    if (!opts.lossy) return reject(file.source, 'decode', 'not-utf8', what);
    messages.push({ stage: 'decode', level: 'warning', rule: 'lossy-utf8', reason: `${what}; decoded with U+FFFD replacements (--lossy)` });
  }
  const raw = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(b);
  const text = raw.replace(/\r\n?/gu, '\n').normalize('NFC');
  return {
    ok: true,
    article: { source: file.source, format: file.format, encoding: 'utf-8', text, messages },
  };
}
