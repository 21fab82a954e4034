/**
 * The one catalogue of figures. Every figure a user sees, in summary.json, timeseries.csv, the `essaim run` table,
 * the app's panels and charts and the worker stream, is an entry here: a key, what it reads from the Snapshot
 * (a dotted path type-checked against sim/world.ts, so renaming a core field fails to compile here), its unit,
 * its label and group, whether it is charted, and a help text.
 *
 * Reading rules:
 * - A figure whose section is absent from the scenario (no growth, energy or earth section) reads null.
 * - Ratios read null where they are undefined (0/0 before the first collector), never NaN.
 * - Figures of scope `run` depend on the run, not on the instant (the eclipse loss since the previous output row):
 *   they are read from the SimulationResult, and the stream, which samples instants, has none of them.
 * - Every figure is in every output: summary.json and timeseries.csv (run figures included), the table, the
 *   panels and the stream (instant figures only). The files' rows are a contract (see summary.ts): a new figure
 *   adds a field, an existing one is never renamed.
 *
 * Snapshot fields that no figure reads are listed in SNAPSHOT_LEFT_OUT with the reason
 * (tests/report/figures.test.ts checks that every field of real snapshots is one or the other).
 */
import type { SimulationResult } from '../simulate.ts';
import type { Snapshot } from '../world.ts';
import {
  at,
  finite,
  firstOf,
  ratioOf,
  recordAt,
  sumOf,
  textAt,
  type Reader,
  type SnapshotPath,
} from './readers.ts';

export type { Reader, SnapshotPath } from './readers.ts';

export type FigureGroup =
  'swarm' | 'power' | 'efficiency' | 'compute' | 'earth' | 'growth' | 'ground' | 'groundTask';

/** The groups in display order, with their titles (the table's sections and the panel's). */
export const FIGURE_GROUPS: ReadonlyArray<{ readonly group: FigureGroup; readonly title: string }> = [
  { group: 'swarm', title: 'Swarm' },
  { group: 'power', title: 'Power' },
  { group: 'efficiency', title: 'Efficiency chain' },
  { group: 'compute', title: 'Computation' },
  { group: 'earth', title: 'Geostationary power satellites' },
  { group: 'growth', title: 'Growth: factories and launches' },
  { group: 'ground', title: 'Earth side: AI’s electricity' },
  { group: 'groundTask', title: 'Earth side: per task, cost and heat' },
];

/**
 * Units. SI, plus: `count` (a number of things: collectors, satellites; dimensionless, may be fractional for
 * weighted sums), `1` (a dimensionless fraction or efficiency), `USD` (launch cost) and `yr` (Julian years of
 * 365.25 d, where the key says Years), `USD/J` (a levelised cost), `W/m²` (a heat flux over an area), `token/s`
 * and `FLOP/s` (computation, each in its own unit), and `text`
 * (a name, no unit).
 */
export type FigureUnit =
  'W' | 'J' | 'kg' | 'm²' | 'token/s' | 'FLOP/s' | 'USD' | 'USD/J' | 'W/m²' | 'yr' | 'count' | '1' | 'text';

interface FigureCommon<K extends string> {
  readonly key: K;
  /** Full label, for the panels. */
  readonly label: string;
  /** Short heading, for the table's columns. */
  readonly short: string;
  readonly group: FigureGroup;
  readonly unit: FigureUnit;
  /** Plotted over the timeline by the app (log scale: these figures span decades). */
  readonly chart: boolean;
  readonly help: string;
}

/** A figure of the instant: read from the Snapshot alone. */
export interface InstantFigure<K extends string = string, V = unknown> extends FigureCommon<K>, Reader<V> {
  readonly scope: 'instant';
  /** number, text, or a record of numbers by name (one column per name in the CSV and the table). */
  readonly kind: 'number' | 'text' | 'byName';
}

/** A figure of the run: it depends on the output rows, not only on the instant. */
export interface RunFigure<K extends string = string, V = unknown> extends FigureCommon<K> {
  readonly scope: 'run';
  readonly kind: 'number';
  /** The value at output row `row` of the run. */
  readonly readRun: (run: SimulationResult, row: number) => V;
}

export type Figure = InstantFigure | RunFigure;

type Common<K extends string> = Omit<FigureCommon<K>, 'key' | 'group'>;

/** A figure builder per group, so the entries below read as a table. */
function inGroup(group: FigureGroup) {
  return {
    number<const K extends string, V extends number | null>(key: K, reader: Reader<V>, common: Common<K>) {
      return { key, group, scope: 'instant', kind: 'number', ...reader, ...common } as const;
    },
    text<const K extends string, V extends string | null>(key: K, reader: Reader<V>, common: Common<K>) {
      return { key, group, scope: 'instant', kind: 'text', ...reader, ...common } as const;
    },
    byName<const K extends string>(key: K, reader: Reader<Record<string, number> | null>, common: Common<K>) {
      return { key, group, scope: 'instant', kind: 'byName', ...reader, ...common } as const;
    },
    run<const K extends string, V extends number | null>(
      key: K,
      readRun: (run: SimulationResult, row: number) => V,
      common: Common<K>,
    ) {
      return { key, group, scope: 'run', kind: 'number', readRun, ...common } as const;
    },
  };
}

const swarm = inGroup('swarm');
const power = inGroup('power');
const efficiency = inGroup('efficiency');
const compute = inGroup('compute');
const earth = inGroup('earth');
const growth = inGroup('growth');
const ground = inGroup('ground');
const groundTask = inGroup('groundTask');

/** What the delivered-to-grid figure reads: the ledger's total (with the Earth segment's), else the segment's. */
const deliveredGrid = firstOf(at('energy.deliveredPowerGridW'), at('earth.deliveredPowerGridW'));

/**
 * The catalogue, in the order of summary.json's rows and timeseries.csv's columns (after `date`); the panels and
 * the table group it by FIGURE_GROUPS, keeping this order within a group.
 */
export const FIGURES = [
  swarm.number('collectorCount', at('collectorCount'), {
    label: 'Collectors on station',
    short: 'collectors',
    unit: 'count',
    chart: true,
    help: 'Real collectors on their heliocentric orbits: the growth model’s collectors on station plus any fixed schedule’s, each counted from one flight after its launch.',
  }),
  swarm.number('tracerCount', at('tracerCount'), {
    label: 'Tracers on station',
    short: 'tracers',
    unit: 'count',
    chart: false,
    help: 'Simulated collectors; each stands for many real ones (the resolution, not the size).',
  }),
  swarm.number('collectorAreaM2', at('collectorAreaM2'), {
    label: 'Collector area',
    short: 'area',
    unit: 'm²',
    chart: false,
    help: 'Area of the collectors on station.',
  }),
  swarm.number('massInOrbitKg', at('massInOrbitKg'), {
    label: 'Mass in orbit',
    short: 'mass',
    unit: 'kg',
    chart: true,
    help: 'Mass of the collectors on station.',
  }),
  power.number('capturedPowerW', at('capturedPowerW'), {
    label: 'Captured (electrical)',
    short: 'captured',
    unit: 'W',
    chart: true,
    help: 'Electrical power captured: sunlight intercepted x conversion efficiency x degradation.',
  }),
  power.number('solarLuminosityFraction', at('solarLuminosityFraction'), {
    label: 'Share of the Sun’s output',
    short: 'L_sun fraction',
    unit: '1',
    chart: true,
    help: 'Captured power / solar luminosity (IAU 2015 nominal, 3.828e26 W).',
  }),
  power.number('interceptedSunlightW', at('interceptedSunlightW'), {
    label: 'Sunlight intercepted',
    short: 'intercepted',
    unit: 'W',
    chart: false,
    help: 'Sunlight falling on the collectors, with inner shells shading outer ones.',
  }),
  power.number('collectorsSunwardOfEarth', at('collectorsSunwardOfEarth'), {
    label: 'Collectors in front of the Sun (from Earth)',
    short: 'sunward of Earth',
    unit: 'count',
    chart: false,
    help: 'Collectors inside the cone of the solar disc as seen from the Earth: those that can dim it.',
  }),
  power.number('earthDimmingFraction', at('earthDimmingFraction'), {
    label: 'Sunlight taken from the Earth',
    short: 'Earth dimming',
    unit: '1',
    chart: false,
    help: 'Solid angle of those collectors over the solar disc’s (randomly overlapping screens).',
  }),
  power.number('transmittedPowerW', at('energy.radiatedPowerW'), {
    label: 'Transmitted (beamed)',
    short: 'beamed',
    unit: 'W',
    chart: true,
    help: 'Radiated by the first hop of every swarm link (null without an energy section).',
  }),
  power.number('deliveredPowerW', sumOf(at('energy.deliveredPowerComputeW'), deliveredGrid), {
    label: 'Delivered to loads',
    short: 'delivered',
    unit: 'W',
    chart: true,
    help: 'To computers and to power grids, the geostationary satellites’ grid power included.',
  }),
  growth.number('factoryMassKg', at('growth.factoryMassKg'), {
    label: 'Factories (working)',
    short: 'factories',
    unit: 'kg',
    chart: true,
    help: 'Working factory mass, all sites (null without a growth section).',
  }),
  growth.byName('factoryMassKgBySite', recordAt('growth.factoryMassKgBySite'), {
    label: 'Factories at',
    short: 'factories',
    unit: 'kg',
    chart: false,
    help: 'Working factory mass at each site; one column per site (factoryMassKgBySite.<site>).',
  }),
  growth.number('factoryCount', at('growth.factoryCount'), {
    label: 'Factory units',
    short: 'factory units',
    unit: 'count',
    chart: false,
    help: 'Working factory units, where the scenario gives a unit mass (null where no site does).',
  }),
  growth.number('earthImportsKg', at('growth.earthImportsKg'), {
    label: 'Imported from Earth',
    short: 'imports',
    unit: 'kg',
    chart: false,
    help: 'Mass landed from Earth: seeds, resupply and vitamins.',
  }),
  growth.number('earthImportsUsd', at('growth.earthImportsUsd'), {
    label: 'Cost of imports',
    short: 'imports',
    unit: 'USD',
    chart: false,
    help: 'Launch cost of the mass landed from Earth.',
  }),
  growth.number('massLaunchedKg', at('growth.massLaunchedKg'), {
    label: 'Mass launched',
    short: 'launched',
    unit: 'kg',
    chart: false,
    help: 'Mass launched by the mass drivers so far.',
  }),
  growth.number('collectorsLaunched', at('growth.collectorsLaunched'), {
    label: 'Collectors launched',
    short: 'collectors launched',
    unit: 'count',
    chart: false,
    help: 'Collectors launched by the growth model so far (on station or in transit).',
  }),
  growth.number('collectorsInTransit', at('growth.collectorsInTransit'), {
    label: 'Collectors in transit',
    short: 'in transit',
    unit: 'count',
    chart: false,
    help: 'Collectors on their transfer from a site to their shell.',
  }),
  growth.number('collectorsOnStation', at('growth.collectorsOnStation'), {
    label: 'Collectors on station (growth model)',
    short: 'on station',
    unit: 'count',
    chart: false,
    help: 'The growth model’s share of the collectors on station: the swarm’s count less any fixed schedule’s (equal to it when there is none).',
  }),
  growth.number('energyInvestedJ', at('growth.energyInvestedJ'), {
    label: 'Energy invested',
    short: 'invested',
    unit: 'J',
    chart: false,
    help: 'Energy spent on mining, processing and launching so far.',
  }),
  growth.number('energyPaybackYears', finite(at('growth.energyPaybackYears')), {
    label: 'Energy payback',
    short: 'payback',
    unit: 'yr',
    chart: false,
    help: 'Years the swarm needs at its present power to return the energy invested (null: it captures nothing yet).',
  }),
  growth.text('bindingLimit', textAt('growth.bindingLimit'), {
    label: 'Limit on growth',
    short: 'limit',
    unit: 'text',
    chart: false,
    help: 'The limit holding the largest site’s growth back now: none, feedstock, heat, power, luminosity, mass-driver or imports.',
  }),
  power.number('deliveredPowerComputeW', at('energy.deliveredPowerComputeW'), {
    label: '… to computers',
    short: 'to compute',
    unit: 'W',
    chart: false,
    help: 'Power delivered to the orbital compute nodes (null without an energy section).',
  }),
  power.number('deliveredPowerGridW', deliveredGrid, {
    label: '… to power grids',
    short: 'to grid',
    unit: 'W',
    chart: false,
    help: 'Power delivered to the ground grid; with an energy section its ledger includes the Earth segment’s.',
  }),
  power.number('lineOfSightCurtailedW', at('energy.losses.lineOfSightW'), {
    label: 'Curtailed: receiver behind the Earth',
    short: 'curtailed',
    unit: 'W',
    chart: false,
    help: 'Power the platforms did not send because the Earth hid their receiver (a relay seen from a hub at L4/L5).',
  }),
  efficiency.number('captureEfficiency', ratioOf(at('capturedPowerW'), at('interceptedSunlightW')), {
    label: 'Sunlight → electricity',
    short: 'capture',
    unit: '1',
    chart: false,
    help: 'Captured / intercepted: conversion efficiency after degradation, averaged over the swarm.',
  }),
  efficiency.number('transmitEfficiency', ratioOf(at('energy.radiatedPowerW'), at('capturedPowerW')), {
    label: 'Electricity → beam',
    short: 'transmit',
    unit: '1',
    chart: false,
    help: 'Transmitted / captured.',
  }),
  efficiency.number(
    'linkEfficiency',
    ratioOf(
      sumOf(at('energy.deliveredPowerComputeW'), at('energy.swarmDeliveredPowerGridW')),
      at('energy.radiatedPowerW'),
    ),
    {
      label: 'Beam → load',
      short: 'link',
      unit: '1',
      chart: false,
      help: 'Power the swarm’s links deliver (compute and grid) over the power they radiate.',
    },
  ),
  efficiency.number('endToEndEfficiency', at('energy.endToEndEfficiency'), {
    label: 'Sunlight → load',
    short: 'end-to-end',
    unit: '1',
    chart: false,
    help: 'The swarm’s links only: what they deliver over the sunlight the swarm intercepts.',
  }),
  compute.number('computeTokensPerS', at('energy.computeTokensPerS'), {
    label: 'Computation bought (tokens)',
    short: 'tokens/s',
    unit: 'token/s',
    chart: true,
    help: 'Sustained generated tokens per second of the compute nodes, a Llama-2-70B-class model (mlperf-llama2-70b, the baseline’s trajectory, or a scenario’s own points with opsUnit token); null where the trajectory counts no tokens.',
  }),
  compute.number('computeFlopPerS', at('energy.computeFlopPerS'), {
    label: 'Computation bought (FLOP)',
    short: 'FLOP/s',
    unit: 'FLOP/s',
    chart: true,
    help: 'Sustained FLOP per second of the compute nodes (green500-fp64: HPL FP64; or a scenario’s own points with opsUnit flop); null where the trajectory counts no FLOP.',
  }),
  compute.number('computeNodeCount', at('computeNodeCount'), {
    label: 'Compute nodes (in the swarm)',
    short: 'nodes',
    unit: 'count',
    chart: false,
    help: 'Nodes flying among the collectors, one per cluster (energy link receivers placed `cluster`); 0 when none is.',
  }),
  compute.number('energyPerTaskJ', at('energy.energyPerTaskJ'), {
    label: 'Energy per task',
    short: 'per task',
    unit: 'J',
    chart: false,
    help: 'Energy per task (the scenario defines the task; the baseline’s is 1000 generated tokens of a 70B model) at the date’s operations per joule.',
  }),
  compute.number('radiatorAreaM2', at('energy.radiatorAreaM2'), {
    label: 'Radiator area',
    short: 'radiators',
    unit: 'm²',
    chart: false,
    help: 'Radiator area the compute nodes’ waste heat needs.',
  }),
  earth.number('powerSatelliteCount', at('earth.powerSatelliteCount'), {
    label: 'Power satellites in service',
    short: 'satellites',
    unit: 'count',
    chart: false,
    help: 'Power satellites in service in geostationary orbit (null without an earth section).',
  }),
  earth.number('satellitesInEclipse', at('earth.satellitesInEclipse'), {
    label: '… in the Earth’s shadow',
    short: 'in eclipse',
    unit: 'count',
    chart: false,
    help: 'Power satellites in the Earth’s shadow at the instant.',
  }),
  earth.number('rectennaCount', at('earth.rectennaCount'), {
    label: 'Rectennas operating',
    short: 'rectennas',
    unit: 'count',
    chart: false,
    help: 'Ground rectennas in operation.',
  }),
  earth.number('geoDeliveredPowerGridW', at('earth.deliveredPowerGridW'), {
    label: 'Delivered to grids from GEO',
    short: 'GEO to grid',
    unit: 'W',
    chart: false,
    help: 'AC the geostationary power satellites’ rectennas put into the grid.',
  }),
  earth.run('eclipseEnergyLossJ', (run, row) => run.eclipseEnergyLossJ[row] ?? null, {
    label: 'Lost to eclipses since the previous row',
    short: 'eclipse loss',
    unit: 'J',
    chart: false,
    help: 'Energy the power satellites lost to eclipses since the previous output row (0 for the first): a figure of a run (`essaim run`), not of an instant.',
  }),
  ground.number('aiDemandW', at('ground.demandW'), {
    label: 'AI and data-centre demand',
    short: 'AI demand',
    unit: 'W',
    // drawn with its band (src/app/ui/DemandBandChart.tsx)
    chart: false,
    help: 'Electricity demand of data centres (mean power), the case the ledger supplies (central: the IEA’s 2025 Base Case), from the scenario’s ground section.',
  }),
  ground.number('aiDemandLowW', at('ground.demandBandW.low'), {
    label: '… band, low',
    short: 'low',
    unit: 'W',
    chart: false,
    help: 'The low case of the demand band (the IEA’s Headwinds Case in the baseline).',
  }),
  ground.number('aiDemandHighW', at('ground.demandBandW.high'), {
    label: '… band, high',
    short: 'high',
    unit: 'W',
    chart: false,
    help: 'The high case of the demand band (the IEA’s Lift-Off Case in the baseline).',
  }),
  ground.number('aiFromSwarmComputeW', at('ground.swarmComputeToAiW'), {
    label: 'Supplied by the swarm’s orbital compute',
    short: 'swarm compute',
    unit: 'W',
    chart: false,
    help: 'Power of the orbital compute nodes, booked to AI demand first (only AI uses it).',
  }),
  ground.number('aiFromPowerSatellitesW', at('ground.powerSatellitesToAiW'), {
    label: 'Supplied by the power satellites',
    short: 'power sats',
    unit: 'W',
    chart: false,
    help: 'Grid power of the geostationary power satellites booked to AI (contracted to it, as a PPA).',
  }),
  ground.number('aiFromSwarmGridW', at('ground.swarmGridToAiW'), {
    label: 'Supplied by the swarm to the grid',
    short: 'swarm grid',
    unit: 'W',
    chart: false,
    help: 'Grid power of the swarm’s links booked to AI.',
  }),
  ground.number('aiFromGroundContractsW', at('ground.groundContractsToAiW'), {
    label: 'Supplied by ground contracts',
    short: 'PPAs',
    unit: 'W',
    chart: false,
    help: 'Nuclear, SMR, renewables with storage and fusion pilots contracted to data centres (capacity x capacity factor).',
  }),
  ground.number('aiFromGridW', at('ground.gridToAiW'), {
    label: 'Supplied by the grid',
    short: 'grid',
    unit: 'W',
    chart: false,
    help: 'What the grid supplies after space and the contracts.',
  }),
  ground.number('aiFromSpaceW', at('ground.spaceToAiW'), {
    label: 'Supplied from space',
    short: 'from space',
    unit: 'W',
    chart: false,
    help: 'Orbital compute, power satellites and the swarm’s grid links, booked to AI.',
  }),
  ground.number('aiSpaceShare', at('ground.spaceShare'), {
    label: 'Share of AI’s electricity from space',
    short: 'space share',
    unit: '1',
    chart: true,
    help: '(orbital compute + power satellites + swarm to grid, booked to AI) / AI demand.',
  }),
  ground.number('aiCleanShare', at('ground.cleanShare'), {
    label: 'Clean share of AI’s electricity',
    short: 'clean',
    unit: '1',
    chart: false,
    help: 'Space, the contracts and the grid’s clean share of its part, over AI demand.',
  }),
  groundTask.number('energyPerSuccessfulTaskJ', at('ground.energyPerSuccessfulTaskJ'), {
    label: 'Energy per successful task',
    short: 'per success',
    unit: 'J',
    chart: false,
    help: 'Energy per task over the task’s success rate: energy per decision, not per token.',
  }),
  groundTask.number('costPerTaskUsd', at('ground.costPerTaskUsd'), {
    label: 'Cost per successful task',
    short: 'cost/task',
    unit: 'USD',
    chart: false,
    help: 'Energy per successful task x the cost per joule of AI’s supply mix (levelised costs, beamed power’s from its capital).',
  }),
  groundTask.number('co2PerTaskKg', at('ground.carbonPerTaskKg'), {
    label: 'CO2 per successful task',
    short: 'CO2/task',
    unit: 'kg',
    chart: false,
    help: 'Energy per successful task x the life-cycle carbon intensity of AI’s supply mix.',
  }),
  groundTask.number('aiCostUsdPerJ', at('ground.costUsdPerJ'), {
    label: 'Cost of AI’s electricity',
    short: 'mix cost',
    unit: 'USD/J',
    chart: false,
    help: 'Blended over AI’s supply: levelised costs of the contracts, the grid price, beamed power’s from its capital.',
  }),
  groundTask.number('powerSatelliteCostUsdPerJ', at('ground.powerSatellitesUsdPerJ'), {
    label: 'Levelised cost of the power satellites’ power',
    short: 'GEO cost',
    unit: 'USD/J',
    chart: false,
    help: 'Capital (mass x price in place) x capital recovery factor over the stated life, per joule delivered (null: none delivered).',
  }),
  groundTask.number('swarmCostUsdPerJ', at('ground.swarmUsdPerJ'), {
    label: 'Levelised cost of the swarm’s power',
    short: 'swarm cost',
    unit: 'USD/J',
    chart: false,
    help: 'The swarm’s imports from Earth x capital recovery factor over the stated life, per joule delivered (null: none delivered).',
  }),
  groundTask.number('heatReusedW', at('ground.heatReusedW'), {
    label: 'Data-centre heat reused',
    short: 'heat reused',
    unit: 'W',
    chart: false,
    help: 'Data-centre waste heat delivered to district heating.',
  }),
  groundTask.number('rectennaHeatFluxWm2', at('ground.maxRectennaHeatFluxWm2'), {
    label: 'Waste heat over the hottest rectenna',
    short: 'rectenna heat',
    unit: 'W/m²',
    chart: false,
    help: 'Beam power a rectenna site keeps (incident less exported), over its area; the local limit and the sunlight it is compared with are in the scenario.',
  }),
  groundTask.number('gridDivertedW', at('ground.gridDivertedW'), {
    label: 'Grid power diverted from other users',
    short: 'diverted',
    unit: 'W',
    chart: false,
    help: 'Grid power AI draws beyond the charter’s allowance.',
  }),
] as const satisfies readonly Figure[];

export type CatalogueFigure = (typeof FIGURES)[number];
export type FigureKey = CatalogueFigure['key'];

/** The value type of a figure. */
export type FigureValue<F extends Figure> =
  F extends InstantFigure<string, infer V> ? V : F extends RunFigure<string, infer V> ? V : never;

/**
 * Snapshot fields no figure reads, each with the reason. A field (or a whole section) listed here is left out of
 * the table, the files, the panels and the stream on purpose.
 */
export const SNAPSHOT_LEFT_OUT: Readonly<Partial<Record<SnapshotPath, string>>> = {
  tdbS: 'the time of the row (summary date, stream tdbS), not a figure',
  'growth.tdbS': 'repeats the snapshot time',
  'growth.factoryUnderConstructionKg':
    'batch growth’s work in progress; factoryMassKg counts working factories',
  'growth.factoryCountBySite':
    'per-site split of factoryCount; the per-site figure shown is factoryMassKgBySite',
  'growth.collectorsOnStationByShell': 'per-shell split of collectorsOnStation',
  'growth.collectorMassOnStationKg':
    'the growth model’s share of massInOrbitKg, which counts fixed schedules too',
  'growth.collectorAreaOnStationM2':
    'the growth model’s own area on station; collectorAreaM2 counts every cohort, fixed schedules included',
  'growth.interceptedPowerW':
    'the growth model’s shell-averaged estimate behind its power limit; interceptedSunlightW comes from the tracers',
  'growth.capturedPowerW':
    'the growth model’s shell-averaged estimate behind its power limit; capturedPowerW comes from the tracers',
  'growth.energyCapturedJ': 'the running integral behind energyPaybackYears',
  'growth.energyPaidBack': 'a flag; energyPaybackYears carries the figure',
  'growth.singleCollectorPaybackYears': 'per (site, shell) detail of the growth model',
  'growth.bindingLimitBySite': 'per-site detail of bindingLimit',
  'growth.massLedger': 'the mass balance (tests/growth check that it closes), not a headline figure',
  'growth.energyLedger': 'the construction energy balance; its investedJ is energyInvestedJ',
  'energy.tdbS': 'repeats the snapshot time',
  'energy.interceptedSunlightW': 'the ledger’s input, equal to interceptedSunlightW',
  'energy.capturedPowerW': 'the ledger’s input, equal to capturedPowerW',
  'energy.collectorConversionLossW': 'interceptedSunlightW - capturedPowerW',
  'energy.allocatedPowerW': 'the ledger’s balance detail (DC into the links)',
  'energy.unallocatedPowerW': 'the ledger’s balance detail (captured power no link takes)',
  'energy.receivedPowerW': 'the ledger’s balance detail (incident on the last receivers)',
  'energy.losses.powerConditioningW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.transmitterW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.phaseErrorW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.atmosphereW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.beamSpillW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.receiveApertureW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.receiverConversionW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.losses.loadInterfaceW': 'the ledger’s losses by kind (tests/energy check the balance), detail',
  'energy.totalLossW': 'the sum of energy.losses',
  'energy.heat': 'the ledger’s heat by location, detail; radiatorAreaM2 is the figure it drives',
  'energy.earthGridDeliveredW':
    'the ledger’s copy of the Earth segment’s grid power (geoDeliveredPowerGridW)',
  'energy.opsPerJoule':
    'the compute roadmap’s input at the date; computeTokensPerS, computeFlopPerS and energyPerTaskJ carry it',
  'energy.taskName': 'the name of energyPerTaskJ’s task, a label',
  'energy.computeHeatW': 'equal to energy.heat.computeNodesW; radiatorAreaM2 is the figure',
  'energy.links': 'per-link ledgers: the stream sends them to the scene as links',
  'energy.warnings': 'messages: summary.json warnings and the app’s warnings panel',
  'earth.tdbS': 'repeats the snapshot time',
  'earth.rectennaDcPowerW': 'DC before the grid interface; deliveredPowerGridW is the figure',
  'earth.perSatellite': 'per-satellite detail: the stream sends it to the scene',
  'earth.perSite': 'per-rectenna detail: the stream sends it to the scene',
  'ground.tdbS': 'repeats the snapshot time',
  'ground.demandCase': 'the name of the case aiDemandW supplies, a label',
  'ground.demandBandW.central': 'the central case, equal to aiDemandW in the baseline (its case is central)',
  'ground.supply': 'per-source detail (available, to AI, surplus); the figures carry the totals by source',
  'ground.groundToAiByKindW': 'per-kind split of aiFromGroundContractsW',
  'ground.cleanToAiW': 'aiCleanShare x aiDemandW',
  'ground.cleanShareTarget': 'the charter’s target; its breach is a dated warning',
  'ground.gridCleanShare': 'the scenario’s grid input at the date',
  'ground.carbonKgPerJ': 'co2PerTaskKg / energyPerSuccessfulTaskJ',
  'ground.carbonKgPerS': 'the ledger’s CO2 rate, detail',
  'ground.powerSatellitesCapitalUsd': 'the capital behind powerSatelliteCostUsdPerJ',
  'ground.taskName': 'the name of the task, a label',
  'ground.successRate': 'the scenario’s task input',
  'ground.heatReuseAvoidedKgPerS': 'detail of heatReusedW',
  'ground.rectennas': 'per-site heat: the charter’s thermal warnings name each site',
  'ground.thermalLimitWm2': 'the scenario’s limit; its breach is a dated warning',
  'ground.gridAllowanceW': 'the scenario’s allowance; gridDivertedW is the figure',
  'ground.warnings': 'the charter’s warnings: summary.json charterWarnings and the CLI',
};

/** The figures of an instant (all but the run's). */
export const INSTANT_FIGURES: readonly InstantFigure[] = FIGURES.filter(
  (figure): figure is Extract<CatalogueFigure, { scope: 'instant' }> => figure.scope === 'instant',
);

/**
 * The instant's figures as the stream sends them: numbers keyed by the figure key, a per-name figure as one number
 * per name (`factoryMassKgBySite.moon`, as the CSV's columns), text figures apart. Null (absent) figures and
 * non-finite numbers are left out.
 */
export function figureValues(snapshot: Snapshot): {
  values: Record<string, number>;
  texts: Record<string, string>;
} {
  const values: Record<string, number> = {};
  const texts: Record<string, string> = {};
  for (const figure of INSTANT_FIGURES) {
    const value = figure.read(snapshot);
    if (value === null) continue;
    if (figure.kind === 'text') texts[figure.key] = value as string;
    else if (figure.kind === 'byName') {
      for (const [name, item] of Object.entries(value as Record<string, number>)) {
        if (Number.isFinite(item)) values[`${figure.key}.${name}`] = item;
      }
    } else if (Number.isFinite(value as number)) values[figure.key] = value as number;
  }
  return { values, texts };
}

/** A figure's value at output row `row` of a run (instant figures read that row's snapshot). */
export function readFigure(figure: Figure, run: SimulationResult, row: number): unknown {
  if (figure.scope === 'run') return figure.readRun(run, row);
  const snapshot = run.snapshots[row];
  return snapshot === undefined ? null : figure.read(snapshot);
}
