/** `essaim figures`: the catalogue of figures (sim/report/figures.ts), the fields of summary.json and its CSV. */
import { Command } from 'commander';
import { FIGURE_GROUPS, FIGURES } from '../../sim/report/figures.ts';
import type { CliIo } from './io.ts';

export function createFiguresCommand(io: CliIo): Command {
  return new Command('figures')
    .description(
      'list every figure a run writes (summary.json rows, timeseries.csv columns): key, unit, meaning',
    )
    .option('--json', 'print the catalogue as JSON (key, group, unit, label, scope, help)')
    .action((options: { json?: boolean }) => {
      if (options.json === true) {
        const entries = FIGURES.map(({ key, group, unit, label, scope, kind, help }) => ({
          key,
          group,
          unit,
          label,
          scope,
          kind,
          help,
        }));
        io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      const blocks = FIGURE_GROUPS.map(({ group, title }) => {
        const lines = FIGURES.filter((figure) => figure.group === group).map(
          (figure) => `  ${figure.key} [${figure.unit}]: ${figure.label}. ${figure.help}`,
        );
        return `${title}\n${lines.join('\n')}`;
      });
      io.stdout(`${blocks.join('\n\n')}\n`);
    });
}
