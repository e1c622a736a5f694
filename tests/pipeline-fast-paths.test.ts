/**
 * The performance shortcuts of the pipeline give the same answers as the slow paths they skip:
 * Node's native UTF-8 check against firstInvalidUtf8 (decode), String.prototype.trim against
 * the edge-space regex (splitLines).
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../pipeline/decode.js';
import { splitLines } from '../pipeline/clean-text.js';

/** Bytes around every UTF-8 boundary: overlongs, surrogates, > U+10FFFF, stray continuations. */
const EDGE_BYTES = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf3, 0xf4, 0xf5, 0xff];

describe('decode fast path', () => {
  it('isUtf8 accepts exactly what firstInvalidUtf8 accepts', () => {
    const byte = fc.oneof(fc.constantFrom(...EDGE_BYTES), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 8 }), (bytes) => {
        const b = Uint8Array.from(bytes);
        expect(isUtf8(b)).toBe(firstInvalidUtf8(b) < 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects a surrogate and an overlong, accepts U+10FFFF', () => {
    expect(isUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(false);
    expect(isUtf8(Uint8Array.from([0xf4, 0x8f, 0xbf, 0xbf]))).toBe(true);
  });
});

describe('splitLines trimming', () => {
  it('trims spaces, NBSP, BOM and zero-width spaces at both edges, keeps inner ones', () => {
    expect(splitLines('  Hà Nội \u00a0\n\u200b Công an\u200b \n\ufeffx\u200by\ufeff')).toEqual(['Hà Nội', 'Công an', 'x\u200by']);
  });

  it('matches the edge-space regex on any line', () => {
    const ch = fc.constantFrom(' ', '\t', '\u00a0', '\u200b', '\ufeff', '\u3000', 'a', 'ệ', '.');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (chars) => {
        const line = chars.join('');
        expect(splitLines(line)).toEqual([line.replace(/^\ufeff/u, '').replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/gu, '')]);
      }),
      { numRuns: 3000 },
    );
  });
});
