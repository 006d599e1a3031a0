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
            guard end - a >= 5 else { continue }
            if let (attribution, found) = indirect(in: a..<end, tokens: tokens, finder: finder, text: text) {
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
}
