/**
 * Lower-case words that cannot continue an organisation's name: function words and the verbs
 * and adverbs that follow a subject in this genre (`Vụ Tuyên truyền đã chủ động …`). A
 * lower-case syllable after a capitalised name word is kept only when it is not one of these.
 */
export const nameStopWords: readonly string[] = [
  'đã', 'đang', 'sẽ', 'vừa', 'mới', 'có', 'là', 'được', 'bị', 'với', 'của', 'trong', 'tại', 'về', 'cho', 'để',
  'theo', 'thuộc', 'các', 'những', 'cùng', 'đến', 'từ', 'trên', 'dưới', 'khi', 'nhằm', 'do', 'qua', 'ra',
  'vào', 'này', 'đó', 'nay', 'cũng', 'luôn', 'đều', 'phải', 'cần', 'nên', 'thì', 'mà', 'như', 'nhưng', 'hay',
  'hoặc', 'sau', 'trước', 'bằng', 'vì', 'nếu', 'rất', 'lại', 'còn', 'không', 'chưa', 'nhiều', 'và', 'cả',
  'tổ chức', 'phối hợp', 'triển khai', 'thực hiện', 'chủ trì', 'tham mưu', 'ban hành', 'chỉ đạo', 'tuyên truyền',
  'khẳng định', 'phát biểu', 'đề nghị', 'trao', 'tặng', 'ký', 'ký kết', 'tiếp', 'nhận', 'biểu dương', 'dự',
  'tham dự', 'làm', 'đánh giá', 'yêu cầu', 'chúc mừng', 'thường xuyên', 'tiếp tục', 'đôn đốc', 'kiểm tra',
  'xây dựng', 'hướng dẫn', 'chủ động', 'tăng cường', 'nắm', 'giúp', 'gửi', 'đạt', 'trực tiếp', 'ghi nhận',
  'quyết định', 'thông qua', 'phát động', 'tổng kết', 'sơ kết', 'giao ban', 'cử', 'bàn', 'mong', 'mong muốn',
  'năm', 'tháng', 'ngày', 'giai đoạn', 'nhiệm kỳ', 'lần', 'khóa', 'số', 'hiện', 'cụ thể', 'tiêu biểu',
  'trao đổi', 'cung cấp', 'đối với', 'trước đây', 'hàng', 'hằng',
  // Verbs that commonly follow an organisation as subject.
  'định hướng', 'phát hiện', 'ngăn chặn', 'đấu tranh', 'bảo đảm', 'đảm bảo', 'giữ vững', 'giữ', 'vai trò',
  'tiến hành', 'tập trung', 'quán triệt', 'báo cáo', 'trình bày', 'công bố', 'lãnh đạo', 'điều hành',
  'hỗ trợ', 'tạo điều kiện', 'động viên', 'thăm', 'tiếp nhận', 'bàn giao', 'khai mạc', 'bế mạc',
  'góp phần', 'nâng cao', 'đẩy mạnh', 'duy trì', 'hoàn thành', 'vận động', 'phát huy', 'tuyên dương',
  'bầu', 'cho biết', 'nhấn mạnh', 'đề xuất', 'kiến nghị', 'nhất trí', 'thống nhất',
  'giải quyết', 'xử lý', 'bắt', 'phá', 'nghiên cứu', 'mở', 'đưa', 'dẫn', 'theo dõi',
];
