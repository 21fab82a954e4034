// Preloaded by bench/run-cost.bench.ts (node --import): at exit, writes this process's CPU time (process.cpuUsage:
// user and system, every thread, since the process started) as JSON to the file named by ESSAIM_CPU_AT_EXIT.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.ESSAIM_CPU_AT_EXIT;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ userUs: user, systemUs: system }));
  });
}
