/**
 * `essaim run`'s "Beyond two bodies" section: per shell, the collisions inside the swarm, the planets' secular
 * drift and the encounters with the Earth, the Moon and Venus over the run's span (sim/report/dynamics.ts), as
 * three tables and the warnings. Also the JSON written to DIR/dynamics.json.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../../sim/constants.ts';
import type { SwarmDynamics } from '../../sim/report/dynamics.ts';
import { swarmDynamics } from '../../sim/report/dynamics.ts';
import { outputTimes, outputStepOf, worldOptionsOf } from '../../sim/simulate.ts';
import { tdbSToIso } from '../../sim/time.ts';
import { createWorld } from '../../sim/world.ts';
import { formatNumber, formatTable } from './format.ts';
import type { RunSelection } from './runSelection.ts';

/** The dynamics of the selected run's world over its span. */
export function runDynamics(selection: RunSelection): SwarmDynamics {
  const { scenario, options } = selection;
  const fromTdbS = options.fromTdbS ?? scenario.fromTdbS;
  const toTdbS = options.toTdbS ?? scenario.toTdbS;
  const world = createWorld(scenario, worldOptionsOf(options, [fromTdbS, toTdbS]));
  const times = outputTimes(fromTdbS, toTdbS, outputStepOf(scenario, options.step));
  return swarmDynamics(world, fromTdbS, toTdbS, times);
}

const n = (v: number): string => (Number.isFinite(v) ? formatNumber(v, 3) : '-');

/** The section as text. */
export function dynamicsTables(d: SwarmDynamics): string {
  const span = `${tdbSToIso(d.fromTdbS).slice(0, 10)} .. ${tdbSToIso(d.toTdbS).slice(0, 10)}`;
  const years = (d.toTdbS - d.fromTdbS) / SECONDS_PER_JULIAN_YEAR;
  const collisions = formatTable(
    [
      'shell',
      'collectors',
      'collisions/yr',
      'rel speed m/s',
      'collision time y',
      `N for time = ${years.toFixed(0)} y`,
      'fragments>10cm/yr',
      'between formations/yr',
    ],
    d.shells.map((s) => [
      s.name,
      n(s.spread.collectors),
      n(s.spread.collisionsPerYear),
      n(s.spread.meanRelativeSpeedMS),
      n(s.spread.collisionTimeYears),
      n(s.spread.collectorsForCollisionTimeEqualSpan),
      n(s.spread.fragmentsPerYear),
      n(s.collisionsLast?.collisionsPerYear ?? 0),
    ]),
  );
  const secular = formatTable(
    [
      'shell',
      'free precession "/yr',
      'd(varpi) deg',
      'd(node) deg',
      'de',
      'di deg',
      'described',
      'co-orbital with',
      'sample: agrees',
      'scattered',
    ],
    d.shells.map((s) => [
      s.name,
      n(s.secular.medianFreePrecessionArcsecPerYear),
      n(s.secular.medianDeltaPeriapsisLongitudeDeg),
      n(s.secular.medianDeltaNodeDeg),
      n(s.secular.medianDeltaE),
      n(s.secular.medianDeltaInclinationDeg),
      `${(100 * s.secular.describedFraction).toFixed(0)} %`,
      s.secular.coOrbitalWith.join(', ') || '-',
      `${s.sample.describedBySecular}/${s.sample.tracers}`,
      `${s.sample.scattered}/${s.sample.tracers}`,
    ]),
  );
  const encounters = formatTable(
    [
      'shell',
      'Earth < Hill',
      'Earth < Moon dist',
      'Earth < GEO',
      'Moon < Hill',
      'Venus < Hill',
      'sample found',
    ],
    d.shells.map((s) => [
      s.name,
      n(s.encounters.earthHill),
      n(s.encounters.earthLunarDistance),
      n(s.encounters.earthGeo),
      n(s.encounters.moonHill),
      n(s.encounters.venusHill),
      String(s.sample.earth.length + s.sample.moon.length + s.sample.venus.length),
    ]),
  );
  const found = d.shells.flatMap((s) =>
    [
      ...s.sample.earth.map((e) => ({ ...e, body: 'Earth', shell: s.name })),
      ...s.sample.moon.map((e) => ({ ...e, body: 'Moon', shell: s.name })),
      ...s.sample.venus.map((e) => ({ ...e, body: 'Venus', shell: s.name })),
    ].map(
      (e) =>
        `  ${tdbSToIso(e.tdbS).slice(0, 10)}  ${e.shell}: ${e.body} at ${n(e.distanceM / 1000)} km, ${n(e.relativeSpeedMS)} m/s\n`,
    ),
  );
  return (
    `\nBeyond two bodies, ${span} (sim/dynamics; the table's positions stay two-body)\n` +
    `Collisions at the end, collectors spread over each shell (kinetic theory, sigma = pi L^2; N^2 growth)\n` +
    collisions +
    `\nSecular drift by the planets over the span (Laplace-Lagrange; medians over the shell's tracers)\n` +
    secular +
    `\nEncounters expected over the span (collectors on station x the shell's rate; Hill radii of each body)\n` +
    encounters +
    (found.length > 0 ? `\nClose approaches in the numerical sample\n${found.join('')}` : '') +
    (d.warnings.length > 0 ? `\nDynamics warnings\n${d.warnings.map((w) => `  ${w}\n`).join('')}` : '')
  );
}
