import Foundation
import Testing
import WiretraceCore
@testable import WiretraceStore

/// The store's edges with the outside: values SQLite must keep byte for byte, files that are not
/// Wiretrace stores, read-only opens, and runs that did not finish.
@Suite struct StoreBoundaryTests {
    typealias Support = WiretraceStoreTests

    // MARK: Text and blobs bound and read by length

    @Test func idsThatDifferOnlyAfterANulAreTwoDocuments() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        let outcomes = try store.store(
            [Support.document("nul\u{0}one", text: "First\u{0}text"), Support.document("nul\u{0}two", text: "Second")], run: run)
        #expect(outcomes.count == 2)
        #expect(try store.documentCount() == 2)
        let first = try #require(try store.article("nul\u{0}one"))
        #expect(first.id == "nul\u{0}one")
        #expect(first.text == "First\u{0}text")
        #expect(try store.article("nul\u{0}two")?.text == "Second")
        #expect(try store.article("nul") == nil)
        var ids: [String] = []
        try store.forEachSignature { id, _, _, _ in ids.append(id) }
        #expect(ids == ["nul\u{0}one", "nul\u{0}two"])
    }

    @Test func emptyTextStaysEmptyNotNull() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        var document = Support.document("empty", text: "")
        document.signature = []
        try store.store([document], run: run)
        #expect(try store.article("empty")?.text == "")
        try store.forEachSignature { _, _, _, bytes in #expect(bytes.isEmpty) }
    }

    @Test func nonASCIITextRoundTrips() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        let text = "Мин Аунг Хлайн сказал: «Спасибо». 敏昂莱表示：“感谢” 🇲🇲"
        try store.store([Support.document("ru", text: text)], run: run)
        #expect(try store.article("ru")?.text == text)
    }

    // MARK: Files that are not Wiretrace stores

    /// A SQLite file made by another program, with one table and WAL off.
    static func foreignDatabase(applicationID: Int? = nil) throws -> String {
        let path = Support.temporaryPath()
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE contacts(name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '555')")
        if let applicationID { try connection.execute("PRAGMA application_id = \(applicationID)") }
        return path
    }

    @Test(arguments: [nil, 0x1234_5678])
    func aSQLiteFileOfAnotherProgramIsRefusedAndLeftUntouched(applicationID: Int?) throws {
        let path = try Self.foreignDatabase(applicationID: applicationID)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for access in [WiretraceStore.Access.readWrite, .readOnly] {
            let error = #expect(throws: WiretraceError.self) { _ = try WiretraceStore(path: path, access: access) }
            #expect(error?.code == .notAStore)
            #expect(error?.description.contains(path) == true)
            #expect(error?.description.contains("contacts") == true || applicationID != nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let check = try SQLiteConnection(path: path, mode: .readOnly)
        #expect(try check.scalarInt("SELECT count(*) FROM sqlite_master") == 1)
        let mode = try check.prepare("PRAGMA journal_mode")
        #expect(try mode.step() && mode.string(0) == "delete")
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: WiretraceError.self) { _ = try WiretraceStore(path: path) }
        #expect(error?.code == .notAStore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try WiretraceStore(path: path)
        #expect(try store.documentCount() == 0)
        #expect(try store.scalarInt("PRAGMA application_id") == WiretraceStore.applicationID)
    }

    @Test func aStoreWrittenBeforeStoresWereMarkedIsAdopted() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try WiretraceStore(path: path)
            try store.connection.execute("PRAGMA application_id = 0")
        }
        let store = try WiretraceStore(path: path)
        #expect(try store.scalarInt("PRAGMA application_id") == WiretraceStore.applicationID)
    }

    // MARK: Read-only opens

    @Test func readOnlyOpenNeverCreatesOrWrites() throws {
        let missing = Support.temporaryPath()
        #expect(throws: WiretraceError.self) { _ = try WiretraceStore(path: missing, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let path = Support.temporaryPath()
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let store = try WiretraceStore(path: path)
            let run = try store.beginRun(inputs: [], parameters: "{}")
            try store.store([Support.document("a", text: "kept")], run: run)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try WiretraceStore(path: path, access: .readOnly)
        #expect(try reader.article("a")?.text == "kept")
        #expect(throws: WiretraceError.self) { _ = try reader.beginRun(inputs: [], parameters: "{}") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func immutableOpenReadsAStoreWhoseDirectoryCannotBeWritten() throws {
        // Root may write anywhere, so the fallback itself is exercised: the immutable mode reads
        // a WAL store without creating its -shm file.
        let path = Support.temporaryPath()
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let store = try WiretraceStore(path: path)
            let run = try store.beginRun(inputs: [], parameters: "{}")
            try store.store([Support.document("odd ?#% name", text: "kept")], run: run)
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        let connection = try SQLiteConnection(path: path, mode: .immutable)
        #expect(try connection.scalarInt("SELECT count(*) FROM documents") == 1)
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    // MARK: Runs that did not finish

    @Test func aRunThatDidNotFinishIsNeverReadAsComplete() throws {
        let path = Support.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        try store.requireFinishedRun()  // no run yet: nothing to contradict

        let first = try store.beginRun(inputs: ["x"], parameters: "{}")
        let running = #expect(throws: WiretraceError.self) { try store.requireFinishedRun() }
        #expect(running?.code == .incompleteRun)
        #expect(running?.message.contains("#\(first)") == true)

        try store.finishRun(first, counts: RunCounts())
        try store.requireFinishedRun()

        let second = try store.beginRun(inputs: ["y"], parameters: "{}")
        try store.finishRun(second, counts: RunCounts(), status: "failed")
        let failed = #expect(throws: WiretraceError.self) { try store.requireFinishedRun() }
        #expect(failed?.message.contains("failed") == true)

        _ = try store.markInterruptedRuns()
        let third = try store.beginRun(inputs: ["y"], parameters: "{}")
        try store.finishRun(third, counts: RunCounts())
        try store.requireFinishedRun()
    }
}
