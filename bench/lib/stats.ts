export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every run's figure; a failed run is NaN (null in results.json) and left out of median, min and max. */
  runs: number[];
}

export const summarize = (values: readonly number[]): Summary => {
  const ok = values.filter(Number.isFinite);
  return {
    median: median(ok),
    min: ok.length ? Math.min(...ok) : Number.NaN,
    max: ok.length ? Math.max(...ok) : Number.NaN,
    runs: [...values],
  };
};
