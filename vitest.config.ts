import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/helpers/remove-temp-dirs.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          setupFiles: ['test/helpers/remove-temp-dirs.ts', 'test/helpers/sqlite-prebuild-env.ts'],
          // Go builds and linters saturate this machine's two cores: one file at a time.
          fileParallelism: false,
          // Tests marked concurrent (the pairwise matrix) run two at a time, one per core.
          maxConcurrency: 2,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
