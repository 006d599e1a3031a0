import WiretraceCore

/// Forms of "X said (that) <clause>" whose clause does not start right after the verb: an
/// adverbial naming the medium ("said in a statement <clause>").
extension QuoteExtractor {
    /// Nouns naming the medium or occasion a report was made in ("in a statement", "at a news
    /// conference", "during a briefing", "in an interview").
    static let mediumNouns: Set<String> = [
        "statement", "statements", "release", "interview", "letter", "email", "e-mail", "post", "tweet", "speech",
        "conference", "briefing", "hearing", "filing", "video", "message", "broadcast", "op-ed", "column", "memo",
        "appearance", "address", "remarks", "call", "podcast", "blog", "affidavit", "submission", "notice", "update",
    ]

    /// Prepositions that open an adverbial of medium after a reporting verb.
    private static let mediumPrepositions: Set<String> = ["in", "on", "during", "at", "via", "through", "over"]

    /// "said in a news release the money will go to ...", "wrote in a letter to parents on Monday the
    /// school will ...": where the clause starts after an adverbial of medium that follows the
    /// reporting verb at `k` (a preposition, at most four words ending in a medium noun, then days
    /// and times; with a listener after "to"/"with" when it is one to three capitalised words or a
    /// determiner and a noun). Returns the index of the clause's first token: a word that opens a
    /// clause (not a preposition, conjunction or other phrase stop, "that" apart, which the caller's
    /// search reads), or nil when the words after the verb are no such adverbial.
    /// ``QuoteExtractorOptions/mediumBeforeClause``.
    /// - Complexity: O(1): at most a dozen tokens are read.
    static func clauseAfterMedium(from k: Int, end: Int, tokens: [Token]) -> Int? {
        guard k < end, tokens[k].isWord, mediumPrepositions.contains(tokens[k].lower) else { return nil }
        var j = k + 1
        var noun: Int? = nil
        while j < end, j - k <= 4, tokens[j].isWord {
            let w = tokens[j].lower
            if mediumNouns.contains(w) {
                noun = j
                break
            }
            if !Lexicon.determiners.contains(w), Lexicon.phraseStops.contains(w) { return nil }
            j += 1
        }
        guard let noun else { return nil }
        var c = noun + 1
        // "in a letter to parents", "in an interview with Ann Berg": a short listener.
        if c + 1 < end, ["to", "with"].contains(tokens[c].lower) {
            var l = c + 1
            if Lexicon.determiners.contains(tokens[l].lower), l + 1 < end, tokens[l + 1].isWord,
                !Lexicon.phraseStops.contains(tokens[l + 1].lower)
            {
                l += 2
            } else {
                while l < end, l - c <= 3, tokens[l].isWord, tokens[l].isCapitalized { l += 1 }
                // A lower-case listener without a determiner ("to parents") is not read.
                if l == c + 1 { return nil }
            }
            c = l
        }
        c = afterTimeWords(from: c, end: end, tokens: tokens)
        guard c < end, tokens[c].isWord else { return nil }
        let w = tokens[c].lower
        guard w == "that" || !Lexicon.phraseStops.contains(w) || Lexicon.pronouns.contains(w) else { return nil }
        // Three words at least after it.
        guard tokens[c..<end].filter(\.isWord).count >= 3 else { return nil }
        return c
    }
}

/// "warned residents that <clause>": a listener between a verb of saying and its "that" clause.
extension QuoteExtractor {
    /// Verbs of saying whose object is the one spoken to, before a "that" clause ("warned residents
    /// that ...", "assured parents that ...", "reminded voters that ...").
    static let listenerVerbs: Set<String> = [
        "warned", "warns", "warn", "reminded", "reminds", "remind", "assured", "assures", "assure", "informed",
        "informs", "inform", "advised", "advises", "notified", "notifies", "cautioned", "cautions", "promised",
        "promises", "convinced", "persuaded", "reassured", "reassures",
    ]

    /// "warned residents (on Tuesday) that <clause>": the index of the "that" after the listener
    /// of the lower-case verb at `v` (``listenerVerbs``): a noun phrase of at most six words (or
    /// an object pronoun), then days and times. Nil otherwise: "warned that ..." has no listener,
    /// and after a noun phrase of another verb a "that" may open a relative clause ("said the plan
    /// that the council passed ...").
    /// ``QuoteExtractorOptions/listenerBeforeThat``.
    /// - Complexity: O(1): at most a dozen tokens are read.
    static func listenerThat(afterVerbAt v: Int, end: Int, tokens: [Token], finder: SpeakerFinder) -> Int? {
        guard v + 2 < end, tokens[v].isWord, !tokens[v].isCapitalized, listenerVerbs.contains(tokens[v].lower) else { return nil }
        let objectEnd: Int
        if listenerPronouns.contains(tokens[v + 1].lower) {
            objectEnd = v + 1
        } else if let object = finder.forwardPhrase(from: v + 1, upperBound: end), tokens[object].filter(\.isWord).count <= 6 {
            objectEnd = object.upperBound
        } else {
            return nil
        }
        let k = afterTimeWords(from: objectEnd + 1, end: end, tokens: tokens)
        return k < end && tokens[k].lower == "that" ? k : nil
    }

    private static let listenerPronouns: Set<String> = ["him", "her", "them", "us", "me", "you"]
}

/// An adjective of belief or concern before "that" ("X is confident that <clause>"), an
/// attribution without a verb of saying.
extension QuoteExtractor {
    /// Adjectives of belief, certainty and concern that take a "that" clause of what the subject
    /// holds ("is confident that", "are worried that", "remains convinced that").
    static let stanceAdjectives: Set<String> = [
        "confident", "convinced", "sure", "certain", "optimistic", "hopeful", "adamant", "skeptical", "sceptical",
        "worried", "concerned", "afraid", "fearful", "doubtful", "positive", "persuaded", "insistent",
    ]

    /// Forms of "be" and its like before an adjective of belief.
    private static let adjectiveCopulas: Set<String> = [
        "is", "are", "was", "were", "am", "be", "been", "remains", "remained", "remain", "seems", "seemed", "became",
    ]

    /// "X is confident that <clause>", "Residents remain worried that <clause>": the clause after
    /// the first "that" of the sentence (token range `range`) that follows an adjective of belief
    /// or concern (``stanceAdjectives``, at most one adverb or "not" between it and the form of
    /// "be"), reported for the subject before "be" (``reportSubject(verbAt:sentenceStart:tokens:finder:)``,
    /// "has been" and the like skipped), the cue the words from "be" to the adjective.
    /// ``QuoteExtractorOptions/stanceAdjectiveClauses``.
    /// - Complexity: O(w) in the words of the sentence.
    func stanceAdjectiveClause(in range: Range<Int>, tokens: [Token], finder: SpeakerFinder) -> (Attribution, ClosedRange<Int>)? {
        let a = range.lowerBound
        let end = range.upperBound
        guard a + 3 < end, let that = (a + 3..<end).first(where: { tokens[$0].lower == "that" }), that + 3 < end else { return nil }
        let adjective = that - 1
        guard Self.stanceAdjectives.contains(tokens[adjective].lower), !tokens[adjective].isCapitalized else { return nil }
        var copula = adjective - 1
        if copula > a, tokens[copula].lower == "not" || tokens[copula].lower.count > 4 && tokens[copula].lower.hasSuffix("ly")
            || ["very", "so", "still", "also", "increasingly", "less", "more", "quite", "fairly", "now"].contains(tokens[copula].lower)
        {
            copula -= 1
        }
        guard copula > a, Self.adjectiveCopulas.contains(tokens[copula].lower),
            let subject = reportSubject(verbAt: copula, sentenceStart: a, tokens: tokens, finder: finder)
        else { return nil }
        let clause = (that + 1)...(end - 1)
        guard tokens[clause].filter(\.isWord).count >= 3, !tokens[clause].contains(where: { Self.isQuoteMark($0) }) else { return nil }
        let cue = tokens[copula...adjective].map(\.text).joined(separator: " ")
        return (Attribution(speaker: subject, cue: cue, reporter: nil), clause)
    }
}

/// A view opening the sentence ("In X's view, <clause>"), an attribution without a verb of saying.
extension QuoteExtractor {
    /// Nouns of view that open a sentence as "In X's view," or "In the view of X,".
    private static let viewNouns: Set<String> = ["view", "opinion", "estimation", "assessment", "judgment", "judgement"]

    /// "In the minister's view, <clause>", "In the opinion of the panel, <clause>": the rest of the
    /// sentence (token range `range`, at least three words) reported for the holder of the view,
    /// the possessor before the noun or the phrase after "of", with the comma closing the opening
    /// phrase at most ten tokens in. ``QuoteExtractorOptions/viewPhrases``.
    /// - Complexity: O(1) but for the phrase's words (at most ten tokens).
    func viewReport(in range: Range<Int>, tokens: [Token], finder: SpeakerFinder) -> (Attribution, ClosedRange<Int>)? {
        var a = range.lowerBound
        let end = range.upperBound
        if ["but", "and", "so", "yet"].contains(tokens[a].lower), a + 1 < end { a += 1 }
        guard a + 2 < end, tokens[a].lower == "in",
            let comma = (a + 2..<min(end, a + 11)).first(where: { tokens[$0].text == "," }), comma + 3 < end
        else { return nil }
        let holder: ClosedRange<Int>
        if let n = (a + 1..<comma).first(where: { Self.viewNouns.contains(tokens[$0].lower) }),
            n + 1 < comma, tokens[n + 1].lower == "of", tokens[a + 1].lower == "the",
            let phrase = finder.forwardPhrase(from: n + 2, upperBound: comma), phrase.upperBound == comma - 1
        {
            holder = phrase  // "In the view of X,"
        } else if Self.viewNouns.contains(tokens[comma - 1].lower), comma - 2 > a, tokens[comma - 2].isPossessive
            || ["his", "her", "their", "its", "our", "my"].contains(tokens[comma - 2].lower)
        {
            // "In X's view,", "In her view,": the possessor (with its title and name).
            holder = Self.stanceHolder(ofNoun: comma - 1, lowerBound: a + 1, tokens: tokens, finder: finder) ?? (comma - 2)...(comma - 2)
        } else {
            return nil
        }
        var last = end - 1
        while last > comma, !tokens[last].isWord { last -= 1 }
        guard last > comma else { return nil }
        let clause = (comma + 1)...last
        guard tokens[clause].filter(\.isWord).count >= 3, !tokens[clause].contains(where: { Self.isQuoteMark($0) }) else { return nil }
        let cue = tokens[a..<comma].map(\.text).joined(separator: " ")
        return (Attribution(speaker: holder, cue: cue, reporter: nil), clause)
    }
}

/// An attribution between commas inside one report ("The plan, the mayor said Tuesday, will cost ...").
extension QuoteExtractor {
    /// "The plan, the mayor said Tuesday, will cost $4 million.": the report's rest after an
    /// attribution set between commas, when the subject at `subject` follows a comma, the words
    /// before that comma (from `sentenceStart`) are a short head (one to eight words, no verb of
    /// saying, no quote mark, no comma) and the rest after `comma` (the attribution's closing
    /// comma) goes on in lower case with a verb or a clause: at least three words, its first no
    /// participle in "-ing" ("..., she said, adding that ...") and no conjunction or preposition
    /// (auxiliaries and modals apart: "..., she said, will not pay"). Nil otherwise.
    /// ``QuoteExtractorOptions/parentheticalAttributions``.
    /// - Complexity: O(w) in the words of the sentence.
    static func parentheticalRest(
        subject: ClosedRange<Int>, comma: Int, sentenceStart a: Int, end: Int, tokens: [Token], finder: SpeakerFinder
    ) -> ClosedRange<Int>? {
        let open = subject.lowerBound - 1
        guard open > a, tokens[open].text == ",", comma + 1 < end else { return nil }
        let head = a..<open
        let headWords = tokens[head].filter(\.isWord).count
        guard (1...8).contains(headWords),
            !head.contains(where: { tokens[$0].text == "," || isQuoteMark(tokens[$0]) || finder.verb(at: $0) != nil })
        else { return nil }
        let first = tokens[comma + 1]
        guard first.isWord, !first.isCapitalized, !first.lower.hasSuffix("ing"), !Lexicon.reportingParticiples.contains(first.lower),
            Lexicon.auxiliaries.contains(first.lower) || !Lexicon.phraseStops.contains(first.lower)
        else { return nil }
        var last = end - 1
        while last > comma, !tokens[last].isWord { last -= 1 }
        guard tokens[(comma + 1)...last].filter(\.isWord).count >= 3,
            !tokens[(comma + 1)...last].contains(where: { isQuoteMark($0) })
        else { return nil }
        return (comma + 1)...last
    }
}

/// Verbs of thinking read like verbs of saying ("X believes <clause>").
extension QuoteExtractor {
    /// Verbs of thinking, hoping and fearing that take a clause of what their subject holds
    /// ("believes the plan will fail", "expects rates to rise", "fear the drought will ..."),
    /// present and past forms (``QuoteExtractorOptions/thoughtVerbClauses``). Not the forms in -s
    /// that are as often plural nouns ("estimates put the figure at ...", "fears grew that ..."),
    /// nor "thought".
    static let thoughtVerbs: Set<String> = [
        "believe", "believes", "believed", "think", "thinks", "expect", "expects", "expected", "hope", "hoped",
        "fear", "feared", "feel", "feels", "felt", "doubt", "doubted", "suspect", "suspected", "worry", "worried",
        "reckon", "reckons", "estimated", "know", "knows", "knew", "agree", "agrees", "agreed",
    ]

    /// Whether the verb of thinking at `v` takes a clause the rules may report: no verb of saying
    /// later in the sentence (which would report the thought with the rest) and, without "that"
    /// right after it, no "to" in the next four tokens (an object and an infinitive: "expected the
    /// team to win").
    static func thoughtTakesClause(verbAt v: Int, end: Int, tokens: [Token], finder: SpeakerFinder) -> Bool {
        guard v + 1 < end, !((v + 1)..<end).contains(where: { finder.verb(at: $0) != nil }) else { return false }
        if tokens[v + 1].lower == "that" { return true }
        return !((v + 1)..<min(end, v + 5)).contains { tokens[$0].lower == "to" }
    }
}
