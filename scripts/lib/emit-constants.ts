// generated/constants.ts: token policy, close codes, limits and message tags, read from the
// x- extensions so the server never restates a wire constant (STYLE.md).
import type { ContractExtensions } from './contract-extensions';
import { slashHeader, type HeaderInfo } from './header';
import { camelToUpperSnake, textToUpperSnake } from './names';
import { tsKey, tsLiteral } from './zod-literal';

/** Constant names fixed by DESIGN.md where the extension key reads differently. */
const SUBPROTOCOL_NAMES: Record<string, string> = { versionProtocol: 'VERSION', deprecatedQueryParam: 'QUERY_PARAM' };
const WS_LIMIT_NAMES: Record<string, string> = { maxProgressMessagesPerSecond: 'WS_MAX_PROGRESS_PER_SECOND' };

/** `graceSeconds` → `TOKEN_GRACE_MS`; `resultsRetentionSeconds` → `RESULTS_RETENTION_MS`. */
export function policyMsName(key: string): string {
  const base = camelToUpperSnake(key.replace(/Seconds$/, ''));
  return `${base.startsWith('RESULTS_') ? '' : 'TOKEN_'}${base}_MS`;
}

function objectConst(entries: [string, unknown][], indent = '  '): string {
  return `{\n${entries.map(([key, value]) => `${indent}${tsKey(key)}: ${tsLiteral(value)},\n`).join('')}}`;
}

function arrayConst(values: readonly unknown[]): string {
  return `[\n${values.map((value) => `  ${tsLiteral(value)},\n`).join('')}]`;
}

function declare(doc: string, name: string, value: string, suffix = ' as const'): string {
  return `/** ${doc} */\nexport const ${name} = ${value}${suffix};\n`;
}

function tokenSection(ext: ContractExtensions): string[] {
  const ms = Object.entries(ext.tokenPolicy)
    .filter(([key]) => key.endsWith('Seconds'))
    .map(([key, seconds]) => `export const ${policyMsName(key)} = ${seconds * 1000};\n`);
  return [
    declare(
      'Token and results lifetimes in seconds (asyncapi info.x-token-policy).',
      'TOKEN_POLICY',
      objectConst(Object.entries(ext.tokenPolicy)),
    ),
    declare(
      'Server variable that overrides each TOKEN_POLICY value (local tests only).',
      'TOKEN_POLICY_VARS',
      objectConst(Object.entries(ext.tokenPolicyVars)),
    ),
    `/** TOKEN_POLICY values in milliseconds, for Date.now() arithmetic. */\n${ms.join('')}`,
  ];
}

function closeSection(ext: ContractExtensions): string[] {
  const reasons = ext.closeCodes
    .flatMap((entry) => entry.reasons)
    .map((reason): [string, string] => [textToUpperSnake(reason), reason]);
  const table = `[\n${ext.closeCodes
    .map((entry) => `  ${objectConst(Object.entries(entry), '    ').replace(/\}$/, '  }')},\n`)
    .join('')}]`;
  return [
    declare(
      'WebSocket close codes of the progress channel (x-close-codes): `sentBy` server ones this server sends, platform ones a client reads when Cloudflare ends the connection.',
      'CLOSE_CODES',
      objectConst(ext.closeCodes.map((entry) => [camelToUpperSnake(entry.name), entry.code])),
    ),
    'export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];\n',
    declare(
      'The full x-close-codes table: who sends each code, when, and what a client does (`reasonReconnect` overrides `reconnect` per reason).',
      'CLOSE_CODE_TABLE',
      table,
    ),
    declare(
      'Every close reason text the server sends, exactly as listed in x-close-codes.',
      'CLOSE_REASONS',
      objectConst(reasons),
    ),
    'export type CloseReason = (typeof CLOSE_REASONS)[keyof typeof CLOSE_REASONS];\n',
  ];
}

function errorSection(ext: ContractExtensions): string[] {
  return [
    declare('Contract error codes (ErrorCode enum).', 'ERROR_CODES', arrayConst(ext.errorCodes)),
    'export type ErrorCode = (typeof ERROR_CODES)[number];\n',
    declare(
      'Every error code by name, so server code writes ERROR_CODE.NOT_FOUND, never the string.',
      'ERROR_CODE',
      objectConst(ext.errorCodes.map((code): [string, string] => [code, code])),
      ' as const satisfies Record<ErrorCode, ErrorCode>',
    ),
    declare(
      'HTTP status of each error code (ErrorCode x-error-status).',
      'ERROR_STATUS',
      objectConst(Object.entries(ext.errorStatus)),
      ' as const satisfies Record<ErrorCode, number>',
    ),
    declare(
      'The WWW-Authenticate challenge of a 401, by the named examples of the spec header.',
      'AUTH_CHALLENGE',
      objectConst(
        Object.entries(ext.authChallenges).map(([name, value]): [string, string] => [camelToUpperSnake(name), value]),
      ),
    ),
  ];
}

function limitSection(ext: ContractExtensions): string[] {
  const http = Object.entries(ext.httpLimits).map(([key, value]): [string, number] => [camelToUpperSnake(key), value]);
  const ws = Object.entries(ext.wsLimits).map(([key, value]): [string, number] => [
    WS_LIMIT_NAMES[key] ?? `WS_${camelToUpperSnake(key)}`,
    value,
  ]);
  const rate = Object.entries(ext.rateLimit).map(([key, value]): [string, unknown] => [camelToUpperSnake(key), value]);
  const subprotocol = Object.entries(ext.subprotocol).map(([key, value]): [string, string] => [
    SUBPROTOCOL_NAMES[key] ?? camelToUpperSnake(key),
    value,
  ]);
  return [
    declare(
      'Size and count limits: HTTP (openapi info.x-limits) and WebSocket (channel x-limits, WS_ prefix).',
      'LIMITS',
      objectConst([...http, ...ws]),
    ),
    declare(
      'Job-start rate limit per client (x-rate-limit of the job-start operations).',
      'RATE_LIMIT',
      objectConst(rate),
    ),
    declare('Sec-WebSocket-Protocol conventions (jobToken x-subprotocol).', 'SUBPROTOCOL', objectConst(subprotocol)),
  ];
}

function messageSection(ext: ContractExtensions): string[] {
  const all = [...ext.clientMessageTypes, ...ext.serverMessageTypes];
  return [
    declare(
      '`type` tags of client → server messages (ClientMessage).',
      'CLIENT_MESSAGE_TYPES',
      arrayConst(ext.clientMessageTypes),
    ),
    'export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];\n',
    declare(
      '`type` tags of server → client messages (ServerMessage).',
      'SERVER_MESSAGE_TYPES',
      arrayConst(ext.serverMessageTypes),
    ),
    'export type ServerMessageType = (typeof SERVER_MESSAGE_TYPES)[number];\n',
    declare(
      "Server replies to one socket (x-per-connection): they carry the job's last broadcast `seq` without advancing it.",
      'PER_CONNECTION_MESSAGE_TYPES',
      arrayConst(ext.perConnectionMessageTypes),
      ' as const satisfies readonly ServerMessageType[]',
    ),
    declare(
      'Every message `type` tag by UPPER_SNAKE name.',
      'MESSAGE_TYPE',
      objectConst(all.map((type) => [textToUpperSnake(type), type])),
    ),
    declare('Job kinds (PipelineType enum).', 'PIPELINES', arrayConst(ext.pipelines)),
    'export type Pipeline = (typeof PIPELINES)[number];\n',
    declare(
      'Job statuses after which a job runs no more steps and sends no more live frames (JobStatus x-terminal).',
      'TERMINAL_JOB_STATUSES',
      arrayConst(ext.terminalJobStatuses),
    ),
    'export type TerminalJobStatus = (typeof TERMINAL_JOB_STATUSES)[number];\n',
  ];
}

export function emitConstants(ext: ContractExtensions, header: HeaderInfo): string {
  const sections = [
    [
      declare(
        'Contract version: info.version of openapi.json and asyncapi.json, sent as `version` in every server message.',
        'CONTRACT_VERSION',
        tsLiteral(ext.contractVersion),
        '',
      ),
    ],
    tokenSection(ext),
    closeSection(ext),
    errorSection(ext),
    limitSection(ext),
    messageSection(ext),
  ];
  return `${slashHeader(header)}\n${sections.map((section) => section.join('\n')).join('\n')}`;
}
