import WiretraceCore

/// A paragraph's opening label in capitals: a dateline ("OSLO (AP) —", "NEW DELHI:"), a section or
/// media label ("WATCH LIVE:", "PHOTOS:", "CORRECTION:", "UPDATE:"), or a transcript's speaker
/// ("TAPPER:"). Only the last is someone speaking.
///
/// The labels are read from the text's layout, with no list of label words:
/// - a label is a run of words in capitals opening its paragraph (an opening parenthesis
///   allowed, "(OSLO) —"), then a colon, or an optional parenthesis ("(AP)") and a dash;
/// - a dash label is a dateline: it says where the story was written, never who spoke;
/// - a colon label speaks only where the document lays out an exchange (a transcript, an
///   interview): at least two different speakers' labels open its paragraphs (a label's last
///   word names the speaker: "KATE BOULDUAN", then "BOULDUAN"), and at least half their turns
///   speak in the first or second person; or it is an acronym of at most three letters ("AP:",
///   "UN:"), which names an organisation as a headline's speaker. Other labels are datelines and
///   the names of sections and media ("CORRECTION:", "WATCH LIVE:", "PHOTOS:");
/// - a colon label standing alone on its line ("CHUCK TODD:") speaks the paragraphs after it, up
///   to the next label.
struct PageLabels {
    /// The label of each paragraph that opens with one: the paragraph's start offset -> the
    /// label's scalar range and whether a colon or a dash follows it.
    private var labels: [Int: (range: Range<Int>, colon: Bool)] = [:]
    /// Whether colon labels speak in this document (an exchange of turns).
    private var exchange = false
    /// In an exchange, each colon label's turn: the label's scalar range and the text it speaks,
    /// the rest of its paragraph, or the paragraphs after a label standing alone ("CHUCK TODD:")
    /// up to the next label, in document order.
    private(set) var turns: [(label: Range<Int>, turn: Range<Int>)] = []

    init(_ text: ScalarText) {
        // Speakers by their label's last word ("KATE BOULDUAN", then "BOULDUAN").
        var speakers: [Substring: Int] = [:]
        var found: [(label: Range<Int>, turn: Range<Int>)] = []
        // Whether the last label stood alone, so that the paragraphs after it are its turn.
        var alone = false
        for paragraph in text.paragraphs {
            guard let label = Self.label(opening: paragraph, in: text) else {
                if alone, let last = found.last {
                    found[found.count - 1].turn = (last.turn.isEmpty ? paragraph.lowerBound : last.turn.lowerBound)..<paragraph.upperBound
                }
                continue
            }
            labels[paragraph.lowerBound] = label
            alone = false
            guard label.colon else { continue }
            if let last = text.string(label.range).split(separator: " ").last { speakers[last, default: 0] += 1 }
            var start = label.range.upperBound + 1
            while start < paragraph.upperBound, text.scalars[start].isSpace { start += 1 }
            alone = start >= paragraph.upperBound
            found.append((label.range, alone ? start..<start : start..<paragraph.upperBound))
        }
        let spoken = found.filter { !$0.turn.isEmpty }
        exchange = speakers.count >= 2 && spoken.filter { Self.speaksInPerson($0.turn, text) }.count * 2 >= spoken.count
            && !spoken.isEmpty
        if exchange { turns = found.filter { !$0.turn.isEmpty } }
    }

    /// Whether a turn speaks in the first or second person ("I", "we", "you", outside quote
    /// marks): turns of a transcript mostly do; the leads after a digest's datelines ("MOSCOW: The
    /// president arrived ...") and a newsletter's sections mostly do not.
    /// - Complexity: O(n) in the turn's length.
    private static func speaksInPerson(_ turn: Range<Int>, _ text: ScalarText) -> Bool {
        let s = text.scalars
        var quoted = false
        var word = String.UnicodeScalarView()
        for k in turn.lowerBound...turn.upperBound {
            let c: Unicode.Scalar = k < turn.upperBound ? s[k] : " "
            if c.properties.isAlphabetic || c == "'" || c == "\u{2019}" {
                word.append(c)
            } else {
                // ("US President" is no "us": a word in capitals of two letters or more is a name.)
                if !quoted, !word.isEmpty, personWords.contains(String(word).lowercased()),
                    word.count == 1 || word.contains(where: { $0.properties.isLowercase })
                {
                    return true
                }
                word.removeAll()
                if c == "\"" || c == "\u{201C}" || c == "\u{201D}" { quoted.toggle() }
            }
        }
        return false
    }

    /// A turn's speaker speaking of themselves.
    private static let firstPerson: Set<String> = ["i", "we", "me", "us", "my", "our"]

    private static let personWords: Set<String> = [
        "i", "i'm", "i've", "i'll", "i'd", "me", "my", "we", "we're", "we've", "we'll", "us", "our", "you",
        "you're", "your", "i’m", "i’ve", "i’ll", "we’re", "we’ve", "you’re",
    ]

    /// Whether the mention `start..<end` is (inside) a paragraph's label that names no speaker.
    func isSilentLabel(_ start: Int, _ end: Int, paragraphStart: Int) -> Bool {
        guard let label = labels[paragraphStart], start < label.range.upperBound, label.range.lowerBound < end
        else { return false }
        return !label.colon || !(exchange || label.range.count <= 3)
    }

    /// The end of the label (after its colon or dash and the spaces after them) when `offset`
    /// falls inside a label that names no speaker: where a content opening its paragraph starts.
    func contentStart(_ offset: Int, paragraphStart: Int, in text: ScalarText) -> Int? {
        guard let label = labels[paragraphStart], offset < label.range.upperBound,
            isSilentLabel(label.range.lowerBound, label.range.upperBound, paragraphStart: paragraphStart)
        else { return nil }
        var k = label.range.upperBound
        while k < text.count, text.scalars[k] != ":", !Self.isDash(text.scalars[k]) { k += 1 }
        k = min(k + 1, text.count)
        while k < text.count, text.scalars[k].isSpace { k += 1 }
        return k
    }

    /// The label opening `paragraph`: words of at least two capital letters each (at most six
    /// words, spaces, full stops, apostrophes and hyphens between them), then a colon, or a
    /// parenthesis and a dash.
    private static func label(opening paragraph: Range<Int>, in text: ScalarText) -> (range: Range<Int>, colon: Bool)? {
        let s = text.scalars
        var i = paragraph.lowerBound
        while i < paragraph.upperBound, s[i].isSpace { i += 1 }
        let parenthesised = i < paragraph.upperBound && s[i] == "("
        if parenthesised { i += 1 }
        let start = i
        var letters = 0
        var words = 1
        while i < paragraph.upperBound {
            let c = s[i]
            if c.properties.isAlphabetic {
                guard c.isUpperCaseLetter else { return nil }
                letters += 1
            } else if c == " " {
                words += 1
            } else if !(c == "." || c == "'" || c == "\u{2019}" || c == "-" || c == "&") {
                break
            }
            i += 1
        }
        var end = i
        while end > start, s[end - 1] == " " { end -= 1 }
        guard letters >= 2, words <= 6, i < paragraph.upperBound else { return nil }
        if s[i] == ":" { return parenthesised ? nil : (start..<end, true) }
        // "OSLO (AP) —", "(OSLO) —", "OSLO —", "DOVER, Del. (AP) —"
        var k = i
        if parenthesised {
            guard s[k] == ")" else { return nil }
            k += 1
        } else if s[k] == "," {
            // A state or country after the city: up to three capitalised words ("Scotland", "N.Y.").
            k += 1
            for _ in 0..<3 {
                while k < paragraph.upperBound, s[k] == " " { k += 1 }
                guard k < paragraph.upperBound, s[k].isUpperCaseLetter else { break }
                while k < paragraph.upperBound, s[k].properties.isAlphabetic || s[k] == "." { k += 1 }
            }
        }
        while k < paragraph.upperBound, s[k].isSpace { k += 1 }
        if !parenthesised, k < paragraph.upperBound, s[k] == "(" {
            guard let close = (k..<min(paragraph.upperBound, k + 40)).first(where: { s[$0] == ")" }) else { return nil }
            k = close + 1
            while k < paragraph.upperBound, s[k].isSpace { k += 1 }
        }
        guard k < paragraph.upperBound, isDash(s[k]) else { return nil }
        // The whole dateline up to its dash is silent: "WASHINGTON (CNN) —" names no speaker.
        var last = k
        while last > start, s[last - 1].isSpace { last -= 1 }
        return (start..<last, false)
    }

    private static func isDash(_ c: Unicode.Scalar) -> Bool {
        c == "\u{2014}" || c == "\u{2013}" || c == "-"
    }

    /// Drops the quotes whose speaker mention is a label that names no speaker, and moves a
    /// content that opens with such a label ("NEW DELHI: The council approved ..., officials
    /// said") to start after it. In an exchange, a quote inside a turn whose speaker is the turn's
    /// own first person ("I think ...", "we need ...") or nobody is the label's: `name` gives the
    /// resolved name of a label's scalar range.
    /// - Complexity: O(n) in the text for the labels, then O(log p) per quote for p labels.
    static func filter(
        _ quotes: [QuoteOccurrence], text: ScalarText, name: (Range<Int>) -> String? = { _ in nil }
    ) -> [QuoteOccurrence] {
        let labels = PageLabels(text)
        guard !labels.labels.isEmpty else { return quotes }
        // The turn holding `offset`, by binary search over the turns in document order.
        func turn(holding offset: Int) -> Range<Int>? {
            let next = labels.turns.partitioningIndex { $0.turn.lowerBound > offset }
            guard next > 0, labels.turns[next - 1].turn.contains(offset) else { return nil }
            return labels.turns[next - 1].label
        }
        let starts = labels.labels.keys.sorted()
        // The start of the last labelled paragraph at or before `offset` (whether `offset` falls in
        // its label, the label's own tests say).
        func paragraphStart(_ offset: Int) -> Int? {
            let next = starts.partitioningIndex { $0 > offset }
            return next > 0 ? starts[next - 1] : nil
        }
        var kept: [QuoteOccurrence] = []
        for var quote in quotes {
            if let s = quote.speakerStart, let e = quote.speakerEnd, let p = paragraphStart(s),
                labels.isSilentLabel(s, e, paragraphStart: p)
            {
                continue
            }
            if let p = paragraphStart(quote.start), let start = labels.contentStart(quote.start, paragraphStart: p, in: text) {
                guard start < quote.end else { continue }
                quote.start = start
                quote.text = text.string(start..<quote.end)
            }
            if !labels.turns.isEmpty, let label = turn(holding: quote.start) {
                let mention = quote.speakerStart.flatMap { s in quote.speakerEnd.map { text.string(s..<$0).lowercased() } }
                if mention == nil || firstPerson.contains(mention!), let speaker = name(label) {
                    quote.speaker = speaker
                    quote.speakerStart = label.lowerBound
                    quote.speakerEnd = label.upperBound
                }
            }
            kept.append(quote)
        }
        return kept
    }
}

extension QuoteExtractor {
    /// The resolved name of a transcript label's words (scalar range `label`), read like any
    /// speaker phrase ("SEN. DAN SULLIVAN"); nil when no whole token lies inside it.
    /// - Complexity: O(log t + w) for t tokens and w words in the label.
    static func labelName(_ label: Range<Int>, tokens: [Token], resolver: MentionResolver) -> String? {
        let first = tokens.partitioningIndex { $0.start >= label.lowerBound }
        guard first < tokens.count, tokens[first].end <= label.upperBound else { return nil }
        var last = first
        while last + 1 < tokens.count, tokens[last + 1].end <= label.upperBound { last += 1 }
        return resolver.resolve(first...last).name
    }
}
