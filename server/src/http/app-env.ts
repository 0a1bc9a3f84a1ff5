// The Hono environment shared by every route and middleware: Worker bindings plus per-request values.
import type { OperationId } from '@bookstrack/generated/operations';
import type { Env } from '../env';

export interface RequestVariables {
  /** Echoed in X-Request-Id and in every envelope's metadata.requestId. */
  requestId: string;
  /** The clock's time when the request arrived, for metadata.processingTime. */
  startedAt: number;
  /** Set by `operation()`; undefined for 404/405 and preflight answers. */
  operationId?: OperationId;
}

export interface AppEnv {
  Bindings: Env;
  Variables: RequestVariables;
}
