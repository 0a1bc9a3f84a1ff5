// generated/openapi-types.ts: openapi-typescript's `paths`/`components`/`operations` types for
// clients that want the OpenAPI view rather than the zod one.
import openapiTS, { astToString } from 'openapi-typescript';
import { slashHeader, type HeaderInfo } from './header';
import type { JsonSchema } from './json-schema';

export async function emitOpenApiTypes(openapi: JsonSchema, header: HeaderInfo): Promise<string> {
  // A deep copy: openapi-typescript annotates the document it is given.
  const ast = await openapiTS(structuredClone(openapi) as unknown as Parameters<typeof openapiTS>[0], { silent: true });
  return `${slashHeader(header)}\n${astToString(ast)}`;
}
