import ArgumentParser
import WiretraceServe

struct ReportHTML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html",
        abstract: "The review pages as static HTML files in a folder, for sharing (no review forms).")

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "The folder to write the pages into (created if needed).")
    var out: String

    func run() throws {
        let summary = try StaticSite(store: try openExistingStore(db)).write(to: out)
        let counts = "\(summary.stories) stories, \(summary.comparisons) side-by-side, \(summary.outlets) outlets"
        Standard.error("wiretrace: wrote \(summary.files) pages to \(out) (\(counts)); open \(out)/index.html")
    }
}
