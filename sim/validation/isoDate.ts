/** An ISO 8601 UTC date or date-time within the supported range (see sim/time.ts), as a zod schema. */
import { z } from 'zod';
import { parseIsoUtcMs } from '../time.ts';

export const isoDateSchema = z.string().superRefine((value, ctx) => {
  try {
    parseIsoUtcMs(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});
