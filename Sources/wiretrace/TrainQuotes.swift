import ArgumentParser
import Foundation
import WiretraceEval

/// `wiretrace train-quotes --gold TRAIN.jsonl --out FILE`: trains the quote tagger (hidden; run by
/// `make train-quotes`, which writes Sources/WiretraceQuotes/QuoteTaggerWeights.swift).
struct TrainQuotes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-quotes",
        abstract: "Train the quote tagger from attribution-annotated articles (PolNeAR JSONL, training split only).",
        shouldDisplay: false)

    @Option(name: .long, help: "Training attributions, JSONL in the PolNeAR shape. Never a dev or test split.")
    var gold: String

    @Option(name: .long, help: "Write the model as a Swift source file here (QuoteTaggerWeights.swift).")
    var out: String?

    @Option(name: .long, help: "Passes over the training articles.")
    var epochs = 48

    @Option(name: .long, help: "Percent of the training file's articles held out and scored (0: train on all).")
    var holdout = 0

    @Option(name: .long, help: "Drop features seen fewer times than this in the training articles.")
    var minCount = 5

    @Option(name: .long, help: "Drop feature rows whose largest weight is below this.")
    var prune: Float = 150

    @Option(name: .long, help: "Folds for the speaker ranker's examples, each tagged by a tagger trained on the others (1: the full tagger).")
    var pairFolds = 1

    @Option(name: .long, help: "Passes of each fold's tagger.")
    var foldEpochs = 16

    @Option(name: .long, help: "Passes of the speaker ranker.")
    var pairEpochs = 10

    @Option(name: .long, help: "Write the held-out speaker errors here (for error analysis).")
    var errors: String?

    @Option(name: .long, help: "Keep the fitted tagger in this file and read it from there on later runs with the same gold file and settings (speaker work: only the ranker is refitted).")
    var taggerCache: String?

    @Flag(name: .long, help: "Score the held-out articles with the default options only.")
    var noVariants = false

    @Flag(name: .long, help: "Switch the speaker mechanisms of issue 16 off, in the ranker's training and the scoring (a baseline).")
    var baselineSpeakers = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Switch this option off in the ranker's training and the scoring (repeatable: "
                + QuoteTraining.switchableOptions.joined(separator: ", ") + ")."))
    var switchOff: [String] = []

    func validate() throws {
        for name in switchOff where !QuoteTraining.switchableOptions.contains(name) {
            throw ValidationError("--switch-off \(name): one of \(QuoteTraining.switchableOptions.joined(separator: ", "))")
        }
        let name = (gold as NSString).lastPathComponent.lowercased()
        guard !name.contains("dev"), !name.contains("test") else {
            throw ValidationError("\(gold) looks like an evaluation split: train only on a training file")
        }
        guard (0..<100).contains(holdout) else { throw ValidationError("--holdout is a percentage below 100") }
        guard (1...10).contains(pairFolds) else { throw ValidationError("--pair-folds is between 1 and 10") }
    }

    func run() throws {
        var settings = QuoteTraining.Settings()
        settings.epochs = epochs
        settings.holdoutPercent = holdout
        settings.minimumCount = minCount
        settings.errorsPath = errors
        settings.prune = prune
        settings.pairFolds = pairFolds
        settings.foldEpochs = foldEpochs
        settings.pairEpochs = pairEpochs
        settings.taggerCachePath = taggerCache
        settings.scoreVariants = !noVariants
        settings.speakerMechanisms = !baselineSpeakers
        settings.switchedOff = switchOff
        let outcome = try QuoteTraining.train(goldPath: gold, settings: settings) { Standard.error("\($0)") }
        print(outcome.report, terminator: "")
        if let out {
            try outcome.weightsSource.write(toFile: out, atomically: true, encoding: .utf8)
        }
    }
}
