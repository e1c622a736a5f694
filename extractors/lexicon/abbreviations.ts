/**
 * Press abbreviations and their expansions (SPEC §3, §7a). Data only: the scorer expands
 * them before comparing names, and the agency extractor reuses the table.
 */

export interface Abbreviation {
  /** The abbreviation as printed; matched case-sensitively as a whole token. */
  readonly short: string;
  /** The expansion it stands for. */
  readonly long: string;
}

/** Agency abbreviations (SPEC §3). Longer forms first so `T.Ư` wins over a shorter match. */
export const agencyAbbreviations: readonly Abbreviation[] = [
  { short: 'T.Ư', long: 'Trung ương' },
  { short: 'T.W', long: 'Trung ương' },
  { short: 'TƯ', long: 'Trung ương' },
  { short: 'TW', long: 'Trung ương' },
  { short: 'CAND', long: 'Công an nhân dân' },
  { short: 'TP', long: 'Thành phố' },
  { short: 'Tp', long: 'Thành phố' },
  { short: 'MTTQVN', long: 'Mặt trận Tổ quốc Việt Nam' },
  { short: 'MTTQ', long: 'Mặt trận Tổ quốc' },
  { short: 'UBND', long: 'Ủy ban nhân dân' },
  { short: 'HĐND', long: 'Hội đồng nhân dân' },
  { short: 'TNCS', long: 'Thanh niên Cộng sản' },
  // Common in this press beyond SPEC §3's list: names written either way are one agency.
  { short: 'ANTQ', long: 'an ninh Tổ quốc' },
  { short: 'ANTT', long: 'an ninh trật tự' },
  { short: 'ANQG', long: 'an ninh quốc gia' },
  { short: 'CSGT', long: 'Cảnh sát giao thông' },
  { short: 'LĐLĐ', long: 'Liên đoàn Lao động' },
  { short: 'LHPN', long: 'Liên hiệp Phụ nữ' },
  { short: 'CCB', long: 'Cựu chiến binh' },
];

/** Title abbreviations the press uses (SPEC §7a): they match their expansions. */
export const titleAbbreviations: readonly Abbreviation[] = [
  { short: 'UVTV', long: 'Ủy viên Ban Thường vụ' },
  { short: 'BTV', long: 'Ban Thường vụ' },
  { short: 'PGĐ', long: 'Phó Giám đốc' },
  { short: 'GĐ', long: 'Giám đốc' },
];
