/**
 * Bad input, as opposed to a bug. Everything in sim/ that validates user-supplied data (scenario files, link
 * parameters, tracer tables) throws this, with a message that names the field, the value and what is accepted.
 * The CLI maps it to exit code 2; any other error is an internal failure (exit code 1).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** Dotted path of the offending field (`collectors.arealDensityKgM2`), when there is one. */
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(field === undefined ? message : `${field}: ${message}`);
    this.field = field;
  }
}

/** Throw an InputError unless `value` is a finite number. Returns the value for chaining in initialisers. */
export function requireFinite(value: number, field: string): number {
  if (!Number.isFinite(value)) throw new InputError(`must be a finite number, got ${value}`, field);
  return value;
}
