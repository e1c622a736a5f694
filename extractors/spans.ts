/** Character ranges of the body: overlap tests shared by the extractors and their refiners. */

export type Range = readonly [number, number];

/**
 * A test for "overlaps any of these ranges" in O(log n) per query: the ranges merged and
 * sorted once, then a binary search (a long body can hold thousands of mentions per family).
 */
export function overlapTest(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const merged: [number, number][] = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return (start, end) => {
    // The last merged range starting before `end` is the only one that can overlap.
    let lo = 0;
    let hi = merged.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((merged[mid]?.[0] ?? 0) < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && (merged[found]?.[1] ?? 0) > start;
  };
}
