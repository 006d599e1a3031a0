internal import CSQLite
import WiretraceCore

/// The one owner of a raw `sqlite3*` handle. Not `Sendable`: a connection stays on the thread
/// that opened it. All pointer handling of the store is fenced in this file.
final class SQLiteConnection {
    private let handle: OpaquePointer
    let path: String

    /// How a connection opens its file.
    enum Mode {
        /// Read and write, creating the file when it does not exist.
        case readWrite
        /// Read only: never creates, migrates or changes the file.
        case readOnly
        /// Read only, for a file whose directory cannot be written either (no `-shm` file can be
        /// made): SQLite then assumes nobody writes the file while it is open.
        case immutable
    }

    init(path: String, mode: Mode = .readWrite) throws {
        var db: OpaquePointer?
        let flags: Int32
        let name: String
        switch mode {
        case .readWrite:
            flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
            name = path
        case .readOnly:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            name = path
        case .immutable:
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
            name = "file:" + Self.uriEscaped(path) + "?immutable=1"
        }
        let status = sqlite3_open_v2(name, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw WiretraceError(.database, "cannot open database", location: path, cause: message)
        }
        handle = db
        self.path = path
        self.mode = mode
        sqlite3_busy_timeout(db, 5_000)
    }

    let mode: Mode

    /// `path` as the path part of a `file:` URI: `%`, `?` and `#` (and controls) percent-encoded.
    private static func uriEscaped(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F...:
                let hex = String(byte, radix: 16, uppercase: true)
                result += (hex.count == 1 ? "%0" : "%") + hex
            default:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }

    deinit { sqlite3_close_v2(handle) }

    private func error(_ what: String, sql: String? = nil) -> WiretraceError {
        let message = String(cString: sqlite3_errmsg(handle))
        var location = path
        if let sql { location += " [\(sql.prefix(80))]" }
        return WiretraceError(.database, what, location: location, cause: message)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &errorMessage) != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(errorMessage)
            throw WiretraceError(.database, "statement failed", location: "\(path) [\(sql.prefix(80))]", cause: message)
        }
    }

    /// `PRAGMA`-style single integer, or nil when the statement returns no row.
    func scalarInt(_ sql: String) throws -> Int? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int(0) : nil
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error("cannot prepare statement", sql: sql)
        }
        return SQLiteStatement(handle: statement, connection: self, sql: sql)
    }

    /// Transactions open on this connection: a nested `transaction` joins the outer one.
    private var transactionDepth = 0

    /// Runs `body` inside one transaction: committed if it returns, rolled back if it throws.
    /// Called inside another transaction, `body` becomes part of it (committed or rolled back
    /// with it).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    fileprivate func stepError(_ sql: String) -> WiretraceError { error("statement failed", sql: sql) }

    fileprivate func bindError(_ sql: String, index: Int32, status: Int32) -> WiretraceError {
        let reason = String(cString: sqlite3_errstr(status))
        return WiretraceError(.database, "cannot bind parameter \(index)", location: "\(path) [\(sql.prefix(80))]", cause: reason)
    }
}

/// A prepared statement. Bind with 1-based indices; `step()` returns true while rows come.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private unowned let connection: SQLiteConnection
    private let sql: String

    fileprivate init(handle: OpaquePointer, connection: SQLiteConnection, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// The first failed bind since the last reset: ``step()`` throws it instead of running the
    /// statement with a missing value.
    private var bindFailure: (index: Int32, status: Int32)?

    func reset() {
        // sqlite3_reset repeats the last step's error, which step() already threw.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        bindFailure = nil
    }

    private func check(_ index: Int32, _ status: Int32) {
        if status != SQLITE_OK, bindFailure == nil { bindFailure = (index, status) }
    }

    /// Binds text by its UTF-8 byte length, so a NUL inside the value is kept (a C-string bind
    /// would cut the value there).
    func bind(_ index: Int32, _ value: String?) {
        guard var value else {
            check(index, sqlite3_bind_null(handle, index))
            return
        }
        let status = value.withUTF8 { bytes -> Int32 in
            guard bytes.count <= Int(Int32.max) else { return SQLITE_TOOBIG }
            // An empty buffer may have no address, and a null pointer would bind SQL NULL.
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, wiretrace_sqlite_transient())
            }
            return UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), wiretrace_sqlite_transient())
            }
        }
        check(index, status)
    }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { check(index, sqlite3_bind_int64(handle, index, Int64(value))) } else { check(index, sqlite3_bind_null(handle, index)) }
    }

    func bind(_ index: Int32, _ value: Int64) { check(index, sqlite3_bind_int64(handle, index, value)) }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { check(index, sqlite3_bind_double(handle, index, value)) } else { check(index, sqlite3_bind_null(handle, index)) }
    }

    /// Binds bytes by their length; an empty array binds a zero-length blob, not NULL.
    func bind(_ index: Int32, blob value: [UInt8]) {
        let status = value.withUnsafeBytes { buffer -> Int32 in
            guard buffer.count <= Int(Int32.max) else { return SQLITE_TOOBIG }
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob(handle, index, start, Int32(buffer.count), wiretrace_sqlite_transient())
        }
        check(index, status)
    }

    /// Binds all values in order, starting at index 1.
    func bind(_ values: [SQLValue]) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .null: check(index, sqlite3_bind_null(handle, index))
            case .int(let v): check(index, sqlite3_bind_int64(handle, index, v))
            case .double(let v): check(index, sqlite3_bind_double(handle, index, v))
            case .text(let v): bind(index, v)
            case .blob(let v): bind(index, blob: v)
            }
        }
    }

    @discardableResult
    func step() throws -> Bool {
        if let failure = bindFailure {
            throw connection.bindError(sql, index: failure.index, status: failure.status)
        }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.stepError(sql)
        }
    }

    /// Binds, steps to completion, and resets: for INSERT/UPDATE/DELETE.
    func run(_ values: [SQLValue]) throws {
        reset()
        bind(values)
        while try step() {}
    }

    /// Reads text by its byte length (a NUL inside the value is kept); invalid UTF-8 becomes U+FFFD.
    func string(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        // sqlite3_column_text before sqlite3_column_bytes: the count is of the converted text.
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func int(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func blob(_ column: Int32) -> [UInt8] {
        // sqlite3_column_blob before sqlite3_column_bytes, as SQLite documents.
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}

/// A value to bind.
enum SQLValue {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    static func optional(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    static func optional(_ value: Int?) -> SQLValue { value.map { .int(Int64($0)) } ?? .null }
    static func optional(_ value: Double?) -> SQLValue { value.map { .double($0) } ?? .null }
}
