/**
 * Byte ↔ text for the legacy Vietnamese encodings. iconv-lite covers Windows-1258, VISCII and
 * TCVN 5712 VN1; TCVN3 (ABC) and VNI-Windows are font encodings read from ./tables.ts.
 * Decoders return text as the bytes spell it (Windows-1258 and VNI give combining tones):
 * the decode stage normalises to NFC. Encoders exist to write test data and to check that
 * every table round-trips; they are not used by the pipeline itself.
 */
import iconv from 'iconv-lite';
import { TCVN3_C1, TCVN3_HIGH, TONES, VNI_D, VNI_LOWER } from './tables.js';

const buf = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.length);

/** Encodings the pipeline can decode besides UTF-8, by canonical name. */
export const LEGACY_ENCODINGS = ['windows-1258', 'viscii', 'tcvn3', 'vni-windows', 'tcvn5712-1'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];
export type EncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

/**
 * Names users and HTML pages give them (lower case, `_` and spaces read as `-`). A Map: a
 * label such as `constructor` must be unknown, not a member of Object.prototype.
 */
const ALIASES: ReadonlyMap<string, EncodingName> = new Map(Object.entries({
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
  'windows-1258': 'windows-1258', cp1258: 'windows-1258', 'x-cp1258': 'windows-1258', win1258: 'windows-1258', 'cp-1258': 'windows-1258',
  viscii: 'viscii', 'x-viet-viscii': 'viscii', 'viscii1.1-1': 'viscii', csviscii: 'viscii',
  tcvn3: 'tcvn3', abc: 'tcvn3', 'tcvn3-abc': 'tcvn3', 'x-viet-tcvn': 'tcvn3', 'x-viet-tcvn3': 'tcvn3', 'tcvn-abc': 'tcvn3', tcvn: 'tcvn3',
  'tcvn5712-1': 'tcvn5712-1', 'tcvn-5712': 'tcvn5712-1', tcvn5712: 'tcvn5712-1', 'x-viet-tcvn5712': 'tcvn5712-1', 'tcvn5712-1:1993': 'tcvn5712-1', vn1: 'tcvn5712-1',
  'vni-windows': 'vni-windows', vni: 'vni-windows', 'x-viet-vni': 'vni-windows', 'vni-win': 'vni-windows',
}));

/** Canonical name of an encoding label, or null when it is not one we decode. */
export function canonicalEncoding(label: string): EncodingName | null {
  return ALIASES.get(label.trim().toLowerCase().replace(/[_\s]+/gu, '-')) ?? null;
}

/** The names `--encoding` accepts, for its help and error text. */
export const ENCODING_NAMES: readonly EncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', ...LEGACY_ENCODINGS];

const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** `ậ` → `â` + dot below. NFD orders a dot below before a circumflex, so look, don't slice. */
function splitTone(ch: string): { base: string; tone: string } {
  const d = ch.normalize('NFD');
  const tone = TONE_RE.exec(d)?.[0] ?? '';
  return { base: (tone ? d.replace(tone, '') : d).normalize('NFC'), tone };
}

// ---------------------------------------------------------------------------------------
// TCVN3 (ABC)

const TCVN3_DECODE: readonly string[] = Array.from({ length: 256 }, (_v, b) =>
  b < 0x80 ? String.fromCharCode(b) : b < 0xa0 ? [...TCVN3_C1][b - 0x80]! : [...TCVN3_HIGH][b - 0xa0]!,
);

function decodeTcvn3(bytes: Uint8Array): string {
  let out = '';
  // Chunked joins keep this linear and avoid one huge intermediate array.
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const parts: string[] = [];
    const end = Math.min(bytes.length, i + CHUNK);
    for (let j = i; j < end; j++) parts.push(TCVN3_DECODE[bytes[j]!]!);
    out += parts.join('');
  }
  return out;
}

/**
 * How toned capitals are written in TCVN3. ABC has none: documents set them in an `H` font
 * (`.VnTimeH`) that draws the lower-case codes as capitals, so the bytes alone say lower case
 * (`h-font`). Full TCVN writers use VN1's capitals where ABC leaves a slot free and a capital
 * plus a combining tone elsewhere (`full`), which round-trips exactly.
 */
export type Tcvn3Capitals = 'full' | 'h-font';

function tcvn3Encoder(capitals: Tcvn3Capitals): Map<string, number[]> {
  const m = new Map<string, number[]>();
  const put = (ch: string, bytes: number[]): void => {
    if (!m.has(ch)) m.set(ch, bytes);
  };
  for (let b = 0; b < 0x80; b++) put(String.fromCharCode(b), [b]);
  // ABC's own letters first (0xA1–0xFE minus the VN1 capitals), then VN1's capitals.
  TCVN3_DECODE.forEach((ch, b) => {
    if (b >= 0xa0 && !/\p{Lu}/u.test(ch.normalize('NFD')[0] ?? '') && !/\p{M}/u.test(ch)) put(ch, [b]);
  });
  TCVN3_DECODE.forEach((ch, b) => {
    if (b >= 0xa1 && b <= 0xa7) put(ch, [b]);
  });
  TCVN3_DECODE.forEach((ch, b) => {
    if (b >= 0x80 && b < 0xa0 && !/\p{Lu}/u.test(ch)) put(ch, [b]);
  });
  const toneByte = new Map<string, number>(['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'].map((t, i) => [t, 0xb0 + i]));
  for (const lower of TCVN3_DECODE.slice(0xa0)) {
    const upper = lower.toUpperCase();
    if (upper === lower || m.has(upper)) continue;
    if (capitals === 'h-font') {
      put(upper, m.get(lower)!);
      continue;
    }
    const vn1 = TCVN3_DECODE.indexOf(upper, 0xa0);
    if (vn1 >= 0) {
      put(upper, [vn1]);
      continue;
    }
    const { base, tone } = splitTone(upper);
    const baseBytes = m.get(base);
    const tb = toneByte.get(tone);
    if (baseBytes && tb !== undefined) put(upper, [...baseBytes, tb]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------
// VNI-Windows

/** Latin-1/Windows-1252 text of VNI bytes → Unicode letter, both cases. */
const VNI_DECODE = new Map<string, string>();
for (const [bare, vniBare, toned] of VNI_LOWER) {
  const forms: [string, string][] = [[bare, vniBare], ...toned.map((v, i): [string, string] => [(bare + TONES[i]!).normalize('NFC'), v])];
  for (const [uni, vni] of forms) {
    if (vni.length === 1 && vni === uni) continue; // plain ASCII vowel
    VNI_DECODE.set(vni, uni);
    VNI_DECODE.set(vni.toUpperCase(), uni.toUpperCase());
    // A capital base with a lower-case diacritic byte (`Aù`) occurs in converted text.
    if (vni.length === 2) VNI_DECODE.set(vni[0]!.toUpperCase() + vni[1]!, uni.toUpperCase());
  }
}
VNI_DECODE.set(VNI_D[1], VNI_D[0]);
VNI_DECODE.set(VNI_D[1].toUpperCase(), VNI_D[0].toUpperCase());

const VNI_ENCODE = new Map<string, string>();
for (const [vni, uni] of VNI_DECODE) {
  const natural = vni === vni.toUpperCase() || vni === vni.toLowerCase();
  if (natural && !VNI_ENCODE.has(uni)) VNI_ENCODE.set(uni, vni);
}

function decodeVni(bytes: Uint8Array): string {
  // VNI pages are Windows-1252 text drawn in a VNI font: read them as such, then join each
  // base letter with the diacritic byte after it (ơ/ư are one byte and may take a tone byte).
  const s = iconv.decode(buf(bytes), 'windows1252');
  let out = '';
  let parts: string[] = [];
  for (let i = 0; i < s.length; ) {
    const two = VNI_DECODE.get(s.slice(i, i + 2));
    if (two !== undefined) {
      parts.push(two);
      i += 2;
    } else {
      const ch = s[i]!;
      parts.push(VNI_DECODE.get(ch) ?? ch);
      i += 1;
    }
    if (parts.length >= 8192) {
      out += parts.join('');
      parts = [];
    }
  }
  return out + parts.join('');
}

// ---------------------------------------------------------------------------------------
// Windows-1258

/**
 * Windows-1258 has the modified letters (â ă ê ô ơ ư đ) and some toned Latin-1 letters
 * (à á é …) precomposed, and the five tones as combining bytes. `precomposed` uses a
 * precomposed byte where there is one (what Windows wrote); `decomposed` always writes
 * letter + tone byte (what converters and some archives carry).
 */
export type Cp1258Style = 'precomposed' | 'decomposed';

function encodeCp1258(text: string, style: Cp1258Style): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const { base, tone } = splitTone(ch);
    const whole = iconv.encode(ch, 'windows1258');
    if (!(style === 'decomposed' && tone) && !(whole.length === 1 && whole[0] === 0x3f && ch !== '?')) {
      out.push(...whole);
      continue;
    }
    out.push(...iconv.encode(base, 'windows1258'), ...iconv.encode(tone, 'windows1258'));
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------------------

/** Decode bytes in one of the legacy encodings. Never throws: every byte maps to something. */
export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  switch (encoding) {
    case 'windows-1258':
      return iconv.decode(buf(bytes), 'windows1258');
    case 'viscii':
      return iconv.decode(buf(bytes), 'viscii');
    case 'tcvn5712-1':
      return iconv.decode(buf(bytes), 'tcvn');
    case 'tcvn3':
      return decodeTcvn3(bytes);
    case 'vni-windows':
      return decodeVni(bytes);
  }
}

/**
 * VISCII and VN1 give all 128 high bytes to letters: typographic punctuation is written in
 * ASCII, as converters do (`“…”` → `"..."`, `–` → `-`, NBSP → space).
 */
const ASCII_PUNCTUATION: Readonly<Record<string, string>> = {
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2018': "'", '\u2019': "'", '\u2013': '-', '\u2014': '-',
  '\u2026': '...', '\u00a0': ' ', '\u2022': '*', '\u00ab': '"', '\u00bb': '"',
};

export function asciiPunctuation(text: string): string {
  return text.replace(/[\u201c\u201d\u201e\u2018\u2019\u2013\u2014\u2026\u00a0\u2022\u00ab\u00bb]/gu, (c) => ASCII_PUNCTUATION[c] ?? c);
}

export interface EncodeOptions {
  readonly cp1258?: Cp1258Style;
  readonly tcvn3Capitals?: Tcvn3Capitals;
}

const tcvn3Encoders = new Map<Tcvn3Capitals, Map<string, number[]>>();

/**
 * Encode NFC text in a legacy encoding (for tests and round-trip checks). A character the
 * encoding cannot write becomes `?`, as iconv does.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding, opts: EncodeOptions = {}): Uint8Array {
  const nfc = text.normalize('NFC');
  switch (encoding) {
    case 'windows-1258':
      return encodeCp1258(nfc, opts.cp1258 ?? 'precomposed');
    case 'viscii':
      return Uint8Array.from(iconv.encode(asciiPunctuation(nfc), 'viscii'));
    case 'tcvn5712-1':
      return Uint8Array.from(iconv.encode(asciiPunctuation(nfc), 'tcvn'));
    case 'tcvn3': {
      const caps = opts.tcvn3Capitals ?? 'full';
      let enc = tcvn3Encoders.get(caps);
      if (!enc) tcvn3Encoders.set(caps, (enc = tcvn3Encoder(caps)));
      const out: number[] = [];
      for (const ch of nfc) out.push(...(enc.get(ch) ?? iconv.encode(ch, 'windows1252')));
      return Uint8Array.from(out);
    }
    case 'vni-windows': {
      let s = '';
      for (const ch of nfc) s += VNI_ENCODE.get(ch) ?? ch;
      return Uint8Array.from(iconv.encode(s, 'windows1252'));
    }
  }
}
