// Small figures the benchmark scripts share.
import os from 'node:os';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The 1, 5 and 15 minute load averages, for the printed conditions of a run. */
export function loadAverage() {
  return os.loadavg().map((value) => value.toFixed(2)).join(' ');
}
