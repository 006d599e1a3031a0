import WiretraceCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 14, "real inputs never crash it": the built executable on generated realistic inputs,
/// one document at a time and in random subsets, checked against the export contracts; and the
/// inputs that used to crash, hang or reach the terminal and spreadsheets unsanitised.
@Suite(.serialized) struct RobustnessEndToEndTests {
    /// A scratch directory removed by `remove()`.
    struct Scratch {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-robust-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        func write(_ name: String, _ text: String) throws -> String {
            let file = path + "/" + name
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs `run` over one JSONL file of `records` into a fresh database and checks the export
    /// contracts: exit 0; every stored document in exactly one cluster; every duplicate pair
    /// names two stored documents; every quote's offsets lie inside its document's text (in
    /// Unicode scalars) and its `quote` is exactly that slice.
    static func checkRun(_ records: [NewsGenerator.Record], scratch: Scratch, name: String) throws {
        let input = try scratch.write("\(name).jsonl", records.map(\.jsonLine).joined(separator: "\n") + "\n")
        let db = scratch.path + "/\(name).sqlite"
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, input])
        try #require(run.status == 0, "\(name): run exited \(run.status): \(run.stderr.suffix(2000))")
        let stored = try #require(Self.storedCount(run.stdout), "\(name): no summary in \(run.stdout)")

        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        let members = clusters.flatMap { ($0["members"] as? [[String: Any]]) ?? [] }
        let ids = members.compactMap { $0["id"] as? String }
        #expect(ids.count == members.count, "\(name): a member without an id")
        #expect(Set(ids).count == ids.count, "\(name): a document in two clusters")
        #expect(ids.count == stored, "\(name): \(ids.count) documents in clusters, \(stored) stored")
        let known = Set(records.map(\.id))
        #expect(Set(ids).isSubset(of: known), "\(name): a cluster names a document not in the input")
        let storedIDs = Set(ids)
        for cluster in clusters {
            let inside = Set(((cluster["members"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            for member in (cluster["members"] as? [[String: Any]]) ?? [] {
                if let of = member["of"] as? String { #expect(inside.contains(of), "\(name): \(member) is of a document outside its cluster") }
            }
        }

        for pair in try CLI.objects(try CLI.run(["export", "duplicates", "--db", db])) {
            let a = pair["a"] as? String, b = pair["b"] as? String
            #expect(a.map(storedIDs.contains) == true && b.map(storedIDs.contains) == true, "\(name): pair \(pair)")
            #expect(a != b, "\(name): a document paired with itself")
            for key in ["jaccard", "containment"] {
                let value = (pair[key] as? NSNumber)?.doubleValue ?? -1
                #expect(value >= 0 && value <= 1, "\(name): \(key) \(value)")
            }
        }

        let quotes = try CLI.objects(try CLI.run(["export", "quotes", "--db", db]))
        guard !quotes.isEmpty else { return }
        let texts = try Self.storedTexts(records, input: input)
        for quote in quotes {
            guard let id = quote["id"] as? String, let start = quote["start"] as? Int, let end = quote["end"] as? Int,
                let words = quote["quote"] as? String
            else {
                Issue.record("\(name): malformed quote \(quote)")
                continue
            }
            #expect(storedIDs.contains(id), "\(name): quote of a document not stored: \(id)")
            guard let text = texts[id] else {
                Issue.record("\(name): no text for \(id)")
                continue
            }
            let scalars = Array(text.unicodeScalars)
            guard 0 <= start, start < end, end <= scalars.count else {
                Issue.record("\(name): quote [\(start), \(end)) outside \(id)'s \(scalars.count) scalars")
                continue
            }
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[start..<end])
            #expect(String(slice) == words, "\(name): \(id) [\(start), \(end)) is \(String(slice).debugDescription), quote \(words.debugDescription)")
        }
    }

    /// "stored N" from the run summary.
    static func storedCount(_ summary: String) -> Int? {
        guard let range = summary.range(of: "stored ") else { return nil }
        return Int(summary[range.upperBound...].prefix { $0.isNumber })
    }

    /// Each document's text as the store holds it: a JSONL `text` is used exactly as given; a
    /// page's text is what `wiretrace extract` gives (the same extraction `run` stores).
    static func storedTexts(_ records: [NewsGenerator.Record], input: String) throws -> [String: String] {
        var texts: [String: String] = [:]
        for record in records where record.html == nil {
            if let text = record.text, texts[record.id] == nil { texts[record.id] = text }
        }
        if records.contains(where: { $0.html != nil }) {
            let extract = try CLI.run(["extract", "--format", "jsonl", input])
            for object in try CLI.objects(extract) {
                if let id = object["id"] as? String, let text = object["text"] as? String,
                    records.first(where: { $0.id == id })?.html != nil
                {
                    texts[id] = text
                }
            }
        }
        return texts
    }

    /// Generated documents alone (the shape of the single-article crash), eight per seed.
    @Test(arguments: [1, 2])
    func singleDocumentsRunAlone(seed: UInt64) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var generator = NewsGenerator(seed: seed)
        for (index, record) in generator.records(count: 8).enumerated() {
            try Self.checkRun([record], scratch: scratch, name: "single-\(seed)-\(index)")
        }
    }

    /// Random subsets of a generated dump of 60 documents: sizes 0 to 40.
    @Test func randomSubsetsKeepTheExportContracts() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var generator = NewsGenerator(seed: 2026)
        let all = generator.records(count: 60)
        var random = SplitMix64(seed: 14)
        for round in 0..<6 {
            let size = [0, 2, 3, 40][round % 4] + random.next(6)
            let subset = Array(all.shuffled(using: &random).prefix(size))
            try Self.checkRun(subset, scratch: scratch, name: "subset-\(round)")
        }
    }

    /// The odd documents on their own: empty, whitespace, punctuation, stop words, one huge
    /// word, unbalanced quotes, other scripts, combining marks and emoji, no names, quotes only.
    @Test func oddDocumentsRunAloneAndTogether() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var generator = NewsGenerator(seed: 5)
        let odd = (0..<12).map { index in
            NewsGenerator.Record(id: "odd-\(index)", outlet: index % 3 == 0 ? nil : "Same Outlet",
                                 published: index % 2 == 0 ? nil : "2021-06-22T10:00:00Z", title: nil,
                                 text: generator.oddText(index))
        }
        for record in odd where !record.text!.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try Self.checkRun([record], scratch: scratch, name: record.id)
        }
        try Self.checkRun(odd, scratch: scratch, name: "odd-all")
        // Identical texts under two ids, one outlet, no dates.
        let twin = NewsGenerator.Record(id: "twin-a", outlet: "Same Outlet", text: generator.paragraphs(generator.event(), count: 6).joined(separator: "\n\n"))
        var other = twin
        other.id = "twin-b"
        try Self.checkRun([twin, other], scratch: scratch, name: "twins")
    }

    // MARK: Inputs that used to hang, crash or reach a terminal or spreadsheet unsanitised

    /// A FIFO in an input directory, and one given by name: rejected as not-a-regular-file,
    /// counted in the summary, and the run goes on (it used to block forever in `open`).
    @Test func aFIFOAmongTheInputsIsRejectedAndTheRunGoesOn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path + "/dump", withIntermediateDirectories: true)
        _ = try scratch.write("dump/a.jsonl", #"{"id": "ferry", "text": "The harbour ferry resumes its winter timetable on Monday."}"# + "\n")
        let fifo = scratch.path + "/dump/b.jsonl"
        let named = scratch.path + "/named.html"
        #expect(mkfifo(fifo, 0o600) == 0 && mkfifo(named, 0o600) == 0)
        let db = scratch.path + "/fifo.sqlite"
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, scratch.path + "/dump", named], timeout: 60)
        #expect(run.status == 0, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("b.jsonl") && run.stderr.contains("named.html"), "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "not-a-regular-file").count - 1 == 2, "\(run.stderr)")
        #expect(run.stdout.contains("not-a-regular-file 2"), "\(run.stdout)")
        #expect(run.stdout.contains("stored 1"), "\(run.stdout)")

        let extract = try CLI.run(["extract", "--format", "jsonl", named, scratch.path + "/dump"], timeout: 60)
        #expect(extract.status == 0)
        #expect(extract.stderr.contains("not-a-regular-file"))
        #expect(extract.lines.count == 1)
    }

    /// Scraped ids, outlets, titles and quotes carrying terminal escapes, C1 controls and a
    /// right-to-left override: `report` (stories, quotes, syndication) and the reject lines on
    /// stderr show them inert, with the report's own line breaks kept.
    @Test func controlCharactersNeverReachTheTerminal() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let hostileID = "wire-\u{1B}[2J\u{1B}]0;owned\u{07}-1"
        let hostileOutlet = "Evil\u{9B}31m Outlet\u{202E}txt.exe"
        let hostileTitle = "Harbour\u{1B}[31m ferry\u{0D}resumes\u{7F} winter \u{2066}timetable"
        var generator = NewsGenerator(seed: 77)
        let wire = generator.paragraphs(generator.event(), count: 8).joined(separator: "\n\n")
        let records = [
            NewsGenerator.Record(id: hostileID, outlet: hostileOutlet, published: "2021-06-22T10:00:00Z", title: hostileTitle, text: wire),
            NewsGenerator.Record(id: "copy-\u{1B}[1m", outlet: "Courier\u{1B}[5m", published: "2021-06-22T12:00:00Z", title: hostileTitle,
                                 text: wire + "\n\nSource: Reuters/jt"),
            // The same id again: its reject line names it.
            NewsGenerator.Record(id: hostileID, outlet: hostileOutlet, text: "A second record under the same id."),
        ]
        let input = try scratch.write("hostile.jsonl", records.map(\.jsonLine).joined(separator: "\n") + "\n")
        let db = scratch.path + "/hostile.sqlite"
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, input])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("duplicate-id"), "\(run.stderr)")

        let outputs = [
            ("run stderr", run.stderr),
            ("report", try CLI.run(["report", "--db", db]).stdout),
            ("report quotes", try CLI.run(["report", "quotes", "--db", db]).stdout),
            ("report syndication", try CLI.run(["report", "syndication", "--db", db]).stdout),
        ]
        for (what, text) in outputs {
            #expect(!text.isEmpty, "\(what) is empty")
            let bad = text.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                    || [0x202E, 0x2066].contains(scalar.value)
            }
            #expect(bad.isEmpty, "\(what) carries \(bad.map { String($0.value, radix: 16) })")
        }
        // What is printed is the value made inert, not dropped: the visible parts are all there.
        let report = outputs[1].1
        #expect(report.contains("wire-\u{FFFD}[2J\u{FFFD}]0;owned\u{FFFD}-1"), "\(report)")
        #expect(report.contains("Evil\u{FFFD}31m Outlet\u{FFFD}txt.exe") || report.contains("Evil\u{FFFD}31m Outlet"), "\(report)")
        #expect(run.stderr.contains("wire-\u{FFFD}[2J"), "\(run.stderr)")
        #expect(report.split(separator: "\n").count > 3, "the report's own lines are kept")
    }

    /// `report syndication --format csv`: a scraped outlet, id or agency that a spreadsheet
    /// would evaluate (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, and cells with
    /// commas, quotes or line breaks are quoted (RFC 4180), so every row has the header's cells.
    @Test func syndicationCSVNeutralisesFormulas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var generator = NewsGenerator(seed: 91)
        let wire = generator.paragraphs(generator.event(), count: 8).joined(separator: "\n\n")
        let outlets = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                       "\tTabbed, \"quoted\"", "\rReturn\nNewline"]
        var records = [NewsGenerator.Record(id: "=wire-original", outlet: "Reuters", published: "2021-06-22T10:00:00Z",
                                            title: "Wire", text: wire)]
        for (index, outlet) in outlets.enumerated() {
            records.append(NewsGenerator.Record(
                id: index % 2 == 0 ? "@copy-\(index)" : "copy-\(index)", outlet: outlet,
                published: "2021-06-22T1\(index + 1):00:00Z", title: "Wire", text: wire + "\n\nSource: Reuters/jt"))
        }
        let input = try scratch.write("formula.jsonl", records.map(\.jsonLine).joined(separator: "\n") + "\n")
        let db = scratch.path + "/formula.sqlite"
        defer { CLI.remove(db) }
        #expect(try CLI.run(["run", "--db", db, input]).status == 0)
        let csv = try CLI.run(["report", "syndication", "--db", db, "--format", "csv"])
        #expect(csv.status == 0)
        let rows = try #require(CSV.parse(csv.stdout), "not valid CSV: \(csv.stdout)")
        let header = try #require(rows.first)
        #expect(header.count == 13)
        let numeric: Set<String> = ["verbatim_share", "delay_seconds", "documents", "copies", "uncredited"]
        var carriers = 0
        for row in rows.dropFirst() {
            #expect(row.count == header.count, "row \(row)")
            for (column, cell) in zip(header, row) {
                if numeric.contains(column) {
                    #expect(cell.isEmpty || Double(cell) != nil, "\(column): \(cell.debugDescription)")
                } else if let first = cell.unicodeScalars.first {
                    #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "\(column): \(cell.debugDescription) would be a formula")
                }
            }
            if row.first == "carrier" { carriers += 1 }
        }
        #expect(carriers == outlets.count, "\(csv.stdout)")
        let cells = Set(rows.joined())
        // (Tabs and line breaks inside an outlet may be collapsed by extraction; the loop above
        // checked those cells whatever their stored form.)
        for outlet in outlets.prefix(4) { #expect(cells.contains("'" + outlet), "\(outlet.debugDescription) not kept as text") }
        #expect(cells.contains("'=wire-original") && cells.contains("'@copy-0"))
    }

    /// Integer and number settings out of range exit 64 naming the key or option (a workers
    /// count of Int.max used to crash the run).
    @Test(arguments: [
        ("run:\n  workers: 9223372036854775807\n", "run.workers"),
        ("run:\n  batch_size: 9223372036854775807\n", "run.batch_size"),
        ("dedup:\n  bands: 9223372036854775807\n  rows: 1\n", "dedup.bands"),
        ("ingest:\n  max_compression_ratio: 9223372036854775807\n", "ingest.max_compression_ratio"),
        ("story:\n  entity_weight: .inf\n", "story.entity_weight"),
        ("story:\n  time_window_days: .nan\n", "story.time_window_days"),
    ])
    func outOfRangeSettingsExit64(yaml: String, key: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let config = try scratch.write("bad.yml", yaml)
        let result = try CLI.run(["run", "--db", scratch.path + "/x.sqlite", "--config", config, CLI.fixture("jsonl/seed-story-text.jsonl")], timeout: 60)
        #expect(result.status == 64, "\(result.status): \(result.stderr)")
        #expect(result.stderr.contains(key), "\(result.stderr)")
    }

    @Test(arguments: [
        (["report", "--db", "x.sqlite", "--limit", "9223372036854775807"], "--limit must be in 1...1000000"),
        (["report", "quotes", "--db", "x.sqlite", "--limit", "0"], "--limit must be in"),
        (["eval", "extraction", "--gold", "g", "--html", "h", "--worst", "9223372036854775807"], "--worst must be in"),
        (["dedup", "--threshold", "nan", "fixtures/jsonl"], "--threshold must be in"),
        (["dedup", "--lsh-recall", "7", "fixtures/jsonl"], "--lsh-recall must be in"),
    ])
    func outOfRangeOptionsExit64(arguments: [String], option: String) throws {
        let result = try CLI.run(arguments, timeout: 60)
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(option), "\(result.stderr)")
    }
}

/// RFC 4180 reading, for checking what `--format csv` writes.
enum CSV {
    /// The rows, or nil when a quoted cell is not closed.
    static func parse(_ text: String) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && cell.isEmpty {
                quoted = true
            } else if scalar == "," {
                row.append(cell)
                cell = ""
            } else if scalar == "\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        if quoted { return nil }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }
}
