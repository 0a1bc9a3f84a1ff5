import { describe, expect, it } from 'vitest';
import { formatChanges } from './compare-specs';

describe('formatChanges', () => {
  it('prints a change of one schema met at many locations once, with the count of the others', () => {
    const lines = formatChanges([
      {
        location: 'POST /a 202 application/json.metadata.requestId',
        message: 'field "requestId" removed',
        origin: 'schemas/ResponseMetadata.yaml#',
      },
      {
        location: 'POST /b 400 application/json.metadata.requestId',
        message: 'field "requestId" removed',
        origin: 'schemas/ResponseMetadata.yaml#',
      },
      { location: 'GET /c', message: 'operation getC removed' },
    ]);
    expect(lines).toEqual([
      'POST /a 202 application/json.metadata.requestId: field "requestId" removed (spec/schemas/ResponseMetadata.yaml#) [and 1 more location(s) using the same schema]',
      'GET /c: operation getC removed',
    ]);
  });
});
