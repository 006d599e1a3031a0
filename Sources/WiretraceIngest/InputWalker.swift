import WiretraceCore
import Foundation

/// A file to read: its path as given or found, and its id-giving path relative to the input root.
struct InputFile: Sendable {
    /// The path as given on the command line or joined onto the directory given.
    var path: String
    /// The path relative to the input root (for a file argument, its name).
    var relativePath: String
    /// Standard input (`-`): a pipe or a terminal is expected there, not refused.
    var isStandardInput = false

    var location: SourceLocation { SourceLocation(file: path) }
}

/// The kinds of input, told apart by file extension.
enum InputKind: Sendable, Equatable {
    case html, text, jsonl, warc

    /// The kind of a file name and whether it is gzip-compressed, or nil for an unsupported one.
    static func of(fileName: String) -> (kind: InputKind, gzipped: Bool)? {
        var name = fileName.lowercased()
        var gzipped = false
        if name.hasSuffix(".gz") {
            gzipped = true
            name.removeLast(3)
        }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...] {
        case "html", "htm": return (.html, gzipped)
        case "txt": return (.text, gzipped)
        case "jsonl", "ndjson": return (.jsonl, gzipped)
        case "warc": return (.warc, gzipped)
        default: return nil
        }
    }
}

/// One thing an input expands to: a file to read, or a problem found while walking.
enum InputEntry: Sendable {
    case file(InputFile)
    case rejected(Rejection)
}

/// Expands an input path into the files under it, in a stable order.
enum InputWalker {
    /// The entries of one input: the file itself, or every non-hidden file under the directory
    /// sorted by relative path (byte order), or an `.unreadable` rejection.
    ///
    /// Symbolic links to files are followed; links to directories are not (no cycles).
    /// - Complexity: O(*n* log *n*) for *n* files under the directory.
    ///
    /// `-` is standard input read as JSONL; `-.warc`, `-.warc.gz`, `-.jsonl.gz` (any `-.EXT`) read
    /// it as that kind of file; `-:NAME` reads it as the file NAME (its kind, and the ids a file of
    /// that name gets), so a file piped in signs as it would when given by name.
    static func entries(for input: String) -> [InputEntry] {
        if let name = standardInputName(input) {
            return [.file(InputFile(path: "/dev/stdin", relativePath: name, isStandardInput: true))]
        }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: input, isDirectory: &isDirectory) else {
            return [.rejected(Rejection(
                location: SourceLocation(file: input), reason: .unreadable,
                message: "no such file or directory"))]
        }
        guard isDirectory.boolValue else {
            if let rejection = notRegular(input) { return [.rejected(rejection)] }
            let name = input.split(separator: "/").last.map(String.init) ?? input
            return [.file(InputFile(path: input, relativePath: name))]
        }
        var found: [(key: String, entry: InputEntry)] = []
        walk(root: input, relative: "", into: &found)
        found.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return found.map(\.entry)
    }

    /// The file name standard input stands for, or nil when the input is not `-`, `-.EXT` or `-:NAME`.
    static func standardInputName(_ input: String) -> String? {
        if input == "-" { return "stdin.jsonl" }
        if input.hasPrefix("-.") { return "stdin" + input.dropFirst() }
        if input.hasPrefix("-:"), input.count > 2 { return String(input.dropFirst(2)) }
        return nil
    }

    private static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func walk(root: String, relative: String, into found: inout [(key: String, entry: InputEntry)]) {
        let fileManager = FileManager.default
        let directory = join(root, relative)
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: directory)
        } catch {
            found.append((relative, .rejected(Rejection(
                location: SourceLocation(file: directory), reason: .unreadable,
                message: "cannot list directory: \(error.localizedDescription)"))))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let childRelative = join(relative, name)
            let childPath = join(root, childRelative)
            let type = (try? fileManager.attributesOfItem(atPath: childPath)[.type]) as? FileAttributeType
            if type == .typeDirectory {
                walk(root: root, relative: childRelative, into: &found)
                continue
            }
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: childPath, isDirectory: &isDirectory)
            if type == .typeSymbolicLink, exists, isDirectory.boolValue { continue }
            if !exists {
                found.append((childRelative, .rejected(Rejection(
                    location: SourceLocation(file: childPath), reason: .unreadable,
                    message: "broken symbolic link"))))
                continue
            }
            if let rejection = notRegular(childPath) {
                found.append((childRelative, .rejected(rejection)))
                continue
            }
            found.append((childRelative, .file(InputFile(path: childPath, relativePath: childRelative))))
        }
    }

    /// The rejection of a FIFO, socket or device (looked at, never opened: opening a FIFO blocks
    /// until something writes to it), or nil for a regular file or one that cannot be examined
    /// (opening it reports why).
    private static func notRegular(_ path: String) -> Rejection? {
        guard let type = FileType(path: path), type != .regular, type != .directory else { return nil }
        return Rejection(location: SourceLocation(file: path), reason: .notARegularFile, message: type.refusal)
    }
}
