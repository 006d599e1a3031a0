import ArgumentParser
import Foundation
import WiretraceEval
import WiretraceCore

/// `wiretrace eval dates --gold FILE --html DIR`: publication-date accuracy.
struct EvalDates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dates",
        abstract: "Score publication dates against a labelled set of pages.",
        discussion: """
            The gold file has one JSON object per line, {"file", "url", "date"}, with date YYYY-MM-DD or
            null (htmldate's evaluation format); pages are <file> in the --html directory, read with the
            gold url as the document's url. A page is right when the YYYY-MM-DD of the date found equals
            the gold date; a null gold is right only when no date is found. When file names are hex hashes
            the accuracy is also given per part: train (names 0-7) and dev (8-f). Exits 77 (skipped)
            when the gold file or the page directory is absent.
            """)

    @Option(name: .long, help: "Gold file: JSON lines {\"file\", \"url\", \"date\"}.")
    var gold: String

    @Option(name: .long, help: "Directory of the labelled pages.")
    var html: String

    @Option(name: .long, help: "Only the pages of this part (train or dev).")
    var part: String?

    @Flag(name: .long, help: "List the pages given a wrong date or none.")
    var wrong = false

    @Option(name: .long, help: "Write one JSON line per page: {\"file\", \"url\", \"gold\", \"found\", \"source\"}.")
    var predictions: String?

    func validate() throws {
        if let part, part != "train", part != "dev" { throw ValidationError("--part is train or dev") }
    }

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gold) else {
            Standard.error("wiretrace eval dates: skipped: no gold file at \(gold)")
            throw ExitCode(77)
        }
        guard FileManager.default.fileExists(atPath: html, isDirectory: &isDirectory), isDirectory.boolValue else {
            Standard.error("wiretrace eval dates: skipped: no page directory at \(html)")
            throw ExitCode(77)
        }
        let pages = try DatedPage.load(path: gold).filter { part == nil || $0.part == part }
        let results = DateEvaluation().run(gold: pages, htmlDirectory: html)
        try Standard.write(DateEvaluation.lines(results, listWrong: wrong), to: nil)
        if let predictions {
            try Standard.write(results.map { $0.json.serialized() }, to: predictions)
        }
    }
}
