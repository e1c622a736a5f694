/**
 * Vietnamese syllable structure, as data: onset + rhyme (medial, nucleus, coda) + tone, in
 * the spelling of the national orthography. Used to tell which decoding of legacy bytes reads
 * as Vietnamese (./syllable.ts); it needs to be right for real syllables and to reject what
 * a wrong decoding makes (Latin-1 letters, symbols, two tones, impossible clusters).
 */

/** Initial consonants, longest first so `ngh` is tried before `ng` and `n`. */
export const ONSETS: readonly string[] = [
  'ngh', 'ch', 'gh', 'gi', 'kh', 'ng', 'nh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
];

/** Onsets that only stand before a front vowel (i, e, ê, and y/iê), and those that never do. */
export const FRONT_ONLY: ReadonlySet<string> = new Set(['k', 'gh', 'ngh']);
export const NOT_FRONT: ReadonlySet<string> = new Set(['c', 'g', 'ng']);
export const FRONT_VOWELS: ReadonlySet<string> = new Set(['i', 'e', 'ê', 'y']);

/**
 * Final consonants, two-letter ones first. `k` ends only Central Highlands names
 * (`Đắk Lắk`) and is checked like `c`.
 */
export const CODAS: readonly string[] = ['ch', 'ng', 'nh', 'c', 'k', 'm', 'n', 'p', 't'];

/**
 * Vowel groups (medial + nucleus + glide): the codas each may take, whether it may end the
 * syllable (`open`), and which of its letters may carry the tone (`tone`, 0-based). Groups
 * that end in a glide (`ai`, `ươi`) take no coda; `ă`, `â`, `iê`, `uô`, `ươ` need one. Open
 * `oa`/`oe`/`uy` take the tone on either vowel: both placement styles are in use.
 */
export interface VowelGroup {
  readonly open: boolean;
  readonly codas: string;
  readonly tone: string;
}

const g = (open: boolean, codas: string, tone: string): VowelGroup => ({ open, codas, tone });
const glide = g(true, '', '0');

/** A Map: groups come from decoded text, which must never find a member of Object.prototype. */
export const VOWEL_GROUPS: ReadonlyMap<string, VowelGroup> = new Map(Object.entries({
  a: g(true, 'c ch k m n ng nh p t', '0'),
  ă: g(false, 'c k m n ng p t', '0'),
  â: g(false, 'c m n ng p t', '0'),
  e: g(true, 'c m n ng p t', '0'),
  ê: g(true, 'ch m n nh p t', '0'),
  i: g(true, 'ch m n nh p t', '0'),
  o: g(true, 'c m n ng p t', '0'),
  ô: g(true, 'c m n ng p t', '0'),
  ơ: g(true, 'm n p t', '0'),
  u: g(true, 'c m n ng p t', '0'),
  ư: g(true, 'c m n ng t', '0'),
  y: g(true, '', '0'),
  ai: glide, ao: glide, au: glide, ay: glide, âu: glide, ây: glide, eo: glide, êu: glide,
  ia: glide, iu: glide, oi: glide, ôi: glide, ơi: glide, ua: glide, ui: glide, ưa: glide,
  ưi: glide, ưu: glide,
  uơ: g(true, '', '1'),
  iê: g(false, 'c m n ng p t', '1'),
  yê: g(false, 'c m n ng p t', '1'),
  uô: g(false, 'c m n ng p t', '1'),
  ươ: g(false, 'c m n ng p t', '1'),
  oo: g(false, 'c ng', '1'),
  oa: g(true, 'c ch m n ng nh p t', '01'),
  oă: g(false, 'c m n ng p t', '1'),
  oe: g(true, 'm n p t', '01'),
  uâ: g(false, 'c n ng t', '1'),
  uê: g(true, 'ch n nh', '1'),
  uy: g(true, 'c ch n nh p t', '01'),
  uyê: g(false, 'n t', '2'),
  oai: g(true, '', '1'), oay: g(true, '', '1'), oao: g(true, '', '1'), oeo: g(true, '', '1'),
  uây: g(true, '', '1'), uôi: g(true, '', '1'), ươi: g(true, '', '1'), ươu: g(true, '', '1'),
  iêu: g(true, '', '1'), yêu: g(true, '', '1'), uya: g(true, '', '1'), uyu: g(true, '', '1'),
  uêu: g(true, '', '1'),
}));

/** Codas after which only the sắc and nặng tones occur (checked syllables). */
export const STOP_CODAS: ReadonlySet<string> = new Set(['c', 'ch', 'k', 'p', 't']);
/** Tones allowed on a checked syllable: sắc (U+0301), nặng (U+0323). */
export const STOP_TONES: ReadonlySet<string> = new Set(['\u0301', '\u0323']);
