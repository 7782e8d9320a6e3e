// Small helpers for the benchmark's numbers and its plain-text table.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 10000 -> "10k", 1000000 -> "1M", 2500 -> "2.5k": the column headings name the sizes. */
export function compactCount(n: number): string {
  const fmt = (value: number, unit: string): string => `${Number(value.toFixed(1))}${unit}`;
  if (n >= 1_000_000) return fmt(n / 1_000_000, 'M');
  if (n >= 1_000) return fmt(n / 1_000, 'k');
  return String(n);
}

/** Left-aligns the first column and right-aligns the others. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The scan nodes of an EXPLAIN, e.g. "Index Scan using x_idx on interactions", once each. */
export function scanNodes(plan: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of plan) {
    const match = /(Parallel )?(Seq Scan|Index Only Scan|Index Scan Backward|Index Scan|Bitmap Index Scan|Bitmap Heap Scan)( using \S+)? on \S+/.exec(line);
    if (match) found.add(match[0]);
  }
  return [...found];
}
