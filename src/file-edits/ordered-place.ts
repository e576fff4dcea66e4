/**
 * Where an item of a known order goes among the items present (in the order they are written):
 * above the first present one that comes after it, else right after the last present one that comes
 * before it; null (the end) when neither is there or the item is not in the order. Items the order
 * does not know (rank -1, the user's) are never a reference, so they keep their place.
 */
export function orderedPlace<T>(rank: number, present: readonly T[], rankOf: (item: T) => number): { before: T } | { after: T } | null {
  if (rank === -1) return null;
  const later = present.find((item) => rankOf(item) > rank);
  if (later !== undefined) return { before: later };
  const earlier = present.findLast((item) => {
    const other = rankOf(item);
    return other !== -1 && other < rank;
  });
  return earlier === undefined ? null : { after: earlier };
}
