/**
 * The scenario's optional `growth` section: factory sites that copy themselves from local material, make
 * collectors and launch them with mass drivers (zod schema; friendly units in the field names, converted once to
 * SI by resolveGrowth in resolve.ts). The lead adds `growth: growthSchema.optional()` to scenarioSchema.
 *
 * Conventions (see assets/scenarios/growth-README.md for the model and the sources):
 * - Productivity p is the factory's throughput: kg of output (new factory + collectors) per kg of factory per
 *   year. `replicationTimeYears` T is the same thing said the other way: p = 1/T, a factory turns out its own
 *   mass in T. Continuous reinvestment then grows as exp(t/T) and batch generations (new factories commissioned
 *   only when complete, every T) as 2^(t/T): the "fast" and "normal" cases of NASA CP-2255 sec. 5.3.5.
 * - Closure is the fraction of new factory mass made locally; the rest ("vitamins") is landed from Earth at the
 *   delivered price. Closure 0 imports the whole growth; closure 1 imports nothing.
 */
import { z } from 'zod';
import { isoDateSchema } from '../validation/isoDate.ts';
import { parseIsoUtcMs } from '../time.ts';
import { propulsionSchema } from './propulsion/schema.ts';

const fraction = z.number().min(0).max(1);
const positive = z.number().positive();
const nonNegative = z.number().min(0);

/** A time-varying value, as written in a file: a number, or dated points held (`step`) or interpolated (`linear`). */
export type ScheduleFile =
  | number
  | {
      readonly interpolate: 'step' | 'linear';
      readonly points: ReadonlyArray<{ at: string; value: number }>;
    };

function datesIncreasing(dates: readonly string[]): number {
  for (let i = 1; i < dates.length; i += 1) {
    if (!(parseIsoUtcMs(dates[i] ?? '') > parseIsoUtcMs(dates[i - 1] ?? ''))) return i;
  }
  return -1;
}

/**
 * A schedule of values accepted by `value`. Implemented as one transform rather than a zod union, so that a bad
 * number is reported as such (`must be <= 1, got 1.5`) instead of as a failed union.
 */
function scheduleSchema(value: z.ZodNumber) {
  const points = z
    .object({
      interpolate: z.enum(['step', 'linear']).default('step'),
      points: z.array(z.object({ at: isoDateSchema, value }).strict()).min(1),
    })
    .strict();
  return z.unknown().transform((input, ctx): ScheduleFile => {
    const forward = (issues: readonly z.core.$ZodIssue[]): never => {
      for (const issue of issues) ctx.addIssue(issue as unknown as Parameters<typeof ctx.addIssue>[0]);
      return z.NEVER;
    };
    if (typeof input === 'number') {
      const parsed = value.safeParse(input);
      return parsed.success ? parsed.data : forward(parsed.error.issues);
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a number or {"interpolate": "step"|"linear", "points": [{"at": DATE, "value": N}, ...]}',
      });
      return z.NEVER;
    }
    const parsed = points.safeParse(input);
    if (!parsed.success) return forward(parsed.error.issues);
    const bad = datesIncreasing(parsed.data.points.map((point) => point.at));
    if (bad >= 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'dates must be strictly increasing',
        path: ['points', bad, 'at'],
      });
      return z.NEVER;
    }
    return parsed.data;
  });
}

/** A landing of hardware from Earth: the seed, or a later resupply. */
const landingSchema = z
  .object({
    /** Landed mass, kg (> 0). */
    massKg: positive,
    /** Landing date (ISO 8601, UTC). */
    date: isoDateSchema,
  })
  .strict();

const factorySchema = z
  .object({
    /** Time for a factory to turn out its own mass, years (> 0). Give this or productivityPerYear. */
    replicationTimeYears: positive.optional(),
    /** kg of output per kg of factory per year (>= 0); may change with time. Give this or replicationTimeYears. */
    productivityPerYear: scheduleSchema(nonNegative).optional(),
    /** `continuous`: new factory mass works at once. `batch`: it is commissioned every batchIntervalYears. */
    growthMode: z.enum(['continuous', 'batch']).default('continuous'),
    /** Commissioning interval of batch growth, years (> 0); defaults to the replication time. */
    batchIntervalYears: positive.optional(),
    /** Fraction of new factory mass made locally, [0, 1]; the rest is imported (vitamins). */
    closure: scheduleSchema(fraction).default(1),
    /** Fraction of collector mass made locally, [0, 1]; the rest is imported. */
    collectorClosure: scheduleSchema(fraction).default(1),
    /** Fraction of the factory mass lost (failures, wear) per year, >= 0 (continuous rate). */
    lossRatePerYear: nonNegative.default(0),
    /** Mass of one factory unit, kg (> 0): when given, the model reports a factory count. */
    unitMassKg: positive.optional(),
    /**
     * Learning curve (Wright 1936): productivity rises by 1/progressRatio each time the cumulative output
     * doubles, capped at maxMultiplier. progressRatio in (0, 1] (1 = no learning), maxMultiplier >= 1.
     */
    learning: z
      .object({ progressRatio: z.number().gt(0).max(1), maxMultiplier: z.number().min(1) })
      .strict()
      .optional(),
    /**
     * Electrical power of the factory's own plant per kg of factory, W/kg, when lit at 1 au; scaled by the site's
     * solar flux and duty cycle. Leave it out to model power as unlimited (then it never binds).
     */
    specificPowerWPerKg: positive.optional(),
    /** Mining, refining and fabrication energy per kg of new factory, MJ/kg (>= 0). */
    processingEnergyMJPerKg: nonNegative.default(0),
    /** The same per kg of collectors (thin-film cells cost more), MJ/kg (>= 0); defaults to processingEnergyMJPerKg. */
    collectorProcessingEnergyMJPerKg: nonNegative.optional(),
    /** kg of product per kg of regolith mined, (0, 1]; the rest is waste (slag, tailings). */
    processingYield: z.number().gt(0).max(1).default(1),
    /** Fraction of the power of this site's collectors on station that is beamed back to the site, [0, 1]. */
    beamedPowerFraction: fraction.default(0),
  })
  .strict()
  .superRefine((factory, ctx) => {
    const given =
      Number(factory.replicationTimeYears !== undefined) + Number(factory.productivityPerYear !== undefined);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'give exactly one of replicationTimeYears (> 0) and productivityPerYear (>= 0)',
        path: ['replicationTimeYears'],
      });
    }
    if (
      factory.growthMode === 'batch' &&
      factory.batchIntervalYears === undefined &&
      factory.replicationTimeYears === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'batch growth needs batchIntervalYears (> 0) or replicationTimeYears',
        path: ['batchIntervalYears'],
      });
    }
  });

const allocationSchema = z
  .object({
    /** Fraction of the factory's output that goes into new factories, [0, 1]; the rest makes collectors. */
    replicationFraction: scheduleSchema(fraction).default(1),
    /** "Grow first, then produce": once the site's factory mass reaches this (kg), switch to the value below. */
    switchAtFactoryMassKg: positive.optional(),
    /** Replication fraction after the switch, [0, 1]. */
    replicationFractionAfterSwitch: fraction.default(0),
  })
  .strict();

const massDriverSchema = z
  .object({
    /** Muzzle speed, km/s (> 0); must exceed the body's escape speed. */
    launchSpeedKmS: positive,
    /** Launch capacity, kg/s (> 0), before availability. */
    rateKgPerS: positive,
    /** Extra capacity per tonne of factory, kg/s per t (>= 0): drivers built by the growing industry. */
    rateKgPerSPerTonneFactory: nonNegative.default(0),
    /** Fraction of the time the driver works, (0, 1]. */
    availability: z.number().gt(0).max(1).default(1),
    /** Electrical-to-kinetic efficiency, (0, 1]: energy per kg = v^2 / (2 efficiency). */
    efficiency: z.number().gt(0).max(1),
  })
  .strict();

const targetSchema = z
  .object({
    /** Name of one of the scenario's shells. */
    shell: z.string().min(1),
    /** Fraction of this site's collectors sent to the shell, [0, 1]; a site's fractions sum to 1. */
    fraction,
    /**
     * How the collectors fly from the site to the shell (sim/growth/propulsion/): `ballistic` (default: the mass
     * driver's excess alone), `solar-sail` or `electric`. The flight time and the propellant come out of the
     * flight, flown numerically once per scenario; a shell the propulsion cannot reach is refused.
     */
    propulsion: propulsionSchema.default({ kind: 'ballistic' }),
    /**
     * Time after arrival before the collectors count as on station (deployment, checkout), days (>= 0); they
     * capture nothing until then.
     */
    holdDays: z.number().min(0).max(36_525).default(0),
  })
  .strict();

export const growthSiteSchema = z
  .object({
    /** Site name, used as the key of factoryMassKgBySite. */
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, _ and -')
      .max(64),
    body: z.enum(['moon', 'nea', 'mercury', 'custom']),
    /** The seed landed from Earth (mass > 0 kg, date). */
    seed: landingSchema,
    /** Later landings of hardware from Earth, dates increasing and after the seed. */
    resupply: z.array(landingSchema).default([]),
    /** Mean heliocentric distance, au (> 0); defaults by body (1 for the Moon and NEAs, 0.387 for Mercury). */
    heliocentricDistanceAu: z.number().gt(0).max(50).optional(),
    /** Escape speed of the body, km/s (>= 0); defaults by body. */
    escapeSpeedKmS: nonNegative.optional(),
    /** Solar flux on the factory's arrays, W/m^2 (> 0); defaults to L_sun / (4 pi d^2). */
    solarFluxWM2: positive.optional(),
    /** Fraction of the time the arrays are lit, [0, 1]; defaults by body (0.5). */
    dutyCycle: fraction.optional(),
    /** Mass that can be mined at the site, kg (> 0); defaults to the body's mass (required for `custom`). */
    feedstockLimitKg: positive.optional(),
    /** Most heat the site can reject, MW (> 0): caps the power its factories draw. No cap when left out. */
    heatRejectionLimitMW: positive.optional(),
    /**
     * Most power the site's own arrays can give, MW (> 0), whatever the factory mass: e.g. the sunlight on the body's
     * disc times the arrays' efficiency. Power beamed back from the site's collectors comes on top. No cap when left out.
     */
    ownPowerLimitMW: positive.optional(),
    /** Price of hardware landed at the site from Earth, USD/kg (>= 0); may change with time. */
    deliveredPriceUsdPerKg: scheduleSchema(nonNegative).default(0),
    /** Most vitamins that can be landed per year, kg/yr (> 0); no cap when left out. */
    maxImportKgPerYear: scheduleSchema(positive).optional(),
    factory: factorySchema,
    allocation: allocationSchema.default({ replicationFraction: 1, replicationFractionAfterSwitch: 0 }),
    massDriver: massDriverSchema,
    targets: z.array(targetSchema).min(1),
  })
  .strict()
  .superRefine((site, ctx) => {
    const sum = site.targets.reduce((total, target) => total + target.fraction, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        message: `target fractions must sum to 1, they sum to ${sum}`,
        path: ['targets'],
      });
    }
    const seen = new Set<string>();
    site.targets.forEach((target, index) => {
      if (seen.has(target.shell)) {
        ctx.addIssue({ code: 'custom', message: 'shell named twice', path: ['targets', index, 'shell'] });
      }
      seen.add(target.shell);
    });
    const dates = [site.seed.date, ...site.resupply.map((landing) => landing.date)];
    const bad = datesIncreasing(dates);
    if (bad >= 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'landing dates must be strictly increasing and after the seed landing',
        path: ['resupply', bad - 1, 'date'],
      });
    }
    if (site.body === 'custom') {
      for (const key of [
        'heliocentricDistanceAu',
        'escapeSpeedKmS',
        'feedstockLimitKg',
        'dutyCycle',
      ] as const) {
        if (site[key] === undefined) {
          ctx.addIssue({ code: 'custom', message: 'is required for body "custom"', path: [key] });
        }
      }
    }
  });

export const growthSchema = z
  .object({
    sites: z.array(growthSiteSchema).min(1),
    limits: z
      .object({
        /**
         * Luminosity and shading: collector production stops once the launched swarm would cover this fraction
         * of the Sun's light, (0, 1] (1 - exp(-total optical depth), see sim/geometry/shading.ts).
         */
        maxCoverageFraction: z.number().gt(0).max(1).default(1),
      })
      .strict()
      .default({ maxCoverageFraction: 1 }),
  })
  .strict()
  .superRefine((growth, ctx) => {
    const names = new Set<string>();
    growth.sites.forEach((site, index) => {
      if (names.has(site.name)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate site name', path: ['sites', index, 'name'] });
      }
      names.add(site.name);
    });
  });

export type GrowthInput = z.input<typeof growthSchema>;
export type GrowthFile = z.output<typeof growthSchema>;
export type GrowthSiteFile = z.output<typeof growthSiteSchema>;
