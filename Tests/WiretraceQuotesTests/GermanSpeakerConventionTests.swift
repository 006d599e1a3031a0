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

/// Which mention a German quote's speaker is exported with, on texts written for these tests: the
/// mention the attribution rests on.
@Suite struct GermanTurnMentionTests {
    @Test func aTurnWithNoVerbRestsOnTheNamingItsPronounStandsFor() {
        // The third quote answers the servant's question: the countess's turn, told by no verb of
        // its own; its mention is the naming `sie` stood for, not `sie` again.
        let text = "Die Gräfin Adele saß am Fenster. „Heute kommt niemand mehr“, sagte sie. „Glauben Sie wirklich?“ "
            + "fragte der Diener. „Bei diesem Wetter bleibt jeder zu Hause.“"
        #expect(mentions(text) == ["sie", "der Diener", "Die Gräfin Adele"])
    }

    @Test func aMaleSpeakersTurnRestsOnHisNaming() {
        let text = "Der Förster Konrad Haller trat in die Mühle. „Das Wasser steigt noch immer“, sagte er. "
            + "„Wie hoch steht es am Wehr?“ fragte der Müller. „Eine Elle über der Marke, und es regnet weiter.“"
        #expect(mentions(text) == ["er", "der Müller", "Der Förster Konrad Haller"])
    }

    @Test func aQuoteSplitByItsOwnVerbKeepsThePronoun() {
        // The second piece is the same statement, attributed by `sagte er`: no turn.
        let text = "Der Förster Konrad Haller trat in die Mühle. „Das Wasser steigt“, sagte er, „und es regnet weiter.“"
        #expect(mentions(text) == ["er", "er"])
    }
}

/// A quoted name given by a verb of naming, on texts written for these tests.
@Suite struct GermanNamingQuoteTests {
    @Test func aNameGivenWithAParticipleLastIsTheSubjectsWord() {
        let text = "Der Abgeordnete Brenner hat die neue Steuer im Landtage einen „Raubzug“ genannt. Die Mehrheit schwieg dazu."
        #expect(mentions(text) == ["Der Abgeordnete Brenner"])
    }

    @Test func aNameGivenWithAFiniteVerbIsTheSubjectsWord() {
        let text = "Der Minister nannte den Vorschlag der Opposition einen „Schlag ins Wasser“. Niemand widersprach ihm."
        #expect(mentions(text) == ["Der Minister"])
    }

    @Test func aQuotedNameWithNoVerbOfNamingIsNoQuote() {
        // A one-word quoted name with no speaker stays out, as before.
        let text = "Das Gasthaus „Adler“ liegt am Markt. Der Wirt ist ein freundlicher Mann aus Tirol."
        #expect(mentions(text) == [])
    }
}
