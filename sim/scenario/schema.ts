/**
 * The scenario file format: a typed zod schema. Scenario files are user-facing, so their fields carry friendly
 * units in their names (`semiMajorAxisAu`, `inclinationDeg`, ISO dates); `resolveScenario` (resolve.ts) converts
 * them once to the SI values that the rest of sim/ uses. Scenario files are data only: nothing is evaluated.
 */
import { z } from 'zod';
import { earthSchema } from '../earth/schema.ts';
import { energySchema } from '../energy/schema.ts';
import { growthSchema } from '../growth/schema.ts';
import { groundSchema } from '../ground/schema.ts';
import { isoDateSchema } from '../validation/isoDate.ts';
import { COLLECTOR_PART_KINDS } from '../swarm/collector.ts';

export { isoDateSchema };

const fraction = z.number().min(0).max(1);

/** A closed range [min, max] of a number, written as a two-element array. */
function rangeSchema(lower: number, upper: number, upperInclusive = true) {
  const bound = upperInclusive ? z.number().min(lower).max(upper) : z.number().min(lower).lt(upper);
  return z
    .tuple([bound, bound])
    .refine(([min, max]) => min <= max, { message: 'range must be [min, max] with min <= max' });
}

/** One part of a collector's bill of materials (sim/swarm/collector.ts CollectorPart). */
export const collectorPartSchema = z
  .object({
    name: z.string().min(1).max(64),
    kind: z.enum(COLLECTOR_PART_KINDS),
    /** Mass of this part per area of the collector's face, kg/m^2. */
    arealDensityKgM2: z.number().positive(),
    /** Where the number comes from: a paper or datasheet with its year. */
    source: z.string().min(1),
  })
  .strict();

/**
 * One kind of solar collector: a thin, flat, Sun-facing sheet (the Keplerian case of sim/orbit). Its mass per area
 * is given either as a bill of materials (`billOfMaterials`, the areal density is the sum of the parts) or as one
 * number (`arealDensityKgM2`, for sources that state only a total), which resolves to a one-part bill of kind
 * `all-in`. Exactly one of the two.
 */
export const collectorSchema = z
  .object({
    /** Area of one collector, m^2. */
    unitAreaM2: z.number().positive(),
    /** Mass per area of the whole collector, kg/m^2, when the source gives only a total. */
    arealDensityKgM2: z.number().positive().optional(),
    /** The collector's parts, each with its mass per area of the face and its source. */
    billOfMaterials: z.array(collectorPartSchema).min(1).max(32).optional(),
    /** Fraction of the incident sunlight converted to electricity (or to the beam's input power). */
    conversionEfficiency: fraction,
    /** Specular reflectivity of the Sun-facing side, for radiation pressure (1 = perfect mirror). */
    reflectivity: fraction.default(1),
    /** Fractional loss of conversion efficiency per year on station (compounded). */
    degradationPerYear: z.number().min(0).lt(1).default(0),
  })
  .strict()
  .superRefine((collector, ctx) => {
    if ((collector.arealDensityKgM2 === undefined) === (collector.billOfMaterials === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['billOfMaterials'],
        message:
          'give exactly one of billOfMaterials (the parts, each with arealDensityKgM2 and source) and ' +
          'arealDensityKgM2 (a single all-in total)',
      });
    }
    const seen = new Set<string>();
    collector.billOfMaterials?.forEach((part, index) => {
      if (seen.has(part.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['billOfMaterials', index, 'name'],
          message: `duplicate part name ${JSON.stringify(part.name)}`,
        });
      }
      seen.add(part.name);
    });
  });

/**
 * An orbit shell: ranges of heliocentric Kepler elements (ecliptic J2000) within which tracers are sampled with
 * the scenario's seed. Angles in degrees, semi-major axis in au.
 */
export const shellSchema = z
  .object({
    name: z.string().min(1).max(64),
    semiMajorAxisAu: rangeSchema(0.05, 50),
    eccentricity: rangeSchema(0, 1, false),
    inclinationDeg: rangeSchema(0, 180),
    ascendingNodeDeg: rangeSchema(0, 360).default([0, 360]),
    argPeriapsisDeg: rangeSchema(0, 360).default([0, 360]),
  })
  .strict();

/**
 * A launch campaign of the simple deployment schedule: `collectorsPerYear` collectors launched at a uniform rate
 * from `start` to `end` into `shell`, each reaching its station `transferDays` after launch.
 */
export const campaignSchema = z
  .object({
    shell: z.string().min(1),
    start: isoDateSchema,
    end: isoDateSchema,
    collectorsPerYear: z.number().nonnegative(),
    transferDays: z.number().min(0).max(3650).default(0),
  })
  .strict();

export const scenarioSchema = z
  .object({
    /** Machine name, used by `--scenario NAME` and in summary.json. */
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
    title: z.string().min(1),
    description: z.string().default(''),
    /** Where the parameters come from: one entry per source. */
    sources: z.array(z.string()).default([]),
    /** Optional per-parameter notes: free text keyed by a field path. Not interpreted. */
    notes: z.record(z.string(), z.string()).default({}),
    from: isoDateSchema,
    to: isoDateSchema,
    /**
     * Default output step of a run (`--step` overrides it): `1y` (every 1 January, the default) or a fixed
     * duration such as `365.25d` where the scenario's published table is at multiples of a Julian year.
     */
    step: z.string().optional(),
    /** Seed of the tracer sampler: the same seed gives the same swarm, bit for bit. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
    /** Default tracer budget (the resolution of the swarm, not its size). */
    tracers: z.number().int().min(1).max(50_000_000).default(20_000),
    /** Days between cohorts: a campaign is cut into cohorts this long, each with its own tracers. */
    cohortDays: z.number().min(1).max(3660).default(30),
    collector: collectorSchema,
    shells: z.array(shellSchema).min(1),
    /** A fixed launch schedule (collectors launched from Earth). May be combined with `growth`. */
    deployment: z.array(campaignSchema).default([]),
    /** The in-situ growth model: factories, replication, mass drivers (sim/growth). */
    growth: growthSchema.optional(),
    /** Power beaming from the swarm to its loads, and the compute nodes (sim/energy). */
    energy: energySchema.optional(),
    /** 2030-2040: power satellites in geostationary orbit and their ground rectennas (sim/earth). */
    earth: earthSchema.optional(),
    /** 2025-2050: AI's electricity on the ground and what the sky supplies of it (sim/ground). */
    ground: groundSchema.optional(),
    /**
     * Dynamics beyond two bodies (sim/dynamics). `secularPerturbations`: positions under the planets' secular
     * perturbations (Laplace-Lagrange) instead of fixed ellipses; off by default, since both built-in shells are
     * co-orbital with a planet the theory must leave out, and it runs on the float64 reference only.
     */
    dynamics: z
      .object({ secularPerturbations: z.boolean().default(false) })
      .strict()
      .optional(),
  })
  .strict();

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type CollectorSpecFile = z.output<typeof collectorSchema>;
export type CollectorPartFile = z.output<typeof collectorPartSchema>;
export type ShellSpecFile = z.output<typeof shellSchema>;
export type CampaignFile = z.output<typeof campaignSchema>;
