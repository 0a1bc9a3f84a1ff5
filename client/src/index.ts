// Public entry of @bookstrack/client: the typed HTTP client, the progress socket client, and the
// generated contract types re-exported so an app imports everything from one place: what it
// receives as the readers' types (unknown fields kept, unknown enum values as `Unknown`), what it
// sends (request bodies, client messages) as the strict writer types.
export { BooksTrackApi, type BooksTrackApiOptions, type SuccessOf } from './api-client';
export { BooksTrackApiError, ContractViolationError } from './api-error';
export {
  backoffDelayMs,
  closeEntryFor,
  decideClose,
  DEFAULT_BACKOFF,
  reconnectPolicyFor,
  retryDelayMs,
  type BackoffOptions,
  type CloseCodeEntry,
  type CloseDecision,
  type CloseOptions,
  type ReconnectPolicy,
} from './close-policy';
export { decodeServerFrame, type DecodedFrame, type FrameIssue } from './frame-decoder';
export {
  CLIENT_DROP_CLOSE_CODE,
  ProgressSocketClient,
  type ProgressSocketOptions,
  type SocketPhase,
} from './progress-socket-client';
export { SeqTracker, type SeqCheck } from './seq-tracker';
export { refreshingTokenProvider } from './token-provider';
export type {
  CloseCause,
  JobStateReader,
  ProgressSocketEvents,
  Scheduler,
  TokenProvider,
  TokenRequest,
  WebSocketConstructorLike,
  WebSocketLike,
} from './socket-types';
export {
  CLOSE_CODE_TABLE,
  CLOSE_CODES,
  CLOSE_REASONS,
  CONTRACT_VERSION,
  LIMITS,
  MESSAGE_TYPE,
  PER_CONNECTION_MESSAGE_TYPES,
  SERVER_MESSAGE_TYPES,
  SUBPROTOCOL,
  TERMINAL_JOB_STATUSES,
} from '@bookstrack/generated/constants';
export * as readers from '@bookstrack/generated/readers';
export { isUnknown } from '@bookstrack/generated/readers';
export type * from '@bookstrack/generated/readers';
export type {
  BookQuery,
  CancelMessage,
  ClientMessage,
  CsvImportRequest,
  EnrichmentBatchRequest,
  ReadyMessage,
  ScanBatchRequest,
  ScanImage,
  TokenRefreshRequest,
} from '@bookstrack/generated/schemas';
