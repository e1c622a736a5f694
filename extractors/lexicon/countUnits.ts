/**
 * Counted nouns (SPEC §6), as data: first syllables, lower-case NFC.
 */

/**
 * Capitalised nouns that may follow a number (`5 Huân chương Lao động hạng Ba`,
 * `12 Giấy khen`, `47 Công an xã`, `2 Đồn Công an`, `19 Trưởng phòng`). Any other
 * capitalised word after a number is taken as part of a name, not a counted noun.
 */
export const capitalisedUnitHeads: ReadonlySet<string> = new Set([
  'huân', 'huy', 'kỷ', 'kỉ', 'bằng', 'giấy', 'cờ', 'công', 'đồn', 'trưởng', 'phó', 'đội',
  'phòng', 'chi', 'đảng', 'tập', 'cá', 'đồng', 'chiến', 'cán', 'ban', 'sở', 'cục', 'vụ',
  'tổng', 'ủy', 'uỷ', 'hội', 'tổ', 'đoàn', 'mẹ', 'bà', 'anh', 'danh', 'xã', 'phường',
  'huyện', 'tỉnh', 'thành', 'quận', 'trường', 'bệnh', 'nhà', 'câu', 'clb', 'bộ', 'cụm',
  'đại', 'thượng', 'trung', 'thiếu', 'hạ', 'binh', 'cảnh', 'điển', 'gương', 'người',
  'đơn', 'cơ', 'lực', 'khối', 'chương', 'nghị', 'quyết', 'chỉ', 'kế', 'văn', 'tác', 'bài',
]);

/**
 * Words before a spelled-out `năm` that make it the noun "year", not the numeral five:
 * `trong năm`, `mỗi năm`, `hằng năm`, `các năm`, `tháng năm`.
 */
export const wordsBeforeYearNoun: ReadonlySet<string> = new Set([
  'trong', 'cả', 'mỗi', 'hàng', 'hằng', 'từng', 'các', 'những', 'nhiều', 'của', 'vào', 'đầu',
  'cuối', 'giữa', 'sang', 'qua', 'tháng',
]);

/**
 * Nouns that a spelled-out `năm` (five) must be followed by to count: `năm` is far more
 * often "year" (`năm qua`, `năm tới`, `năm 2018`), so it needs a clear counted noun.
 */
export const nounsAfterSpelledFive: ReadonlySet<string> = new Set([
  'đơn', 'cơ', 'ngành', 'bên', 'tỉnh', 'huyện', 'xã', 'phường', 'thành', 'lực', 'người',
  'đồng', 'tập', 'cá', 'nội', 'nhóm', 'đội', 'tổ', 'lĩnh', 'nhiệm', 'mặt', 'giải',
  'chương', 'đề', 'tiêu', 'vấn', 'nguyên', 'bước', 'điểm', 'khâu', 'khối', 'cấp', 'nước',
  'quốc', 'chiến', 'cán', 'đảng', 'mô', 'phong', 'chủ', 'kiến', 'vụ', 'đối', 'trường',
  'tháng', 'ngày', 'lần', 'đợt', 'cuộc', 'hội', 'ban', 'bộ', 'sở', 'cục',
]);

/**
 * Nouns that can follow a comma or `và` inside one counted list (`hàng nghìn tin, bài,
 * ảnh`, `31 tập thể và cá nhân`, `32 xã, phường`).
 */
export const listableNouns: ReadonlySet<string> = new Set([
  'bài', 'ảnh', 'tin', 'video', 'clip', 'cá nhân', 'tập thể', 'phần việc', 'xã', 'phường',
  'thị trấn', 'thôn', 'bản', 'tổ', 'ấp', 'khu', 'phố', 'hộ', 'gia đình', 'đơn vị',
  'cơ quan', 'doanh nghiệp', 'trường học', 'súng', 'vũ khí', 'đồn', 'chiến sĩ', 'cán bộ',
  'đảng viên', 'hội viên', 'đoàn viên', 'học sinh', 'sinh viên', 'người dân', 'thành phố',
  'thị xã', 'quận', 'huyện', 'tỉnh',
]);

/**
 * Two-syllable counted nouns whose first syllable is also a function word (`bằng` = "by",
 * `giấy`...): `6 bằng khen` counts even though `bằng` alone would stop it.
 */
export const countedCompounds: ReadonlySet<string> = new Set([
  'bằng khen', 'giấy khen', 'cờ thi đua', 'huy chương', 'huân chương', 'kỷ niệm chương',
  'giấy chứng nhận',
]);

/** Two-syllable words kept whole inside a counted noun phrase (`15 đơn vị trực thuộc`). */
export const unitCompounds: ReadonlySet<string> = new Set(['trực thuộc', 'thanh niên', 'hình sự', 'tự chế', 'có uy tín']);
