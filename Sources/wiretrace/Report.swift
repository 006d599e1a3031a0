import ArgumentParser
import WiretraceReport

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the largest stories: members, outlets, roles, who said what, and the wire copies carried.")

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "How many stories to list.")
    var limit: Int = 10

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        let store = try openExistingStore(db)
        print(try StoryReport(storyLimit: limit).render(store), terminator: "")
    }
}
