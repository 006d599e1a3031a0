import WiretraceCore

/// Whether a quote is given word for word (between quote marks) or reported in the writer's words.
public enum QuoteKind: String, Sendable, Codable { case direct, indirect }

/// One quote in one article: where it is, who said it, and how it reached the page.
public struct QuoteOccurrence: Sendable, Hashable, Codable {
    /// Unicode-scalar offset into `Article.text` of the quote content (inside the marks).
    public var start: Int
    /// Exclusive end offset of the content.
    public var end: Int
    /// The content: exactly the scalars `start..<end` of the article text.
    public var text: String
    public var kind: QuoteKind
    /// The resolved name, or the phrase as written when it cannot be resolved.
    public var speaker: String?
    /// Offsets of the speaker mention used (the pronoun, surname or role phrase as written).
    public var speakerStart: Int?
    public var speakerEnd: Int?
    /// The reporting verb as written: "said", "told", "cited ... as telling", "according to".
    public var cue: String?
    /// The relay chain after the speaker: first reporter stated in the text, credited wires, outlet.
    public var via: [String]

    public init(
        start: Int, end: Int, text: String, kind: QuoteKind, speaker: String? = nil, speakerStart: Int? = nil,
        speakerEnd: Int? = nil, cue: String? = nil, via: [String] = []
    ) {
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerStart = speakerStart
        self.speakerEnd = speakerEnd
        self.cue = cue
        self.via = via
    }
}

/// Extracts direct and indirect quotes from an article and attributes them.
///
/// Direct quotes are text between quote marks (see ``QuoteScanner``); a span of fewer than three words
/// counts only when a reporting verb stands right beside it, so scare quotes ("concerned") are
/// dropped. A quote split by its attribution (`"…," he said, "…"`) gives two occurrences with the same
/// speaker. A quote running over several paragraphs gives one occurrence per paragraph, all with the
/// speaker found for any of them. Indirect quotes are sentences shaped `X said (that) <clause>`,
/// `According to X, <clause>` or `<clause>, X said`, outside direct quotes.
public struct QuoteExtractor: Sendable {
    /// The learned tagger of content, source and cue spans (see ``QuoteTaggerModel``).
    package var model: QuoteTaggerModel
    package var options: QuoteExtractorOptions

    public init() {
        model = .shared
        options = QuoteExtractorOptions()
    }

    package init(model: QuoteTaggerModel, options: QuoteExtractorOptions = QuoteExtractorOptions()) {
        self.model = model
        self.options = options
    }

    /// The quotes of `article`, sorted by start offset: the tagger's attributions, and the
    /// quote-mark rules' direct quotes where the tagger found none.
    /// - Complexity: O(n) in the length of the text, times a small constant per quote.
    public func quotes(in article: Article) -> [QuoteOccurrence] {
        // Other languages: their own quote marks, speech verbs and speaker order.
        if article.language != "en", let lexicon = SpeechLexicon.forLanguage(article.language) {
            return MultilingualQuoteExtractor(lexicon: lexicon, options: options.multilingual).quotes(in: article)
        }
        // One reading of the text (tokens, quote marks, sentences) for the rules and the tagger.
        let text = ScalarText(article.text)
        let input = TaggerInput.make(text)
        guard !input.tokens.isEmpty else { return [] }
        let resolver = MentionResolver(tokens: input.tokens, text: text, options: options.mention, inQuote: input.inQuote)
        let ruleBased = ruleQuotes(article: article, text: text, input: input, resolver: resolver)
        var found = model.isEmpty ? ruleBased : merged(article: article, text: text, input: input, resolver: resolver, ruleBased: ruleBased)
        if options.pageLabels {
            found = PageLabels.filter(found, text: text) { Self.labelName($0, tokens: input.tokens, resolver: resolver) }
        }
        guard !options.nonSpeechReports else { return found }
        // Words in quote marks inside a content are speech whatever the verb (`called the plan
        // "a disaster"`).
        return found.filter { quote in
            quote.kind == .direct || Self.isSpeechCue(quote.cue)
                || quote.text.unicodeScalars.contains { ["\"", "\u{201C}", "\u{201D}"].contains($0) }
        }
    }

    /// Whether a quote's cue as written is a verb of saying (``CueVerbs``: "said", "told reporters",
    /// "has warned", "wrote", "announced", ...), "according to", or a speaker's colon: what a set
    /// annotating speech alone counts (``QuoteExtractorOptions/nonSpeechReports``). The cue's head
    /// decides, its first word after auxiliaries and adverbs: not "is expected", "believes",
    /// "found", "welcomed", "called for", nor "have issued a heat warning for" (a noun of saying
    /// further in is no verb); and a negated cue ("did not respond to") reports nothing said.
    static func isSpeechCue(_ cue: String?) -> Bool {
        guard let cue else { return false }
        if cue == ":" || cue == "transcript" { return true }
        let words = cue.split { !$0.isLetter && $0 != "'" && $0 != "\u{2019}" }.map { $0.lowercased() }
        if words.first == "according" { return true }
        if words.contains(where: { Self.negations.contains($0) || $0.hasSuffix("n't") || $0.hasSuffix("n\u{2019}t") }) { return false }
        guard let head = words.first(where: { !Lexicon.auxiliaries.contains($0) && !Self.cueAuxiliaries.contains($0) && !$0.hasSuffix("ly") })
        else { return false }
        // (The class of an irregular form's base once more: "wrote" gives "write", whose key is "writ".)
        return CueVerbs.verbClass(head) == "speech" || CueVerbs.verbClass(CueVerbs.lemma(head)) == "speech"
    }

    private static let negations: Set<String> = ["not", "never", "no"]
    /// Auxiliaries and modals before a cue's verb besides ``Lexicon/auxiliaries``.
    private static let cueAuxiliaries: Set<String> = [
        "be", "being", "am", "do", "does", "did", "has", "can", "could", "may", "might", "must", "should", "shall",
        "had", "having",
    ]

    /// The quotes the quote-mark and reporting-verb rules find alone.
    func ruleQuotes(article: Article, text: ScalarText, input: TaggerInput, resolver: MentionResolver) -> [QuoteOccurrence] {
        let tokens = input.tokens
        guard !tokens.isEmpty else { return [] }
        let spans = input.spans
        let finder = SpeakerFinder(tokens: tokens)
        let bounds = input.bounds
        let sentence = input.sentence
        let openMarks = Set(bounds.map(\.open))

        // Attribute each span.
        var found: [Attribution?] = []
        var beforeHasWords: [Bool] = []
        var labelEnd: [Int: Int] = [:]  // span -> token index of a transcript label's colon
        for (n, span) in spans.enumerated() {
            let (open, close) = bounds[n]
            var lo = open
            while lo > 0, sentence[lo - 1] == sentence[open] { lo -= 1 }
            if n > 0, bounds[n - 1].close < open, sentence[bounds[n - 1].close] == sentence[open] {
                lo = max(lo, bounds[n - 1].close + 1)
            }
            var hi = close + 1
            while hi < tokens.count, sentence[hi] == sentence[open], !openMarks.contains(hi) { hi += 1 }
            let words = tokens[(open + 1)..<close].filter(\.isWord).count
            let strict = words < 3
            var attribution: Attribution? = nil
            if !span.continuesToNext, close + 1 <= hi {
                var adjacent = true
                if strict {
                    let commaInside = span.closeStart > 0 && [",", "!", "?"].contains(text.scalars[span.closeStart - 1])
                    let commaAfter = close + 1 < tokens.count && tokens[close + 1].text == ","
                    adjacent = commaInside || commaAfter
                }
                if adjacent { attribution = finder.after((close + 1)..<hi, strict: strict, text: text) }
            }
            if attribution == nil { attribution = finder.before(lo..<open, strict: strict, text: text) }
            if attribution == nil, lo == open, open > 1, tokens[open - 1].text == ":",
                tokens[open - 1].paragraph != tokens[open].paragraph
            {
                // "Caddell continued:" ending the previous paragraph introduces this quote.
                var previousStart = open - 1
                while previousStart > 0, sentence[previousStart - 1] == sentence[open - 1] { previousStart -= 1 }
                attribution = finder.before(previousStart..<open, strict: strict, text: text)
            }
            if attribution == nil, let label = transcriptLabel(after: open, close: close, tokens: tokens) {
                // `"WALLACE: Let's start with ...` in a transcript: the label is the speaker.
                attribution = Attribution(speaker: label, cue: "transcript", reporter: nil)
                labelEnd[n] = label.upperBound + 1
            }
            found.append(attribution)
            beforeHasWords.append(tokens[lo..<open].contains(where: \.isWord))
        }

        // A quote inside reported speech takes the speaker of the sentence, and the sentence is
        // still read as reported speech (its clause is the quote's context):
        // `Trump said that voting fraud is "a big, big problem"`, `Cruz called Trump a "pathological liar"`.
        var insideReportedSpeech = Set<Int>()
        for n in spans.indices where found[n] == nil {
            let open = bounds[n].open
            // Short spans there are scare quotes or titles more often than quotes.
            guard tokens[(open + 1)..<bounds[n].close].filter(\.isWord).count >= 3 else { continue }
            var a = open
            while a > 0, sentence[a - 1] == sentence[open] { a -= 1 }
            var b = open
            while b < tokens.count, sentence[b] == sentence[open] { b += 1 }
            while b > a, !tokens[b - 1].isWord { b -= 1 }
            guard b - a >= 5, a < open,
                let (attribution, clause) = indirect(in: a..<b, tokens: tokens, finder: finder, text: text),
                clause.upperBound >= open, clause.lowerBound <= open + 1
            else { continue }
            found[n] = attribution
            insideReportedSpeech.insert(n)
        }

        // Parts of one multi-paragraph quote share the speaker found for any part.
        var groupStart = 0
        for n in spans.indices {
            if !spans[n].continuesPrevious { groupStart = n }
            if !spans[n].continuesToNext, n > groupStart {
                let shared = found[groupStart...n].compactMap { $0 }.first
                for m in groupStart...n where found[m] == nil { found[m] = shared }
            }
        }

        var occurrences: [QuoteOccurrence] = []
        var previous: (paragraph: Int, attribution: Attribution)? = nil
        var directTokenRanges: [ClosedRange<Int>] = []
        for (n, span) in spans.enumerated() {
            let (open, close) = bounds[n]
            let words = tokens[(open + 1)..<close].filter(\.isWord).count
            let paragraph = tokens[open].paragraph
            var attribution = found[n]
            if attribution == nil, words >= 3, !beforeHasWords[n], let previous, previous.paragraph == paragraph {
                attribution = previous.attribution  // a quote continuing the previous speaker's words
            }
            if attribution == nil, words >= 3, let previous, previous.paragraph == paragraph - 1,
                isWholeParagraph(open: open, close: close, tokens: tokens)
            {
                // A paragraph that is nothing but a quote goes on with the speaker of the paragraph before.
                attribution = previous.attribution
            }
            if attribution == nil, words >= 1, words < 3, options.shortQuoteSentences, !beforeHasWords[n], let previous,
                previous.paragraph == paragraph,
                Self.isWholeQuotedSentence(span, open: open, close: close, tokens: tokens, sentence: sentence, text: text)
            {
                // `"…," she said. "Families especially."`: a quoted sentence of a word or two right
                // after the speaker's quote goes on with it (a scare quote or a title stands inside a
                // sentence, not as one).
                attribution = previous.attribution
            }
            if words < 3, attribution == nil { continue }
            if let attribution { previous = (paragraph, attribution) }
            if !insideReportedSpeech.contains(n) { directTokenRanges.append(open...min(close, tokens.count - 1)) }
            var contentStart = span.contentStart
            if let colon = labelEnd[n], colon + 1 < tokens.count, tokens[colon + 1].start < span.contentEnd {
                contentStart = tokens[colon + 1].start  // the words after "NAME:"
            }
            occurrences.append(
                occurrence(
                    contentStart..<span.contentEnd, kind: .direct, attribution: attribution, text: text,
                    resolver: resolver, article: article))
        }

        occurrences += indirectQuotes(
            tokens: tokens, sentence: sentence, direct: directTokenRanges, finder: finder, resolver: resolver,
            text: text, article: article)
        return occurrences.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
    }

    /// A transcript's speaker label right after a paragraph's opening mark: one to three words in capitals
    /// ("PENCE", "MR. TRUMP") and a colon. Returns the label's token range.
    private func transcriptLabel(after open: Int, close: Int, tokens: [Token]) -> ClosedRange<Int>? {
        // Only where a paragraph opens with the quote mark, as transcripts are laid out.
        guard open == 0 || tokens[open - 1].paragraph != tokens[open].paragraph else { return nil }
        var k = open + 1
        var lastWord: Int?
        var words = 0
        while k < close, k <= open + 6 {
            let token = tokens[k]
            if token.text == ":" {
                guard let lastWord, words >= 1, k + 1 < close else { return nil }
                return (open + 1)...lastWord
            }
            if token.text == "." {
                k += 1
                continue
            }
            guard token.isWord, token.text.count >= 2, token.text.allSatisfy({ $0.isUppercase || $0 == "-" || $0 == "'" }),
                words < 3
            else { return nil }
            words += 1
            lastWord = k
            k += 1
        }
        return nil
    }

    /// Whether the quote marks at token `open` and `close` enclose a whole sentence: the words inside
    /// end with ".", "!" or "?" before the closing mark, and no word of the same sentence follows it
    /// (``QuoteExtractorOptions/shortQuoteSentences``).
    static func isWholeQuotedSentence(
        _ span: QuoteSpan, open: Int, close: Int, tokens: [Token], sentence: [Int], text: ScalarText
    ) -> Bool {
        var last = span.closeStart - 1
        while last > span.contentStart, text.scalars[last].properties.isWhitespace { last -= 1 }
        guard last >= span.contentStart, [".", "!", "?", "\u{2026}"].contains(text.scalars[last]) else { return false }
        var k = close + 1
        while k < tokens.count, sentence[k] == sentence[close], tokens[k].paragraph == tokens[close].paragraph {
            if tokens[k].isWord { return false }
            k += 1
        }
        return true
    }

    /// Whether the quote marks at token `open` and `close` enclose their whole paragraph.
    private func isWholeParagraph(open: Int, close: Int, tokens: [Token]) -> Bool {
        let paragraph = tokens[open].paragraph
        if open > 0, tokens[open - 1].paragraph == paragraph { return false }
        var k = close + 1
        while k < tokens.count, tokens[k].paragraph == paragraph {
            if tokens[k].isWord { return false }
            k += 1
        }
        return true
    }

    private func occurrence(
        _ range: Range<Int>, kind: QuoteKind, attribution: Attribution?, text: ScalarText, resolver: MentionResolver,
        article: Article
    ) -> QuoteOccurrence {
        var result = QuoteOccurrence(
            start: range.lowerBound, end: range.upperBound, text: text.string(range), kind: kind,
            via: RelayChain.via(firstReporter: attribution?.reporter, article: article))
        if let attribution {
            let speaker = resolver.resolve(attribution.speaker)
            result.speaker = speaker.name
            result.speakerStart = speaker.start
            result.speakerEnd = speaker.end
            result.cue = attribution.cue
        }
        return result
    }

    /// Sentence numbers per token: a new sentence starts after ".", "!" or "?" outside quotes when the
    /// next token is capitalised, a digit or an opening quote mark, and at every paragraph break.
    /// After a closing quote mark a sentence ends only when the quote's own words end with ".", "!"
    /// or "?" and a capitalised word follows that does not open an attribution (`“…amok.” However, the
    /// council …` is two sentences; `“…,” said X`, `“…” Smith said`, `“….” Smith said` and `“….” he
    /// said` stay one).
    static func sentenceIDs(_ tokens: [Token], inQuote: [Bool], openMarks: Set<Int>) -> [Int] {
        var ids = [Int](repeating: 0, count: tokens.count)
        var id = 0
        for k in 1..<max(tokens.count, 1) {
            let previous = tokens[k - 1]
            var boundary = tokens[k].paragraph != previous.paragraph
            if !boundary, k >= 2, !inQuote[k - 1], !openMarks.contains(k - 1), closingMarks.contains(previous.text),
                sentenceEnds.contains(tokens[k - 2].text), tokens[k].isCapitalized
            {
                boundary = !opensAttribution(tokens, at: k)
            } else if !boundary, !inQuote[k - 1], sentenceEnds.contains(previous.text) {
                let next = tokens[k]
                let startsSentence = next.isCapitalized || openMarks.contains(k)
                    || (next.text.unicodeScalars.first?.properties.numericType != nil)
                var abbreviation = false
                if previous.text == ".", k >= 2, tokens[k - 2].isWord {
                    let word = tokens[k - 2].lower
                    abbreviation = Lexicon.abbreviations.contains(word)
                        || (tokens[k - 2].text.count == 1 && tokens[k - 2].isCapitalized)
                }
                boundary = startsSentence && !abbreviation
            }
            if boundary { id += 1 }
            ids[k] = id
        }
        return ids
    }

    /// Marks that end a sentence.
    private static let sentenceEnds: Set<String> = [".", "!", "?", "\u{2026}"]
    /// Marks that close a quote in English text (straight, curly, PTB).
    private static let closingMarks: Set<String> = ["\"", "\u{201D}", "''"]

    /// Whether the words from token `k` are an attribution of the quote before them: up to four
    /// capitalised words (a name, a title written short, "He") and then a reporting verb
    /// (`“….” Smith said.`, `“Why?” Prime Minister Ann Berg asked.`).
    private static func opensAttribution(_ tokens: [Token], at k: Int) -> Bool {
        var j = k
        var words = 0
        while j < tokens.count, j < k + 8, tokens[j].paragraph == tokens[k].paragraph {
            let token = tokens[j]
            if token.isWord {
                if Lexicon.reportingVerbs.contains(token.lower) { return words > 0 }
                guard token.isCapitalized || Lexicon.nameParticles.contains(token.lower), words < 4 else { return false }
                words += 1
            } else if token.text != "." || j == k || !Lexicon.abbreviations.contains(tokens[j - 1].lower) {
                return false
            }
            j += 1
        }
        return false
    }
}
