/**
 * Page furniture, date-line and byline cues of Vietnamese news sites (SPEC §1), as data.
 * The clean stage (pipeline/clean-text.ts via extractors/metadata.ts) reads these tables;
 * adding a site's furniture means adding a line here, not code.
 *
 * Every phrase is compared to a whole line, trimmed, case-insensitively, with a trailing
 * colon removed: a sentence that merely contains `phản hồi` is never furniture.
 */

/**
 * Headers that open a block of links to other articles or widgets: what follows them is
 * a list of other headlines (dropped while it looks like a link list).
 */
export const sectionHeaders: readonly string[] = [
  'Có thể bạn quan tâm', 'Bạn có thể quan tâm', 'Các tin khác', 'Tin khác', 'Các bài khác', 'Bài khác',
  'Tin liên quan', 'Bài liên quan', 'Bài viết liên quan', 'Tin bài liên quan', 'Tin cùng chuyên mục',
  'Cùng chuyên mục', 'Tin mới', 'Tin mới nhất', 'Mới nhất', 'Tin mới cập nhật', 'Xem nhiều nhất', 'Đọc nhiều nhất',
  'Tin đọc nhiều', 'Tin xem nhiều', 'Xem nhiều', 'Đọc nhiều', 'Tin nổi bật', 'Tin tiêu điểm', 'Tiêu điểm',
  'Các tin đã đưa', 'Các tin đã đăng', 'Tin đã đưa', 'Tin bài khác', 'Tin cũ hơn', 'Các tin cũ hơn',
  'Liên kết website', 'Liên kết web', 'Liên kết', 'Đọc thêm', 'Xem thêm', 'Tin tức khác', 'Các bài viết khác',
];

/** Single furniture lines: widget titles, buttons, form labels, comment boxes. */
export const furnitureLines: readonly string[] = [
  'Phản hồi', 'Thông tin người gửi phản hồi', 'Gửi phản hồi', 'Ý kiến bạn đọc', 'Ý kiến của bạn', 'Bình luận',
  'Gửi bình luận', 'Viết bình luận', 'Bình luận của bạn', 'Thêm bình luận', 'Ý kiến', 'Gửi ý kiến',
  'Số lượng truy cập', 'Thống kê truy cập', 'Lượt truy cập', 'Thống kê',
  'Chia sẻ', 'Chia sẻ bài viết', 'Share', 'Like', 'Tweet', 'In bài', 'In bài viết', 'In trang', 'Bản in',
  'Gửi bài', 'Gửi email', 'Gửi cho bạn bè', 'Gửi tin', 'Email', 'Facebook', 'Zalo', 'Twitter', 'Print',
  'Lưu', 'Lưu tin', 'Lưu bài viết', 'Họ và tên', 'Họ tên', 'Địa chỉ email', 'Nội dung', 'Mã xác nhận', 'Mã bảo vệ',
  'Gửi', 'Hủy', 'Huỷ', 'Nhập lại', 'Làm lại', 'Quay lại', 'Trở lại', 'Về đầu trang', 'Lên đầu trang',
  'Đầu trang', 'Trang chủ', 'Top', 'Tải về', 'Download', 'Nghe bài viết', 'Nghe đọc bài', 'Cỡ chữ',
  'Theo dõi chúng tôi trên', 'Trở về', 'Xem tiếp', 'Trang trước', 'Trang sau',
];

/**
 * Furniture with a value after a label (`Đang truy cập: 9`, `Tổng: 0`, `Lượt xem: 1.204`):
 * the label, then only a number.
 */
export const counterLabels: readonly string[] = [
  'Đang truy cập', 'Đang online', 'Online', 'Tổng', 'Tổng truy cập', 'Tổng lượt truy cập', 'Tổng số lượt truy cập',
  'Hôm nay', 'Hôm qua', 'Trong tuần', 'Tuần này', 'Trong tháng', 'Tháng này', 'Lượt truy cập', 'Lượt xem',
  'Lượt đọc', 'Số lượt xem', 'Số lượt truy cập', 'Truy cập', 'cms-view-count', 'Bình luận', 'Lượt thích',
];

/** Labels whose line is a list of tags: `Tags: an ninh, Công an`. The whole line goes. */
export const tagLabels: readonly string[] = ['Tags', 'Tag', 'Từ khóa', 'Từ khoá', 'Chủ đề', 'Keywords'];

/**
 * Labels that may stand before the date of a page date line (`Cập nhật lúc : 08:57
 * 07/10/2015`, `cms-publish-date 27/11/2018 | 08:12`). `Clock` is an icon's alt text that
 * crawlers glue to the date.
 */
export const dateLineLabels: readonly string[] = [
  'cms-publish-date', 'Cập nhật lúc', 'Cập nhật ngày', 'Cập nhật', 'Ngày cập nhật', 'Ngày đăng', 'Đăng lúc',
  'Đăng ngày', 'Đăng vào', 'Ngày xuất bản', 'Xuất bản', 'Thời gian đăng', 'Thời gian', 'Ngày đưa tin',
  'Published', 'Posted', 'Updated', 'Clock', 'Ngày', 'lúc', 'GMT+7', 'GMT +7', 'UTC+7', 'ICT',
];

/** Alt text of icons that crawlers glue to the next word (`ClockThứ Sáu, 04/10/2019 07:15`). */
export const iconAltWords: readonly string[] = ['Clock', 'Calendar', 'Icon', 'Time', 'Date', 'Datetime'];

/** Day names of page date lines (`Thứ Hai`, `Thứ 2`, `Chủ nhật`, `CN`). */
export const weekdayNames: readonly string[] = [
  'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Thứ bẩy', 'Chủ nhật', 'Chủ Nhật',
  'Thứ 2', 'Thứ 3', 'Thứ 4', 'Thứ 5', 'Thứ 6', 'Thứ 7', 'CN',
];

/** Labels that introduce a byline or photo credit (`Bài và ảnh: VĂN KHÁNH`, `Tin, ảnh: …`). */
export const bylineLabels: readonly string[] = [
  'Bài và ảnh', 'Bài, ảnh', 'Bài & ảnh', 'Tin và ảnh', 'Tin, ảnh', 'Tin & ảnh', 'Ảnh và bài', 'Ảnh, bài',
  'Bài', 'Tin', 'Ảnh', 'Video', 'Clip', 'Nhóm phóng viên', 'Phóng viên', 'Tác giả', 'Thực hiện',
  'Ghi chép', 'Ảnh minh họa', 'Ảnh minh hoạ',
];

/** Bylines that are not personal names but are what the outlet prints as author. */
export const collectiveBylines: readonly string[] = ['PV', 'P.V', 'CTV', 'Nhóm PV', 'Nhóm phóng viên', 'PV-CTV'];

/**
 * First words of organisations that follow a byline (`Hoàng ChungBan Tuyên giáo…`, `(Trung
 * tâm VH-TT …)`) and that never start a pen name.
 */
export const organisationHeads: readonly string[] = [
  'Ban', 'Báo', 'Bộ', 'Cục', 'Công an', 'Cổng', 'Đài', 'Đoàn', 'Hội', 'Phòng', 'Sở', 'Tạp chí', 'Trung tâm',
  'Tỉnh ủy', 'Tỉnh uỷ', 'Thành ủy', 'Thành uỷ', 'Huyện ủy', 'Huyện uỷ', 'Ủy ban', 'Uỷ ban', 'UBND', 'Văn phòng',
  'Viện', 'Trường', 'Học viện', 'Bộ đội', 'Bộ Chỉ huy', 'Mặt trận', 'Liên đoàn', 'Tổng cục', 'Cơ quan',
  'Trang', 'Cổng thông tin', 'Theo', 'Nguồn', 'TTXVN', 'VOV', 'VTV', 'VTC',
];

/**
 * Openers of a story's first sentence (`Theo đó, …`, `Tại hội nghị, …`): a first line that
 * starts with one and has a comma soon after is the lead, not a headline.
 */
export const leadOpeners: readonly string[] = [
  'Theo', 'Tại', 'Trong', 'Sau', 'Qua', 'Thực hiện', 'Phát biểu', 'Tham dự', 'Dự', 'Thay mặt', 'Căn cứ',
  'Vừa qua', 'Hôm nay', 'Hôm qua', 'Sáng nay', 'Chiều nay', 'Tối nay', 'Nhằm', 'Để', 'Với', 'Cùng dự',
  'Về phía', 'Báo cáo', 'Đến dự', 'Tới dự', 'Từ', 'Nhân dịp', 'Dịp này',
];

/** Time-of-day words that open a dated lead (`Chiều 26/11, …`, `Sáng nay, …`). */
export const dayParts: readonly string[] = ['Sáng', 'Chiều', 'Tối', 'Trưa', 'Đêm', 'Ngày', 'Hôm'];

// ---------------------------------------------------------------------------------------
// HTML pages (CSS selectors, as data)

/** Containers of the article text, best first (à la trafilatura/Readability). */
export const articleBodySelectors: readonly string[] = [
  '[itemprop="articleBody"]', '.article-content', '.article-body', '.article__body', '.articleBody',
  '.detail-content', '.detail__content', '.content-detail', '.detail-body', '.news-content', '.news-detail',
  '.entry-content', '.post-content', '.post-body', '.fck_detail', '.cms-body', '#content-detail',
  '#article-content', '#articleBody', '.noidung', '.noi-dung', '.chi-tiet', 'article', '#content', '.content', 'main',
];

/** Never article text: scripts, navigation, side bars, forms, related links, comments, sharing. */
export const htmlNoiseSelectors: readonly string[] = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'button', 'select',
  'input', 'textarea', 'label', 'a[href^="javascript:"]', 'nav', 'aside', 'footer', 'form', 'menu', '[role="navigation"]',
  '[role="complementary"]', '[role="contentinfo"]', '[role="banner"]', '[aria-hidden="true"]', '[hidden]',
  '.related', '.related-news', '.related-posts', '.relate', '.box-related', '.tin-lien-quan', '.tinlienquan',
  '.tin-khac', '.other-news', '.news-other', '.more-news', '.box-tin-khac', '.comment', '.comments',
  '.comment-box', '.box-comment', '#comments', '.binh-luan', '.binhluan', '.fb-comments', '.share', '.social',
  '.social-share', '.sharing', '.print', '.toolbar', '.tags', '.tag-list', '.keywords', '.breadcrumb',
  '.breadcrumbs', '.menu', '.navbar', '.sidebar', '.advert', '.ads', '.adv', '.banner', '.qc', '.quang-cao',
  '.most-viewed', '.xem-nhieu', '.doc-nhieu', '.counter', '.visitor', '.thong-ke-truy-cap', '.newsletter',
];

/** Elements that hold the byline (removed from the text, read as authors). */
export const bylineSelectors: readonly string[] = [
  '[rel="author"]', '[itemprop="author"]', '.author', '.byline', '.article-author', '.author-name', '.tac-gia',
  '.tacgia', '.news-author', '.post-author',
];

/** First words of a trailing title segment that names the site (`… - Báo Bắc Giang`, `… | Cổng TTĐT …`). */
export const siteNameHeads: readonly string[] = [
  'Báo', 'BÁO', 'Tạp chí', 'Cổng', 'Trang', 'Đài', 'Tin tức', 'Thông tin', 'Truyền hình', 'Phát thanh',
];
