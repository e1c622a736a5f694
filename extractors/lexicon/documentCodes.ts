/**
 * Document codes (ký hiệu văn bản) as data. Vietnamese numbering puts a type code inside the
 * number, so the code tells the type when the type word is missing or generic:
 * - State form `NN/YYYY/XX-ISSUER` or `NN/XX-ISSUER`: `45/2013/NĐ-CP`, `1234/QĐ-TTg`,
 *   `27/2011/TTLT-BCA-BQP`, `01/CTr-BTG-CAT`, `12/CTHĐ-UBND`.
 * - Party form `NN-XX/ISSUER`: `09-CT/TW`, `44-KL/TW`, `221-QĐ/TW`, `08-QĐi/TW`, `07-NQ/TU`.
 * The type code is the first letter chunk of the symbol; the other chunks name the issuer.
 *
 * Keys are upper case (`CTR` covers `CTr`, `CTR`); lookups upper-case the chunk first. A Map, so that
 * a chunk of the text never finds a member of Object.prototype.
 */
import type { DocumentType } from '../../schemas/article.js';

/** Type code → canonical document type. */
export const documentTypeCodes: ReadonlyMap<string, DocumentType> = new Map(Object.entries({
  // Programmes (Chương trình, Chương trình phối hợp, Chương trình hành động).
  CTR: 'Chương trình',
  CTRPH: 'Chương trình',
  CTPH: 'Chương trình',
  CTHĐ: 'Chương trình',
  CTRHĐ: 'Chương trình',
  // Plans.
  KH: 'Kế hoạch',
  KHPH: 'Kế hoạch',
  KHLT: 'Kế hoạch',
  KHLN: 'Kế hoạch',
  // Regulations on coordination.
  QC: 'Quy chế',
  QCPH: 'Quy chế',
  QCLT: 'Quy chế',
  // Directives.
  CT: 'Chỉ thị',
  // Resolutions (incl. joint resolutions, Nghị quyết liên tịch).
  NQ: 'Nghị quyết',
  NQLT: 'Nghị quyết',
  // Conclusions.
  KL: 'Kết luận',
  // Decisions. Before 2018 the Party also wrote its Quy định as `QĐ/TW`; with no type word
  // the common reading, Quyết định, is taken (a type word, when present, wins).
  QĐ: 'Quyết định',
  QĐLT: 'Quyết định',
  // Party regulations since 2018 (`08-QĐi/TW`), and a local variant.
  QĐI: 'Quy định',
  QYĐ: 'Quy định',
  // Government decrees.
  NĐ: 'Nghị định',
  // Circulars (incl. joint circulars, Thông tư liên tịch).
  TT: 'Thông tư',
  TTLT: 'Thông tư',
  // Guidance.
  HD: 'Hướng dẫn',
  HDLT: 'Hướng dẫn',
  HDLN: 'Hướng dẫn',
  // Notices (incl. Thông báo kết luận).
  TB: 'Thông báo',
  TBKL: 'Thông báo',
  // Official letters.
  CV: 'Công văn',
}));

/**
 * Issuer codes: the agency part of a symbol (`/TW`, `-CP`, `-UBND`, `-BCA`). A number whose
 * first letter chunk is an issuer code carries no type code: that is how official letters
 * are numbered (`123/UBND-VX`, `456/BCA-V03`), so after a generic word (`văn bản số …`)
 * such a number is a Công văn.
 */
export const issuerCodes: readonly string[] = [
  // Party committees: Central, provincial, district, Party committee of a body.
  'TW', 'TƯ', 'TU', 'HU', 'QU', 'ĐU', 'ĐUCA', 'ĐUK',
  // Party boards.
  'BTGTW', 'BDVTW', 'BTCTW', 'BKTTW', 'VPTW', 'BTG', 'BDV', 'BTC',
  // State.
  'CP', 'TTG', 'QH', 'UBTVQH', 'VPCP',
  'BCA', 'BQP', 'BGDĐT', 'BNV', 'BTP', 'BTTTT', 'BVHTTDL', 'BYT', 'BLĐTBXH',
  'UBND', 'HĐND', 'CAT', 'CAH', 'CAQ', 'CATP', 'SGDĐT',
  // Fronts and mass organisations.
  'MTTW', 'MTTQ', 'UBMTTQ', 'BTT', 'TWĐTN', 'HCCB', 'HND', 'HLHPN',
];
