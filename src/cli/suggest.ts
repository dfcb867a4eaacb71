/** Edit distance between two short strings (flag and command names); a swap of neighbours costs 1. */
const distance = (a: string, b: string): number => {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, index) => index)];
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const above = rows[i - 1] ?? [];
      const substitution = (above[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
};

/** The candidate closest to `input`, if it is close enough to be a typo. */
export const closest = (input: string, candidates: readonly string[]): string | undefined => {
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    const score = distance(input, name);
    if (score <= Math.max(1, Math.floor(name.length / 3)) && (!best || score < best.score)) {
      best = { name, score };
    }
  }
  return best?.name;
};
