/**
 * The table `essaim run` prints: the yearly tables of sim/report/yearlyTable.ts (every figure of the catalogue,
 * one section per group, one row per year) as fixed-width text. This module only lays them out.
 */
import type { SimulationResult } from '../../sim/simulate.ts';
import { sectionParts, yearlyTableSections } from '../../sim/report/yearlyTable.ts';
import { formatTable } from './format.ts';

/**
 * The printed tables: for each group of the catalogue, its figures (all of them, null as '-'), in tables of at
 * most MAX_TABLE_COLUMNS columns; a group whose figures are all null (the scenario lacks the section) is one line.
 */
export function yearlyTable(run: SimulationResult): string {
  const tables: string[] = [];
  for (const section of yearlyTableSections(run)) {
    if (!section.modelled) {
      tables.push(`${section.title}: not modelled by this scenario\n`);
      continue;
    }
    sectionParts(section).forEach((part, index) => {
      tables.push(
        `${section.title}${index === 0 ? '' : ' (continued)'}\n` +
          formatTable(
            ['date', ...part.map((column) => column.header)],
            section.dates.map((date, k) => [date, ...part.map((column) => column.cells[k] ?? '-')]),
          ),
      );
    });
  }
  return tables.join('\n');
}
