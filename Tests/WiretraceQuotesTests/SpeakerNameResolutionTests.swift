import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Resolution of a speaker mention to the person's full name: given names and honorifics for
/// "he"/"she", an honorific telling apart two persons with one surname, and a role written in
/// apposition after a name for a later role noun. Each test fails with its option switched off.
@Suite struct SpeakerNameResolutionTests {
    func speaker(_ paragraphs: [String], of words: String, off: [String] = []) -> String? {
        quotes(article(paragraphs), model: .shared, off: off).first { $0.text.contains(words) }?.speaker
    }

    @Test func givenNameShowsGender() {
        let text = [
            "Grace Nakamura, the union's president, spoke outside the hotel.",
            "Negotiator Tom Avery had left an hour earlier.",
            "She said members would vote on the offer next week.",
        ]
        #expect(speaker(text, of: "vote on the offer") == "Grace Nakamura")
        #expect(speaker(text, of: "vote on the offer", off: ["givenNameGender"]) != "Grace Nakamura")
    }

    @Test func honorificChoosesAmongSharedSurnames() {
        let text = [
            "Maria Lopes runs the clinic with her husband, David Lopes.",
            "Mrs. Lopes said the waiting list had grown to three months.",
        ]
        #expect(speaker(text, of: "waiting list") == "Maria Lopes")
        #expect(speaker(text, of: "waiting list", off: ["honorificSurnames"]) == "David Lopes")
    }

    @Test func honorificShowsGenderForPronouns() {
        let text = [
            "Dana Whitlock and Robin Brandt met with residents on Monday.",
            "Ms. Whitlock spoke first about the noise from the rail yard.",
            "Mr. Brandt answered questions about the schedule.",
            "She said the city would pay for new sound walls.",
        ]
        #expect(speaker(text, of: "new sound walls") == "Dana Whitlock")
        #expect(speaker(text, of: "new sound walls", off: ["honorificSurnames"]) == "Robin Brandt")
    }

    @Test func appositiveRoleNamesTheLaterRoleNoun() {
        let text = [
            "Kevin Moreau, a spokesman for the utility, said crews were working through the night.",
            "The spokesman said power would be restored to most homes by noon.",
        ]
        #expect(speaker(text, of: "restored to most homes") == "Kevin Moreau")
        #expect(speaker(text, of: "restored to most homes", off: ["appositiveRoles"]) == "The spokesman")
    }

    @Test func distantPronounAgreesInGender() {
        let text = [
            "Sandra Milliken has run the food bank for twelve years.",
            "Her predecessor, Gordon Blake, retired in the spring of that year.",
            "Volunteers from three churches sort donations there every week.",
            "A local grocer delivers bread on Fridays.",
            "The shelves were nearly empty on Monday.",
            "She said demand had doubled since the spring.",
        ]
        #expect(speaker(text, of: "demand had doubled") == "Sandra Milliken")
        #expect(speaker(text, of: "demand had doubled", off: ["distantPronounAgreement"]) == "Gordon Blake")
    }

    @Test func nameInsideTheQuoteIsNotThePronoun() {
        let text = [
            "Rachel Dumont chairs the library board.",
            "\u{201C}We asked Robin Lebel to wait until the audit was done,\u{201D} she said.",
        ]
        #expect(speaker(text, of: "asked Robin Lebel") == "Rachel Dumont")
        #expect(speaker(text, of: "asked Robin Lebel", off: ["quotedNamesNotAntecedents"]) == "Robin Lebel")
    }
}
