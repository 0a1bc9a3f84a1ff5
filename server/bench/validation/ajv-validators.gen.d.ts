// Types of ajv-validators.gen.js, which bench/validation/build-ajv.ts writes before each run: one
// ajv standalone validate function per bench case's `ajvExport`.
declare const validators: Record<string, (value: unknown) => boolean>;
export default validators;
