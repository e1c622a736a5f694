/**
 * TCVN3 (ABC) has no toned capitals: documents draw them with an `H` font (`.VnTimeH`) that
 * shows the lower-case codes as capitals, so decoded bytes say `ủy ban`, `NGUYễN`. This
 * restores the capitals the text itself proves:
 * - HTML: text inside an element set in an H font (`<font face=".VnTimeH">`, `font-family:
 *   .VnArialH`) is upper case;
 * - a word whose other letters are capitals (`NGUYễN`, two or more), or a one-capital word
 *   beside such a word, is upper case;
 * - a sentence starts with a capital (line start, after `.`, `!`, `?`, `…`, or a tag).
 * A capital inside a sentence that nothing marks (`các ủy ban` vs `Ủy ban Mặt trận`) stays
 * lower case: the bytes do not say.
 */

/** Lower-case letters whose capital ABC cannot write (toned vowels). ASCII and ăâêôơưđ have one. */
const AMBIGUOUS = /[àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/u;
const WORD = /[\p{L}\p{M}]+/gu;
const TWO_CAPITALS = /\p{Lu}[\p{Ll}\p{M}]*\p{Lu}/u;

const isUpper = (c: string): boolean => c !== c.toLowerCase();
const isLower = (c: string): boolean => c !== c.toUpperCase();

/**
 * A word written in capitals whose toned letters came out lower case (`NGUYễN`, `ảNH`): two
 * or more capitals, at least one toned lower-case letter, no other lower-case letter.
 */
function capsWord(w: string): boolean {
  if (!TWO_CAPITALS.test(w)) return false;
  const chars = [...w];
  return (
    chars.filter(isUpper).length >= 2 &&
    chars.some((c) => AMBIGUOUS.test(c)) &&
    !chars.some((c) => isLower(c) && !AMBIGUOUS.test(c))
  );
}

/** One capital then only toned lower-case letters (`Hồ`): upper case only beside a capsWord. */
function oneCapital(w: string): boolean {
  const chars = [...w];
  return chars.length > 1 && isUpper(chars[0]!) && chars.slice(1).every((c) => !isLower(c) || AMBIGUOUS.test(c)) && chars.slice(1).some((c) => AMBIGUOUS.test(c));
}

function repairWords(line: string): string {
  // Cheap exits first: most lines have no word with two capitals, so nothing to repair.
  if (!AMBIGUOUS.test(line) || !TWO_CAPITALS.test(line)) return line;
  const words = [...line.matchAll(WORD)].map((m) => ({ text: m[0], at: m.index }));
  const caps = words.map((w) => capsWord(w.text));
  let out = '';
  let last = 0;
  words.forEach((w, i) => {
    const beside = (caps[i - 1] ?? false) || (caps[i + 1] ?? false);
    const text = caps[i] || (beside && oneCapital(w.text)) ? w.text.toUpperCase() : w.text;
    out += line.slice(last, w.at) + text;
    last = w.at + w.text.length;
  });
  return out + line.slice(last);
}

const TONED_LOWER = 'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ';
/**
 * A toned lower-case letter opening a sentence: at the start, after a line break or a tag,
 * or after . ! ? … and a space; quotes, brackets and bullets may come between. One
 * character class before the letter, so matching stays linear.
 */
const SENTENCE_START = new RegExp(`(^|[\\n>]|[.!?…]["'”’)]?[ \\t\\u00a0])([ \\t\\u00a0"'“‘(–•*-]*)([${TONED_LOWER}])`, 'gu');

function repairSentences(text: string): string {
  return text.replace(SENTENCE_START, (_m, before: string, lead: string, letter: string) => before + lead + letter.toUpperCase());
}

/** An element set in an ABC capitals font: `.VnTimeH`, `.VnArialH`, `.VnCentury SchoolbookH`. */
const H_FONT_TAG = /<(font|span|p|div|td|h[1-6]|b|strong)\b[^>]*?(?:face|font-family)\s*[=:]\s*["']?\s*\.?vn[a-z ]*?h\b[^>]*>/giu;

/** Upper-case the text (not the tags) of every element set in an H font. */
function repairHFonts(html: string): string {
  if (!/\.?vn[a-z ]*?h\b/iu.test(html)) return html;
  let out = '';
  let last = 0;
  for (const m of html.matchAll(H_FONT_TAG)) {
    const open = m.index;
    if (open < last) continue;
    const name = m[1]!.toLowerCase();
    const bodyStart = open + m[0].length;
    // The matching close tag: count nested elements of the same name.
    const tagRe = new RegExp(`<(/?)${name}\\b[^>]*>`, 'giu');
    tagRe.lastIndex = bodyStart;
    let depth = 1;
    let end = html.length;
    for (let t = tagRe.exec(html); t; t = tagRe.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    // Text between tags, character references (`&nbsp;`) left as they are.
    const inner = html
      .slice(bodyStart, end)
      .replace(/(^|>)([^<]*)/gu, (_s, gt: string, text: string) => gt + text.replace(/[^&]+|&#?\w*;?/gu, (t) => (t.startsWith('&') ? t : t.toUpperCase())));
    out += html.slice(last, bodyStart) + inner;
    last = end;
  }
  return out + html.slice(last);
}

/** Restore the capitals of TCVN3-decoded text (see the module comment). */
export function repairTcvn3Capitals(text: string, format: 'text' | 'html'): string {
  const fonts = format === 'html' ? repairHFonts(text) : text;
  return repairSentences(fonts.split('\n').map(repairWords).join('\n'));
}
