import Testing
@testable import WiretraceEval
import WiretraceQuotes

/// The evaluation metric on examples computed by hand.
@Suite struct QuoteScoringTests {
    private let gold = [GoldQuoteSpan(start: 0, end: 10), GoldQuoteSpan(start: 20, end: 30)]
    private let predicted = [
        PredictedQuoteSpan(start: 5, end: 10),  // covers half of the first gold span
        PredictedQuoteSpan(start: 20, end: 28),  // covers 0.8 of the second
        PredictedQuoteSpan(start: 40, end: 50),  // matches nothing
    ]

    @Test func lenientCountsBothGoldSpans() {
        let c = QuoteScoring.score(gold: gold, predicted: predicted, threshold: 0.3)
        #expect(c.matchedGold == 2 && c.matchedPredicted == 2 && c.predicted == 3)
        #expect(c.recall == 1.0)
        #expect(abs(c.precision - 2.0 / 3.0) < 1e-12)
        #expect(abs(c.f1 - 0.8) < 1e-12)
    }

    @Test func strictNeedsEightTenths() {
        let c = QuoteScoring.score(gold: gold, predicted: predicted, threshold: 0.8)
        #expect(c.matchedGold == 1)
        #expect(c.recall == 0.5)
        #expect(abs(c.precision - 1.0 / 3.0) < 1e-12)
        #expect(abs(c.f1 - 0.4) < 1e-12)
    }

    @Test func theHighestOverlapWins() {
        let g = GoldQuoteSpan(start: 0, end: 100)
        let best = QuoteScoring.bestMatch(g, [PredictedQuoteSpan(start: 0, end: 40), PredictedQuoteSpan(start: 30, end: 100)])
        #expect(best?.0 == 1)
        #expect(abs((best?.1 ?? 0) - 0.7) < 1e-12)
    }

    @Test func onePredictionMayMatchTwoGoldSpans() {
        let c = QuoteScoring.score(gold: gold, predicted: [PredictedQuoteSpan(start: 0, end: 30)], threshold: 0.8)
        #expect(c.matchedGold == 2 && c.matchedPredicted == 1 && c.precision == 1.0)
    }

    @Test func strictSpeakerNeedsTheMentionToOverlapTheGoldSource() {
        let g = GoldQuoteSpan(
            start: 0, end: 10, sources: [50..<65], sourceText: "President Obama", sourceName: "Barack Obama")
        let byMention = PredictedQuoteSpan(start: 0, end: 10, speaker: "Barack Obama", speakerSpan: 60..<65)
        let byName = PredictedQuoteSpan(start: 0, end: 10, speaker: "Barack Obama", speakerSpan: 200..<205)
        let none = PredictedQuoteSpan(start: 0, end: 10)
        #expect(QuoteScoring.speakerIsRight(byMention, gold: g))
        #expect(!QuoteScoring.speakerIsRight(byName, gold: g))  // the right name, written elsewhere
        #expect(!QuoteScoring.speakerIsRight(none, gold: g))
        #expect(QuoteScoring.sameName(byName, gold: g))
    }

    @Test func lenientSpeakerNeedsTheSameFullNameNotAnyNameWord() {
        // A surname shared with the gold source is not enough: Bill is not Hillary Clinton.
        let g = GoldQuoteSpan(
            start: 0, end: 10, sources: [50..<57], sourceText: "Clinton", sourceName: "Hillary Clinton")
        let bill = PredictedQuoteSpan(start: 0, end: 10, speaker: "Bill Clinton", speakerSpan: 120..<132)
        let hillary = PredictedQuoteSpan(start: 0, end: 10, speaker: "hillary  Clinton", speakerSpan: 120..<135)
        #expect(!QuoteScoring.sameName(bill, gold: g))
        #expect(QuoteScoring.sameName(hillary, gold: g))
        let c = QuoteScoring.score(gold: [g], predicted: [bill], threshold: 0.5)
        #expect(c.speakerJudged == 1 && c.speakerCorrect == 0 && c.speakerCorrectLenient == 0)
        let d = QuoteScoring.score(gold: [g], predicted: [hillary], threshold: 0.5)
        #expect(d.speakerCorrect == 0 && d.speakerCorrectLenient == 1)
        #expect(d.speakerAccuracy == 0 && d.lenientSpeakerAccuracy == 1)
    }

    @Test func goldSourceNamesResolveLikePredictedSpeakers() {
        let text = "Senator Maria Lopez spoke in Ohio. Her deputy Ana Lopez stayed home. Later she said the plan would pass."
        let names = SpeakerNames(text: text)
        let scalars = Array(text.unicodeScalars)
        let she = (0..<(scalars.count - 3)).first { String(String.UnicodeScalarView(scalars[$0..<($0 + 4)])) == " she" }! + 1
        #expect(names.name(of: 8..<19) == "Maria Lopez")
        // "she" resolves to the nearest person before it, as the extractor's resolver does.
        #expect(names.name(of: she..<(she + 3)) == "Ana Lopez")
    }

    @Test func speakerAccuracyIsOverMatchedSpansWithASource() {
        let spans = [
            GoldQuoteSpan(start: 0, end: 10, sources: [50..<55], sourceText: "Smith"),
            GoldQuoteSpan(start: 20, end: 30, sources: [60..<65], sourceText: "Jones"),
            GoldQuoteSpan(start: 40, end: 45),  // no source: not judged
            GoldQuoteSpan(start: 70, end: 80, sources: [90..<95], sourceText: "Brown"),  // unmatched
        ]
        let predictions = [
            PredictedQuoteSpan(start: 0, end: 10, speaker: "John Smith", speakerSpan: 51..<55),
            PredictedQuoteSpan(start: 20, end: 30, speaker: "John Smith", speakerSpan: 51..<55),
            PredictedQuoteSpan(start: 40, end: 45, speaker: "John Smith", speakerSpan: 51..<55),
        ]
        let c = QuoteScoring.score(gold: spans, predicted: predictions, threshold: 0.3)
        #expect(c.speakerJudged == 2 && c.speakerCorrect == 1 && c.speakerAccuracy == 0.5)
    }

    @Test func directMeansMostLettersBetweenQuoteMarks() {
        let text = Array("Lawmakers in the state capital argued for hours, and he said \"the plan is good\" today.".unicodeScalars)
        let quoted = Array(text.indices).filter { text[$0] == "\"" }
        #expect(QuoteScoring.isDirect((quoted[0] + 1)..<quoted[1], in: text))
        #expect(!QuoteScoring.isDirect(0..<text.count, in: text))
        let ptb = Array("He said `` we will win '' .".unicodeScalars)
        #expect(QuoteScoring.isDirect(11..<22, in: ptb))
        #expect(!QuoteScoring.isDirect(0..<7, in: ptb))
        // German marks: „…“ and »…«; the words after the closing mark are not quoted.
        let german = Array("Er sagte: „Wir bleiben hier.“ Danach ging er lange nach Hause.".unicodeScalars)
        #expect(QuoteScoring.isDirect(11..<28, in: german))
        #expect(!QuoteScoring.isDirect(30..<german.count, in: german))
        let reversed = Array("Sie rief: »Kommt sofort!« Dann schwieg sie eine ganze Weile lang.".unicodeScalars)
        #expect(QuoteScoring.isDirect(10..<24, in: reversed))
        #expect(!QuoteScoring.isDirect(26..<reversed.count, in: reversed))
    }

    @Test func countsAddUp() {
        let a = QuoteScoring.score(gold: gold, predicted: predicted, threshold: 0.3)
        let sum = a + a
        #expect(sum.gold == 4 && sum.matchedGold == 4 && sum.predicted == 6 && sum.precision == a.precision)
    }
}
