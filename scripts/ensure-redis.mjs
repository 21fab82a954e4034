#!/usr/bin/env node
// Runs before `npm test`: tests/cli/sweepRedis.test.ts starts its own real redis-server (127.0.0.1, a free port).
// Debian's package is what we test with. If it is missing and we are root on a Debian-like system, install it with
// apt-get without starting Debian's system service (policy-rc.d exit 101, invoke-rc.d(8)); otherwise say exactly
// what to do and fail.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';

const path = '/usr/bin/redis-server';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  process.stderr.write(
    "essaim: redis-server is missing; installing Debian's redis-server for the sweep tests\n",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) {
    writeFileSync(policy, '#!/bin/sh\nexit 101\n');
    chmodSync(policy, 0o755);
  }
  try {
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-q', 'redis-server'], { stdio: 'inherit', env });
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
  if (existsSync(path)) process.exit(0);
}
process.stderr.write(
  `essaim: the distributed-sweep tests need redis-server at ${path}.\n` +
    '  On Debian/Ubuntu: sudo apt-get install redis-server\n',
);
process.exit(1);
