// Scripts tests run in plain Node: the generator and gates touch the file system, no Workers runtime.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
  },
});
