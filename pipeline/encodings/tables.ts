/**
 * Mapping tables for the two Vietnamese *font* encodings that no maintained package decodes:
 * TCVN3 (ABC, the `.VnTime` fonts) and VNI-Windows (the `VNI-Times` fonts). Data only; the
 * code that uses it is in ./codecs.ts. Windows-1258, VISCII and TCVN 5712 VN1 are iconv-lite's.
 */

/**
 * TCVN3 (ABC) bytes 0xA0–0xFF, from the TCVN 5712:1993 chart. ABC (level VN3) is the font
 * subset of the standard: the 7 modified capitals at 0xA1–0xA7 and the 67 lower-case letters.
 * Its free slots (0xAF, 0xBA, 0xBF–0xC5, 0xCD, 0xD9–0xDB, 0xE0, 0xF0, 0xFF) hold VN1's
 * toned capitals and 0xB0–0xB4 its combining tones: ABC text never uses them, converters
 * writing full TCVN do, so decoding them as VN1 costs nothing. Checked against iconv-lite's
 * `tcvn` (VN1) in tests/encodings.test.ts: the two agree on every byte here.
 */
export const TCVN3_HIGH =
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ' + // A0–AF
  '\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' + // B0–BF
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽ' + // C0–CF
  'éẹềểễếệìỉỄẾỒĩíịò' + // D0–DF
  'Ổỏõóọồổỗốộờởỡớợù' + // E0–EF
  'ỖủũúụừửữứựỳỷỹýỵỐ'; // F0–FF

/**
 * TCVN3 bytes 0x80–0x9F. VN1 puts toned capitals here, but ABC pages and documents carry
 * Windows-1252 punctuation in this range (`…` 0x85, `–` 0x96, `“ ”` 0x93/0x94): the `.Vn`
 * fonts are ANSI fonts. Where Windows-1252 has no character (0x81, 0x8D, 0x8F, 0x90, 0x9D)
 * the VN1 capital is kept.
 */
export const TCVN3_C1 =
  '€Ả‚ƒ„…†‡ˆ‰Š‹ŒÌŽĨ' + // 80–8F
  'Í‘’“”•–—˜™š›œÙžŸ'; // 90–9F

/** Tone marks, in the order the VNI tables below list them. */
export const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const; // sắc huyền hỏi ngã nặng

/**
 * VNI-Windows, lower case: a base letter (ASCII, or one VNI byte for ơ ư đ and toned i/ỵ)
 * followed by at most one diacritic byte. Capitals are the same sequences in upper case
 * (VNI's diacritic bytes are Latin-1 letters whose capitals sit 0x20 lower: ù→Ù is acute on
 * a capital). The strings below are Windows-1252 text, one character per byte.
 *
 * Each entry: the Unicode letter without tone → its VNI spelling without tone, and the
 * VNI spellings of its five toned forms (sắc, huyền, hỏi, ngã, nặng).
 */
export const VNI_LOWER: readonly (readonly [string, string, readonly [string, string, string, string, string]])[] = [
  ['a', 'a', ['aù', 'aø', 'aû', 'aõ', 'aï']],
  ['ă', 'aê', ['aé', 'aè', 'aú', 'aü', 'aë']],
  ['â', 'aâ', ['aá', 'aà', 'aå', 'aã', 'aä']],
  ['e', 'e', ['eù', 'eø', 'eû', 'eõ', 'eï']],
  ['ê', 'eâ', ['eá', 'eà', 'eå', 'eã', 'eä']],
  ['i', 'i', ['í', 'ì', 'æ', 'ó', 'ò']],
  ['o', 'o', ['où', 'oø', 'oû', 'oõ', 'oï']],
  ['ô', 'oâ', ['oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơ', 'ô', ['ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['u', 'u', ['uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ư', 'ö', ['öù', 'öø', 'öû', 'öõ', 'öï']],
  ['y', 'y', ['yù', 'yø', 'yû', 'yõ', 'î']],
];

/** VNI's own byte for đ (Đ is its capital, 0xD1). */
export const VNI_D = ['đ', 'ñ'] as const;
