/**
 * A guided tour is data: a JSON file (assets/tours/*.json, or one a user writes) validated here when it is loaded.
 * Each step sets the time and the camera's target, and shows a caption whose numbers all come from the snapshot
 * at that time: a caption is a template where `{figureKey}` is the catalogue figure's value (sim/report/figures.ts)
 * and `{date}` the step's date. A template naming no figure of the catalogue is refused at load, so a caption can
 * hold no number typed by hand that pretends to be the simulation's.
 */
import { z } from 'zod';
import { FIGURES } from '../../../sim/report/figures.ts';
import { InputError } from '../../../sim/errors.ts';
import { isoToTdbS } from '../../../sim/time.ts';
import { isoDateSchema } from '../../../sim/validation/isoDate.ts';
import { describeIssues } from '../../../sim/validation/issues.ts';
import { parseTarget, type TargetId } from '../state/targets.ts';

/** The placeholders a caption may use besides figure keys. */
export const CAPTION_WORDS = ['date', 'year'] as const;

/** `{name}` placeholders of a caption template, in order. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_.]+)\}/g)].map((match) => match[1] as string);
}

const FIGURE_KEYS: ReadonlySet<string> = new Set(
  FIGURES.filter((figure) => figure.scope === 'instant' && figure.kind === 'number').map(
    (figure) => figure.key,
  ),
);

const captionSchema = z
  .string()
  .min(1)
  .max(600)
  .superRefine((template, ctx) => {
    for (const name of placeholdersOf(template)) {
      if (!FIGURE_KEYS.has(name) && !(CAPTION_WORDS as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `{${name}} is neither a number figure of the catalogue nor one of ${CAPTION_WORDS.join(', ')}`,
        });
      }
    }
    // digits outside placeholders would be numbers typed by hand; years in prose are allowed (4 digits)
    const prose = template.replace(/\{[^}]*\}/g, '');
    const typed = prose.match(/(?<![A-Za-z])\d+(?:[.,]\d+)*/g)?.filter((n) => !/^(19|20)\d\d$/.test(n)) ?? [];
    if (typed.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `holds numbers typed by hand (${typed.join(', ')}): take them from a figure, {key}`,
      });
    }
  });

const stepSchema = z
  .object({
    /** Short heading of the step. */
    title: z.string().min(1).max(80),
    /** The phase of the story it belongs to (shown above the title). */
    phase: z.string().min(1).max(80),
    /** The instant the step shows, ISO UTC. */
    date: isoDateSchema,
    /** What the camera is centred on: a body (sun, earth, moon, ...) or `shell:<name>`. */
    target: z.string().refine((value) => parseTarget(value) !== null, {
      message: 'must be sun, mercury, venus, earth, moon, mars or shell:<name>',
    }),
    caption: captionSchema,
  })
  .strict();

export const tourSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'),
    title: z.string().min(1).max(120),
    /** The scenario the tour is written for (its figures and dates). */
    scenario: z.string().min(1),
    /** How long "Play" stays on each step, s. */
    secondsPerStep: z.number().min(0.5).max(120).default(8),
    steps: z.array(stepSchema).min(1).max(100),
  })
  .strict();

export interface TourStep {
  readonly title: string;
  readonly phase: string;
  readonly date: string;
  readonly tdbS: number;
  readonly target: TargetId;
  readonly caption: string;
}

export interface Tour {
  readonly name: string;
  readonly title: string;
  readonly scenario: string;
  readonly secondsPerStep: number;
  readonly steps: readonly TourStep[];
}

/** A tour from parsed JSON; throws InputError naming the field, the value and what is accepted. */
export function parseTour(input: unknown, label = 'tour'): Tour {
  const result = tourSchema.safeParse(input);
  if (!result.success) throw new InputError(`${label}: ${describeIssues(result.error, input)}`);
  const file = result.data;
  return {
    name: file.name,
    title: file.title,
    scenario: file.scenario,
    secondsPerStep: file.secondsPerStep,
    steps: file.steps.map((step) => ({
      title: step.title,
      phase: step.phase,
      date: step.date,
      tdbS: isoToTdbS(step.date),
      target: parseTarget(step.target) as TargetId,
      caption: step.caption,
    })),
  };
}
