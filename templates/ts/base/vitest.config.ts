import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests share one database and one Redis: run files one at a time.
    fileParallelism: false,
    testTimeout: 15_000,
  },
});
