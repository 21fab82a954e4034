#!/usr/bin/env node
// Runs before `npm test`: the browser test project needs a real Chromium. Debian's package is what we test with
// (test tools cannot download their own browser builds on our machines). If it is missing and we are root on a
// Debian-like system, install it with apt-get; otherwise say exactly what to do and fail.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (process.env.CHROMIUM_PATH === undefined && isRoot && hasApt) {
  process.stderr.write(
    "essaim: Chromium is missing; installing Debian's chromium with apt-get for the browser tests\n",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env });
  if (existsSync(path)) process.exit(0);
}
process.stderr.write(
  `essaim: the browser tests need Chromium at ${path}.\n` +
    '  On Debian/Ubuntu: sudo apt-get install chromium\n' +
    '  Or point CHROMIUM_PATH at a Chromium or Chrome executable.\n',
);
process.exit(1);
