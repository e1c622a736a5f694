/**
 * Police/army ranks (SPEC §2). The ladder itself is declared once, in the schema; this table
 * adds the spellings met in print that must map onto it.
 */
import { rankLadder, type Rank } from '../../schemas/article.js';

export { rankLadder };

/** Written form → ladder rank. Tone style and case are handled by matchKey. */
export const rankSpellings: ReadonlyArray<readonly [string, Rank]> = [
  ...rankLadder.map((r) => [r, r] as const),
  ['Thượng sỹ', 'Thượng sĩ'],
  ['Trung sỹ', 'Trung sĩ'],
  ['Hạ sỹ', 'Hạ sĩ'],
  ['Phó đô đốc', 'Phó Đô đốc'],
  ['Chuẩn đô đốc', 'Chuẩn Đô đốc'],
];
