import ArgumentParser
import WiretraceReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the largest stories: members, outlets, roles, who said what, and the wire copies carried.")

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "How many stories to list.")
    var limit: Int = 10

    @Flag(name: .long, help: "Who said what, where first, carried by whom: the quotes of each story with their chains.")
    var quotes = false

    @Option(name: .long, help: "With --quotes: only this story (an id the report prints).")
    var story: String?

    @Flag(name: .long, help: "With --quotes: list reported speech too, not only direct quotes.")
    var indirect = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        guard quotes || (story == nil && !indirect) else { throw ValidationError("--story and --indirect need --quotes") }
    }

    func run() throws {
        let store = try openExistingStore(db)
        if quotes {
            let report = QuoteReport(storyID: story, storyLimit: limit, includeIndirect: indirect)
            print(try report.render(store), terminator: "")
            return
        }
        print(try StoryReport(storyLimit: limit).render(store), terminator: "")
    }
}
