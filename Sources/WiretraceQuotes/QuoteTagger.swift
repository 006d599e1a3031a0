import WiretraceCore

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
        // The token starting at a scalar offset: tokens are in order of their starts, so a binary
        // search (no dictionary of every token built per article).
        func tokenAtOffset(_ offset: Int) -> Int? {
            let low = tokens.partitioningIndex { $0.start >= offset }
            return low < tokens.count && tokens[low].start == offset ? low : nil
        }
        let spans = QuoteScanner.spans(in: text)
        var bounds: [(open: Int, close: Int)] = []
        bounds.reserveCapacity(spans.count)
        for span in spans {
            let open = tokenAtOffset(span.openStart) ?? 0
            var close: Int
            if span.continuesToNext {
                close = open + 1
                while close < tokens.count, tokens[close].end <= span.closeStart { close += 1 }
            } else {
                close = tokenAtOffset(span.closeStart) ?? open + 1
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
    package var rows: [UInt64: Int32] { didSet { table = FeatureRowTable(rows) } }
    /// `rows` for lookups while tagging.
    private var table: FeatureRowTable
    package var weights: [Float]
    /// transitions[from * count + to]; row `count` is the start of the document.
    package var transitions: [Float]
    /// Words that head attribution cues in the training data often enough to be cue candidates.
    package var cueWords: Set<String>
    /// Weights of the speaker-pairing features (see ``SpeakerCandidate``).
    package var pairWeights: [UInt64: Float] { didSet { pairTable = PairWeightTable(pairWeights) } }
    /// `pairWeights` for lookups while ranking speakers.
    private var pairTable: PairWeightTable

    package init(
        rows: [UInt64: Int32], weights: [Float], transitions: [Float], cueWords: Set<String>,
        pairWeights: [UInt64: Float] = [:]
    ) {
        self.rows = rows
        self.table = FeatureRowTable(rows)
        self.weights = weights
        self.transitions = transitions
        self.cueWords = cueWords
        self.pairWeights = pairWeights
        self.pairTable = PairWeightTable(pairWeights)
    }

    /// The candidate the pairing weights score highest; without pairing weights, the nearest.
    package func bestSpeaker(_ candidates: [SpeakerCandidate]) -> SpeakerCandidate? {
        guard !pairWeights.isEmpty else { return candidates.first { $0.origins.contains(.ruleQuote) } ?? candidates.first }
        // `max(by:)` over the scores, each candidate scored once (the comparator scored both sides
        // at every step): the first of the highest scores wins, as there.
        guard var best = candidates.indices.first else { return nil }
        var top = pairScore(candidates[best])
        for index in candidates.indices.dropFirst() {
            let score = pairScore(candidates[index])
            if top < score {
                top = score
                best = index
            }
        }
        return candidates[best]
    }

    package func pairScore(_ candidate: SpeakerCandidate) -> Float {
        pairTable.score(candidate.features)
    }

    /// The model compiled into the module (empty when none has been trained).
    package static let shared: QuoteTaggerModel = QuoteTaggerModel(serialized: QuoteTaggerWeights.model) ?? .empty

    package static let empty = QuoteTaggerModel(
        rows: [:], weights: [], transitions: [Float](repeating: 0, count: (QuoteTag.count + 1) * QuoteTag.count),
        cueWords: [])

    package var isEmpty: Bool { rows.isEmpty }

    /// The best tags of `input`; `contentBias` is added to every token's content scores (begin and
    /// inside), trading precision for recall of reported contents.
    /// - Complexity: O(n · f + n · t²) for n tokens, f features per token and t tags.
    /// `extraContentBias`, when given, holds one more bias per token, added to `contentBias`.
    package func tag(_ input: TaggerInput, contentBias: Float = 0, extraContentBias: [Float]? = nil) -> [QuoteTag] {
        let n = input.tokens.count
        guard n > 0 else { return [] }
        let features = QuoteFeatures.extractFlat(input, cueWords: cueWords)
        let t = QuoteTag.count
        let per = QuoteFeatures.perToken
        // Every feature's row first, then the sums: the lookups do not wait on each other, so
        // their cache misses overlap (the table and the weights are larger than the caches near
        // the core). The sums are added in the same order as one pass would add them.
        let rowOf = table.rows(features)
        var emissions = [Float](repeating: 0, count: n * t)
        // One token's seven sums are kept in locals, not in `emissions`: adding into the array made
        // each row's sums wait on the store of the row before, so the weight rows' cache misses
        // did not overlap. Each sum still starts from the bias and adds the rows in feature order.
        precondition(t == 7, "the emission sums below are written out for seven tags")
        weights.withUnsafeBufferPointer { w in
            rowOf.withUnsafeBufferPointer { r in
                emissions.withUnsafeMutableBufferPointer { e in
                    for k in 0..<n {
                        let bias = contentBias + (extraContentBias?[k] ?? 0)
                        var s0: Float = 0, s1 = bias, s2 = bias, s3: Float = 0, s4: Float = 0, s5: Float = 0, s6: Float = 0
                        for f in (k * per)..<((k + 1) * per) {
                            let row = r[f]
                            guard row >= 0 else { continue }
                            let base = Int(row) * t
                            s0 += w[base]
                            s1 += w[base + 1]
                            s2 += w[base + 2]
                            s3 += w[base + 3]
                            s4 += w[base + 4]
                            s5 += w[base + 5]
                            s6 += w[base + 6]
                        }
                        let out = k * t
                        e[out] = s0
                        e[out + 1] = s1
                        e[out + 2] = s2
                        e[out + 3] = s3
                        e[out + 4] = s4
                        e[out + 5] = s5
                        e[out + 6] = s6
                    }
                }
            }
        }
        return Self.viterbi(flat: emissions, count: n, transitions: transitions)
    }

    /// Per-tag scores of one token's features.
    package func scores(_ features: [UInt64]) -> [Float] {
        var score = [Float](repeating: 0, count: QuoteTag.count)
        for feature in features {
            let row = table.row(feature)
            guard row >= 0 else { continue }
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
        viterbi(flat: emissions.flatMap { $0 }, count: emissions.count, transitions: transitions)
    }

    /// Whether tag `to` may follow tag `from`, as a table (`from * count + to`).
    private static let allowed: [Bool] = QuoteTag.allCases.flatMap { from in QuoteTag.allCases.map { from.allows($0) } }

    /// Viterbi over `count` tokens' emission scores in one array (`count` tags per token).
    package static func viterbi(flat emissions: [Float], count n: Int, transitions: [Float]) -> [QuoteTag] {
        let t = QuoteTag.count
        guard n > 0 else { return [] }
        let tags = QuoteTag.allCases
        var best = [Float](repeating: 0, count: t)
        var back = [Int8](repeating: 0, count: n * t)
        for j in 0..<t {
            let open = tags[j] != .contentInside && tags[j] != .sourceInside && tags[j] != .cueInside
            best[j] = open ? emissions[j] + transitions[t * t + j] : -.infinity
        }
        var next = [Float](repeating: 0, count: t)
        for k in 1..<n {
            for j in 0..<t {
                var top: Float = -.infinity
                var from = 0
                for i in 0..<t where allowed[i * t + j] {
                    let s = best[i] + transitions[i * t + j]
                    if s > top {
                        top = s
                        from = i
                    }
                }
                next[j] = top + emissions[k * t + j]
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

    /// Templates per token (see ``extract(_:cueWords:)``).
    package static let perToken = 36

    @inline(__always)
    private static func fnv(_ template: UInt64, _ value: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (template &* 0x9E37_79B9_7F4A_7C15)
        for byte in value.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    /// A speaker-pairing feature.
    package static func pairHash(_ value: String) -> UInt64 { fnv(99, value) & mask }

    /// ``pairHash(_:)`` of the concatenation of `parts`, without building it: FNV reads the bytes
    /// in order, and a concatenation's UTF-8 is its parts' UTF-8 one after another. (Each speaker
    /// candidate has some thirty features; building their strings was most of their cost.)
    @inline(__always)
    package static func pairHash(_ a: String, _ b: String, _ c: String = "", _ d: String = "") -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (99 &* 0x9E37_79B9_7F4A_7C15)
        for byte in a.utf8 { h = (h ^ UInt64(byte)) &* prime }
        for byte in b.utf8 { h = (h ^ UInt64(byte)) &* prime }
        for byte in c.utf8 { h = (h ^ UInt64(byte)) &* prime }
        for byte in d.utf8 { h = (h ^ UInt64(byte)) &* prime }
        return h & mask
    }

    /// A string's value hash, computed once per token and combined with each template that reads it.
    @inline(__always)
    package static func value(_ s: String) -> UInt64 { fnv(0, s) }

    /// A 64-bit mixer (the finaliser of SplitMix64) combining a template and value hashes.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ 0x632B_E59B_D9B4_E019)
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    @inline(__always)
    private static func feature(_ template: UInt64, _ a: UInt64) -> UInt64 { mix(template, a) & mask }

    @inline(__always)
    private static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { mix(mix(template, a), b) & mask }

    @inline(__always)
    private static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        mix(mix(mix(template, a), b), c) & mask
    }

    /// The shape of a word: upper-case letters X, lower-case x, digits d, repeats collapsed;
    /// punctuation as itself.
    static func shape(_ token: Token) -> String {
        guard token.isWord else { return token.text.count <= 2 ? token.text : "P" }
        var out = ""
        var last: UInt8 = 0x20
        for scalar in token.text.unicodeScalars {
            let c = shapeClass(scalar)
            if c != last { out.append(Character(Unicode.Scalar(c))) }
            last = c
        }
        return out
    }

    /// The shape class of a scalar as its ASCII letter (`X`, `x`, `d` or `-`): a byte, so the shape
    /// hash compares and hashes bytes rather than `Character`s.
    @inline(__always)
    private static func shapeClass(_ scalar: Unicode.Scalar) -> UInt8 {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return UInt8(ascii: "X") }
            if v >= 0x61 && v <= 0x7A { return UInt8(ascii: "x") }
            if v >= 0x30 && v <= 0x39 { return UInt8(ascii: "d") }
            return UInt8(ascii: "-")
        }
        if scalar.isUpperCaseLetter { return UInt8(ascii: "X") }
        if scalar.properties.numericType != nil { return UInt8(ascii: "d") }
        if scalar.properties.isAlphabetic { return UInt8(ascii: "x") }
        return UInt8(ascii: "-")
    }

    /// The value hash of ``shape(_:)`` without building the string (the same number).
    @inline(__always)
    package static func shapeValue(_ token: Token) -> UInt64 {
        guard token.isWord else { return value(token.text.count <= 2 ? token.text : "P") }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var last: UInt8 = 0x20
        for scalar in token.text.unicodeScalars {
            let c = shapeClass(scalar)
            if c != last { h = (h ^ UInt64(c)) &* prime }
            last = c
        }
        return h
    }

    /// The distance bucket of `d` tokens, as a small code.
    @inline(__always)
    private static func bucket(_ d: Int) -> UInt64 {
        switch d {
        case ..<1: 0
        case 1: 1
        case 2: 2
        case 3...4: 3
        case 5...8: 5
        case 9...16: 9
        default: 17
        }
    }

    private static let none: UInt64 = 0xFFFF
    private static let startValue = value("<s>")
    private static let endValue = value("</s>")
    private static let determiners: Set<String> = [
        "the", "a", "an", "this", "that's", "these", "those", "his", "her", "their", "its", "our", "my", "your",
        "any", "some", "no", "all",
    ]
    private static let subjectPronouns: Set<String> = ["he", "she", "it", "they", "we", "i", "you", "there"]

    /// What follows a cue (the start of its complement): a clause ("that", a pronoun), a noun phrase
    /// (a determiner), punctuation, a name or another word.
    private static func complement(_ tokens: [Token], _ lower: [String], after k: Int, isMark: [Bool]) -> UInt64 {
        guard k < tokens.count else { return 0 }
        if isMark[k] { return 8 }
        let w = lower[k]
        if !tokens[k].isWord { return w == "," ? 4 : w == ":" ? 5 : 10 }
        if w == "that" { return 1 }
        if determiners.contains(w) { return 2 }
        if subjectPronouns.contains(w) { return 3 }
        if w == "to" { return 7 }
        if tokens[k].isCapitalized { return 6 }
        return 9
    }

    /// The class of a cue word as a code: 1 saying, 2 thinking, 3 stance, 4 evidence, 5 "according to",
    /// 6 a learned cue outside the classes.
    private static func cueClass(_ word: String) -> UInt64 {
        if word == "according" { return 5 }
        switch CueVerbs.verbClass(word) {
        case "speech": return 1
        case "thought": return 2
        case "stance": return 3
        case "evidence": return 4
        default: return 6
        }
    }

    /// Whether each token is a cue word: a learned cue word, or a verb of saying or thinking the
    /// training text had too rarely (not capitalised). The two string sets are asked once per
    /// distinct word of the text, not once per token (a word recurs; each question hashes the
    /// string and finds its lemma): the words are told apart by their value hash (`words`) and then
    /// by their bytes, so the answers are those of ``referenceCueTokens(_:lower:cueWords:)``.
    /// - Complexity: O(n) expected in the number of tokens.
    package static func cueTokens(_ tokens: [Token], lower: [String], words: [UInt64], cueWords: Set<String>) -> [Bool] {
        let n = tokens.count
        var isCue = [Bool](repeating: false, count: n)
        // Per distinct word, at the token where it first occurs: whether it is a learned cue word,
        // and whether it takes a report (-1 not yet asked).
        var learned = [Bool](repeating: false, count: n)
        var reports = [Int8](repeating: -1, count: n)
        var bits = 4
        while (1 << bits) < 2 * n { bits += 1 }
        let slotMask = (1 << bits) - 1
        let shift = UInt64(64 - bits)
        var first = [Int](repeating: -1, count: 1 << bits)
        for k in 0..<n where tokens[k].isWord {
            var slot = Int(truncatingIfNeeded: (words[k] &* 0x9E37_79B9_7F4A_7C15) >> shift)
            var r = -1
            while first[slot] >= 0 {
                let c = first[slot]
                if words[c] == words[k], lower[c].utf8.elementsEqual(lower[k].utf8) {
                    r = c
                    break
                }
                slot = (slot + 1) & slotMask
            }
            if r < 0 {
                r = k
                first[slot] = k
                learned[k] = cueWords.contains(lower[k])
            }
            if learned[r] {
                isCue[k] = true
            } else if !tokens[k].isCapitalized {
                if reports[r] < 0 { reports[r] = CueVerbs.takesReport(lower[k]) ? 1 : 0 }
                isCue[k] = reports[r] == 1
            }
        }
        return isCue
    }

    /// ``cueTokens(_:lower:words:cueWords:)`` asked token by token: the reference it is tested against.
    package static func referenceCueTokens(_ tokens: [Token], lower: [String], cueWords: Set<String>) -> [Bool] {
        tokens.indices.map { k in
            tokens[k].isWord
                && (cueWords.contains(lower[k]) || (!tokens[k].isCapitalized && CueVerbs.takesReport(lower[k])))
        }
    }

    /// Features of every token of `input`, `perToken` per token.
    package static func extract(_ input: TaggerInput, cueWords: Set<String>) -> [[UInt64]] {
        let flat = extractFlat(input, cueWords: cueWords)
        return (0..<input.tokens.count).map { Array(flat[($0 * perToken)..<(($0 + 1) * perToken)]) }
    }

    /// Features of every token of `input` in one array, `perToken` per token.
    /// - Complexity: O(n) in the number of tokens (a fixed number of templates per token; the
    ///   nearest cues are found in two passes).
    package static func extractFlat(_ input: TaggerInput, cueWords: Set<String>) -> [UInt64] {
        let tokens = input.tokens
        let n = tokens.count
        guard n > 0 else { return [] }
        let lower = tokens.map { $0.isWord ? $0.lower : $0.text }
        let words = lower.map(value)
        let shapes = tokens.map(shapeValue)
        let suffixes = lower.map { w -> UInt64 in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in w.utf8.suffix(3) { h = (h ^ UInt64(byte)) &* prime }
            return h
        }
        var isCue = cueTokens(tokens, lower: lower, words: words, cueWords: cueWords)
        // "according to" heads a cue as one word would.
        for k in 0..<n where lower[k] == "according" && k + 1 < n && lower[k + 1] == "to" { isCue[k] = true }
        // Per cue: its class, its lemma, what follows it, and whether it stands between commas after
        // a short subject ("..., he said, ...": the reported clause is split around it).
        var classOf = [UInt64](repeating: 0, count: n)
        var lemmaOf = [UInt64](repeating: 0, count: n)
        var complementOf = [UInt64](repeating: 0, count: n)
        var parenthetical = [UInt64](repeating: 0, count: n)
        for k in 0..<n where isCue[k] {
            classOf[k] = cueClass(lower[k])
            lemmaOf[k] = value(CueVerbs.lemma(lower[k]))
            complementOf[k] = complement(tokens, lower, after: lower[k] == "according" ? k + 2 : k + 1, isMark: input.isMark)
            var j = k - 1
            while j >= 0, k - j <= 4, tokens[j].isWord, input.sentence[j] == input.sentence[k] { j -= 1 }
            if j >= 0, j < k - 1, lower[j] == "," || input.isMark[j] { parenthetical[k] = 1 }
        }

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
        // Position in the sentence, and clauses (commas outside quote marks) since its start.
        var sentenceStart = [Int](repeating: 0, count: n)
        var clause = [UInt64](repeating: 0, count: n)
        for k in 1..<n {
            if input.sentence[k] == input.sentence[k - 1] {
                sentenceStart[k] = sentenceStart[k - 1]
                clause[k] = min(3, clause[k - 1] + (lower[k - 1] == "," && !input.inQuote[k - 1] ? 1 : 0))
            } else {
                sentenceStart[k] = k
            }
        }
        // Across sentences: the class of the last cue of the sentence before, and how many sentences
        // back a cue introduced a colon ("X said: A. B.": the report runs on past the first sentence;
        // a colon ending a paragraph carries over to the next one).
        let sentenceCount = input.sentence[n - 1] + 1
        var lastCueClass = [UInt64](repeating: 0, count: sentenceCount)
        for k in 0..<n where isCue[k] { lastCueClass[input.sentence[k]] = classOf[k] }
        var sinceColon = [UInt64](repeating: 0, count: n)
        var colonSentence = -1
        var colonParagraph = -1
        var colonEndsParagraph = false
        for k in 0..<n {
            let s = input.sentence[k]
            if colonSentence >= 0, s > colonSentence {
                let p = tokens[k].paragraph
                if p == colonParagraph || (p == colonParagraph + 1 && colonEndsParagraph) {
                    sinceColon[k] = UInt64(min(s - colonSentence, 3))
                } else {
                    colonSentence = -1
                }
            }
            if lower[k] == ":", !input.inQuote[k], leftCue[k] >= 0, k - leftCue[k] <= 8 {
                colonSentence = s
                colonParagraph = tokens[k].paragraph
                colonEndsParagraph = k + 1 == n || tokens[k + 1].paragraph != tokens[k].paragraph
            }
        }

        var result = [UInt64](repeating: 0, count: n * perToken)
        @inline(__always) func word(_ k: Int) -> UInt64 { k < 0 ? startValue : k >= n ? endValue : words[k] }
        @inline(__always) func shapeAt(_ k: Int) -> UInt64 { k < 0 ? startValue : k >= n ? endValue : shapes[k] }
        let one: UInt64 = 1
        for k in 0..<n {
            let base = k * perToken
            let quote: UInt64 = input.isMark[k] ? 2 : input.inQuote[k] ? 1 : 0
            let lc = leftCue[k]
            let rc = rightCue[k]
            let left = lc >= 0 ? bucket(k - lc) : none
            let right = rc >= 0 ? bucket(rc - k) : none
            let w = words[k]
            result[base + 0] = feature(0, one)
            result[base + 1] = feature(1, w)
            result[base + 2] = feature(2, word(k - 1))
            result[base + 3] = feature(3, word(k + 1))
            result[base + 4] = feature(4, word(k - 2))
            result[base + 5] = feature(5, word(k + 2))
            result[base + 6] = feature(6, shapes[k])
            result[base + 7] = feature(7, suffixes[k])
            result[base + 8] = feature(8, word(k - 1), w)
            result[base + 9] = feature(9, w, word(k + 1))
            result[base + 10] = feature(10, quote, shapes[k])
            result[base + 11] = feature(11, shapeAt(k - 1), shapeAt(k + 1))
            result[base + 12] = feature(12, left, right)
            result[base + 13] = feature(13, left, quote)
            result[base + 14] = feature(14, right, quote)
            result[base + 15] = feature(15, lc >= 0 ? words[lc] : none, left)
            result[base + 16] = feature(16, rc >= 0 ? words[rc] : none, right)
            result[base + 17] = feature(17, thatSinceCue[k] ? 1 : 0, left)
            result[base + 18] = feature(18, commaSinceCue[k] ? 1 : 0, left)
            result[base + 19] = feature(19, commaBeforeCue[k] ? 1 : 0, right)
            result[base + 20] = feature(20, bucket(k - sentenceStart[k]), quote)
            result[base + 21] = feature(21, w, left)
            result[base + 22] = feature(22, w, right)
            result[base + 23] = feature(23, isCue[k] ? 1 : 0, shapeAt(k - 1))
            result[base + 24] = feature(24, k > 0 && tokens[k - 1].paragraph != tokens[k].paragraph ? 1 : 0, quote)
            result[base + 25] = feature(25, word(k - 1), shapes[k])
            result[base + 26] = feature(26, shapes[k], word(k + 1))
            // The cue's class and lemma (shared by its inflections and by rare verbs of its class),
            // with the distance, and the kind of complement it takes.
            result[base + 27] = feature(27, lc >= 0 ? lemmaOf[lc] : none, left)
            result[base + 28] = feature(28, lc >= 0 ? classOf[lc] : none, left, quote)
            result[base + 29] = feature(29, rc >= 0 ? classOf[rc] : none, right, quote)
            result[base + 30] = feature(30, lc >= 0 ? classOf[lc] : none, lc >= 0 ? complementOf[lc] : none, left)
            // A cue set between commas after its subject splits the reported clause in two.
            result[base + 31] = feature(31, lc >= 0 ? parenthetical[lc] &* 16 &+ complementOf[lc] : none, left)
            result[base + 32] = feature(32, rc >= 0 ? parenthetical[rc] &* 16 &+ complementOf[rc] : none, commaBeforeCue[k] ? 1 : 0, right)
            // Across sentences: a colon after a cue sentences back, the cue class of the sentence before.
            let s = input.sentence[k]
            result[base + 33] = feature(33, sinceColon[k], lc >= 0 ? 1 : 0, quote)
            result[base + 34] = feature(34, s > 0 ? lastCueClass[s - 1] : none, lc >= 0 || rc >= 0 ? 1 : 0, quote)
            result[base + 35] = feature(35, clause[k], lc >= 0 ? 1 : 0, rc >= 0 ? 1 : 0)
        }
        return result
    }
}

/// The layout both open-addressing tables below share: a power-of-two size of at least 16 slots,
/// at most half full, and a key's home slot from the top bits of a multiplicative hash.
private enum OpenAddressing {
    static func layout(count: Int) -> (size: Int, shift: UInt64) {
        var bits: UInt64 = 4
        while (1 << bits) < count * 2 { bits += 1 }
        return (1 << Int(bits), 64 - bits)
    }

    @inline(__always)
    static func home(_ key: UInt64, shift: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

/// Feature hash -> row, an open-addressing table over the (already well mixed) 40-bit feature
/// hashes: the tagger looks up every template of every token, and a `Dictionary`'s seeded hashing
/// of each key was most of the tagger's time. Read-only once built.
///
/// Each slot packs the 40-bit key above its 24-bit row in one `UInt64`, so a lookup reads one
/// memory place, not a key and then a row beside it in another array.
package struct FeatureRowTable: Sendable {
    private static let empty = UInt64.max
    private static let rowBits: UInt64 = 24
    private static let rowMask: UInt64 = (1 << 24) - 1
    private var slots: [UInt64]
    private var shift: UInt64

    package init(_ rows: [UInt64: Int32]) {
        let (size, shift) = OpenAddressing.layout(count: rows.count)
        slots = [UInt64](repeating: Self.empty, count: size)
        self.shift = shift
        let maskIndex = size - 1
        for (key, value) in rows {
            // A row of all ones would pack a key of all ones into the empty marker.
            precondition(key <= 0xFF_FFFF_FFFF && value >= 0 && UInt64(value) < Self.rowMask, "feature row out of range")
            var slot = OpenAddressing.home(key, shift: shift)
            while slots[slot] != Self.empty { slot = (slot + 1) & maskIndex }
            slots[slot] = key << Self.rowBits | UInt64(value)
        }
    }

    /// The row of `key`, or -1.
    /// - Complexity: O(1) expected (load factor at most one half).
    @inline(__always)
    package func row(_ key: UInt64) -> Int32 {
        slots.withUnsafeBufferPointer { Self.row(key, in: $0, shift: shift) }
    }

    /// The row of each key, in order (-1 for a key not in the table).
    /// - Complexity: O(n) expected.
    package func rows(_ keys: [UInt64]) -> [Int32] {
        let shift = shift
        return slots.withUnsafeBufferPointer { table in
            keys.map { Self.row($0, in: table, shift: shift) }
        }
    }

    @inline(__always)
    private static func row(_ key: UInt64, in table: UnsafeBufferPointer<UInt64>, shift: UInt64) -> Int32 {
        let maskIndex = table.count - 1
        var slot = OpenAddressing.home(key, shift: shift)
        while true {
            let entry = table[slot]
            if entry == empty { return -1 }
            if entry >> rowBits == key { return Int32(truncatingIfNeeded: entry & rowMask) }
            slot = (slot + 1) & maskIndex
        }
    }
}

/// Speaker-pairing feature -> weight, an open-addressing table like ``FeatureRowTable`` (keys and
/// weights in two arrays): every speaker candidate's thirty-odd features are looked up, and a
/// `Dictionary`'s seeded hashing of each key was most of the ranking's time. Read-only once built.
package struct PairWeightTable: Sendable {
    private static let empty = UInt64.max
    private var keys: [UInt64]
    private var weights: [Float]
    private var shift: UInt64

    package init(_ pairs: [UInt64: Float]) {
        let (size, shift) = OpenAddressing.layout(count: pairs.count)
        keys = [UInt64](repeating: Self.empty, count: size)
        weights = [Float](repeating: 0, count: size)
        self.shift = shift
        let maskIndex = size - 1
        for (key, weight) in pairs {
            precondition(key != Self.empty, "pairing feature out of range")
            var slot = OpenAddressing.home(key, shift: shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & maskIndex }
            keys[slot] = key
            weights[slot] = weight
        }
    }

    /// The weight of `key`, or 0 when it has none.
    package func weight(_ key: UInt64) -> Float {
        score([key])
    }

    /// The sum of the weights of `features`, added in their order from 0 (as
    /// `features.reduce(0) { $0 + (dictionary[$1] ?? 0) }` adds them).
    /// - Complexity: O(n) expected (load factor at most one half).
    package func score(_ features: [UInt64]) -> Float {
        let shift = shift
        return keys.withUnsafeBufferPointer { k in
            weights.withUnsafeBufferPointer { w in
                let maskIndex = k.count - 1
                var sum: Float = 0
                for key in features {
                    var slot = OpenAddressing.home(key, shift: shift)
                    var weight: Float = 0
                    while true {
                        let entry = k[slot]
                        if entry == Self.empty { break }
                        if entry == key {
                            weight = w[slot]
                            break
                        }
                        slot = (slot + 1) & maskIndex
                    }
                    sum += weight
                }
                return sum
            }
        }
    }
}
