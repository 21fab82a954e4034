/**
 * One line per growth path (site -> shell) saying how its collectors fly there and what it costs: the propulsion,
 * the flight time, the mass driver's departure impulse, the propulsive speed change flown, the impulsive need
 * under mu (1 - beta), and the propellant and thrusters launched per kg of collector. For the CLI and reports.
 */
import { SECONDS_PER_DAY } from '../../constants.ts';
import type { GrowthParams } from '../params.ts';

function kmS(speedMS: number): string {
  return `${(speedMS / 1000).toFixed(3)} km/s`;
}

/** The transfer lines of a growth model's paths, in site then target order. */
export function describeTransfers(params: GrowthParams): string[] {
  const lines: string[] = [];
  for (const site of params.sites) {
    for (const target of site.targets) {
      const t = target.transfer;
      const shell = params.shellNames[target.shellIndex] ?? '';
      const hold = target.holdS > 0 ? ` + ${(target.holdS / SECONDS_PER_DAY).toFixed(0)} days hold` : '';
      const mass =
        t.propellantKgPerKg > 0 || t.thrusterKgPerKg > 0
          ? `, propellant ${t.propellantKgPerKg.toFixed(4)} kg and thrusters ${t.thrusterKgPerKg.toFixed(4)} kg per kg of collector`
          : '';
      lines.push(
        `${site.name} -> ${shell}: ${t.propulsion}, ${(t.flightS / SECONDS_PER_DAY).toFixed(1)} days${hold}; ` +
          // the driver's excess is tangential: backwards (retrograde) where the shell is slower than the site
          `mass driver ${kmS(Math.abs(t.departureDeltaVMS))} ${t.departureDeltaVMS < 0 ? 'retrograde' : 'prograde'} ` +
          `at departure, ${kmS(t.propulsiveDeltaVMS)} flown ` +
          `(impulsive need ${kmS(t.impulsiveDeltaVMS)})${mass}`,
      );
    }
  }
  return lines;
}
