/**
 * Document type words (SPEC §4) as data: the words a Vietnamese article uses to name a
 * programme, plan, regulation or Party/State document, the qualifiers that may follow them
 * before the number (`Chương trình phối hợp công tác số 09/...`), and the small word lists
 * the documents extractor uses to tell a document number from a count or a year.
 *
 * All entries are lower case, syllables separated by one space; matching is
 * case-insensitive (`CHỈ THỊ`, `chỉ thị`, `Chỉ thị` are one word).
 */
import type { DocumentType } from '../../schemas/article.js';

/** A type word and the canonical `documentTypes` value it stands for. */
export interface DocumentTypeWord {
  readonly words: string;
  /** `null`: a generic word (`văn bản`) whose type comes from the code in the number. */
  readonly type: DocumentType | null;
  /**
   * The document's name may stand between the word and `số`: laws are cited by name then
   * number (`Luật Công an nhân dân số 37/2018/QH14`).
   */
  readonly namedBeforeNumber?: boolean;
}

/**
 * The type words. Compound names (`Chương trình phối hợp`, `Thông tư liên tịch`) are not
 * listed here: they are a type word followed by qualifiers (`documentQualifiers`), so that
 * every combination an outlet writes (`chương trình công tác phối hợp`) is covered.
 */
export const documentTypeWords: readonly DocumentTypeWord[] = [
  { words: 'chương trình', type: 'Chương trình' },
  { words: 'kế hoạch', type: 'Kế hoạch' },
  { words: 'quy chế', type: 'Quy chế' },
  { words: 'chỉ thị', type: 'Chỉ thị' },
  { words: 'nghị quyết', type: 'Nghị quyết' },
  { words: 'kết luận', type: 'Kết luận' },
  { words: 'quyết định', type: 'Quyết định' },
  { words: 'quy định', type: 'Quy định' },
  { words: 'nghị định', type: 'Nghị định' },
  { words: 'thông tư', type: 'Thông tư' },
  { words: 'bộ luật', type: 'Luật', namedBeforeNumber: true },
  { words: 'luật', type: 'Luật', namedBeforeNumber: true },
  { words: 'hướng dẫn', type: 'Hướng dẫn' },
  { words: 'thông báo', type: 'Thông báo' },
  { words: 'công văn', type: 'Công văn' },
  // Generic words: `văn bản số 123/KH-UBND` is a Kế hoạch by its code.
  { words: 'văn bản', type: null },
];

/**
 * Words between a type word and its number that do not change the type: `Chương trình
 * phối hợp công tác số 09`, `Thông tư liên tịch số 27`, `Thông báo kết luận số 12`.
 * Several may follow each other (`phối hợp` + `liên ngành`); longest first is tried.
 */
export const documentQualifiers: readonly string[] = [
  'phối hợp công tác',
  'công tác phối hợp',
  'phối hợp hoạt động',
  'phối hợp liên ngành',
  'phối hợp',
  'hành động',
  'công tác',
  'liên tịch',
  'liên ngành',
  'liên bộ',
  'kết luận',
  'chuyên đề',
  'làm việc',
];

/**
 * Syllables that, written right before a type word, make it part of
 * another word (`pháp luật`, `kỷ luật`, `quy luật`): not a type word there.
 */
export const notBeforeTypeWord: Readonly<Record<string, readonly string[]>> = {
  luật: ['pháp', 'kỷ', 'kỉ', 'quy', 'định', 'điều', 'dự'],
};

/**
 * Words that may follow a bare number written without `số` for it to be a document number
 * (`Chỉ thị 05 ở các cấp`, `chương trình phối hợp 09 về …`). Any other lower-case word
 * makes the number a count (`kế hoạch 5 năm`, `hướng dẫn 200 hộ`, `kết luận 3 nội dung`).
 */
export const bareNumberFollowers: readonly string[] = [
  'về', 'của', 'ngày', 'ở', 'đã', 'và', 'giữa', 'trong', 'được', 'do', 'tại', 'với', 'là',
  'này', 'cũng', 'thì', 'nhằm', 'đến', 'theo', 'khóa', 'khoá', 'ban', 'đề', 'có', 'sẽ',
  'đang', 'vẫn', 'mà', 'cho', 'trên', 'qua', 'từ', 'bằng', 'liên', 'nói', 'vừa',
];

/**
 * Words after a bare number that are fine only when a year follows them
 * (`Chương trình 135 giai đoạn 2021-2025`, `Chỉ thị 05 năm 2016`), while `kế hoạch 5 năm`
 * is a duration.
 */
export const bareNumberFollowersBeforeYear: readonly string[] = ['năm', 'giai đoạn'];

/** The word for "number" between a type word and its number (`Chỉ thị số 09-CT/TW`). */
export const numberWord = 'số';

/**
 * Words after which an issuer (`của Ban Bí thư về …`) stops: a preposition or verb that
 * starts the rest of the sentence. Lower case; an upper-case word never stops the issuer.
 */
export const issuerStopWords: readonly string[] = [
  'về', 'việc', 'trong', 'ngày', 'đã', 'đang', 'sẽ', 'được', 'bị', 'là', 'nhằm', 'để',
  'với', 'tại', 'theo', 'thì', 'cho', 'do', 'này', 'đó', 'năm', 'từ', 'đến', 'ban', 'quy',
  'hướng', 'số', 'các', 'những', 'cũng', 'như', 'mà', 'khi', 'vào', 'trên', 'dưới', 'sau',
  'trước', 'ký', 'kí', 'giữa', 'đối', 'nay', 'thực', 'triển', 'tiếp', 'nên', 'vì', 'hay',
  'hoặc', 'gồm', 'có', 'không', 'chưa', 'đều', 'vẫn', 'qua', 'lần', 'khóa', 'khoá', 'kèm',
  // Verbs that open the clause after an issuer (`của Thủ tướng Chính phủ phê duyệt …`).
  'phê', 'yêu', 'chỉ', 'nêu', 'đề', 'nhấn', 'khẳng', 'xác', 'giao', 'bổ', 'sửa', 'thay',
  'hủy', 'huỷ', 'công', 'tổ', 'lập', 'ra',
];

/** Words between a number and its date: `ban hành ngày`, `ký ngày`. */
export const dateLeadWords: readonly string[] = ['ban hành', 'ký', 'kí', 'ban hành vào', 'ký vào'];
