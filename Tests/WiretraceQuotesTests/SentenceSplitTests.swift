import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Where English sentences end (``QuoteExtractor/sentenceIDs(_:inQuote:openMarks:)``), on sentences
/// written for these tests: a rank or style written short before a name ends none. The split is
/// what the tagger is trained on, so it is not switchable.
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
}
