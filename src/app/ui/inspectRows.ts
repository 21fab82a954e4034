/**
 * What the inspector says about a picked object (state/store.ts PickedObject): a title, a kind and rows of
 * figures, from the same snapshot the panels show (the core's, through the worker) and, for collectors, from the
 * render buffers the scene draws (float32 orbit vectors, float64 mean anomaly). Pure: the state in, rows out.
 */
import { AU_M, SECONDS_PER_DAY } from '../../../sim/constants.ts';
import { lookAngles } from '../../../sim/earth/lookAngles.ts';
import { geodeticToEcf } from 'satellite.js';
import { tdbSToIso } from '../../../sim/time.ts';
import { bodyHelioPositionM, tracerHelioPositionM } from '../state/pickedPositions.ts';
import { formatCount, formatDateTime, formatPercent, formatSi } from '../state/format.ts';
import type { AppState, PickedObject } from '../state/store.ts';
import { BODIES, isBodyId, targetLabel } from '../state/targets.ts';

export interface InspectorRow {
  /** Stable key, for tests (data-row). */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** The exact number behind the text, where there is one (data-value). */
  readonly exact?: number;
}

export interface InspectorView {
  readonly title: string;
  readonly kind: string;
  readonly rows: readonly InspectorRow[];
  /** A line under the rows: where the figures come from. */
  readonly note: string;
}

const DEG = 180 / Math.PI;

const au = (m: number): string => `${(m / AU_M).toFixed(4)} au`;
const degrees = (rad: number, digits = 2): string => `${(rad * DEG).toFixed(digits)}°`;
const row = (key: string, label: string, value: string, exact?: number): InspectorRow =>
  exact === undefined ? { key, label, value } : { key, label, value, exact };

function bodyView(id: string, tdbS: number): InspectorView {
  if (!isBodyId(id)) return { title: targetLabel(id as never), kind: 'Orbit shell', rows: [], note: '' };
  const p = bodyHelioPositionM(id, tdbS);
  const e = bodyHelioPositionM('earth', tdbS);
  const sunM = Math.hypot(...p);
  const rows: InspectorRow[] = [row('radius', 'Radius', `${formatCount(BODIES[id].radiusMm * 1000)} km`)];
  if (id !== 'sun') rows.push(row('sunDistance', 'Distance from the Sun', au(sunM), sunM));
  if (id !== 'earth') {
    const fromEarthM = Math.hypot(p[0] - e[0], p[1] - e[1], p[2] - e[2]);
    rows.push(
      row(
        'earthDistance',
        'Distance from the Earth',
        fromEarthM < 0.01 * AU_M ? `${formatCount(fromEarthM / 1000)} km` : au(fromEarthM),
        fromEarthM,
      ),
    );
  }
  return {
    title: BODIES[id].label,
    kind: id === 'sun' ? 'Star' : id === 'moon' ? 'Moon' : 'Planet',
    rows,
    note: 'Positions: astronomy-engine (VSOP87), heliocentric ecliptic J2000, as the scene draws them.',
  };
}

function satelliteView(name: string, state: AppState): InspectorView {
  const earth = state.snapshot?.earth ?? null;
  const satellite = earth?.satellites.find((s) => s.name === name);
  if (earth === null || satellite === undefined) {
    return { title: name, kind: 'Power satellite', rows: [], note: 'Not in service at this time.' };
  }
  const rows: InspectorRow[] = [
    row('inService', 'In service', satellite.inService ? 'yes' : 'no'),
    row('eclipse', 'In the Earth’s shadow', satellite.inEclipse ? 'yes (no power)' : 'no'),
    row('longitude', 'Sub-satellite longitude', degrees(satellite.longitudeRad, 3), satellite.longitudeRad),
    row('latitude', 'Sub-satellite latitude', degrees(satellite.latitudeRad, 3), satellite.latitudeRad),
    row('height', 'Height', `${formatCount(satellite.heightM / 1000)} km`, satellite.heightM),
    row(
      'transmitterDcPowerW',
      'DC power to the transmitter',
      formatSi(satellite.transmitterDcPowerW, 'W'),
      satellite.transmitterDcPowerW,
    ),
    row('servedSite', 'Beams to', satellite.servedSite ?? 'no rectenna'),
  ];
  const site = earth.sites.find((s) => s.name === satellite.servedSite);
  if (site !== undefined && Number.isFinite(site.latitudeRad)) {
    // look angles from the rectenna (sea level): the core's routine (sim/earth/lookAngles.ts, satellite.js)
    const satelliteEcfKm = geodeticToEcf({
      latitude: satellite.latitudeRad,
      longitude: satellite.longitudeRad,
      height: satellite.heightM / 1000,
    });
    const look = lookAngles(
      { latitudeRad: site.latitudeRad, longitudeRad: site.longitudeRad, heightM: 0 },
      satelliteEcfKm,
    );
    rows.push(
      row('elevation', `Elevation from ${site.name}`, degrees(look.elevationRad), look.elevationRad),
      row('azimuth', `Azimuth from ${site.name}`, degrees(look.azimuthRad), look.azimuthRad),
      row('slantRange', 'Slant range', `${formatCount(look.slantRangeM / 1000)} km`, look.slantRangeM),
      row(
        'deliveredPowerGridW',
        `Delivered into the grid at ${site.name}`,
        formatSi(site.deliveredPowerGridW, 'W'),
        site.deliveredPowerGridW,
      ),
    );
    if (satellite.transmitterDcPowerW > 0) {
      const chain = site.deliveredPowerGridW / satellite.transmitterDcPowerW;
      rows.push(row('chain', 'Transmitter DC to grid AC', formatPercent(chain), chain));
    }
  }
  return {
    title: name,
    kind: 'Power satellite, geostationary',
    rows,
    note: 'The core’s snapshot (sim/earth: SGP4 through satellite.js, the link budget of sim/beam).',
  };
}

function rectennaView(name: string, state: AppState): InspectorView {
  const site = state.snapshot?.earth?.sites.find((s) => s.name === name);
  if (site === undefined) return { title: name, kind: 'Rectenna', rows: [], note: '' };
  return {
    title: name,
    kind: 'Rectenna (ground receiver)',
    rows: [
      row('operational', 'Operational', site.operational ? 'yes' : 'no'),
      row('latitude', 'Latitude', degrees(site.latitudeRad, 3), site.latitudeRad),
      row('longitude', 'Longitude', degrees(site.longitudeRad, 3), site.longitudeRad),
      row('servingSatellite', 'Served by', site.servingSatellite ?? 'no satellite'),
      row(
        'deliveredPowerGridW',
        'Delivered into the grid',
        formatSi(site.deliveredPowerGridW, 'W'),
        site.deliveredPowerGridW,
      ),
    ],
    note: 'The core’s snapshot (sim/earth).',
  };
}

function platformView(object: Extract<PickedObject, { kind: 'platform' }>, state: AppState): InspectorView {
  const link = state.snapshot?.links.find((l) => l.name === object.link);
  const hop = link?.hops[object.hop];
  if (link === undefined || hop === undefined) {
    return { title: object.platform, kind: 'Link platform', rows: [], note: '' };
  }
  const rows: InspectorRow[] = [
    row('link', 'Link', `${link.name} (to ${link.destination === 'compute' ? 'computers' : 'power grids'})`),
    row(
      'hop',
      'Hop received here',
      `${object.hop + 1} of ${link.hops.length}${hop.name === null ? '' : ` · ${hop.name}`}`,
    ),
    row('beam', 'Beam', hop.optical ? 'laser' : 'microwave'),
    row('units', 'Receiving units (whole hop)', formatCount(hop.unitCount), hop.unitCount),
    row('radiatedPowerW', 'Radiated towards this hop', formatSi(hop.radiatedPowerW, 'W'), hop.radiatedPowerW),
    row('outputDcPowerW', 'DC out of the receivers', formatSi(hop.outputDcPowerW, 'W'), hop.outputDcPowerW),
  ];
  if (hop.radiatedPowerW > 0) {
    const efficiency = hop.outputDcPowerW / hop.radiatedPowerW;
    rows.push(row('hopEfficiency', 'Radiated to DC, this hop', formatPercent(efficiency), efficiency));
  }
  return {
    title: object.platform,
    kind: object.platform.includes('L4') || object.platform.includes('L5') ? 'Hub' : 'Relay / receiver',
    rows,
    note: 'The core’s link budget at this instant (sim/energy ledger, sim/beam).',
  };
}

function collectorRows(tracer: number, state: AppState): InspectorRow[] {
  const world = state.world;
  if (world === null) return [];
  const { swarm, scenario } = world;
  const p = [0, 0, 0];
  tracerHelioPositionM(swarm, tracer, state.timeTdbS, p);
  const rM = Math.hypot(p[0] as number, p[1] as number, p[2] as number);
  const a = Math.hypot(
    swarm.orbitB[4 * tracer] as number,
    swarm.orbitB[4 * tracer + 1] as number,
    swarm.orbitB[4 * tracer + 2] as number,
  );
  const e = swarm.orbitA[4 * tracer + 3] as number;
  // the orbit's normal, from the two in-plane vectors A (to periapsis, length a) and B (length b)
  const ax = swarm.orbitB[4 * tracer] as number;
  const ay = swarm.orbitB[4 * tracer + 1] as number;
  const az = swarm.orbitB[4 * tracer + 2] as number;
  const bx = swarm.orbitB[4 * tracer + 3] as number;
  const by = swarm.orbitC[4 * tracer] as number;
  const bz = swarm.orbitC[4 * tracer + 1] as number;
  const nx = ay * bz - az * by;
  const ny = az * bx - ax * bz;
  const nz = ax * by - ay * bx;
  const inclination = Math.acos(Math.max(-1, Math.min(1, nz / Math.hypot(nx, ny, nz))));
  const shell = scenario.shells[swarm.orbitC[4 * tracer + 3] as number]?.name ?? '—';
  const siteIndex = (swarm.site[tracer] as number) - 1;
  const site = siteIndex < 0 ? 'the Earth (launched)' : (scenario.sites[siteIndex] ?? '—');
  const stationTdbS = swarm.stationTdbS[tracer] as number;
  const irradiance = (AU_M / rM) ** 2;
  const onStation = state.snapshot?.values['tracerCount'];
  const collectors = state.snapshot?.values['collectorCount'];
  const rows: InspectorRow[] = [
    row('tracer', 'Tracer', `#${tracer} of ${formatCount(world.tracers)}`, tracer),
    row('shell', 'Shell', shell),
    row('site', 'Made at', site),
    row('station', 'On station since', formatDateTime(stationTdbS), stationTdbS),
    row('semiMajorAxis', 'Semi-major axis a', au(a), a),
    row('eccentricity', 'Eccentricity e', e.toFixed(5), e),
    row('inclination', 'Inclination to the ecliptic', degrees(inclination, 3), inclination),
    row('sunDistance', 'Distance from the Sun', au(rM), rM),
    row('irradiance', 'Sunlight, relative to 1 au', `${irradiance.toFixed(3)}×`, irradiance),
  ];
  if (onStation !== undefined && collectors !== undefined && onStation > 0) {
    const mean = collectors / onStation;
    rows.push(
      row(
        'weight',
        'Collectors per tracer (mean now)',
        mean >= 10 ? formatCount(mean) : mean.toPrecision(3),
        mean,
      ),
    );
  }
  return rows;
}

function collectorView(tracer: number, state: AppState): InspectorView {
  const stationTdbS = state.world?.swarm.stationTdbS[tracer];
  const waiting = stationTdbS !== undefined && stationTdbS > state.timeTdbS;
  return {
    title: `Collector tracer #${tracer}`,
    kind: waiting
      ? `Collectors, on station from ${tdbSToIso(stationTdbS).slice(0, 10)}`
      : 'Collectors (one tracer)',
    rows: collectorRows(tracer, state),
    note:
      'A tracer stands for many real collectors on one orbit. Elements from the drawn orbit (float32 vectors, ' +
      `float64 mean anomaly); days are ${SECONDS_PER_DAY} s of TDB.`,
  };
}

function nodeView(tracer: number, state: AppState): InspectorView {
  const values = state.snapshot?.values ?? {};
  const nodes = values['computeNodeCount'];
  const power = values['deliveredPowerComputeW'];
  const rows: InspectorRow[] = [];
  if (nodes !== undefined) rows.push(row('nodes', 'Compute nodes in the swarm', formatCount(nodes), nodes));
  if (nodes !== undefined && power !== undefined && nodes > 0) {
    rows.push(row('nodePowerW', 'Power one node receives', formatSi(power / nodes, 'W'), power / nodes));
  }
  return {
    title: 'Compute node',
    kind: 'Computers among the collectors',
    rows: [
      ...rows,
      ...collectorRows(tracer, state).filter((r) => r.key === 'sunDistance' || r.key === 'shell'),
    ],
    note: 'Drawn on a marker tracer; the figures are the swarm’s, per node (the core’s snapshot).',
  };
}

/** The inspector's view of `object` in `state`. */
export function inspectorView(object: PickedObject, state: AppState): InspectorView {
  switch (object.kind) {
    case 'body':
      return bodyView(object.id, state.timeTdbS);
    case 'satellite':
      return satelliteView(object.name, state);
    case 'rectenna':
      return rectennaView(object.name, state);
    case 'platform':
      return platformView(object, state);
    case 'node':
      return nodeView(object.tracer, state);
    case 'collector':
      return collectorView(object.tracer, state);
  }
}
