/** Read a numeric CSV from tests/data/beam (header row, then numbers). Guards against silently empty data. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readBeamCsv(name: string, expectedRows: number): Array<Record<string, number>> {
  const text = readFileSync(join(import.meta.dirname, '..', 'data', 'beam', name), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const keys = (header ?? '').split(',');
  const rows = lines.map((line) => {
    const cells = line.split(',').map(Number);
    return Object.fromEntries(keys.map((key, i) => [key, cells[i] as number]));
  });
  if (rows.length !== expectedRows)
    throw new Error(`${name}: expected ${expectedRows} rows, read ${rows.length}`);
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (!Number.isFinite(value)) throw new Error(`${name}: bad ${key}`);
  return rows;
}
