import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Forms of Canadian wire and city-paper copy (issue 16), on sentences written for these tests: a
/// quoted sentence of a word or two that goes on with the speaker's quote before it
/// (``QuoteExtractorOptions/shortQuoteSentences``), and the inverted attribution with a lower-case
/// role before the name, "..., said emergency nurse Ann Berg" (``QuoteExtractorOptions/lowercaseRoleInversion``).
@Suite struct WireStyleFormsTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }


    // MARK: a short quoted sentence after the speaker's quote

    @Test func shortQuotedSentenceGoesOnWithTheSpeaker() throws {
        let page = article(["\u{201C}We will rebuild the bridge by spring,\u{201D} Mayor Ann Berg said. \u{201C}No excuses.\u{201D}"])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        let short = try #require(found.first { $0.text.contains("No excuses") })
        #expect(short.kind == .direct)
        #expect(speakerMention(page, short)?.contains("Berg") == true)
        #expect(!ruleQuotes(page, off: ["shortQuoteSentences"]).contains { $0.text.contains("No excuses") })
    }

    @Test func straightMarksAndAQuestion() {
        let page = article(["\"Where would the buses park?\" asked resident Tom Bell. \"Nowhere?\""])
        #expect(ruleQuotes(page).contains { $0.text.contains("Nowhere") })
    }

    @Test(arguments: [
        // A scare quote inside a sentence is no quoted sentence.
        "\u{201C}We will rebuild the bridge by spring,\u{201D} Mayor Ann Berg said. The \u{201C}temporary\u{201D} span stays.",
        // Words after the closing mark in the same sentence: a title or a term, not a sentence.
        "\u{201C}We will rebuild the bridge by spring,\u{201D} Mayor Ann Berg said. \u{201C}Spring Works.\u{201D} is the plan's name.",
    ])
    func shortQuoteInsideASentenceIsNoContinuation(_ paragraph: String) {
        let found = ruleQuotes(article([paragraph]))
        #expect(!found.contains { $0.text.contains("temporary") || $0.text.contains("Spring Works") })
    }

    @Test func shortQuotedSentenceInANewParagraphNeedsItsOwnVerb() {
        // The continuation reads only in the speaker's paragraph.
        let page = article(["\u{201C}We will rebuild the bridge by spring,\u{201D} Mayor Ann Berg said.", "\u{201C}No excuses.\u{201D}"])
        #expect(!ruleQuotes(page).contains { $0.text.contains("No excuses") })
    }

    // MARK: "..., said emergency nurse Ann Berg"

    @Test func lowercaseRoleAfterAQuoteIsTheSpeaker() throws {
        let input = TaggerInput.make(ScalarText("\u{201C}We cannot keep working these shifts,\u{201D} said emergency nurse Ann Berg."))
        let phrase = try #require(tokenSpan("emergency nurse Ann Berg", in: input))
        #expect(QuoteExtractor.isLowercaseRoleSpeaker(phrase, input: input, afterQuote: true))
        // The comma form is read by the inverted report instead.
        #expect(!QuoteExtractor.isLowercaseRoleSpeaker(phrase, input: input, afterQuote: false))
    }

    @Test func lowercaseRoleAfterACommaGivesTheReport() throws {
        let input = TaggerInput.make(ScalarText("The bridge will reopen by spring, said city engineer Ann Berg."))
        let phrase = try #require(tokenSpan("city engineer Ann Berg", in: input))
        let report = try #require(QuoteExtractor.invertedReport(phrase, input: input, lowercaseRoles: true))
        #expect(input.tokens[report].map(\.text).joined(separator: " ") == "The bridge will reopen by spring")
        // Off: a lower-case opening is no inverted subject.
        #expect(QuoteExtractor.invertedReport(phrase, input: input, lowercaseRoles: false) == nil)
    }

    @Test(arguments: [
        // A clause after the verb: its last word is no name.
        ("He paused, said the plan would fail, and left.", "the plan would fail"),
        // A role without a name stays with the existing rules.
        ("\u{201C}We will rebuild,\u{201D} said the mayor.", "the mayor"),
        // A clause with an auxiliary, though it ends in a capitalised word.
        ("\u{201C}It works,\u{201D} said officials would visit Ottawa.", "officials would visit Ottawa"),
    ])
    func whatIsNoLowercaseRoleSpeaker(_ sentence: String, _ words: String) throws {
        let input = TaggerInput.make(ScalarText(sentence))
        let phrase = try #require(tokenSpan(words, in: input))
        #expect(!QuoteExtractor.isLowercaseRoleSpeaker(phrase, input: input, afterQuote: true))
        #expect(!QuoteExtractor.isLowercaseRoleSpeaker(phrase, input: input, afterQuote: false))
    }

    @Test(arguments: [
        "Some drivers say they have already quit for jobs in other towns. \"I love this route, but I cannot keep driving 14-hour days,\" said bus driver Dana Lacroix.",
        "The bridge will reopen by spring, said city engineer Dana Lacroix.",
    ])
    func taggerContentOnTheSpeakerIsDropped(_ paragraph: String) {
        // The trained tagger reads the phrase after "said" as what was said; the option drops it.
        let page = article([paragraph])
        let on = quotes(page, model: .shared, off: [])
        #expect(offsetsHold(page, on))
        #expect(!on.contains { $0.text.contains("Dana Lacroix") })
        #expect(on.contains { $0.text.hasPrefix("I love this route") || $0.text.hasPrefix("The bridge will reopen") })
        #expect(on.allSatisfy { $0.speaker == nil || !$0.text.contains("reopen") || speakerMention(page, $0)?.contains("Lacroix") == true })
        let off = quotes(page, model: .shared, off: ["lowercaseRoleInversion"])
        #expect(off.contains { $0.text.contains("Dana Lacroix") })
    }
}

/// ``QuoteExtractorOptions/nonSpeechReports`` switched off: only indirect contents with a verb of
/// saying (or "according to") as their cue stay, on sentences written for these tests.
@Suite struct SpeechOnlyReportsTests {
    @Test(arguments: [
        ("said", true), ("told reporters", true), ("warned", true), ("according to", true), ("wrote", true),
        ("is expected", false), ("believes", false), ("found", false), ("welcomed", false), ("calling for", false),
        ("has also warned", true), ("have issued a heat warning for", false), ("did not respond to", false),
        ("didn't say", false), ("a request", false),
    ])
    func speechCues(_ cue: String, _ speech: Bool) {
        #expect(QuoteExtractor.isSpeechCue(cue) == speech)
    }

    @Test func noCueIsNoSpeech() {
        #expect(!QuoteExtractor.isSpeechCue(nil))
    }

    @Test func expectationIsNoSpeech() {
        // The trained tagger reads "is expected to <verb>" as a report, as PolNeAR annotates it.
        let page = article(["Work on the new arena is expected to take about ten weeks, and the roads will stay open."])
        #expect(quotes(page, model: .shared, off: []).contains { $0.text.contains("ten weeks") })
        #expect(!quotes(page, model: .shared, off: ["nonSpeechReports"]).contains { $0.text.contains("ten weeks") })
    }

    @Test func quotedWordsInAStanceStay() {
        // Mixed speech: the quoted words are speech whatever the verb.
        let page = article(["Councillor Ann Berg called the budget \u{201C}a tax on the people who can least afford it.\u{201D}"])
        let speech = quotes(page, model: .shared, off: ["nonSpeechReports"])
        #expect(speech.contains { $0.text.contains("least afford it") })
    }

    @Test func stanceObjectGoesDirectAndSpeechStay() {
        let page = article([
            "The Harbour Workers Union welcomed the decision.",
            "The union said members would vote on the offer next week.",
            "\u{201C}This is a good day for the docks,\u{201D} union president Ann Berg said.",
        ])
        let all = quotes(page, model: .empty, off: [])
        #expect(all.contains { $0.text == "the decision" })
        let speech = quotes(page, model: .empty, off: ["nonSpeechReports"])
        #expect(!speech.contains { $0.text == "the decision" })
        #expect(speech.contains { $0.text.hasPrefix("members would vote") })
        #expect(speech.contains { $0.kind == .direct && $0.text.contains("good day for the docks") })
    }
}
