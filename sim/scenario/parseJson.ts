/**
 * JSON.parse with an error that says where: `line 4, column 17: Expected ',' or '}' after property value`.
 * Scenario files are data: they are parsed, never evaluated. A leading UTF-8 byte-order mark (editors on Windows
 * write one) is dropped, as RFC 8259 section 8.1 allows a parser to; nesting is bounded before parsing
 * (sim/validation/nesting.ts).
 */
import { InputError } from '../errors.ts';
import { checkJsonTextNesting } from '../validation/nesting.ts';

/** Line and column (1-based) of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parse JSON text; on a syntax error throw an InputError naming `source`, the line and the column. */
export function parseJsonWithLocation(rawText: string, source: string): unknown {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  checkJsonTextNesting(text, source);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    // V8 reports either "... at position N" (Node 20) or "... (line L column C)" (newer engines).
    const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
    const position = /at position (\d+)/.exec(message);
    let where = 'unknown position';
    if (lineColumn !== null) where = `line ${lineColumn[1]}, column ${lineColumn[2]}`;
    else if (position !== null) {
      const { line, column } = lineColumnAt(text, Number(position[1]));
      where = `line ${line}, column ${column}`;
    } else if (/Unexpected end of JSON input/.test(message)) {
      const { line, column } = lineColumnAt(text, text.length);
      where = `line ${line}, column ${column} (end of file)`;
    }
    const reason = message
      .replace(/\s*(in JSON )?at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)/, '');
    throw new InputError(`${source}: malformed JSON at ${where}: ${reason}`);
  }
}
