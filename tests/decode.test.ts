/** The decode stage: UTF-8 fast path, BOM tolerated, NFC, invisible characters, exact reasons for bad bytes. */
import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8, normaliseText } from '../pipeline/decode.js';
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


  it('reads valid UTF-8 to the string TextDecoder gives: astral characters, a BOM inside, U+FFFD, the last code point', () => {
    const text = 'Đại tá 😀 Lê Văn 𝕏 \u{feff}giữa \u{fffd} \u{10ffff} \u{e000} cuối';
    const bytes = new TextEncoder().encode(text);
    // A view into a larger buffer, as a file's bytes after a skipped BOM are.
    const padded = new Uint8Array(bytes.length + 5);
    padded.set([0xef, 0xbb, 0xbf], 0);
    padded.set(bytes, 3);
    for (const b of [bytes, padded.subarray(0, bytes.length + 3)]) {
      const r = decode(file(b), { lossy: false });
      expect(r.ok && r.article.text).toBe(normaliseText(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)));
    }
  });
  it('rejects empty and whitespace-only files (a BOM alone is empty)', () => {
    for (const b of [[], [0x20, 0x0a, 0x09], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x0d, 0x0a]])
      expect(decode(file(b), { lossy: false })).toEqual({ ok: false, source: '/x/a.txt', stage: 'decode', rule: 'empty', reason: 'empty file' });
  });

  it('rejects a file with a NUL byte as binary, naming the offset', () => {
    const r = decode(file([0x41, 0x42, 0x43, 0x00, 0x44]), { lossy: true });
    expect(r).toMatchObject({ ok: false, rule: 'binary', reason: 'binary file (NUL byte at offset 3)' });
  });

  it('names the first bad byte of a file that is neither UTF-8 nor a legacy Vietnamese encoding', () => {
    // French in Windows-1252: no Vietnamese decoding reads it as syllables.
    const fr = [...new TextEncoder().encode('Le ministre a '), 0x70, 0x75, 0x62, 0x6c, 0x69, 0xe9, 0x20, 0x6c, 0x27, 0x61, 0x72, 0x72, 0xea, 0x74, 0xe9];
    expect(decode(file(fr), { lossy: false })).toMatchObject({
      ok: false, stage: 'decode', rule: 'not-utf8',
      reason: 'not valid UTF-8 (invalid byte 0xE9 at offset 19) and no legacy Vietnamese encoding fits (best: tcvn3, 0% valid syllables)',
    });
  });

  it('--lossy accepts it with U+FFFD and a warning', () => {
    const r = decode(file([0x41, 0x80, 0x20, 0x42, 0xff, 0x43, 0x8d, 0x8f]), { lossy: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.text).toBe('A\ufffd B\ufffdC\ufffd\ufffd');
    expect(r.article.encoding).toBe('utf-8');
    expect(r.article.messages).toEqual([
      { stage: 'decode', level: 'warning', rule: 'lossy-utf8', reason: 'not valid UTF-8 (invalid byte 0x80 at offset 1) and no legacy Vietnamese encoding fits (best: tcvn3, 0% valid syllables); decoded with U+FFFD replacements (--lossy)' },
    ]);
  });

  it('removes zero-width characters and soft hyphens, makes Unicode line separators newlines, keeps NBSP', () => {
    const r = decode(file('Nguy\u200bễn\u00adVăn\u2060 A\u200c\u200d\ufeff\u2028B\u2029C\u00a0D'), { lossy: false });
    expect(r.ok && r.article.text).toBe('NguyễnVăn A\nB\nC\u00a0D');
  });

  it('composes a tone separated from its letter by a zero-width space', () => {
    const r = decode(file('Vie\u0302\u200b\u0323t'), { lossy: false });
    expect(r.ok && r.article.text).toBe('Việt');
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
