import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why driving the browser failed: what was being done, and what chromium last wrote on stderr.
struct DevToolsError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
    init(_ message: String) { self.message = message }
}

/// A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`):
/// commands are NUL-terminated JSON written to the browser's fd 3, answers and events are read
/// from its fd 4. No websocket, no port.
///
/// Every wait has a deadline; ``close()`` (also run by `deinit`) ends the browser's whole process
/// group, so no chromium outlives the test. Not `Sendable`: one test drives it from one thread.
final class DevToolsBrowser {
    /// Debian's chromium (the `/usr/bin` launcher `exec`s the browser, keeping fds 3 and 4), or nil
    /// when none is installed.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    private let process: ChildProcess
    private let profile: URL
    private let logPath: String
    private var nextID = 0
    private var received: [UInt8] = []
    /// Events read while waiting for something else, oldest first.
    private var events: [[String: Any]] = []
    private var closed = false

    /// Starts a headless browser with a fresh profile and a `width`×`height` window.
    init(width: Int = 1280, height: Int = 900) throws {
        guard let executable = Self.executable else { throw DevToolsError("no chromium installed") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        logPath = profile.path + ".log"
        process = try ChildProcess.spawnWithDevToolsPipe(
            executable,
            arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--window-size=\(width),\(height)", "--user-data-dir=\(profile.path)", "--remote-debugging-pipe",
                "about:blank",
            ],
            stderrPath: logPath)
    }

    deinit { close() }

    /// The browser's process group (its process id): every chromium process of this browser.
    var processGroup: pid_t { process.pid }

    /// Sends one command and returns its `result`, keeping the events that arrive meanwhile.
    /// Throws when the browser answers with an error, dies, or does not answer within `timeout` seconds.
    @discardableResult
    func call(_ method: String, _ parameters: [String: Any] = [:], session: String? = nil, timeout: Double = 60)
        throws -> [String: Any]
    {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        do { try process.writeCommand(bytes) } catch { throw failure("sending \(method): \(error)") }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let answer = try nextMessage(until: deadline, waitingFor: method)
            guard (answer["id"] as? Int) == id else {
                if answer["method"] != nil { events.append(answer) }
                continue
            }
            if let error = answer["error"] as? [String: Any] {
                throw failure("\(method) failed: \(error["message"] ?? error)")
            }
            return answer["result"] as? [String: Any] ?? [:]
        }
    }

    /// Forgets the events received so far (before an action whose events are then awaited).
    func discardEvents() { events.removeAll() }

    /// The first event named `method` (of `session`, when given) received since the last
    /// ``discardEvents()``, waiting up to `timeout` seconds for it.
    @discardableResult
    func waitForEvent(_ method: String, session: String? = nil, timeout: Double = 60) throws -> [String: Any] {
        func matches(_ event: [String: Any]) -> Bool {
            event["method"] as? String == method && (session == nil || event["sessionId"] as? String == session)
        }
        if let index = events.firstIndex(where: matches) { return events.remove(at: index) }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let message = try nextMessage(until: deadline, waitingFor: method)
            if matches(message) { return message }
            if message["method"] != nil { events.append(message) }
        }
    }

    /// Opens a new tab and attaches to it with a flat session (commands carry its `sessionId`).
    func openPage() throws -> DevToolsPage {
        let target = try call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw failure("Target.createTarget gave no targetId") }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw failure("Target.attachToTarget gave no sessionId") }
        let page = DevToolsPage(browser: self, session: session)
        try call("Page.enable", session: session)
        try call("Runtime.enable", session: session)
        return page
    }

    /// Asks the browser to quit, then ends its process group whatever it did; idempotent.
    func close() {
        guard !closed else { return }
        closed = true
        if process.isRunning { _ = try? call("Browser.close", timeout: 3) }
        process.terminateGroup(grace: 3)
        try? FileManager.default.removeItem(at: profile)
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// An error naming what failed, with the end of chromium's stderr (which says why it died).
    func failure(_ what: String) -> DevToolsError {
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let tail = log.split(separator: "\n").suffix(8).joined(separator: "\n")
        return DevToolsError("chromium: \(what)\(tail.isEmpty ? "" : "\n--- chromium stderr (last lines) ---\n\(tail)")")
    }

    /// The next NUL-terminated message from the browser, parsed.
    private func nextMessage(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = received.firstIndex(of: 0) {
                let json = Array(received[..<end])
                received.removeSubrange(...end)
                guard let message = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
                    throw failure("not a JSON object on the pipe: \(String(decoding: json.prefix(200), as: UTF8.self))")
                }
                return message
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw failure("timed out waiting for \(what)") }
            switch try process.readEvents(timeout: remaining) {
            case .bytes(let bytes): received.append(contentsOf: bytes)
            case .timedOut: throw failure("timed out waiting for \(what)")
            case .closed: throw failure("the browser closed the pipe (exited?) while waiting for \(what)")
            }
        }
    }
}

/// One tab of a ``DevToolsBrowser``, attached with a flat session.
struct DevToolsPage {
    let browser: DevToolsBrowser
    let session: String

    /// Loads `url` and waits for its load event; throws when the navigation fails (HTTP errors load
    /// a page and do not throw: check the page).
    func navigate(to url: URL, timeout: Double = 60) throws {
        browser.discardEvents()
        let result = try browser.call("Page.navigate", ["url": url.absoluteString], session: session, timeout: timeout)
        if let error = result["errorText"] as? String { throw browser.failure("navigating to \(url): \(error)") }
        try browser.waitForEvent("Page.loadEventFired", session: session, timeout: timeout)
    }

    /// The value of the JavaScript expression `expression` in the page (JSON-like: strings,
    /// numbers, booleans, arrays, objects). Throws on an exception in the page.
    func evaluate(_ expression: String, timeout: Double = 60) throws -> Any? {
        let result = try browser.call(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session, timeout: timeout)
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = (exception["exception"] as? [String: Any])?["description"] ?? exception["text"] ?? exception
            throw browser.failure("evaluating `\(expression.prefix(120))`: \(text)")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A string result of ``evaluate(_:timeout:)``; throws when it is not a string.
    func string(_ expression: String) throws -> String {
        guard let value = try evaluate(expression) as? String else { throw browser.failure("`\(expression.prefix(120))` is not a string") }
        return value
    }

    /// Clicks the element that `element` (a JavaScript expression) evaluates to, as a user would:
    /// scrolls it into view and sends a left mouse press and release at its centre.
    func click(_ element: String, timeout: Double = 60) throws {
        let box = try evaluate("""
            (() => { const e = \(element); if (!e) return null; e.scrollIntoView({block: 'center'});
              const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2, r.width, r.height]; })()
            """)
        guard let numbers = box as? [NSNumber], numbers.count == 4 else { throw browser.failure("nothing to click: \(element)") }
        let (x, y, width, height) = (numbers[0].doubleValue, numbers[1].doubleValue, numbers[2].doubleValue, numbers[3].doubleValue)
        guard width > 0, height > 0 else { throw browser.failure("not visible, cannot click: \(element)") }
        for type in ["mouseMoved", "mousePressed", "mouseReleased"] {
            var event: [String: Any] = ["type": type, "x": x, "y": y]
            if type != "mouseMoved" { event["button"] = "left"; event["clickCount"] = 1 }
            try browser.call("Input.dispatchMouseEvent", event, session: session, timeout: timeout)
        }
    }

    /// ``click(_:timeout:)``, then waits for the page it leads to to load (a link followed, a form
    /// submitted, a redirect followed).
    func clickAndWaitForLoad(_ element: String, timeout: Double = 60) throws {
        browser.discardEvents()
        try click(element, timeout: timeout)
        try browser.waitForEvent("Page.loadEventFired", session: session, timeout: timeout)
    }

    /// Clicks into the text field `element` and types `text` into it, as a keyboard would.
    func type(_ text: String, into element: String, timeout: Double = 60) throws {
        try click(element, timeout: timeout)
        try browser.call("Input.insertText", ["text": text], session: session, timeout: timeout)
    }

    /// A PNG of the viewport as rendered.
    func screenshot(timeout: Double = 60) throws -> Data {
        let result = try browser.call("Page.captureScreenshot", ["format": "png"], session: session, timeout: timeout)
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw browser.failure("Page.captureScreenshot gave no image")
        }
        return data
    }

    /// `text` as a JavaScript string literal (JSON-escaped), for building expressions.
    static func literal(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

// MARK: - The one place with raw file descriptors and posix_spawn

/// A child process in its own process group, with the DevTools pipe on its fds 3 and 4 (two
/// socket pairs, so that writing to a dead browser fails with EPIPE instead of raising SIGPIPE).
/// All unsafe code of the browser driver is here; the descriptors never leave this type.
final class ChildProcess {
    enum ReadResult { case bytes([UInt8]), timedOut, closed }

    let pid: pid_t
    /// Our ends: commands are written to `commands`, answers read from `answers`.
    private let commands: Int32
    private let answers: Int32
    private var reaped = false

    private init(pid: pid_t, commands: Int32, answers: Int32) {
        self.pid = pid
        self.commands = commands
        self.answers = answers
    }

    deinit {
        terminateGroup(grace: 0)
        Glibc.close(commands)
        Glibc.close(answers)
    }

    /// Spawns `executable` with `arguments`, stdin and stdout on /dev/null, stderr into
    /// `stderrPath`, fd 3 reading our commands and fd 4 writing its answers.
    static func spawnWithDevToolsPipe(_ executable: String, arguments: [String], stderrPath: String) throws -> ChildProcess {
        // Each pair: [ours, the child's]. The child's ends are first moved to fds >= 10 so that
        // dup2 onto 3 and 4 can never overwrite another pair's end.
        func pair() throws -> (ours: Int32, child: Int32) {
            var fds: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else {
                throw DevToolsError("socketpair: \(String(cString: strerror(errno)))")
            }
            let child = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
            Glibc.close(fds[1])
            guard child >= 0 else { Glibc.close(fds[0]); throw DevToolsError("fcntl: \(String(cString: strerror(errno)))") }
            return (fds[0], child)
        }
        let input = try pair(), output = try pair()
        defer { Glibc.close(input.child); Glibc.close(output.child) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, input.child, 3)  // dup2 clears close-on-exec
        posix_spawn_file_actions_adddup2(&actions, output.child, 4)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so that the renderer and helper processes can be ended together.
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else {
            for fd in [input.ours, output.ours] { Glibc.close(fd) }
            throw DevToolsError("posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid, commands: input.ours, answers: output.ours)
    }

    /// Whether the child has not exited yet. Does not reap it: until ``terminateGroup(grace:)``
    /// does, its id (and so its process group's id) cannot be reused by another process.
    var isRunning: Bool {
        if reaped { return false }
        var info = siginfo_t()
        let status = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        if status < 0 { return errno == EINTR }
        return info._sifields._sigchld.si_pid != pid
    }

    /// Writes all of `bytes` to the child's fd 3.
    func writeCommand(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                send(commands, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DevToolsError(String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// What the child wrote on its fd 4 next, waiting at most `timeout` seconds.
    func readEvents(timeout: Double) throws -> ReadResult {
        var descriptor = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(min(max(timeout * 1000, 1), 600_000)))
        if ready == 0 { return .timedOut }
        if ready < 0 {
            if errno == EINTR { return .bytes([]) }
            throw DevToolsError("poll: \(String(cString: strerror(errno)))")
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let count = buffer.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR || errno == EAGAIN { return .bytes([]) }
            throw DevToolsError("read: \(String(cString: strerror(errno)))")
        }
        return count == 0 ? .closed : .bytes(Array(buffer[..<count]))
    }

    /// Waits up to `grace` seconds for the child to exit, then kills its whole process group
    /// (by this child's id, while the unreaped child still holds it) and reaps the child.
    func terminateGroup(grace: Double) {
        guard !reaped else { return }
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(20_000) }
        kill(-pid, SIGKILL)  // the renderer and helpers too, even when the browser itself already exited
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
    }
}
