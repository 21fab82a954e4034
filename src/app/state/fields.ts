/**
 * The catalogue of figures the panels and charts show. A figure is either a field of the core's Snapshot
 * (flattened to a dotted key by sim/stream/messages.ts flattenNumbers) or a ratio derived here from such fields.
 *
 * Fields that the core does not compute yet are listed with `pending`, naming the module that will: the panel
 * says so instead of showing a number. When that module adds the field to the Snapshot under the same key, the
 * row, the chart and the URL-restored view pick it up with no change elsewhere. Snapshot fields missing from this
 * catalogue are not lost either: the panel lists them under "Other figures from the core" with their raw key.
 */
import { formatArea, formatCount, formatMass, formatPercent, formatScientific, formatSi } from './format.ts';

export type FieldGroup = 'swarm' | 'power' | 'efficiency' | 'compute' | 'earth' | 'growth';

export interface FieldSpec {
  /** Snapshot key (dotted path), or the name of a derived figure. */
  readonly key: string;
  /**
   * Other snapshot keys the same figure may arrive under while the modules that compute it settle their shape
   * (e.g. `energy.computeOpsPerS`); the first one present is copied to `key`.
   */
  readonly aliases?: readonly string[];
  readonly label: string;
  readonly group: FieldGroup;
  /** Unit, shown in charts' titles. */
  readonly unit: string;
  readonly format: (value: number) => string;
  /** Plot it over the timeline (log scale: these figures span many decades). */
  readonly chart: boolean;
  /** The module that will compute it, while the core does not: `sim/beam (link budgets)`. */
  readonly pending?: string;
  /** For a derived figure: the keys it needs, and how it is computed from them. */
  readonly derive?: {
    readonly from: readonly string[];
    readonly compute: (get: (key: string) => number) => number;
  };
  readonly help?: string;
}

/**
 * The growth model's figures (sim/growth, GrowthState, under `growth.` in the snapshot). A scenario without a
 * growth model has none: their rows then read "—" (not applicable) rather than "awaits".
 */
function growthFields(): FieldSpec[] {
  const row = (
    key: string,
    label: string,
    unit: string,
    format: (v: number) => string,
    chart = false,
  ): FieldSpec => ({
    key: `growth.${key}`,
    label,
    group: 'growth',
    unit,
    format,
    chart,
  });
  return [
    row('factoryMassKg', 'Factories (working)', 'kg', formatMass, true),
    row('factoryCount', 'Factory units', 'units', formatCount),
    row('earthImportsKg', 'Imported from Earth', 'kg', formatMass),
    row('earthImportsUsd', 'Cost of imports', 'USD', (v) => `$${formatSi(v, '').trim()}`),
    row('massLaunchedKg', 'Mass launched', 'kg', formatMass),
    row('collectorsLaunched', 'Collectors launched', 'collectors', formatCount),
    row('collectorsInTransit', 'Collectors in transit', 'collectors', formatCount),
    row('energyPaybackYears', 'Energy payback', 'years', (v) => `${v.toPrecision(3)} yr`),
  ];
}

const sum = (...keys: string[]) => ({
  from: keys,
  compute: (get: (key: string) => number) => keys.reduce((total, key) => total + get(key), 0),
});

const ratio = (numerator: string, denominator: string) => ({
  from: [numerator, denominator],
  compute: (get: (key: string) => number) => get(numerator) / get(denominator),
});

export const FIELDS: readonly FieldSpec[] = [
  {
    key: 'collectorCount',
    label: 'Collectors on station',
    group: 'swarm',
    unit: 'collectors',
    format: formatCount,
    chart: true,
    help: 'Real collectors on their heliocentric orbits (an exact sum over launch cohorts).',
  },
  {
    key: 'tracerCount',
    label: 'Tracers on station',
    group: 'swarm',
    unit: 'tracers',
    format: formatCount,
    chart: false,
    help: 'Simulated collectors drawn in the scene; each stands for many real ones (the resolution, not the size).',
  },
  {
    key: 'collectorAreaM2',
    label: 'Collector area',
    group: 'swarm',
    unit: 'm²',
    format: formatArea,
    chart: false,
  },
  {
    key: 'massInOrbitKg',
    label: 'Mass in orbit',
    group: 'swarm',
    unit: 'kg',
    format: formatMass,
    chart: true,
  },
  {
    key: 'interceptedSunlightW',
    label: 'Sunlight intercepted',
    group: 'power',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: false,
  },
  {
    key: 'capturedPowerW',
    label: 'Captured (electrical)',
    group: 'power',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: true,
  },
  {
    key: 'transmittedPowerW',
    aliases: ['energy.radiatedPowerW'],
    label: 'Transmitted (beamed)',
    group: 'power',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: true,
    pending: 'sim/energy + sim/beam (energy ledger, link budgets)',
    help: 'Radiated by the first hop of every swarm link.',
  },
  {
    key: 'deliveredPowerW',
    aliases: ['energy.deliveredPowerW'],
    label: 'Delivered to loads',
    group: 'power',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: true,
    derive: sum('energy.deliveredPowerComputeW', 'energy.deliveredPowerGridW'),
    pending: 'sim/energy + sim/beam (energy ledger, link budgets)',
    help: 'To computers and to power grids, the geostationary satellites’ grid power included.',
  },
  {
    key: 'energy.deliveredPowerComputeW',
    label: '… to computers',
    group: 'power',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: false,
    pending: 'sim/energy (energy ledger)',
  },
  {
    key: 'energy.deliveredPowerGridW',
    label: '… to power grids',
    group: 'power',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: false,
    pending: 'sim/energy (energy ledger)',
  },
  {
    key: 'solarLuminosityFraction',
    label: 'Share of the Sun’s output',
    group: 'power',
    unit: 'of L☉',
    format: formatScientific,
    chart: true,
    help: 'Captured power / solar luminosity (IAU 2015 nominal, 3.828e26 W).',
  },
  {
    key: 'collectorsSunwardOfEarth',
    label: 'Collectors in front of the Sun (from Earth)',
    group: 'power',
    unit: 'collectors',
    format: formatCount,
    chart: false,
    help: 'Collectors inside the cone of the solar disc as seen from the Earth: those that can dim it.',
  },
  {
    key: 'earthDimmingFraction',
    label: 'Sunlight taken from the Earth',
    group: 'power',
    unit: '',
    format: formatScientific,
    chart: false,
    help: 'Solid angle of those collectors over the solar disc’s (randomly overlapping screens).',
  },
  {
    key: 'captureEfficiency',
    label: 'Sunlight → electricity',
    group: 'efficiency',
    unit: '',
    format: formatPercent,
    chart: false,
    derive: ratio('capturedPowerW', 'interceptedSunlightW'),
    help: 'Conversion efficiency after degradation, averaged over the swarm.',
  },
  {
    key: 'transmitEfficiency',
    label: 'Electricity → beam',
    group: 'efficiency',
    unit: '',
    format: formatPercent,
    chart: false,
    derive: ratio('transmittedPowerW', 'capturedPowerW'),
    pending: 'sim/energy + sim/beam (energy ledger, link budgets)',
  },
  {
    key: 'linkEfficiency',
    label: 'Beam → load',
    group: 'efficiency',
    unit: '',
    format: formatPercent,
    chart: false,
    derive: {
      from: ['energy.deliveredPowerComputeW', 'energy.swarmDeliveredPowerGridW', 'transmittedPowerW'],
      compute: (get) =>
        (get('energy.deliveredPowerComputeW') + get('energy.swarmDeliveredPowerGridW')) /
        get('transmittedPowerW'),
    },
    pending: 'sim/energy + sim/beam (energy ledger, link budgets)',
    help: 'Power the swarm’s links deliver (compute and grid) over the power they radiate.',
  },
  {
    key: 'endToEndEfficiency',
    aliases: ['energy.endToEndEfficiency'],
    label: 'Sunlight → load',
    group: 'efficiency',
    unit: '',
    format: formatPercent,
    chart: false,
    pending: 'sim/energy + sim/beam (energy ledger, link budgets)',
    help: 'The swarm’s links only: what they deliver over the sunlight the swarm intercepts.',
  },
  {
    key: 'computeOpsPerS',
    aliases: ['energy.computeOpsPerS'],
    label: 'Computation bought',
    group: 'compute',
    unit: 'op/s',
    format: (v) => formatSi(v, 'op/s'),
    chart: true,
    pending: 'sim/energy (compute conversion)',
  },
  {
    key: 'computeNodeCount',
    label: 'Compute nodes (in the swarm)',
    group: 'compute',
    unit: 'nodes',
    format: formatCount,
    chart: false,
    help: 'Nodes flying among the collectors, one per cluster (energy link receivers placed `cluster`); the scene rings them.',
  },
  ...growthFields(),
  {
    key: 'powerSatelliteCount',
    aliases: ['earth.powerSatelliteCount'],
    label: 'Power satellites in service',
    group: 'earth',
    unit: 'satellites',
    format: formatCount,
    chart: false,
    pending: 'sim/earth (geostationary power satellites)',
  },
  {
    key: 'earth.satellitesInEclipse',
    label: '… in the Earth’s shadow',
    group: 'earth',
    unit: 'satellites',
    format: formatCount,
    chart: false,
    pending: 'sim/earth (geostationary power satellites)',
  },
  {
    key: 'earth.rectennaCount',
    label: 'Rectennas operating',
    group: 'earth',
    unit: 'rectennas',
    format: formatCount,
    chart: false,
    pending: 'sim/earth (ground rectennas)',
  },
  {
    key: 'earth.deliveredPowerGridW',
    label: 'Delivered to grids from GEO',
    group: 'earth',
    unit: 'W',
    format: (v) => formatSi(v, 'W'),
    chart: false,
    pending: 'sim/earth (geostationary power satellites)',
  },
];

export const GROUP_TITLES: Readonly<Record<FieldGroup, string>> = {
  swarm: 'Swarm',
  power: 'Power',
  efficiency: 'Efficiency chain',
  compute: 'Computation',
  earth: 'Geostationary power satellites',
  growth: 'Growth: factories and launches',
};

/** Keys that stand in for a catalogued figure (its aliases): not listed again among the "other" figures. */
export const ALIAS_KEYS: ReadonlySet<string> = new Set(FIELDS.flatMap((field) => field.aliases ?? []));

/**
 * Copy aliased figures to their catalogue key, then add the derived figures whose inputs are all present.
 * Returns a new record.
 */
export function withDerived(values: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...values };
  for (const field of FIELDS) {
    const alias = field.key in out ? undefined : field.aliases?.find((key) => key in out);
    if (alias !== undefined) out[field.key] = out[alias] as number;
  }
  for (const field of FIELDS) {
    const { derive } = field;
    if (derive === undefined || field.key in out || !derive.from.every((key) => key in out)) continue;
    const value = derive.compute((key) => out[key] as number);
    // 0/0 before the first collector: no ratio exists yet, and none is shown
    if (Number.isFinite(value)) out[field.key] = value;
  }
  return out;
}

/** Derived columns for a series: the same ratios, element by element (NaN where undefined). */
export function withDerivedColumns(
  columns: Readonly<Record<string, Float64Array>>,
  length: number,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = { ...columns };
  for (const field of FIELDS) {
    const alias = field.key in out ? undefined : field.aliases?.find((key) => key in out);
    if (alias !== undefined) out[field.key] = out[alias] as Float64Array;
  }
  for (const field of FIELDS) {
    const { derive } = field;
    if (derive === undefined || field.key in out || !derive.from.every((key) => key in out)) continue;
    const column = new Float64Array(length);
    for (let k = 0; k < length; k += 1) {
      column[k] = derive.compute((key) => (out[key] as Float64Array)[k] as number);
    }
    out[field.key] = column;
  }
  return out;
}

/** The module part of a pending note: `sim/beam (link budgets)` -> `sim/beam`. */
export function pendingModule(field: FieldSpec): string | null {
  return field.pending === undefined ? null : (field.pending.split(' ')[0] ?? field.pending);
}

/** The catalogue entry of a key, if any. */
export function fieldOf(key: string): FieldSpec | undefined {
  return FIELDS.find((field) => field.key === key);
}

/** A row for a snapshot key the catalogue does not know: its raw key and a neutral format. */
export function genericField(key: string): FieldSpec {
  return {
    key,
    label: key,
    group: 'power',
    unit: '',
    format: (v) =>
      Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(3) : v.toFixed(3),
    chart: false,
  };
}
