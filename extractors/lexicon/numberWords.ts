/**
 * Vietnamese number words (SPEC §6), as data. Keys are lower-case NFC syllables.
 * `numbers.ts` composes them (`hai mươi lăm`, `ba trăm`, `45 ngàn`).
 * Tables looked up with words of the text are Maps: a plain object would answer for
 * Object.prototype's members too (`constructor` found a function, which made a count whose
 * value was a string, and validation rejected the whole article).
 */

/** Digit words. `một`, `mốt`, `tư`, `lăm` only occur inside compounds (see numbers.ts). */
export const digitWords: ReadonlyMap<string, number> = new Map(Object.entries({
  'một': 1, 'mốt': 1, 'hai': 2, 'ba': 3, 'bốn': 4, 'tư': 4, 'năm': 5, 'lăm': 5,
  'sáu': 6, 'bảy': 7, 'bẩy': 7, 'tám': 8, 'chín': 9,
}));

/** Digit words that may START a spelled-out count (`một` alone means "a/some": not a count). */
export const leadingDigitWords: readonly string[] = ['hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'một'];

/** Word for ten on its own (`mười hai` = 12) and the tens marker (`hai mươi` = 20). */
export const tenWord = 'mười';
export const tensMarker = 'mươi';
/** `trăm` = hundred; `linh`/`lẻ` join a unit digit after it (`một trăm linh năm` = 105). */
export const hundredWord = 'trăm';
export const zeroTensWords: readonly string[] = ['linh', 'lẻ'];

/** Scale words after a number: `1 triệu`, `45 ngàn`, `1,5 tỷ`. */
export const scaleWords: ReadonlyMap<string, number> = new Map(Object.entries({
  'chục': 10, 'trăm': 100, 'nghìn': 1_000, 'ngàn': 1_000, 'vạn': 10_000,
  'triệu': 1_000_000, 'tỷ': 1_000_000_000, 'tỉ': 1_000_000_000,
}));

/**
 * Round quantities after `hàng`/`hằng` (`hàng nghìn tin, bài` = about 1000). The scale
 * words only: `hàng năm` (yearly) is not among them.
 */
export const roundQuantityWords: ReadonlyMap<string, number> = scaleWords;
export const roundQuantityLead: readonly string[] = ['hàng', 'hằng'];

/**
 * Cues written before a number that make it approximate (`trên 100.000 bản`,
 * `gần 1.000 đối tượng`). Multi-syllable cues first: the longest one is taken.
 */
export const approximateCues: readonly string[] = [
  'gần như', 'có tới', 'có đến', 'lên tới', 'lên đến', 'ước tính', 'ước khoảng', 'xấp xỉ',
  'khoảng', 'trên', 'gần', 'hơn', 'ước', 'chừng', 'ngót', 'hàng',
];
