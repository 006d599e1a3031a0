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
    /// The sentence of the mention (``QuoteExtractor/sentenceIDs(_:inQuote:openMarks:)``).
    package var sentence: Int = 0
    /// Written with a possessive ("Holt's"): the owner of something, not the subject of a clause.
    package var possessive: Bool = false
    /// Followed by a reporting verb ("Holt said"): the subject of saying.
    package var saying: Bool = false
    /// Written inside quote marks: named in someone's words.
    package var quoted: Bool = false
}

/// A person's grammatical gender as the text shows it, for "he" and "she".
package enum PersonGender: Sendable, Hashable { case male, female }

/// A speaker as it will be reported: the resolved name (or the phrase) and the mention's offsets.
package struct ResolvedSpeaker: Sendable, Hashable {
    package var name: String
    package var start: Int
    package var end: Int
}

/// Which readings of a speaker phrase ``MentionResolver`` may use beyond its words (each switchable
/// by name, see ``QuoteExtractorOptions/switchOff(_:in:)``).
package struct MentionOptions: Sendable, Hashable {
    /// "The fire chief, Dana Kowalski, said", "said the victim's mother, Ann Berg": a role phrase
    /// followed by a person's name between commas names that person.
    package var appositiveNames = true
    /// With ``appositiveNames``, the mention reported stays the role phrase as written (the cue's
    /// subject); off, it is the name in apposition. On the 15% held-out fold of the training file
    /// the name as the mention cost 4 right strict speakers of 2,376 (2,066 -> 2,062).
    package var appositiveMentionIsPhrase = true
    /// "Environment Minister Karen Holt": a person's name starts after the last title word of its
    /// capitalised run when two words or more follow it; "Chief Superintendent Ann Berg of the
    /// RCMP": the name before "of"/"from"/"at"/"with" is the speaker, not the institution after it.
    package var namesAfterTitles = true
    /// "Ann Berg, who ..., said": a relative "who" after a comma stands for the person named before
    /// the comma, or for the people or body a role phrase there names ("The two ministers, who ...")
    /// (the mention stays "who").
    package var relativeAntecedents = true
    /// "he"/"she" resolve to a person the text does not show as of the other gender (an honorific,
    /// a gendered role word beside the name, "NAME said she ..."), in the nearest sentence before
    /// that holds one: one shown as of the pronoun's gender, else the subject of a reporting verb,
    /// else the first person (the subject more often than the object), rather than the last name
    /// written.
    package var pronounAgreement = true
    /// With ``pronounAgreement``, a person's common given name ("Grace Nakamura", ``GivenNames``)
    /// shows the gender "he" or "she" agrees with when the text shows nothing stronger (an
    /// honorific, a gendered role word).
    package var givenNameGender = true
    /// "Mrs. Lopes" after "Maria Lopes" and "David Lopes": of the persons sharing the surname, the
    /// one of the honorific's gender (Mr.; Mrs., Ms., Miss), and the honorific shows the gender of
    /// the person it names for later pronouns.
    package var honorificSurnames = true
    /// "Kevin Moreau, a spokesman for the utility, said": the role in apposition after a name is
    /// that person's role, so a later "the spokesman" resolves to the name as "utility spokesman
    /// Kevin Moreau" would.
    package var appositiveRoles = true
    /// With ``pronounAgreement``, a pronoun whose person was named more than three sentences back
    /// takes the last person named who is not shown as of the other gender, not merely the last
    /// person named.
    package var distantPronounAgreement = true
    /// With ``pronounAgreement``, a pronoun outside quote marks does not stand for a person named only
    /// inside them ("'We asked Tom Avery to wait,' she said" is not Tom Avery speaking): who is
    /// named in the words quoted is rarely who said them.
    package var quotedNamesNotAntecedents = true

    package init() {}
}

/// Resolves speaker mentions (pronouns, surnames, role nouns) to full names in the same article.
package struct MentionResolver: Sendable {
    package let tokens: [Token]
    package let text: ScalarText
    package let options: MentionOptions
    /// Full person names in text order.
    package let persons: [PersonMention]
    /// Full names and later surname-only mentions of the same persons, in text order.
    package let references: [PersonMention]
    /// What the text shows of each person's gender, by name (absent: nothing, or both).
    package let genders: [String: PersonGender]
    /// The same without given names (``MentionOptions/givenNameGender``): a pronoun's person is
    /// preferred for what the text itself shows, a given name only rules the other gender out.
    private let shownGenders: [String: PersonGender]
    /// Per token, its sentence.
    private let sentenceOf: [Int]
    /// Per token, whether it stands inside quote marks (empty when not known).
    private let inQuote: [Bool]

    /// Whether a person at `reference` may be the antecedent of the pronoun at token `k`
    /// (``MentionOptions/quotedNamesNotAntecedents``).
    private func mayStandFor(_ reference: PersonMention, pronounAt k: Int) -> Bool {
        guard options.quotedNamesNotAntecedents, reference.quoted, k < inQuote.count else { return true }
        return inQuote[k]
    }

    /// Finds every full person name (two or more capitalised words after titles are removed).
    /// - Complexity: O(n) in the number of tokens.
    /// `inQuote` tells, per token, whether it stands inside quote marks (``TaggerInput/inQuote``);
    /// without it no name counts as quoted.
    package init(tokens: [Token], text: ScalarText, options: MentionOptions = MentionOptions(), inQuote: [Bool]? = nil) {
        self.tokens = tokens
        self.text = text
        self.options = options
        let sentenceOf = QuoteExtractor.sentenceIDs(
            tokens, inQuote: [Bool](repeating: false, count: tokens.count), openMarks: [])
        self.sentenceOf = sentenceOf
        var persons: [PersonMention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isCapitalized, !tokens[i].isAllCaps else {
                i += 1
                continue
            }
            let run = MentionResolver.capitalisedRun(tokens, from: i)
            if var person = MentionResolver.person(tokens, run: run, text: text, afterTitles: options.namesAfterTitles) {
                if options.appositiveRoles { person.roleWords += MentionResolver.appositiveRole(tokens, after: run) }
                person.sentence = sentenceOf[run.lowerBound]
                person.possessive = tokens[run.upperBound - 1].isPossessive
                person.saying = MentionResolver.saysNext(tokens, after: run.upperBound - 1)
                person.quoted = inQuote?[run.lowerBound] ?? false
                persons.append(person)
            }
            i = run.upperBound
        }
        self.persons = persons
        // Later mentions of a person by surname alone ("Shoigu said") are antecedents too.
        var references = persons
        var lastWords: [String: PersonMention] = [:]
        // Every person by surname, for an honorific that tells two of them apart.
        var sharing: [String: [PersonMention]] = [:]
        // The persons' genders as their own names show them, counted only once two persons share a
        // surname after an honorific (most documents never need them).
        var early: [String: PersonGender]?
        var next = 0
        for (k, token) in tokens.enumerated() where token.isCapitalized {
            while next < persons.count, persons[next].start <= token.start {
                if let last = persons[next].words.last {
                    lastWords[last] = persons[next]
                    sharing[last, default: []].append(persons[next])
                }
                next += 1
            }
            guard var person = lastWords[token.stem], token.start >= person.end else { continue }
            if options.honorificSurnames, let sharers = sharing[token.stem], sharers.count > 1,
                let gender = MentionResolver.honorificGender(tokens, before: k)
            {
                let shown = early ?? MentionResolver.genders(tokens, references: persons, givenNames: options.givenNameGender)
                early = shown
                if let agreeing = sharers.last(where: { shown[$0.name] == gender }) { person = agreeing }
            }
            var reference = person
            reference.start = token.start
            reference.end = token.end
            reference.placeLike = false
            reference.sentence = sentenceOf[k]
            reference.possessive = token.isPossessive
            reference.saying = MentionResolver.saysNext(tokens, after: k)
            reference.quoted = inQuote?[k] ?? false
            references.append(reference)
        }
        self.references = references.sorted { $0.start < $1.start }
        self.inQuote = inQuote ?? []
        if options.pronounAgreement {
            // One count of the text's evidence gives both maps: with and without given names.
            var votes = MentionResolver.genderVotes(tokens, references: self.references, honorifics: options.honorificSurnames)
            shownGenders = MentionResolver.decided(votes)
            if options.givenNameGender {
                MentionResolver.addGivenNameVotes(&votes, references: self.references)
                genders = MentionResolver.decided(votes)
            } else {
                genders = shownGenders
            }
        } else {
            genders = [:]
            shownGenders = [:]
        }
    }

    /// The gender an honorific right before token `k` shows ("Mr. Lopes", "Ms Lopes"), or nil.
    static func honorificGender(_ tokens: [Token], before k: Int) -> PersonGender? {
        var j = k - 1
        if j >= 1, tokens[j].text == "." { j -= 1 }
        guard j >= 0, tokens[j].isWord, tokens[j].isCapitalized else { return nil }
        switch tokens[j].lower {
        case "mr": return .male
        case "mrs", "ms", "miss": return .female
        default: return nil
        }
    }

    /// The role words of an apposition right after a name (``MentionOptions/appositiveRoles``):
    /// "Kevin Moreau, a spokesman for the utility," gives ["spokesman", "utility"]; the apposition's
    /// head (the word before its prepositional tail) must be a title or role noun, and it ends at a
    /// comma or the sentence's end (no verb, no relative pronoun, at most ten words).
    static func appositiveRole(_ tokens: [Token], after run: Range<Int>) -> [String] {
        var k = run.upperBound
        guard k + 1 < tokens.count, tokens[k].text == ",", tokens[k + 1].isWord, !tokens[k + 1].isCapitalized
            || Lexicon.determiners.contains(tokens[k + 1].lower)
        else { return [] }
        k += 1
        var words: [Token] = []
        while k < tokens.count, words.count <= 10, tokens[k].paragraph == tokens[run.lowerBound].paragraph, tokens[k].isWord {
            let word = tokens[k].lower
            if Lexicon.reportingVerbs.contains(word) || ["who", "whose", "which", "that", "and"].contains(word)
                || Lexicon.auxiliaries.contains(word)
            {
                return []
            }
            words.append(tokens[k])
            k += 1
        }
        guard k < tokens.count, [",", ".", ";"].contains(tokens[k].text), !words.isEmpty else { return [] }
        let link = words.dropFirst().firstIndex { ["of", "for", "at", "with", "from", "in"].contains($0.lower) }
        let head = words[(link ?? words.count) - 1].stem
        guard Lexicon.titles.contains(head) || Lexicon.roleSynonyms[head] != nil || SpeakerHead.roleNouns.contains(head) else {
            return []
        }
        return words.filter { !Lexicon.determiners.contains($0.lower) }.map(\.stem).flatMap(MentionResolver.roleParts)
    }

    /// Whether a reporting verb follows token `k` (auxiliaries and adverbs between): "Holt said",
    /// "Holt has repeatedly argued".
    static func saysNext(_ tokens: [Token], after k: Int) -> Bool {
        var j = k + 1
        while j < tokens.count, tokens[j].isWord, !tokens[j].isCapitalized,
            Lexicon.auxiliaries.contains(tokens[j].lower) || tokens[j].lower.hasSuffix("ly") && tokens[j].lower.count > 4
        {
            j += 1
        }
        return j < tokens.count && tokens[j].isWord && !tokens[j].isCapitalized && Lexicon.reportingVerbs.contains(tokens[j].lower)
    }

    private static let femaleWords: Set<String> = [
        "ms", "mrs", "miss", "madam", "lady", "dame", "queen", "princess", "duchess", "countess", "spokeswoman",
        "chairwoman", "congresswoman", "businesswoman", "councilwoman", "assemblywoman", "policewoman",
        "sportswoman", "anchorwoman", "woman", "girl", "mother", "wife", "daughter", "sister", "grandmother",
        "granddaughter", "aunt", "niece", "widow", "actress", "stepmother", "mom", "mum", "girlfriend", "bride",
    ]
    private static let maleWords: Set<String> = [
        "mr", "sir", "lord", "king", "prince", "duke", "earl", "spokesman", "chairman", "congressman",
        "businessman", "councilman", "assemblyman", "policeman", "fireman", "sportsman", "anchorman", "man",
        "boy", "father", "husband", "son", "brother", "grandfather", "grandson", "uncle", "nephew", "widower",
        "actor", "stepfather", "dad", "boyfriend", "groom",
    ]

    /// What the text shows of each person's gender: an honorific or a gendered role word before the
    /// name or in an apposition right after it ("Jill Sato, the spokeswoman,"), and "NAME said (that)
    /// he/she". Evidence of both genders leaves the person out.
    /// - Complexity: O(n) in the tokens plus O(r log r) for r references.
    static func genders(
        _ tokens: [Token], references: [PersonMention], givenNames: Bool = false, honorifics: Bool = false
    ) -> [String: PersonGender] {
        var votes = genderVotes(tokens, references: references, honorifics: honorifics)
        if givenNames { addGivenNameVotes(&votes, references: references) }
        return decided(votes)
    }

    /// The male and female evidence per person name that ``genders(_:references:givenNames:honorifics:)``
    /// weighs, without given names.
    static func genderVotes(
        _ tokens: [Token], references: [PersonMention], honorifics: Bool
    ) -> [String: (male: Int, female: Int)] {
        // An honorific or a role word names the person's gender; "X said she" may speak of another
        // woman ("X said she would make a fine judge"), so it weighs least.
        var votes: [String: (male: Int, female: Int)] = [:]
        @discardableResult
        func vote(_ name: String, _ word: String, weight: Int) -> Bool {
            if femaleWords.contains(word) { votes[name, default: (0, 0)].female += weight }
            if maleWords.contains(word) { votes[name, default: (0, 0)].male += weight }
            return femaleWords.contains(word) || maleWords.contains(word)
        }
        let byEnd = Dictionary(references.map { ($0.end, $0.name) }, uniquingKeysWith: { first, _ in first })
        for reference in references {
            for word in reference.roleWords { vote(reference.name, word, weight: 3) }
        }
        if honorifics {
            // "Ms. Whitlock" after "Janet Whitlock": the honorific of a later mention by surname.
            // Not when persons share the surname: which of them "Mr. Khan" is may be what the
            // honorific has to decide.
            let byStart = Dictionary(references.map { ($0.start, $0) }, uniquingKeysWith: { first, _ in first })
            var namesByLast: [String: Set<String>] = [:]
            for reference in references { if let last = reference.words.last { namesByLast[last, default: []].insert(reference.name) } }
            for (k, token) in tokens.enumerated() where token.isCapitalized {
                guard let reference = byStart[token.start], reference.words.count >= 2,
                    let last = reference.words.last, namesByLast[last]?.count == 1,
                    let gender = honorificGender(tokens, before: k)
                else { continue }
                if gender == .female { votes[reference.name, default: (0, 0)].female += 3 } else { votes[reference.name, default: (0, 0)].male += 3 }
            }
        }
        for (k, token) in tokens.enumerated() where token.isCapitalized {
            // Possessive names end two scalars before their token ("Holt's").
            guard let name = byEnd[token.end] ?? byEnd[token.end - 2] else { continue }
            var j = k + 1
            if j < tokens.count, tokens[j].text == "," {
                // "Jill Sato, the spokeswoman, ..." / "Jill Sato, his wife, ...": the apposition's
                // first gendered word; not past a relative pronoun or a verb ("Tom Birch, whose wife").
                var n = j + 1
                while n < min(tokens.count, j + 8), tokens[n].isWord, !tokens[n].isCapitalized,
                    tokens[n].paragraph == token.paragraph,
                    !["who", "whose", "whom", "which", "that"].contains(tokens[n].lower),
                    !Lexicon.reportingVerbs.contains(tokens[n].lower)
                {
                    if vote(name, tokens[n].stem, weight: 2) { break }
                    n += 1
                }
                continue
            }
            guard j < tokens.count, !tokens[j].isCapitalized, Lexicon.reportingVerbs.contains(tokens[j].lower) else { continue }
            j += 1
            if j < tokens.count, tokens[j].lower == "that" { j += 1 }
            if j < tokens.count, tokens[j].lower == "she" { votes[name, default: (0, 0)].female += 1 }
            if j < tokens.count, tokens[j].lower == "he" { votes[name, default: (0, 0)].male += 1 }
        }
        return votes
    }

    /// A common given name, once per person (``MentionOptions/givenNameGender``): less than an
    /// honorific or a role word.
    static func addGivenNameVotes(_ votes: inout [String: (male: Int, female: Int)], references: [PersonMention]) {
        var seen: Set<String> = []
        for reference in references where seen.insert(reference.name).inserted {
            guard let first = reference.words.first else { continue }
            if GivenNames.female.contains(first) { votes[reference.name, default: (0, 0)].female += 2 }
            if GivenNames.male.contains(first) { votes[reference.name, default: (0, 0)].male += 2 }
        }
    }

    /// The gender each person's evidence leans to; a tie (or none) leaves the person out.
    static func decided(_ votes: [String: (male: Int, female: Int)]) -> [String: PersonGender] {
        var result: [String: PersonGender] = [:]
        for (name, count) in votes where count.male != count.female {
            result[name] = count.male > count.female ? .male : .female
        }
        return result
    }

    /// The person "he"/"she"/"his"/"her" at token `k` stands for (``MentionOptions/pronounAgreement``):
    /// looking back at most four sentences, in the nearest one holding a person not shown as of the
    /// other gender, the first such person (the subject more often than the object), one shown as of
    /// the pronoun's gender first; nil when none.
    private func antecedent(ofPronoun k: Int, start: Int) -> PersonMention? {
        let word = tokens[k].lower
        let gender: PersonGender = word == "he" || word == "his" ? .male : .female
        let subjectPronoun = word == "he" || word == "she"
        let own = sentenceOf[k]
        let pool = references.filter {
            $0.end <= start && !$0.placeLike && $0.sentence >= own - 3 && !(subjectPronoun && $0.possessive)
                && mayStandFor($0, pronounAt: k)
                && genders[$0.name] != (gender == .male ? .female : .male)
        }
        guard let nearest = pool.map(\.sentence).max() else { return nil }
        let inSentence = pool.filter { $0.sentence == nearest }
        // The subject of saying goes before a name in an opening clause ("While Trump spoke, Putin
        // said ... He added").
        return inSentence.first { shownGenders[$0.name] == gender } ?? inSentence.first(where: \.saying) ?? inSentence.first
    }

    /// The person a pronoun stands for when no sentence of ``antecedent(ofPronoun:start:)``'s window
    /// names one: the last person named before it, and with ``MentionOptions/distantPronounAgreement``
    /// the last one not shown as of the other gender ("Sandra Milliken ... her predecessor, Gordon
    /// Blake, ... [four sentences] She said" is Sandra Milliken).
    private func distantAntecedent(ofPronoun k: Int, start: Int) -> PersonMention? {
        let before = references.filter { $0.end <= start && !$0.placeLike && mayStandFor($0, pronounAt: k) }
        guard options.distantPronounAgreement else { return before.last }
        let word = tokens[k].lower
        let other: PersonGender = word == "he" || word == "his" ? .female : .male
        return before.last { genders[$0.name] != other } ?? before.last
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

    /// Words that stand before a name as its holder's office or trade, capitalised there: titles,
    /// role nouns ("Coach", "Nurse") and ranks written short ("Const.", "Sgt.").
    private static let officeWords: Set<String> = Lexicon.titles.union(SpeakerHead.roleNouns).union([
        "councillor", "councilor", "alderman", "trustee", "constable", "const", "sgt", "supt", "insp", "cpl", "det",
        "superintendent", "corporal", "warden", "dean", "principal", "mp", "mpp", "mla", "mna", "mha",
    ])

    /// With `afterTitles`, the first token after the last office word (``officeWords``) inside `run`
    /// from `start` when at least two words follow it ("Environment Minister Karen Holt" -> "Karen
    /// Holt": the words before a title are its portfolio, not the name); else `start`.
    static func nameStart(_ tokens: [Token], run: Range<Int>, from start: Int, afterTitles: Bool) -> Int {
        guard afterTitles, start < run.upperBound else { return start }
        var first = start
        for k in start..<run.upperBound where tokens[k].isWord && officeWords.contains(tokens[k].stem) {
            if tokens[(k + 1)..<run.upperBound].filter(\.isWord).count >= 2 { first = k + 1 }
        }
        // Initials and abbreviation points after the title ("Const. Ann Berg").
        while first < run.upperBound, !tokens[first].isWord { first += 1 }
        return first
    }

    private static func person(_ tokens: [Token], run: Range<Int>, text: ScalarText, afterTitles: Bool) -> PersonMention? {
        let first = nameStart(tokens, run: run, from: nameStart(tokens, run: run), afterTitles: afterTitles)
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
    package func resolve(_ phrase: ClosedRange<Int>) -> ResolvedSpeaker { resolve(phrase, depth: 0) }

    /// `depth` > 0 when resolving the antecedent or a part of another phrase: no further readings
    /// then, so that a phrase is never resolved through itself.
    private func resolve(_ phrase: ClosedRange<Int>, depth: Int) -> ResolvedSpeaker {
        let start = tokens[phrase.lowerBound].start
        let end = tokens[phrase.upperBound].end
        let written = ResolvedSpeaker(name: text.string(start..<end), start: start, end: end)
        let last = tokens[phrase.upperBound]

        // "his support for X", "her warning that ...": a possessive stands for its person as
        // "he" and "she" do.
        if phrase.count == 1, Lexicon.pronouns.contains(last.lower) || Lexicon.resolvedPersonPronouns.contains(last.lower) {
            guard Lexicon.resolvedPersonPronouns.contains(last.lower),
                let person = options.pronounAgreement
                    ? antecedent(ofPronoun: phrase.lowerBound, start: start) ?? distantAntecedent(ofPronoun: phrase.lowerBound, start: start)
                    : references.last(where: { $0.end <= start && !$0.placeLike })
            else { return written }
            return ResolvedSpeaker(name: person.name, start: start, end: end)
        }

        if options.relativeAntecedents, phrase.count == 1, last.lower == "who", depth == 0,
            let antecedent = relativeAntecedent(of: phrase.lowerBound)
        {
            // A person's name, or a phrase whose head names people or a body ("The two ministers,
            // who ...", "the visiting lawmakers, who ..."); not any capitalised word: the phrase
            // before the comma may be a clause's tail ("may get awkward once Trump, who ...") that
            // no one is called.
            let person = resolve(antecedent, depth: depth + 1)
            if references.contains(where: { $0.name == person.name })
                || SpeakerHead.of(antecedent, in: tokens) == .role
            {
                return ResolvedSpeaker(name: person.name, start: start, end: end)
            }
            return written
        }
        if options.appositiveNames, depth == 0, !isPersonName(phrase), let person = appositivePerson(after: phrase) {
            guard options.appositiveMentionIsPhrase else { return person }
            return ResolvedSpeaker(name: person.name, start: start, end: end)
        }
        if options.namesAfterTitles, depth == 0, let name = nameBeforeInstitution(phrase) {
            return name
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
            let run = runStart..<(phrase.upperBound + 1)
            let nameFrom = MentionResolver.nameStart(
                tokens, run: run, from: MentionResolver.nameStart(tokens, run: run), afterTitles: options.namesAfterTitles)
            guard nameFrom <= phrase.upperBound else {
                return resolveRole(phrase, written: written)
            }
            let words = tokens[nameFrom...phrase.upperBound].filter { $0.isWord }.map(\.stem)
            let wordSet = Set(words)
            var candidates = persons.filter { wordSet.isSubset(of: Set($0.words)) }
            let nameStartOffset = tokens[nameFrom].start
            // "Mrs. Lopes" of two persons named Lopes: the one of the honorific's gender.
            if options.honorificSurnames, candidates.count > 1, let gender = MentionResolver.honorificGender(tokens, before: nameFrom) {
                let agreeing = candidates.filter { genders[$0.name] == gender }
                if !agreeing.isEmpty { candidates = agreeing }
            }
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

    /// Whether `phrase` ends on a person's name or a pronoun: a capitalised last word that is no
    /// title, or a known person's words. Such a phrase names its speaker itself.
    private func isPersonName(_ phrase: ClosedRange<Int>) -> Bool {
        let last = tokens[phrase.upperBound]
        if Lexicon.pronouns.contains(last.lower) || last.lower == "who" { return true }
        guard last.isCapitalized, !last.isAllCaps else { return false }
        return !Lexicon.titles.contains(last.stem) && !Lexicon.nonPersonWords.contains(last.stem)
            && SpeakerHead.of(phrase, in: tokens) == .name && !SpeakerHead.roleNouns.contains(last.stem)
    }

    /// "The fire chief, Dana Kowalski, said", "A spokesperson for the mayor, Ian MacLeod, said",
    /// "said the victim's mother, Ann Berg.": after the role phrase (and a short prepositional tail
    /// of it) a comma, then a person named in full (or by the surname of one named before), and the
    /// apposition closes (a comma, the sentence's end, a parenthesis or a reporting verb). Returns
    /// that person with the offsets of the name.
    private func appositivePerson(after phrase: ClosedRange<Int>) -> ResolvedSpeaker? {
        // Only one person's role stands in apposition to one name: not a plural ("officials, Ann
        // Berg and ...") nor a body ("According to police, Ann Berg, 34, was driving").
        // The role's head is the word before its prepositional tail ("The chief executive of the airline").
        let link = phrase.dropFirst().first { ["of", "for", "at", "with", "from", "in"].contains(tokens[$0].lower) }
        let headToken = tokens[link.map { $0 - 1 } ?? phrase.upperBound]
        let head = headToken.stem
        guard headToken.isWord, SpeakerHead.singular(head) == head, !MentionResolver.bodies.contains(head) else { return nil }
        let paragraph = tokens[phrase.upperBound].paragraph
        var comma = phrase.upperBound + 1
        if comma < tokens.count, ["of", "for", "at", "with", "from", "in"].contains(tokens[comma].lower) {
            // A prepositional tail of the role: words only, no verb, at most eight.
            var k = comma + 1
            while k < min(tokens.count, comma + 9), tokens[k].isWord, !Lexicon.reportingVerbs.contains(tokens[k].lower) { k += 1 }
            comma = k
        }
        var nameAt = comma + 1
        guard nameAt < tokens.count, tokens[comma].text == ",", tokens[nameAt].paragraph == paragraph,
            tokens[nameAt].isCapitalized, !tokens[nameAt].isAllCaps
        else { return nil }
        // A title written short stands apart from the name ("Dr. Ann Berg", "Const. Ann Berg").
        while nameAt + 2 < tokens.count, tokens[nameAt + 1].text == ".", tokens[nameAt + 2].isCapitalized,
            MentionResolver.officeWords.contains(tokens[nameAt].stem) || Lexicon.abbreviations.contains(tokens[nameAt].lower)
        {
            nameAt += 2
        }
        let run = MentionResolver.capitalisedRun(tokens, from: nameAt)
        var after = run.upperBound
        // The run may end on an abbreviation point ("Jr.").
        if after < tokens.count, tokens[after].text == ".", tokens[after - 1].text.count <= 3 { after += 1 }
        guard !tokens[run.upperBound - 1].isPossessive else { return nil }
        let closes = after >= tokens.count || tokens[after].paragraph != paragraph
            || [",", ".", "(", ";", "\u{2014}", "\u{2013}"].contains(tokens[after].text)
            || tokens[after].isWord && !tokens[after].isCapitalized && Lexicon.reportingVerbs.contains(tokens[after].lower)
        guard closes else { return nil }
        let runStart = tokens[nameAt].start
        let runEnd = tokens[run.upperBound - 1].end
        guard let person = references.first(where: { $0.start >= runStart && $0.end <= runEnd }) else { return nil }
        return ResolvedSpeaker(name: person.name, start: person.start, end: person.end)
    }

    /// Role nouns for a body of people or an institution, never in apposition to one person's name.
    private static let bodies: Set<String> = [
        "police", "government", "company", "firm", "agency", "administration", "ministry", "department",
        "authority", "authorities", "office", "campaign", "committee", "panel", "board", "council", "group",
        "organization", "organisation", "union", "party", "team", "staff", "court", "jury", "people", "family",
        "military", "army", "navy", "force", "legislature", "congress", "senate", "house", "parliament",
        "cabinet", "regime", "bank", "fund", "industry", "business", "corporation", "airline", "network",
        "outlet", "newspaper", "broadcaster", "coalition", "alliance", "association", "federation",
        "institute", "foundation", "center", "centre", "university", "school", "college", "hospital",
        "clinic", "church", "city", "county", "state", "country", "nation", "district", "town", "village",
        "community", "public", "crowd", "audience", "majority", "minority", "media",
    ]

    /// "Chief Superintendent Ann Berg of the RCMP", "Ann Berg from the city's housing office": a
    /// known person's name before "of"/"from"/"at"/"with" in the phrase is the speaker; the words
    /// after it name where the person works. The mention stays the whole phrase, as written (the
    /// cue's subject, which the tagged path matches against it).
    private func nameBeforeInstitution(_ phrase: ClosedRange<Int>) -> ResolvedSpeaker? {
        guard let link = phrase.dropFirst().first(where: { ["of", "from", "at", "with"].contains(tokens[$0].lower) }),
            tokens[link - 1].isCapitalized, !tokens[link - 1].isPossessive
        else { return nil }
        let head = phrase.lowerBound...(link - 1)
        let name = resolve(head, depth: 1)
        // The person must be written in the head itself ("Secretary of State Ann Berg" is no
        // "Secretary" resolved to someone else).
        let headStart = tokens[head.lowerBound].start
        let headEnd = tokens[head.upperBound].end
        guard references.contains(where: { $0.name == name.name && $0.start >= headStart && $0.end <= headEnd }) else {
            return nil
        }
        return ResolvedSpeaker(name: name.name, start: headStart, end: tokens[phrase.upperBound].end)
    }

    /// The phrase a relative "who" at `k` stands for: "Ann Berg, who ...": the noun phrase right
    /// before the comma before "who", in the same paragraph.
    private func relativeAntecedent(of k: Int) -> ClosedRange<Int>? {
        guard k >= 2, tokens[k - 1].text == ",", tokens[k - 2].isWord, tokens[k - 2].paragraph == tokens[k].paragraph else {
            return nil
        }
        var lower = k - 2
        while lower > max(0, k - 12), tokens[lower - 1].paragraph == tokens[k].paragraph { lower -= 1 }
        guard let (phrase, _) = SpeakerFinder(tokens: tokens).backwardPhrase(endingAt: k - 2, lowerBound: lower) else {
            return nil
        }
        return phrase
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
        let input = TaggerInput.make(scalars)
        tokens = input.tokens
        resolver = MentionResolver(tokens: tokens, text: scalars, inQuote: input.inQuote)
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
