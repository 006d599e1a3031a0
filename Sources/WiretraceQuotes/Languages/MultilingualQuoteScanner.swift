/// Finds quotes in the marks of many languages and in dash-introduced speech.
///
/// Marks and their closers: „ with “ ” or " (German, Polish, Czech), ‚ with ‘ ’, « with », » with «
/// (German), “ with ”, " with ", 「 with 」, 『 with 』, ‹ with › and › with ‹. Guillemets and corner
/// brackets nest. Marks pair within a paragraph; a paragraph left inside a quote continues into the
/// next one when that opens with the same mark. Dash speech (`— Мы готовы, — заявил он. — Ждём.`): a
/// paragraph opening with a dash is speech up to the next dash that follows a space, and the text
/// after the attribution's closing dash is speech again.
package enum MultilingualQuoteScanner {
    /// One quote: the offsets of its marks (for dash speech, the dashes) and of its content.
    package struct Span: Sendable, Hashable {
        package var open: Range<Int>
        package var close: Range<Int>
        package var content: Range<Int>
        /// Speech opened by a dash rather than a quote mark; kept only when attributed.
        package var isDash: Bool
    }

    /// The quote spans of `text` in order.
    /// - Complexity: O(n · q) for n scalars and q marks per paragraph (each opener scans to its closer).
    package static func spans(in text: ScalarText, dashSpeech: Bool) -> [Span] {
        let s = text.scalars
        let paragraphs = text.paragraphs

        var spans: [Span] = []
        for (index, paragraph) in paragraphs.enumerated() {
            var i = paragraph.lowerBound
            while i < paragraph.upperBound, s[i].isSpace { i += 1 }
            if dashSpeech, i < paragraph.upperBound, isDash(s[i]) {
                let dashSpans = self.dashSpans(s, from: i, in: paragraph)
                if !dashSpans.isEmpty {
                    spans += dashSpans
                    continue
                }
            }
            while i < paragraph.upperBound {
                guard let closers = opener(s, at: i, in: paragraph) else {
                    i += 1
                    continue
                }
                if s[i] == "\u{201E}", let again = unclosed(s, from: i + 1, closers: closers, in: paragraph) {
                    // A „ introduced by a colon before any closer: the first quote was never closed.
                    // It ends with the last sentence before the one the second opens.
                    let end = sentenceEnd(s, after: i + 1, before: again)
                    if let content = trimmed(s, (i + 1)..<end) {
                        spans.append(Span(open: i..<(i + 1), close: end..<end, content: content, isDash: false))
                    }
                    i = max(end, i + 1)
                    continue
                }
                if let close = closer(s, for: s[i], closers: closers, from: i + 1, in: paragraph) {
                    if let content = trimmed(s, (i + 1)..<close) {
                        spans.append(Span(open: i..<(i + 1), close: close..<(close + 1), content: content, isDash: false))
                    }
                    i = close + 1
                    continue
                }
                if index + 1 < paragraphs.count, let next = paragraphs[index + 1].first(where: { !s[$0].isSpace }),
                    s[next] == s[i]
                {
                    var end = paragraph.upperBound
                    while end > i + 1, s[end - 1].isSpace { end -= 1 }
                    if let content = trimmed(s, (i + 1)..<end) {
                        spans.append(Span(open: i..<(i + 1), close: end..<end, content: content, isDash: false))
                    }
                    break
                }
                i += 1
            }
        }
        return spans
    }

    /// Scalars that can open a quote (whether one opens depends on their neighbours).
    static let openers: Set<Unicode.Scalar> = [
        "\u{201E}", "\u{201A}", "\u{AB}", "\u{BB}", "\u{2039}", "\u{203A}", "\u{201C}", "\u{300C}", "\u{300E}", "\"",
    ]

    static func isDash(_ c: Unicode.Scalar) -> Bool { c == "\u{2014}" || c == "\u{2013}" || c == "\u{2015}" }

    /// Dash speech in a paragraph whose first scalar (at `first`) is a dash.
    private static func dashSpans(_ s: [Unicode.Scalar], from first: Int, in paragraph: Range<Int>) -> [Span] {
        var spans: [Span] = []
        var open = first
        var speech = true
        var i = first + 1
        while i <= paragraph.upperBound {
            // A dash after a space (or the paragraph's end) closes the current part.
            let atEnd = i == paragraph.upperBound
            if atEnd || isDash(s[i]) && s[i - 1].isSpace {
                if speech, let content = trimmed(s, (open + 1)..<i) {
                    spans.append(Span(open: open..<(open + 1), close: i..<(atEnd ? i : i + 1), content: content, isDash: true))
                }
                speech.toggle()
                open = i
            }
            i += 1
        }
        return spans
    }

    /// The content of `range` without white space and trailing ",;:" (nil when it has no word).
    private static func trimmed(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int>? {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, s[lo].isSpace { lo += 1 }
        while hi > lo, s[hi - 1].isSpace || s[hi - 1] == "," || s[hi - 1] == ";" || s[hi - 1] == ":"
            || s[hi - 1] == "\u{FF0C}"
        {
            hi -= 1
        }
        guard hi > lo, s[lo..<hi].contains(where: { $0.isWordScalar }) else { return nil }
        return lo..<hi
    }

    /// The closing marks of an opening mark at `i`, or nil when the scalar opens nothing there.
    private static func opener(_ s: [Unicode.Scalar], at i: Int, in paragraph: Range<Int>) -> Set<Unicode.Scalar>? {
        let previous: Unicode.Scalar? = i > paragraph.lowerBound ? s[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < paragraph.upperBound ? s[i + 1] : nil
        switch s[i] {
        case "\u{201E}": return ["\u{201C}", "\u{201D}", "\""]
        case "\u{201A}":
            guard let next, next.isWordScalar else { return nil }
            return ["\u{2018}", "\u{2019}"]
        case "\u{AB}": return ["\u{BB}"]
        case "\u{2039}": return ["\u{203A}"]
        case "\u{BB}", "\u{203A}":
            // German »…«: the mark stands before a word, not after one as a closing French mark does.
            guard let next, !next.isSpace, previous.map({ !$0.isWordScalar }) ?? true else { return nil }
            return s[i] == "\u{BB}" ? ["\u{AB}"] : ["\u{2039}"]
        case "\u{201C}": return ["\u{201D}"]
        case "\u{300C}": return ["\u{300D}"]
        case "\u{300E}": return ["\u{300F}"]
        case "\"":
            if let previous, previous.isWordScalar || previous == "." || previous == "," { return nil }
            guard let next, next.isWordScalar else { return nil }
            return ["\""]
        default: return nil
        }
    }

    /// The offset of the next „ when it comes before any of `closers`, a colon introduces it, and the
    /// rest of the paragraph has fewer closers than openers (a quote inside, `„… den Maler „Koekkoek" kennen …"`, closes both).
    private static func unclosed(_ s: [Unicode.Scalar], from start: Int, closers: Set<Unicode.Scalar>, in paragraph: Range<Int>) -> Int? {
        var next: Int? = nil
        var i = start
        while i < paragraph.upperBound, next == nil {
            if closers.contains(s[i]) { return nil }
            if s[i] == "\u{201E}" { next = i }
            i += 1
        }
        // Only a new quote that a colon introduces (`Er sagt: „…`) is new speech outside the first.
        guard let next else { return nil }
        var c = next - 1
        while c > start, s[c].isSpace { c -= 1 }
        guard s[c] == ":" else { return nil }
        var openers = 1
        var closed = 0
        for k in start..<paragraph.upperBound {
            if s[k] == "\u{201E}" { openers += 1 } else if closers.contains(s[k]) { closed += 1 }
        }
        return closed < openers ? next : nil
    }

    /// The end of the last sentence (after its ".", "!" or "?" and a space) that closes after `start`
    /// and before the sentence holding `limit`; `limit` itself when there is none.
    private static func sentenceEnd(_ s: [Unicode.Scalar], after start: Int, before limit: Int) -> Int {
        var k = limit - 1
        while k > start {
            if [".", "!", "?"].contains(s[k - 1]), s[k].isSpace { return k }
            k -= 1
        }
        return limit
    }

    /// The offset of the closing mark, nesting marks that pair with themselves differently.
    private static func closer(
        _ s: [Unicode.Scalar], for open: Unicode.Scalar, closers: Set<Unicode.Scalar>, from start: Int,
        in paragraph: Range<Int>
    ) -> Int? {
        let nests = open == "\u{AB}" || open == "\u{300C}" || open == "\u{300E}" || open == "\u{2039}"
        var depth = 0
        var i = start
        while i < paragraph.upperBound {
            let c = s[i]
            if nests, c == open {
                depth += 1
            } else if closers.contains(c) {
                if c == "\u{2019}", i + 1 < paragraph.upperBound, s[i + 1].isWordScalar {
                    i += 1  // an apostrophe
                    continue
                }
                if depth == 0 { return i }
                depth -= 1
            }
            i += 1
        }
        return nil
    }
}
