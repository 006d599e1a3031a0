import Foundation

/// Progress lines on stderr ("ingest: 1,204 documents, 310 docs/s"), redrawn in place at most
/// a few times a second. Quiet unless enabled (the CLI enables it when stderr is a terminal).
public final class ProgressMeter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var stageStart = Date()
    private var stage = ""
    private var drew = false

    public init(enabled: Bool) { self.enabled = enabled }

    /// True when stderr is a terminal.
    public static var stderrIsTerminal: Bool { isatty(2) != 0 }

    func begin(_ stage: String) {
        lock.lock()
        defer { lock.unlock() }
        self.stage = stage
        stageStart = Date()
        lastDraw = .distantPast
    }

    /// Reports `done` items of `total` (when known) for the current stage.
    func update(done: Int, total: Int? = nil, unit: String = "documents") {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(stageStart), 0.001)
        let rate = Double(done) / elapsed
        var line = "\(stage): \(done)"
        if let total { line += "/\(total)" }
        line += " \(unit), \(Int(rate)) \(unit)/s"
        if let total, rate > 0, done < total {
            line += ", ETA \(Int((Double(total - done) / rate).rounded(.up)))s"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drew = true
    }

    /// Clears the progress line.
    func end() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drew { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drew = false
    }
}
