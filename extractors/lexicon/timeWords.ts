/**
 * Time vocabulary for the date extractor (SPEC §5), as data. Lower-case NFC; the
 * extractor matches them case-insensitively.
 */

/** Parts of the day written before a date: `Chiều 26/11/2018`, `Sáng 14.6`. */
export const dayParts: readonly string[] = ['rạng sáng', 'sáng', 'trưa', 'chiều', 'tối', 'đêm', 'khuya'];
/** Words that make the afternoon/evening hours: `3 giờ chiều` = 15:00. */
export const pmDayParts: readonly string[] = ['chiều', 'tối', 'đêm'];

/** `ngày 22/01/2019`, `hôm 14/5`: the day noun before a date. */
export const dayNouns: readonly string[] = ['ngày', 'hôm'];

/**
 * Words right before a day/month that are enough to read `d/m` as a date only when no
 * counted noun follows (`đến 31/3` is a date; `tới 10/10 huyện` is a ratio).
 */
export const weakDateCues: readonly string[] = ['từ', 'đến', 'tới', 'vào', 'trước', 'sau', 'hết', 'nay', 'qua'];

/** Weekday names (`Thứ Hai, 14/02/2022`). */
export const weekdays: readonly string[] = ['thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'chủ nhật'];

/** The month noun: `tháng 5/2019`, `tháng 5 năm 2019`. */
export const monthNoun = 'tháng';

/**
 * Period nouns that introduce a year or a year range: `giai đoạn 2016 - 2020`,
 * `nhiệm kỳ 2015-2020`, `năm học 2019-2020`. (`quý` and half-years are read through the
 * `năm` that follows them: `quý I năm 2019`, `6 tháng đầu năm 2018` give the year.)
 */
export const periodNouns: readonly string[] = ['giai đoạn', 'nhiệm kỳ', 'thời kỳ', 'niên khóa', 'niên khoá', 'năm học', 'năm'];

/** Prepositions kept in the mention text before a year: `Trong năm 2019`. */
export const yearLeadWords: readonly string[] = ['trong', 'từ', 'đầu', 'cuối', 'giữa', 'cả'];

/** Range connectors between two time points: `2016 - 2020`, `từ 1/1 đến 31/3/2024`. */
export const rangeWords: readonly string[] = ['đến hết', 'cho đến', 'đến', 'tới'];

/** Words before `N giờ` that make it a clock time, not a count of hours: `lúc 14 giờ`, `vào 8 giờ`. */
export const clockTimeCues: ReadonlySet<string> = new Set(['lúc', 'vào']);

/**
 * Time words after a day/month-like pair that do not make it a count of things:
 * `10/10 năm nay`, `… tới`, `… này`, `… vừa qua`, `… hàng năm`.
 */
export const timeWordsAfterDayMonth: ReadonlySet<string> = new Set(['năm', 'nay', 'tới', 'này', 'vừa', 'qua', 'hàng']);
