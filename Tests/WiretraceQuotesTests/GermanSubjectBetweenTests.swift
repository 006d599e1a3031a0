import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker mentions of a German text's quotes, in order, with the subject between on or off.
private func mentions(_ text: String, between: Bool = true) -> [String?] {
    var options = MultilingualQuoteOptions()
    options.subjectBetween = between
    return germanSpeakerMentions(text, options)
}

/// A person who becomes the subject between two quotes speaks the second one, when it has no verb
/// (``MultilingualQuoteOptions/subjectBetween``), on passages written for these tests.
@Suite struct GermanSubjectBetweenTests {
    @Test func aMainClauseJoinedToTheAttributionGivesItsSubject() {
        let text = "„Der Brunnen ist versiegt“, sagte der Schmied, und die Witwe ließ den Eimer sinken. "
            + "„Dann holen wir das Wasser eben vom Fluss.“"
        #expect(mentions(text) == ["der Schmied", "die Witwe"])
        #expect(mentions(text, between: false) == ["der Schmied", "der Schmied"])
    }

    @Test func aPronounOfTheOtherGenderIsAnotherPerson() {
        // `sie` is not the smith: the widow he spoke to.
        let text = "„Der Brunnen ist versiegt“, sagte der Schmied zu der Witwe, und sie ließ den Eimer sinken. "
            + "„Dann holen wir das Wasser eben vom Fluss.“"
        #expect(mentions(text) == ["der Schmied", "sie"])
        #expect(mentions(text, between: false) == ["der Schmied", "der Schmied"])
    }

    @Test func anInvertedSubjectAfterAnAdverbCounts() {
        let text = "„Wer hat das Tor offen gelassen?“ rief der Gutsverwalter, und da trat die Magd Afra aus dem Stall. "
            + "„Das war der Wind, der hat es aufgedrückt.“"
        #expect(mentions(text).last == "die Magd Afra")
        #expect(mentions(text, between: false).last != "die Magd Afra")
    }

    @Test func theLastSpeakerAsSubjectOrAPronounOfHisGenderGoesOn() {
        let same = "„Der Brunnen ist versiegt“, sagte der Schmied, und er wischte sich die Stirn. "
            + "„Im August war es genauso.“"
        // Without the gender check `er` would be taken for another person.
        #expect(mentions(same) == mentions(same, between: false))
    }

    @Test func subordinateClausesAndObjectsAreNoSubjects() {
        let subordinate = "„Der Brunnen ist versiegt“, sagte der Schmied, während die Witwe den Eimer sinken ließ. "
            + "„Im August war es genauso.“"
        #expect(mentions(subordinate).last == "der Schmied")
        let object = "„Der Brunnen ist versiegt“, sagte der Schmied und reichte der Witwe den leeren Eimer. "
            + "„Im August war es genauso.“"
        #expect(mentions(object).last == "der Schmied")
    }

    @Test func aQuoteAfterANarrativeSubjectsQuoteGoesOnInTheirWords() {
        // The pedlar became the subject and spoke; the next verbless quote is his, not the
        // ferryman's turn by strict alternation.
        let text = "„Die Fähre geht heute nicht mehr hinüber“, sagte der Fährmann. Der Hausierer stellte seinen Koffer ab. "
            + "„Dann warte ich eben hier bis morgen früh.“ „Ein Gasthaus wird es im Dorf ja wohl geben.“"
        #expect(mentions(text) == ["der Fährmann", "Der Hausierer", "Der Hausierer"])
        #expect(mentions(text, between: false).last == "der Fährmann")
    }

    @Test func anAnswerWordStillTurnsToTheOtherParty() {
        let text = "„Die Fähre geht heute nicht mehr hinüber“, sagte der Fährmann. Der Hausierer stellte seinen Koffer ab. "
            + "„Dann warte ich eben hier bis morgen früh.“ „Nein, im Winter ist das Gasthaus geschlossen.“"
        #expect(mentions(text).last == "der Fährmann")
    }
}
