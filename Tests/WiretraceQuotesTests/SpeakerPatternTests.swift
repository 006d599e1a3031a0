import Testing
import WiretraceCore
@testable import WiretraceQuotes

@Suite struct SpeakerPatternTests {
    private func only(_ paragraphs: [String], outlet: String? = "Example Daily", credits: [String] = [])
        -> QuoteOccurrence?
    {
        let page = article(paragraphs, outlet: outlet, credits: credits)
        let found = quotes(page).filter { $0.kind == .direct }
        #expect(offsetsHold(page, found))
        #expect(found.count == 1)
        return found.first
    }

    /// The one occurrence whose text holds `words`, of any kind: a quote inside reported speech is
    /// reported with its clause (mixed speech), the clause being what the speaker said.
    private func holding(_ words: String, _ paragraphs: [String]) -> QuoteOccurrence? {
        let page = article(paragraphs)
        let found = quotes(page).filter { $0.text.contains(words) }
        #expect(offsetsHold(page, found))
        #expect(found.count == 1)
        return found.first
    }

    @Test func nameThenVerb() {
        let q = only(["\"The border will stay closed until spring,\" Olaf Scholz said."])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.cue == "said")
    }

    @Test func verbThenName() {
        let q = only(["\"The border will stay closed until spring,\" said Olaf Scholz, speaking in Berlin."])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.cue == "said")
    }

    @Test func nameSaidColonBeforeQuote() {
        let q = only(["Olaf Scholz said: \"The border will stay closed until spring.\""])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.text == "The border will stay closed until spring.")
    }

    @Test func nameSaidWithoutColon() {
        // The tagger may take "in a speech" into the content: the quote is then reported with it.
        let q = holding("the border will stay closed until spring", ["Olaf Scholz warned \"the border will stay closed until spring\" in a speech."])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.cue == "warned")
    }

    @Test func toldSomeoneIsNotAReporter() {
        let q = only(["\"We need more trains on this line,\" Olaf Scholz told a union meeting."])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.cue == "told")
        #expect(q?.via == ["Example Daily"])
    }

    @Test func toldReutersMakesReutersFirstReporter() {
        let q = only(["\"We need more trains on this line,\" Olaf Scholz told Reuters."], outlet: "The Hindu")
        #expect(q?.via == ["Reuters", "The Hindu"])
    }

    @Test func toldAPaperKeepsThePaperAsWritten() {
        let q = only(["\"We need more trains on this line,\" Olaf Scholz told the Financial Times."])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.via == ["the Financial Times", "Example Daily"])
    }

    @Test func toldStateMedia() {
        let q = only(["\"The harvest this year was the best in a decade,\" Ali Khamenei told state media."])
        #expect(q?.speaker == "Ali Khamenei")
        #expect(q?.via == ["state media", "Example Daily"])
    }

    @Test func quotedAsSayingBy() {
        let q = only(
            ["\"The talks were useful and frank,\" Sergei Lavrov was quoted as saying by the Interfax news agency."])
        #expect(q?.speaker == "Sergei Lavrov")
        #expect(q?.cue == "quoted as saying")
        #expect(q?.via == ["Interfax", "Example Daily"])
    }

    @Test func agencyQuotedSomeoneAsSaying() {
        let q = only(
            ["\"The talks were useful and frank,\" state news agency Xinhua quoted Wang Yi as saying."],
            credits: ["AFP"])
        #expect(q?.speaker == "Wang Yi")
        #expect(q?.cue == "quoted ... as saying")
        #expect(q?.via == ["Xinhua", "AFP", "Example Daily"])
    }

    @Test func accordingTo() {
        let q = only(["\"The reactor is stable and safe for now,\" according to Rafael Grossi."])
        #expect(q?.speaker == "Rafael Grossi")
        #expect(q?.cue == "according to")
    }

    @Test func interviewWithNamesTheFirstReporter() {
        let q = only(["\"I will run again in two years,\" Luiz Inácio Lula da Silva said in an interview with CNN."])
        #expect(q?.speaker == "Luiz Inácio Lula da Silva")
        #expect(q?.via == ["CNN", "Example Daily"])
    }

    @Test func pronounResolvesToNearestFullName() {
        let q = only([
            "Health Secretary Sajid Javid visited the hospital on Friday.",
            "\"Waiting lists will come down by the end of the year,\" he said.",
        ])
        #expect(q?.speaker == "Sajid Javid")
    }

    @Test func roleNounResolvesToEarlierNameWithThatRole() {
        let q = holding("stronger and stronger", [
            "Army chief Min Aung Hlaing arrived in Moscow on Monday.",
            "Ties between the two countries are growing \"stronger and stronger\", the army leader said.",
        ])
        #expect(q?.text.hasSuffix("\"stronger and stronger\"") == true)
        #expect(q?.speaker == "Min Aung Hlaing")
    }

    @Test func unresolvedRoleNounKeepsThePhrase() {
        // The quoted words may be reported with the clause around them (mixed speech); either way
        // the speaker is the phrase.
        let q = holding("potential military technical cooperation", [
            "The army wants \"potential military technical cooperation,\" an army spokesperson said."
        ])
        #expect(q?.speaker == "an army spokesperson")
    }

    @Test func signatureAfterQuote() {
        let q = only(["“Nobody should have to wait a year for a hospital bed.” ― Maria Gonzalez"])
        #expect(q?.speaker == "Maria Gonzalez")
    }

    @Test func colonAtEndOfPreviousParagraphIntroducesQuote() {
        let q = only(["Senator Bernie Sanders continued:", "\"The minimum wage has to rise in every state.\""])
        #expect(q?.speaker == "Bernie Sanders")
        #expect(q?.cue == "continued")
    }

    @Test func appositionBetweenNameAndVerb() {
        let q = only(["\"It is an invasion of state authority,\" Scott Pruitt, the attorney general of Oklahoma, said."])
        #expect(q?.speaker == "Scott Pruitt")
    }

    @Test func honorificAndParenthesis() {
        let q = only(["\"This bill will not pass the Senate,\" Sen. Claire McCaskill (D-Mo.) said on Friday."])
        #expect(q?.speaker == "Claire McCaskill")
    }

    @Test func subjectBeforeAnAsideBetweenCommas() {
        let q = holding("stronger and stronger", [
            "Army chief Min Aung Hlaing arrived in Moscow on Monday.",
            "The army leader, whose remarks were translated into Russian, said the friendship between the countries was growing \"stronger and stronger\".",
        ])
        #expect(q?.speaker == "Min Aung Hlaing")
        #expect(q.flatMap { speakerMention(article([
            "Army chief Min Aung Hlaing arrived in Moscow on Monday.",
            "The army leader, whose remarks were translated into Russian, said the friendship between the countries was growing \"stronger and stronger\".",
        ]), $0) } == "The army leader")
    }

    @Test func wordsAfterAMidSentenceVerbAreNotTheSpeaker() {
        // No subject can be found for "said": the phrase after it is what was said, so no speaker.
        let q = holding("stronger and stronger", ["On Tuesday, in Moscow, said the friendship between the countries was growing \"stronger and stronger\"."])
        #expect(q?.speaker != "the friendship between")
        #expect(q?.speaker != "the friendship")
    }

    @Test func describedAsAttributesTheDescriber() {
        let q = holding("potential military technical cooperation", ["He met the arms exporter to discuss what an army spokesman described as \"potential military technical cooperation\"."])
        #expect(q?.speaker == "an army spokesman")
        #expect(q?.cue == "described")
    }

    @Test func roleInAppositionBeforeTheNameResolvesAHyphenatedRole() {
        let q = holding("stronger and stronger", [
            "The Commander-in-Chief of Myanmar's Defense Services, Senior General Min Aung Hlaing, thanked Russia.",
            "According to the Myanmar commander-in-chief, the friendship is becoming \"stronger and stronger\" every year.",
        ])
        #expect(q?.speaker == "Min Aung Hlaing")
    }

    @Test func participleAfterACommaTakesTheClauseSubject() {
        let q = only(["During a speech earlier in the day, Olaf Scholz attacked the plan, saying, \"It will cost us every winter.\""])
        #expect(q?.speaker == "Olaf Scholz")
        #expect(q?.cue == "saying")
    }

    @Test func phraseBetweenQuoteAndAttribution() {
        let q = holding("I admire the way", ["Economists met on Monday.", "''I admire the way it is built'' of the new tax plan, Ms. Berg said."])
        #expect(q?.speaker == "Ms. Berg")
    }

    @Test func initialsInsideAName() {
        let q = only(["''It has the important virtue of being responsible,'' Leonard E. Burman, director of the policy center, said of the plan."])
        #expect(q?.speaker == "Leonard E. Burman")
    }

    @Test func quoteInsideReportedSpeechTakesTheSentenceSpeaker() {
        let q = holding("a big, big problem", ["Olaf Scholz said that the delays were \"a big, big problem for this country\" on Tuesday."])
        #expect(q?.speaker == "Olaf Scholz")
    }

    @Test func pronounSkipsPlaceLikeNames() {
        let page = article([
            "Maria Gonzalez spoke to voters at a school in Coral Springs on Monday.",
            "\"We will fix the roads before the winter,\" she said.",
        ])
        let found = quotes(page)
        #expect(found.first?.speaker == "Maria Gonzalez")
    }

    @Test func pronounResolvesToALaterSurnameMention() {
        let page = article([
            "Defence Minister Sergei Shoigu met General Min Aung Hlaing in Moscow.",
            "Min Aung Hlaing thanked his hosts. Shoigu noted that cooperation had grown.",
            "\"We are committed to making efforts to strengthen ties,\" he said.",
        ])
        #expect(quotes(page).first { $0.kind == .direct }?.speaker == "Sergei Shoigu")
    }
}

@Suite struct TranscriptLabelTests {
    @Test func aTranscriptLabelIsTheSpeakerAndNotPartOfTheQuote() throws {
        let text = """
            Partial transcript as follows:

            "WALLACE: Why would the campaign do that, and will she attend tomorrow night?

            "PENCE: Well, look, the question really is why the other campaign chose to invite him."
            """
        let article = Article(id: "t", source: "t", outlet: "Example", text: text)
        let quotes = QuoteExtractor().quotes(in: article)
        let wallace = try #require(quotes.first { $0.text.hasPrefix("Why would") })
        #expect(wallace.speaker == "WALLACE")
        #expect(wallace.cue == "transcript")
        let pence = try #require(quotes.first { $0.text.hasPrefix("Well, look") })
        #expect(pence.speaker == "PENCE")
        for quote in quotes {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: Array(text.unicodeScalars)[quote.start..<quote.end])
            #expect(String(slice) == quote.text)
        }
    }

    @Test func capitalsInsideASentenceAreNoLabel() {
        let text = #"The report was titled "NATO: a view from the east of the alliance" and it circulated widely."#
        let quotes = QuoteExtractor().quotes(in: Article(id: "t", source: "t", text: text))
        #expect(!quotes.contains { $0.cue == "transcript" })
    }
}
