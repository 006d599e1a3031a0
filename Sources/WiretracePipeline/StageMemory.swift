import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The process's resident memory around the run's stages.
///
/// Between stages the heap's free memory is handed back to the system (`malloc_trim`): a stage
/// frees what it built (term vectors, candidate lists), but glibc keeps freed pages of its
/// arenas — one per worker thread — mapped, so the next stage's peak stood on the last one's.
///
/// With `WIRETRACE_STAGE_MEMORY` set, each stage's peak, end and after-trim resident size go to stderr
/// (a measurement aid for `Benchmarks/`; the peak is reset after each stage through
/// `/proc/self/clear_refs`).
enum StageMemory {
    static let reporting = ProcessInfo.processInfo.environment["WIRETRACE_STAGE_MEMORY"] != nil

    /// Called as a stage ends: reports it when asked, returns free heap memory, resets the peak.
    static func stageEnded(_ stage: String) {
        let status = reporting ? Self.status() : [:]
        _ = trim?(0)
        if reporting {
            // The end before and after the trim: what the stage left in use is the latter; the
            // former also counts freed pages glibc had kept.
            let trimmed = Self.status()
            FileHandle.standardError.write(Data(
                "stage \(stage): peak \(status["VmHWM"] ?? 0) MiB, end \(status["VmRSS"] ?? 0) MiB, after trim \(trimmed["VmRSS"] ?? 0) MiB\n".utf8))
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        }
    }

    /// Hands the heap's free memory back to the system now, inside a stage (nothing is reported
    /// or reset).
    static func releaseFreeMemory() {
        _ = trim?(0)
    }

    /// Inside a stage, when asked: the resident size now and the stage's peak so far, on stderr
    /// (nothing is trimmed or reset).
    static func probe(_ label: String) {
        guard reporting else { return }
        let status = Self.status()
        FileHandle.standardError.write(Data("  probe \(label): rss \(status["VmRSS"] ?? 0) MiB, peak \(status["VmHWM"] ?? 0) MiB\n".utf8))
    }

    /// glibc's `malloc_trim` (its header is not in the Glibc module), looked up once; nil elsewhere.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// VmHWM and VmRSS of /proc/self/status in MiB (empty where there is no such file).
    static func status() -> [String: Int] {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return [:] }
        var result: [String: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") || line.hasPrefix("VmRSS:") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
            if parts.count >= 2, let kib = Int(parts[1]) { result[String(parts[0])] = kib / 1024 }
        }
        return result
    }
}
