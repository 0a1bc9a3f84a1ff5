import { afterEach, describe, expect, it } from 'vitest';
import { csvImportPipeline } from '../../src/pipelines/csv';
import { overridePipelineForTests, resolvePipeline, type EnginePipeline } from '../../src/jobs/pipeline-registry';

const fake = { ...csvImportPipeline, stepSize: 1 } as EnginePipeline;

afterEach(() => overridePipelineForTests('csv_import', undefined));

describe('pipeline registry', () => {
  it('maps csv_import to the CSV pipeline', () => {
    expect(resolvePipeline('csv_import', { ENVIRONMENT: 'production' })).toBe(csvImportPipeline);
  });

  it('honours a test override only where ENVIRONMENT is test', () => {
    overridePipelineForTests('csv_import', fake);
    expect(resolvePipeline('csv_import', { ENVIRONMENT: 'test' })).toBe(fake);
    expect(resolvePipeline('csv_import', { ENVIRONMENT: 'production' })).toBe(csvImportPipeline);
    expect(resolvePipeline('csv_import', { ENVIRONMENT: 'development' })).toBe(csvImportPipeline);
  });

  it('hides a registered pipeline with null and restores it with undefined', () => {
    overridePipelineForTests('csv_import', null);
    expect(resolvePipeline('csv_import', { ENVIRONMENT: 'test' })).toBeUndefined();
    overridePipelineForTests('csv_import', undefined);
    expect(resolvePipeline('csv_import', { ENVIRONMENT: 'test' })).toBe(csvImportPipeline);
  });
});
