/** Parsers for CLI flag values: each throws an InputError naming the flag, the value and the accepted range. */
import { InputError } from '../../sim/errors.ts';
import { isoToTdbS } from '../../sim/time.ts';

export function parseDateFlag(flag: string, value: string): number {
  try {
    return isoToTdbS(value);
  } catch (error) {
    throw new InputError((error as Error).message, flag);
  }
}

export function parseIntegerFlag(flag: string, value: string, min: number, max: number): number {
  const parsed = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new InputError(`must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`, flag);
  }
  return parsed;
}

export function parseChoiceFlag<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new InputError(`must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`, flag);
  }
  return value as T;
}
