/**
 * The Earth-side ledger at one instant: AI's electricity demand, who supplies it (orbital compute, the power
 * satellites, the swarm's grid links, the contracted ground sources, the grid), at what cost and CO2 per successful
 * task, with the heat reused and the heat left at the rectenna sites. A pure function of (parameters, time, the
 * sky's power at that time): random access in time, as snapshot(t) needs.
 *
 * Booking rule (a merit order, stated): power that only AI can use comes first (the swarm's orbital compute), then
 * beamed grid power contracted to AI (power satellites, then the swarm's grid links; `space.contractedToAi`), then
 * the ground contracts in the scenario's order, and the grid supplies the rest. What a source supplies beyond what
 * AI still needs is its surplus (curtailed, or sold to the grid's other users).
 *
 * Balance (bookkeeping, tests/ground): for every source, availableW = toAiW + surplusW; the sum of toAiW is the
 * demand.
 */
import { InputError } from '../errors.ts';
import { levelisedCostUsdPerJ } from './levelised.ts';
import type { GroundParams } from './resolve.ts';
import { DEMAND_CASES, type DemandCase, type SupplyKind } from './schema.ts';
import { seriesAt } from './series.ts';

/** A rectenna site's heat at this instant: what the beam leaves there. */
export interface RectennaHeatInput {
  readonly name: string;
  /** Beam power incident on the rectenna less the AC it exports, W. */
  readonly heatW: number;
  /** Rectenna area on the ground, m^2. */
  readonly areaM2: number;
}

/** The sky's power at this instant (world.ts reads it from the energy ledger and the Earth segment). SI. */
export interface GroundInputs {
  /** AC into the grid from the geostationary power satellites, W. */
  readonly powerSatellitesGridW: number;
  /** AC into the grid from the swarm's links, W. */
  readonly swarmGridW: number;
  /** DC delivered to the swarm's orbital compute nodes, W. */
  readonly swarmComputeW: number;
  /** Rated transmitter DC power of the power satellites in service, W (their mass scales with it). */
  readonly powerSatellitesRatedDcW: number;
  /** The swarm's capital: the cost of the mass imported from Earth so far, USD (null without a growth model). */
  readonly swarmCapitalUsd: number | null;
  /** Energy per task at this date's operations per joule, J (null without a compute roadmap). */
  readonly energyPerTaskJ: number | null;
  readonly rectennas: readonly RectennaHeatInput[];
}

export type SupplyName = 'swarm-compute' | 'power-satellites' | 'swarm-grid' | 'grid';

/** One source's share of the instant, W. */
export interface SupplyLine {
  /** The source: a space segment, a ground contract's name, or the grid. */
  readonly name: string;
  readonly kind: SupplyName | SupplyKind;
  readonly fromSpace: boolean;
  readonly availableW: number;
  readonly toAiW: number;
  /** availableW - toAiW: curtailed, or sold to the grid's other users. */
  readonly surplusW: number;
  /** Cost of this source's energy, USD/J (null: unknown, as beamed power that delivers nothing). */
  readonly costUsdPerJ: number | null;
  readonly carbonKgPerJ: number;
  /** Counted as clean (the grid's clean share is apart: gridCleanShare). */
  readonly clean: boolean;
}

export interface RectennaHeat extends RectennaHeatInput {
  readonly heatFluxWm2: number;
  /** heatFluxWm2 / the sunlight the ground absorbs there. */
  readonly sunlightRatio: number;
  readonly overLimit: boolean;
}

/** The ledger at one instant. Immutable; SI (USD for money, kg CO2-eq for carbon). */
export interface GroundLedger {
  readonly tdbS: number;
  /** The supplied case's demand, W (mean power of the case's TWh per year). */
  readonly demandW: number;
  readonly demandCase: DemandCase;
  readonly demandBandW: Readonly<Record<DemandCase, number>>;
  readonly supply: readonly SupplyLine[];
  readonly swarmComputeToAiW: number;
  readonly powerSatellitesToAiW: number;
  readonly swarmGridToAiW: number;
  readonly spaceToAiW: number;
  readonly groundContractsToAiW: number;
  readonly gridToAiW: number;
  /** Ground contracts' power to AI by kind, W. */
  readonly groundToAiByKindW: Readonly<Record<SupplyKind, number>>;
  /** spaceToAiW / demandW (null at zero demand). */
  readonly spaceShare: number | null;
  /** Clean power to AI: space, the clean contracts and the grid's clean share of its part, W. */
  readonly cleanToAiW: number;
  readonly cleanShare: number | null;
  readonly cleanShareTarget: number;
  readonly gridCleanShare: number;
  /** Blended over the power to AI. */
  readonly costUsdPerJ: number | null;
  readonly carbonKgPerJ: number | null;
  readonly carbonKgPerS: number;
  readonly powerSatellitesCapitalUsd: number;
  readonly powerSatellitesUsdPerJ: number | null;
  readonly swarmUsdPerJ: number | null;
  readonly taskName: string;
  readonly successRate: number;
  /** energyPerTaskJ / successRate: energy per task that succeeded, J (null without a compute roadmap). */
  readonly energyPerSuccessfulTaskJ: number | null;
  readonly costPerTaskUsd: number | null;
  readonly carbonPerTaskKg: number | null;
  /** Data-centre heat delivered to district heating (all their electricity ends as heat), W. */
  readonly heatReusedW: number;
  /** CO2 the reused heat spares the heat it displaces, kg/s. */
  readonly heatReuseAvoidedKgPerS: number;
  readonly rectennas: readonly RectennaHeat[];
  /** Highest heat flux over a rectenna site, W/m^2 (0 without one). */
  readonly maxRectennaHeatFluxWm2: number;
  readonly thermalLimitWm2: number;
  readonly gridAllowanceW: number;
  /** Grid power to AI beyond the allowance: taken from the grid's other users, W. */
  readonly gridDivertedW: number;
}

function nonNegative(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new InputError(`must be finite and >= 0, got ${value}`, field);
  return value;
}

/** The Earth-side ledger at t (TDB s). Throws InputError on a negative or non-finite input power. */
export function groundLedgerAt(params: GroundParams, tdbS: number, inputs: GroundInputs): GroundLedger {
  const band = {} as Record<DemandCase, number>;
  for (const name of DEMAND_CASES) band[name] = seriesAt(params.demandW[name], tdbS);
  const demandW = band[params.demandCase];
  const { space } = params;

  const swarmComputeW = nonNegative(inputs.swarmComputeW, 'swarmComputeW');
  const satellitesW = nonNegative(inputs.powerSatellitesGridW, 'powerSatellitesGridW');
  const swarmGridW = nonNegative(inputs.swarmGridW, 'swarmGridW');
  const satellitesCapitalUsd =
    nonNegative(inputs.powerSatellitesRatedDcW, 'powerSatellitesRatedDcW') *
    space.powerSatellites.specificMassKgPerW *
    space.powerSatellites.priceUsdPerKg;
  const satellitesUsdPerJ = levelisedCostUsdPerJ(
    satellitesCapitalUsd,
    satellitesW,
    space.discountRatePerYear,
    space.powerSatellites.lifeYears,
  );
  const swarmUsdPerJ =
    inputs.swarmCapitalUsd === null
      ? null
      : levelisedCostUsdPerJ(
          inputs.swarmCapitalUsd,
          swarmComputeW + swarmGridW,
          space.discountRatePerYear,
          space.swarm.lifeYears,
        );

  let remaining = demandW;
  const supply: SupplyLine[] = [];
  const take = (line: Omit<SupplyLine, 'toAiW' | 'surplusW'>, offeredToAi: boolean): number => {
    const toAiW = offeredToAi ? Math.min(line.availableW, remaining) : 0;
    remaining -= toAiW;
    supply.push({ ...line, toAiW, surplusW: line.availableW - toAiW });
    return toAiW;
  };
  const spaceLine = (name: SupplyName, availableW: number, costUsdPerJ: number | null) => ({
    name,
    kind: name,
    fromSpace: true,
    availableW,
    costUsdPerJ,
    carbonKgPerJ: space.carbonKgPerJ,
    clean: true,
  });
  const swarmComputeToAiW = take(spaceLine('swarm-compute', swarmComputeW, swarmUsdPerJ), true);
  const powerSatellitesToAiW = take(
    spaceLine('power-satellites', satellitesW, satellitesUsdPerJ),
    space.contractedToAi,
  );
  const swarmGridToAiW = take(spaceLine('swarm-grid', swarmGridW, swarmUsdPerJ), space.contractedToAi);

  const groundToAiByKindW: Record<SupplyKind, number> = {
    nuclear: 0,
    smr: 0,
    'renewables-storage': 0,
    fusion: 0,
  };
  let groundContractsToAiW = 0;
  for (const contract of params.contracts) {
    const kind = params.kinds[contract.kind];
    const toAi = take(
      {
        name: contract.name,
        kind: contract.kind,
        fromSpace: false,
        availableW: seriesAt(contract.capacityW, tdbS) * contract.capacityFactor,
        costUsdPerJ: kind.costUsdPerJ,
        carbonKgPerJ: kind.carbonKgPerJ,
        clean: true,
      },
      true,
    );
    groundToAiByKindW[contract.kind] += toAi;
    groundContractsToAiW += toAi;
  }
  const gridCleanShare = seriesAt(params.grid.cleanShare, tdbS);
  const gridToAiW = take(
    {
      name: 'grid',
      kind: 'grid',
      fromSpace: false,
      availableW: remaining,
      costUsdPerJ: seriesAt(params.grid.priceUsdPerJ, tdbS),
      carbonKgPerJ: seriesAt(params.grid.carbonKgPerJ, tdbS),
      clean: false,
    },
    true,
  );

  let costUsdPerS = 0;
  let costKnown = true;
  let carbonKgPerS = 0;
  let cleanToAiW = gridToAiW * gridCleanShare;
  for (const line of supply) {
    if (line.toAiW > 0) {
      if (line.costUsdPerJ === null) costKnown = false;
      else costUsdPerS += line.toAiW * line.costUsdPerJ;
    }
    carbonKgPerS += line.toAiW * line.carbonKgPerJ;
    if (line.clean) cleanToAiW += line.toAiW;
  }
  const spaceToAiW = swarmComputeToAiW + powerSatellitesToAiW + swarmGridToAiW;
  const perJ = (rate: number) => (demandW > 0 ? rate / demandW : null);
  const costUsdPerJ = costKnown ? perJ(costUsdPerS) : null;
  const carbonKgPerJ = perJ(carbonKgPerS);
  const energyPerSuccessfulTaskJ =
    inputs.energyPerTaskJ === null ? null : inputs.energyPerTaskJ / params.task.successRate;
  const times = (a: number | null, b: number | null) => (a === null || b === null ? null : a * b);

  const { thermalLimitWm2, sunlightAbsorbedWm2 } = params.rectennas;
  const rectennas = inputs.rectennas.map((site): RectennaHeat => {
    const heatFluxWm2 = site.areaM2 > 0 ? site.heatW / site.areaM2 : 0;
    return {
      ...site,
      heatFluxWm2,
      sunlightRatio: heatFluxWm2 / sunlightAbsorbedWm2,
      overLimit: heatFluxWm2 > thermalLimitWm2,
    };
  });
  const heatReusedW = demandW * seriesAt(params.heatReuse.share, tdbS);
  const gridAllowanceW = seriesAt(params.charter.gridAllowanceW, tdbS);
  return {
    tdbS,
    demandW,
    demandCase: params.demandCase,
    demandBandW: band,
    supply,
    swarmComputeToAiW,
    powerSatellitesToAiW,
    swarmGridToAiW,
    spaceToAiW,
    groundContractsToAiW,
    gridToAiW,
    groundToAiByKindW,
    spaceShare: perJ(spaceToAiW),
    cleanToAiW,
    cleanShare: perJ(cleanToAiW),
    cleanShareTarget: seriesAt(params.charter.cleanShareTarget, tdbS),
    gridCleanShare,
    costUsdPerJ,
    carbonKgPerJ,
    carbonKgPerS,
    powerSatellitesCapitalUsd: satellitesCapitalUsd,
    powerSatellitesUsdPerJ: satellitesUsdPerJ,
    swarmUsdPerJ,
    taskName: params.task.name,
    successRate: params.task.successRate,
    energyPerSuccessfulTaskJ,
    costPerTaskUsd: times(energyPerSuccessfulTaskJ, costUsdPerJ),
    carbonPerTaskKg: times(energyPerSuccessfulTaskJ, carbonKgPerJ),
    heatReusedW,
    heatReuseAvoidedKgPerS: heatReusedW * params.heatReuse.displacedCarbonKgPerJ,
    rectennas,
    maxRectennaHeatFluxWm2: rectennas.reduce((max, site) => Math.max(max, site.heatFluxWm2), 0),
    thermalLimitWm2,
    gridAllowanceW,
    gridDivertedW: Math.max(0, gridToAiW - gridAllowanceW),
  };
}
