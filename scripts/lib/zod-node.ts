// What the zod emitters for one schema node share: the context naming referenced schemas, the
// callback that writes a child node and the unknown-keyword guard. zod-object and zod-union get the
// callback from zod-expression instead of importing it, so the three modules form no import cycle.
import { unknownKeywords, type JsonSchema } from './json-schema';

export interface ZodContext {
  /** Source that references the named schema (`WorkDTOSchema`, or a lazy wrapper in a cycle). */
  ref(typeName: string): string;
  /** The named schema's definition, for union members that are `$ref`s. */
  resolve(typeName: string): JsonSchema | undefined;
  /**
   * Reader mode (generated/readers.ts, for clients): closed objects keep unknown properties and
   * string enums map an unknown value to `{ unknown: value }`. Strict when absent.
   */
  isReader?: boolean;
}

/** Zod source for a child node: zodExpression with the parent's context bound. */
export type ZodChild = (schema: JsonSchema, where: string, indent: string) => string;

export function expectOnly(schema: JsonSchema, handled: readonly string[], where: string): void {
  const extra = unknownKeywords(schema, handled);
  if (extra.length > 0) throw new Error(`${where}: unsupported keyword(s) ${extra.join(', ')}`);
}
