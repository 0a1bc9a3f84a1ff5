// generated/swift/Sources/BooksTrackContract/BooksTrackContract.swift: the contract's x- extension
// values for Swift (close codes with each one's client action, subprotocol names, token policy,
// limits, error-code statuses, terminal job statuses), so an app never restates a wire constant.
import type { CloseCode, ContractExtensions } from './contract-extensions';
import { slashHeader, type HeaderInfo } from './header';
import { textToUpperSnake } from './names';
import { enumCases } from './swift-enum';
import { escapeReserved, swiftCaseName, swiftString } from './swift-names';

/** `none` would read as `Optional.none` wherever a policy is optional; it means "do not reconnect". */
const RECONNECT_CASES: Record<string, string> = { none: 'stop' };
const reconnectCase = (policy: string): string => RECONNECT_CASES[policy] ?? swiftCaseName(policy);
const RECONNECT_DOCS: Record<string, string> = {
  none: 'Do not reconnect (the job ended, or the client must be fixed).',
  after_delay: 'Reconnect once after `retryAfterMs` plus a random delay up to `retryJitterMs`.',
  backoff: 'Back off exponentially, fetch the job state, reconnect while the job runs.',
  new_token: 'Reconnect only with a newer token (`token_refreshed` or POST /api/token/refresh).',
};

function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : swiftString(value);
}

/** `public enum Name { public static let key = value ... }` for a flat record of constants. */
function constantsEnum(doc: string, name: string, record: Record<string, string | number>, extra = ''): string {
  const lines = Object.entries(record).map(
    ([key, value]) =>
      `    public static let ${escapeReserved(key)}${typeof value === 'number' ? ': Int' : ''} = ${literal(value)}\n`,
  );
  return `/// ${doc}\npublic enum ${name} {\n${lines.join('')}${extra}}\n`;
}

/** `switch self { case .a: return x ... }` over the close codes. */
function perCode(codes: CloseCode[], value: (entry: CloseCode) => string): string {
  const cases = codes.map((entry) => `        case .${entry.name}: return ${value(entry)}\n`).join('');
  return `        switch self {\n${cases}        }\n`;
}

function closeCodeSection(codes: CloseCode[]): string {
  const policies = [...new Set(['none', 'after_delay', 'backoff', 'new_token', ...codes.map((c) => c.reconnect)])];
  const policyEnum =
    '/// What a client does after a close (x-close-codes `reconnect`).\n' +
    'public enum ReconnectPolicy: String, Sendable, CaseIterable {\n' +
    policies
      .map((p) => `    /// ${RECONNECT_DOCS[p] ?? p}\n    case ${reconnectCase(p)} = ${swiftString(p)}\n`)
      .join('') +
    '}\n';
  const senderEnum =
    '/// Who ends a connection with a close code (x-close-codes `sentBy`).\npublic enum CloseSender: String, Sendable {\n' +
    '    /// This server closes with the code and one of its `reasons`.\n    case server\n' +
    '    /// The platform ends the connection (no close frame); the server sends nothing.\n    case platform\n}\n';
  const reasons = [...new Set(codes.flatMap((entry) => entry.reasons))];
  const reasonEnum =
    '/// Every close reason text the server sends, exactly as listed in x-close-codes.\n' +
    'public enum CloseReason: String, Sendable, CaseIterable {\n' +
    reasons.map((r) => `    case ${swiftCaseName(textToUpperSnake(r))} = ${swiftString(r)}\n`).join('') +
    '}\n';
  const optionalInt = (value: number | undefined): string => (value === undefined ? 'nil' : String(value));
  const overrides = codes.flatMap((entry) =>
    Object.entries(entry.reasonReconnect ?? {}).map(
      ([reason, policy]) => `        case (.${entry.name}, ${swiftString(reason)}): return .${reconnectCase(policy)}\n`,
    ),
  );
  const codeEnum =
    '/// WebSocket close codes of the progress channel (x-close-codes) and the client action of each.\n' +
    '/// `CloseCode(rawValue: task.closeCode.rawValue)` is nil for a code the contract does not list.\n' +
    'public enum CloseCode: Int, Sendable, CaseIterable {\n' +
    codes
      .map((entry) => `    /// ${entry.when.replace(/\s+/g, ' ').trim()}\n    case ${entry.name} = ${entry.code}\n`)
      .join('') +
    '\n    /// Who sends this code.\n    public var sentBy: CloseSender {\n' +
    perCode(codes, (entry) => `.${entry.sentBy}`) +
    '    }\n\n    /// What the client does, in words (x-close-codes `clientAction`).\n    public var clientAction: String {\n' +
    perCode(codes, (entry) => swiftString(entry.clientAction)) +
    "    }\n\n    /// The code's reconnect policy; see `policy(forReason:)` for reasons that differ.\n" +
    '    public var reconnect: ReconnectPolicy {\n' +
    perCode(codes, (entry) => `.${reconnectCase(entry.reconnect)}`) +
    '    }\n\n    /// Milliseconds to wait before reconnecting, when the code states a delay.\n    public var retryAfterMs: Int? {\n' +
    perCode(codes, (entry) => optionalInt(entry.retryAfterMs)) +
    '    }\n\n    /// Upper bound of a random delay added to `retryAfterMs`, when stated.\n    public var retryJitterMs: Int? {\n' +
    perCode(codes, (entry) => optionalInt(entry.retryJitterMs)) +
    '    }\n\n    /// The exact reason texts the server sends with this code (none for platform codes).\n' +
    '    public var reasons: [CloseReason] {\n' +
    perCode(codes, (entry) => `[${entry.reasons.map((r) => `.${swiftCaseName(textToUpperSnake(r))}`).join(', ')}]`) +
    '    }\n\n    /// The policy for one close reason: x-close-codes `reasonReconnect` overrides `reconnect`.\n' +
    '    public func policy(forReason reason: String) -> ReconnectPolicy {\n' +
    '        switch (self, reason) {\n' +
    overrides.join('') +
    '        default: return reconnect\n        }\n    }\n\n' +
    '    /// `retryAfterMs` plus `jitterFraction` (0..<1, e.g. `Double.random(in: 0..<1)`) of `retryJitterMs`.\n' +
    '    public func retryDelayMs(jitterFraction: Double) -> Int? {\n' +
    '        guard let delay = retryAfterMs else { return nil }\n' +
    '        return delay + Int(Double(retryJitterMs ?? 0) * min(max(jitterFraction, 0), 1))\n    }\n}\n';
  return [policyEnum, senderEnum, reasonEnum, codeEnum].join('\n');
}

function subprotocolSection(subprotocol: Record<string, string>): string {
  const { versionProtocol, authPrefix } = subprotocol;
  if (!versionProtocol || !authPrefix) throw new Error('x-subprotocol needs versionProtocol and authPrefix');
  return constantsEnum(
    'Sec-WebSocket-Protocol conventions (jobToken x-subprotocol): the token travels as a subprotocol.',
    'Subprotocol',
    subprotocol,
    '\n    /// The protocols to offer when connecting: the version protocol and the auth entry for `token`.\n' +
      '    public static func protocols(token: String) -> [String] {\n' +
      '        [versionProtocol, authPrefix + token]\n    }\n',
  );
}

function errorStatusSection(ext: ContractExtensions): string {
  const cases = enumCases(ext.errorCodes)
    .map((c) => `        case .${c.caseName}: return ${ext.errorStatus[c.value]}\n`)
    .join('');
  const terminal = enumCases(ext.terminalJobStatuses)
    .map((c) => `.${c.caseName}`)
    .join(', ');
  return (
    'extension ErrorCode {\n    /// HTTP status of this code (ErrorCode x-error-status); nil for a code this version does not know.\n' +
    `    public var httpStatus: Int? {\n        switch self {\n${cases}        case .unknown: return nil\n        }\n    }\n}\n\n` +
    'extension JobStatus {\n    /// True for the statuses that end a job (JobStatus x-terminal).\n' +
    `    public var isTerminal: Bool {\n        switch self {\n        case ${terminal}: return true\n        default: return false\n        }\n    }\n}\n`
  );
}

export function emitSwiftContract(ext: ContractExtensions, header: HeaderInfo): string {
  const sections = [
    `/// The contract version these models were generated from (info.version).\npublic enum BooksTrackContractVersion {\n    public static let current = ${swiftString(ext.contractVersion)}\n}\n`,
    closeCodeSection(ext.closeCodes),
    subprotocolSection(ext.subprotocol),
    constantsEnum(
      'Token and results lifetimes in seconds (asyncapi info.x-token-policy).',
      'TokenPolicy',
      ext.tokenPolicy,
    ),
    constantsEnum('HTTP size and count limits (openapi info.x-limits).', 'HTTPLimits', ext.httpLimits),
    constantsEnum('WebSocket limits of the progress channel (channel x-limits).', 'WebSocketLimits', ext.wsLimits),
    constantsEnum(
      'Job-start rate limit per client (x-rate-limit of the job-start operations).',
      'RateLimit',
      ext.rateLimit,
    ),
    errorStatusSection(ext),
  ];
  return `${slashHeader(header)}\nimport Foundation\n\n${sections.join('\n')}`;
}
