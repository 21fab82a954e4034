/**
 * The sweep file (a study): data only, validated like a scenario (strict objects; errors name the field, the value
 * and what is accepted). It names a base scenario, the run settings every sample shares, a design, the parameters
 * to vary (each by its JSON path in the base scenario) and the outputs of interest (figures of the catalogue,
 * sim/report/figures.ts).
 */
import { z } from 'zod';
import { isoDateSchema } from '../validation/isoDate.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** A list of values, or `count` values from `start` to `stop` (inclusive), evenly spaced (log: in log space). */
const gridSchema = z.union([
  z.object({ values: z.array(finite).min(1).max(10_000) }).strict(),
  z
    .object({
      start: finite,
      stop: finite,
      count: z.number().int().min(1).max(10_000),
      spacing: z.enum(['linear', 'log']).default('linear'),
    })
    .strict()
    .refine((g) => g.spacing === 'linear' || (g.start > 0 && g.stop > 0), {
      message: 'a log grid needs start > 0 and stop > 0',
    }),
]);

const ordered = (d: { min: number; max: number }): boolean => d.min < d.max;
const orderedMessage = { message: 'needs min < max' };

/**
 * The distributions, each with its bounds (normal and lognormal are truncated to [min, max], so every value a
 * sample can take is a value the validation tried at both ends).
 */
const distributionSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('uniform'), min: finite, max: finite })
    .strict()
    .refine(ordered, orderedMessage),
  z
    .object({ kind: z.literal('log-uniform'), min: finite.positive(), max: finite.positive() })
    .strict()
    .refine(ordered, orderedMessage),
  z
    .object({ kind: z.literal('normal'), mean: finite, sd: finite.positive(), min: finite, max: finite })
    .strict()
    .refine(ordered, orderedMessage),
  z
    .object({
      kind: z.literal('lognormal'),
      /** Median of the value (exp of the log's mean) and the sd of its natural log. */
      median: finite.positive(),
      sdLog: finite.positive(),
      min: finite.positive(),
      max: finite.positive(),
    })
    .strict()
    .refine(ordered, orderedMessage),
  z
    .object({ kind: z.literal('triangular'), min: finite, mode: finite, max: finite })
    .strict()
    .refine((d) => d.min < d.max && d.min <= d.mode && d.mode <= d.max, {
      message: 'needs min <= mode <= max and min < max',
    }),
]);

/** A JSON path into the scenario: `collector.arealDensityKgM2`, `growth.sites[0].factory.replicationTimeYears`. */
const pathSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*(\.[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])*)*$/,
    'must be a JSON path such as collector.arealDensityKgM2 or growth.sites[0].factory.replicationTimeYears',
  );

export const parameterSchema = z.union([
  z.object({ path: pathSchema, grid: gridSchema }).strict(),
  z.object({ path: pathSchema, distribution: distributionSchema }).strict(),
]);

/**
 * Designs: the full factorial of grids; a Latin hypercube of N samples; a Saltelli design on the Sobol sequence
 * with N base samples (N (d + 2) runs for d parameters: what the variance-based indices need; a power of two keeps
 * the sequence's balance).
 */
export const designSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grid') }).strict(),
  z.object({ kind: z.literal('latin-hypercube'), samples: z.number().int().min(1).max(1_000_000) }).strict(),
  z.object({ kind: z.literal('sobol'), samples: z.number().int().min(2).max(1_048_576) }).strict(),
]);

/**
 * An output of interest: a figure at output dates (or the last row, or `every` output row: what a fan chart draws), or
 * the date it first reaches a threshold.
 */
export const outputSchema = z.union([
  z
    .object({
      figure: z.string().min(1),
      at: z.union([
        z.literal('last'),
        z.literal('every'),
        isoDateSchema,
        z
          .array(z.union([z.literal('last'), isoDateSchema]))
          .min(1)
          .max(1000),
      ]),
    })
    .strict(),
  z.object({ figure: z.string().min(1), firstReaches: finite }).strict(),
]);

export const sweepSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().default(''),
    /** Why each parameter and range: free text keyed by the parameter path. Not interpreted. */
    notes: z.record(z.string(), z.string()).default({}),
    /** A built-in scenario name or a scenario file (resolved at the edge, relative to the sweep file). */
    scenario: z.string().min(1),
    /** Seed of the design and of each sample's tracer seed. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    /** The run every sample makes (defaults: the scenario's span and tracers, a yearly step). */
    run: z
      .object({
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        step: z.string().default('1y'),
        tracers: z.number().int().min(1).max(50_000_000).optional(),
      })
      .strict()
      .default({ step: '1y' }),
    design: designSchema,
    parameters: z.array(parameterSchema).min(1).max(100),
    outputs: z.array(outputSchema).min(1).max(100),
  })
  .strict();

export type SweepFile = z.output<typeof sweepSchema>;
export type SweepParameter = z.output<typeof parameterSchema>;
export type Distribution = z.output<typeof distributionSchema>;
export type Grid = z.output<typeof gridSchema>;
export type SweepOutput = z.output<typeof outputSchema>;
