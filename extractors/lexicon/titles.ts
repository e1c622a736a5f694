/**
 * Position titles (SPEC §2). A title is reported bare, without its agency
 * (`Giám đốc Công an tỉnh` → `Giám đốc`), except Party membership titles, which name
 * their committee (`Ủy viên Ban Thường vụ Tỉnh ủy`, `Bí thư Đảng ủy`).
 *
 * kinds:
 * - `bare`: complete in itself (`Giám đốc`, `Thứ trưởng`).
 * - `party`: takes the Party committee that follows into the title (`Phó Bí thư` + `Tỉnh ủy`).
 * - `head`: `Trưởng`/`Phó Trưởng`, whose title is completed by the agency head word that
 *   follows (`Trưởng` + `Ban Tuyên giáo` → `Trưởng Ban`; `Trưởng` + `Công an huyện X` →
 *   `Trưởng Công an huyện`).
 */
export type TitleKind = 'bare' | 'party' | 'head';

const deputy = (titles: readonly string[]): string[] => titles.flatMap((t) => [t, `Phó ${t}`]);

const bareTitles: readonly string[] = [
  ...deputy([
    'Giám đốc', 'Tổng Giám đốc', 'Chủ tịch', 'Chủ tịch Thường trực', 'Thủ tướng', 'Bộ trưởng', 'Cục trưởng',
    'Tổng cục trưởng', 'Vụ trưởng', 'Viện trưởng', 'Chánh Văn phòng', 'Chánh Thanh tra', 'Chánh án',
    'Trưởng Ban Thường trực', 'Tư lệnh', 'Chính ủy', 'Chủ nhiệm', 'Tổng Biên tập',
    'Chỉ huy trưởng', 'Đội trưởng', 'Hiệu trưởng', 'Giám thị', 'Thủ trưởng', 'Tổng Thư ký',
    'Tổng Kiểm toán', 'Chủ tịch nước', 'Trưởng khoa', 'Trung đoàn trưởng', 'Tiểu đoàn trưởng', 'Đồn trưởng',
    'Trạm trưởng', 'Trưởng trại', 'Chỉ huy phó', 'Trưởng ấp', 'Trưởng thôn',
  ]),
  'Thứ trưởng', 'Tổng Bí thư', 'Ủy viên Thường trực',
  'Tỉnh ủy viên', 'Thành ủy viên', 'Huyện ủy viên', 'Quận ủy viên', 'Đảng ủy viên',
  'Đại biểu Quốc hội', 'Thanh tra viên', 'Điều tra viên', 'Kiểm sát viên', 'Thẩm phán', 'Báo cáo viên',
  'Trợ lý', 'Thư ký', 'Phóng viên', 'Biên tập viên', 'Chuyên viên',
  'GĐ', 'PGĐ',
];

const partyTitles: readonly string[] = [
  'Bí thư', 'Phó Bí thư', 'Phó Bí thư thường trực', 'Ủy viên', 'Ủy viên dự khuyết', 'Ủy viên Ban Thường vụ',
  'Ủy viên Ban Chấp hành', 'Ủy viên BTV', 'UVTV', 'UV BTV', 'UVBTV',
];

const headTitles: readonly string[] = ['Trưởng', 'Phó Trưởng', 'Phó trưởng'];

export const titleLexicon: ReadonlyArray<readonly [string, TitleKind]> = [
  ...bareTitles.map((t) => [t, 'bare'] as const),
  ...partyTitles.map((t) => [t, 'party'] as const),
  ...headTitles.map((t) => [t, 'head'] as const),
];

/**
 * Party committees a membership title takes into itself. Matched after a `party` title;
 * `Ban Thường vụ`/`BTV` may prefix another committee (`Ban Thường vụ Tỉnh ủy`).
 */
export const partyCommittees: readonly string[] = [
  'Tỉnh ủy', 'Thành ủy', 'Huyện ủy', 'Quận ủy', 'Thị ủy', 'Đảng ủy', 'Đảng đoàn', 'Ban cán sự Đảng',
  'Trung ương Đảng', 'TƯ Đảng', 'T.Ư Đảng', 'TW Đảng', 'Trung ương', 'Bộ Chính trị', 'Ban Bí thư',
  'Chi bộ', 'Đảng bộ', 'Ban Chấp hành Trung ương Đảng', 'Ban Chấp hành Trung ương', 'Đảng ủy Công an Trung ương',
  'Quân ủy Trung ương', 'Tỉnh đoàn', 'Thành đoàn', 'Huyện đoàn', 'Quận đoàn', 'Thị đoàn',
];
export const committeePrefixes: readonly string[] = ['Ban Thường vụ', 'BTV', 'Ban Chấp hành', 'BCH', 'Thường trực', 'thường trực'];

/** Forms of address that introduce a person's name: `đồng chí Nguyễn Văn A`, `ông B`. */
export const addressCues: readonly string[] = ['đồng chí', 'đ/c', 'Đ/c', 'ông', 'bà'];

/** Lower-case words that finish a `Trưởng`/`Phó Trưởng` title when no agency follows (`Trưởng ban`). */
export const headTitleTails: readonly string[] = ['ban', 'phòng', 'đoàn', 'khoa', 'trạm', 'đồn', 'trại', 'công an'];

/** Words that mark a former holder; dropped from the title (SPEC §7a). */
export const formerMarkers: readonly string[] = ['Nguyên', 'nguyên', 'Cựu'];

/** Verbs of appointment that join a person to a title further on (`… được bầu làm Chủ tịch Hội`). */
export const appointmentVerbs: readonly string[] = [
  'được bầu làm', 'được bầu giữ chức', 'được bầu giữ chức vụ', 'được bổ nhiệm làm', 'được bổ nhiệm giữ chức',
  'được bổ nhiệm giữ chức vụ', 'được điều động giữ chức', 'được giao giữ chức', 'giữ chức', 'giữ chức vụ',
  'được tín nhiệm bầu làm', 'được tín nhiệm bầu giữ chức', 'tái đắc cử', 'đắc cử',
];
