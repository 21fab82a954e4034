/**
 * Keyword = value notation (KVN) of the CCSDS Orbit Data Messages (CCSDS 502.0-B-3, section 7): one assignment a
 * line, the keyword in capitals, numbers in the fixed-point or floating-point forms of 7.5.6-7.5.7, comment lines
 * `COMMENT text` (7.8.5), lines of printable ASCII no longer than 254 characters (7.3.2, 7.3.4).
 *
 * Numbers are written with the shortest decimal digits that read back as the same float64 (ECMAScript's
 * Number-to-String digits, at most 17 significant), so every value round-trips bit for bit. 7.5.6-7.5.7 allow at
 * most 16 digits in a mantissa, but about half of all float64 values need 17 to be read back exactly (measured in
 * tests/report/ccsds/kvn.test.ts); those take 17, since 16 would move them by up to several units in the last
 * place. Every correctly rounding reader (strtod, Double.parseDouble, Number) reads 17 digits.
 */
import { InputError } from '../../errors.ts';

/** The longest OPM/OMM/OEM line, characters, line terminator excluded (502.0-B-3 7.3.2). */
export const MAX_LINE_LENGTH = 254;

/** Decimal exponents written in fixed-point notation; others take the E form (both allowed: 7.5.5). */
const FIXED_MIN_EXPONENT = -1;
const FIXED_MAX_EXPONENT = 12;

/**
 * A float64 in CCSDS notation that parses back (Number(), or any correctly rounding reader) to exactly `value`:
 * fixed point `-12.5`, `0.25`, `6378.137` (at least one digit either side of the point, 7.5.6), or floating point
 * `1.5E-07`, `7.0E+20` (one digit before the point, 7.5.7). Non-finite values are refused.
 */
export function formatReal(value: number, field = 'value'): string {
  if (!Number.isFinite(value)) throw new InputError(`must be a finite number, got ${value}`, field);
  // toExponential() without digits gives the shortest digits that identify the value (ECMA-262 Number::toString)
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-') || Object.is(value, -0);
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  if (exponent >= FIXED_MIN_EXPONENT && exponent <= FIXED_MAX_EXPONENT) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1);
    return `${sign}${integer}.${fraction === '' ? '0' : fraction}`;
  }
  const fraction = digits.slice(1);
  const exponentSign = exponent < 0 ? '-' : '+';
  return `${sign}${digits[0]}.${fraction === '' ? '0' : fraction}E${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Refuse text the KVN cannot carry: control characters and non-ASCII (7.3.4). */
function checkText(text: string, field: string): void {
  if (!/^[\x20-\x7e]*$/.test(text)) {
    throw new InputError(
      `must be printable ASCII (CCSDS 502.0-B-3 7.3.4), got ${JSON.stringify(text)}`,
      field,
    );
  }
}

function checkLine(line: string, field: string): string {
  if (line.length > MAX_LINE_LENGTH) {
    throw new InputError(
      `makes a line of ${line.length} characters, more than the ${MAX_LINE_LENGTH} of CCSDS 502.0-B-3 7.3.2`,
      field,
    );
  }
  return line;
}

/** `KEYWORD = value` for a text value, non-empty (7.5.1) and without '=' (one assignment a line, 7.4.3). */
export function kvnText(keyword: string, value: string): string {
  checkText(value, keyword);
  if (value.includes('=') || value.trim() === '') {
    throw new InputError(`must be non-empty text without '=', got ${JSON.stringify(value)}`, keyword);
  }
  return checkLine(`${keyword} = ${value}`, keyword);
}

/** `KEYWORD = number` (formatReal). */
export function kvnReal(keyword: string, value: number): string {
  return checkLine(`${keyword} = ${formatReal(value, keyword)}`, keyword);
}

/** `KEYWORD = integer` (7.5.4: a 32-bit signed integer). */
export function kvnInteger(keyword: string, value: number): string {
  if (!(Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1)) {
    throw new InputError(`must be an integer in [-2^31, 2^31 - 1] (7.5.4), got ${value}`, keyword);
  }
  return `${keyword} = ${value}`;
}

/** Room for comment text on a line: 254 less `COMMENT `. */
const COMMENT_WIDTH = MAX_LINE_LENGTH - 'COMMENT '.length;

/**
 * `COMMENT text` lines (7.8.5), one or more per entry: free text (a scenario's title, a shell's name) may hold
 * characters the KVN cannot (7.3.4), which become '?', and is wrapped at spaces to fit the 254 characters (7.3.2).
 */
export function kvnComments(comments: readonly string[]): string[] {
  return comments.flatMap((comment) => {
    let rest = comment.replace(/[^\x20-\x7e]/g, '?');
    const lines: string[] = [];
    while (rest.length > COMMENT_WIDTH) {
      const space = rest.lastIndexOf(' ', COMMENT_WIDTH);
      const cut = space > 0 ? space : COMMENT_WIDTH;
      lines.push(`COMMENT ${rest.slice(0, cut)}`);
      rest = rest.slice(cut).replace(/^ /, '');
    }
    lines.push(`COMMENT ${rest}`);
    return lines;
  });
}

/** The lines joined with line feeds (7.3.7), ending with one. */
export function kvnDocument(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
