/// A span of text between quote marks, before any decision on whether it is a quote.
package struct QuoteSpan: Sendable, Hashable {
    /// Offsets of the opening mark.
    package var openStart: Int
    package var openEnd: Int
    /// Offsets of the closing mark; both equal the paragraph end when the quote runs on.
    package var closeStart: Int
    package var closeEnd: Int
    /// The content inside the marks, trimmed of white space and trailing ",;:".
    package var contentStart: Int
    package var contentEnd: Int
    /// The paragraph ends without a closing mark and the next paragraph opens with one.
    package var continuesToNext: Bool
    /// The span opens a paragraph that continues a quote left open in the previous one.
    package var continuesPrevious: Bool
}

/// Finds text between quote marks: straight and curly double quotes, guillemets « » and ‹ ›,
/// single curly quotes when they clearly delimit words, and PTB marks (two backticks … two apostrophes).
///
/// Marks pair within a paragraph. A paragraph that ends inside a quote continues into the next one
/// when that paragraph opens with the same kind of mark (newspaper style for multi-paragraph
/// quotes); each paragraph then gives its own span.
package enum QuoteScanner {
    private enum Family { case straight, curly, guillemet, singleGuillemet, singleCurly, ptb }

    /// The quote spans of `text`, in order.
    /// - Complexity: O(n) in the number of scalars (each scalar is visited a bounded number of times
    ///   per paragraph).
    package static func spans(in text: ScalarText) -> [QuoteSpan] {
        let s = text.scalars
        let paragraphs = text.paragraphs

        var spans: [QuoteSpan] = []
        var carried: Family? = nil
        for (index, paragraph) in paragraphs.enumerated() {
            var i = paragraph.lowerBound
            let continuing = carried
            carried = nil
            var first = true
            while i < paragraph.upperBound {
                guard let (family, openLength) = opener(s, at: i, in: paragraph) else {
                    i += 1
                    continue
                }
                let isContinuation = first && continuing == family && isFirstNonSpace(s, i, paragraph)
                first = false
                if let (closeStart, closeLength) = closer(s, family: family, from: i + openLength, in: paragraph) {
                    if let span = makeSpan(
                        s, open: i..<(i + openLength), close: closeStart..<(closeStart + closeLength),
                        continuesToNext: false, continuesPrevious: isContinuation)
                    {
                        spans.append(span)
                    }
                    i = closeStart + closeLength
                    continue
                }
                if family != .singleCurly, index + 1 < paragraphs.count,
                    let next = firstNonSpace(s, paragraphs[index + 1]),
                    let (nextFamily, _) = opener(s, at: next, in: paragraphs[index + 1]), nextFamily == family
                {
                    var end = paragraph.upperBound
                    while end > i + openLength, s[end - 1].isSpace { end -= 1 }
                    if let span = makeSpan(
                        s, open: i..<(i + openLength), close: end..<end,
                        continuesToNext: true, continuesPrevious: isContinuation)
                    {
                        spans.append(span)
                    }
                    carried = family
                    break
                }
                i += openLength
            }
        }
        return spans
    }

    private static func isFirstNonSpace(_ s: [Unicode.Scalar], _ i: Int, _ paragraph: Range<Int>) -> Bool {
        firstNonSpace(s, paragraph) == i
    }

    private static func firstNonSpace(_ s: [Unicode.Scalar], _ paragraph: Range<Int>) -> Int? {
        paragraph.first { !s[$0].isSpace }
    }

    private static func makeSpan(
        _ s: [Unicode.Scalar], open: Range<Int>, close: Range<Int>, continuesToNext: Bool,
        continuesPrevious: Bool
    ) -> QuoteSpan? {
        var lo = open.upperBound
        var hi = close.lowerBound
        while lo < hi, s[lo].isSpace { lo += 1 }
        while hi > lo, s[hi - 1].isSpace || s[hi - 1] == "," || s[hi - 1] == ";" || s[hi - 1] == ":" { hi -= 1 }
        guard hi > lo, s[lo..<hi].contains(where: { $0.isWordScalar }) else { return nil }
        return QuoteSpan(
            openStart: open.lowerBound, openEnd: open.upperBound, closeStart: close.lowerBound,
            closeEnd: close.upperBound, contentStart: lo, contentEnd: hi, continuesToNext: continuesToNext,
            continuesPrevious: continuesPrevious)
    }

    private static func opener(_ s: [Unicode.Scalar], at i: Int, in paragraph: Range<Int>) -> (Family, Int)? {
        let previous: Unicode.Scalar? = i > paragraph.lowerBound ? s[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < paragraph.upperBound ? s[i + 1] : nil
        switch s[i] {
        case "\"":
            // An opening straight quote follows space or opening punctuation and precedes text.
            if let previous, previous.isWordScalar || previous == "." || previous == "," { return nil }
            guard let next, !next.isSpace else { return nil }
            return (.straight, 1)
        case "\u{201C}", "\u{201E}":
            return (.curly, 1)
        case "\u{201D}":
            // A right mark used as an opening one at the start of a quote ("”Mr. Trump …”").
            if let previous, !previous.isSpace, previous != "(" { return nil }
            guard let next, next.properties.isAlphabetic else { return nil }
            return (.curly, 1)
        case "\u{AB}":
            return (.guillemet, 1)
        case "\u{2039}":
            return (.singleGuillemet, 1)
        case "\u{2018}":
            if let previous, previous.isWordScalar { return nil }
            guard let next, next.properties.isAlphabetic else { return nil }
            return (.singleCurly, 1)
        case "`":
            return next == "`" ? (.ptb, 2) : nil
        case "'":
            // Two apostrophes opening a quote (New York Times archive style: ''This isn't reform,'').
            guard next == "'", i + 2 < paragraph.upperBound, !s[i + 2].isSpace, s[i + 2] != "'" else { return nil }
            if let previous, !previous.isSpace, previous != "(" { return nil }
            return (.ptb, 2)
        default:
            return nil
        }
    }

    private static func closer(
        _ s: [Unicode.Scalar], family: Family, from start: Int, in paragraph: Range<Int>
    ) -> (Int, Int)? {
        var i = start
        while i < paragraph.upperBound {
            let c = s[i]
            switch family {
            case .straight:
                if c == "\"" { return (i, 1) }
            case .curly:
                if c == "\u{201D}" { return (i, 1) }
                if c == "\u{201C}", i + 1 < paragraph.upperBound, s[i + 1].isSpace || s[i + 1] == "," {
                    return (i, 1)  // a “ used as a closing mark
                }
            case .guillemet:
                if c == "\u{BB}" { return (i, 1) }
            case .singleGuillemet:
                if c == "\u{203A}" { return (i, 1) }
            case .singleCurly:
                if c == "\u{2019}", i > start, !s[i - 1].isSpace {
                    let after: Unicode.Scalar? = i + 1 < paragraph.upperBound ? s[i + 1] : nil
                    if after == nil || !(after!.isWordScalar) { return (i, 1) }
                }
                if c == "\u{201C}" || c == "\u{201D}" || c == "\"" { return nil }
            case .ptb:
                if c == "'", i + 1 < paragraph.upperBound, s[i + 1] == "'", i > start, !s[i - 1].isSpace {
                    return (i, 2)
                }
            }
            i += 1
        }
        return nil
    }
}
