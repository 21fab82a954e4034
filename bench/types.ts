/**
 * One benchmark figure, as written to bench/latest.json (an array of these) by `npm run bench` (bench/run.ts).
 * Every module bench/NAME.bench.ts default-exports `(): Promise<BenchEntry[]>`; the runner collects them all.
 */
export interface BenchEntry {
  /** What was measured, unique within the run, e.g. 'propagate-cpu-1-thread'. */
  readonly name: string;
  /** What ran it, e.g. 'cpu', 'gpu webgl2 (SwiftShader)', 'naive float64 loop'. */
  readonly backend: string;
  /** Tracers (or objects) per call. */
  readonly tracers: number;
  /** Threads that computed. */
  readonly threads: number;
  /** Positions (or evaluations) per second, this run, best of its repetitions. */
  readonly positionsPerS: number;
  /** positionsPerS over the baseline measured in the same run (and the same environment); see `baseline`. */
  readonly ratioToBaseline: number;
  /** True when a GPU code path ran on the CPU (SwiftShader, webasm): the figure is NOT GPU speed. */
  readonly software: boolean;
  /** The entry the ratio refers to (its name), when not obvious. */
  readonly baseline?: string;
  /** The device string the backend reported (Propagator.device). */
  readonly device?: string;
  /** Node or browser, and versions. */
  readonly environment?: string;
  /** Memory the backend holds per tracer for this work (prepared data and output), bytes. */
  readonly bytesPerTracer?: number;
  /** Worst position error against cpu64 seen in the run, relative to the semi-major axis. */
  readonly maxRelativeError?: number;
  /** Browser pages: main-thread tasks over 50 ms in the measuring window, and the longest, ms. */
  readonly longTasks?: number;
  readonly longestTaskMs?: number;
  readonly note?: string;
}
