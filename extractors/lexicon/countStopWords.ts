/**
 * Words that are not counted nouns (SPEC §6), as data: lower-case NFC syllables or
 * syllable pairs.
 */

/**
 * A number followed by one of these is not a count of things (`Chỉ thị 05 ở các cấp`,
 * `Ban Chỉ đạo 94 với`): function words, verbs, adverbs.
 */
export const notCountedNouns: ReadonlySet<string> = new Set([
  'của', 'và', 'với', 'là', 'có', 'được', 'bị', 'đã', 'đang', 'sẽ', 'trong', 'tại', 'ở',
  'để', 'về', 'cho', 'từ', 'đến', 'tới', 'theo', 'do', 'thuộc', 'nhằm', 'khi', 'mà',
  'thì', 'nhưng', 'hoặc', 'hay', 'các', 'những', 'này', 'đó', 'nào', 'trên', 'dưới',
  'qua', 'nữa', 'vừa', 'rồi', 'cũng', 'đều', 'không', 'chưa', 'như', 'gồm', 'nên',
  'vì', 'bởi', 'sau', 'trước', 'giữa', 'ngoài', 'bằng', 'so', 'tăng', 'giảm', 'đạt',
  'mới', 'ra', 'vào', 'lên', 'xuống', 'hết', 'cả', 'mỗi', 'từng', 'thêm', 'chiếm',
  'trở', 'lại', 'còn', 'tham gia', 'thực hiện', 'triển khai', 'tham dự', 'phát hiện',
  'tiến hành', 'tổ chức', 'phối hợp', 'ký kết', 'xử lý', 'chủ trì', 'phát biểu', 'nhấn mạnh',
  'khẳng định', 'tiếp nhận', 'phát động',
]);

/**
 * Words (one to three syllables) right before a number that make it an identifier, an
 * ordinal or part of a name, not a count: `số 38`, `lần thứ 4`, `Ban Chỉ đạo 389`,
 * `Chỉ thị 05`, `Quận 3`, `Hội nghị Trung ương 7`.
 */
export const identifierHeads: ReadonlySet<string> = new Set([
  'số', 'thứ', 'lần', 'hạng', 'giải', 'khóa', 'khoá', 'kỳ', 'kì', 'đợt', 'điều', 'khoản',
  'chương', 'mục', 'phần', 'quận', 'phường', 'khu', 'khu phố', 'tổ dân phố', 'ấp', 'thôn',
  'xóm', 'tiểu khu', 'lô', 'tầng', 'phòng', 'lớp', 'đội', 'tổ', 'câu', 'bài', 'trang',
  'chỉ đạo', 'trung ương', 'quốc lộ', 'tỉnh lộ', 'hương lộ', 'hẻm', 'ngõ', 'kiệt',
  'chỉ thị', 'nghị quyết', 'nghị định', 'quyết định', 'thông tư', 'kế hoạch', 'chương trình',
  'chương trình phối hợp', 'quy chế phối hợp', 'kế hoạch phối hợp', 'nghị quyết liên tịch',
  'thông tư liên tịch', 'công văn', 'kết luận', 'quy định', 'hướng dẫn', 'thông báo', 'luật',
  'quy chế', 'covid', 'sư đoàn', 'trung đoàn', 'lữ đoàn', 'tiểu đoàn', 'đại đội',
  'trung đội', 'tiểu đội', 'mã', 'mẫu', 'model', 'kiểu', 'cấp độ', 'mức', 'top', 'ngày',
  'tháng', 'tuần', 'quý', 'giờ', 'lúc', 'vào lúc',
]);

/** Time units: the counted noun is the unit alone (`3 năm thực hiện` counts `năm`). */
export const timeUnits: ReadonlySet<string> = new Set(['năm', 'tháng', 'tuần', 'ngày', 'giờ', 'phút', 'giây', 'quý']);

/** Phrases ending in an identifier head that still introduce a count: `tổng số 100 cán bộ`. */
export const identifierHeadExceptions: ReadonlySet<string> = new Set([
  'tổng số', 'trong số', 'với số', 'trên tổng số',
]);

/**
 * Words after which the counted noun phrase stops (`31 tập thể và cá nhân tiêu biểu`,
 * `trên 100.000 bản mỗi năm`): function words, verbs and adjectives common in the genre.
 */
export const unitStopWords: ReadonlySet<string> = new Set([
  ...notCountedNouns,
  'tiêu biểu', 'xuất sắc', 'nhận', 'dự', 'tặng', 'đạt', 'hoạt động', 'làm', 'tiếp tục',
  'trị giá', 'mỗi', 'ngày', 'nay', 'ấy', 'kia', 'gần', 'truy', 'kết', 'phục vụ', 'đi',
  'ký', 'tiến', 'bảo', 'đầu', 'cuối', 'liên tiếp', 'liên tục', 'năm', 'luôn', 'thường',
  'thường xuyên', 'quan tâm', 'phối hợp', 'chủ động', 'cùng', 'tích cực', 'đồng thời',
  'hỗ trợ', 'ký kết', 'trao', 'đề nghị', 'khẳng định', 'thống nhất', 'đẩy mạnh',
  'tăng cường', 'xây dựng', 'bảo đảm', 'đảm bảo', 'góp phần', 'nâng cao', 'trực tiếp',
  'chính thức', 'liên quan', 'hiện', 'vẫn', 'cần', 'phải', 'nhằm', 'bao gồm',
  'nguyên', 'chống', 'trong đó', 'ngay', 'kịp thời', 'hiệu quả',
]);
