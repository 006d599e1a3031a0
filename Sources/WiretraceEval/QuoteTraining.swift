import Foundation
import WiretraceCore
import WiretraceQuotes

/// Trains the quote tagger (``QuoteTaggerModel``) from attribution-annotated articles in the
/// PolNeAR shape: a structured averaged perceptron over the tagger's features, gold tags from the
/// content, source and cue spans. Deterministic for a given file and settings.
///
/// Only a training file may be given here: the development set is for measuring, never fitting.
/// With `holdoutPercent`, that share of the file's articles (chosen by a stable hash of the
/// article id) is left out of training and scored, for choosing settings without the dev set.
public enum QuoteTraining {
    public struct Settings: Sendable {
        public var epochs = 8
        /// Features seen fewer times in the training articles are dropped.
        public var minimumCount = 5
        public var holdoutPercent = 0
        /// Cue words: heads of at least this many gold cues...
        public var cueMinimumCount = 3
        /// ...and of a gold cue in at least this share of their occurrences.
        public var cueMinimumShare = 0.2
        /// Write the held-out speaker errors of the default options here (error analysis).
        public var errorsPath: String? = nil
        /// Feature rows whose largest weight (in absolute value) is below this are dropped.
        public var prune: Float = 0.005
        public var pairEpochs = 10
        public init() {}
    }

    public struct Outcome: Sendable {
        /// The model's text form (for QuoteTaggerWeights.swift).
        public var model: String
        /// Training summary and, with a holdout, its scores.
        public var report: String
    }

    /// One training document: its tagger input, features as row indices, and gold tags.
    private struct Example {
        var rows: [Int32]  // featuresPerToken per token, -1 for unknown
        var gold: [QuoteTag]
    }

    public static func train(goldPath: String, settings: Settings, log: (String) -> Void = { _ in }) throws -> Outcome {
        let file = try GoldQuoteFile.read(path: goldPath, allAnnotators: true)
        func heldOut(_ record: GoldQuoteFile.Record) -> Bool {
            guard settings.holdoutPercent > 0 else { return false }
            var hash = StableHash()
            hash.combine(record.article ?? record.id)
            return Int(hash.value % 100) < settings.holdoutPercent
        }
        let training = file.records.filter { !heldOut($0) }
        let holdout = file.records.filter(heldOut)
        log("training on \(training.count) records, holding out \(holdout.count)")

        let inputs = training.map { TaggerInput.make(ScalarText($0.text)) }
        let golds = zip(training, inputs).map { goldTags($0.0, $0.1) }

        // Cue words: frequent heads of gold cues.
        var occurrences: [String: Int] = [:]
        var heads: [String: Int] = [:]
        for (input, gold) in zip(inputs, golds) {
            for (k, token) in input.tokens.enumerated() where token.isWord {
                occurrences[token.lower, default: 0] += 1
                if gold[k] == .cueBegin { heads[token.lower, default: 0] += 1 }
            }
        }
        let cueWords = Set(heads.filter { word, count in
            count >= settings.cueMinimumCount && Double(count) / Double(occurrences[word] ?? 1) >= settings.cueMinimumShare
        }.keys)
        log("\(cueWords.count) cue words")

        // Feature rows: hashes seen at least minimumCount times.
        let featureLists = inputs.map { QuoteFeatures.extract($0, cueWords: cueWords) }
        var counts: [UInt64: Int] = [:]
        for document in featureLists { for token in document { for f in token { counts[f, default: 0] += 1 } } }
        var rowOf: [UInt64: Int32] = [:]
        for (hash, count) in counts where count >= settings.minimumCount { rowOf[hash] = Int32(rowOf.count) }
        counts = [:]
        let perToken = featureLists.first(where: { !$0.isEmpty })?.first?.count ?? 0
        var examples: [Example] = []
        for (document, gold) in zip(featureLists, golds) {
            var rows: [Int32] = []
            rows.reserveCapacity(document.count * perToken)
            for token in document { for f in token { rows.append(rowOf[f] ?? -1) } }
            examples.append(Example(rows: rows, gold: gold))
        }
        log("\(rowOf.count) features, \(perToken) per token")

        // Structured averaged perceptron.
        let t = QuoteTag.count
        var w = [Float](repeating: 0, count: rowOf.count * t)
        var u = [Float](repeating: 0, count: rowOf.count * t)
        var trans = [Float](repeating: 0, count: (t + 1) * t)
        var transU = [Float](repeating: 0, count: (t + 1) * t)
        var c: Float = 1
        var random = SplitMix64(seed: 16)
        var order = Array(examples.indices)
        for epoch in 0..<settings.epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            var wrong = 0
            var total = 0
            for index in order {
                let example = examples[index]
                let n = example.gold.count
                guard n > 0 else { continue }
                var emissions = [[Float]](repeating: [Float](repeating: 0, count: t), count: n)
                for k in 0..<n {
                    for r in example.rows[(k * perToken)..<((k + 1) * perToken)] where r >= 0 {
                        let base = Int(r) * t
                        for j in 0..<t { emissions[k][j] += w[base + j] }
                    }
                }
                let predicted = QuoteTaggerModel.viterbi(emissions, transitions: trans)
                for k in 0..<n {
                    let g = example.gold[k].rawValue
                    let p = predicted[k].rawValue
                    let previousGold = k == 0 ? t : example.gold[k - 1].rawValue
                    let previousPredicted = k == 0 ? t : predicted[k - 1].rawValue
                    total += 1
                    if g != p {
                        wrong += 1
                        for r in example.rows[(k * perToken)..<((k + 1) * perToken)] where r >= 0 {
                            let base = Int(r) * t
                            w[base + g] += 1
                            u[base + g] += c
                            w[base + p] -= 1
                            u[base + p] -= c
                        }
                    }
                    if g != p || previousGold != previousPredicted {
                        trans[previousGold * t + g] += 1
                        transU[previousGold * t + g] += c
                        trans[previousPredicted * t + p] -= 1
                        transU[previousPredicted * t + p] -= c
                    }
                }
                c += 1
            }
            log("epoch \(epoch + 1): token error \(String(format: "%.4f", Double(wrong) / Double(max(total, 1))))")
        }
        for k in w.indices { w[k] -= u[k] / c }
        for k in trans.indices { trans[k] -= transU[k] / c }

        // Drop rows whose weights all round to zero.
        var rows: [UInt64: Int32] = [:]
        var weights: [Float] = []
        for (hash, row) in rowOf {
            let base = Int(row) * t
            let slice = w[base..<(base + t)]
            guard slice.contains(where: { abs($0) >= max(settings.prune, 0.005) }) else { continue }
            rows[hash] = Int32(weights.count / t)
            weights.append(contentsOf: slice)
        }
        var model = QuoteTaggerModel(rows: rows, weights: weights, transitions: trans, cueWords: cueWords)
        model.pairWeights = trainPairing(training, inputs: inputs, model: model, epochs: settings.pairEpochs, log: log)
        let serialized = model.serialized()
        // What is compiled in is the serialized form: score that.
        let reloaded = QuoteTaggerModel(serialized: serialized) ?? model
        var report = "quote tagger: \(training.count) training records, \(rows.count) features kept, "
        report += "\(cueWords.count) cue words, \(serialized.utf8.count) bytes\n"
        if !holdout.isEmpty {
            var seen = Set<String>()
            let scored = holdout.filter { seen.insert($0.article ?? $0.id).inserted }
            report += "held-out articles of the training file: \(scored.count)\n"
            report += "rules only:\n" + score(scored, extractor: QuoteExtractor(model: .empty))
            var options = QuoteExtractorOptions()
            report += "tagger (default options):\n"
                + score(scored, extractor: QuoteExtractor(model: reloaded, options: options), errorsPath: settings.errorsPath)
            for variant in ["noRuleSpans", "noRuleIndirect", "quotedFragments", "minimumWords2", "noPreviousSpeaker", "noRequireCue"] {
                options = QuoteExtractorOptions()
                switch variant {
                case "noRuleSpans": options.preferRuleSpans = false
                case "noRuleIndirect": options.keepRuleIndirect = false
                case "quotedFragments": options.keepQuotedFragments = true
                case "noPreviousSpeaker": options.previousSpeaker = false
                case "noRequireCue": options.requireCue = false
                default: options.minimumWords = 2
                }
                report += "tagger, \(variant):\n" + score(scored, extractor: QuoteExtractor(model: reloaded, options: options))
            }
        }
        return Outcome(model: serialized, report: report)
    }

    /// Learns the speaker-pairing weights: for each content span the tagger finds in a training
    /// article, the candidates (``TaggedAttributions/candidates(for:cue:rule:)``) are ranked by a
    /// perceptron (averaged) and the update moves towards the best-scored candidate that overlaps a
    /// gold source of the gold content spans this span matches (overlap 0.5, as the metric).
    static func trainPairing(
        _ records: [GoldQuoteFile.Record], inputs: [TaggerInput], model: QuoteTaggerModel, epochs: Int,
        log: (String) -> Void
    ) -> [UInt64: Float] {
        var examples: [(features: [[UInt64]], positive: [Bool])] = []
        let rules = QuoteExtractor(model: .empty)
        for (record, input) in zip(records, inputs) where !input.tokens.isEmpty {
            let tokens = input.tokens
            let tagged = TaggedAttributions(input: input, tags: model.tag(input))
            let ruleBased = rules.quotes(in: Article(id: record.id, source: record.id, text: record.text))
            let contents = tagged.contents
            let predicted = contents.map { PredictedQuoteSpan(start: tokens[$0.lowerBound].start, end: tokens[$0.upperBound].end) }
            var positives = [[Range<Int>]](repeating: [], count: contents.count)
            for gold in record.goldSpans() where !gold.sources.isEmpty {
                guard let (index, share) = QuoteScoring.bestMatch(gold, predicted), share >= 0.5 else { continue }
                positives[index] += gold.sources
            }
            for (index, content) in contents.enumerated() where !positives[index].isEmpty {
                let range = predicted[index].start..<predicted[index].end
                let rule = ruleBased.filter { $0.start < range.upperBound && range.lowerBound < $0.end }
                    .max { min($0.end, range.upperBound) - max($0.start, range.lowerBound) < min($1.end, range.upperBound) - max($1.start, range.lowerBound) }
                let candidates = tagged.candidates(for: content, cue: tagged.cue(for: content), rule: rule)
                let labels = candidates.map { c in
                    let span = tokens[c.range.lowerBound].start..<tokens[c.range.upperBound].end
                    return positives[index].contains { $0.overlaps(span) }
                }
                guard labels.contains(true), labels.contains(false) else { continue }
                examples.append((candidates.map(\.features), labels))
            }
        }
        log("pairing: \(examples.count) content spans with a right and a wrong candidate")
        var w: [UInt64: Float] = [:]
        var u: [UInt64: Float] = [:]
        var c: Float = 1
        var random = SplitMix64(seed: 17)
        var order = Array(examples.indices)
        func score(_ features: [UInt64]) -> Float { features.reduce(0) { $0 + (w[$1] ?? 0) } }
        for epoch in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            var wrong = 0
            for index in order {
                let example = examples[index]
                let scores = example.features.map(score)
                let best = scores.indices.max { scores[$0] < scores[$1] }!
                if !example.positive[best] {
                    wrong += 1
                    let right = scores.indices.filter { example.positive[$0] }.max { scores[$0] < scores[$1] }!
                    for f in example.features[right] {
                        w[f, default: 0] += 1
                        u[f, default: 0] += c
                    }
                    for f in example.features[best] {
                        w[f, default: 0] -= 1
                        u[f, default: 0] -= c
                    }
                }
                c += 1
            }
            log("pairing epoch \(epoch + 1): \(wrong) of \(examples.count) wrong")
        }
        var averaged: [UInt64: Float] = [:]
        for (f, value) in w { averaged[f] = value - (u[f] ?? 0) / c }
        // Scale so the weights keep their order at a precision of hundredths.
        let top = averaged.values.map(abs).max() ?? 1
        return averaged.mapValues { $0 / max(top, 1e-6) * 10 }
    }

    /// The evaluation table for `records` with `extractor`.
    static func score(_ records: [GoldQuoteFile.Record], extractor: QuoteExtractor, errorsPath: String? = nil) -> String {
        var counts = [QuoteMatchCounts](repeating: QuoteMatchCounts(), count: QuoteEvaluation.thresholds.count)
        var errors = ""
        for record in records {
            let article = Article(id: record.id, source: record.id, text: record.text)
            let predicted = extractor.quotes(in: article).map { o in
                PredictedQuoteSpan(
                    start: o.start, end: o.end, speaker: o.speaker,
                    speakerSpan: o.speakerStart.flatMap { s in o.speakerEnd.map { s..<max(s, $0) } },
                    isDirect: o.kind == .direct)
            }
            let scored = QuoteEvaluation.score(record: record, text: record.text, predicted: predicted)
            for index in counts.indices { counts[index] = counts[index] + scored.counts[index] }
            for e in scored.speakerErrors { errors += "\(e.document)\tgold: \(e.gold)\tpredicted: \(e.predicted)\tquote: \(e.quote)\n" }
        }
        if let errorsPath { try? errors.write(toFile: errorsPath, atomically: true, encoding: .utf8) }
        return QuoteEvaluation.table(counts)
    }

    /// Gold tags of a record: contents (outermost first), then cues and sources over them.
    static func goldTags(_ record: GoldQuoteFile.Record, _ input: TaggerInput) -> [QuoteTag] {
        let tokens = input.tokens
        var kind = [Int](repeating: 0, count: tokens.count)  // 0 outside, 1 content, 2 source, 3 cue
        var span = [Int](repeating: -1, count: tokens.count)
        var next = 0
        func mark(_ ranges: [GoldQuoteFile.Span], as value: Int, overwrite: Bool) {
            for range in ranges where range.end > range.start {
                let id = next
                next += 1
                // Tokens starting inside the span (binary search for the first).
                var lo = 0
                var hi = tokens.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if tokens[mid].start < range.start { lo = mid + 1 } else { hi = mid }
                }
                var k = lo
                while k < tokens.count, tokens[k].start < range.end {
                    if overwrite || kind[k] == 0 {
                        kind[k] = value
                        span[k] = id
                    }
                    k += 1
                }
            }
        }
        let contents = record.attributions.flatMap { $0.content ?? [] }.sorted { $0.end - $0.start > $1.end - $1.start }
        mark(contents, as: 1, overwrite: false)
        mark(record.attributions.flatMap { $0.cue ?? [] }, as: 3, overwrite: true)
        mark(record.attributions.flatMap { $0.source ?? [] }, as: 2, overwrite: true)
        var tags = [QuoteTag](repeating: .outside, count: tokens.count)
        for k in tokens.indices where kind[k] != 0 {
            let begins = k == 0 || span[k - 1] != span[k] || kind[k - 1] != kind[k]
            switch kind[k] {
            case 1: tags[k] = begins ? .contentBegin : .contentInside
            case 2: tags[k] = begins ? .sourceBegin : .sourceInside
            default: tags[k] = begins ? .cueBegin : .cueInside
            }
        }
        return tags
    }
}

