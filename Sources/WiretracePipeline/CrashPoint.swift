import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Test-only crash points, so that tests can show a run survives `kill -9` anywhere.
///
/// `WIRETRACE_TEST_KILL_AT=<stage>[:<n>]` makes the process raise SIGKILL on itself the n-th time
/// (default: the first) it reaches `<stage>`. Stages: `ingest` (after an ingest batch is
/// committed), `lsh` (after a batch of recomputed band keys is committed, and once the band
/// index is loaded, before any candidate is verified), `cluster` (stories computed,
/// nothing of the analysis written), `commit` (inside the final transaction, every row written,
/// before COMMIT). Unset, a crash point is one dictionary lookup. Not for users: nothing but the
/// end-to-end tests should set it.
enum CrashPoint {
    private static let target: (stage: String, count: Int)? = {
        guard let value = ProcessInfo.processInfo.environment["WIRETRACE_TEST_KILL_AT"], !value.isEmpty else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1)
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
    }()
    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var reached = 0
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            reached += 1
            return reached
        }
    }

    /// Kills the process if it is the configured crash point's turn.
    static func reach(_ stage: String) {
        guard let target, target.stage == stage, counter.increment() == target.count else { return }
        raise(SIGKILL)
    }
}
