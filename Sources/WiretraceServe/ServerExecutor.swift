import Foundation

/// The thread the review server's tasks run on: its own, not Swift's cooperative pool.
///
/// The cooperative pool has one thread per core. Anything in the same process that blocks those
/// threads (a synchronous wait in a test running beside the server, a slow page built on an
/// actor) would otherwise stop every connection at once. With this executor as the server's task
/// executor preference, its accept loop, connections and the site actor keep running whatever
/// the pool is doing. One thread serves every server of the process: the work is I/O-bound and
/// the site answers one request at a time anyway.
final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    /// The one executor of the process, started on first use.
    static let shared = ServerExecutor(name: "wiretrace-serve")

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(name: String) {
        let thread = Thread { [unowned self] in self.loop() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: executor) }
        }
    }
}
