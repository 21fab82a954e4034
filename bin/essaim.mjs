#!/usr/bin/env node
// The `essaim` command. `npm install` compiles sim/ and src/cli/ to lib/ (the package's prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../lib/src/cli/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'essaim: lib/ is missing; run `npm install` (or `npm run build:lib`) in the Essaim folder first\n',
  );
  process.exit(1);
}
await import(entry.href);
