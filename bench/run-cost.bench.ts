/**
 * What the headless baseline run costs (issue 18: "make the run cost what its physics costs"), in one run:
 * - `run-cost-startup`: the CPU time of `essaim --help` (the process's start-up: Node, the CLI's modules), the
 *   baseline of the ratio;
 * - `run-cost-baseline`: the CPU time (every thread) of `essaim run --scenario baseline`, the figure: its ratio
 *   to the start-up is in the note (target 3x; the issue measured ~13x before this work);
 * - `run-cost-phase-*`: the run's phases measured in this process, CPU time of this thread: the world's set-up
 *   (the growth integration, the Earth segment), the snapshots at the output times (propagation, sums, the link
 *   budgets), the eclipse loss by passages (the run's, sim/earth/eclipsePassages.ts) and, for comparison, the
 *   former fixed-grid eclipse integral (eclipseLoss.ts at the section's 60 s).
 * The child processes report their own CPU time at exit (process.cpuUsage, all threads) through bench/cpuAtExit.mjs.
 * Rates are runs per CPU second; each child figure is the best of a few runs (a shared machine's noise only adds).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { eclipseEnergyLossJ } from '../sim/earth/eclipseLoss.ts';
import { eclipseEnergyLossByPassagesJ } from '../sim/earth/eclipsePassages.ts';
import { loadScenario } from '../sim/index.ts';
import { outputStepOf, outputTimes } from '../sim/simulate.ts';
import { createWorld } from '../sim/world.ts';
import { quick } from './measure.ts';
import type { BenchEntry } from './types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOOK = pathToFileURL(join(ROOT, 'bench/cpuAtExit.mjs')).href;

/** CPU seconds (user + system, all threads) of `node bin/essaim.mjs ...args`, best of `tries`. */
function childCpuS(args: readonly string[], tries: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'essaim-run-cost-'));
  try {
    let best = Infinity;
    for (let i = 0; i < tries; i += 1) {
      const file = join(dir, `cpu-${i}.json`);
      execFileSync(process.execPath, ['--import', HOOK, join(ROOT, 'bin/essaim.mjs'), ...args], {
        cwd: dir,
        env: { ...process.env, ESSAIM_CPU_AT_EXIT: file },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const { userUs, systemUs } = JSON.parse(readFileSync(file, 'utf8')) as {
        userUs: number;
        systemUs: number;
      };
      best = Math.min(best, (userUs + systemUs) / 1e6);
    }
    return best;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds of this thread spent in `work` (process.cpuUsage: this process; no worker runs here). */
function cpuS(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

export default async function runCostBench(): Promise<BenchEntry[]> {
  const tries = quick() ? 1 : 3;
  const startupS = childCpuS(['--help'], tries);
  const runArgs = [
    'run',
    '--scenario',
    'baseline',
    ...(quick() ? ['--tracers', '2000'] : []),
    '--out',
    'out',
  ];
  const runS = childCpuS(runArgs, tries);

  const scenario = loadScenario('baseline');
  const times = outputTimes(scenario.fromTdbS, scenario.toTdbS, outputStepOf(scenario, undefined));
  let world = createWorld(scenario, { spanTdbS: [scenario.fromTdbS, scenario.toTdbS] });
  const setUpS = cpuS(() => {
    world = createWorld(scenario, { spanTdbS: [scenario.fromTdbS, scenario.toTdbS] });
  });
  let checksum = 0;
  const snapshotsS = cpuS(() => {
    for (const t of times) checksum += world.snapshot(t).capturedPowerW;
  });
  // each eclipse integral on a fresh world (the station-kept element sets are generated on first use, a cost the
  // run pays inside its eclipse phase), alternated and the best of two kept
  const freshEarth = () => {
    const earth = createWorld(scenario, { spanTdbS: [scenario.fromTdbS, scenario.toTdbS] }).earth;
    if (earth === undefined) throw new Error('run-cost bench: the baseline has no earth section');
    return earth;
  };
  type Loss = (earth: NonNullable<typeof world.earth>, from: number, to: number) => number;
  const eclipseS = (loss: Loss): number => {
    const earth = freshEarth();
    return cpuS(() => {
      for (let k = 1; k < times.length; k += 1)
        checksum += loss(earth, times[k - 1] as number, times[k] as number);
    });
  };
  const byPassages: Loss = (earth, from, to) => eclipseEnergyLossByPassagesJ(earth, from, to);
  const byGrid: Loss = (earth, from, to) => eclipseEnergyLossJ(earth, from, to);
  let passagesS = Infinity;
  let gridS = Infinity;
  for (let round = 0; round < 2; round += 1) {
    passagesS = Math.min(passagesS, eclipseS(byPassages));
    gridS = Math.min(gridS, eclipseS(byGrid));
  }
  if (!Number.isFinite(checksum)) throw new Error('run-cost bench: non-finite checksum');

  const environment = `node ${process.version}`;
  const common = { tracers: scenario.tracers, threads: 1, software: false, environment };
  const phase = (name: string, seconds: number, note: string): BenchEntry => ({
    ...common,
    name: `run-cost-phase-${name}`,
    backend: 'in-process phase (CPU of this thread)',
    positionsPerS: 1 / seconds,
    ratioToBaseline: startupS / seconds,
    baseline: 'run-cost-startup',
    note: `${(1000 * seconds).toFixed(0)} ms CPU, ${(seconds / startupS).toFixed(2)}x the start-up; ${note}`,
  });
  return [
    {
      ...common,
      name: 'run-cost-startup',
      backend: 'essaim --help (child process)',
      positionsPerS: 1 / startupS,
      ratioToBaseline: 1,
      note: `${(1000 * startupS).toFixed(0)} ms CPU (all threads, best of ${tries}): the process's start-up`,
    },
    {
      ...common,
      name: 'run-cost-baseline',
      backend: 'essaim run --scenario baseline (child process)',
      positionsPerS: 1 / runS,
      ratioToBaseline: startupS / runS,
      baseline: 'run-cost-startup',
      note:
        `${(1000 * runS).toFixed(0)} ms CPU (all threads, best of ${tries}): ` +
        `${(runS / startupS).toFixed(2)}x the start-up (target 3x)`,
    },
    phase('set-up', setUpS, 'createWorld: growth integration, tracer table, Earth segment'),
    phase('snapshots', snapshotsS, `${times.length} snapshots: propagation (cpu64), sums, link budgets`),
    phase(
      'eclipse-passages',
      passagesS,
      "the run's eclipse loss (eclipsePassages.ts), every output interval",
    ),
    phase(
      'eclipse-grid',
      gridS,
      `the former fixed-grid integral (60 s), for comparison: passages cost ${(passagesS / gridS).toFixed(2)} of it`,
    ),
  ];
}
