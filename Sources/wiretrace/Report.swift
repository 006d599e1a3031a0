import ArgumentParser
import WiretraceReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Readable reports from a database: stories (the default), quotes, syndication.",
        subcommands: [ReportStories.self, ReportQuotes.self, ReportSyndication.self, ReportHTML.self],
        defaultSubcommand: ReportStories.self)
}

struct ReportStories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "The largest stories: members, outlets, roles, who said what, and the wire copies carried.")

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "How many stories to list.")
    var limit: Int = 10

    func validate() throws {
        try checkRange("--limit", limit, 1...maximumListLength)
    }

    func run() throws {
        let store = try openExistingStore(db)
        print(try StoryReport(storyLimit: limit).render(store).rendered, terminator: "")
    }
}

struct ReportQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Who said what, where first, carried by whom: each story's quotes with their relay chains.")

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "Only this story (an id that `wiretrace report` prints).")
    var story: String?

    @Option(name: .long, help: "How many stories to list (without --story).")
    var limit: Int = 10

    @Flag(name: .long, help: "List reported speech too, not only direct quotes.")
    var indirect = false

    func validate() throws {
        try checkRange("--limit", limit, 1...maximumListLength)
    }

    func run() throws {
        let store = try openExistingStore(db)
        let report = QuoteReport(storyID: story, storyLimit: limit, includeIndirect: indirect)
        print(try report.render(store).rendered, terminator: "")
    }
}

struct ReportSyndication: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syndication",
        abstract: "Per wire original: the outlets that carried it, verbatim share, credit and delay; per outlet: its wire-copy share.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, json
    }

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "md (default), csv or json.")
    var format: Format = .md

    func run() throws {
        let report = try SyndicationReport(try openExistingStore(db))
        switch format {
        case .md: print(report.markdown().rendered, terminator: "")
        case .csv: print(report.csv(), terminator: "")
        case .json: print(report.json(), terminator: "")
        }
    }
}
