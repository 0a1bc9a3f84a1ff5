// generated/swift/Sources/BooksTrackContract/BooksTrackSupport.swift: the pieces every model file
// leans on and that the Swift guide used to have users write: JSONValue for open objects, the
// server's ISO 8601 timestamps (milliseconds included) as `Date`, the HTTP `Envelope<T>`, and an
// error type for the `ErrorEnvelope`. Fixed text: nothing here depends on the spec's values.
import { slashHeader, type HeaderInfo } from './header';

const JSON_VALUE = `/// Any JSON value; used for open objects (\`details\`) whose keys the contract does not fix.
public enum JSONValue: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case object([String: JSONValue])
    case array([JSONValue])
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an \`Int\` when it is a whole number in range.
    public var intValue: Int? {
        if case .number(let value) = self { return Int(exactly: value) }
        return nil
    }

    /// The number as an \`Int64\` when it is a whole number in range.
    public var int64Value: Int64? {
        if case .number(let value) = self { return Int64(exactly: value) }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// This value decoded as \`T\` (a documented object or array key), or nil when it is not one.
    public func decode<T: Decodable>(_ type: T.Type) -> T? {
        guard let data = try? JSONEncoder.bookstrack.encode(self) else { return nil }
        return try? JSONDecoder.bookstrack.decode(type, from: data)
    }
}
`;

const DATES = `/// The server's \`date-time\` strings: ISO 8601 in UTC with milliseconds (\`2025-11-20T10:00:00.042Z\`).
/// Parsing also accepts whole seconds (\`2025-11-20T10:00:00Z\`); formatting writes milliseconds.
public enum BooksTrackDate {
    /// ISO8601DateFormatter is thread-safe once configured; the two are never mutated after init.
    private final class Formatters: @unchecked Sendable {
        let fractional = ISO8601DateFormatter()
        let whole = ISO8601DateFormatter()

        init() {
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            whole.formatOptions = [.withInternetDateTime]
        }
    }

    private static let formatters = Formatters()

    public static func parse(_ text: String) -> Date? {
        formatters.fractional.date(from: text) ?? formatters.whole.date(from: text)
    }

    public static func string(from date: Date) -> String {
        formatters.fractional.string(from: date)
    }

    public static var decodingStrategy: JSONDecoder.DateDecodingStrategy {
        .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date-time: \\(text)")
            }
            return date
        }
    }

    public static var encodingStrategy: JSONEncoder.DateEncodingStrategy {
        .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(string(from: date))
        }
    }
}

extension JSONDecoder {
    /// A decoder for every BooksTrack body and frame: \`date-time\` strings become \`Date\`.
    public static var bookstrack: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = BooksTrackDate.decodingStrategy
        return decoder
    }
}

extension JSONEncoder {
    /// An encoder for BooksTrack requests and messages: \`Date\` as the server's ISO 8601 form.
    public static var bookstrack: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = BooksTrackDate.encodingStrategy
        return encoder
    }
}
`;

const ENVELOPE = `/// Body of every successful HTTP JSON response: \`{data, metadata}\`.
public struct Envelope<T: Decodable>: Decodable {
    public let data: T
    public let metadata: ResponseMetadata

    public init(data: T, metadata: ResponseMetadata) {
        self.data = data
        self.metadata = metadata
    }
}

extension Envelope: Sendable where T: Sendable {}
extension Envelope: Equatable where T: Equatable {}

extension ApiError: Error {}

/// A failed HTTP call: its status and the \`ErrorEnvelope\` (\`error.code\` is an \`ErrorCode\`).
public struct BooksTrackHTTPError: Error, Sendable, Equatable {
    public let status: Int
    public let error: ApiError
    public let metadata: ResponseMetadata

    public init(status: Int, error: ApiError, metadata: ResponseMetadata) {
        self.status = status
        self.error = error
        self.metadata = metadata
    }
}

public enum BooksTrackResponse {
    /// \`Envelope<T>.data\` of a 2xx body; any other status throws \`BooksTrackHTTPError\`.
    public static func decode<T: Decodable>(
        _ type: T.Type, status: Int, body: Data, decoder: JSONDecoder = .bookstrack
    ) throws -> T {
        guard (200..<300).contains(status) else {
            let envelope = try decoder.decode(ErrorEnvelope.self, from: body)
            throw BooksTrackHTTPError(status: status, error: envelope.error, metadata: envelope.metadata)
        }
        return try decoder.decode(Envelope<T>.self, from: body).data
    }
}
`;

export function emitSwiftSupport(header: HeaderInfo): string {
  return `${slashHeader(header)}\nimport Foundation\n\n${[JSON_VALUE, DATES, ENVELOPE].join('\n')}`;
}
