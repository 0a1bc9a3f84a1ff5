// The contract simulator's pure parts and its guards: the scenario table matches the spec's names
// and close codes, the spec describes every scenario, the routes answer only where ENVIRONMENT is
// "simulator", job ids carry their scenario, and deploy:check refuses the simulator config.
import asyncApiDocument from '@bookstrack/generated/asyncapi.json';
import { CLOSE_CODE_TABLE } from '@bookstrack/generated/constants';
import openApiDocument from '@bookstrack/generated/openapi.json';
import {
  ErrorEnvelopeSchema,
  SimulatorScenarioListSchema,
  SimulatorScenarioNameSchema,
} from '@bookstrack/generated/schemas';
import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { configArgument, simulatorRefusal } from '../../scripts/deploy-check';
import { app } from '../../src/app';
import { SCENARIOS, scenarioInput } from '../../src/simulator/scenarios';
import { scenarioOfJobId, simulatorJobId } from '../../src/simulator/simulator-job-id';
import simulatorConfigText from '../../wrangler.simulator.jsonc?raw';
import wranglerText from '../../wrangler.jsonc?raw';

function request(path: string, init: RequestInit, environment: string): Promise<Response> {
  return Promise.resolve(
    app.fetch(
      new Request(`http://sim.test${path}`, init),
      { ...env, ENVIRONMENT: environment },
      createExecutionContext(),
    ),
  );
}

describe('simulator scenarios', () => {
  it('are exactly the spec’s SimulatorScenarioName values, in order', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(SimulatorScenarioNameSchema.options);
  });

  it('each end with a close code and reason the x-close-codes table lists as sent by the server', () => {
    for (const scenario of SCENARIOS) {
      const entry = CLOSE_CODE_TABLE.find((e) => e.code === scenario.close.code);
      expect(entry?.sentBy, scenario.name).toBe('server');
      expect(entry?.reasons as readonly string[], scenario.name).toContain(scenario.close.reason);
    }
  });

  it('are all named in the simulator operations’ and the AsyncAPI descriptions', () => {
    const paths = openApiDocument.paths as Record<string, Record<string, { description?: string; servers?: unknown }>>;
    const start = paths['/v1/simulator/jobs']?.['post'];
    const list = paths['/v1/simulator/scenarios']?.['get'];
    for (const scenario of SCENARIOS) {
      expect(start?.description, scenario.name).toContain(`| ${scenario.name} |`);
      expect(list?.description, scenario.name).toContain(`\`${scenario.name}\``);
      expect(asyncApiDocument.info.description, scenario.name).toContain(`| ${scenario.name} |`);
    }
    expect(start?.servers).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:8788' })]);
    expect(list?.servers).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:8788' })]);
  });

  it('start a batch_enrichment job of one catalogue book per step', () => {
    for (const scenario of SCENARIOS) expect(scenarioInput(scenario).books).toHaveLength(scenario.books);
  });
});

describe('simulator job ids', () => {
  it('name their scenario and are valid JobIds', () => {
    for (const scenario of SCENARIOS) {
      const jobId = simulatorJobId(scenario.name);
      expect(jobId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      expect(scenarioOfJobId(jobId)?.name).toBe(scenario.name);
    }
    expect(scenarioOfJobId('0b8f6c1e-2d4a-4f9b-8e3c-7a1d5f6e9b20')).toBeUndefined();
    expect(scenarioOfJobId('sim_no-such-scenario_abc')).toBeUndefined();
  });
});

describe('simulator routes', () => {
  it('list the scenarios under ENVIRONMENT "simulator"', async () => {
    const response = await request('/v1/simulator/scenarios', {}, 'simulator');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: unknown };
    expect(SimulatorScenarioListSchema.parse(body.data).scenarios.map((s) => s.name)).toEqual(
      SimulatorScenarioNameSchema.options,
    );
  });

  it('reject an unknown scenario with 400 INVALID_REQUEST listing the valid names', async () => {
    const response = await request('/v1/simulator/jobs?scenario=nope', { method: 'POST' }, 'simulator');
    expect(response.status).toBe(400);
    const body = ErrorEnvelopeSchema.parse(await response.json());
    expect(body.error.code).toBe('INVALID_REQUEST');
    expect(body.error.details?.['scenarios']).toEqual(SimulatorScenarioNameSchema.options);
  });

  it('answer 404 NOT_FOUND in production and in any other environment', async () => {
    for (const environment of ['production', 'development', 'test']) {
      for (const [path, method] of [
        ['/v1/simulator/scenarios', 'GET'],
        ['/v1/simulator/jobs?scenario=token-expired', 'POST'],
      ] as const) {
        const response = await request(path, { method }, environment);
        expect(response.status, `${environment} ${method} ${path}`).toBe(404);
        expect(ErrorEnvelopeSchema.parse(await response.json()).error.code).toBe('NOT_FOUND');
      }
    }
  });
});

describe('deploy:check', () => {
  it('refuses the simulator config and any config naming the simulator, not the production one', () => {
    expect(simulatorRefusal('wrangler.simulator.jsonc', simulatorConfigText)).toMatch(/never deployed/);
    expect(simulatorRefusal('other.jsonc', simulatorConfigText)).toMatch(/never deployed/);
    expect(simulatorRefusal('wrangler.jsonc', wranglerText)).toBeUndefined();
    expect(configArgument(['--config', 'wrangler.simulator.jsonc'])).toBe('wrangler.simulator.jsonc');
    expect(configArgument(['--config=x.jsonc'])).toBe('x.jsonc');
    expect(configArgument([])).toBe('wrangler.jsonc');
  });
});
