import Testing
import WiretraceCore
@testable import WiretraceQuotes

@Suite struct QuoteExtractorTests {
    // MARK: The canonical relay case

    @Test func tassQuoteRelayedByReutersOnCNA() {
        let page = article(
            [
                "MOSCOW: Myanmar's military ruler flew to Moscow on Tuesday for a security conference.",
                "\"Thanks to Russia, our army has become one of the strongest in the region,\" Russian news agency TASS cited Min Aung Hlaing as telling Russian Defence Minister Sergei Shoigu during a meeting in Moscow.",
                "\"Myanmar for us is a time-tested strategic partner and reliable ally,\" Shoigu said, adding that arms sales were an \"important component\" of the relationship.",
                "\"We are committed to continue making efforts to strengthen bilateral ties,\" the Russian defence minister said.",
                "Although the Kremlin has said it was \"concerned\" by the casualties, Moscow kept its ties.",
            ], outlet: "CNA", credits: ["Reuters"])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        let direct = found.filter { $0.kind == .direct }
        #expect(direct.map(\.text) == [
            "Thanks to Russia, our army has become one of the strongest in the region",
            "Myanmar for us is a time-tested strategic partner and reliable ally",
            "We are committed to continue making efforts to strengthen bilateral ties",
        ])
        #expect(direct[0].speaker == "Min Aung Hlaing")
        #expect(direct[0].cue == "cited ... as telling")
        #expect(direct[0].via == ["TASS", "Reuters", "CNA"])
        #expect(speakerMention(page, direct[0]) == "Min Aung Hlaing")
        #expect(direct[1].speaker == "Sergei Shoigu")
        #expect(speakerMention(page, direct[1]) == "Shoigu")
        #expect(direct[1].cue == "said")
        #expect(direct[1].via == ["Reuters", "CNA"])
        #expect(direct[2].speaker == "Sergei Shoigu")
        #expect(speakerMention(page, direct[2]) == "the Russian defence minister")
    }

    @Test func chainDropsConsecutiveDuplicates() {
        let text = "\"Thanks to Russia, our army has become one of the strongest in the region,\" TASS cited Min Aung Hlaing as telling reporters."
        let onTASS = quotes(article([text], outlet: "TASS"))
        #expect(onTASS.first?.via == ["TASS"])
        let onWire = quotes(article([text], outlet: "Reuters", credits: ["Reuters"]))
        #expect(onWire.first?.via == ["TASS", "Reuters"])
        let direct = quotes(
            article(["\"Our army has become one of the strongest,\" Min Aung Hlaing told a meeting."], outlet: "TASS"))
        #expect(direct.first?.via == ["TASS"])
    }

    // MARK: Quote marks

    @Test(arguments: [
        ("“", "”"), ("«", "»"), ("‹", "›"), ("``", "''"), ("\"", "\""), ("‘", "’"),
    ])
    func eachQuoteStyle(open: String, close: String) {
        let page = article(["\(open)We will not give up the fight,\(close) the mayor said on Monday."])
        let found = quotes(page)
        #expect(found.count == 1)
        #expect(found.first?.text == "We will not give up the fight")
        #expect(found.first?.kind == .direct)
        #expect(found.first?.speaker == "the mayor")
        #expect(offsetsHold(page, found))
    }

    @Test func apostrophesAreNotSingleQuotes() {
        let page = article(["The mayor’s aides didn’t comment on the council’s plan for the ‘90s-era buildings."])
        #expect(quotes(page).filter { $0.kind == .direct }.isEmpty)
    }

    @Test func shortScareQuotesAreRejected() {
        let page = article([
            "The ministry called the talks \"important component\" of its policy and said it was \"concerned\" by them.",
            "Officials described the move as \"provocative\".",
        ])
        #expect(quotes(page).filter { $0.kind == .direct }.isEmpty)
    }

    @Test func shortQuoteBesideAVerbIsKept() {
        let page = article(["\"Absolutely not,\" Angela Merkel said when asked about the plan."])
        let found = quotes(page)
        #expect(found.first?.text == "Absolutely not")
        #expect(found.first?.speaker == "Angela Merkel")
    }

    @Test func splitQuoteGivesTwoOccurrencesWithOneSpeaker() {
        let page = article([
            "Finance Minister Maria Lopez spoke after the vote.",
            "“The budget is balanced,” she said, “and we will keep it that way for years.”",
        ])
        let found = quotes(page)
        #expect(found.map(\.text) == ["The budget is balanced", "and we will keep it that way for years."])
        #expect(found.allSatisfy { $0.speaker == "Maria Lopez" })
        #expect(found.allSatisfy { $0.cue == "said" })
        #expect(offsetsHold(page, found))
    }

    @Test func multiParagraphQuoteGivesOneOccurrencePerParagraph() {
        let page = article([
            "Prime Minister Jacinda Ardern addressed parliament on Tuesday.",
            "“We have made a choice as a country to protect lives first.",
            "“That choice has worked, and we will not abandon it now,” Ardern said.",
        ])
        let found = quotes(page)
        #expect(found.map(\.text) == [
            "We have made a choice as a country to protect lives first.",
            "That choice has worked, and we will not abandon it now",
        ])
        #expect(found.allSatisfy { $0.speaker == "Jacinda Ardern" })
        #expect(offsetsHold(page, found))
    }

    @Test func offsetsCountUnicodeScalarsAfterEmojiAndAccents() {
        let page = article([
            "🇷🇺🎉 In Zürich, Señor José Müller met reporters. 👍🏽",
            "“Our café in Zürich will stay open all winter,” José Müller said.",
        ])
        let found = quotes(page)
        #expect(found.count == 1)
        #expect(found.first?.text == "Our café in Zürich will stay open all winter")
        #expect(found.first?.speaker == "José Müller")
        #expect(offsetsHold(page, found))
        let prefix = "🇷🇺🎉 In Zürich, Señor José Müller met reporters. 👍🏽\n\n“"
        #expect(found.first?.start == prefix.unicodeScalars.count)
        #expect(prefix.utf16.count != prefix.unicodeScalars.count)  // the test tells scalars from UTF-16
        #expect(prefix.utf8.count != prefix.unicodeScalars.count)
    }

    @Test func wholeParagraphQuoteContinuesThePreviousSpeaker() {
        let page = article([
            "\"The roads will be fixed before the winter,\" Maria Gonzalez said.",
            "\"Nobody in this town should wait another year for that.\"",
            "The council meets on Friday. \"It is a disgrace,\" a resident wrote in a letter to the paper.",
        ])
        let found = quotes(page).filter { $0.kind == .direct }
        #expect(offsetsHold(page, found))
        #expect(found.count == 3)
        #expect(found.map(\.speaker) == ["Maria Gonzalez", "Maria Gonzalez", "a resident"])
    }
}
