/**
 * Administrative-unit words. After an agency head they introduce its locality
 * (`Công an tỉnh Sóc Trăng`, `UBND huyện Mường Tè`); alone they mean "the province".
 */
export const localityWords: readonly string[] = [
  'tỉnh', 'thành phố', 'TP', 'Tp', 'TP.', 'Tp.', 'huyện', 'quận', 'Q.', 'thị xã', 'TX', 'xã', 'phường', 'thị trấn', 'TT',
  'Thành phố', 'Tỉnh', 'Huyện', 'Quận',
];

/**
 * Levels whose place names have at least two syllables: every province does (`tỉnh Hậu
 * Giang`), while cities and districts may have one (`TP Huế`, `TP Vinh`). After `tỉnh`, a lone
 * capitalised syllable is a capitalised noun (`tỉnh Bằng khen`), not a place.
 */
export const twoSyllablePlaceLevels: readonly string[] = ['tỉnh', 'Tỉnh'];
