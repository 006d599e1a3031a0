/// An error that stops a command: what went wrong and where. Bad documents are not errors
/// (they become ``Rejection``s); these are for a database that cannot be opened, a config file
/// that does not parse, an output that cannot be written.
public struct WiretraceError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case io, configuration, database, usage, extraction, internalInvariant
        /// A file given as a database that is not a Wiretrace store (the CLI exits 65).
        case notAStore
        /// A database whose last run did not finish: its analysis is not of its documents.
        case incompleteRun
    }

    public var code: Code
    public var message: String
    /// The file, table or record concerned.
    public var location: String?
    /// The underlying error's description, if any.
    public var cause: String?

    public init(_ code: Code, _ message: String, location: String? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.cause = cause
    }

    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += message
        if let cause { text += " (\(cause))" }
        return text
    }
}
