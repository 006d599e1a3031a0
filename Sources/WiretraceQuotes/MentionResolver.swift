/// A person named in full somewhere in the article, with the role words written before the name.
package struct PersonMention: Sendable, Hashable {
    /// The name without titles ("Sergei Shoigu").
    package var name: String
    /// Lower-cased name words without possessives.
    package var words: [String]
    package var start: Int
    package var end: Int
    /// Lower-cased role words written before the name ("russian", "defence", "minister").
    package var roleWords: [String]
    /// Written after "in", "at", "from", "near" or "the": a place or an institution more likely than a
    /// person ("in Coral Springs", "the Sixth Circuit"), so never the antecedent of "he" or "she".
    package var placeLike: Bool = false
}

/// A speaker as it will be reported: the resolved name (or the phrase) and the mention's offsets.
package struct ResolvedSpeaker: Sendable, Hashable {
    package var name: String
    package var start: Int
    package var end: Int
}

/// Resolves speaker mentions (pronouns, surnames, role nouns) to full names in the same article.
package struct MentionResolver: Sendable {
    package let tokens: [Token]
    package let text: ScalarText
    /// Full person names in text order.
    package let persons: [PersonMention]
    /// Full names and later surname-only mentions of the same persons, in text order.
    package let references: [PersonMention]

    /// Finds every full person name (two or more capitalised words after titles are removed).
    /// - Complexity: O(n) in the number of tokens.
    package init(tokens: [Token], text: ScalarText) {
        self.tokens = tokens
        self.text = text
        var persons: [PersonMention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalized, !tokens[i].isAllCaps else {
                i += 1
                continue
            }
            let run = MentionResolver.capitalisedRun(tokens, from: i)
            if let person = MentionResolver.person(tokens, run: run, text: text) {
                persons.append(person)
            }
            i = run.upperBound
        }
        self.persons = persons
        // Later mentions of a person by surname alone ("Shoigu said") are antecedents too.
        var references = persons
        var lastWords: [String: PersonMention] = [:]
        var next = 0
        for token in tokens where token.isCapitalized {
            while next < persons.count, persons[next].start <= token.start {
                if let last = persons[next].words.last { lastWords[last] = persons[next] }
                next += 1
            }
            guard let person = lastWords[token.stem], token.start >= person.end else { continue }
            var reference = person
            reference.start = token.start
            reference.end = token.end
            reference.placeLike = false
            references.append(reference)
        }
        self.references = references.sorted { $0.start < $1.start }
    }

    /// The run of capitalised words (with name particles inside) starting at `i`; a possessive word ends it.
    package static func capitalisedRun(_ tokens: [Token], from i: Int) -> Range<Int> {
        var j = i
        while j < tokens.count, tokens[j].paragraph == tokens[i].paragraph {
            let token = tokens[j]
            if token.isCapitalized, !token.isAllCaps || token.text.count <= 3 {
                j += 1
                if token.isPossessive { break }
                // Initials: "George W. Bush".
                if token.text.count == 1, j + 1 < tokens.count, tokens[j].text == ".", tokens[j + 1].isCapitalized {
                    j += 1
                }
                continue
            }
            if j > i, Lexicon.nameParticles.contains(token.lower), j + 1 < tokens.count, tokens[j + 1].isCapitalized {
                j += 1
                continue
            }
            break
        }
        return i..<max(j, i + 1)
    }

    /// Index of the first token of `run` that belongs to a name (titles, places, dates, sentence openers skipped).
    package static func nameStart(_ tokens: [Token], run: Range<Int>) -> Int {
        var k = run.lowerBound
        while k < run.upperBound {
            let word = tokens[k].stem
            if tokens[k].text == "." || Lexicon.titles.contains(word) || Lexicon.places.contains(word)
                || Lexicon.dates.contains(word) || Lexicon.sentenceStarters.contains(word)
                || tokens[k].isPossessive
            {
                k += 1
            } else {
                break
            }
        }
        return k
    }

    private static func person(_ tokens: [Token], run: Range<Int>, text: ScalarText) -> PersonMention? {
        let first = nameStart(tokens, run: run)
        guard first < run.upperBound else { return nil }
        let nameTokens = tokens[first..<run.upperBound].filter { $0.isWord }
        guard nameTokens.count >= 2, nameTokens.count <= 5 else { return nil }
        for token in nameTokens {
            if Lexicon.nonPersonWords.contains(token.stem) || Lexicon.places.contains(token.stem)
                || Lexicon.dates.contains(token.stem) || token.isAllCaps
                || token.text.unicodeScalars.contains(where: { $0.properties.numericType != nil })
            {
                return nil
            }
        }
        if Lexicon.titles.contains(nameTokens.last!.stem) { return nil }
        let end = tokens[run.upperBound - 1].isPossessive
            ? tokens[run.upperBound - 1].end - 2 : tokens[run.upperBound - 1].end
        let name = text.string(tokens[first].start..<end)
        var roles = tokens[run.lowerBound..<first].filter { $0.isWord }.map(\.stem)
        // Lower-case role words and possessive modifiers just before the run ("army chief", "Norway's").
        var k = run.lowerBound - 1
        var before: [String] = []
        while k >= 0, before.count < 5, tokens[k].isWord, tokens[k].paragraph == tokens[run.lowerBound].paragraph {
            let word = tokens[k].stem
            if Lexicon.phraseStops.contains(word) || Lexicon.determiners.contains(word) { break }
            if tokens[k].isCapitalized, !tokens[k].isPossessive, !Lexicon.titles.contains(word),
                !Lexicon.places.contains(word), !Lexicon.nonPersonWords.contains(word)
            {
                break
            }
            before.append(word)
            k -= 1
        }
        if before.isEmpty, run.lowerBound >= 2, tokens[run.lowerBound - 1].text == "," {
            // A role in apposition before the name: "The Commander-in-Chief of Myanmar's Defense
            // Services, Senior General Min Aung Hlaing".
            k = run.lowerBound - 2
            while k >= 0, before.count < 8, tokens[k].isWord, tokens[k].paragraph == tokens[run.lowerBound].paragraph {
                let word = tokens[k].stem
                if Lexicon.determiners.contains(word) || Lexicon.reportingVerbs.contains(word) { break }
                if word != "of", Lexicon.phraseStops.contains(word) { break }
                before.append(word)
                k -= 1
            }
        }
        roles = (before.reversed() + roles).flatMap(MentionResolver.roleParts)
        let placeLike = run.lowerBound > 0 && first == run.lowerBound
            && ["in", "at", "from", "near", "the", "of"].contains(tokens[run.lowerBound - 1].lower)
        return PersonMention(
            name: name, words: nameTokens.map(\.stem), start: tokens[first].start, end: end, roleWords: roles,
            placeLike: placeLike)
    }

    /// Resolves the speaker phrase `phrase` (token indices, inclusive bounds) to a name, or keeps it.
    package func resolve(_ phrase: ClosedRange<Int>) -> ResolvedSpeaker {
        let start = tokens[phrase.lowerBound].start
        let end = tokens[phrase.upperBound].end
        let written = ResolvedSpeaker(name: text.string(start..<end), start: start, end: end)
        let last = tokens[phrase.upperBound]

        // "his support for X", "her warning that ...": a possessive stands for its person as
        // "he" and "she" do.
        if phrase.count == 1, Lexicon.pronouns.contains(last.lower) || Lexicon.resolvedPersonPronouns.contains(last.lower) {
            guard Lexicon.resolvedPersonPronouns.contains(last.lower),
                let person = references.last(where: { $0.end <= start && !$0.placeLike })
            else { return written }
            return ResolvedSpeaker(name: person.name, start: start, end: end)
        }

        if last.isCapitalized {
            // The name is the trailing capitalised run of the phrase, titles removed.
            var runStart = phrase.upperBound
            while runStart > phrase.lowerBound {
                let previous = tokens[runStart - 1]
                if previous.isCapitalized, !previous.isPossessive || runStart - 1 == phrase.lowerBound {
                    runStart -= 1
                } else if Lexicon.nameParticles.contains(previous.lower) || previous.text == "." {
                    runStart -= 1
                } else {
                    break
                }
            }
            let nameFrom = MentionResolver.nameStart(tokens, run: runStart..<(phrase.upperBound + 1))
            guard nameFrom <= phrase.upperBound else {
                return resolveRole(phrase, written: written)
            }
            let words = tokens[nameFrom...phrase.upperBound].filter { $0.isWord }.map(\.stem)
            let wordSet = Set(words)
            let candidates = persons.filter { wordSet.isSubset(of: Set($0.words)) }
            let nameStartOffset = tokens[nameFrom].start
            if let person = candidates.last(where: { $0.start <= nameStartOffset }) ?? candidates.first {
                return ResolvedSpeaker(name: person.name, start: nameStartOffset, end: end)
            }
            if words.count >= 2, !words.contains(where: { Lexicon.nonPersonWords.contains($0) }) {
                return ResolvedSpeaker(
                    name: text.string(nameStartOffset..<end), start: nameStartOffset, end: end)
            }
            return written
        }
        return resolveRole(phrase, written: written)
    }

    /// Resolves a role noun phrase ("the Russian defence minister") to the nearest earlier person
    /// written with the same role words, or keeps the phrase.
    private func resolveRole(_ phrase: ClosedRange<Int>, written: ResolvedSpeaker) -> ResolvedSpeaker {
        let words = tokens[phrase].filter { $0.isWord }.map(\.stem).filter { !Lexicon.determiners.contains($0) }
            .flatMap(MentionResolver.roleParts)
        guard let head = words.last, Lexicon.titles.contains(head) || Lexicon.roleSynonyms[head] != nil else {
            return written
        }
        let candidates = persons.filter { $0.end <= written.start }
        for person in candidates.reversed() {
            let roles = person.roleWords
            if words.allSatisfy({ word in roles.contains { MentionResolver.sameRoleWord(word, $0) } }) {
                return ResolvedSpeaker(name: person.name, start: written.start, end: written.end)
            }
        }
        return written
    }

    /// The parts of a role word that carry meaning: "commander-in-chief" -> ["commander", "chief"];
    /// linking words ("of", "in") carry none.
    package static func roleParts(_ word: String) -> [String] {
        word.split(whereSeparator: { $0 == "-" || $0 == "\u{2010}" }).map(String.init)
            .filter { !["of", "in", "the", "and", "for"].contains($0) }
    }

    /// Role words match when equal, synonyms ("leader"/"chief"), or a country and its adjective
    /// ("russia"/"russian").
    package static func sameRoleWord(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let x = Lexicon.roleSynonyms[a], let y = Lexicon.roleSynonyms[b], x == y { return true }
        if a.count >= 4, b.count >= 4, a.hasPrefix(b) || b.hasPrefix(a) { return true }
        return false
    }
}

/// Resolves a mention written in a text to the full name the extractor would give it ("she" to the
/// nearest person before, "Mr. Obama" to "Barack Obama"), for scoring speakers by name.
public struct SpeakerNames: Sendable {
    private let tokens: [Token]
    private let resolver: MentionResolver

    /// - Complexity: O(n) in the length of the text.
    public init(text: String) {
        let scalars = ScalarText(text)
        tokens = Tokenizer.tokens(scalars)
        resolver = MentionResolver(tokens: tokens, text: scalars)
    }

    /// The resolved name of the mention at `range` (Unicode scalars), cut before an apposition or a
    /// parenthesis; nil when the range holds no word.
    public func name(of range: Range<Int>) -> String? {
        var first: Int? = nil
        var last: Int? = nil
        for (index, token) in tokens.enumerated() where token.start >= range.lowerBound && token.start < range.upperBound {
            if first == nil { first = index }
            if token.text == "," || token.text == "(" { break }
            if token.isWord { last = index }
        }
        guard let first, let last, first <= last else { return nil }
        return resolver.resolve(first...last).name
    }
}
