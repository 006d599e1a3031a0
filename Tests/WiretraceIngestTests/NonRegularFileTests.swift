import Foundation
import Testing
import WiretraceCore
@testable import WiretraceIngest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A FIFO, socket or device among the inputs is refused as `not-a-regular-file` without being
/// opened: opening a FIFO waits for a writer, so before this a FIFO in an input directory (or
/// given by name) blocked `run` and `extract` forever.
@Suite struct NonRegularFileTests {
    /// Runs `work` on another thread. If it is still blocked after `seconds`, opens each FIFO for
    /// writing and closes it (a blocked `open` then returns and reads end of file), so a
    /// regression fails the test instead of hanging the suite; returns nil in that case.
    static func withDeadline<T>(fifos: [String], seconds: Double = 10, _ work: @escaping @Sendable () -> T) -> T? {
        let box = DeadlineBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = work()
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .success { return box.value }
        for fifo in fifos {
            let descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
        }
        _ = done.wait(timeout: .now() + seconds)
        return nil
    }

    /// Everything `DocumentReader` yields for `inputs`, or nil when reading blocked.
    static func readWithDeadline(_ inputs: [String], fifos: [String]) -> [IngestItem]? {
        withDeadline(fifos: fifos) {
            var items: [IngestItem] = []
            DocumentReader(inputs: inputs).read { items.append($0) }
            return items
        }
    }

    @Test func aFIFOInAnInputDirectoryIsRejectedWithoutBlocking() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("a.jsonl", #"{"id": "a-1", "text": "A ferry line reopens after the winter storms."}"# + "\n")
        try scratch.write("c.jsonl", #"{"id": "c-1", "text": "The county library extends its opening hours."}"# + "\n")
        let fifo = scratch.path + "/b.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)

        let items = try #require(Self.readWithDeadline([scratch.path], fifos: [fifo]), "reading blocked on the FIFO")
        let ids = items.compactMap { item -> String? in if case .document(let raw) = item { raw.id } else { nil } }
        #expect(ids == ["a-1", "c-1"])
        let rejections = items.compactMap { item -> Rejection? in if case .rejected(let r) = item { r } else { nil } }
        #expect(rejections.count == 1)
        #expect(rejections.first?.reason == .notARegularFile)
        #expect(rejections.first?.location.file == fifo)
        #expect(rejections.first?.message.contains("FIFO") == true)
    }

    @Test func aFIFOGivenByNameIsRejectedWithoutBlocking() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.path + "/feed.html"
        #expect(mkfifo(fifo, 0o600) == 0)
        let good = try scratch.write("page.html", "<html><body><article><p>Harbour cranes are replaced after forty years of service.</p></article></body></html>")

        let items = try #require(Self.readWithDeadline([fifo, good], fifos: [fifo]), "reading blocked on the FIFO")
        #expect(items.count == 2)
        guard case .rejected(let rejection) = items.first else {
            Issue.record("the FIFO was not rejected: \(items)")
            return
        }
        #expect(rejection.reason == .notARegularFile)
        #expect(rejection.location.file == fifo)
        if case .document(let raw) = items.last { #expect(raw.id == "page.html") } else { Issue.record("page not read") }
    }

    @Test func aSymbolicLinkToAFIFOIsRejectedToo() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.path + "/real-fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createDirectory(atPath: scratch.path + "/in", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/in/link.jsonl", withDestinationPath: fifo)

        let items = try #require(Self.readWithDeadline([scratch.path + "/in"], fifos: [fifo]), "reading blocked on the FIFO")
        #expect(items.count == 1)
        if case .rejected(let rejection) = items.first { #expect(rejection.reason == .notARegularFile) } else {
            Issue.record("not rejected: \(items)")
        }
    }

    @Test func aCharacterDeviceIsRejectedWithoutBeingRead() throws {
        // /dev/zero never ends: read as a page it would be streamed until the size cap.
        let items = try #require(Self.readWithDeadline(["/dev/zero"], fifos: []))
        #expect(items.count == 1)
        if case .rejected(let rejection) = items.first {
            #expect(rejection.reason == .notARegularFile)
            #expect(rejection.message.contains("character device"))
        } else {
            Issue.record("not rejected: \(items)")
        }
    }

    @Test func theFileSourceRefusesAFIFOOnTheOpenDescriptor() throws {
        // The walk looked before the file was swapped: the open itself must not block either.
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let fifo = scratch.path + "/swapped.jsonl"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reason = Self.withDeadline(fifos: [fifo]) { () -> RejectReason? in
            do {
                _ = try FileChunkSource(path: fifo)
                return nil
            } catch let failure as IngestFailure {
                return failure.reason
            } catch {
                return nil
            }
        }
        #expect(reason == .notARegularFile, "opened (or blocked on) a FIFO as a file")
    }
}

/// The result slot of ``NonRegularFileTests/withDeadline(fifos:seconds:_:)``: written by the
/// worker thread before it signals, read after the wait.
final class DeadlineBox<T>: @unchecked Sendable {
    var value: T?
}
