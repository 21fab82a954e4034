import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.config.ts';
import { reportCommands } from './tests/browser/reportCommands.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.browser.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // the app's TSX goes through the same plugin as in vite.config.ts
        plugins: [react()],
        // pre-bundled up front: a dependency discovered mid-run makes vite re-optimize and reload the page
        optimizeDeps: {
          include: [
            'gpu.js',
            'react',
            'react/jsx-dev-runtime',
            'react-dom/client',
            'three',
            'three/addons/controls/OrbitControls.js',
            '@react-three/fiber',
            'zustand',
            'zustand/vanilla',
            'uplot',
            'astronomy-engine',
            'zod',
            'satellite.js',
            'pure-rand/generator/XoroShiro',
            'cesium',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.ts'],
          testTimeout: 60_000,
          // failure screenshots land in the git-ignored test-artifacts/, not beside the tests
          attachmentsDir: 'test-artifacts/vitest-attachments',
          browser: {
            enabled: true,
            headless: true,
            screenshotDirectory: 'test-artifacts/screenshots',
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: 'chromium' }],
            // Node-side helpers of tests/browser/report.browser.test.ts (run the CLI, open a page offline)
            commands: reportCommands,
          },
        },
      },
    ],
  },
});
