import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker's name where the attribution's subject is a role with the name beside it ("The fire
/// chief, Dana Kowalski, said", "Environment Minister Karen Holt said", "Ann Berg, who ..., said"),
/// on sentences written for these tests (issue 16). The extractor runs with its checked-in tagger
/// (the rules alone find no report in "ROLE, NAME, said <clause>"), and the resolver directly.
@Suite struct AppositiveSpeakerTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .shared, off: off)
    }

    /// The quote holding `words` in `page`.
    private func quote(_ words: String, in page: Article, off: [String] = []) -> QuoteOccurrence? {
        ruleQuotes(page, off: off).first { $0.text.contains(words) }
    }

    // MARK: a name in apposition to a role

    @Test(arguments: [
        ("The harbour master, Lise Arsenault, said the ferry would sail at noon.", "the ferry would sail", "Lise Arsenault"),
        ("\u{201C}The ice is thinner than it looks,\u{201D} said the park's head warden, Owen Tkachuk.",
         "The ice is thinner", "Owen Tkachuk"),
        ("\u{201C}Wash your hands,\u{201D} said the region's medical officer of health, Dr. Owen Tkachuk.",
         "Wash your hands", "Owen Tkachuk"),
        ("\u{201C}We have asked for a meeting twice,\u{201D} said the union's vice-president, Maud Ferreira.",
         "We have asked for a meeting", "Maud Ferreira"),
        ("A spokesperson for the school district, Kieran Doyle, said classes would resume Monday.",
         "classes would resume Monday", "Kieran Doyle"),
        ("According to the band council's lands manager, Eli Sutherland, the survey found no damage.",
         "the survey found no damage", "Eli Sutherland"),
    ])
    func nameInAppositionIsTheSpeaker(_ sentence: String, _ words: String, _ name: String) throws {
        let page = article(["The town met on Monday.", sentence])
        let found = try #require(quote(words, in: page))
        #expect(offsetsHold(page, ruleQuotes(page)))
        #expect(found.speaker == name)
        // The mention stays the role phrase the attribution rests on; switched off, it is the name.
        #expect(speakerMention(page, found) != name)
        let named = try #require(quote(words, in: page, off: ["appositiveMention"]))
        #expect(named.speaker == name)
        #expect(speakerMention(page, named) == name)
        // Switched off, the role phrase stays the speaker.
        let off = try #require(quote(words, in: page, off: ["appositiveNames"]))
        #expect(off.speaker != name)
    }

    /// The resolver's reading of the words `phrase` (first occurrence) in `sentence`, and the text
    /// of the mention it reports.
    private func resolved(_ phrase: String, in sentence: String, options: MentionOptions = MentionOptions()) throws
        -> (name: String, mention: String)
    {
        let text = ScalarText(sentence)
        let tokens = Tokenizer.tokens(text)
        let scalars = Array(sentence.unicodeScalars)
        let at = try #require(sentence.range(of: phrase))
        let start = sentence.unicodeScalars.distance(from: sentence.unicodeScalars.startIndex, to: at.lowerBound)
        let end = start + phrase.unicodeScalars.count
        let first = try #require(tokens.firstIndex { $0.start >= start })
        let last = try #require(tokens.lastIndex { $0.end <= end })
        let found = MentionResolver(tokens: tokens, text: text, options: options).resolve(first...last)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[found.start..<found.end])
        return (found.name, String(view))
    }

    @Test func roleMentionKeptUnlessTheNameIsTheMention() throws {
        let sentence = "The harbour master, Lise Arsenault, said the ferry would sail at noon."
        #expect(try resolved("The harbour master", in: sentence) == ("Lise Arsenault", "The harbour master"))
        var options = MentionOptions()
        options.appositiveMentionIsPhrase = false
        #expect(try resolved("The harbour master", in: sentence, options: options) == ("Lise Arsenault", "Lise Arsenault"))
        options.appositiveNames = false
        #expect(try resolved("The harbour master", in: sentence, options: options).name == "The harbour master")
    }

    @Test(arguments: [
        // A plural role: a list follows, not an apposition.
        ("The organizers", "The organizers, Lise Arsenault and Owen Tkachuk, said the race would go ahead."),
        // A body, and a clause after the comma: "police" is no one's apposition.
        ("police", "According to police, Lise Arsenault, 34, was driving north."),
        // The name owns what follows ("Arsenault's"): she is not the role.
        ("The harbour master", "The harbour master, Lise Arsenault's deputy, said the ferry would sail at noon."),
        // A place after the comma, not a person.
        ("The harbour master", "The harbour master, in Halifax, said the ferry would sail at noon."),
        // The name opens the clause after the attribution, no apposition closes.
        ("the harbour master", "According to the harbour master, Lise Arsenault took the ferry out."),
    ])
    func noApposition(_ phrase: String, _ sentence: String) throws {
        #expect(try resolved(phrase, in: sentence).name == phrase)
    }

    @Test func personNamedBeforeARoleStaysTheSpeaker() throws {
        let page = article(["Lise Arsenault, the harbour master, said the ferry would sail at noon."])
        let found = try #require(quote("the ferry would sail", in: page))
        #expect(found.speaker == "Lise Arsenault")
        #expect(speakerMention(page, found) == "Lise Arsenault")
    }

    // MARK: titles before a name

    @Test func titleWordsAreNotTheName() throws {
        let page = article(["The town met on Monday.", "Fisheries Minister Joan Pelletier said the quota would not change."])
        let found = try #require(quote("the quota would not change", in: page))
        #expect(found.speaker == "Joan Pelletier")
        let off = try #require(quote("the quota would not change", in: page, off: ["namesAfterTitles"]))
        #expect(off.speaker == "Fisheries Minister Joan Pelletier")
    }

    @Test func nameBeforeItsInstitution() throws {
        let sentence = "Chief Superintendent Ray Koenig of the Regina Police Service said the road would reopen."
        let phrase = "Chief Superintendent Ray Koenig of the Regina Police Service"
        #expect(try resolved(phrase, in: sentence) == ("Ray Koenig", phrase))
        var options = MentionOptions()
        options.namesAfterTitles = false
        #expect(try resolved(phrase, in: sentence, options: options).name != "Ray Koenig")
        // Someone of a body named by a title is not resolved through the title.
        let office = "Secretary of State Ray Koenig said the road would reopen."
        #expect(try resolved("Secretary of State Ray Koenig", in: office).name == "Ray Koenig")
    }

    @Test func titleWordInsideANameWithOneWordAfterIsKept() {
        // "Bishop" is a title word, but one word after it is no full name: "Mary Bishop Lane" stays whole.
        let text = ScalarText("Mary Bishop Lane said the hall was full.")
        let tokens = Tokenizer.tokens(text)
        let resolver = MentionResolver(tokens: tokens, text: text)
        #expect(resolver.persons.map(\.name) == ["Mary Bishop Lane"])
    }

    // MARK: relative "who"

    @Test func relativeWhoStandsForItsAntecedent() throws {
        let text = ScalarText("Marta Quintal, who chairs the board, said the vote was fair.")
        let tokens = Tokenizer.tokens(text)
        let who = try #require(tokens.firstIndex { $0.lower == "who" })
        let resolved = MentionResolver(tokens: tokens, text: text).resolve(who...who)
        #expect(resolved.name == "Marta Quintal")
        // The mention stays the pronoun the attribution rests on.
        #expect(resolved.start == tokens[who].start && resolved.end == tokens[who].end)
        var options = MentionOptions()
        options.relativeAntecedents = false
        #expect(MentionResolver(tokens: tokens, text: text, options: options).resolve(who...who).name == "who")
    }

    @Test func relativeWhoStandsForARolePhrase() throws {
        // People named by their role, or a body: the phrase is the speaker's name.
        for (sentence, name) in [
            ("The two ministers, who met in Oslo, said the talks had gone well.", "two ministers"),
            ("Local farmers, who lost their crops, said the aid came too late.", "Local farmers"),
        ] {
            let text = ScalarText(sentence)
            let tokens = Tokenizer.tokens(text)
            let who = try #require(tokens.firstIndex { $0.lower == "who" })
            let resolved = MentionResolver(tokens: tokens, text: text).resolve(who...who)
            #expect(resolved.name == name, "\(sentence)")
            #expect(resolved.start == tokens[who].start && resolved.end == tokens[who].end)
        }
        // A phrase whose head names no one stays "who".
        let text = ScalarText("The delays in the harbour, who knows why, went on for weeks.")
        let tokens = Tokenizer.tokens(text)
        let who = try #require(tokens.firstIndex { $0.lower == "who" })
        #expect(MentionResolver(tokens: tokens, text: text).resolve(who...who).name == "who")
    }

    @Test func whoAfterNoPersonIsNotResolved() throws {
        // The words before the comma end a clause; they name no one.
        let text = ScalarText("The talks may get quite awkward once Marta, who wanted delays, arrives.")
        let tokens = Tokenizer.tokens(text)
        let who = try #require(tokens.firstIndex { $0.lower == "who" })
        #expect(MentionResolver(tokens: tokens, text: text).resolve(who...who).name == "who")
    }

    @Test func whoWithoutACommaIsNotResolved() throws {
        let text = ScalarText("Anyone who saw the crash should call police, Marta Quintal said.")
        let tokens = Tokenizer.tokens(text)
        let who = try #require(tokens.firstIndex { $0.lower == "who" })
        #expect(MentionResolver(tokens: tokens, text: text).resolve(who...who).name == "who")
    }

    // MARK: pronouns in a paragraph with two speakers

    /// The name "she"/"he" (its last occurrence in `text`) resolves to.
    private func pronoun(_ word: String, in text: String, agreement: Bool = true) throws -> String {
        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokens(scalars)
        let k = try #require(tokens.lastIndex { $0.lower == word })
        var options = MentionOptions()
        options.pronounAgreement = agreement
        return MentionResolver(tokens: tokens, text: scalars, options: options).resolve(k...k).name
    }

    @Test func pronounTakesTheSubjectOfTheSentenceBefore() throws {
        let text = "Nurse Anita Das cared for Tom Birch for a week. She said the ward was short of staff."
        #expect(try pronoun("she", in: text) == "Anita Das")
        #expect(try pronoun("she", in: text, agreement: false) == "Tom Birch")
    }

    @Test func pronounAgreesWithAGenderTheTextShows() throws {
        // "spokeswoman" before the name; "he" cannot be her, "she" cannot be "Mr. Birch".
        let text = "Mr. Tom Birch filed the complaint. The spokeswoman, Jill Sato, rejected it on behalf of "
            + "the company founded by Tom Birch. She said the company had followed every rule."
        #expect(try pronoun("she", in: text) == "Jill Sato")
        #expect(try pronoun("she", in: text, agreement: false) == "Tom Birch")
        let other = "Jill Sato answered the complaint from Ray Koenig. Koenig said he would appeal. Later he said the talks had failed."
        #expect(try pronoun("he", in: other) == "Ray Koenig")
    }

    @Test func pronounTakesTheSubjectOfSayingOverAnOpeningClause() throws {
        let text = "While Ray Koenig spoke at length, Jill Sato said only that talks would go on. She added that a deal was near."
        #expect(try pronoun("she", in: text) == "Jill Sato")
        let plain = "While Ray Koenig spoke at length, Lee Marr said only that talks would go on. He added that a deal was near."
        #expect(try pronoun("he", in: plain) == "Lee Marr")
    }

    @Test func possessiveNameIsNoSubjectForHeOrShe() throws {
        let text = "Asked about Ray Koenig's remarks, Jill Sato laughed. She said they were old news."
        #expect(try pronoun("she", in: text) == "Jill Sato")
    }

    @Test func pronounsFollowTheLastNamedSpeaker() throws {
        let page = article([
            "Premier Nadia Brennan defended the budget on Monday. \u{201C}It is a careful plan,\u{201D} she said.",
            "Opposition leader Colin Reddy disagreed. \u{201C}It leaves renters behind,\u{201D} he said.",
        ])
        let first = try #require(quote("It is a careful plan", in: page))
        let second = try #require(quote("It leaves renters behind", in: page))
        #expect(first.speaker == "Nadia Brennan")
        #expect(second.speaker == "Colin Reddy")
    }
}
