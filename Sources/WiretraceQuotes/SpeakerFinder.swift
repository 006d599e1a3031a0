/// Who said a quote, as the text states it: the speaker phrase, the reporting verb, and the first
/// reporter when the text names one ("TASS cited X as telling", "X told Reuters").
package struct Attribution: Sendable, Hashable {
    /// Token indices of the speaker phrase (inclusive), before resolution.
    package var speaker: ClosedRange<Int>
    /// The reporting verb as written ("said", "according to", "cited ... as telling").
    package var cue: String
    /// The first reporter stated in the text, canonical when it is a news agency.
    package var reporter: String?
}

/// Finds attributions around quotes with patterns over tokens:
/// `"…," X said` / `"…," said X` / `X said: "…"` / `X told Y` / `X cited Y as telling Z` /
/// `X was quoted as saying by Z` / `according to X` / `X said in an interview with Z`.
package struct SpeakerFinder: Sendable {
    /// The kinds of reporting verbs, which differ in where the speaker and the reporter stand.
    package enum VerbKind: Sendable { case plain, telling, relaying, according }

    package let tokens: [Token]

    package init(tokens: [Token]) { self.tokens = tokens }

    /// The reporting verb at token `k`: its length in tokens and its kind.
    package func verb(at k: Int) -> (length: Int, kind: VerbKind)? {
        guard k >= 0, k < tokens.count, tokens[k].isWord else { return nil }
        let token = tokens[k]
        if token.lower == "according", k + 1 < tokens.count, tokens[k + 1].lower == "to" {
            return (2, .according)
        }
        guard !token.isCapitalized, Lexicon.reportingVerbs.contains(token.lower) else { return nil }
        if Lexicon.tellingVerbs.contains(token.lower) { return (1, .telling) }
        if Lexicon.relayingVerbs.contains(token.lower) { return (1, .relaying) }
        return (1, .plain)
    }

    /// The noun phrase ending at token `end` (after skipping auxiliaries such as "has", "was quoted"),
    /// no further back than `lowerBound`; `passive` tells whether a passive marker was skipped.
    package func backwardPhrase(endingAt end: Int, lowerBound: Int) -> (phrase: ClosedRange<Int>, passive: Bool)? {
        var j = end
        var passive = false
        while j >= lowerBound, tokens[j].isWord, !tokens[j].isCapitalized,
            Lexicon.auxiliaries.contains(tokens[j].lower) || Lexicon.passiveMarkers.contains(tokens[j].lower)
                || (tokens[j].lower.hasSuffix("ly") && tokens[j].lower.count > 4)
        {
            if Lexicon.passiveMarkers.contains(tokens[j].lower) { passive = true }
            j -= 1
        }
        // A parenthesis between the name and the verb: "Sen. Claire McCaskill (D-Mo.) said".
        if j >= lowerBound, tokens[j].text == ")",
            let open = (max(lowerBound, j - 8)..<j).last(where: { tokens[$0].text == "(" }), open > lowerBound
        {
            j = open - 1
        }
        guard j >= lowerBound, tokens[j].isWord else { return nil }
        if Lexicon.pronouns.contains(tokens[j].lower) { return (j...j, passive) }
        if Lexicon.determiners.contains(tokens[j].lower) || Lexicon.phraseStops.contains(tokens[j].stem) {
            return nil
        }
        var k = j
        var count = 0
        while k >= lowerBound, count < 8 {
            if tokens[k].text == ".", k > lowerBound, tokens[k - 1].isCapitalized,
                Lexicon.abbreviations.contains(tokens[k - 1].lower) || tokens[k - 1].text.count == 1
            {
                k -= 1  // "Mr. Ng", "Anna K. Berg"
                continue
            }
            guard tokens[k].isWord else { break }
            let word = tokens[k].lower
            if Lexicon.determiners.contains(word) {
                count += 1
                k -= 1
                break
            }
            if Lexicon.phraseStops.contains(word) || verb(at: k) != nil || Lexicon.pronouns.contains(word) {
                break
            }
            count += 1
            k -= 1
        }
        guard k + 1 <= j else { return nil }
        return ((k + 1)...j, passive)
    }

    /// "An official who spoke to the Daily Courier said ...": when the phrase before a reporting
    /// verb is the listener of a relative clause of speaking ("who spoke to X", "that talked with X",
    /// "who had spoken to X"), the verb's subject is that clause's antecedent, not the listener.
    /// Returns the antecedent (the noun phrase before the relative pronoun, no further back than
    /// `lowerBound`), or nil when `phrase` is no such listener.
    /// - Complexity: O(1) but for the antecedent's few words.
    package func listenerAntecedent(of phrase: ClosedRange<Int>, lowerBound: Int) -> ClosedRange<Int>? {
        var j = phrase.lowerBound - 1
        guard j - 2 >= lowerBound, ["to", "with"].contains(tokens[j].lower) else { return nil }
        j -= 1
        guard Self.speakingVerbs.contains(tokens[j].lower) else { return nil }
        j -= 1
        while j > lowerBound, tokens[j].isWord, Lexicon.auxiliaries.contains(tokens[j].lower) { j -= 1 }
        guard j - 1 >= lowerBound, ["who", "that"].contains(tokens[j].lower),
            let (antecedent, _) = backwardPhrase(endingAt: j - 1, lowerBound: lowerBound),
            !Lexicon.pronouns.contains(tokens[antecedent.lowerBound].lower) || antecedent.count > 1
        else { return nil }
        return antecedent
    }

    /// Verbs of speaking whose prepositional object is the listener ("spoke to", "talked with").
    private static let speakingVerbs: Set<String> = ["spoke", "spoken", "speaks", "talked", "talks", "speaking", "talking"]

    /// The subject of a clause starting at `start`: its first noun phrase, after an opening
    /// adverbial that ends with a comma ("During a speech earlier in the day, Trump attacked …").
    package func clauseSubject(from start: Int, before limit: Int) -> ClosedRange<Int>? {
        var s = start
        if s < limit, !Lexicon.pronouns.contains(tokens[s].lower),
            Lexicon.phraseStops.contains(tokens[s].lower) || Lexicon.sentenceStarters.contains(tokens[s].lower)
                && !Lexicon.determiners.contains(tokens[s].lower),
            let comma = (s..<limit).first(where: { tokens[$0].text == "," })
        {
            s = comma + 1
        }
        guard var phrase = forwardPhrase(from: s, upperBound: limit), phrase.upperBound + 1 < limit,
            tokens[phrase.upperBound + 1].isWord
        else { return nil }
        // The clause's own verb, when the lexicon does not know it: "Olaf Scholz attacked".
        while phrase.count >= 2, !tokens[phrase.upperBound].isCapitalized, tokens[phrase.upperBound].lower.hasSuffix("ed") {
            phrase = phrase.lowerBound...(phrase.upperBound - 1)
        }
        return phrase
    }

    /// The subject of a verb that follows an aside between commas: `The union leader, whose remarks
    /// were translated, said`. The subject must open the clause (start at `lowerBound`).
    package func appositiveSubject(before v: Int, lowerBound: Int) -> (phrase: ClosedRange<Int>, passive: Bool)? {
        guard v - 1 > lowerBound, tokens[v - 1].text == ",",
            let comma = (max(lowerBound, v - 25)..<(v - 1)).last(where: { tokens[$0].text == "," }), comma > lowerBound,
            let found = backwardPhrase(endingAt: comma - 1, lowerBound: lowerBound), found.phrase.lowerBound == lowerBound
        else { return nil }
        return found
    }

    /// The noun phrase starting at token `start`, before `upperBound`.
    package func forwardPhrase(from start: Int, upperBound: Int) -> ClosedRange<Int>? {
        guard start < upperBound, start < tokens.count, tokens[start].isWord else { return nil }
        if Lexicon.pronouns.contains(tokens[start].lower) { return start...start }
        var k = start
        while k < upperBound, k - start < 8 {
            if tokens[k].text == ".", k > start, k + 1 < upperBound, tokens[k + 1].isCapitalized,
                tokens[k - 1].isCapitalized,
                tokens[k - 1].text.count == 1 || Lexicon.abbreviations.contains(tokens[k - 1].lower)
            {
                k += 1  // "Leonard E. Burman", "Mr. King"
                continue
            }
            guard tokens[k].isWord else { break }
            let word = tokens[k].lower
            if k > start, Lexicon.determiners.contains(word) { break }
            if !Lexicon.determiners.contains(word), Lexicon.phraseStops.contains(word) { break }
            if verb(at: k) != nil { break }
            k += 1
        }
        // Trailing days ("said Shoigu on Tuesday" stops at "on"; "Shoigu Tuesday" drops the day).
        while k - 1 > start, Lexicon.dates.contains(tokens[k - 1].lower) { k -= 1 }
        guard k > start else { return nil }
        if k - 1 == start, Lexicon.determiners.contains(tokens[start].lower) { return nil }
        return start...(k - 1)
    }

    /// The reporter a phrase names: the canonical agency if it contains one, else the words as written.
    package func reporterName(_ phrase: ClosedRange<Int>, in text: ScalarText) -> String {
        let words = Array(tokens[phrase])
        if let agency = RelayChain.agency(in: words) { return agency }
        return text.string(tokens[phrase.lowerBound].start..<tokens[phrase.upperBound].end)
    }

    private func words(_ phrase: ClosedRange<Int>) -> [Token] { Array(tokens[phrase]) }

    /// Completes an attribution around the verb at `v`, given the subject found before it.
    package func attribution(
        verbAt v: Int, length: Int, kind: VerbKind, subject: ClosedRange<Int>?, passive: Bool,
        upperBound: Int, text: ScalarText
    ) -> Attribution? {
        let cueWords = tokens[v..<(v + length)].map(\.text).joined(separator: " ")
        let afterVerb = v + length
        func word(_ k: Int) -> String? { k < upperBound && k < tokens.count ? tokens[k].lower : nil }
        let asForms: Set<String> = ["saying", "telling", "stating", "declaring", "writing", "adding"]
        switch kind {
        case .according:
            guard let speaker = forwardPhrase(from: afterVerb, upperBound: upperBound) else { return nil }
            return Attribution(speaker: speaker, cue: cueWords, reporter: nil)
        case .relaying:
            if passive || subject != nil && word(afterVerb) == "as" || subject != nil && word(afterVerb) == "by" {
                // "X was quoted as saying by Z" / "X was quoted by Z as saying".
                guard let subject else { return nil }
                var cue = cueWords
                var reporter: String? = nil
                var k = afterVerb
                while k < min(upperBound, afterVerb + 10) {
                    if word(k) == "as", let form = word(k + 1), asForms.contains(form) {
                        cue = "\(tokens[v].text) as \(tokens[k + 1].text)"
                        k += 2
                        continue
                    }
                    if word(k) == "by", let phrase = forwardPhrase(from: k + 1, upperBound: upperBound) {
                        reporter = reporterName(phrase, in: text)
                        k = phrase.upperBound + 1
                        continue
                    }
                    k += 1
                }
                return Attribution(speaker: subject, cue: cue, reporter: reporter)
            }
            guard let object = forwardPhrase(from: afterVerb, upperBound: upperBound) else {
                guard let subject else { return nil }
                return Attribution(speaker: subject, cue: cueWords, reporter: nil)
            }
            var cue = cueWords
            if word(object.upperBound + 1) == "as", let form = word(object.upperBound + 2), asForms.contains(form) {
                cue = "\(tokens[v].text) ... as \(tokens[object.upperBound + 2].text)"
            }
            return Attribution(speaker: object, cue: cue, reporter: subject.map { reporterName($0, in: text) })
        case .telling, .plain:
            guard let subject else {
                // Inverted: "…," said X.
                guard let speaker = forwardPhrase(from: afterVerb, upperBound: upperBound) else { return nil }
                return Attribution(speaker: speaker, cue: cueWords, reporter: nil)
            }
            var reporter: String? = nil
            if kind == .telling, let object = forwardPhrase(from: afterVerb, upperBound: upperBound),
                RelayChain.isMedium(words(object))
            {
                reporter = reporterName(object, in: text)
            }
            var k = afterVerb
            while reporter == nil, k < min(upperBound, afterVerb + 12) {
                if word(k) == "interview", let preposition = word(k + 1), ["with", "on", "to"].contains(preposition),
                    let phrase = forwardPhrase(from: k + 2, upperBound: upperBound)
                {
                    reporter = reporterName(phrase, in: text)
                } else if word(k) == "according", word(k + 1) == "to",
                    let phrase = forwardPhrase(from: k + 2, upperBound: upperBound), RelayChain.isMedium(words(phrase))
                {
                    reporter = reporterName(phrase, in: text)
                } else if let told = word(k), Lexicon.tellingVerbs.contains(told),
                    let phrase = forwardPhrase(from: k + 1, upperBound: upperBound), RelayChain.isMedium(words(phrase))
                {
                    reporter = reporterName(phrase, in: text)
                }
                k += 1
            }
            return Attribution(speaker: subject, cue: cueWords, reporter: reporter)
        }
    }

    /// An attribution right after a quote: `, X said`, `, said X`, `, according to X`,
    /// `, X cited Y as telling Z`. With `strict`, the verb must come within six tokens.
    package func after(_ range: Range<Int>, strict: Bool, text: ScalarText) -> Attribution? {
        var i = range.lowerBound
        if i + 1 < range.upperBound, ["\u{2015}", "\u{2014}", "\u{2013}", "-"].contains(tokens[i].text),
            tokens[i + 1].isCapitalized, let name = forwardPhrase(from: i + 1, upperBound: range.upperBound),
            name.upperBound + 1 == range.upperBound || tokens[name.upperBound + 1].text == "."
        {
            // A signature after the quote: "…” ― Sonya Herridge.
            return Attribution(speaker: name, cue: tokens[i].text, reporter: nil)
        }
        while i < range.upperBound, tokens[i].text == "," || tokens[i].text == "\u{2014}" { i += 1 }
        let limit = min(range.upperBound, i + (strict ? 6 : 10))
        var v = i
        while v < limit {
            if let (length, kind) = verb(at: v) {
                if v == i {
                    return attribution(
                        verbAt: v, length: length, kind: kind, subject: nil, passive: false,
                        upperBound: range.upperBound, text: text)
                }
                // The subject follows the quote, or a short phrase that finishes the sentence the
                // quote began (`"…" of the new tax plan, Ms. Berg said`).
                guard let (subject, passive) = backwardPhrase(endingAt: v - 1, lowerBound: i),
                    subject.lowerBound == i || (!strict && tokens[subject.lowerBound - 1].text == ",")
                else { return apposition(from: i, upperBound: range.upperBound, text: text) }
                return attribution(
                    verbAt: v, length: length, kind: kind, subject: subject, passive: passive,
                    upperBound: range.upperBound, text: text)
            }
            v += 1
        }
        return apposition(from: i, upperBound: range.upperBound, text: text)
    }

    /// `"…," Scott Pruitt, the attorney general of Oklahoma, said`: a name, an apposition between
    /// commas, then the verb.
    private func apposition(from i: Int, upperBound: Int, text: ScalarText) -> Attribution? {
        guard i < upperBound, tokens[i].isCapitalized, let name = forwardPhrase(from: i, upperBound: upperBound),
            name.upperBound + 1 < upperBound, tokens[name.upperBound + 1].text == ","
        else { return nil }
        var v = name.upperBound + 2
        while v < min(upperBound, name.upperBound + 26) {
            if let (length, kind) = verb(at: v), kind != .according, tokens[v - 1].text == "," {
                return attribution(
                    verbAt: v, length: length, kind: kind, subject: name, passive: false, upperBound: upperBound,
                    text: text)
            }
            v += 1
        }
        return nil
    }

    /// An attribution before a quote: `X said: "…"`, `X said "…"`, `According to X, "…"`,
    /// `X told Reuters: "…"`, or (unless `strict`) a reporting verb earlier in the same sentence.
    package func before(_ range: Range<Int>, strict: Bool, text: ScalarText) -> Attribution? {
        var v = range.upperBound - 1
        while v >= range.lowerBound {
            defer { v -= 1 }
            if tokens[v].isWord, Lexicon.reportingParticiples.contains(tokens[v].lower), v - 1 > range.lowerBound,
                tokens[v - 1].text == ",", tokens[(v + 1)..<range.upperBound].count <= 3,
                let subject = clauseSubject(from: range.lowerBound, before: v - 1)
            {
                return Attribution(speaker: subject, cue: tokens[v].text, reporter: nil)
            }
            guard let (length, kind) = verb(at: v) else { continue }
            let gapStart = v + length
            var rest = gapStart
            if kind == .according || kind == .telling,
                let phrase = forwardPhrase(from: gapStart, upperBound: range.upperBound)
            {
                rest = phrase.upperBound + 1
            }
            let gap = tokens[rest..<range.upperBound]
            if strict {
                guard gap.allSatisfy({ [":", ",", "that", "\u{2014}"].contains($0.lower) }) else { return nil }
            } else if gap.count > 12 {
                return nil
            }
            var subject: ClosedRange<Int>? = nil
            var passive = false
            if kind != .according, v > range.lowerBound,
                let found = backwardPhrase(endingAt: v - 1, lowerBound: range.lowerBound)
                    ?? appositiveSubject(before: v, lowerBound: range.lowerBound)
            {
                subject = found.phrase
                passive = found.passive
            }
            // The inverted form ("said X: …") needs the verb to open the clause; after other words
            // with no subject found ("The leader, whose …, said the friendship …") the phrase after
            // the verb is what was said, not who said it.
            if subject == nil, kind != .according, tokens[range.lowerBound..<v].contains(where: \.isWord) {
                continue
            }
            if let found = attribution(
                verbAt: v, length: length, kind: kind, subject: subject, passive: passive,
                upperBound: range.upperBound, text: text)
            {
                return found
            }
        }
        return nil
    }
}
