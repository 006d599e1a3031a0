import WiretraceCore

extension QuoteExtractor {
    /// Indirect quotes: `X said (that) <clause>.`, `According to X, <clause>.` and `<clause>, X said.`,
    /// in sentences whose direct quotes, if any, stand inside the clause. The content is the clause,
    /// at least three words besides the quoted ones.
    func indirectQuotes(
        tokens: [Token], sentence: [Int], direct: [ClosedRange<Int>], finder: SpeakerFinder,
        resolver: MentionResolver, text: ScalarText, article: Article
    ) -> [QuoteOccurrence] {
        var results: [QuoteOccurrence] = []
        var a = 0
        var directIndex = 0
        while a < tokens.count {
            var b = a
            while b < tokens.count, sentence[b] == sentence[a] { b += 1 }
            defer { a = b }
            while directIndex < direct.count, direct[directIndex].upperBound < a { directIndex += 1 }
            // Direct quotes in this sentence: the sentence reports speech only where each stands
            // inside its clause (mixed speech: `X said the plan would cost "far too much"`).
            let quoted = direct[directIndex...].prefix { $0.lowerBound < b }
            var end = b
            while end > a, !tokens[end - 1].isWord { end -= 1 }
            guard end - a >= 4 else { continue }
            // "He denied the charges." is four words; the other forms need five.
            var match = end - a >= 5 ? indirect(in: a..<end, tokens: tokens, finder: finder, text: text) : nil
            if match == nil, options.stanceObjects, quoted.isEmpty {
                match = stanceObject(in: a..<end, tokens: tokens, finder: finder)
            }
            if let (attribution, found) = match {
                var clause = found
                if !quoted.isEmpty {
                    guard quoted.allSatisfy({ $0.lowerBound > clause.lowerBound && $0.lowerBound <= clause.upperBound }),
                        tokens[clause].indices.filter({ k in tokens[k].isWord && !quoted.contains { $0.contains(k) } }).count >= 3
                    else { continue }
                    // A quote closing the clause keeps its closing mark.
                    if let last = quoted.last, last.upperBound > clause.upperBound, last.upperBound < b {
                        clause = clause.lowerBound...last.upperBound
                    }
                }
                let range = tokens[clause.lowerBound].start..<tokens[clause.upperBound].end
                var occurrence = QuoteOccurrence(
                    start: range.lowerBound, end: range.upperBound, text: text.string(range), kind: .indirect,
                    cue: attribution.cue, via: RelayChain.via(firstReporter: attribution.reporter, article: article))
                let speaker = resolver.resolve(attribution.speaker)
                occurrence.speaker = speaker.name
                occurrence.speakerStart = speaker.start
                occurrence.speakerEnd = speaker.end
                results.append(occurrence)
            }
        }
        return results
    }

    /// The attribution and the clause (token indices, inclusive) of one sentence, if it reports speech.
    func indirect(
        in range: Range<Int>, tokens: [Token], finder: SpeakerFinder, text: ScalarText
    ) -> (Attribution, ClosedRange<Int>)? {
        func wordCount(_ r: ClosedRange<Int>) -> Int { tokens[r].filter(\.isWord).count }
        var a = range.lowerBound
        let end = range.upperBound
        if ["but", "and", "so", "yet"].contains(tokens[a].lower) { a += 1 }
        if a + 1 < end, tokens[a].lower == "according", tokens[a + 1].lower == "to" {
            guard let comma = (a + 2..<min(end, a + 12)).first(where: { tokens[$0].text == "," }),
                let speaker = finder.forwardPhrase(from: a + 2, upperBound: comma), comma + 1 < end
            else { return nil }
            let clause = (comma + 1)...(end - 1)
            guard wordCount(clause) >= 3 else { return nil }
            let cue = "\(tokens[a].text) \(tokens[a + 1].text)"
            return (Attribution(speaker: speaker, cue: cue, reporter: nil), clause)
        }
        // X said (that) <clause>.
        for v in a..<min(end, a + 10) {
            guard let (length, kind) = finder.verb(at: v), kind == .plain || kind == .telling, v > a else { continue }
            guard let (subject, _) = finder.backwardPhrase(endingAt: v - 1, lowerBound: a), subject.lowerBound == a
            else { break }
            var k = v + length
            if kind == .telling {
                guard let object = finder.forwardPhrase(from: k, upperBound: end) else { break }
                k = object.upperBound + 1
            }
            if let that = (k..<min(end, k + 7)).first(where: { tokens[$0].lower == "that" }) {
                k = that + 1
            } else if k < end, !tokens[k].isWord || Lexicon.phraseStops.contains(tokens[k].lower) {
                break
            }
            guard k < end else { break }
            let clause = k...(end - 1)
            guard wordCount(clause) >= 3,
                let attribution = finder.attribution(
                    verbAt: v, length: length, kind: kind, subject: subject, passive: false, upperBound: end, text: text)
            else { break }
            return (attribution, clause)
        }
        // <clause>, X said.
        var v = end - 1
        while v > a + 3, end - v <= 8 {
            defer { v -= 1 }
            guard let (length, kind) = finder.verb(at: v) else { continue }
            if kind == .according {
                // <clause>, according to X.
                guard tokens[v - 1].text == ",", let speaker = finder.forwardPhrase(from: v + 2, upperBound: end)
                else { return nil }
                let clause = a...(v - 2)
                guard wordCount(clause) >= 3 else { return nil }
                let cue = "\(tokens[v].text) \(tokens[v + 1].text)"
                return (Attribution(speaker: speaker, cue: cue, reporter: nil), clause)
            }
            guard kind == .plain || kind == .telling else { continue }
            guard let comma = (a..<v).last(where: { tokens[$0].text == "," }), comma > a else { return nil }
            let subject: ClosedRange<Int>?
            if comma + 1 == v {
                subject = nil
            } else if let (phrase, _) = finder.backwardPhrase(endingAt: v - 1, lowerBound: comma + 1),
                phrase.lowerBound == comma + 1
            {
                subject = phrase
            } else {
                return nil
            }
            let clause = a...(comma - 1)
            guard wordCount(clause) >= 3,
                let attribution = finder.attribution(
                    verbAt: v, length: length, kind: kind, subject: subject, passive: false, upperBound: end, text: text)
            else { return nil }
            return (attribution, clause)
        }
        return nil
    }

    /// Verbs of stance whose object stands for what the subject said or holds ("denied the
    /// charges", "endorsed the plan", "accused the mayor of lying"), past and present forms.
    static let stanceVerbs: Set<String> = [
        "endorsed", "endorses", "backed", "backs", "opposed", "opposes", "denied", "denies", "praised",
        "praises", "criticized", "criticizes", "criticised", "criticises", "condemned", "condemns",
        "rejected", "rejects", "welcomed", "welcomes", "disputed", "disputes", "defended", "defends",
        "applauded", "applauds", "blamed", "blames", "dismissed", "dismisses", "accused", "accuses",
        "demanded", "demands", "supported", "supports", "questioned", "questions", "hailed", "hails",
        "touted", "touts", "slammed", "slams", "decried", "decries", "lauded", "lauds",
    ]

    /// `X <stance verb> <object>.` and `X called for <object>.`: the object up to the next comma,
    /// semicolon, colon, dash or bracket (or the sentence's end) is the reported content, the
    /// verb's subject the speaker. Only where that subject opens the sentence or follows a fronted
    /// phrase and its comma ("On Monday, the mayor denied ...") and the verb follows it directly
    /// (give or take auxiliaries and adverbs), so a stance verb inside a relative clause or after a
    /// preposition does not count.
    func stanceObject(in range: Range<Int>, tokens: [Token], finder: SpeakerFinder) -> (Attribution, ClosedRange<Int>)? {
        var a = range.lowerBound
        let end = range.upperBound
        if ["but", "and", "so", "yet"].contains(tokens[a].lower) { a += 1 }
        for v in (a + 1)..<min(end, a + 16) {
            let word = tokens[v].lower
            guard tokens[v].isWord, !tokens[v].isCapitalized else { continue }
            var k = v + 1
            if word == "called" || word == "calls", k < end, tokens[k].lower == "for" {
                k += 1
            } else if !Self.stanceVerbs.contains(word) {
                continue
            }
            guard let (subject, passive) = finder.backwardPhrase(endingAt: v - 1, lowerBound: a), !passive,
                subject.lowerBound == a || tokens[subject.lowerBound - 1].text == ","
                    && !(a..<subject.lowerBound).contains(where: { finder.verb(at: $0) != nil })
            else { return nil }
            guard k < end, tokens[k].isWord else { return nil }
            var last = k
            while last + 1 < end, tokens[last + 1].isWord || ![",", ";", ":", "(", "\u{2014}", "\u{2013}"].contains(tokens[last + 1].text) {
                last += 1
            }
            while last > k, !tokens[last].isWord { last -= 1 }
            guard tokens[k...last].filter(\.isWord).count >= 2 else { return nil }
            let cue = tokens[v..<k].map(\.text).joined(separator: " ")
            return (Attribution(speaker: subject, cue: cue, reporter: nil), k...last)
        }
        return nil
    }
}
