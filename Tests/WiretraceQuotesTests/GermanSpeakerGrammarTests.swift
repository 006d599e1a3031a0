import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speakers' resolved names of German quotes, in order.
private func names(_ text: String) -> [String?] {
    QuoteExtractor().quotes(in: Article(id: "t", source: "t", text: text, language: "de")).map(\.speaker)
}

/// The speaker mentions of German quotes, in order.
private func mentions(_ text: String) -> [String?] {
    let page = Article(id: "t", source: "t", text: text, language: "de")
    return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
}

/// Turns of a German dialogue told paragraph by paragraph, on texts written for these tests.
@Suite struct GermanParagraphTurnTests {
    @Test func aBareParagraphInAnExchangeIsTheOtherPartysTurn() {
        let text = "Der Fischer saß am Ufer.\n\n„Beißen sie heute gut?“ fragte der Jäger.\n\n"
            + "„Kein einziger Fisch seit dem Morgen,“ brummte der Fischer.\n\n„Dann versuch es doch weiter oben am Wehr.“\n\n"
            + "„Dort war ich schon gestern den ganzen Tag.“"
        #expect(mentions(text) == ["der Jäger", "der Fischer", "der Jäger", "der Fischer"])
    }

    @Test func theRestOfTheAttributingSentenceStillLeavesTheTurnToTheOther() {
        let text = "„Habt Ihr Zimmer frei?“ fragte der Reisende.\n\n„Zwei, oben unter dem Dach,“ sagte der Wirt mürrisch.\n\n"
            + "„Dann nehme ich das größere von beiden.“"
        #expect(mentions(text) == ["der Reisende", "der Wirt", "der Reisende"])
    }

    @Test func withoutAnExchangeABareParagraphKeepsItsSpeaker() {
        // News copy goes on in a speaker's words in the next paragraph: one party, no turn.
        let text = "„Die Steuer bleibt, wie sie ist“, sagte Kämmerer Lutz.\n\n„Wir haben in diesem Jahr keine andere Wahl.“"
        #expect(mentions(text) == ["Kämmerer Lutz", "Kämmerer Lutz"])
    }

    @Test func aQuoteAfterTheAttributingSentenceGoesOnInTheSameWords() {
        let text = "„Ganz recht,“ sagte der Lehrer und lächelte dabei. „Morgen gehen wir alle hinaus in den Wald.“"
        #expect(mentions(text) == ["der Lehrer", "der Lehrer"])
    }

    @Test func aSpeechVerbInTheNextParagraphTellsNothingOfTheQuote() {
        let text = "„Morgen wird das Wetter wieder besser sein.“\n\nDer Knecht sagte nichts und ging hinaus."
        #expect(mentions(text) == [nil])
    }
}

/// German subjects a speaker is read from, on texts written for these tests.
@Suite struct GermanSpeakerSubjectTests {
    @Test func aPluralSubjectBeforeAQuoteIsPassedForTheSentenceBefore() {
        let text = "Der Pfarrer trat an das Fenster. Die Kinder drängten sich um ihn. „Morgen gehen wir alle zusammen in den Wald.“"
        #expect(mentions(text) == ["Der Pfarrer"])
    }

    @Test func aCrowdWordIsNoSpeaker() {
        let text = "Die Wirtin stellte den Krug auf den Tisch. Alles lachte. „Nun trinkt nur, ihr Herren, es ist genug da.“"
        #expect(mentions(text) == ["Die Wirtin"])
    }

    @Test func theNounOfAPrepositionalPhraseIsNoSubject() {
        let text = "Gegen sieben Uhr kam endlich der Bote ins Haus. „Der Brief muss noch heute zur Post.“"
        #expect(mentions(text) == ["Bote"])
    }

    @Test func aPronounAfterASubordinatingConjunctionIsTheSubject() {
        let text = "Wie sie im letzten Akt dem Bruder die Worte entgegenschleudert: „Du hast uns alle verraten!“, das bleibt unvergessen."
        #expect(mentions(text) == ["sie"])
    }

    @Test func aRelativeClauseWithItsVerbLastSpeaksForTheNounBefore() {
        // The mention reaches to the relative pronoun; the name is the noun.
        let text = "Die Taufe vollzog die Tochter des Reeders, die mit lauter Stimme die Worte sprach: „Ich taufe dich auf den Namen Möwe.“"
        #expect(mentions(text) == ["die Tochter des Reeders, die"])
        #expect(names(text) == ["Tochter des Reeders"])
    }

    @Test func aRelativeClauseWithASubjectOfItsOwnIsNoSpeaker() {
        let text = "Er wiederholte die Worte, die der Pfarrer sprach: „Bleibt einander treu bis zum Ende.“"
        #expect(mentions(text) != ["die Worte, die"])
    }

    @Test func anAppositionBeforeAColonClauseBelongsToTheMention() {
        let text = "Stadtrat Kramer, der Wirt vom Goldenen Anker, erhob sofort Einspruch: „Das kann die Stadt nicht bezahlen.“"
        #expect(mentions(text) == ["Stadtrat Kramer, der Wirt vom Goldenen Anker"])
        #expect(names(text) == ["Stadtrat Kramer"])
    }

    @Test func anObliqueObjectIsNeverTheSpeaker() {
        let text = "Sein Lehrer, der alte Rektor, soll dem Vater gesagt haben: „Aus dem Jungen wird noch etwas.“"
        #expect(mentions(text) == ["Sein Lehrer, der alte Rektor"])
    }

    @Test func aColonEndingTheParagraphIntroducesTheQuoteOfTheNext() {
        let text = "Die Kirche war voll.\n\nIn seiner Predigt sagte der Pfarrer unter anderem:\n\n„Bleibt einander treu, wie ihr mir treu gewesen seid.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.map { speakerMention(page, $0) } == ["der Pfarrer"])
        #expect(found.first?.cue == "sagte")
    }

    @Test func aQuoteLeftOpenGoesOnInTheNextParagraph() {
        let text = "Der Pfarrer sprach: „Liebe Gemeinde! Als ich vor vielen Jahren hier stand, war ich noch jung.\n\n"
            + "„Aber eines habe ich gelernt: daß die Treue mehr zählt als jeder Plan.“"
        #expect(mentions(text) == ["Der Pfarrer", "Der Pfarrer"])
    }
}

/// German attributions after a quote, on texts written for these tests.
@Suite struct GermanInsertedAttributionTests {
    @Test func soBeforeAnInvertedVerbAttributesBothPieces() {
        let text = "Der Rat tagte lange. „Die Brücke,“ so erklärte er, „wird im Frühjahr fertig sein.“"
        #expect(mentions(text) == ["er", "er"])
    }

    @Test func aNounAfterANumberAndAHyphenIsASpeaker() {
        let text = "Der Kapitän sah es ähnlich. „Das tut weh, weil wir viel vorhatten“, so der 29-Jährige."
        #expect(mentions(text) == ["der 29-Jährige"])
    }

    @Test func verbsOfPraiseAndBlameAreSpeechVerbs() {
        let text = "Das Spiel war vorbei. „Das war ein schwaches Spiel von uns“, kritisierte der Trainer. „Wir müssen mehr laufen.“"
        #expect(mentions(text) == ["der Trainer", "der Trainer"])
    }
}

/// Speakers of German news copy: papers, documents and institutions speaking, reports of sittings,
/// on texts written for these tests.
@Suite struct GermanNewsSpeakerTests {
    @Test func aTwoLetterParticleEndsItsSentence() {
        // `an.`, `ab.`, `zu.` end a sentence as any word does: they are no abbreviations, so the
        // sentence before is not read as the colon clause's subject.
        let text = "Der Streik der Weber hält an. Die Behörde hat dazu eine Bekanntmachung erlassen: „Die Fabriken bleiben bis Montag geschlossen.“"
        #expect(mentions(text) == ["Die Behörde"])
        let ab = "Der Zug fuhr pünktlich ab. Der Schaffner hatte dafür nur ein Wort übrig: „Endlich wieder nach Plan gefahren.“"
        #expect(mentions(ab) == ["Der Schaffner"])
    }

    @Test func aPronounOpeningTheClauseIsItsSubjectNotThePronounAfterTheVerb() {
        let text = "Der Kassierer brachte die Bücher mit. Er reichte sie dem Richter und fügte hinzu: „Jede Seite ist von mir unterschrieben.“"
        #expect(mentions(text) == ["Er"])
    }

    @Test func aDocumentAfterInIsTheSourceOfHeißtEs() {
        let text = "Der Verein hat sich an den Landtag gewandt. In der Eingabe des Vorstandes heißt es: „Die Gemeinden können die Last nicht länger tragen.“"
        #expect(mentions(text) == ["der Eingabe des Vorstandes"])
        let after = "Der Verein hat sich an den Landtag gewandt. Es heißt in der Eingabe: „Die Gemeinden können die Last nicht länger tragen.“"
        #expect(mentions(after) == ["der Eingabe"])
    }

    @Test func heißtEsWithNoDocumentNamesNoSpeaker() {
        let text = "Der Herbst kam früh in diesem Jahr. Weiter unten heißt es: „Die Äpfel sind schon alle gepflückt und verkauft.“"
        #expect(mentions(text) == [nil])
    }

    @Test func nachAnsichtNamesItsSource() {
        let text = "Nach Ansicht des Handelsministers ist die Lage „ernst, aber keineswegs hoffnungslos“."
        #expect(mentions(text) == ["des Handelsministers"])
        let meinung = "Nach der Meinung des Vereins wäre das neue Gesetz „ein schwerer Schlag für jeden kleinen Handwerker“."
        #expect(mentions(meinung) == ["des Vereins"])
    }
}
