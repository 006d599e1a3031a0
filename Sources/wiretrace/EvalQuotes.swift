import ArgumentParser
import Foundation
import WiretraceEval

/// `wiretrace eval quotes --gold FILE --db FILE`: the quote metric of the evaluation protocol.
struct EvalQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Score the stored quotes against gold attributions (PolNeAR JSONL).",
        discussion: """
            Run `wiretrace run --db FILE GOLD.jsonl` first: the gold records' `text` is kept verbatim, so
            their offsets hold. Each gold content span is matched to the stored quote of the same document
            with the highest overlap |gold ∩ pred| / |gold|; lenient ≥ 0.3, strict ≥ 0.8 (0.5 also shown).
            Speaker accuracy is over matched spans with a gold source. One annotator per article.
            """)

    @Option(name: .long, help: "Gold attributions, JSONL in the PolNeAR shape.")
    var gold: String

    @Option(name: .long, help: "The SQLite database written by `wiretrace run` over the same file.")
    var db: String

    @Flag(name: .long, help: "Also list matched direct quotes whose speaker is wrong (for error analysis).")
    var speakerErrors = false

    func run() throws {
        guard FileManager.default.fileExists(atPath: gold) else {
            Standard.error("wiretrace: skipping quote evaluation: no gold file at \(gold)")
            return
        }
        let store = try openExistingStore(db)
        let evaluation = try QuoteEvaluation.evaluate(goldPath: gold, store: store)
        print(evaluation.render(goldPath: gold), terminator: "")
        if speakerErrors {
            for error in evaluation.speakerErrors {
                print("\(error.document)\tgold: \(error.gold)\tpredicted: \(error.predicted)\tquote: \(error.quote)")
            }
        }
    }
}
