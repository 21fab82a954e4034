/** Reads a CSV of tests/data/ground (quoted fields allowed) and refuses a short file, so no row is skipped. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += char;
  }
  out.push(cell);
  return out;
}

export function readGroundCsv(name: string, expectedRows: number): Array<Record<string, string>> {
  const path = fileURLToPath(new URL(`../data/ground/${name}`, import.meta.url));
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const keys = cells(header ?? '');
  const rows = lines.map((line) => Object.fromEntries(cells(line).map((value, k) => [keys[k], value])));
  if (rows.length !== expectedRows)
    throw new Error(`${name}: expected ${expectedRows} rows, read ${rows.length}`);
  return rows as Array<Record<string, string>>;
}
