// Unit tests of the client run in Node: the WebSocket, the clock and fetch are injected fakes.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/integration/**', '**/*.e2e.test.ts', 'node_modules/**'],
    environment: 'node',
  },
});
