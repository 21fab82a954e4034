/**
 * The scenario's optional `ground` section: the Earth-side ledger of AI's electricity (sim/ground/ledger.ts).
 * Every dated quantity is a series of points `{ date, value }` whose unit is in the series' name
 * (`centralTwhPerYear`, `capacityMw`); resolve.ts converts them once to SI (TDB s, W, USD/J, kg/J).
 *
 * Projection rule of every series (series.ts): linear in time between its points; before the first point the
 * first value (or 0 where the series says `startsAtZero`, as a contract before its first power); after the last
 * point the last value grown at `growthAfterPerYear` (compounded; 0 holds it).
 */
import { z } from 'zod';
import { parseIsoUtcMs } from '../time.ts';
import { isoDateSchema } from '../validation/isoDate.ts';

const fraction = z.number().min(0).max(1);
const nonNegative = z.number().min(0);

/** The kinds of terrestrial supply a contract can be (the PPAs of the essay). */
export const SUPPLY_KINDS = ['nuclear', 'smr', 'renewables-storage', 'fusion'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];

/** The demand cases of the band, low to high. */
export const DEMAND_CASES = ['low', 'central', 'high'] as const;
export type DemandCase = (typeof DEMAND_CASES)[number];

/** The date's UTC ms, or NaN when it is not a valid date (isoDateSchema reports that one). */
function utcMsOrNaN(date: string | undefined): number {
  try {
    return date === undefined ? NaN : parseIsoUtcMs(date);
  } catch {
    return NaN;
  }
}

/** One point of a dated series. */
const pointSchema = (value: z.ZodNumber) => z.object({ date: isoDateSchema, value }).strict();

/**
 * A dated series: points in strictly increasing date order, and the growth per year after the last one.
 * `value` is the schema of the values (its range is part of the message on a bad one).
 */
export function seriesSchema(value: z.ZodNumber, maxGrowthPerYear = 1) {
  return z
    .object({
      points: z.array(pointSchema(value)).min(1).max(200),
      /** Compound growth per year after the last point (0 holds the last value), in [-0.5, maxGrowthPerYear]. */
      growthAfterPerYear: z.number().min(-0.5).max(maxGrowthPerYear).default(0),
      /** 0 before the first point (a contract before its first power), instead of the first value. */
      startsAtZero: z.boolean().default(false),
      /** Where the points come from (table, page), one entry per source. */
      source: z.string().min(1),
    })
    .strict()
    .superRefine((series, ctx) => {
      for (let k = 1; k < series.points.length; k += 1) {
        const before = utcMsOrNaN(series.points[k - 1]?.date);
        const after = utcMsOrNaN(series.points[k]?.date);
        if (Number.isFinite(before) && Number.isFinite(after) && !(after > before)) {
          ctx.addIssue({
            code: 'custom',
            path: ['points', k, 'date'],
            message: `must be after the previous point's date (${series.points[k - 1]?.date})`,
          });
        }
      }
    });
}

/** Per-kind properties of a source of electricity: levelised cost and life-cycle carbon intensity. */
const sourcePropertiesSchema = z
  .object({
    /** Levelised cost of electricity, USD per MWh (unsubsidised, as the source tabulates it). */
    lcoeUsdPerMWh: nonNegative.max(10_000),
    /** Life-cycle greenhouse-gas intensity, g CO2-eq per kWh. */
    carbonIntensityGPerKWh: nonNegative.max(2000),
    source: z.string().min(1),
  })
  .strict();

/** A supply contract (a PPA) of one kind, with its contracted capacity over time. */
const contractSchema = z
  .object({
    name: z.string().min(1).max(64),
    kind: z.enum(SUPPLY_KINDS),
    /** Contracted capacity, MW (a series: 0 before the first power when `startsAtZero`). */
    capacityMw: seriesSchema(nonNegative.max(10_000_000)),
    /** Average output over capacity, in (0, 1]. */
    capacityFactor: z.number().gt(0).max(1),
  })
  .strict();

/** A beamed-power ledger's cost inputs: capital from mass and price, recovered over a stated life. */
const beamedCostSchema = z
  .object({
    /** Service life over which the capital is recovered, years. */
    lifeYears: z.number().min(1).max(100),
    source: z.string().min(1),
  })
  .strict();

export const groundSchema = z
  .object({
    sources: z.array(z.string()).default([]),
    notes: z.record(z.string(), z.string()).default({}),
    /** Electricity demand of AI and data centres, TWh per year: the low/central/high band. */
    demand: z
      .object({
        lowTwhPerYear: seriesSchema(nonNegative.max(1_000_000)),
        centralTwhPerYear: seriesSchema(nonNegative.max(1_000_000)),
        highTwhPerYear: seriesSchema(nonNegative.max(1_000_000)),
        /** The case the ledger supplies (the band is reported in full either way). */
        case: z.enum(DEMAND_CASES).default('central'),
      })
      .strict(),
    supply: z
      .object({
        /** Cost and carbon per kind of contracted source. */
        kinds: z
          .object({
            nuclear: sourcePropertiesSchema,
            smr: sourcePropertiesSchema,
            'renewables-storage': sourcePropertiesSchema,
            fusion: sourcePropertiesSchema,
          })
          .strict(),
        contracts: z.array(contractSchema).max(200).default([]),
        /** The grid that supplies what the contracts and space do not. */
        grid: z
          .object({
            carbonIntensityGPerKWh: seriesSchema(nonNegative.max(2000)),
            /** Price of grid electricity to a data centre, USD per MWh. */
            priceUsdPerMWh: seriesSchema(nonNegative.max(10_000)),
            /** Share of the grid's electricity from clean (low-carbon) sources, [0, 1]. */
            cleanShare: seriesSchema(fraction),
          })
          .strict(),
      })
      .strict(),
    /** Beamed power from space: its cost and carbon. */
    space: z
      .object({
        powerSatellites: beamedCostSchema.extend({
          /** Satellite mass per watt of transmitter DC power, kg/W. */
          specificMassKgPerW: z.number().positive().max(1),
          /** Price of the satellite in place (hardware and launch to GEO), USD per kg. */
          priceUsdPerKg: z.number().positive().max(1e7),
        }),
        /** The swarm's capital is its own ledger's: the cost of the mass imported from Earth (growth section). */
        swarm: beamedCostSchema,
        /** Discount rate of the capital recovery factor, per year. */
        discountRatePerYear: z.number().min(0).max(0.5),
        /** Life-cycle carbon intensity of beamed power, g CO2-eq per kWh. */
        carbonIntensityGPerKWh: nonNegative.max(2000),
        carbonSource: z.string().min(1),
        /** Beamed power is booked to AI demand first (contracted to it, as a PPA); `false` leaves it to the grid. */
        contractedToAi: z.boolean().default(true),
      })
      .strict(),
    /** Waste heat of the data centres delivered to district heating. */
    heatReuse: z
      .object({
        share: seriesSchema(fraction),
        /** Carbon intensity of the heat it displaces, g CO2 per kWh of heat. */
        displacedCarbonIntensityGPerKWh: nonNegative.max(2000),
        source: z.string().min(1),
      })
      .strict(),
    /** The task that "energy per task" counts: its success rate makes it a task that succeeded. */
    task: z
      .object({
        name: z.string().min(1),
        /** Share of attempts that succeed, (0, 1]. */
        successRate: z.number().gt(0).max(1),
        source: z.string().min(1),
      })
      .strict(),
    /** The local thermal limit at rectenna sites and the natural fluxes it is compared with, W/m^2. */
    rectennas: z
      .object({
        thermalLimitWm2: z.number().positive().max(1000),
        /** Mean sunlight absorbed by the ground, W/m^2. */
        sunlightAbsorbedWm2: z.number().positive().max(1361),
        /** The site's other natural fluxes (name -> W/m^2), for comparison. */
        naturalFluxesWm2: z.record(z.string(), z.number().min(0).max(1361)).default({}),
        source: z.string().min(1),
      })
      .strict(),
    /** The essay's charter as checks (sim/ground/charter.ts). */
    charter: z
      .object({
        /** Share of AI's electricity that must be clean at each date, [0, 1]. */
        cleanShareTarget: seriesSchema(fraction),
        /** Grid electricity AI may draw without taking it from other users, TWh per year. */
        gridAllowanceTwhPerYear: seriesSchema(nonNegative.max(1_000_000)),
      })
      .strict(),
  })
  .strict()
  .superRefine((ground, ctx) => {
    const seen = new Set<string>();
    ground.supply.contracts.forEach((contract, index) => {
      if (seen.has(contract.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['supply', 'contracts', index, 'name'],
          message: `duplicate contract name ${JSON.stringify(contract.name)}`,
        });
      }
      seen.add(contract.name);
    });
  });

export type GroundFile = z.output<typeof groundSchema>;
export type SeriesFile = z.output<ReturnType<typeof seriesSchema>>;
