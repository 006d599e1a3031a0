import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Labels in capitals opening a paragraph (``PageLabels``): datelines and the names of sections
/// and media are no speakers; a transcript's turns are. Pages written for these tests.
@Suite struct PageLabelTests {
    private func found(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        let result = quotes(page, model: .shared, off: off)
        #expect(offsetsHold(page, result))
        return result
    }

    private func speakers(_ page: Article, off: [String] = []) -> [String] {
        found(page, off: off).compactMap { speakerMention(page, $0) }
    }

    @Test func sectionAndMediaLabelsAreNoSpeakers() {
        let page = article([
            "Leaders meet as talks stall",
            "WATCH LIVE: President Lind holds a news conference after the meeting",
            "Berg said on Monday that the talks would continue.",
            "CORRECTION: An earlier version of this story misstated the date of the vote.",
        ])
        let names = speakers(page)
        #expect(!names.contains("WATCH LIVE"))
        #expect(!names.contains("CORRECTION"))
        #expect(names.contains("Berg"))
        // Switched off, the colon rule takes the labels for speakers, as it did before.
        #expect(speakers(page, off: ["pageLabels"]).contains("WATCH LIVE"))
    }

    @Test func aDigestsRepeatedDatelinesAreNoSpeakers() {
        // The same dateline opens two paragraphs, beside a media label: no turn speaks in the
        // first or second person, so this is no exchange.
        let page = article([
            "Summit digest",
            "MOSCOW: The president arrived in the capital on Sunday for talks, hours after the vote.",
            "WATCH LIVE: The leaders hold a news conference after their meeting.",
            "MOSCOW: US officials said on Monday the alliance had never been weaker, hours after the talks.",
        ])
        let names = speakers(page)
        #expect(!names.contains("MOSCOW"))
        #expect(!names.contains("WATCH LIVE"))
        #expect(speakers(page, off: ["pageLabels"]).contains("MOSCOW"))
    }

    @Test func aDashDatelineNamesNoSpeakerAndItsWireIsNoneEither() {
        let page = article([
            "Lawmakers want the summit called off",
            "WASHINGTON (CNN) \u{2014} Top lawmakers on Friday called for the mayor to cancel the summit after the charges.",
            "DOVER, Del. (AP) \u{2014} Governor Ana Ruiz is keeping expectations low, saying \u{201C}nothing will change soon.\u{201D}",
        ])
        let result = found(page)
        #expect(!result.contains { speakerMention(page, $0) == "CNN" })
        #expect(result.contains { $0.text.hasPrefix("nothing will change") && $0.speaker == "Ana Ruiz" })
    }

    @Test func aDatelineIsNoSpeakerCandidateSoTheQuoteKeepsItsContent() throws {
        let page = article([
            "Rail workers give strike notice",
            "MONTREAL \u{2014} The union representing 9,000 rail workers gave strike notice on Monday, saying talks with the railway had broken down over scheduling rules.",
        ])
        let quote = try #require(found(page).first { $0.text.contains("talks with the railway had broken down") })
        #expect(speakerMention(page, quote) != "MONTREAL")
        let tagged = try #require(quotes(page, model: .shared, off: ["pageLabels"]).first { $0.text.contains("had broken down") })
        #expect(speakerMention(page, tagged) == "MONTREAL")
    }

    @Test func aContentOpeningWithADatelineStartsAfterIt() throws {
        let page = article([
            "Harbour plan approved",
            "NEW DELHI: The city council approved the harbour plan on Tuesday, officials said, after months of debate.",
        ])
        let quote = try #require(found(page).first { $0.text.contains("approved the harbour plan") })
        #expect(quote.text.hasPrefix("The city council"))
        let before = try #require(quotes(page, model: .shared, off: ["pageLabels"]).first { $0.text.contains("harbour plan") })
        #expect(before.text.hasPrefix("NEW DELHI"))
    }

    @Test func aTranscriptsTurnsSpeak() {
        let page = article([
            "Senator and governor spar on air",
            "JAKE TAPPER: Governor, do you think the plan will pass?",
            "FALLIN: I do think it will pass, and we are working hard on it.",
            "TAPPER: And the senator from the north?",
            "FALLIN: She will come around, I am sure of that.",
        ])
        let names = speakers(page)
        #expect(names.filter { $0 == "FALLIN" }.count == 2)
        #expect(names.contains("JAKE TAPPER"))
    }

    @Test func aTurnsFirstPersonIsItsLabelsSpeakerWhenTheLabelStandsAlone() throws {
        // A broadcaster's transcript: each label on its own line, the turn in the paragraphs after.
        let page = article([
            "Meet the Panel transcript",
            "HOST MARA LINDQVIST:",
            "Senator, is the governor going to sign the bill or not?",
            "SEN. OWEN TKACHUK:",
            "Well, look, I think the session actually turned out pretty well.",
            "We need to work together on the budget next.",
            "HOST MARA LINDQVIST:",
            "And the mayor?",
            "MAYOR ANN BERG:",
            "I don't know if he will sign it, but it may be part of the agenda.",
        ])
        let result = found(page)
        let think = try #require(result.first { $0.text.contains("turned out pretty well") })
        #expect(speakerMention(page, think) == "SEN. OWEN TKACHUK")
        let know = try #require(result.first { $0.text.contains("may be part of the agenda") })
        #expect(speakerMention(page, know) == "MAYOR ANN BERG")
        #expect(know.speaker?.uppercased().hasSuffix("ANN BERG") == true)
        // Switched off, the turn's "I" stays the speaker.
        let before = try #require(quotes(page, model: .shared, off: ["pageLabels"]).first { $0.text.contains("may be part of the agenda") })
        #expect(speakerMention(page, before) == "I")
    }

    @Test func aNewslettersSectionLabelsStandingAloneMakeNoTurns() throws {
        let page = article([
            "Morning briefing",
            "WHILE YOU WERE SLEEPING:",
            "I think the council will vote on Tuesday, one member said.",
            "THE MIDTERMS:",
            "Candidates are crossing the state this week.",
        ])
        let result = found(page)
        #expect(!result.contains { speakerMention(page, $0) == "WHILE YOU WERE SLEEPING" })
    }

    @Test func aShortAcronymSpeaksAsAHeadlinesSpeaker() {
        let page = article([
            "Ferry strike ends",
            "AP: The union and the operator reached a deal on Tuesday after three weeks of talks.",
        ])
        #expect(speakers(page).contains("AP"))
    }

    @Test(arguments: [
        "OSLO (AP) \u{2014} ", "(OSLO) \u{2014} ", "OSLO \u{2014} ", "TURNBERRY, Scotland \u{2014} ", "NEW DELHI: ",
        "SAN DIEGO (Reuters) - ",
    ])
    func datelineForms(_ dateline: String) {
        let text = ScalarText("Title\n\n\(dateline)The council met on Tuesday.")
        let labels = PageLabels(text)
        let start = "Title\n\n".unicodeScalars.count
        let labelStart = start + (dateline.hasPrefix("(") ? 1 : 0)
        #expect(labels.isSilentLabel(labelStart, labelStart + 2, paragraphStart: start))
        #expect(labels.contentStart(start, paragraphStart: start, in: text) == start + dateline.unicodeScalars.count)
    }

    @Test(arguments: ["NATO-led forces moved in \u{2014} at last.", "The MAYOR: no comment.", "2018: a year of change"])
    func notLabels(_ paragraph: String) {
        let text = ScalarText("Title\n\n\(paragraph)")
        let start = "Title\n\n".unicodeScalars.count
        #expect(!PageLabels(text).isSilentLabel(start, start + 4, paragraphStart: start))
    }
}
