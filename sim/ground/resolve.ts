/**
 * The validated `ground` section -> SI, once: ISO dates -> TDB s, TWh per year -> W (mean power), USD/MWh ->
 * USD/J, g CO2/kWh -> kg/J, MW -> W, years -> s.
 */
import { SECONDS_PER_JULIAN_YEAR } from '../constants.ts';
import { isoToTdbS } from '../time.ts';
import type { DemandCase, GroundFile, SeriesFile, SupplyKind } from './schema.ts';
import { makeSeries, type Series } from './series.ts';

/** J per kWh and per MWh, and W of mean power per TWh per Julian year. */
export const J_PER_KWH = 3.6e6;
export const J_PER_MWH = 3.6e9;
export const W_PER_TWH_PER_YEAR = (1e12 * 3600) / SECONDS_PER_JULIAN_YEAR;

export interface SourceProperties {
  readonly costUsdPerJ: number;
  readonly carbonKgPerJ: number;
}

export interface Contract {
  readonly name: string;
  readonly kind: SupplyKind;
  /** Contracted capacity, W. */
  readonly capacityW: Series;
  readonly capacityFactor: number;
}

export interface BeamedCost {
  readonly lifeS: number;
  readonly lifeYears: number;
}

export interface GroundParams {
  readonly demandW: Readonly<Record<DemandCase, Series>>;
  readonly demandCase: DemandCase;
  readonly kinds: Readonly<Record<SupplyKind, SourceProperties>>;
  readonly contracts: readonly Contract[];
  readonly grid: {
    readonly carbonKgPerJ: Series;
    readonly priceUsdPerJ: Series;
    readonly cleanShare: Series;
  };
  readonly space: {
    readonly powerSatellites: BeamedCost & {
      readonly specificMassKgPerW: number;
      readonly priceUsdPerKg: number;
    };
    readonly swarm: BeamedCost;
    readonly discountRatePerYear: number;
    readonly carbonKgPerJ: number;
    readonly contractedToAi: boolean;
  };
  readonly heatReuse: { readonly share: Series; readonly displacedCarbonKgPerJ: number };
  readonly task: { readonly name: string; readonly successRate: number };
  readonly rectennas: {
    readonly thermalLimitWm2: number;
    readonly sunlightAbsorbedWm2: number;
    readonly naturalFluxesWm2: Readonly<Record<string, number>>;
  };
  readonly charter: { readonly cleanShareTarget: Series; readonly gridAllowanceW: Series };
}

function series(file: SeriesFile, scale: number, field: string): Series {
  return makeSeries(
    file.points.map((point) => isoToTdbS(point.date)),
    file.points.map((point) => point.value * scale),
    { growthAfterPerYear: file.growthAfterPerYear, startsAtZero: file.startsAtZero },
    field,
  );
}

const USD_PER_MWH = 1 / J_PER_MWH;
const KG_PER_G_PER_KWH = 1e-3 / J_PER_KWH;

function properties(file: GroundFile['supply']['kinds'][SupplyKind]): SourceProperties {
  return {
    costUsdPerJ: file.lcoeUsdPerMWh * USD_PER_MWH,
    carbonKgPerJ: file.carbonIntensityGPerKWh * KG_PER_G_PER_KWH,
  };
}

/** Resolve a schema-validated ground section; `field` prefixes error paths (`ground`). */
export function resolveGround(file: GroundFile, field = 'ground'): GroundParams {
  const { demand, supply, space } = file;
  return {
    demandW: {
      low: series(demand.lowTwhPerYear, W_PER_TWH_PER_YEAR, `${field}.demand.lowTwhPerYear`),
      central: series(demand.centralTwhPerYear, W_PER_TWH_PER_YEAR, `${field}.demand.centralTwhPerYear`),
      high: series(demand.highTwhPerYear, W_PER_TWH_PER_YEAR, `${field}.demand.highTwhPerYear`),
    },
    demandCase: demand.case,
    kinds: {
      nuclear: properties(supply.kinds.nuclear),
      smr: properties(supply.kinds.smr),
      'renewables-storage': properties(supply.kinds['renewables-storage']),
      fusion: properties(supply.kinds.fusion),
    },
    contracts: supply.contracts.map((contract, index) => ({
      name: contract.name,
      kind: contract.kind,
      capacityW: series(contract.capacityMw, 1e6, `${field}.supply.contracts[${index}].capacityMw`),
      capacityFactor: contract.capacityFactor,
    })),
    grid: {
      carbonKgPerJ: series(
        supply.grid.carbonIntensityGPerKWh,
        KG_PER_G_PER_KWH,
        `${field}.supply.grid.carbonIntensityGPerKWh`,
      ),
      priceUsdPerJ: series(supply.grid.priceUsdPerMWh, USD_PER_MWH, `${field}.supply.grid.priceUsdPerMWh`),
      cleanShare: series(supply.grid.cleanShare, 1, `${field}.supply.grid.cleanShare`),
    },
    space: {
      powerSatellites: {
        lifeYears: space.powerSatellites.lifeYears,
        lifeS: space.powerSatellites.lifeYears * SECONDS_PER_JULIAN_YEAR,
        specificMassKgPerW: space.powerSatellites.specificMassKgPerW,
        priceUsdPerKg: space.powerSatellites.priceUsdPerKg,
      },
      swarm: { lifeYears: space.swarm.lifeYears, lifeS: space.swarm.lifeYears * SECONDS_PER_JULIAN_YEAR },
      discountRatePerYear: space.discountRatePerYear,
      carbonKgPerJ: space.carbonIntensityGPerKWh * KG_PER_G_PER_KWH,
      contractedToAi: space.contractedToAi,
    },
    heatReuse: {
      share: series(file.heatReuse.share, 1, `${field}.heatReuse.share`),
      displacedCarbonKgPerJ: file.heatReuse.displacedCarbonIntensityGPerKWh * KG_PER_G_PER_KWH,
    },
    task: { name: file.task.name, successRate: file.task.successRate },
    rectennas: {
      thermalLimitWm2: file.rectennas.thermalLimitWm2,
      sunlightAbsorbedWm2: file.rectennas.sunlightAbsorbedWm2,
      naturalFluxesWm2: file.rectennas.naturalFluxesWm2,
    },
    charter: {
      cleanShareTarget: series(file.charter.cleanShareTarget, 1, `${field}.charter.cleanShareTarget`),
      gridAllowanceW: series(
        file.charter.gridAllowanceTwhPerYear,
        W_PER_TWH_PER_YEAR,
        `${field}.charter.gridAllowanceTwhPerYear`,
      ),
    },
  };
}
