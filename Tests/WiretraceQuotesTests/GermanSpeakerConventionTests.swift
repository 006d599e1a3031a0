import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker mentions of German quotes, in order.
private func mentions(_ text: String) -> [String?] {
    let page = Article(id: "t", source: "t", text: text, language: "de")
    return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
}

/// A participial phrase of speaking before a colon, on texts written for these tests.
@Suite struct GermanParticipleSpeakerTests {
    @Test func theSubjectOfTheClauseSpeaksNotTheObjectOfTheParticiple() {
        let text = "Der Bote trat in die Halle, mit lauter Stimme die Nachricht verkündend: „Der Fluss ist über die Ufer getreten!“"
        #expect(mentions(text) == ["Der Bote"])
    }

    @Test func aParticipleOfMannerThatIsNoSpeechVerbStillHangsOnTheSubject() {
        let text = "Der Kapitän blickte lange auf das Meer, leise vor sich hin murmelnd: „Das wird eine schwere Nacht werden.“"
        #expect(mentions(text) == ["Der Kapitän"])
    }

    @Test func theSubjectAfterAnAsideIsFoundInItsOwnClause() {
        let text = "Am Fenster stand, vom Licht der Lampe beschienen, eine alte Frau, die Hände zum Himmel hebend: "
            + "„Gott schütze dieses Haus und alle, die darin wohnen!“"
        #expect(mentions(text) == ["eine alte Frau"])
    }

    @Test func aParticipleOfAVerbInErnIsRead() {
        let text = "Die Magd blieb an der Tür stehen, ein wenig zögernd: „Der Herr lässt fragen, ob Sie heute noch ausgehen.“"
        #expect(mentions(text) == ["Die Magd"])
    }

    @Test func aPronounSubjectSpeaksThroughTheParticiple() {
        let text = "Der Wagen hielt vor dem Tor. Er sprang heraus, den Hut schwenkend: „Da bin ich wieder, ihr Leute!“"
        #expect(mentions(text) == ["Er"])
    }
}
