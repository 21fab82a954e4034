/**
 * The data path as import rules (docs/architecture.md). `npm test` runs `npm run deps`, which fails on:
 * - an import cycle anywhere in the project's own code;
 * - a wrong-way arrow: a module importing one on a higher floor, or one listed after it on its own floor (LAYERS,
 *   bottom up: each entry may import only the entries before it);
 * - sim/ importing Node built-ins or a package outside the core's dependencies (sim/ runs in a browser worker);
 * - the app's scene and UI importing each other (both read the state below them).
 * Type-only imports count (tsPreCompilationDeps): a type is an arrow too.
 */

/** Bottom up. Each layer may import the layers before it, never those after it. */
const LAYERS = [
  // floor 0: values with sources, the one time scale
  ['constants', '^sim/(constants|errors)[.]ts$'],
  ['time', '^sim/time[.]ts$'],
  ['duration', '^sim/duration[.]ts$'],
  // floor 1
  ['numeric', '^sim/numeric/'],
  ['validation', '^sim/validation/'],
  // floor 2
  ['orbit', '^sim/orbit/'],
  ['geometry', '^sim/geometry/'],
  ['beam', '^sim/beam/'],
  // floor 3
  ['gpu', '^sim/gpu/'],
  ['propagate', '^sim/propagate/'],
  ['earth', '^sim/earth/'],
  ['swarm', '^sim/swarm/'],
  ['growth', '^sim/growth/'],
  ['energy', '^sim/energy/'],
  // the Earth-side ledger reads the sky's power (energy, earth) as plain numbers
  ['ground', '^sim/ground/'],
  ['dynamics', '^sim/dynamics/'],
  // floor 4: the composer
  ['scenario', '^sim/scenario/'],
  // floor 5
  ['world', '^sim/(groundInputs|world)[.]ts$'],
  ['simulate', '^sim/simulate[.]ts$'],
  // floor 6: consumers inside the core
  ['report', '^sim/report/'],
  ['stream', '^sim/stream/'],
  ['sweep', '^sim/sweep/'],
  // the public API
  ['api', '^sim/index[.]ts$'],
  // src/: the edges
  ['node', '^src/node/'],
  // the HTML report (reads the chart library's files from node_modules)
  ['htmlReport', '^src/report/'],
  ['workers', '^src/workers/'],
  ['bench', '^bench/'],
  ['cli', '^src/cli/'],
  ['app', '^src/app/'],
];

/** Packages the pure core may import (everything else is for the edges). */
const SIM_PACKAGES = [
  'astronomy-engine',
  'satellite.js',
  'gpu.js',
  'zod',
  'pure-rand',
  'simple-statistics',
  'papaparse',
  '@stdlib/stats-base-dists-normal-cdf',
  '@stdlib/stats-base-dists-normal-quantile',
];

const layerRules = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `floor-${name}`,
  comment: `${name} (${path}) may import only the layers below it in .dependency-cruiser.cjs LAYERS`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(index + 1).map(([, higher]) => `(${higher})`) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: the data path has no loops',
      severity: 'error',
      from: { pathNot: '^node_modules' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'sim-is-pure',
      comment: 'sim/ runs in Node, in a browser worker and in tests: no Node built-ins',
      severity: 'error',
      from: { path: '^sim/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'sim-packages',
      comment: `sim/ imports only ${SIM_PACKAGES.join(', ')} from npm`,
      severity: 'error',
      from: { path: '^sim/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: SIM_PACKAGES.map((name) => `^node_modules/${name.replace('.', '[.]')}/`),
      },
    },
    {
      name: 'app-scene-not-ui',
      comment: 'the scene does not import the UI; both read src/app/state',
      severity: 'error',
      from: { path: '^src/app/scene/' },
      to: { path: '^src/app/ui/' },
    },
    {
      name: 'app-ui-not-scene',
      comment: 'the UI does not import the scene; both read src/app/state',
      severity: 'error',
      from: { path: '^src/app/ui/' },
      to: { path: '^src/app/scene/' },
    },
    {
      name: 'app-state-below',
      comment: 'src/app/state is below the scene and the UI',
      severity: 'error',
      from: { path: '^src/app/state/' },
      to: { path: '^src/app/(scene|ui)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'an import that resolves to nothing',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(lib|dist|test-artifacts|essaim-out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
