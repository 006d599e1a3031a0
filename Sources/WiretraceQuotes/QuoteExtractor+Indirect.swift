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
        var lowercaseWords: Set<String>?  // made once per document, when a colon label first needs it
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
            var matches = (end - a >= 5 ? indirect(in: a..<end, tokens: tokens, finder: finder, text: text) : nil).map { [$0] } ?? []
            // "X said A, but Y said B", "X said A, adding that B": each report its own content.
            if options.reportsInOneSentence, var last = matches.first {
                matches = []
                while matches.count < 4,
                    let (cut, next) = followingReport(in: last.1, end: end, attribution: last.0, tokens: tokens, finder: finder, text: text)
                {
                    matches.append((last.0, last.1.lowerBound...cut))
                    last = next
                }
                matches.append(last)
            }
            // "In X's view, <clause>" and "X is confident that <clause>": a view or a belief
            // without a verb of saying (``QuoteExtractorOptions/viewPhrases``, ``stanceAdjectiveClauses``).
            if matches.isEmpty, options.viewPhrases, end - a >= 5, let view = viewReport(in: a..<end, tokens: tokens, finder: finder) {
                matches = [view]
            }
            if matches.isEmpty, options.stanceAdjectiveClauses, quoted.isEmpty,
                let belief = stanceAdjectiveClause(in: a..<end, tokens: tokens, finder: finder)
            {
                matches = [belief]
            }
            if matches.isEmpty, options.colonClaims, quoted.isEmpty, a == 0 || tokens[a - 1].paragraph != tokens[a].paragraph,
                let claim = colonClaim(in: a..<end, tokens: tokens, finder: finder, lowercaseWords: &lowercaseWords)
            {
                matches = [claim]
                // "KATE BELL: <sentence>. <sentence>.": a turn without quote marks is the paragraph.
                if options.colonTurnParagraphs, let (turnEnd, paragraphEnd) = Self.turnEnd(after: b, tokens: tokens, direct: direct) {
                    matches = [(claim.0, claim.1.lowerBound...turnEnd)]
                    b = paragraphEnd
                }
            }
            if matches.isEmpty, options.stanceObjects, quoted.isEmpty {
                matches = stanceObjects(in: a..<end, tokens: tokens, finder: finder)
            }
            // Nouns of stance and report ("his support for X", "her warning that ..."), beside
            // what the verbs found.
            if options.stanceNouns || options.reportNounClauses, quoted.isEmpty {
                let taken = matches.map(\.1)
                matches += stanceNouns(in: a..<end, tokens: tokens, finder: finder).filter { noun in
                    !taken.contains { $0.overlaps(noun.1) }
                }
            }
            for (attribution, found) in matches {
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
        // X said (that) <clause>. The verb may stand further in when its subject follows an opening
        // phrase or comes before an apposition (``QuoteExtractorOptions/subjectsBesideCommas``).
        for v in a..<min(end, a + (options.subjectsBesideCommas ? 32 : 10)) {
            // "assured parents that <clause>": a verb of saying with its listener before "that"
            // (``QuoteExtractorOptions/listenerBeforeThat``), beside the reporting verbs.
            let listenerThat = options.listenerBeforeThat ? Self.listenerThat(afterVerbAt: v, end: end, tokens: tokens, finder: finder) : nil
            // "X believes (that) <clause>": a verb of thinking (``QuoteExtractorOptions/thoughtVerbClauses``),
            // unless a verb of saying follows in the sentence ("I think A, one member said": the
            // thought is part of what was said) or an infinitive ("expected the team to win").
            let thought = options.thoughtVerbClauses && !tokens[v].isCapitalized && Self.thoughtVerbs.contains(tokens[v].lower)
                && Self.thoughtTakesClause(verbAt: v, end: end, tokens: tokens, finder: finder)
            guard let (length, kind) = finder.verb(at: v) ?? listenerThat.map({ _ in (1, .plain) }) ?? (thought ? (1, .plain) : nil),
                kind == .plain || kind == .telling, v > a
            else { continue }
            guard let subject = reportSubject(verbAt: v, sentenceStart: a, tokens: tokens, finder: finder) else { break }
            // "<clause>, she told reporters outside the legislature.": nothing but adverbials after
            // the verb, so the words before the comma are the report (the form below), not a scene.
            if options.adverbialTails, Self.adverbialTailStart(afterVerbAt: v, end: end, tokens: tokens, finder: finder) != nil { break }
            var k = v + length
            if kind == .telling {
                guard let object = finder.forwardPhrase(from: k, upperBound: end) else { break }
                k = object.upperBound + 1
            }
            // "warned residents that <clause>": the listener is not what was said.
            if kind == .plain, let that = listenerThat { k = that }
            if options.timeAfterVerb { k = Self.afterTimeWords(from: k, end: end, tokens: tokens) }
            // "has said repeatedly that <clause>": the adverb is how it was said, not what.
            if options.adverbBeforeThat, k + 1 < end, tokens[k].isWord, tokens[k].lower.count > 4, tokens[k].lower.hasSuffix("ly"),
                tokens[k + 1].lower == "that"
            {
                k += 1
            }
            // "said in a news release <clause>": the medium is where it was said, not what
            // (``QuoteExtractorOptions/mediumBeforeClause``).
            if options.mediumBeforeClause, let clauseStart = Self.clauseAfterMedium(from: k, end: end, tokens: tokens) {
                k = clauseStart
            }
            // After a subject that does not open the sentence, a comma right after the verb makes the
            // words before the subject a fronted report ("<clause>, she said, adding that ..."), not
            // a scene: the form below reads it.
            if subject.lowerBound != a, k < end, tokens[k].text == "," {
                // "The plan, the mayor said Tuesday, will cost $4 million.": an attribution set
                // between commas inside one report; the rest after it is reported too
                // (``QuoteExtractorOptions/parentheticalAttributions``), its head by the merge's
                // ``splitReportHead(before:input:timeWords:)``.
                if options.parentheticalAttributions, let rest = Self.parentheticalRest(subject: subject, comma: k, sentenceStart: a, end: end, tokens: tokens, finder: finder),
                    let attribution = finder.attribution(verbAt: v, length: length, kind: kind, subject: subject, passive: false, upperBound: end, text: text)
                {
                    return (attribution, rest)
                }
                break
            }
            // "that" a few words on opens the clause after an adverbial ("said in a letter that"),
            // not after a clause's own first words ("said he hoped that ...": the clause is all of it).
            let thatSearch = !options.thatBeforeRuleClause || k < end && (!tokens[k].isWord || Lexicon.phraseStops.contains(tokens[k].lower))
            if thatSearch, let that = (k..<min(end, k + 7)).first(where: { tokens[$0].lower == "that" }) {
                k = that + 1
            } else if k < end, !tokens[k].isWord || Lexicon.phraseStops.contains(tokens[k].lower) {
                break
            }
            guard k < end else { break }
            var clause = k...(end - 1)
            // "X said A and said B", "X described A and complained that B": a second verb of the
            // same subject after "and"/"but" starts a report of its own.
            if options.secondVerbEndsClause, let cut = Self.secondReport(in: clause, tokens: tokens, finder: finder) {
                clause = k...cut
            }
            guard wordCount(clause) >= 3,
                let attribution = finder.attribution(
                    verbAt: v, length: length, kind: kind, subject: subject, passive: false, upperBound: end, text: text)
            else { break }
            return (attribution, clause)
        }
        // <clause>, X said. A verb further from the sentence's end counts when a comma or semicolon
        // closes its attribution soon after it ("<clause>, she said, adding that ...", "<clause>,
        // said Ann Berg, director of ...": ``QuoteExtractorOptions/attributionTails``).
        var v = end - 1
        while v > a + 3 {
            defer { v -= 1 }
            // "<clause>, X said in a statement on Tuesday.", "<clause>, X told reporters outside the
            // legislature.": the rest of the sentence only says where, when or to whom
            // (``QuoteExtractorOptions/adverbialTails``).
            let adverbialTail = options.adverbialTails && Self.adverbialTailStart(afterVerbAt: v, end: end, tokens: tokens, finder: finder) != nil
            if end - v > 8, !adverbialTail {
                guard options.attributionTails, let stop = (v + 1..<min(end, v + 10)).first(where: { [",", ";"].contains(tokens[$0].text) })
                else { continue }
                // Only words, a name's abbreviation point or a listener between the verb and the stop.
                guard tokens[(v + 1)..<stop].allSatisfy({ $0.isWord || $0.text == "." }) else { continue }
            }
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
            guard var comma = (a..<v).last(where: { tokens[$0].text == "," }), comma > a else { return nil }
            let subject: ClosedRange<Int>?
            if comma + 1 == v, options.appositiveSubjects,
                let apposition = Self.appositiveSubject(verbAt: v, sentenceStart: a, tokens: tokens, finder: finder)
            {
                // "<clause>, the union's president, Tom Reyes, said": the clause ends before the apposition.
                subject = apposition.name
                comma = apposition.comma
            } else if comma + 1 == v, options.relativeClauseSubjects,
                let relative = Self.relativeClauseSubject(verbAt: v, sentenceStart: a, tokens: tokens, finder: finder)
            {
                // "<clause>, Tom Reyes, who leads the union, said": the clause ends before the subject.
                subject = relative.name
                comma = relative.comma
            } else if comma + 1 == v {
                subject = nil
            } else if let (phrase, _) = finder.backwardPhrase(endingAt: v - 1, lowerBound: comma + 1),
                phrase.lowerBound == comma + 1
            {
                subject = phrase
            } else {
                return nil
            }
            if options.complementNotFronted, !(adverbialTail && subject != nil) {
                // "Speaking in Ottawa, the minister said Canada would help.": a clause after the verb
                // is what was said; the words before the comma only set the scene. "..., said X"
                // needs X to read as a name or a role, not a clause ("..., said the plan came late").
                var k = v + length
                if kind == .telling, subject != nil, let object = finder.forwardPhrase(from: k, upperBound: end) {
                    k = object.upperBound + 1
                }
                if subject != nil {
                    k = Self.afterTimeWords(from: k, end: end, tokens: tokens)
                    if k < end, tokens[k].isWord, tokens[k].lower == "that" || !Lexicon.phraseStops.contains(tokens[k].lower),
                        tokens[k..<end].filter(\.isWord).count >= 3
                    {
                        return nil
                    }
                } else {
                    var stop = k
                    while stop < end, tokens[stop].text != "," { stop += 1 }
                    guard stop > k, Self.readsAsSpeakerPhrase(k...(stop - 1), tokens: tokens, finder: finder, irregularPasts: true)
                    else { return nil }
                }
            }
            let clause = a...(comma - 1)
            guard wordCount(clause) >= 3, !(options.openingSceneNotReported && Self.isOpeningScene(clause, tokens: tokens)),
                let attribution = finder.attribution(
                    verbAt: v, length: length, kind: kind, subject: subject, passive: false, upperBound: end, text: text)
            else { return nil }
            return (attribution, clause)
        }
        return nil
    }

    /// Where a second report starts inside the reported `clause` (token indices; its sentence's words
    /// end before `end`): "X said A, but Y said B", "X argued A, while Y claimed B", "X said A; Y said
    /// B" (after a comma or semicolon, a coordinator or "while"/"whereas", a subject phrase of its own
    /// and a reporting verb, ``indirect(in:tokens:finder:text:)`` reading the rest as a report), or
    /// "X said A, adding/noting/arguing (that) B" (the same speaker, the participle the cue). Returns
    /// the last word of the first report and the second report's attribution and clause, or nil.
    /// ``QuoteExtractorOptions/reportsInOneSentence``.
    /// - Complexity: O(w) in the words of the clause, each candidate cut read once.
    func followingReport(
        in clause: ClosedRange<Int>, end: Int, attribution: Attribution, tokens: [Token], finder: SpeakerFinder, text: ScalarText
    ) -> (last: Int, next: (Attribution, ClosedRange<Int>))? {
        func lastWord(before j: Int) -> Int? {
            var k = j - 1
            while k > clause.lowerBound, !tokens[k].isWord { k -= 1 }
            return k >= clause.lowerBound && tokens[clause.lowerBound...k].filter(\.isWord).count >= 3 ? k : nil
        }
        for j in clause where j > clause.lowerBound + 2 && j < clause.upperBound {
            let word = tokens[j].lower
            let afterComma = [",", ";"].contains(tokens[j].text)
            guard afterComma || Self.contrastWords.contains(word) else { continue }
            var p = j + 1
            if afterComma, Self.coordinators.contains(tokens[p].lower) || Self.contrastWords.contains(tokens[p].lower) { p += 1 }
            guard p < end, let last = lastWord(before: j) else { continue }
            // "..., adding that B": the same speaker goes on.
            if tokens[j].text == ",", p == j + 1, Self.continuingParticiples.contains(tokens[p].lower) {
                var k = p + 1
                if k < end, tokens[k].lower == "that" { k += 1 }
                guard k < end, tokens[k].isWord, tokens[k..<end].filter(\.isWord).count >= 3 else { continue }
                var cue = attribution
                cue.cue = tokens[p].text
                return (last, (cue, k...(end - 1)))
            }
            // "..., but the board said B": a subject of its own and its reporting verb.
            guard let subject = finder.forwardPhrase(from: p, upperBound: end), tokens[subject].filter(\.isWord).count <= 6 else { continue }
            var v = subject.upperBound + 1
            while v < end, v - subject.upperBound <= 2, tokens[v].isWord, !tokens[v].isCapitalized,
                Lexicon.auxiliaries.contains(tokens[v].lower) || tokens[v].lower.count > 4 && tokens[v].lower.hasSuffix("ly")
            {
                v += 1
            }
            guard let (_, kind) = finder.verb(at: v), kind == .plain || kind == .telling, v + 1 < end, tokens[v + 1].text != ",",
                let next = indirect(in: p..<end, tokens: tokens, finder: finder, text: text), next.1.lowerBound > v
            else { continue }
            return (last, next)
        }
        return nil
    }

    /// Words that join a second report after a comma ("..., and the board said ...").
    private static let coordinators: Set<String> = ["and", "but", "yet", "though", "although"]
    /// Words that set a second report against the first, with or without a comma.
    private static let contrastWords: Set<String> = ["but", "while", "whereas"]
    /// Participles after a comma that continue the same speaker's report ("..., adding that B").
    private static let continuingParticiples: Set<String> = [
        "adding", "noting", "arguing", "insisting", "explaining", "warning", "stressing", "saying",
    ]

    /// The subject of the reporting verb at `v` for "X said (that) <clause>": the noun phrase right
    /// before the verb when it opens the sentence; with ``QuoteExtractorOptions/subjectsBesideCommas``
    /// also when it follows an opening phrase and its comma ("On Tuesday, the mayor said ...",
    /// "Speaking to reporters, the premier said ..."), or when it opens the sentence and an
    /// apposition or relative clause stands between it and the verb ("Jane Roe, a professor at the
    /// college, said ...", "Ali, who runs the shop, said ..."). Nil otherwise.
    /// - Complexity: O(w) in the words before the verb.
    func reportSubject(verbAt v: Int, sentenceStart a: Int, tokens: [Token], finder: SpeakerFinder) -> ClosedRange<Int>? {
        var phrase = finder.backwardPhrase(endingAt: v - 1, lowerBound: a)?.phrase
        // "An official who spoke to the Daily Courier said": the listener is not the subject.
        if options.listenerNotSpeaker, let found = phrase, let antecedent = finder.listenerAntecedent(of: found, lowerBound: a) {
            phrase = antecedent
        }
        if let phrase, phrase.lowerBound == a { return phrase }
        // "The city's director of planning said", "Officials with the health authority said": the
        // noun phrase before the verb stopped at the preposition after the subject's head.
        if options.subjectsWithPrepositions, let phrase, phrase.lowerBound - 1 > a,
            ["of", "for", "at", "with", "from"].contains(tokens[phrase.lowerBound - 1].lower),
            let (head, _) = finder.backwardPhrase(endingAt: phrase.lowerBound - 2, lowerBound: a),
            head.lowerBound == a, tokens[head].filter(\.isWord).count <= 5
        {
            return head.lowerBound...phrase.upperBound
        }
        guard options.subjectsBesideCommas else { return nil }
        // The words between `from` and `to` (exclusive) set no report of their own.
        func plain(_ from: Int, _ to: Int) -> Bool {
            from < to && to - from <= 24 && !(from..<to).contains { finder.verb(at: $0) != nil || Self.isQuoteMark(tokens[$0]) }
        }
        if let phrase, phrase.lowerBound - 1 > a, tokens[phrase.lowerBound - 1].text == ",",
            plain(a, phrase.lowerBound - 1), (a..<(phrase.lowerBound - 1)).filter({ tokens[$0].text == "," }).isEmpty
        {
            return phrase
        }
        if tokens[v - 1].text == ",", let opening = finder.forwardPhrase(from: a, upperBound: v),
            opening.upperBound + 2 < v - 1, tokens[opening.upperBound + 1].text == ",",
            plain(opening.upperBound + 2, v - 1)
        {
            let first = tokens[opening.upperBound + 2]
            if Lexicon.determiners.contains(first.lower) || ["who", "whose"].contains(first.lower) || first.isPossessive {
                return opening
            }
        }
        return nil
    }

    /// The subject of a fronted report written as a name and a role in apposition, each between
    /// commas, right before the reporting verb at `v` ("<clause>, the union's president, Tom Reyes,
    /// said", "<clause>, Tom Reyes, a spokesman for the union, told ..."): the two parts (from the
    /// first word after the comma that closes the clause, or after a closing quote mark right after
    /// it, to the word before the verb's comma), the name among them (the speaker the rules report)
    /// and that comma. One part is a name (one to five
    /// capitalised words, abbreviation points allowed, no determiner or pronoun), the other a role
    /// (``readsAsSpeakerPhrase(_:tokens:finder:irregularPasts:)`` with a lower-case word or a
    /// possessive: "the minister's spokeswoman", "Its president", "a lawyer for the family"). Nil
    /// otherwise (a list, a clause between the commas).
    /// - Complexity: O(w) in the words of the sentence before the verb.
    static func appositiveSubject(
        verbAt v: Int, sentenceStart a: Int, tokens: [Token], finder: SpeakerFinder
    ) -> (subject: ClosedRange<Int>, name: ClosedRange<Int>, comma: Int)? {
        guard v - 1 > a, tokens[v - 1].text == "," else { return nil }
        let close = v - 1
        guard let middle = (a..<close).last(where: { tokens[$0].text == "," }), middle + 1 < close,
            let open = (a..<middle).last(where: { tokens[$0].text == "," }), open > a
        else { return nil }
        var start = open + 1
        if isQuoteMark(tokens[start]) { start += 1 }
        guard start < middle else { return nil }
        let first = start...(middle - 1)
        let second = (middle + 1)...(close - 1)
        func plainWords(_ r: ClosedRange<Int>) -> Bool {
            tokens[r].allSatisfy { $0.isWord || $0.text == "." } && tokens[r].contains(where: \.isWord)
        }
        func isName(_ r: ClosedRange<Int>) -> Bool {
            let words = tokens[r].filter(\.isWord)
            guard plainWords(r), (1...5).contains(words.count), let head = words.first else { return false }
            return words.allSatisfy { $0.isCapitalized && !$0.isPossessive }
                && !Lexicon.determiners.contains(head.lower) && !Lexicon.pronouns.contains(head.lower)
        }
        func isRole(_ r: ClosedRange<Int>) -> Bool {
            plainWords(r) && tokens[r].contains { $0.isWord && (!$0.isCapitalized || $0.isPossessive) }
                && !Lexicon.pronouns.contains(tokens[r.lowerBound].lower)
                && readsAsSpeakerPhrase(r, tokens: tokens, finder: finder, irregularPasts: true)
        }
        let name: ClosedRange<Int>
        if isName(first) && isRole(second) {
            name = first
        } else if isRole(first) && isName(second) {
            name = second
        } else {
            return nil
        }
        return (first.lowerBound...second.upperBound, name, open)
    }

    /// A tagged content that is a part of a fronted report's appositive subject ("<clause>, the
    /// union's president, Tom Reyes, said": the tagger's "the union's president"), or the clause
    /// with a part of it ("<clause>, Tom Reyes"): the clause before the apposition, at least three
    /// words from the sentence's first (a quote's words when it is quoted: the rules' direct quote
    /// then holds it). Nil for any other content.
    /// - Complexity: O(w) in the words of the sentence.
    static func appositiveReport(
        _ content: ClosedRange<Int>, input: TaggerInput, relativeClauses: Bool = false
    ) -> ClosedRange<Int>? {
        let tokens = input.tokens
        let sentence = input.sentence[content.lowerBound]
        var a = content.lowerBound
        while a > 0, input.sentence[a - 1] == sentence { a -= 1 }
        var b = content.upperBound
        while b + 1 < tokens.count, input.sentence[b + 1] == sentence { b += 1 }
        let finder = SpeakerFinder(tokens: tokens)
        // The first reporting verb after the content, right after a comma, at most a dozen tokens on.
        guard let v = (content.upperBound + 1..<min(b + 1, content.upperBound + 14)).first(where: { k in
            k > a && tokens[k - 1].text == "," && finder.verb(at: k).map { $0.kind == .plain || $0.kind == .telling } == true
        }), let apposition = appositiveSubject(verbAt: v, sentenceStart: a, tokens: tokens, finder: finder)
            ?? (relativeClauses ? relativeClauseSubject(verbAt: v, sentenceStart: a, tokens: tokens, finder: finder) : nil),
            content.upperBound <= apposition.subject.upperBound, content.upperBound >= apposition.subject.lowerBound
        else { return nil }
        var start = a
        while start < apposition.comma, !tokens[start].isWord { start += 1 }
        var end = apposition.comma - 1
        while end > start, !tokens[end].isWord { end -= 1 }
        guard start < end, tokens[start...end].filter(\.isWord).count >= 3 else { return nil }
        return start...end
    }

    /// Whether a token is a quote mark (straight or curly, single marks apart).
    static func isQuoteMark(_ token: Token) -> Bool {
        ["\"", "\u{201C}", "\u{201D}", "``", "''"].contains(token.text)
    }

    /// Whether the words before the comma of "<words>, X said" are one opening phrase that sets the
    /// scene rather than a report: no comma inside, and opening with a preposition or a
    /// subordinator ("In his tweets", "Though the results are mixed"), a past participle ("Asked
    /// about the charges") or an -ing form before a preposition ("Speaking to reporters").
    static func isOpeningScene(_ range: ClosedRange<Int>, tokens: [Token]) -> Bool {
        guard !tokens[range].contains(where: { $0.text == "," }) else { return false }
        let first = tokens[range.lowerBound]
        if Self.sceneOpeners.contains(first.lower) { return true }
        guard first.isCapitalized, range.count > 1 else { return false }
        if first.lower.count > 4, first.lower.hasSuffix("ed") { return true }
        let next = tokens[range.lowerBound + 1].lower
        return first.lower.count > 5 && first.lower.hasSuffix("ing") && Lexicon.phraseStops.contains(next)
    }

    /// Prepositions and subordinators that open a phrase setting the scene. Not "if", "when", "as"
    /// or "because", whose clauses are often part of what was said ("If it rains, the match is off,
    /// he said"; on the training fold a "because" clause was an annotated content).
    private static let sceneOpeners: Set<String> = [
        "in", "on", "at", "with", "by", "from", "after", "before", "during", "since", "while",
        "although", "though", "despite", "amid", "until", "unless", "upon", "under", "over", "through",
        "without", "within", "among", "against", "for", "following", "ahead",
    ]

    /// The last token of a reported clause that a coordinated second reporting verb of the same
    /// subject ends ("the plan works and said the vote ...", "..., but later said ..."): the token
    /// before "and"/"but" (and its comma), or nil when none follows. The verb is a lower-case
    /// reporting verb (``SpeakerFinder/verb(at:)``), at most one adverb or auxiliary between.
    static func secondReport(in clause: ClosedRange<Int>, tokens: [Token], finder: SpeakerFinder) -> Int? {
        for j in clause where j > clause.lowerBound + 1 && ["and", "but"].contains(tokens[j].lower) {
            var v = j + 1
            if v <= clause.upperBound, Lexicon.auxiliaries.contains(tokens[v].lower) || tokens[v].lower.hasSuffix("ly") { v += 1 }
            guard v <= clause.upperBound, let (_, kind) = finder.verb(at: v), kind != .according else { continue }
            var end = j - 1
            while end > clause.lowerBound, !tokens[end].isWord { end -= 1 }
            return end
        }
        return nil
    }

    /// Days and times that may follow a reporting verb before what was said ("said Tuesday that",
    /// "told reporters on Monday the plan ..."): the index of the first token after them.
    static func afterTimeWords(from start: Int, end: Int, tokens: [Token]) -> Int {
        var k = start
        while k < end, tokens[k].isWord {
            let w = tokens[k].lower
            if Self.timeWords.contains(w) || Lexicon.dates.contains(w) && tokens[k].isCapitalized {
                k += 1
            } else if ["on", "last", "this", "late", "early"].contains(w), k + 1 < end,
                Self.timeWords.contains(tokens[k + 1].lower) || Lexicon.dates.contains(tokens[k + 1].lower) && tokens[k + 1].isCapitalized
            {
                k += 2
            } else {
                break
            }
        }
        return k
    }

    /// Where the adverbial tail after the reporting verb at `v` starts, when the rest of the
    /// sentence (to `end`) is one: after the verb, and after a telling verb's listener (at most five
    /// words up to the tail: "told reporters", "told The Canadian Press"), the words open with a
    /// preposition or a time word ("in a statement on Tuesday", "during a news conference at the
    /// legislature", "outside the courthouse", "late Thursday") and hold no clause of their own: no
    /// auxiliary or modal, reporting verb or participle, "that", relative or subject pronoun, or
    /// quote mark. Nil otherwise ("said in Ottawa the plan would fail" reports a clause).
    /// - Complexity: O(w) in the words after the verb.
    static func adverbialTailStart(afterVerbAt v: Int, end: Int, tokens: [Token], finder: SpeakerFinder) -> Int? {
        guard let (length, kind) = finder.verb(at: v), kind == .plain || kind == .telling else { return nil }
        var k = v + length
        if kind == .telling {
            // The listener: the noun phrase after the verb, up to the tail's first word ("reporters
            // outside ...", "The Canadian Press in ..."); "told reporters the talks had stalled
            // over pensions" has a clause after its listener, no tail.
            guard let listener = finder.forwardPhrase(from: k, upperBound: end) else { return nil }
            k = ((listener.lowerBound + 1)..<(listener.upperBound + 1)).first { isTailOpener($0, tokens: tokens) }
                ?? listener.upperBound + 1
        }
        guard k < end, isTailOpener(k, tokens: tokens) else { return nil }
        for j in k..<end {
            let token = tokens[j]
            if !token.isWord {
                guard [",", ".", "(", ")", "-", "\u{2013}"].contains(token.text) else { return nil }
                continue
            }
            let w = token.lower
            if Lexicon.auxiliaries.contains(w) && !timeWords.contains(w) && !["later", "earlier", "again"].contains(w)
                || Self.clauseWords.contains(w) || Lexicon.reportingParticiples.contains(w)
                || finder.verb(at: j) != nil
            {
                return nil
            }
        }
        return k
    }

    /// Whether token `k` opens an adverbial: a preposition of place, time or manner, or a time word.
    private static func isTailOpener(_ k: Int, tokens: [Token]) -> Bool {
        let w = tokens[k].lower
        return tailOpeners.contains(w) || timeWords.contains(w) || Lexicon.dates.contains(w) && tokens[k].isCapitalized
    }

    private static let tailOpeners: Set<String> = [
        "in", "on", "at", "during", "outside", "inside", "from", "after", "before", "via", "through", "near",
        "late", "early", "earlier", "later", "last", "this", "over", "by", "following", "ahead",
    ]

    /// Words that make what follows a verb a clause, not an adverbial.
    private static let clauseWords: Set<String> = [
        "that", "he", "she", "they", "we", "i", "it", "who", "which", "whose", "because", "if", "can", "could",
        "should", "may", "might", "must", "did", "does", "do", "not", "be", "being", "am", "won't", "can't",
    ]

    private static let timeWords: Set<String> = [
        "today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
    ]

    /// Whether the words read as a name or a role (the speaker after "..., said"), not as a clause
    /// with its own subject and verb: a few words with no auxiliary, modal, reporting verb,
    /// complementiser or past form (a lower-case -ed word, or with `irregularPasts` a common
    /// irregular one).
    static func readsAsSpeakerPhrase(
        _ range: ClosedRange<Int>, tokens: [Token], finder: SpeakerFinder, irregularPasts: Bool
    ) -> Bool {
        let words = range.filter { tokens[$0].isWord }
        return !words.isEmpty && words.count <= 8 && !words.contains { k in
            let w = tokens[k].lower
            return Lexicon.auxiliaries.contains(w) || Lexicon.passiveMarkers.contains(w) || finiteMarkers.contains(w)
                || finder.verb(at: k) != nil || !tokens[k].isCapitalized && (w.hasSuffix("ed") || irregularPasts && Self.irregularPasts.contains(w))
        }
    }

    /// Words that mark a finite clause (modals, "do", a complementiser): none stands in a name or a role.
    static let finiteMarkers: Set<String> = [
        "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "that", "won't", "can't",
        "isn't", "wasn't", "doesn't", "didn't",
    ]

    /// Common irregular past forms of English, which no -ed test sees ("the plan came late").
    static let irregularPasts: Set<String> = [
        "came", "went", "made", "took", "gave", "fell", "rose", "grew", "began", "saw", "found", "kept", "left",
        "lost", "won", "got", "held", "met", "paid", "ran", "sold", "sent", "spent", "stood", "thought",
        "brought", "bought", "built", "felt", "knew", "meant", "became", "broke", "chose", "drove", "spoke",
        "wrote", "taught", "understood", "struck", "forgot", "heard",
    ]

    /// "Insiders: Trump will rebound.", "KATE BOULDUAN: Why not debate?": a sentence opening its
    /// paragraph with a short noun phrase (at most six words, its last word capitalised, no
    /// reporting verb) and a colon reports the words after the colon (at least two) for that
    /// phrase. Nil for a colon later in the sentence, a time or a number before it ("5:45 p.m."),
    /// or a label of one letter.
    /// - Complexity: O(w) in the words of the sentence.
    func colonClaim(
        in range: Range<Int>, tokens: [Token], finder: SpeakerFinder, lowercaseWords: inout Set<String>?
    ) -> (Attribution, ClosedRange<Int>)? {
        let a = range.lowerBound
        let end = range.upperBound
        guard let colon = (a..<min(end, a + 9)).first(where: { tokens[$0].text == ":" }), colon > a,
            let phrase = finder.forwardPhrase(from: a, upperBound: colon), phrase.upperBound == colon - 1,
            tokens[phrase].filter(\.isWord).count <= 6, tokens[phrase.upperBound].isCapitalized || tokens[phrase.upperBound].isAllCaps,
            tokens[phrase.upperBound].text.count > 1,
            !tokens[phrase].contains(where: { $0.text.unicodeScalars.contains { $0.properties.numericType != nil } })
        else { return nil }
        var start = colon + 1
        while start < end, !tokens[start].isWord { start += 1 }
        var last = end - 1
        while last > start, !tokens[last].isWord { last -= 1 }
        guard start < end, tokens[start...last].filter(\.isWord).count >= 2,
            // A list of names ("Contributors: Ann Berg, Tom Bell and Ines Moro") or a credit line
            // ("Credit: The Associated Press") says nothing: a claim has a word of four letters
            // or more in lower case. (Two lower-case words also dropped headlines the annotation
            // reports: on the held-out fold recall fell 0.728 -> 0.726 at overlap 0.5.)
            tokens[start...last].contains(where: { $0.isWord && !$0.isCapitalized && !$0.isAllCaps && $0.text.count >= 4 })
        else { return nil }
        // The label names someone who can speak (a name, a role, a group), not page furniture:
        // "Video:", "Posted:", "The Latest:", "More:" (``SpeakerHead``; a capitalised word the
        // text also writes in lower case is that word).
        // (`lowercaseWords`: the document's lower-case words, made on the first call that gets here.)
        // A lone past form ("Posted:", "Updated:") labels a date, not a speaker.
        if phrase.count == 1, tokens[phrase.lowerBound].lower.hasSuffix("ed") { return nil }
        let words = lowercaseWords ?? Set(tokens.lazy.filter { $0.isWord && !$0.isCapitalized && !$0.isAllCaps }.map(\.lower))
        lowercaseWords = words
        switch SpeakerHead.of(phrase, in: tokens, opensSentence: true, lowercaseWords: words) {
        case .name, .role, .pronoun: break
        case .publication, .other, .modifier, .noNoun: return nil
        }
        return (Attribution(speaker: phrase, cue: ":", reporter: nil), start...last)
    }

    /// The last word of a turn that a paragraph-opening "LABEL: <claim>" starts, when the paragraph
    /// goes on after the claim's sentence (which ends before `next`) with sentences of no quote
    /// marks (`direct` holds none of their tokens) and no colon label of their own: the turn is
    /// the paragraph, as in a transcript. Returns that word and the paragraph's end (the first
    /// token after it); nil when the paragraph ends with the claim's sentence or a sentence after
    /// it quotes someone (``QuoteExtractorOptions/colonTurnParagraphs``).
    /// - Complexity: O(w) in the tokens of the paragraph.
    static func turnEnd(after next: Int, tokens: [Token], direct: [ClosedRange<Int>]) -> (last: Int, paragraphEnd: Int)? {
        guard next < tokens.count, next > 0, tokens[next].paragraph == tokens[next - 1].paragraph else { return nil }
        var end = next
        while end < tokens.count, tokens[end].paragraph == tokens[next].paragraph {
            if tokens[end].text == ":" || isQuoteMark(tokens[end]) { return nil }
            end += 1
        }
        guard !direct.contains(where: { $0.upperBound >= next && $0.lowerBound < end }) else { return nil }
        var last = end - 1
        while last > next, !tokens[last].isWord { last -= 1 }
        guard tokens[last].isWord, tokens[next...last].filter(\.isWord).count >= 2 else { return nil }
        return (last, end)
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

    /// Verbs of attack, praise and advocacy whose object is what the subject holds a stance on
    /// (``QuoteExtractorOptions/moreStanceVerbs``), past and present forms.
    static let moreStanceVerbs: Set<String> = [
        "attacked", "assailed", "assails", "lambasted", "lambastes", "blasted", "blasts", "rebuked", "rebukes",
        "reprimanded", "chided", "chides", "mocked", "mocks", "ridiculed", "ridicules", "denounced", "denounces",
        "castigated", "faulted", "embraced", "embraces", "championed", "champions", "advocated", "favored",
        "favors", "favoured", "favours", "congratulated", "congratulates", "thanked", "targeted",
    ]

    /// Participles of the verbs of stance, after a comma and the clause whose subject holds the
    /// stance ("..., criticizing the plan", "..., calling for an inquiry").
    static let stanceParticiples: Set<String> = [
        "endorsing", "backing", "opposing", "denying", "praising", "criticizing", "criticising", "condemning",
        "rejecting", "welcoming", "disputing", "defending", "applauding", "blaming", "dismissing", "accusing",
        "demanding", "supporting", "questioning", "hailing", "touting", "slamming", "decrying", "lauding",
        "urging", "predicting", "promising", "vowing", "pledging",
    ]

    /// The -ing forms of the verbs of stance that take a noun phrase as their object, for the
    /// progressive ("is backing") and the reduced relative clause ("a group backing").
    static let stanceGerunds: Set<String> = stanceParticiples.subtracting([
        "urging", "predicting", "promising", "vowing", "pledging",
    ])

    /// Forms of "be" before a progressive.
    static let progressiveAuxiliaries: Set<String> = ["is", "are", "was", "were", "been", "be"]

    /// Particles that make a phrasal verb of an -ing form ("backing out", "backing away").
    static let particles: Set<String> = ["out", "away", "down", "off", "up", "back", "forward"]

    /// Object pronouns that can stand alone as a stance's object ("endorsed him").
    static let objectPronouns: Set<String> = ["him", "her", "them"]

    /// Participles whose complement is a reported clause ("..., saying the plan would fail").
    static let clauseParticiples: Set<String> = [
        "saying", "arguing", "insisting", "noting", "warning", "adding", "claiming", "suggesting", "explaining",
        "writing", "stating", "declaring", "asserting", "acknowledging", "contending",
    ]

    /// `X <stance verb> <object>.`, `X called for <object>.`, `X, who <stance verb> <object>, ...`
    /// and `<clause>, <participle> <object>.`: the object up to the next comma, semicolon, colon,
    /// dash or bracket (or the sentence's end) is the reported content, the verb's subject the
    /// speaker. A finite verb counts only where its subject opens the sentence or follows a fronted
    /// phrase and its comma ("On Monday, the mayor denied ...") and the verb follows it directly
    /// (give or take auxiliaries and adverbs), or where it follows a relative "who" after a comma
    /// (the pronoun is the speaker's mention); so a stance verb inside an object clause or after a
    /// preposition does not count. A participle after a comma ("..., criticizing the plan") reports
    /// for the subject of the clause before it; after "saying", "arguing" and their like the
    /// reported clause runs to the sentence's end.
    func stanceObjects(in range: Range<Int>, tokens: [Token], finder: SpeakerFinder) -> [(Attribution, ClosedRange<Int>)] {
        var a = range.lowerBound
        let end = range.upperBound
        if ["but", "and", "so", "yet"].contains(tokens[a].lower) { a += 1 }
        var found: [(Attribution, ClosedRange<Int>)] = []
        /// The object starting at `k`, to the clause's next stop (or the sentence's end).
        // One word only as a name or an object pronoun ("endorsed Sanders", "backed him"), not
        // "denied it" (``stanceObject(from:end:toSentenceEnd:nameObjects:stopAtVerb:tokens:)``).
        func object(from k: Int, toSentenceEnd: Bool) -> ClosedRange<Int>? {
            Self.stanceObject(
                from: k, end: end, toSentenceEnd: toSentenceEnd, nameObjects: options.stanceNameObjects,
                stopAtVerb: options.objectStopsAtVerb, tokens: tokens)
        }
        var v = a + 1
        while v < end {
            defer { v += 1 }
            let word = tokens[v].lower
            guard tokens[v].isWord, !tokens[v].isCapitalized, found.allSatisfy({ $0.1.upperBound < v }) else { continue }
            // "<clause>, criticizing <object>" / "<clause>, saying <clause>".
            if options.stanceParticiples, tokens[v - 1].text == ",", Self.stanceParticiples.contains(word) || Self.clauseParticiples.contains(word)
                || word == "calling" && v + 1 < end && tokens[v + 1].lower == "for"
            {
                guard var subject = finder.clauseSubject(from: a, before: v - 1) else { continue }
                // The clause's own verb ends its subject ("The union walked out ..." is "The union",
                // "Ana Ruiz spoke ..." is "Ana Ruiz"): a lower-case past form, or a lower-case word
                // after a name.
                if let verb = subject.dropFirst().first(where: { j in
                    let w = tokens[j].lower
                    return !tokens[j].isCapitalized && (w.count > 3 && w.hasSuffix("ed") && !w.hasSuffix("eed")
                        || j - 1 > subject.lowerBound && tokens[j - 1].isCapitalized)
                }) {
                    subject = subject.lowerBound...(verb - 1)
                }
                var k = v + 1
                if word == "calling" { k += 1 }
                let clause = Self.clauseParticiples.contains(word)
                if clause, k < end, tokens[k].lower == "that" { k += 1 }
                guard let content = object(from: k, toSentenceEnd: clause) else { continue }
                let cue = tokens[v..<k].filter { $0.lower != "that" }.map(\.text).joined(separator: " ")
                found.append((Attribution(speaker: subject, cue: cue, reporter: nil), content))
                continue
            }
            // "X is backing <object>", "a group backing <object>": a stance verb's -ing form after a
            // form of "be" whose subject opens the clause, or right after a noun phrase (a reduced
            // relative clause, "a group that backs").
            if options.stanceGerunds, Self.stanceGerunds.contains(word), tokens[v - 1].text != "," {
                // ("is" counts as a passive marker to `backwardPhrase`: an -ing form is no passive.)
                guard let (phrase, _) = finder.backwardPhrase(endingAt: v - 1, lowerBound: a),
                    tokens[v - 1].lower != "being",
                    phrase.upperBound == v - 1 || Self.progressiveAuxiliaries.contains(tokens[v - 1].lower)
                        && (phrase.lowerBound == a || tokens[phrase.lowerBound - 1].text == ","),
                    !Lexicon.pronouns.contains(tokens[phrase.lowerBound].lower) || phrase.upperBound < v - 1,
                    v + 1 < end, !Lexicon.phraseStops.contains(tokens[v + 1].lower),
                    !Self.particles.contains(tokens[v + 1].lower),
                    let content = object(from: v + 1, toSentenceEnd: false)
                else { continue }
                found.append((Attribution(speaker: phrase, cue: tokens[v].text, reporter: nil), content))
                continue
            }
            var k = v + 1
            if word == "called" || word == "calls", k < end, tokens[k].lower == "for" {
                k += 1
            } else if !Self.stanceVerbs.contains(word), !(options.moreStanceVerbs && Self.moreStanceVerbs.contains(word)) {
                continue
            }
            let subject: ClosedRange<Int>
            if let (phrase, passive) = finder.backwardPhrase(endingAt: v - 1, lowerBound: a), !passive,
                !(options.objectStopsAtVerb && phrase.count == 1 && tokens[phrase.lowerBound].lower.hasSuffix("ing")),
                phrase.lowerBound == a || tokens[phrase.lowerBound - 1].text == ","
                    && !(a..<phrase.lowerBound).contains(where: { finder.verb(at: $0) != nil })
            {
                subject = phrase
            } else {
                // "X, who (has long) opposed <object>": the relative pronoun after a comma.
                var j = v - 1
                while j > a, tokens[j].isWord, Lexicon.auxiliaries.contains(tokens[j].lower)
                    || ["long", "always", "still"].contains(tokens[j].lower)
                    || tokens[j].lower.hasSuffix("ly") && tokens[j].lower.count > 4
                {
                    j -= 1
                }
                guard options.stanceAfterWho, j > a, tokens[j].lower == "who", tokens[j - 1].text == "," else { continue }
                subject = j...j
            }
            guard let content = object(from: k, toSentenceEnd: false) else { continue }
            let cue = tokens[v..<k].map(\.text).joined(separator: " ")
            found.append((Attribution(speaker: subject, cue: cue, reporter: nil), content))
        }
        return found
    }
}
