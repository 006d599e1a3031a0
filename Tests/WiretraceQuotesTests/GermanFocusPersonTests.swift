import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker mentions of a German text's quotes, in order, with the focus person on or off.
private func mentions(_ text: String, focus: Bool = true) -> [String?] {
    var options = MultilingualQuoteOptions()
    options.focusPerson = focus
    return germanSpeakerMentions(text, options)
}

/// A quote with no verb after narrative sentences about things rests on the person the narrative
/// is about (``MultilingualQuoteOptions/focusPerson``), on passages written for these tests.
@Suite struct GermanFocusPersonTests {
    @Test func aThingBeforeTheQuoteGivesWayToThePersonsPronoun() {
        let text = "Der Zimmermann Balthasar Reuß kam am Abend müde von der Baustelle. Er setzte sich an den Tisch "
            + "und schnitt das Brot. Die Lampe flackerte, und der Wind rüttelte am Fenster. "
            + "„Morgen decken wir das Dach, ob es regnet oder nicht.“"
        #expect(mentions(text) == ["Er"])
        #expect(mentions(text, focus: false) != ["Er"])
    }

    @Test func aListenerNamedAsAnObjectIsNoFocus() {
        // The widow is named only as an object (`die kranke Witwe`, `ihr`): the doctor speaks.
        let text = "Der Landarzt Veit Lohmann besuchte am Morgen die kranke Witwe. Er fühlte ihr lange den Puls. "
            + "Das Zimmer war eiskalt. „Sie müssen mehr heizen, sonst werden Sie den Winter nicht überstehen.“"
        #expect(mentions(text) == ["Er"])
        #expect(mentions(text, focus: false) != ["Er"])
    }

    @Test func aBareNameAfterItsFullerNamingIsAPerson() {
        let text = "Der Müller Florian Haag stand seit dem frühen Morgen in der Mühle. Haag schüttete Korn in den Trichter. "
            + "Der Mühlstein knirschte, und das Wasser rauschte über das Rad. „Dieses Jahr wird das Mehl nicht reichen.“"
        #expect(mentions(text) == ["Haag"])
        #expect(mentions(text, focus: false) != ["Haag"])
    }

    @Test func aWomansRoleNounIsAPerson() {
        let text = "Die Schneiderin saß am Fenster über ihrer Arbeit. Der Regen trommelte auf das Blech des Simses. "
            + "„Bis Sonntag schaffe ich das Kleid nicht mehr.“"
        #expect(mentions(text) == ["Die Schneiderin"])
        #expect(mentions(text, focus: false) != ["Die Schneiderin"])
    }

    @Test func thePronounOfAMainClauseAfterAnAdverbialIsTheFocus() {
        let text = "Die Wirtin Gertrud Hollerbach führte das Gasthaus seit dem Tod ihres Mannes. Jeden Abend zählte sie "
            + "die Kasse. Das Geld reichte kaum für die Pacht. „So kann es nicht bleiben, ich verkaufe im Frühjahr.“"
        #expect(mentions(text) == ["sie"])
        #expect(mentions(text, focus: false) != ["sie"])
    }

    @Test func aPronounOfAThingIsNoFocus() {
        // `Sie` stands for the ballad, not a person: the poet's `Er` before it is the focus.
        let text = "Der Dichter Konrad Weil saß lange über dem Manuskript. Er strich eine Strophe nach der anderen. "
            + "Die Ballade war zu lang geraten. Sie handelte von einem Ritter und seiner Braut. "
            + "Die Kerze war fast heruntergebrannt. „Morgen schicke ich sie trotzdem an den Verleger.“"
        #expect(mentions(text) == ["Er"])
    }

    @Test func aBareNameTheTextCapitalisesInsideASentenceIsAPerson() {
        // `Wegener` opens its sentence, but `zu Wegener` shows a name: it speaks, not the messenger.
        let text = "Der Bote brachte den Brief am Mittag zu Wegener. Wegener las ihn zweimal. "
            + "„Das hätte ich von meinem Bruder nicht erwartet.“"
        #expect(mentions(text) == ["Wegener"])
    }

    @Test func aPersonSubjectRightBeforeTheQuoteIsKept() {
        // The rule reads only past things: a person as the subject before the quote speaks, as before.
        let text = "Die Bäuerin Agnes Vollmer sah aus dem Fenster. Der Knecht kam über den Hof. "
            + "„Die Kuh im hinteren Stall kalbt heute Nacht.“"
        #expect(mentions(text) == ["Der Knecht"])
        #expect(mentions(text, focus: false) == ["Der Knecht"])
    }

    @Test func noPersonBeforeTheQuoteLeavesTheThing() {
        // No subject names a person back to the paragraph's start: nothing replaces the earlier choice.
        let text = "Der Sturm tobte die ganze Nacht. Die Fensterläden schlugen gegen die Mauer. Das Feuer im Ofen "
            + "war erloschen. „Wer jetzt draußen ist, dem gnade Gott.“"
        #expect(mentions(text) == mentions(text, focus: false))
    }

    @Test func aQuoteBetweenStopsTheSearch() {
        // A quote between is the last speaker's: the focus is read only after it.
        let text = "Der Kutscher Matthias Eder hielt die Pferde an. „Weiter fahre ich nicht“, sagte der Reisende. "
            + "Das Rad war gebrochen. „Dann gehen wir eben zu Fuß.“"
        #expect(mentions(text) == mentions(text, focus: false))
    }
}

/// Which German subject phrases name a person (``SpeakerPhrases/namesPerson(_:earlier:)``).
@Suite struct GermanPersonPhraseTests {
    private func names(_ text: String, _ words: Int) -> Bool {
        let tokens = Tokenizer.tokens(ScalarText(text))
        let reader = SpeakerPhrases(tokens: tokens, lexicon: .german)
        return reader.namesPerson(0...(words - 1))
    }

    @Test func personsAndThings() {
        #expect(names("Der Förster kam.", 2))
        #expect(names("Die Ärztin kam.", 2))
        #expect(names("Kapitän Ole Jessen kam.", 3))
        #expect(names("Der alte Knecht kam.", 3))
        #expect(names("Er kam.", 1))
        #expect(!names("Der Nebel kam.", 2))
        #expect(!names("Die Lampe rußte.", 2))
        #expect(!names("Draußen regnete es.", 1))
        #expect(!names("Das Stadion leerte sich.", 2))
    }
}

/// The German focus probe's train part (`fixtures/quotes/german-focus-probe-train.jsonl`: 26
/// passages written for Wiretrace in which a person is introduced, narrative sentences follow and a
/// quote with no verb closes; the last 11 make a second person the subject between two quotes).
/// Before the focus person: speaker 2/16 on the first 15; main at 46cdc2a: 35/39 on all 26; with
/// the subject between (``MultilingualQuoteOptions/subjectBetween``) 36/39.
@Suite struct GermanFocusProbeTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/quotes/german-focus-probe-train.jsonl")

    @Test func focusProbeHoldsItsFloor() throws {
        let score = try GermanProbeTests.score(path: Self.path)
        #expect(score.direct == 39)
        #expect(score.speaker >= 0.85, "speaker accuracy \(score.speaker) (\(score.right)/\(score.judged))")
        var options = QuoteExtractorOptions()
        options.multilingual.focusPerson = false
        let without = try GermanProbeTests.score(path: Self.path, options: options)
        #expect(without.right < score.right, "focusPerson off: \(without.right)/\(without.judged), on: \(score.right)/\(score.judged)")
        var noBetween = QuoteExtractorOptions()
        noBetween.multilingual.subjectBetween = false
        let before = try GermanProbeTests.score(path: Self.path, options: noBetween)
        #expect(before.right < score.right, "subjectBetween off: \(before.right)/\(before.judged), on: \(score.right)/\(score.judged)")
    }
}
