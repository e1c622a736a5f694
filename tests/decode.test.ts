/** The decode stage: UTF-8 only, BOM tolerated, NFC, and exact reasons for bad bytes. */
import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8 } from '../pipeline/decode.js';
import type { RawFile } from '../pipeline/types.js';

const file = (bytes: number[] | Uint8Array | string, format: 'text' | 'html' = 'text'): RawFile => ({
  source: '/x/a.txt',
  format,
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes),
  rawHash: '0'.repeat(64),
});

describe('decode', () => {
  it('decodes UTF-8, drops a BOM, normalises to NFC and CRLF to LF', () => {
    const nfd = 'Công an tỉnh'.normalize('NFD');
    const bytes = [0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${nfd}\r\nHà Nội\rx`)];
    const r = decode(file(bytes), { lossy: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.text).toBe('Công an tỉnh\nHà Nội\nx');
    expect(r.article.text).toBe(r.article.text.normalize('NFC'));
    expect(r.article).toMatchObject({ source: '/x/a.txt', format: 'text', encoding: 'utf-8', messages: [] });
  });

  it('rejects empty and whitespace-only files (a BOM alone is empty)', () => {
    for (const b of [[], [0x20, 0x0a, 0x09], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x0d, 0x0a]])
      expect(decode(file(b), { lossy: false })).toEqual({ ok: false, source: '/x/a.txt', stage: 'decode', rule: 'empty', reason: 'empty file' });
  });

  it('rejects a file with a NUL byte as binary, naming the offset', () => {
    const r = decode(file([0x41, 0x42, 0x43, 0x00, 0x44]), { lossy: true });
    expect(r).toMatchObject({ ok: false, rule: 'binary', reason: 'binary file (NUL byte at offset 3)' });
  });

  it('names the first bad byte of invalid UTF-8 and its offset', () => {
    // "Hà" in Windows-1258 / Latin-1: 0x48 0xE0
    expect(decode(file([0x48, 0xe0]), { lossy: false })).toMatchObject({ ok: false, stage: 'decode', rule: 'not-utf8', reason: 'not valid UTF-8: invalid byte 0xE0 at offset 1' });
    // Valid Vietnamese first, then a lone continuation byte: the offset counts bytes, not characters.
    const prefix = new TextEncoder().encode('Đại tá ');
    expect(decode(file([...prefix, 0x80, 0x41]), { lossy: false })).toMatchObject({ reason: `not valid UTF-8: invalid byte 0x80 at offset ${prefix.length}` });
  });

  it('--lossy accepts it with U+FFFD and a warning', () => {
    const r = decode(file([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0x69]), { lossy: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.text).toBe('H\ufffd N\ufffdi');
    expect(r.article.messages).toEqual([
      { stage: 'decode', level: 'warning', rule: 'lossy-utf8', reason: 'not valid UTF-8: invalid byte 0xE0 at offset 1; decoded with U+FFFD replacements (--lossy)' },
    ]);
  });
});

describe('firstInvalidUtf8', () => {
  const cases: [string, number[], number][] = [
    ['ASCII', [0x41, 0x42], -1],
    ['two, three and four byte forms', [0xc3, 0xa0, 0xe1, 0xbb, 0x87, 0xf0, 0x9f, 0x98, 0x80], -1],
    ['lone continuation', [0x41, 0x80], 1],
    ['overlong two-byte (C0)', [0xc0, 0xaf], 0],
    ['overlong three-byte (E0 80)', [0xe0, 0x80, 0xaf], 0],
    ['UTF-16 surrogate (ED A0)', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF (F4 90)', [0xf4, 0x90, 0x80, 0x80], 0],
    ['F5 never occurs', [0x41, 0xf5, 0x80, 0x80, 0x80], 1],
    ['truncated at the end', [0x41, 0x42, 0xe1, 0xbb], 2],
    ['bad second continuation', [0xe1, 0xbb, 0x41], 0],
  ];
  for (const [name, bytes, want] of cases) it(name, () => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(want));

  it('agrees with TextDecoder on random byte strings (validity), linear on a 1 MB input', () => {
    let seed = 42;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 2000; n++) {
      const b = Uint8Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => (rnd() < 0.5 ? 0x80 + Math.floor(rnd() * 0x80) : Math.floor(rnd() * 0x100)));
      let valid = true;
      try {
        strict.decode(b);
      } catch {
        valid = false;
      }
      expect(firstInvalidUtf8(b) === -1, Array.from(b).join(',')).toBe(valid);
    }
    const big = new TextEncoder().encode('Thượng tá Trần Văn Hùng. '.repeat(40_000));
    const t = performance.now();
    expect(firstInvalidUtf8(big)).toBe(-1);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
