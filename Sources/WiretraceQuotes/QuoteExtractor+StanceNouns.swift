import WiretraceCore

extension QuoteExtractor {
    /// Nouns of stance and the prepositions that open their object ("support for", "criticism of",
    /// "opposition to"). Not "backing of" or "support of" after "with the": there the object is the
    /// one who holds the stance, and only a possessor, an apposition or "be" gives a speaker here.
    static let stanceNounPrepositions: [String: Set<String>] = [
        "support": ["for", "of"], "supporter": ["of"], "supporters": ["of"], "endorsement": ["of"],
        "endorsements": ["of"], "criticism": ["of"], "critic": ["of"], "critics": ["of"], "opposition": ["to"],
        "opponent": ["of"], "opponents": ["of"], "praise": ["for"], "attack": ["on", "against"],
        "attacks": ["on", "against"], "advocate": ["for", "of"], "advocates": ["for", "of"], "proponent": ["of"],
        "proponents": ["of"], "champion": ["of"], "condemnation": ["of"], "denunciation": ["of"],
        "rejection": ["of"], "defense": ["of"], "defence": ["of"], "call": ["for"], "calls": ["for"],
        "demand": ["for"], "demands": ["for"], "embrace": ["of"], "disdain": ["for"], "contempt": ["for"],
        "admiration": ["for"],
    ]

    /// Nouns of saying and thinking that take a "that" clause ("her warning that ...").
    static let reportNouns: Set<String> = [
        "claim", "claims", "assertion", "argument", "belief", "view", "warning", "warnings", "promise",
        "pledge", "suggestion", "allegation", "allegations", "charge", "charges", "insistence", "contention",
        "assurance", "assurances", "prediction", "hope", "fear", "fears", "concern", "concerns", "conviction",
        "complaint", "accusation", "statement", "announcement", "vow", "threat", "admission",
        "acknowledgment", "acknowledgement", "theory", "message", "sense", "feeling", "opinion",
        "expectation", "demand", "recommendation", "proposal", "boast", "reminder", "explanation",
        "observation", "remark", "confidence", "doubt", "doubts", "worry", "worries",
    ]

    /// Forms of "be" and its like before a predicate noun ("Ruiz was an early critic of ...").
    private static let copulas: Set<String> = ["is", "was", "are", "were", "been", "be", "became", "becomes", "remains", "remained"]

    /// "his support for <object>", "Sen. Ruiz's criticism of <object>", "Ruiz, a longtime supporter
    /// of <object>", "Ruiz has been an opponent of <object>", "X came out in support of <object>"
    /// (``QuoteExtractorOptions/stanceNouns``) and "her warning that <clause>"
    /// (``QuoteExtractorOptions/reportNounClauses``): the object up to the clause's next stop, or the
    /// clause to the sentence's end, reported for the one holding the stance. A noun with no such
    /// holder ("the attack on the embassy", "with the support of the unions") reports nothing.
    /// - Complexity: O(w) in the words of the sentence.
    func stanceNouns(in range: Range<Int>, tokens: [Token], finder: SpeakerFinder) -> [(Attribution, ClosedRange<Int>)] {
        let a = range.lowerBound
        let end = range.upperBound
        var found: [(Attribution, ClosedRange<Int>)] = []
        var n = a
        while n + 2 < end {
            defer { n += 1 }
            guard tokens[n].isWord, !tokens[n].isCapitalized, found.allSatisfy({ $0.1.upperBound < n }) else { continue }
            let noun = tokens[n].lower
            let next = tokens[n + 1].lower
            let clause: Bool
            if options.stanceNouns, Self.stanceNounPrepositions[noun]?.contains(next) == true {
                clause = false
            } else if options.reportNounClauses, next == "that", Self.reportNouns.contains(noun) {
                clause = true
            } else {
                continue
            }
            guard let speaker = Self.stanceHolder(ofNoun: n, lowerBound: a, tokens: tokens, finder: finder) else { continue }
            let content: ClosedRange<Int>
            if clause {
                // A clause of its own: four words at least ("the claim that he made" is a relative
                // clause), not opening with a verb.
                guard let c = Self.stanceObject(from: n + 2, end: end, toSentenceEnd: true, nameObjects: false, stopAtVerb: false, tokens: tokens),
                    tokens[c].filter(\.isWord).count >= 4, finder.verb(at: c.lowerBound) == nil,
                    // "the claim that he made was false": a relative clause, two verbs in a row.
                    !(c.lowerBound + 2 <= c.upperBound && Self.looksFinite(c.lowerBound + 1, tokens: tokens)
                        && Self.looksFinite(c.lowerBound + 2, tokens: tokens))
                else { continue }
                content = options.nounClauseEndsAtMainVerb && speaker.lowerBound == a && speaker.upperBound < n
                    ? Self.clauseBeforeMainVerb(c, tokens: tokens) : c
            } else {
                guard var c = Self.stanceObject(
                    from: n + 2, end: end, toSentenceEnd: false, nameObjects: options.stanceNameObjects,
                    stopAtVerb: options.objectStopsAtVerb, tokens: tokens)
                else { continue }
                // A noun phrase opening the sentence is its subject: the object ends before the
                // sentence's verb ("Her support for the plan surprised ...").
                if speaker.lowerBound == a, speaker.upperBound < n, c.count > 1,
                    let verb = (c.lowerBound + 1...c.upperBound).first(where: { Self.looksFinite($0, tokens: tokens) })
                {
                    var last = verb - 1
                    while last > c.lowerBound, !tokens[last].isWord { last -= 1 }
                    guard tokens[c.lowerBound...last].filter(\.isWord).count >= 2
                        || options.stanceNameObjects && last == c.lowerBound && tokens[last].isCapitalized
                    else { continue }
                    c = c.lowerBound...last
                }
                content = c
            }
            let cue = "\(tokens[n].text) \(tokens[n + 1].text)"
            found.append((Attribution(speaker: speaker, cue: cue, reporter: nil), content))
        }
        return found
    }

    /// The "that" clause `clause` of a noun of saying in the sentence's subject ("The board's
    /// statement that the school will stay open calmed parents"), cut before the sentence's own
    /// verb: after the clause's first finite verb and its group (auxiliaries, participles, "not"),
    /// the next word that reads as finite (``looksFinite(_:tokens:)``) with no comma, conjunction,
    /// subordinator or relative word before it. The clause unchanged when there is none, or when
    /// fewer than three words would be left (``QuoteExtractorOptions/nounClauseEndsAtMainVerb``).
    /// - Complexity: O(w) in the words of the clause.
    static func clauseBeforeMainVerb(_ clause: ClosedRange<Int>, tokens: [Token]) -> ClosedRange<Int> {
        guard let first = clause.first(where: { $0 > clause.lowerBound && looksFinite($0, tokens: tokens) }) else { return clause }
        var k = first + 1
        while k <= clause.upperBound, tokens[k].isWord, looksFinite(k, tokens: tokens) || ["not", "be", "been", "being"].contains(tokens[k].lower)
            || tokens[k].lower.count > 4 && (tokens[k].lower.hasSuffix("ed") || tokens[k].lower.hasSuffix("ing"))
        {
            k += 1
        }
        while k <= clause.upperBound {
            let token = tokens[k]
            if !token.isWord || Self.clauseJoiners.contains(token.lower) { return clause }
            if looksFinite(k, tokens: tokens) { break }
            k += 1
        }
        guard k <= clause.upperBound else { return clause }
        var last = k - 1
        while last > clause.lowerBound, !tokens[last].isWord { last -= 1 }
        guard tokens[clause.lowerBound...last].filter(\.isWord).count >= 3 else { return clause }
        return clause.lowerBound...last
    }

    /// Words that open another clause inside a reported one: where they stand, a later finite verb
    /// may be that clause's, not the sentence's.
    private static let clauseJoiners: Set<String> = [
        "and", "but", "or", "if", "when", "because", "as", "since", "while", "although", "though", "unless",
        "until", "after", "before", "that", "which", "who", "whom", "whose", "where", "so",
    ]

    /// Common irregular past forms, for ``looksFinite(_:tokens:)``.
    private static let irregularPast: Set<String> = [
        "came", "went", "drew", "made", "got", "took", "gave", "won", "lost", "left", "fell", "rose", "grew",
        "became", "began", "brought", "caught", "stood", "held", "kept", "led", "met", "paid", "saw", "sent",
        "told", "felt", "found", "wrote", "ran", "struck", "spent", "drove", "put",
    ]

    /// Whether the lower-case word at `k` reads as a finite verb after a noun phrase: an auxiliary or
    /// modal, a past form in "-ed" not after a determiner, or a common irregular past form.
    static func looksFinite(_ k: Int, tokens: [Token]) -> Bool {
        let token = tokens[k]
        guard token.isWord, !token.isCapitalized else { return false }
        let w = token.lower
        if ["is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "should", "may",
            "might", "must", "did", "does", "do"].contains(w) || irregularPast.contains(w)
        {
            return true
        }
        return w.count > 4 && w.hasSuffix("ed") && !Lexicon.determiners.contains(tokens[k - 1].lower)
    }

    /// The subject of the clause opening at `a`, ending before `j`, cut before a word that reads as
    /// its verb ("The union came out in ..." gives "The union").
    private static func clauseSubject(from a: Int, before j: Int, tokens: [Token], finder: SpeakerFinder) -> ClosedRange<Int>? {
        guard var subject = finder.clauseSubject(from: a, before: j + 1), subject.upperBound < j else { return nil }
        if let verb = subject.dropFirst().first(where: { looksFinite($0, tokens: tokens) }) {
            subject = subject.lowerBound...(verb - 1)
        }
        return subject
    }

    /// Who holds the stance of the noun at `n`: a possessive pronoun or a possessive phrase before it
    /// ("his", "Sen. Ruiz's"), give or take three modifiers, "their" and "its" standing for the
    /// clause's subject when it has one ("The unions renewed their criticism of"); for "a/an/the <noun>" the phrase before
    /// an apposition's comma ("Ruiz, a critic of") or the subject of "be" before it ("Ruiz was a
    /// critic of"); for "in support of", the clause's subject. Nil otherwise.
    static func stanceHolder(ofNoun n: Int, lowerBound a: Int, tokens: [Token], finder: SpeakerFinder) -> ClosedRange<Int>? {
        var j = n - 1
        var modifiers = 0
        while j >= a, modifiers < 3, tokens[j].isWord, !tokens[j].isCapitalized, !tokens[j].isPossessive,
            !Lexicon.determiners.contains(tokens[j].lower), !Lexicon.phraseStops.contains(tokens[j].lower),
            !Lexicon.pronouns.contains(tokens[j].lower), finder.verb(at: j) == nil, !tokens[j].lower.hasSuffix("ing")
        {
            j -= 1
            modifiers += 1
        }
        guard j >= a, tokens[j].isWord else { return nil }
        let word = tokens[j].lower
        if ["his", "her", "its"].contains(word) { return j...j }
        if word == "their" {
            // "Both parents stiffened their denunciation of ...": "their" a few words after the
            // clause's subject stands for it, the mention the annotation marks.
            if let subject = clauseSubject(from: a, before: j, tokens: tokens, finder: finder), j - subject.upperBound <= 5,
                !tokens[subject.upperBound..<j].contains(where: { !$0.isWord })
            {
                return subject
            }
            return j...j
        }
        if tokens[j].isPossessive {
            guard let (phrase, _) = finder.backwardPhrase(endingAt: j, lowerBound: a) else { return nil }
            // A name's possessive is the name ("rebutted Trump's" gives "Trump's"), with a title.
            guard tokens[j].isCapitalized, let cut = phrase.last(where: { k in
                k < j && tokens[k].isWord && !tokens[k].isCapitalized && !Lexicon.nameParticles.contains(tokens[k].lower)
            }) else { return phrase }
            return (cut + 1)...j
        }
        if word == "in", modifiers == 0, tokens[n].lower == "support", j > a {
            guard let subject = clauseSubject(from: a, before: j, tokens: tokens, finder: finder),
                tokens[(subject.upperBound + 1)..<j].filter(\.isWord).count <= 4
            else { return nil }
            return subject
        }
        guard ["a", "an", "the"].contains(word), j > a else { return nil }
        // "Ruiz, a longtime critic of ...": the phrase before the comma.
        if tokens[j - 1].text == ",", j - 2 >= a {
            // A name ("last week, a ..." is none).
            guard let (phrase, _) = finder.backwardPhrase(endingAt: j - 2, lowerBound: a),
                tokens[phrase.upperBound].isCapitalized || tokens[phrase.upperBound].isAllCaps
            else { return nil }
            return phrase
        }
        // "Ruiz has been an early critic of ...": the subject of "be", opening the clause.
        guard Self.copulas.contains(tokens[j - 1].lower) else { return nil }
        let verbEnd = ["became", "becomes", "remains", "remained"].contains(tokens[j - 1].lower) ? j - 2 : j - 1
        guard verbEnd >= a, let (phrase, _) = finder.backwardPhrase(endingAt: verbEnd, lowerBound: a),
            phrase.lowerBound == a || tokens[phrase.lowerBound - 1].text == ","
        else { return nil }
        return phrase
    }

    /// The object of a stance starting at `k`: to the clause's next comma, semicolon, colon, dash or
    /// bracket (or, `toSentenceEnd`, to the sentence's end), at least two words, or one when it is a
    /// name or an object pronoun and `nameObjects` ("endorsement of Ruiz", "support for him"). With
    /// `stopAtVerb`, "and"/"but" before a verb ends it ("thanked the host and spoke of ...").
    static func stanceObject(
        from k: Int, end: Int, toSentenceEnd: Bool, nameObjects: Bool, stopAtVerb: Bool, tokens: [Token]
    ) -> ClosedRange<Int>? {
        guard k < end, tokens[k].isWord else { return nil }
        var last = k
        while last + 1 < end, tokens[last + 1].isWord || toSentenceEnd && tokens[last + 1].text == ","
            || ![",", ";", ":", "(", "\u{2014}", "\u{2013}"].contains(tokens[last + 1].text)
        {
            // "thanked the host and spoke of ...": a second verb of the subject ends the object.
            if stopAtVerb, !toSentenceEnd, last + 2 < end, ["and", "but"].contains(tokens[last + 1].lower),
                looksFinite(last + 2, tokens: tokens) || CueVerbs.verbClass(tokens[last + 2].lower) != nil
                    && !tokens[last + 2].isCapitalized
            {
                break
            }
            last += 1
        }
        while last > k, !tokens[last].isWord { last -= 1 }
        let words = tokens[k...last].filter(\.isWord).count
        if words == 1, nameObjects, k == last,
            tokens[k].isCapitalized && !Lexicon.determiners.contains(tokens[k].lower) || objectPronouns.contains(tokens[k].lower)
        {
            return k...k
        }
        return words >= 2 ? k...last : nil
    }
}
