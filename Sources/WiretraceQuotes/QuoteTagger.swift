/// The label of one token in an attribution: outside, or the beginning or inside of a content,
/// source (speaker) or cue (reporting verb) span.
package enum QuoteTag: Int, Sendable, CaseIterable {
    case outside = 0, contentBegin, contentInside, sourceBegin, sourceInside, cueBegin, cueInside

    package static let count = 7

    /// Whether `next` may follow `self` (an inside tag continues a span of its own kind).
    package func allows(_ next: QuoteTag) -> Bool {
        switch next {
        case .contentInside: self == .contentBegin || self == .contentInside
        case .sourceInside: self == .sourceBegin || self == .sourceInside
        case .cueInside: self == .cueBegin || self == .cueInside
        default: true
        }
    }
}

/// What the tagger reads of a document: its tokens, the sentence of each token, and which tokens
/// stand between quote marks or are quote marks.
package struct TaggerInput: Sendable {
    package var tokens: [Token]
    package var sentence: [Int]
    package var inQuote: [Bool]
    package var isMark: [Bool]
    /// The quote-mark spans of the text, and the token bounds of each: the opening mark, and the
    /// closing mark (or one past the last content token).
    package var spans: [QuoteSpan]
    package var bounds: [(open: Int, close: Int)]

    package init(
        tokens: [Token], sentence: [Int], inQuote: [Bool], isMark: [Bool], spans: [QuoteSpan] = [],
        bounds: [(open: Int, close: Int)] = []
    ) {
        self.tokens = tokens
        self.sentence = sentence
        self.inQuote = inQuote
        self.isMark = isMark
        self.spans = spans
        self.bounds = bounds
    }

    /// Tokens, sentences and quote marks of `text`, as the extractor sees them: built once per
    /// article and read by both the quote-mark rules and the tagger.
    /// - Complexity: O(n) in the length of the text.
    package static func make(_ text: ScalarText) -> TaggerInput {
        let tokens = Tokenizer.tokens(text)
        guard !tokens.isEmpty else { return TaggerInput(tokens: [], sentence: [], inQuote: [], isMark: []) }
        var inQuote = [Bool](repeating: false, count: tokens.count)
        var isMark = [Bool](repeating: false, count: tokens.count)
        var openMarks = Set<Int>()
        var tokenAtOffset: [Int: Int] = [:]
        for (index, token) in tokens.enumerated() { tokenAtOffset[token.start] = index }
        let spans = QuoteScanner.spans(in: text)
        var bounds: [(open: Int, close: Int)] = []
        bounds.reserveCapacity(spans.count)
        for span in spans {
            let open = tokenAtOffset[span.openStart] ?? 0
            var close: Int
            if span.continuesToNext {
                close = open + 1
                while close < tokens.count, tokens[close].end <= span.closeStart { close += 1 }
            } else {
                close = tokenAtOffset[span.closeStart] ?? open + 1
            }
            bounds.append((open, close))
            openMarks.insert(open)
            isMark[open] = true
            if close < tokens.count, !span.continuesToNext { isMark[close] = true }
            if open + 1 < close { for k in (open + 1)..<close { inQuote[k] = true } }
        }
        let sentence = QuoteExtractor.sentenceIDs(tokens, inQuote: inQuote, openMarks: openMarks)
        return TaggerInput(tokens: tokens, sentence: sentence, inQuote: inQuote, isMark: isMark, spans: spans, bounds: bounds)
    }
}

/// A linear sequence model over tokens (a structured averaged perceptron): per-token features
/// hashed to 64 bits, one weight per feature and tag, tag-to-tag transition weights, and the
/// best tag sequence by Viterbi under the BIO constraints. The weights are learned from
/// attribution-annotated news (`make train-quotes`, see `QuoteTraining` in WiretracePipeline); the
/// cue words the distance features refer to are learned with them.
package struct QuoteTaggerModel: Sendable {
    /// Feature hash -> row in `weights` (QuoteTag.count weights per row).
    package var rows: [UInt64: Int32]
    package var weights: [Float]
    /// transitions[from * count + to]; row `count` is the start of the document.
    package var transitions: [Float]
    /// Words that head attribution cues in the training data often enough to be cue candidates.
    package var cueWords: Set<String>
    /// Weights of the speaker-pairing features (see ``SpeakerCandidate``).
    package var pairWeights: [UInt64: Float]

    package init(
        rows: [UInt64: Int32], weights: [Float], transitions: [Float], cueWords: Set<String>,
        pairWeights: [UInt64: Float] = [:]
    ) {
        self.rows = rows
        self.weights = weights
        self.transitions = transitions
        self.cueWords = cueWords
        self.pairWeights = pairWeights
    }

    /// The candidate the pairing weights score highest; without pairing weights, the nearest.
    package func bestSpeaker(_ candidates: [SpeakerCandidate]) -> SpeakerCandidate? {
        guard !pairWeights.isEmpty else { return candidates.first { $0.origins.contains(.ruleQuote) } ?? candidates.first }
        return candidates.max { pairScore($0) < pairScore($1) }
    }

    package func pairScore(_ candidate: SpeakerCandidate) -> Float {
        candidate.features.reduce(0) { $0 + (pairWeights[$1] ?? 0) }
    }

    /// The model compiled into the module (empty when none has been trained).
    package static let shared: QuoteTaggerModel = QuoteTaggerModel(serialized: QuoteTaggerWeights.model) ?? .empty

    package static let empty = QuoteTaggerModel(
        rows: [:], weights: [], transitions: [Float](repeating: 0, count: (QuoteTag.count + 1) * QuoteTag.count),
        cueWords: [])

    package var isEmpty: Bool { rows.isEmpty }

    /// The best tags of `input`.
    /// - Complexity: O(n · f + n · t²) for n tokens, f features per token and t tags.
    package func tag(_ input: TaggerInput) -> [QuoteTag] {
        let features = QuoteFeatures.extract(input, cueWords: cueWords)
        return decode(features.map { row in scores(row) })
    }

    /// Per-tag scores of one token's features.
    package func scores(_ features: [UInt64]) -> [Float] {
        var score = [Float](repeating: 0, count: QuoteTag.count)
        for feature in features {
            guard let row = rows[feature] else { continue }
            let base = Int(row) * QuoteTag.count
            for t in 0..<QuoteTag.count { score[t] += weights[base + t] }
        }
        return score
    }

    /// Viterbi over emission scores and the transition weights, inside tags only after their begin tag.
    package func decode(_ emissions: [[Float]]) -> [QuoteTag] {
        Self.viterbi(emissions, transitions: transitions)
    }

    package static func viterbi(_ emissions: [[Float]], transitions: [Float]) -> [QuoteTag] {
        let n = emissions.count
        let t = QuoteTag.count
        guard n > 0 else { return [] }
        let tags = QuoteTag.allCases
        var best = [Float](repeating: 0, count: t)
        var back = [Int8](repeating: 0, count: n * t)
        for j in 0..<t {
            let allowed = tags[j] != .contentInside && tags[j] != .sourceInside && tags[j] != .cueInside
            best[j] = allowed ? emissions[0][j] + transitions[t * t + j] : -.infinity
        }
        var next = [Float](repeating: 0, count: t)
        for k in 1..<max(n, 1) {
            for j in 0..<t {
                var top: Float = -.infinity
                var from = 0
                for i in 0..<t where tags[i].allows(tags[j]) {
                    let s = best[i] + transitions[i * t + j]
                    if s > top {
                        top = s
                        from = i
                    }
                }
                next[j] = top + emissions[k][j]
                back[k * t + j] = Int8(from)
            }
            swap(&best, &next)
        }
        var j = best.indices.max { best[$0] < best[$1] }!
        var result = [QuoteTag](repeating: .outside, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            result[k] = tags[j]
            if k > 0 { j = Int(back[k * t + j]) }
        }
        return result
    }

    /// Maximal spans of one kind in a tag sequence (token index ranges, inclusive).
    package static func spans(_ tags: [QuoteTag], begin: QuoteTag, inside: QuoteTag) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var k = 0
        while k < tags.count {
            guard tags[k] == begin || tags[k] == inside else {
                k += 1
                continue
            }
            var e = k
            while e + 1 < tags.count, tags[e + 1] == inside { e += 1 }
            result.append(k...e)
            k = e + 1
        }
        return result
    }
}

extension QuoteTaggerModel {
    /// Reads the text form written by ``serialized``: a header line, the cue words, the
    /// transitions, then one line per feature (`+step w0,w1,...`: the hash as a step from the
    /// previous line's, the weights in hundredths in tag order, base 36).
    package init?(serialized text: String) {
        var rows: [UInt64: Int32] = [:]
        var weights: [Float] = []
        var transitions: [Float] = []
        var cues: Set<String> = []
        var pair: [UInt64: Float] = [:]
        var sawHeader = false
        var previousHash: UInt64 = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: " ")
            guard let head = fields.first else { continue }
            switch head {
            case "wiretrace-quote-tagger":
                sawHeader = fields.count == 2 && fields[1] == "2"
            case "cues":
                cues.formUnion(fields.dropFirst().map(String.init))
            case "trans":
                transitions = fields.dropFirst().compactMap { Int($0) }.map { Float($0) / 100 }
            case "pair":
                guard fields.count == 3, let hash = UInt64(fields[1], radix: 16), let value = Int(fields[2]) else { return nil }
                pair[hash] = Float(value) / 100
            default:
                // "+STEP w0,w1,...": the feature hash as a step from the previous row's, then the row's
                // weights in hundredths in tag order, empty for zero, trailing zeros left out; all base 36.
                guard fields.count == 2, head.first == "+", let step = UInt64(head.dropFirst(), radix: 36) else { return nil }
                let (hash, overflow) = previousHash.addingReportingOverflow(step)
                let values = fields[1].split(separator: ",", omittingEmptySubsequences: false)
                guard !overflow, values.count <= QuoteTag.count else { return nil }
                previousHash = hash
                let base = weights.count
                weights.append(contentsOf: repeatElement(0, count: QuoteTag.count))
                for (tag, value) in values.enumerated() where !value.isEmpty {
                    guard let hundredths = Int(value, radix: 36) else { return nil }
                    weights[base + tag] = Float(hundredths) / 100
                }
                rows[hash] = Int32(base / QuoteTag.count)
            }
        }
        guard sawHeader, transitions.count == (QuoteTag.count + 1) * QuoteTag.count else { return nil }
        self.init(rows: rows, weights: weights, transitions: transitions, cueWords: cues, pairWeights: pair)
    }

    /// The text form of the model, in a stable order (features sorted by hash).
    package func serialized() -> String {
        func hundredths(_ x: Float) -> Int { Int((x * 100).rounded()) }
        var out = "wiretrace-quote-tagger 2\n"
        out += "cues " + cueWords.sorted().joined(separator: " ") + "\n"
        out += "trans " + transitions.map { String(hundredths($0)) }.joined(separator: " ") + "\n"
        for (hash, weight) in pairWeights.sorted(by: { $0.key < $1.key }) where hundredths(weight) != 0 {
            out += "pair \(String(hash, radix: 16)) \(hundredths(weight))\n"
        }
        // Rows in hash order, each hash as its step from the one before (about half the digits of the
        // hash itself) and its weights in tag order, numbers in base 36: ~1.6 MB instead of ~3 MB.
        var previous: UInt64 = 0
        for (hash, row) in rows.sorted(by: { $0.key < $1.key }) {
            let base = Int(row) * QuoteTag.count
            var values = (0..<QuoteTag.count).map { hundredths(weights[base + $0]) }
            while values.last == 0 { values.removeLast() }
            guard !values.isEmpty else { continue }
            out += "+" + String(hash - previous, radix: 36) + " "
            out += values.map { $0 == 0 ? "" : String($0, radix: 36) }.joined(separator: ",") + "\n"
            previous = hash
        }
        return out
    }
}

/// The features of each token, as 64-bit hashes of (template, value). The same in every process.
package enum QuoteFeatures {
    private static let prime: UInt64 = 0x100_0000_01b3

    /// Features are kept as 40-bit hashes (at most eight base-36 digits in the model file); among the few
    /// hundred thousand distinct features of the training data, collisions are negligible.
    private static let mask: UInt64 = 0xFF_FFFF_FFFF

    @inline(__always)
    private static func fnv(_ template: UInt64, _ value: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (template &* 0x9E37_79B9_7F4A_7C15)
        for byte in value.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    @inline(__always)
    private static func hash(_ template: UInt64, _ value: String) -> UInt64 {
        fnv(template, value) & mask
    }

    @inline(__always)
    private static func hash(_ template: UInt64, _ a: String, _ b: String) -> UInt64 {
        var h = fnv(template, a)
        h = (h ^ 0xff) &* prime
        for byte in b.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return h & mask
    }

    /// A speaker-pairing feature.
    package static func pairHash(_ value: String) -> UInt64 { hash(99, value) }

    /// The shape of a word: upper-case letters X, lower-case x, digits d, repeats collapsed;
    /// punctuation as itself.
    static func shape(_ token: Token) -> String {
        guard token.isWord else { return token.text.count <= 2 ? token.text : "P" }
        var out = ""
        var last: Character = " "
        for scalar in token.text.unicodeScalars {
            let c: Character
            if scalar.isUpperCaseLetter {
                c = "X"
            } else if scalar.properties.numericType != nil {
                c = "d"
            } else if scalar.properties.isAlphabetic {
                c = "x"
            } else {
                c = "-"
            }
            if c != last { out.append(c) }
            last = c
        }
        return out
    }

    private static func bucket(_ d: Int) -> String {
        switch d {
        case ..<1: "0"
        case 1: "1"
        case 2: "2"
        case 3...4: "3"
        case 5...8: "5"
        case 9...16: "9"
        default: "17"
        }
    }

    /// Features of every token of `input`.
    /// - Complexity: O(n) in the number of tokens (a fixed number of templates per token; the
    ///   nearest cues are found in two passes).
    package static func extract(_ input: TaggerInput, cueWords: Set<String>) -> [[UInt64]] {
        let tokens = input.tokens
        let n = tokens.count
        let lower = tokens.map { $0.isWord ? $0.lower : $0.text }
        let shapes = tokens.map(shape)
        var isCue = [Bool](repeating: false, count: n)
        for k in 0..<n where tokens[k].isWord && cueWords.contains(tokens[k].lower) { isCue[k] = true }
        // "according to" heads a cue as one word would.
        for k in 0..<n where tokens[k].lower == "according" && k + 1 < n && tokens[k + 1].lower == "to" { isCue[k] = true }

        // Nearest cue to the left and right within the sentence, and what lies between.
        var leftCue = [Int](repeating: -1, count: n)
        var thatSinceCue = [Bool](repeating: false, count: n)
        var commaSinceCue = [Bool](repeating: false, count: n)
        var last = -1
        var sawThat = false
        var sawComma = false
        for k in 0..<n {
            if k > 0, input.sentence[k] != input.sentence[k - 1] { last = -1 }
            leftCue[k] = last
            thatSinceCue[k] = sawThat
            commaSinceCue[k] = sawComma
            if isCue[k] {
                last = k
                sawThat = false
                sawComma = false
            } else if last >= 0 {
                if lower[k] == "that" { sawThat = true }
                if lower[k] == "," || lower[k] == ":" { sawComma = true }
            }
        }
        var rightCue = [Int](repeating: -1, count: n)
        var commaBeforeCue = [Bool](repeating: false, count: n)
        var nextCue = -1
        var sawCommaR = false
        for k in stride(from: n - 1, through: 0, by: -1) {
            if k + 1 < n, input.sentence[k] != input.sentence[k + 1] {
                nextCue = -1
                sawCommaR = false
            }
            rightCue[k] = nextCue
            commaBeforeCue[k] = sawCommaR
            if isCue[k] {
                nextCue = k
                sawCommaR = false
            } else if nextCue >= 0, lower[k] == "," {
                sawCommaR = true
            }
        }
        // Position in the sentence.
        var sentenceStart = [Int](repeating: 0, count: n)
        for k in 1..<max(n, 1) where input.sentence[k] == input.sentence[k - 1] { sentenceStart[k] = sentenceStart[k - 1] }
        for k in 1..<max(n, 1) where input.sentence[k] != input.sentence[k - 1] { sentenceStart[k] = k }

        var result: [[UInt64]] = []
        result.reserveCapacity(n)
        func word(_ k: Int) -> String { k < 0 ? "<s>" : k >= n ? "</s>" : lower[k] }
        func shapeAt(_ k: Int) -> String { k < 0 ? "<s>" : k >= n ? "</s>" : shapes[k] }
        for k in 0..<n {
            var f: [UInt64] = []
            f.reserveCapacity(28)
            let w = lower[k]
            let quote = input.isMark[k] ? "m" : input.inQuote[k] ? "q" : "o"
            let left = leftCue[k] >= 0 ? bucket(k - leftCue[k]) : "-"
            let right = rightCue[k] >= 0 ? bucket(rightCue[k] - k) : "-"
            f.append(hash(0, "bias"))
            f.append(hash(1, w))
            f.append(hash(2, word(k - 1)))
            f.append(hash(3, word(k + 1)))
            f.append(hash(4, word(k - 2)))
            f.append(hash(5, word(k + 2)))
            f.append(hash(6, shapes[k]))
            f.append(hash(7, String(w.suffix(3))))
            f.append(hash(8, word(k - 1), w))
            f.append(hash(9, w, word(k + 1)))
            f.append(hash(10, quote, shapes[k]))
            f.append(hash(11, shapeAt(k - 1), shapeAt(k + 1)))
            f.append(hash(12, left, right))
            f.append(hash(13, left, quote))
            f.append(hash(14, right, quote))
            f.append(hash(15, leftCue[k] >= 0 ? lower[leftCue[k]] : "-", left))
            f.append(hash(16, rightCue[k] >= 0 ? lower[rightCue[k]] : "-", right))
            f.append(hash(17, thatSinceCue[k] ? "that" : "-", left))
            f.append(hash(18, commaSinceCue[k] ? "," : "-", left))
            f.append(hash(19, commaBeforeCue[k] ? "," : "-", right))
            f.append(hash(20, bucket(k - sentenceStart[k]), quote))
            f.append(hash(21, w, left))
            f.append(hash(22, w, right))
            f.append(hash(23, isCue[k] ? "cue" : "-", shapeAt(k - 1)))
            f.append(hash(24, k > 0 && tokens[k - 1].paragraph != tokens[k].paragraph ? "par" : "-", quote))
            f.append(hash(25, word(k - 1), shapes[k]))
            f.append(hash(26, shapes[k], word(k + 1)))
            result.append(f)
        }
        return result
    }
}
