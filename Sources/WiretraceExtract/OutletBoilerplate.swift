import WiretraceCore

/// Settings for the outlet boilerplate learned from the dump (`boilerplate:` in a pipeline file).
public struct BoilerplateConfiguration: Sendable, Equatable {
    /// Whether learned boilerplate is removed at all.
    public var enabled = true
    /// A paragraph is boilerplate of an outlet once at least this many of its documents carry it…
    public var minimumDocuments = 8
    /// …and at least this share of the outlet's documents seen so far (0–1).
    public var minimumShare = 0.3
    /// Paragraph counts kept across all outlets before the rarest are forgotten (bounds memory).
    public var maximumTrackedParagraphs = 1_000_000

    public init() {}

    /// Checks the ranges; the error names the key.
    public func validate() throws {
        guard minimumShare > 0, minimumShare <= 1 else {
            throw WiretraceError(.configuration, "'boilerplate.min_share' must be in (0, 1], got \(minimumShare)")
        }
        guard minimumDocuments >= 2 else {
            throw WiretraceError(.configuration, "'boilerplate.min_documents' must be ≥ 2, got \(minimumDocuments)")
        }
    }
}

/// Boilerplate of each outlet learned from the dump itself: paragraphs ("Sign up for our
/// newsletter", "Also worth reading", a standard disclaimer, the footer) that recur in many of one
/// outlet's documents are removed from every document of that outlet.
///
/// Streaming: `clean(_:)` is called once per batch, in input order. It first counts the batch's
/// paragraphs (each distinct paragraph once per document; an exact repeat of a document already
/// seen counts nothing, so re-crawls of one page do not teach its paragraphs as boilerplate), then
/// removes from each article of the batch the paragraphs counted in at least
/// `minimumDocuments` documents of its outlet and at least `minimumShare` of them. Counts are over
/// the batches seen so far, so an outlet's first documents may keep boilerplate that later ones
/// lose; the result depends on the input order and the batch size, never on the thread count.
///
/// Outlets are told apart by `Article.outlet` (case-folded), else the URL's host; an article with
/// neither is left alone, as is one whose every paragraph would go (a page of nothing but
/// boilerplate stays as extraction gave it rather than turn empty).
///
/// Memory is bounded by `maximumTrackedParagraphs`: past it, paragraphs seen the fewest times are
/// forgotten (lossy counting), which can only delay, not invent, a removal.
///
/// Not thread-safe: one instance per run, used from the thread that drives the batches.
public final class OutletBoilerplate {
    public let configuration: BoilerplateConfiguration
    /// Paragraphs removed so far, over all documents.
    public private(set) var removedParagraphs = 0
    /// Documents that lost at least one paragraph.
    public private(set) var cleanedDocuments = 0
    /// Verbatim documents whose title was learned boilerplate and was chosen again.
    public private(set) var retitledDocuments = 0

    private struct OutletCounts {
        var documents = 0
        var paragraphs: [UInt64: Int32] = [:]
        var seenTexts: Set<UInt64> = []
    }

    private var outlets: [String: OutletCounts] = [:]
    private var trackedParagraphs = 0
    private var trackedTexts = 0
    /// Counts at or below this are forgotten at the next pruning.
    private var pruneFloor: Int32 = 1

    public init(configuration: BoilerplateConfiguration = .init()) {
        self.configuration = configuration
    }

    /// Learns from and cleans one batch in place. `eligible[i] == false` (texts that must stay
    /// verbatim, such as JSONL `text` whose offsets others rely on) are counted but not cleaned:
    /// only their title changes, when it is a paragraph learned as the outlet's boilerplate (a
    /// site name or a widget above every headline), to the first headline below it that is not.
    ///
    /// - Complexity: O(total text length of the batch), plus an occasional O(tracked paragraphs)
    ///   pruning pass.
    public func clean(_ articles: inout [Article], eligible: [Bool]? = nil) {
        guard configuration.enabled else { return }
        let keys = articles.indices.map { index -> (outlet: String, paragraphs: [UInt64])? in
            guard let outlet = Self.outletKey(articles[index]) else { return nil }
            return (outlet, Self.paragraphs(of: articles[index].text).map(Self.paragraphKey))
        }
        for case let (outlet, paragraphs)? in keys {
            learn(outlet: outlet, paragraphs: paragraphs)
        }
        for index in articles.indices {
            guard let (outlet, paragraphKeys) = keys[index], let counts = outlets[outlet] else { continue }
            let needed = max(configuration.minimumDocuments, Int((configuration.minimumShare * Double(counts.documents)).rounded(.up)))
            guard eligible?[index] ?? true else {
                if Self.titleMayBeLearned(articles[index], paragraphKeys: paragraphKeys, counts: counts, needed: needed) {
                    retitle(&articles[index], counts: counts, needed: needed)
                }
                continue
            }
            let drop = paragraphKeys.map { Int(counts.paragraphs[$0] ?? 0) >= needed }
            let dropped = drop.filter { $0 }.count
            guard dropped > 0, dropped < drop.count else { continue }
            let kept = zip(Self.paragraphs(of: articles[index].text), drop).filter { !$0.1 }.map(\.0)
            articles[index].text = kept.joined(separator: "\n\n")
            removedParagraphs += dropped
            cleanedDocuments += 1
        }
    }

    /// Whether ``retitle(_:counts:needed:)`` can change the title: it is learned boilerplate
    /// itself, or its whitespace-collapsed form is a line of one of the text's learned
    /// paragraphs or a learned line. Most verbatim texts are none of these, and this test reads
    /// only the title and the learned paragraphs, where retitling reads and keys every line.
    ///
    /// A learned line equal to an ASCII collapsed title has its scalars, or differs only in the
    /// few scalars that are canonically single ASCII characters (the Kelvin sign, the Greek
    /// question mark and varia), which key as those characters: keying the collapsed title finds it. A non-ASCII title could equal a line under
    /// canonical equivalence with other scalars (another key), so it always goes to retitling.
    ///
    /// - Parameter paragraphKeys: ``paragraphKey(_:)`` of each of ``paragraphs(of:)`` of the text.
    /// - Complexity: O(title length + learned paragraphs' length + paragraph count).
    private static func titleMayBeLearned(_ article: Article, paragraphKeys: [UInt64], counts: OutletCounts, needed: Int) -> Bool {
        guard let title = article.title else { return false }
        func learned(_ key: UInt64) -> Bool { Int(counts.paragraphs[key] ?? 0) >= needed }
        if learned(paragraphKey(Substring(title))) { return true }
        let collapsed = TextUtilities.collapseWhitespace(title)
        guard collapsed.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        if learned(paragraphKey(Substring(collapsed))) { return true }
        guard paragraphKeys.contains(where: learned) else { return false }
        for (paragraph, key) in zip(paragraphs(of: article.text), paragraphKeys) where learned(key) {
            if TextUtilities.nonBlankLines(String(paragraph)).contains(collapsed) { return true }
        }
        return false
    }

    /// Replaces a verbatim text's title that is learned boilerplate (its line, or the paragraph
    /// holding it) with the first headline below it that is not.
    private func retitle(_ article: inout Article, counts: OutletCounts, needed: Int) {
        guard let title = article.title else { return }
        func learned(_ text: Substring) -> Bool { Int(counts.paragraphs[Self.paragraphKey(text)] ?? 0) >= needed }
        var boilerplateLines = Set<String>()
        for paragraph in Self.paragraphs(of: article.text) {
            let lines = TextUtilities.nonBlankLines(String(paragraph))
            if learned(paragraph) {
                boilerplateLines.formUnion(lines)
            } else {
                for line in lines where learned(Substring(line)) { boilerplateLines.insert(line) }
            }
        }
        guard boilerplateLines.contains(TextUtilities.collapseWhitespace(title)) || learned(Substring(title)) else { return }
        let lines = TextUtilities.nonBlankLines(article.text)
        article.title = PlainTextReader.headline(in: lines, outlet: article.outlet) { boilerplateLines.contains($0) }
        retitledDocuments += 1
    }

    private func learn(outlet: String, paragraphs: [UInt64]) {
        var counts = outlets.removeValue(forKey: outlet) ?? OutletCounts()
        var textHash = StableHash()
        for key in paragraphs { textHash.combine(littleEndian: key) }
        if counts.seenTexts.insert(textHash.value).inserted {
            trackedTexts += 1
            counts.documents += 1
            var distinct = Set<UInt64>()
            for key in paragraphs where distinct.insert(key).inserted {
                if let count = counts.paragraphs[key] {
                    counts.paragraphs[key] = count + 1
                } else {
                    counts.paragraphs[key] = 1
                    trackedParagraphs += 1
                }
            }
        }
        outlets[outlet] = counts
        if trackedParagraphs > configuration.maximumTrackedParagraphs { prune() }
        if trackedTexts > configuration.maximumTrackedParagraphs {
            // Re-crawl detection is best effort: forget the document fingerprints, keep the counts.
            for key in outlets.keys { outlets[key]!.seenTexts = [] }
            trackedTexts = 0
        }
    }

    /// Forgets the paragraphs seen fewest times until at most half the budget is in use.
    private func prune() {
        while trackedParagraphs > configuration.maximumTrackedParagraphs / 2 {
            var remaining = 0
            for key in Array(outlets.keys) {
                outlets[key]!.paragraphs = outlets[key]!.paragraphs.filter { $0.value > pruneFloor }
                remaining += outlets[key]!.paragraphs.count
            }
            trackedParagraphs = remaining
            if trackedParagraphs > configuration.maximumTrackedParagraphs / 2 { pruneFloor += 1 }
        }
    }

    /// The outlet an article is counted under: its outlet name case-folded, else its URL's host.
    static func outletKey(_ article: Article) -> String? {
        if let outlet = article.outlet, !TextUtilities.isBlank(outlet) { return outlet.lowercased() }
        return article.url.flatMap(TextUtilities.host(of:))
    }

    /// Paragraphs as extraction joins them (blank-line separated).
    /// - Complexity: O(n) in the text's UTF-8 bytes.
    static func paragraphs(of text: String) -> [Substring] {
        // Searched in the UTF-8 bytes (the character-wise split was half of cleaning's time). A
        // "\n" right after "\r" is inside the character "\r\n", which the split does not take
        // for a "\n"; every other "\n" is a character of its own.
        var result: [Substring] = []
        let utf8 = text.utf8
        var pieceStart = utf8.startIndex
        var index = utf8.startIndex
        var previous: UInt8 = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == 0x0A, previous != 0x0D, next < utf8.endIndex, utf8[next] == 0x0A {
                if pieceStart < index { result.append(text[pieceStart..<index]) }
                index = utf8.index(after: next)
                pieceStart = index
                previous = 0x0A
                continue
            }
            previous = byte
            index = next
        }
        if pieceStart < utf8.endIndex { result.append(text[pieceStart..<utf8.endIndex]) }
        return result
    }

    /// `paragraphs(of:)` by the character-wise split, the reference it is tested against.
    static func referenceParagraphs(of text: String) -> [Substring] {
        text.split(separator: "\n\n", omittingEmptySubsequences: true)
    }

    /// A stable 64-bit key of a paragraph that ignores case, punctuation, spacing and which digits
    /// appear ("© 2023" and "© 2024" footers are one paragraph).
    ///
    /// - Complexity: O(length).
    static func paragraphKey(_ paragraph: Substring) -> UInt64 {
        var hash = StableHash()
        var pendingSpace = false
        for scalar in paragraph.unicodeScalars {
            if scalar.isASCII {
                var value = UInt8(scalar.value)
                if value >= 0x41 && value <= 0x5A { value |= 0x20 }
                if value >= 0x30 && value <= 0x39 { value = 0x30 }
                if (value >= 0x61 && value <= 0x7A) || value == 0x30 {
                    if pendingSpace { hash.combine(byte: 0x20) }
                    pendingSpace = false
                    hash.combine(byte: value)
                } else {
                    pendingSpace = true
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if pendingSpace { hash.combine(byte: 0x20) }
                pendingSpace = false
                if properties.numericType != nil {
                    hash.combine(byte: 0x30)
                } else {
                    for lower in properties.lowercaseMapping.utf8 { hash.combine(byte: lower) }
                }
            } else {
                pendingSpace = true
            }
        }
        return hash.value
    }
}
