import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBeamCommand } from '../../src/cli/beam.ts';
import { runCli } from '../../src/cli/main.ts';

/** `essaim beam ARGS` in-process, through the main program (its exit-code mapping included). */
function runBeam(
  argv: readonly string[],
  io: { stdout(s: string): void; stderr(s: string): void },
): Promise<number> {
  return runCli(['beam', ...argv], { ...io, interactive: false });
}

function capture(): {
  io: { stdout(s: string): void; stderr(s: string): void };
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: { stdout: (s) => void (out += s), stderr: (s) => void (err += s) },
    out: () => out,
    err: () => err,
  };
}

const SPS_FLAGS = [
  '--frequency-hz',
  '2.45e9',
  '--tx-diameter-m',
  '1000',
  '--rx-width-m',
  '10000',
  '--rx-length-m',
  '13000',
  '--distance-m',
  '37048000',
  '--elevation-deg',
  '50.5',
  '--taper-db',
  '10',
  '--tx-power-w',
  '6.72e9',
  '--dc-rf-efficiency',
  '0.85',
  '--rectenna-efficiency',
  '0.89',
  '--rain-mm-h',
  '10',
];

/** The radiated power, the --tx-power-w given, read back from the JSON, digits (0.5 W): rounding only. */
const RADIATED_W_DIGITS = 0;

describe('essaim beam', () => {
  it('prints JSON with the contract fields', async () => {
    const c = capture();
    expect(await runBeam([...SPS_FLAGS, '--json'], c.io)).toBe(0);
    const budget = JSON.parse(c.out()) as Record<string, unknown>;
    for (const key of [
      'tau',
      'beamEfficiency',
      'atmosphericTransmission',
      'peakPowerDensityWm2',
      'edgePowerDensityWm2',
      'radiatedPowerW',
      'receivedRfPowerW',
      'deliveredDcPowerW',
      'endToEndEfficiency',
      'warnings',
      'stages',
      'requiredApertures',
    ]) {
      expect(budget).toHaveProperty(key);
    }
    expect(Array.isArray(budget['warnings'])).toBe(true);
    expect(budget['radiatedPowerW']).toBeCloseTo(6.72e9, RADIATED_W_DIGITS);
    expect(budget['rainAttenuationDb'] as number).toBeGreaterThan(0);
  });

  it('prints a human table by default, and the 1 au comparison with --long-range', async () => {
    const c = capture();
    expect(await runBeam([...SPS_FLAGS, '--long-range'], c.io)).toBe(0);
    expect(c.out()).toContain('beam collection');
    expect(c.out()).toContain('mW/cm^2');
    expect(c.out()).toContain('optical');
    expect(c.err()).toBe('');
  });

  it('reads --file link.json, flags override it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'essaim-beam-'));
    const file = join(dir, 'link.json');
    writeFileSync(
      file,
      JSON.stringify({
        frequencyHz: 5.8e9,
        txPowerW: 1e9,
        txDiameterM: 1000,
        rxDiameterM: 4000,
        distanceM: 35786000,
      }),
    );
    const c = capture();
    expect(await runBeam(['--file', file, '--rx-diameter-m', '5000', '--json'], c.io)).toBe(0);
    const budget = JSON.parse(c.out()) as { frequencyHz: number; receiver: { semiAxisWidthM: number } };
    expect(budget.frequencyHz).toBe(5.8e9);
    expect(budget.receiver.semiAxisWidthM).toBe(2500);
  });

  const badCases: Array<[string, string[], string]> = [
    ['a zero diameter', ['--tx-diameter-m', '0'], '--tx-diameter-m'],
    ['a negative distance', ['--distance-m', '-37048000'], '--distance-m'],
    ['an efficiency above 1', ['--rectenna-efficiency', '1.2'], '--rectenna-efficiency'],
    ['a DC-RF efficiency above 1', ['--dc-rf-efficiency', '1.5'], '--dc-rf-efficiency'],
    ['a frequency out of range', ['--frequency-hz', '5e12'], '--frequency-hz'],
    ['a frequency below the radio range', ['--frequency-hz', '1e8'], '--frequency-hz'],
    ['a non-number', ['--taper-db', 'ten'], '--taper-db'],
    ['an elevation below 5 degrees', ['--elevation-deg', '2'], '--elevation-deg'],
  ];
  it.each(badCases)('%s gives exit code 2 and names the flag', async (_label, override, flag) => {
    const args = [...SPS_FLAGS];
    for (let i = 0; i < override.length; i += 2) {
      const at = args.indexOf(override[i] as string);
      if (at >= 0) args[at + 1] = override[i + 1] as string;
      else args.push(override[i] as string, override[i + 1] as string);
    }
    const c = capture();
    expect(await runBeam(args, c.io)).toBe(2);
    expect(c.err()).toContain(flag);
  });

  it('commander errors (unknown option, missing value) give exit code 2', async () => {
    const unknown = capture();
    expect(await runBeam([...SPS_FLAGS, '--frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err()).toContain('--frobnicate');
    const missing = capture();
    expect(await runBeam(['--distance-m'], missing.io)).toBe(2);
    const required = capture();
    expect(await runBeam(['--frequency-hz', '2.45e9'], required.io)).toBe(2);
    expect(required.err()).toContain('--tx-power-w');
    const help = capture();
    expect(await runBeam(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('--wavelength-m');
  });

  it('createBeamCommand builds a commander command named beam', () => {
    expect(createBeamCommand(capture().io).name()).toBe('beam');
  });
});
