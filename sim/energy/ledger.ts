/**
 * The energy ledger at one instant: every watt from the sunlight the collectors intercept to the loads, with
 * the loss at each step and where its heat goes. A pure function of (parameters, time, swarm power): random
 * access in time, as snapshot(t) needs.
 *
 * Chain:
 *   sunlight intercepted
 *     -> electricity at the collectors            (loss: collector conversion; reflected or heat in the cells)
 *     -> split by share among the links; the rest is UNALLOCATED (generated, beamed nowhere: housekeeping on
 *        the collectors, or curtailed; neither delivered nor counted as a loss). Where Lagrange-point hubs have
 *        their own feeders (resolve.ts HubFeeders), those collectors' power is split among the hubs' links and
 *        the rest of the swarm's among the others.
 *     -> per link, per hop: DC in -> [line of sight] -> power conditioning -> DC-to-RF / laser -> phase errors
 *        -> atmosphere -> beam collection -> receive aperture -> RF-to-DC / photovoltaic -> DC out (sim/beam,
 *        computeLinkBudget); each relay feeds the DC it receives to the next hop
 *        line of sight (hops whose two ends have places, occultation.ts): the units whose receiver the Earth hides
 *        at this instant do not send; that share of the hop's DC in is curtailed on the transmitting platform
 *        (losses.lineOfSightW, heat.curtailedW). Hops without it (no receiverAt, a cluster end, hop 0) have no such
 *        stage and are computed exactly as before it existed.
 *     -> load interface (DC-DC at a compute node, DC -> AC into a grid)
 *     -> delivered to compute nodes, or to the ground grid.
 *
 * Balance (tested to 1e-12 relative): interceptedSunlightW = collectorConversionLossW + unallocatedPowerW
 *   + sum of lossesW + deliveredPowerComputeW + swarmDeliveredPowerGridW.
 *
 * Power levels: each hop's power is shared by ceil(P / unitDcPowerW) identical units; one link budget is
 * computed per hop per call, for one unit at the power it carries. Efficiencies then apply to the whole hop.
 * Link budgets do not depend on the power except through a density-dependent receiver efficiency
 * (rxHalfEfficiencyDensityWm2 > 0) and the safety warnings, so this is exact for identical units.
 *
 * Cost: one computeLinkBudget per hop that carries power (about 0.5-2 ms each); the line of sight adds the
 * platforms' places at this instant (placement.ts: the Earth's VSOP87 position, its orientation; about 10 us) and
 * a few vector operations per hop.
 */
import { buildChain, type ChainStage, type StageSpec } from '../beam/chain.ts';
import { computeLinkBudget, type FieldRegime, type LinkBudget } from '../beam/linkBudget.ts';
import type { Band } from '../beam/input.ts';
import { InputError } from '../errors.ts';
import { lineOfSightAt, type HopLineOfSight } from './occultation.ts';
import { radiatorAreaM2 } from './radiator.ts';
import { opsPerJouleAt, type EnergyHop, type EnergyLink, type EnergyParams } from './resolve.ts';
import type { Destination } from './schema.ts';

/** Smallest radiated power a link budget is computed at, W: the power itself may underflow to 0 below it. */
const MIN_BUDGET_POWER_W = 1e-300;

/** Relative excess of captured over intercepted power tolerated as rounding, before it is refused. */
const CAPTURE_ROUNDING = 1e-12;

/** The swarm's power at one instant, from the world snapshot (and the Earth segment). SI. */
export interface LedgerInputs {
  /** Sunlight falling on the collectors, W. */
  readonly interceptedSunlightW: number;
  /** Electricity the collectors capture, W (<= interceptedSunlightW). */
  readonly capturedPowerW: number;
  /**
   * Power into the grid from the geostationary segment (sim/earth), W. It is added to deliveredPowerGridW;
   * its sunlight is not part of interceptedSunlightW, so it stays out of the balance and of endToEndEfficiency.
   */
  readonly earthGridDeliveredW?: number;
  /**
   * Electricity captured by the collectors that fly with the Lagrange-point hubs (EnergyParams.hubFeeders), W,
   * part of capturedPowerW: the links fed by the hubs share it, the other links share the rest. Default 0.
   */
  readonly hubFeedersCapturedPowerW?: number;
}

/** Key fields of one unit's link budget (sim/beam LinkBudget), at the power that unit carries. */
export interface HopBudgetSummary {
  readonly band: Band;
  readonly frequencyHz: number;
  readonly wavelengthM: number;
  readonly distanceM: number;
  readonly groundLink: boolean;
  readonly tau: number;
  readonly beamEfficiency: number;
  readonly phaseErrorEfficiency: number;
  readonly atmosphericTransmission: number;
  readonly rxConversionEfficiency: number;
  /** The unit's DC in (after conditioning) to DC out. */
  readonly endToEndEfficiency: number;
  readonly fieldRegime: FieldRegime;
  /** Per unit, W. */
  readonly radiatedPowerW: number;
  readonly deliveredDcPowerW: number;
  /** Densities normal to the beam at the receiver, one unit's beam, W/m^2. */
  readonly peakPowerDensityWm2: number;
  readonly edgePowerDensityWm2: number;
  readonly maxOutsidePowerDensityWm2: number;
  readonly publicExposureLimitWm2: number | null;
  readonly exclusionRadiusM: number | null;
  /** Apertures that reach the budget's target collection efficiency (beam-normal plane), m. */
  readonly requiredTxDiameterM: number;
  readonly requiredRxDiameterM: number;
}

/** One stage of a hop, totals over its units. */
export interface LedgerStage {
  readonly name: string;
  readonly efficiency: number;
  readonly powerAfterW: number;
  readonly lossW: number;
}

/** One hop at this instant; powers are totals over its units. */
export interface HopLedger {
  readonly name: string | null;
  /** Units the hop's DC in needs, ceil(inputDcPowerW / unitDcPowerW), including any the line of sight idles. */
  readonly unitCount: number;
  /** DC into each unit that sends, W (before conditioning): inputDcPowerW / unitCount. */
  readonly unitDcPowerW: number;
  readonly inputDcPowerW: number;
  /** RF or optical power radiated, W. */
  readonly radiatedPowerW: number;
  /** Power incident on the receivers, W (after beam collection, before the receive aperture). */
  readonly receivedPowerW: number;
  readonly outputDcPowerW: number;
  /** outputDcPowerW / inputDcPowerW (0 when nothing flows). */
  readonly efficiency: number;
  /** Empty when nothing flows. */
  readonly stages: readonly LedgerStage[];
  /** Heat on the transmitting platform (conditioning + DC-to-RF), W. */
  readonly transmitterHeatW: number;
  /** Heat on the receiving platform (receive aperture + conversion), W. */
  readonly receiverHeatW: number;
  /** One sending unit's link budget; null when nothing flows. */
  readonly budget: HopBudgetSummary | null;
  /**
   * Which of the hop's transmitter-receiver pairs the Earth hides at this instant (occultation.ts), also when
   * nothing flows; null when the hop's ends are not both placed (then the hop has no `line-of-sight` stage).
   */
  readonly lineOfSight: HopLineOfSight | null;
}

/** One link at this instant. */
export interface LinkLedger {
  readonly name: string;
  readonly destination: Destination;
  readonly share: number;
  readonly inputDcPowerW: number;
  readonly hops: readonly HopLedger[];
  readonly loadInterfaceLossW: number;
  readonly deliveredPowerW: number;
  /** deliveredPowerW / inputDcPowerW (0 when nothing flows). */
  readonly efficiency: number;
}

/** Losses by kind, summed over all links and hops, W. */
export interface LossesByKind {
  /** Power a platform could not send because the Earth hid its receiver: curtailed (stage `line-of-sight`). */
  readonly lineOfSightW: number;
  readonly powerConditioningW: number;
  /** DC-to-RF or laser wall-plug. */
  readonly transmitterW: number;
  /** Random phase errors: power scattered out of the main beam. */
  readonly phaseErrorW: number;
  readonly atmosphereW: number;
  /** Radiated power that misses the receiver (spill-over). */
  readonly beamSpillW: number;
  readonly receiveApertureW: number;
  /** RF-to-DC or photovoltaic conversion. */
  readonly receiverConversionW: number;
  readonly loadInterfaceW: number;
}

/** Where the losses end up, W. */
export interface HeatByLocation {
  /** On the collectors: their transmitters' conditioning and DC-to-RF losses (not the unconverted sunlight). */
  readonly collectorsW: number;
  /** On relays and hubs: receiver losses of inner hops and transmitter losses of later hops. */
  readonly relaysW: number;
  /** On the compute nodes: their whole intake, plus the receiver and interface losses of compute links. */
  readonly computeNodesW: number;
  /** On the ground: rectenna and grid-interface losses (the delivered grid power is not counted). */
  readonly groundW: number;
  /** Absorbed in the atmosphere. */
  readonly atmosphereW: number;
  /** Radiation that lands on no receiver (phase-error scatter and spill-over). */
  readonly strayBeamW: number;
  /**
   * Power curtailed because the Earth hid a receiver (= losses.lineOfSightW). Listed apart because it is heat on no
   * platform of the chain: a relay or hub that cannot send backs off by leaving its receiver unloaded (which then
   * reflects the incoming beam) or by having the transmitters upstream stop, which leave that sunlight unconverted;
   * the ledger books the curtailment at the hidden hop and keeps the upstream hops as they are.
   */
  readonly curtailedW: number;
}

/** The ledger at one instant. Immutable; SI. */
export interface EnergyLedger {
  readonly tdbS: number;
  readonly interceptedSunlightW: number;
  readonly capturedPowerW: number;
  /** interceptedSunlightW - capturedPowerW: sunlight the collectors do not turn into electricity, W. */
  readonly collectorConversionLossW: number;
  /** DC into all links, W. */
  readonly allocatedPowerW: number;
  /** Captured electricity no link takes, W (see the module comment). */
  readonly unallocatedPowerW: number;
  /** Radiated by the first hop of every link, W. */
  readonly radiatedPowerW: number;
  /** Incident on the last receiver of every link, W. */
  readonly receivedPowerW: number;
  readonly losses: LossesByKind;
  /** Sum of `losses`, W. */
  readonly totalLossW: number;
  readonly heat: HeatByLocation;
  readonly deliveredPowerComputeW: number;
  /** Swarm grid links plus earthGridDeliveredW, W. */
  readonly deliveredPowerGridW: number;
  readonly swarmDeliveredPowerGridW: number;
  readonly earthGridDeliveredW: number;
  /**
   * The swarm's end-to-end efficiency: power delivered to all loads by the swarm's links (compute and grid)
   * divided by the sunlight the swarm intercepts; 0 when nothing is intercepted. The geostationary segment's
   * grid power is left out of both terms, since its sunlight is not in interceptedSunlightW.
   */
  readonly endToEndEfficiency: number;
  /** Operations per joule at this date; null without a compute section. */
  readonly opsPerJoule: number | null;
  /**
   * Sustained generated tokens per second, deliveredPowerComputeW x opsPerJoule, where the trajectory counts
   * tokens (mlperf-llama2-70b, or opsUnit `token`); null otherwise.
   */
  readonly computeTokensPerS: number | null;
  /** Sustained FLOP per second likewise, where the trajectory counts FLOP (green500-fp64, opsUnit `flop`); else null. */
  readonly computeFlopPerS: number | null;
  readonly taskName: string | null;
  /** Energy per task, J: opsPerTask / opsPerJoule; null without a compute section. */
  readonly energyPerTaskJ: number | null;
  /** Heat the compute nodes reject, W (= heat.computeNodesW). */
  readonly computeHeatW: number;
  /** Radiator area for computeHeatW at the nodes' radiator temperature and emissivity, m^2. */
  readonly radiatorAreaM2: number;
  readonly links: readonly LinkLedger[];
  /**
   * The link budgets' warnings, each prefixed with its link and hop. World snapshots add the hop-geometry
   * warnings of that instant (sim/energy/hopGeometry.ts: a hop's distance against the places and the collectors).
   */
  readonly warnings: readonly string[];
}

/** The first stage of a hop whose ends are placed: the share of its units whose receiver is in view. */
const LINE_OF_SIGHT_STAGE = 'line-of-sight';

/** The loss kind of each link-budget stage (LossesByKind); the load interface is a link's, not a stage. */
export const STAGE_KIND: Readonly<Record<string, keyof LossesByKind>> = {
  [LINE_OF_SIGHT_STAGE]: 'lineOfSightW',
  'power-conditioning': 'powerConditioningW',
  'dc-to-rf': 'transmitterW',
  'laser-wall-plug': 'transmitterW',
  'phase-errors': 'phaseErrorW',
  atmosphere: 'atmosphereW',
  'beam-collection': 'beamSpillW',
  'receive-aperture': 'receiveApertureW',
  'rf-to-dc': 'receiverConversionW',
  photovoltaic: 'receiverConversionW',
};

function nonNegative(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new InputError(`must be a finite power >= 0 W, got ${value}`, field);
  return value;
}

function summarise(budget: LinkBudget): HopBudgetSummary {
  return {
    band: budget.band,
    frequencyHz: budget.frequencyHz,
    wavelengthM: budget.wavelengthM,
    distanceM: budget.distanceM,
    groundLink: budget.groundLink,
    tau: budget.tau,
    beamEfficiency: budget.beamEfficiency,
    phaseErrorEfficiency: budget.phaseErrorEfficiency,
    atmosphericTransmission: budget.atmosphericTransmission,
    rxConversionEfficiency: budget.rxConversionEfficiency,
    endToEndEfficiency: budget.endToEndEfficiency,
    fieldRegime: budget.fieldRegime,
    radiatedPowerW: budget.radiatedPowerW,
    deliveredDcPowerW: budget.deliveredDcPowerW,
    peakPowerDensityWm2: budget.peakPowerDensityWm2,
    edgePowerDensityWm2: budget.edgePowerDensityWm2,
    maxOutsidePowerDensityWm2: budget.maxOutsidePowerDensityWm2,
    publicExposureLimitWm2: budget.publicExposureLimitWm2,
    exclusionRadiusM: budget.exclusionRadiusM,
    requiredTxDiameterM: budget.requiredApertures.txDiameterM,
    requiredRxDiameterM: budget.requiredApertures.rxDiameterM,
  };
}

function hopLedger(
  hop: EnergyHop,
  inputW: number,
  label: string,
  warnings: string[],
  lineOfSight: HopLineOfSight | null,
): HopLedger {
  if (!(inputW > 0)) {
    return {
      name: hop.name,
      unitCount: 0,
      unitDcPowerW: 0,
      inputDcPowerW: inputW,
      radiatedPowerW: 0,
      receivedPowerW: 0,
      outputDcPowerW: 0,
      efficiency: 0,
      stages: [],
      transmitterHeatW: 0,
      receiverHeatW: 0,
      budget: null,
      lineOfSight,
    };
  }
  const unitCount = Number.isFinite(hop.unitDcPowerW) ? Math.max(1, Math.ceil(inputW / hop.unitDcPowerW)) : 1;
  const unitDcPowerW = inputW / unitCount;
  const unitTxDcW = unitDcPowerW * hop.powerConditioningEfficiency;
  // A power so small that it underflows takes the budget of the smallest normal power (efficiencies only).
  const budget = computeLinkBudget({
    ...hop.link,
    txPowerW: Math.max(unitTxDcW * hop.dcRfEfficiency, MIN_BUDGET_POWER_W),
  });
  for (const warning of budget.warnings) warnings.push(`${label}: ${warning}`);
  // The budget's stage efficiencies, run on the hop's whole power so that the hop balances exactly. The units
  // whose receiver is hidden idle; the others carry the same power each as when all send.
  const specs: StageSpec[] = [
    ...(lineOfSight === null
      ? []
      : [
          {
            name: LINE_OF_SIGHT_STAGE,
            description:
              'units whose receiver the Earth hides do not send: curtailed on the transmitting platform',
            efficiency: lineOfSight.clearShare,
          },
        ]),
    {
      name: 'power-conditioning',
      description: 'DC power conditioning ahead of the transmitter',
      efficiency: hop.powerConditioningEfficiency,
    },
    ...budget.stages.map(({ name, description, efficiency }) => ({ name, description, efficiency })),
  ];
  const chain = buildChain(inputW, specs);
  const stage = (name: string): ChainStage | undefined => chain.stages.find((s) => s.name === name);
  const lossOf = (...names: string[]): number =>
    names.reduce((sum, name) => sum + (stage(name)?.lossW ?? 0), 0);
  return {
    name: hop.name,
    unitCount,
    unitDcPowerW,
    inputDcPowerW: inputW,
    // The stage after power conditioning is the budget's DC-to-RF (or laser wall-plug).
    radiatedPowerW: (chain.stages[lineOfSight === null ? 1 : 2] as ChainStage).powerAfterW,
    receivedPowerW: stage('beam-collection')?.powerAfterW ?? 0,
    outputDcPowerW: chain.outputW,
    efficiency: chain.outputW / inputW,
    stages: chain.stages.map(({ name, efficiency, powerAfterW, lossW }) => ({
      name,
      efficiency,
      powerAfterW,
      lossW,
    })),
    transmitterHeatW: lossOf('power-conditioning', 'dc-to-rf', 'laser-wall-plug'),
    receiverHeatW: lossOf('receive-aperture', 'rf-to-dc', 'photovoltaic'),
    budget: summarise(budget),
    lineOfSight,
  };
}

function linkLedger(
  link: EnergyLink,
  inputW: number,
  warnings: string[],
  lineOfSight: ReadonlyArray<HopLineOfSight | null>,
): LinkLedger {
  const hops: HopLedger[] = [];
  let power = inputW;
  link.hops.forEach((hop, j) => {
    const label = `${link.name} hop ${j}${hop.name === null ? '' : ` (${hop.name})`}`;
    const result = hopLedger(hop, power, label, warnings, lineOfSight[j] ?? null);
    hops.push(result);
    power = result.outputDcPowerW;
  });
  const deliveredPowerW = power * link.loadEfficiency;
  return {
    name: link.name,
    destination: link.destination,
    share: link.share,
    inputDcPowerW: inputW,
    hops,
    loadInterfaceLossW: power - deliveredPowerW,
    deliveredPowerW,
    efficiency: inputW > 0 ? deliveredPowerW / inputW : 0,
  };
}

/**
 * The energy ledger at `tdbS` (TDB s past J2000) for the swarm's intercepted sunlight and captured power, with the
 * line of sight of every placed hop at that instant.
 * Throws InputError for a non-finite time, a negative or non-finite power, or captured > intercepted.
 */
export function energyLedgerAt(params: EnergyParams, tdbS: number, inputs: LedgerInputs): EnergyLedger {
  if (!Number.isFinite(tdbS)) throw new InputError(`must be a finite TDB time, got ${tdbS}`, 'tdbS');
  const interceptedSunlightW = nonNegative(inputs.interceptedSunlightW, 'interceptedSunlightW');
  const capturedPowerW = nonNegative(inputs.capturedPowerW, 'capturedPowerW');
  const earthGridDeliveredW = nonNegative(inputs.earthGridDeliveredW ?? 0, 'earthGridDeliveredW');
  if (capturedPowerW > interceptedSunlightW * (1 + CAPTURE_ROUNDING)) {
    throw new InputError(
      `must not exceed interceptedSunlightW (${interceptedSunlightW} W), got ${capturedPowerW}`,
      'capturedPowerW',
    );
  }

  const hubW = nonNegative(inputs.hubFeedersCapturedPowerW ?? 0, 'hubFeedersCapturedPowerW');
  if (hubW > capturedPowerW * (1 + CAPTURE_ROUNDING)) {
    throw new InputError(
      `must not exceed capturedPowerW (${capturedPowerW} W), got ${hubW}`,
      'hubFeedersCapturedPowerW',
    );
  }
  const hubFeedersW = Math.min(hubW, capturedPowerW);

  const warnings: string[] = [];
  const sight = lineOfSightAt(params, tdbS);
  // Each group of collectors (the hubs' feeders, the rest) divides its own power among its links.
  const links = params.links.map((link, i) =>
    linkLedger(
      link,
      (link.fedByHubs ? hubFeedersW : capturedPowerW - hubFeedersW) * link.share,
      warnings,
      sight[i] ?? [],
    ),
  );

  const losses: Record<keyof LossesByKind, number> = {
    lineOfSightW: 0,
    powerConditioningW: 0,
    transmitterW: 0,
    phaseErrorW: 0,
    atmosphereW: 0,
    beamSpillW: 0,
    receiveApertureW: 0,
    receiverConversionW: 0,
    loadInterfaceW: 0,
  };
  const heat: Record<keyof HeatByLocation, number> = {
    collectorsW: 0,
    relaysW: 0,
    computeNodesW: 0,
    groundW: 0,
    atmosphereW: 0,
    strayBeamW: 0,
    curtailedW: 0,
  };
  let allocatedPowerW = 0;
  let radiatedPowerW = 0;
  let receivedPowerW = 0;
  let deliveredPowerComputeW = 0;
  let swarmDeliveredPowerGridW = 0;
  for (const link of links) {
    allocatedPowerW += link.inputDcPowerW;
    const compute = link.destination === 'compute';
    const last = link.hops.length - 1;
    link.hops.forEach((hop, j) => {
      for (const s of hop.stages) {
        const kind = STAGE_KIND[s.name];
        if (kind === undefined) throw new Error(`energy ledger: unknown link-budget stage ${s.name}`);
        losses[kind] += s.lossW;
      }
      heat.curtailedW += hop.stages.find((s) => s.name === LINE_OF_SIGHT_STAGE)?.lossW ?? 0;
      heat.atmosphereW += hop.stages.find((s) => s.name === 'atmosphere')?.lossW ?? 0;
      heat.strayBeamW += hop.stages
        .filter((s) => s.name === 'phase-errors' || s.name === 'beam-collection')
        .reduce((sum, s) => sum + s.lossW, 0);
      if (j === 0) heat.collectorsW += hop.transmitterHeatW;
      else heat.relaysW += hop.transmitterHeatW;
      if (j < last) heat.relaysW += hop.receiverHeatW;
      else if (compute) heat.computeNodesW += hop.receiverHeatW;
      else heat.groundW += hop.receiverHeatW;
    });
    const firstHop = link.hops[0];
    const lastHop = link.hops[last];
    radiatedPowerW += firstHop?.radiatedPowerW ?? 0;
    receivedPowerW += lastHop?.receivedPowerW ?? 0;
    losses.loadInterfaceW += link.loadInterfaceLossW;
    if (compute) {
      heat.computeNodesW += link.loadInterfaceLossW + link.deliveredPowerW;
      deliveredPowerComputeW += link.deliveredPowerW;
    } else {
      heat.groundW += link.loadInterfaceLossW;
      swarmDeliveredPowerGridW += link.deliveredPowerW;
    }
  }
  const totalLossW = Object.values(losses).reduce((sum, value) => sum + value, 0);

  const compute = params.compute;
  const opsPerJoule = compute === null ? null : opsPerJouleAt(compute, tdbS);
  const computeHeatW = heat.computeNodesW;
  return {
    tdbS,
    interceptedSunlightW,
    capturedPowerW,
    collectorConversionLossW: Math.max(0, interceptedSunlightW - capturedPowerW),
    allocatedPowerW,
    unallocatedPowerW: Math.max(0, capturedPowerW - allocatedPowerW),
    radiatedPowerW,
    receivedPowerW,
    losses,
    totalLossW,
    heat,
    deliveredPowerComputeW,
    deliveredPowerGridW: swarmDeliveredPowerGridW + earthGridDeliveredW,
    swarmDeliveredPowerGridW,
    earthGridDeliveredW,
    endToEndEfficiency:
      interceptedSunlightW > 0
        ? (deliveredPowerComputeW + swarmDeliveredPowerGridW) / interceptedSunlightW
        : 0,
    opsPerJoule,
    computeTokensPerS:
      opsPerJoule === null || compute?.opsUnit !== 'token' ? null : deliveredPowerComputeW * opsPerJoule,
    computeFlopPerS:
      opsPerJoule === null || compute?.opsUnit !== 'flop' ? null : deliveredPowerComputeW * opsPerJoule,
    taskName: compute?.taskName ?? null,
    energyPerTaskJ: compute === null || opsPerJoule === null ? null : compute.opsPerTask / opsPerJoule,
    computeHeatW,
    radiatorAreaM2:
      compute === null
        ? 0
        : radiatorAreaM2({
            heatW: computeHeatW,
            temperatureK: compute.radiatorTemperatureK,
            emissivity: compute.radiatorEmissivity,
            sinkTemperatureK: compute.radiatorSinkTemperatureK,
            sides: compute.radiatorSides,
          }),
    links,
    warnings,
  };
}
