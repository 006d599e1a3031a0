import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// German speaker forms beyond "X sagte": titles, speech nouns before a colon, inserted and
/// "so"/"heißt es bei" forms, genitives, on sentences written for these tests.
@Suite struct GermanSpeakerFormTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var mention: String?
        var quotes = 1
        /// The resolved speaker, when it is not the mention's words.
        var speaker: String? = nil
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Die Sitzung begann spät. Dr. Hartmann erklärte: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Dr. Hartmann"),
        Case(text: "Die Sitzung begann spät. Prof. Dr. Lenz sagte: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Prof. Dr. Lenz"),
        Case(text: "Die Sitzung begann spät. Minister Albrecht sagte: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Minister Albrecht"),
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, so Dr. Hartmann.",
             mention: "Dr. Hartmann"),
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer“, meint Bürgermeister Hahn, „das Jahr wird schwer.“",
             mention: "Bürgermeister Hahn", quotes: 2),
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, heißt es bei Hartmann.",
             mention: "Hartmann"),
        Case(text: "Der Kanzler schwieg lange. Seine Antwort: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Seine", speaker: "Kanzler"),
        Case(text: "Die Sitzung begann spät. Bismarcks Antwort lautete: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Bismarcks"),
        Case(text: "Die Sitzung begann spät. Des Kanzlers Worte waren: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Des Kanzlers"),
        Case(text: "Der Abgeordnete Richter ergriff das Wort. „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Der Abgeordnete Richter"),
        Case(text: "Die Sitzung begann spät. Hartmann erklärte gestern im Landtag unter Beifall: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Hartmann"),
        Case(text: "Die Sitzung begann spät. Der Minister Dr. Weber erwiderte darauf: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Der Minister Dr. Weber"),
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, sagte Frau Dr. Weber.",
             mention: "Frau Dr. Weber"),
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, erklärte der Abgeordnete Richter.",
             mention: "der Abgeordnete Richter"),
        Case(text: "Die Sitzung begann spät. Der Redner schloß mit den Worten: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Der Redner"),
        Case(text: "Graf Moltke trat vor. Er sah die Truppen an. „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Er"),
        // A sentence opening with a pronominal adverb: the subject follows the verb.
        Case(text: "Die Sitzung begann spät. Darüber schreibt die Zeitung: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "die Zeitung"),
        // A particle before a possessive is a preposition, no part of the name.
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, sagte Graf Moltke zu seinem Adjutanten.",
             mention: "Graf Moltke"),
        // A title opening a clause whose verb is coordinated.
        Case(text: "Die Sitzung begann spät. Bürgermeister Hahn aber blieb ruhig und sagte nur: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Bürgermeister Hahn"),
        // A noun of speech after `lautete`, with its owner in the genitive.
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, lautete die Antwort des Ministers.",
             mention: "des Ministers"),
        // `ließ` before the verb belongs to neither the subject nor the speech.
        Case(text: "Die Sitzung begann spät. Der Minister ließ erklären: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Der Minister"),
        // One of a group, with its genitive.
        Case(text: "Die Sitzung begann spät. „Die Kasse ist leer, das Jahr wird schwer“, sagte einer der Anwesenden.",
             mention: "einer der Anwesenden"),
        // A party in parentheses between the name and its verb.
        Case(text: "Die Sitzung begann spät. Der Abgeordnete Dr. Weber (Zentrum) erklärte: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Der Abgeordnete Dr. Weber"),
        // An object before a modal's participle, no subject after it: the sentence's subject.
        Case(text: "Die Sitzung begann spät. Der Kaiser soll zu dem Gesandten gesagt haben: „Die Kasse ist leer, das Jahr wird schwer.“",
             mention: "Der Kaiser"),
    ]

    @Test(arguments: cases) func speakerMentionFound(_ c: Case) {
        let page = Article(id: "t", source: "t", text: c.text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(offsetsHold(page, found))
        #expect(found.count == c.quotes, "quotes found: \(found.map(\.text))")
        #expect(found.map { speakerMention(page, $0) } == Array(repeating: c.mention, count: c.quotes))
        if let speaker = c.speaker { #expect(found.first?.speaker == speaker) }
    }
}

/// German interviews: turns without speech verbs, on sentences written for these tests.
@Suite struct GermanInterviewTurnTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func aQuestionAfterAnAnswerIsTheOtherPartys() {
        let text = "Der Reporter traf Lindner am Hafen. Lindner sagte: „Wir bleiben hier bis zum Herbst.“ "
            + "— Der Reporter: „Warum so lange am Hafen?“ — „Weil die Schiffe erst dann kommen.“ "
            + "„Und wohin reisen Sie danach?“ — „Nach Norden, wie jedes Jahr.“"
        #expect(mentions(text) == ["Lindner", "Der Reporter", "Lindner", "Der Reporter", "Lindner"])
    }

    @Test func aSpeakerCarriedOverTurnsIsNamedByTheirFullerNaming() {
        let text = "Der Reporter sprach mit Minister Karl Brandt. In deren Verlauf Brandt sagte: „Wir bleiben hier bis zum Herbst.“ "
            + "— Der Reporter: „Warum so lange am Hafen?“ — „Weil die Schiffe erst dann kommen.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.map { speakerMention(page, $0) } == ["Brandt", "Der Reporter", "Minister Karl Brandt"])
        #expect(found.last?.speaker == "Minister Karl Brandt")
    }
}

/// German answers: the one answered spoke the quote before, on sentences written for these tests.
@Suite struct GermanAnswerTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func theDativeOfAnAnswerSpokeTheQuoteBefore() {
        let text = "„Wir müssen die Brücke bis zum Winter fertig haben.“ Da antwortete ich ihm: „Das ist nicht zu schaffen.“"
        #expect(mentions(text) == ["ihm", "ich"])
    }

    @Test func aNamedPartyAnswersBackAfterAQuestionToTheSceneSubject() {
        // The pronoun of the scene is its own party: after it asks back, the landlady speaks again.
        let text = "Am Abend lachte er laut über den leeren Saal. „Worüber lachen Sie?“ fragte die Wirtin. "
            + "„Sehen Sie die Tänzer dort nicht?“ „Welche Tänzer meinen Sie denn?“"
        #expect(mentions(text) == ["die Wirtin", "er", "die Wirtin"])
    }
}
