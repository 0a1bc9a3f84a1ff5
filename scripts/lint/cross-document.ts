// Lint step Spectral cannot do (it sees one document at a time): operationIds are unique across the
// OpenAPI and AsyncAPI documents together, so an id names one thing in docs, generated code and handlers.
// AsyncAPI 3 names operations by their key under `operations`.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitRef, type PathSegment } from '../core/json-pointer';
import type { Finding } from './finding';
import { locate, type SpecFile } from './spec-files';

export interface OperationIdSite {
  id: string;
  spec: SpecFile;
  path: PathSegment[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** operationIds of an OpenAPI path item (in the root's `paths` or in its own file). */
export function openApiOperationIds(spec: SpecFile, pathItem: unknown, at: PathSegment[]): OperationIdSite[] {
  const item = asRecord(pathItem);
  return HTTP_METHODS.flatMap((method) => {
    const id = asRecord(item[method]).operationId;
    return typeof id === 'string' ? [{ id, spec, path: [...at, method, 'operationId'] }] : [];
  });
}

/** Keys of `operations` in an AsyncAPI 3 document (plus any legacy `operationId` fields). */
export function asyncApiOperationIds(spec: SpecFile): OperationIdSite[] {
  const operations = asRecord(asRecord(spec.data).operations);
  return Object.entries(operations).flatMap(([key, operation]): OperationIdSite[] => {
    const sites: OperationIdSite[] = [{ id: key, spec, path: ['operations', key] }];
    const legacy = asRecord(operation).operationId;
    if (typeof legacy === 'string' && legacy !== key)
      sites.push({ id: legacy, spec, path: ['operations', key, 'operationId'] });
    return sites;
  });
}

export function findDuplicateOperationIds(sites: readonly OperationIdSite[]): Finding[] {
  const byId = new Map<string, OperationIdSite[]>();
  for (const site of sites) byId.set(site.id, [...(byId.get(site.id) ?? []), site]);
  return [...byId.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((site) => ({
        tool: 'bookstrack',
        rule: 'bookstrack-operation-id-unique-across-documents',
        severity: 'error' as const,
        message: `operationId "${site.id}" is used ${group.length} times across the OpenAPI and AsyncAPI documents`,
        file: site.spec.file,
        ...locate(site.spec, site.path),
      })),
    );
}

/** Sites of both documents; a path item given as `$ref` is read from its own file. */
export function collectOperationIds(
  openapi: SpecFile,
  asyncapi: SpecFile,
  load: (file: string) => SpecFile,
): OperationIdSite[] {
  const sites: OperationIdSite[] = [];
  for (const [path, item] of Object.entries(asRecord(asRecord(openapi.data).paths))) {
    const ref = asRecord(item).$ref;
    if (typeof ref === 'string') {
      const target = load(fileURLToPath(new URL(splitRef(ref).file, pathToFileURL(openapi.file))));
      sites.push(...openApiOperationIds(target, target.data, []));
    } else {
      sites.push(...openApiOperationIds(openapi, item, ['paths', path]));
    }
  }
  return [...sites, ...asyncApiOperationIds(asyncapi)];
}
