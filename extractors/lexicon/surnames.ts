/**
 * Vietnamese family names (and the H'Mông/Thái/Tày clan names common in the north). A
 * capitalised run that starts with one of these is a name candidate where context allows.
 */
export const surnames: readonly string[] = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
  'Dương', 'Lý', 'Đoàn', 'Trương', 'Lương', 'Lâm', 'Đinh', 'Mai', 'Trịnh', 'Hà', 'Tô', 'Tạ', 'Chu', 'Lưu',
  'Quách', 'Thái', 'Vương', 'Tăng', 'Kiều', 'Đào', 'Lò', 'Vi', 'Hứa', 'Triệu', 'Mạc', 'Cao', 'Châu', 'Cầm',
  'Giàng', 'Sùng', 'Thào', 'Vàng', 'Lầu', 'Mùa', 'Hầu', 'Lù', 'Nông', 'Hoàng', 'Ma', 'Lục', 'Bế', 'Hà',
  'La', 'Lã', 'Từ', 'Văn', 'Tôn', 'Tống', 'Ông', 'Khổng', 'Khúc', 'Kim', 'Lại', 'Phùng', 'Thân', 'Thạch',
  'Doãn', 'Diệp', 'Đàm', 'Đồng', 'Giang', 'Âu', 'Ninh', 'Nghiêm', 'Mạnh', 'Quan', 'Tiêu', 'Trình', 'Trang',
  'Cù', 'Đậu', 'Đường', 'Lạc', 'Lèo', 'Lường', 'Mã', 'Nghệ', 'Phí', 'Tào', 'Văng', 'Y', 'H',
];
