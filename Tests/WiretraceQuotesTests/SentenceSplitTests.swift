import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Where English sentences end (``QuoteExtractor/sentenceIDs(_:inQuote:openMarks:)``), on sentences
/// written for these tests: a rank or style written short before a name ends none, and a closing
/// quote mark after ".", "!" or "?" ends one when a capitalised word follows that opens no
/// attribution. The split is what the tagger is trained on, so it is not switchable.
@Suite struct SentenceSplitTests {
    /// The sentence number of the first token of each `words`.
    private func sentences(_ text: String, _ words: [String]) -> [Int?] {
        let input = TaggerInput.make(ScalarText(text))
        return words.map { word in input.tokens.firstIndex { $0.text == word }.map { input.sentence[$0] } }
    }

    private func oneSentence(_ text: String, _ first: String, _ last: String) -> Bool {
        let ids = sentences(text, [first, last])
        return ids[0] != nil && ids[0] == ids[1]
    }

    // MARK: ranks written short

    @Test(arguments: [
        "According to Const. Megan Tolliver, the bridge stayed shut overnight.",
        "Sgt. Amrit Gill said officers found the missing hiker near the trail.",
        "The award went to Cpl. Dana Ferris of the local detachment.",
        "Supt. Rhea Okafor and Insp. Luis Brandt briefed the board.",
        "A letter from the Hon. Carla Voss reached the committee.",
        "Coun. Peter Lind voted against the budget.",
    ])
    func rankWrittenShortEndsNoSentence(_ text: String) {
        let words = text.split(separator: " ").map { String($0.trimmingCharacters(in: .punctuationCharacters)) }
        #expect(oneSentence(text, words.first!, words.last!))
    }

    @Test func rankWrittenShortKeepsTheSpeaker() {
        let page = article(["According to Const. Megan Tolliver, the bridge stayed shut overnight after the crash."])
        let found = quotes(page, model: .shared, off: []).first { $0.text.contains("stayed shut") }
        #expect(found?.speaker == "Megan Tolliver")
    }

    @Test func fullStopAfterAnOrdinaryWordStillEnds() {
        let ids = sentences("The crew worked until dawn. Sgt. Amrit Gill thanked them.", ["crew", "Sgt"])
        #expect(ids[0] != ids[1])
    }

    // MARK: a closing quote mark

    @Test(arguments: [
        "She said: \u{201C}The whole scheme ran amok.\u{201D} However, the council kept it for another year.",
        "He asked: \u{201C}Who pays for this?\u{201D} Nobody on the board answered him.",
        "The sign read \"Closed for repairs!\" Workers left the site at noon.",
    ])
    func closingMarkAfterAFullStopEndsTheSentence(_ text: String) {
        let words = text.split(separator: " ").map { String($0.trimmingCharacters(in: .punctuationCharacters)) }
        #expect(!oneSentence(text, words.first!, words.last!))
    }

    @Test func reportEndsWithTheQuotedSentence() throws {
        let page = article([
            "Ann Berg said the new parking rules had \u{201C}run completely amok.\u{201D} However, the council kept them for another year.",
        ])
        let found = quotes(page, model: .empty, off: [])
        #expect(offsetsHold(page, found))
        let report = try #require(found.first { $0.text.contains("parking rules") })
        #expect(!report.text.contains("council"))
    }

    @Test(arguments: [
        // No full stop before the closing mark.
        "\u{201C}We will rebuild the arena,\u{201D} said Mayor Ann Berg.",
        "\u{201C}We will rebuild the arena\u{201D} Ann Berg said at the rally.",
        // An attribution after the closing mark.
        "\u{201C}We will rebuild the arena.\u{201D} Ann Berg said at the rally.",
        "\u{201C}Who pays for this?\u{201D} Prime Minister Ann Berg asked the room.",
        "\u{201C}Who pays for this?\u{201D} Mr. Tom Reyes asked the room.",
        // A lower-case word after the closing mark.
        "\u{201C}We will rebuild the arena.\u{201D} she said at the rally.",
    ])
    func closingMarkBeforeAnAttributionEndsNoSentence(_ text: String) {
        let words = text.split(separator: " ").map { String($0.trimmingCharacters(in: .punctuationCharacters)) }
        #expect(oneSentence(text, words.first!, words.last!))
    }
}
