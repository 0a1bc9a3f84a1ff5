// Small statistics helpers for the benchmark report.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function formatRatio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  return `${(value / baseline).toFixed(2)}×`;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function mean(samples: readonly number[]): number {
  return samples.length === 0 ? Number.NaN : samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

/** A bench goal: the ratio (measured ÷ floor), or the measured value itself when there is no floor. */
export interface BenchGoal {
  op: '>=' | '<=';
  value: number;
}

export interface BenchLine {
  name: string;
  unit: string;
  measured: number;
  /** The runtime's floor for the same work, measured in the same run; undefined when none applies. */
  floor?: number;
  goal: BenchGoal;
  /** Extra context printed after the verdict (sample counts, seq gaps, ...). */
  note?: string;
  /** A further condition the goal needs (e.g. 0 seq gaps); false marks the line missed. */
  isExtraMet?: boolean;
}

function figure(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return String(round(value, digits));
}

/** Whether a line meets its goal (ratio against the floor, or the measured value when floorless). */
export function isGoalMet(line: BenchLine): boolean {
  const subject = line.floor === undefined ? line.measured : line.measured / line.floor;
  if (!Number.isFinite(subject)) return false;
  const meets = line.goal.op === '>=' ? subject >= line.goal.value : subject <= line.goal.value;
  return meets && line.isExtraMet !== false;
}

/**
 * The one line format every bench prints (bench/run.ts, bench/validation.bench.ts, ...):
 * `name | measured X unit | floor Y unit | ratio Z× | goal ... | met|MISSED | note`.
 */
export function formatBenchLine(line: BenchLine): string {
  const measured = `measured ${figure(line.measured)} ${line.unit}`;
  const floor = line.floor === undefined ? 'floor —' : `floor ${figure(line.floor)} ${line.unit}`;
  const ratio = line.floor === undefined ? 'ratio —' : `ratio ${formatRatio(line.measured, line.floor)}`;
  const goal = `goal ${line.floor === undefined ? 'value' : 'ratio'} ${line.goal.op} ${line.goal.value}`;
  const verdict = isGoalMet(line) ? 'met' : 'MISSED';
  const parts = [line.name.padEnd(34), measured, floor, ratio, goal, verdict];
  if (line.note) parts.push(line.note);
  return parts.join(' | ');
}
