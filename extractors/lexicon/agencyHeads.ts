/**
 * Agency heads (SPEC §3): the words an organisation's name starts with, and how each one
 * continues. Matched case-insensitively on tokens; in running text the head must be
 * capitalised (`Ban Tuyên giáo`, never `ban tuyên giáo các huyện`).
 *
 * - `standalone`: an agency by itself (`Chính phủ`, `Tỉnh ủy`, `UBND`); otherwise the head
 *   needs a name or a locality after it (`Cục` alone is nothing).
 * - `committee`: may close the name of another agency (`Ban Tuyên giáo Tỉnh ủy`,
 *   `Ủy ban TƯ MTTQ Việt Nam`).
 * - `hosted`: may name the police unit that hosts it (`Đảng ủy Công an tỉnh`,
 *   `Hội Phụ nữ Công an tỉnh Bắc Ninh`); administrative units do not (`Cục An ninh mạng Bộ
 *   Công an` is two agencies).
 * - `numbered`: takes a number and a quoted name (`Ban Chỉ đạo 35`, `Ban chỉ đạo “…” TƯ`).
 * - `Đoàn` is also a family name, so only the listed full heads (`Đoàn Thanh niên`) count.
 */
export interface AgencyHead {
  readonly standalone?: boolean;
  /** Only closes another agency's name, never starts one (`TƯ`, `Trung ương`). */
  readonly attachOnly?: boolean;
  /** A board of whatever follows (`Ban Thường vụ Tỉnh ủy`, `Ban Giám đốc Công an tỉnh`). */
  readonly of?: boolean;
  /**
   * Looks like a head but names an event, a member or an action (`Hội nghị`, `Đoàn viên`,
   * `Phòng chống`), or a Party organisation the SPEC does not count (`Đảng bộ`): read so its
   * words are consumed, never reported.
   */
  readonly ignore?: boolean;
  readonly committee?: boolean;
  readonly hosted?: boolean;
  readonly numbered?: boolean;
  /** Stands first only when preceded by nothing capitalised: a force name (`Công an nhân dân`). */
  readonly force?: boolean;
}

const heads: ReadonlyArray<readonly [string, AgencyHead]> = [
  // State
  ['Bộ', {}], ['Tổng cục', {}],
  // Names with a dash, which otherwise ends a name.
  ['Bộ Lao động - Thương binh và Xã hội', { standalone: true }],
  ['Sở Lao động - Thương binh và Xã hội', { standalone: true }], ['Cục', {}], ['Vụ', {}], ['Sở', {}], ['Phòng', {}], ['Văn phòng', { hosted: true }],
  ['Chính phủ', { standalone: true, committee: true }], ['Quốc hội', { standalone: true, committee: true }],
  ['Ủy ban', {}], ['Ủy ban nhân dân', { standalone: true, committee: true }], ['UBND', { standalone: true, committee: true }],
  ['Hội đồng nhân dân', { standalone: true }], ['HĐND', { standalone: true }], ['Hội đồng', {}],
  ['Ủy ban Thường vụ Quốc hội', { standalone: true }], ['Đoàn đại biểu Quốc hội', { standalone: true }],
  ['Đoàn Đại biểu Quốc hội', { standalone: true }], ['Đoàn ĐBQH', { standalone: true }],
  ['Tòa án nhân dân', { standalone: true }], ['Viện Kiểm sát nhân dân', { standalone: true }],
  ['Viện kiểm sát nhân dân', { standalone: true }], ['Thanh tra', {}],
  ['Trung tâm', {}], ['Viện', {}], ['Học viện', {}], ['Trường', {}], ['Bệnh viện', {}], ['Nhà xuất bản', {}],
  ['Báo', {}], ['Đài', {}], ['Tạp chí', {}], ['Thông tấn xã', {}], ['Cổng Thông tin điện tử', {}],
  // Police and army
  ['Công an', {}], ['Công an nhân dân', { force: true }], ['CAND', { force: true }],
  ['Bộ Tư lệnh', {}], ['Bộ Chỉ huy', {}], ['Bộ Chỉ huy Quân sự', {}], ['Bộ đội Biên phòng', {}],
  ['Bộ Chỉ huy Bộ đội Biên phòng', {}], ['Quân khu', {}], ['Đội', {}], ['Trại giam', {}],
  ['Ban Giám đốc', { of: true }], ['Đồn Biên phòng', {}],
  // Investigation agencies belong to the police of a place (`… Công an tỉnh X`).
  ['Cơ quan Cảnh sát điều tra', { standalone: true, hosted: true }],
  ['Cơ quan An ninh điều tra', { standalone: true, hosted: true }],
  ['Cơ quan CSĐT', { standalone: true, hosted: true }], ['Cơ quan ANĐT', { standalone: true, hosted: true }],
  // Police units by their press abbreviations: of a province, city, district, ward.
  ['CAT', {}], ['CATP', {}], ['CAH', {}], ['CAQ', {}], ['CAX', {}], ['CAP', {}],
  // Party
  ['Ban', {}], ['Ban Chỉ đạo', { numbered: true }], ['Ban chỉ đạo', { numbered: true }],
  ['Bộ Chính trị', { standalone: true, committee: true }], ['Ban Bí thư', { standalone: true, committee: true }],
  ['Tỉnh ủy', { standalone: true, committee: true }], ['Thành ủy', { standalone: true, committee: true }],
  ['Huyện ủy', { standalone: true, committee: true }], ['Quận ủy', { standalone: true, committee: true }],
  ['Thị ủy', { standalone: true, committee: true }], ['Đảng ủy', { standalone: true, committee: true, hosted: true }],
  ['Trung ương Đảng', { standalone: true, committee: true }], ['T.Ư Đảng', { standalone: true, committee: true }],
  ['TƯ Đảng', { standalone: true, committee: true }], ['Trung ương', { committee: true, attachOnly: true }],
  ['TƯ', { committee: true, attachOnly: true }], ['T.Ư', { committee: true, attachOnly: true }],
  ['TW', { committee: true, attachOnly: true }], ['Ban Thường vụ', { of: true }], ['Ban thường vụ', { of: true }],
  ['Ban Chấp hành', { of: true }], ['Ban Thường trực', { of: true }],
  ['BTV', { of: true }],
  ['Ban Tuyên giáo', { standalone: true }], ['Ban Dân vận', { standalone: true }], ['Ban Tổ chức', { standalone: true }],
  ['Ban Nội chính', { standalone: true }], ['Ban Kinh tế', { standalone: true }],
  ['Ủy ban Kiểm tra', { standalone: true }], ['Quân ủy Trung ương', { standalone: true }],
  // Front and mass organisations (their usual lower-case names are part of the head)
  ['Mặt trận Tổ quốc', { standalone: true, committee: true }], ['MTTQ', { standalone: true, committee: true }],
  ['MTTQVN', { standalone: true, committee: true }],
  ['Ủy ban Mặt trận Tổ quốc', { standalone: true }], ['Ủy ban MTTQ', { standalone: true }],
  ['Hội', { hosted: true }], ['Hội Cựu chiến binh', { standalone: true, hosted: true }],
  ['Hội cựu chiến binh', { hosted: true }], ['Hội Nông dân', { standalone: true }],
  ['Hội nông dân', {}], ['Hội Liên hiệp Phụ nữ', { standalone: true }],
  ['Hội Phụ nữ', { standalone: true, hosted: true }], ['Hội Người cao tuổi', { standalone: true }],
  ['Hội người cao tuổi', {}], ['Hội Chữ thập đỏ', { standalone: true }],
  ['Hội Cựu Công an nhân dân', { standalone: true }], ['Hội Cựu CAND', { standalone: true }],
  ['Hội LHPN', { standalone: true }], ['Hội Luật gia', { standalone: true }], ['Hội Nhà báo', { standalone: true }],
  ['Đoàn Thanh niên', { standalone: true, hosted: true }], ['Đoàn thanh niên', { hosted: true }],
  ['Đoàn TNCS', { hosted: true }], ['Đoàn Thanh niên Cộng sản', { hosted: true }], ['Công đoàn', { hosted: true }],
  // Youth Union committees of a level (`Tỉnh đoàn Vĩnh Phúc`, `Huyện đoàn`).
  ['Tỉnh đoàn', { standalone: true }], ['Thành đoàn', { standalone: true }], ['Huyện đoàn', { standalone: true }],
  ['Quận đoàn', { standalone: true }], ['Thị đoàn', { standalone: true }],
  ['Liên đoàn Lao động', { standalone: true }], ['Liên đoàn lao động', { standalone: true }],
  ['LĐLĐ', { standalone: true }], ['Tổng Liên đoàn Lao động', { standalone: true }],
  ['Tổng Liên đoàn lao động', { standalone: true }], ['Liên hiệp', {}],
  // Not agencies, though they start like one.
  ...[
    'Hội nghị', 'Hội thảo', 'Hội thi', 'Hội diễn', 'Hội trại', 'Hội viên', 'Hội chợ', 'Hội khỏe', 'Hội báo',
    'Đoàn viên', 'Đoàn công tác', 'Đoàn kết', 'Đoàn khách', 'Đội viên', 'Trường hợp', 'Phòng chống', 'Phòng ngừa',
    'Vụ án', 'Vụ việc', 'Ban hành', 'Báo cáo', 'Báo chí', 'Đại hội', 'Cụm thi đua', 'Khối thi đua', 'Bộ đội',
  ].map((w) => [w, { ignore: true }] as const),
  ['Đảng bộ', { ignore: true, hosted: true }], ['Chi bộ', { ignore: true, hosted: true }],
];

export const agencyHeads = heads;

/**
 * Prefixes that belong to the name of the organisation after them: the central level of a
 * mass organisation (`TƯ Hội Nông dân Việt Nam`, `Trung ương Đoàn`).
 */
export const centralPrefixes: readonly string[] = ['Trung ương', 'TƯ', 'T.Ư', 'TW'];

/** Words that make a head generic or plural: `Công an các đơn vị`, `Ban những …`. */
/** Localities that may stand bare for "the province/district" of the article (`Công an tỉnh`). */
export const bareLocalities: readonly string[] = ['tỉnh', 'thành phố', 'TP', 'Tp', 'huyện', 'quận', 'thị xã'];

/**
 * Capitalised runs led by a family name that are places, not people (`TP Hồ Chí Minh`,
 * `huyện Trần Văn Thời`).
 */
export const namesakePlaces: readonly string[] = ['Hồ Chí Minh', 'Trần Văn Thời', 'Lê Chân', 'Ngô Quyền', 'Hai Bà Trưng'];

export const pluralMarkers: readonly string[] = ['các', 'những', 'mọi', 'cùng', 'hai', 'ba', 'nhiều'];
