/**
 * Common Vietnamese syllables with a diacritic, from general and press usage. Detection uses
 * them only to break near-ties between decodings of short texts, where two encodings can both
 * produce valid but different syllables (`Sở Tư pháp` in TCVN3 reads `Sẻ Tễ phịp` in VISCII).
 */
export const FREQUENT_SYLLABLES: ReadonlySet<string> = new Set(
  `của và các có là được trong cho người với không những một này đã năm công tại đến
  từ về theo đó khi nhiều phải việc nhà nước sự điều đồng tỉnh huyện xã thành phố quận
  phường đội tá tướng úy chính trị hội nghị quyết định số ngày tháng trưởng phó chủ tịch
  bộ sở ban ủy đảng mặt trận tổ quốc việt nam hà nội đà nẵng hồ chí minh cần thơ hải phòng
  an ninh trật tự xử lý vụ án điều tra khởi tố bắt giữ đối tượng cán chiến sĩ sỹ lực lượng
  dân nhân viên cấp giám đốc đạo chỉ thực hiện tổ chức phối hợp kế hoạch tuyên truyền
  giáo dục văn hóa hoá xây dựng phát triển kinh tế xã hội đầu tư bảo vệ pháp luật
  trên dưới sau trước giữa ra vào lên đi đây đấy ấy nào gì sẽ đang vẫn cũng rất hơn
  như nhưng mà nếu vì để bị bởi tới hai ba bốn sáu bảy tám chín mười trăm nghìn triệu tỷ
  gồm đông tây bắc miền trung ương địa phương quốc gia thế giới tin tức báo cáo ý kiến
  phát biểu tham dự đại diện đồng chí ông bà anh chị em tuổi trú sinh học trường bệnh viện
  tiền đồng hàng hóa hoá giao thông tai nạn ma túy tuý cướp giết trộm lừa đảo tài sản
  đất rừng biển sông đường cầu đội ngũ thường xuyên trực tiếp quản lãnh đạo cơ quan đơn vị
  tiếp tục đề nghị yêu cầu nhiệm vụ kết quả tình hình công tác hoạt động chương trình
  cảm ơn tức liên hệ giải trí thứ thể điều mới nhất ảnh minh họa họa bạn đọc sức khỏe khoẻ
  đời sống tìm kiếm trang lúc giờ sáng chiều tối hôm nay qua tuần quý sớm muộn đầy đủ
  nguyên nhân kỳ kì họp thông qua luật nghị định thông tư văn bản hướng dẫn kiểm sát
  tòa toà xét xử tù giam phạt tội phạm bắt tạm giữ khám nghiệm hiện trường cứu hộ nạn
  cháy nổ lũ lụt bão thiên tai mưa gió nắng nóng lạnh ấm nước điện xăng dầu giá cả thị
  trường doanh nghiệp ngân sách thuế phí vốn lãi nợ vay đầu tháo gỡ khó khăn vướng mắc
  tích cực hiệu quả chất lượng nâng cao đẩy mạnh tăng cường giải quyết khen thưởng tặng
  bằng khen giấy danh hiệu anh hùng liệt sĩ thương binh gia đình chính sách nghèo khó
  hỗ trợ giúp đỡ quà tết lễ kỷ niệm truyền thống đoàn kết thanh niên phụ nữ cựu binh`
    .split(/\s+/u)
    .filter((w) => /[^a-z]/u.test(w)),
);
