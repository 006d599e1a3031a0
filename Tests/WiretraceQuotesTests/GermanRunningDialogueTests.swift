import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker mentions of a German text's quotes, in order, with the given dialogue switches.
private func mentions(_ text: String, _ options: MultilingualQuoteOptions = MultilingualQuoteOptions()) -> [String?] {
    germanSpeakerMentions(text, options)
}

/// The dialogue switches with one of them off.
private func without(_ keyPath: WritableKeyPath<MultilingualQuoteOptions, Bool>) -> MultilingualQuoteOptions {
    var options = MultilingualQuoteOptions()
    options[keyPath: keyPath] = false
    return options
}

/// Replies in running text (``MultilingualQuoteOptions/replyTurns``), on texts written for these
/// tests: one paragraph, two parties, turns without a verb of their own.
@Suite struct GermanReplyTurnTests {
    @Test func aQuoteThatAddressesTheLastSpeakerIsTheOtherPartys() {
        let text = "Im Rathaus stritten die Stadträte Hedwig Korn und Anton Pfeil über den Haushalt. "
            + "„Die Schulden wachsen jedes Jahr“, sagte Korn. „Wir sparen an der falschen Stelle.“ "
            + "Pfeil widersprach: „Wir sparen überhaupt nicht, wir verwalten den Mangel.“ "
            + "„Das ist doch Schönfärberei, Herr Pfeil.“"
        #expect(mentions(text) == ["Korn", "Korn", "Pfeil", "Korn"])
        #expect(mentions(text, without(\.replyTurns)).last != "Korn")
    }

    @Test func aQuoteOpeningWithAnAnswerWordIsAReply() {
        let text = "Im Stall standen die Bäuerin Walburga und der Knecht Veit. „Du hast die Laterne brennen lassen.“ "
            + "„Nein, das war der Mond im Stallfenster.“"
        #expect(mentions(text).last == "der Knecht Veit")
        #expect(mentions(text, without(\.replyTurns)).last != "der Knecht Veit")
    }

    @Test func twoPartiesInTurnGoOnInTurn() {
        let text = "Liesel und Dora gingen zusammen zur Schule. „Kommst du morgen mit auf den Markt?“ fragte Liesel. "
            + "„Wenn die Mutter es erlaubt.“ „Frag sie doch heute Abend noch.“ „Das will ich tun, gleich nach dem Essen.“"
        #expect(mentions(text) == ["Liesel", "Dora", "Liesel", "Dora"])
        #expect(mentions(text, without(\.replyTurns)) != ["Liesel", "Dora", "Liesel", "Dora"])
    }

    @Test func aSpeakerWhoSpokeTwiceGoesOnAfterTheOtherParty() {
        // No strict turn-taking: the second party's statement continues in her words.
        let text = "„Die Brücke muss saniert werden“, sagte Landrat Emil Brück. „Sie ist siebzig Jahre alt.“ "
            + "Die Kämmerin Rosa Thal widersprach: „Dafür fehlt uns in diesem Jahr das Geld.“ "
            + "„Wir müssen zuerst die Schulen heizen können.“"
        #expect(mentions(text).last == "Die Kämmerin Rosa Thal")
    }

    @Test func aTurnSplitByItsVerbGoesOn() {
        // `„…“, antwortete Dora. „…“`: the writer split Dora's turn at her verb; no reply.
        let text = "„Kommst du morgen mit?“ fragte Liesel. „Wenn die Mutter es erlaubt“, antwortete Dora. "
            + "„Ich frage sie heute Abend noch.“"
        #expect(mentions(text) == ["Liesel", "Dora", "Dora"])
    }

    @Test func aParagraphOfOneSpeakerIsNoExchange() {
        // One speaker's quotes in a row: the last goes on in his words.
        let text = "„Der Winter war hart“, sagte der Förster. „Viele Rehe sind verhungert.“ „Im Frühjahr pflanzen wir neu.“"
        #expect(mentions(text) == ["der Förster", "der Förster", "der Förster"])
    }
}

/// The other party of a turn named only by the scene (``MultilingualQuoteOptions/sceneParticipants``).
@Suite struct GermanSceneParticipantTests {
    @Test func theSubjectOfAClauseAfterTheCommaAnswers() {
        let text = "„Wohin des Weges?“ fragte der Zöllner, als der Wanderer an den Schlagbaum trat. "
            + "„Über den Pass nach Süden, so Gott will.“"
        #expect(mentions(text) == ["der Zöllner", "der Wanderer"])
        #expect(mentions(text, without(\.sceneParticipants)) != ["der Zöllner", "der Wanderer"])
    }

    @Test func theOtherOfTwoJoinedSubjectsAnswers() {
        let text = "Am Ofen saßen der Müller Gregor und der Schäfer Till. „Hast du die Wölfe heute Nacht gehört?“ "
            + "fragte der Müller. „Drei Stück, ganz nah bei der Hürde.“"
        #expect(mentions(text) == ["der Müller", "der Schäfer Till"])
        #expect(mentions(text, without(\.sceneParticipants)) != ["der Müller", "der Schäfer Till"])
    }

    @Test func theLastSpeakerIsNotHisOwnPartner() {
        // The clause after the comma names the asker himself: no partner.
        let text = "„Wer hat hier geläutet?“ rief der Pförtner, als der Pförtner die Tür aufriss. „Niemand hat geläutet, Herr.“"
        #expect(mentions(text).last != "der Pförtner")
    }
}

/// An interview told in running text (``MultilingualQuoteOptions/reportedQuestions``).
@Suite struct GermanReportedQuestionTests {
    @Test func theWritersQuestionIsAnsweredByThePersonItAsksAbout() {
        let text = "Die Bäckermeisterin Frieda Kolb führt ihren Laden seit vierzig Jahren. Was sie als Nächstes vorhabe? "
            + "„Solange meine Hände den Teig kneten können, bestimmt nicht.“"
        #expect(mentions(text) == ["sie"])
        #expect(mentions(text, without(\.reportedQuestions)) != ["sie"])
    }

    @Test func theOneAskedAnswers() {
        let text = "Die Richterin Anna Gold fragte den Zeugen, wann er den Wagen zuletzt gesehen habe. "
            + "„Am Sonntag vor der Kirche, da stand er noch dort.“"
        #expect(mentions(text) == ["den Zeugen"])
        #expect(mentions(text, without(\.reportedQuestions)) != ["den Zeugen"])
    }

    @Test func aQuestionWithoutPronounGoesToTheLastSpeaker() {
        let text = "„Der Umbau dauert noch zwei Jahre“, sagte der Direktor Hans Ebert. Wer das bezahlen solle? "
            + "„Der Bund übernimmt zwei Drittel der Kosten.“"
        #expect(mentions(text) == ["der Direktor Hans Ebert", "der Direktor Hans Ebert"])
        #expect(mentions(text, without(\.reportedQuestions)) != ["der Direktor Hans Ebert", "der Direktor Hans Ebert"])
    }
}

/// One source for several segments (``MultilingualQuoteOptions/severalSegments``).
@Suite struct GermanSharedSourceTests {
    @Test func segmentsJoinedByACommaShareTheSourceAfterTheLast() {
        let text = "„Die Vorräte reichen noch zwei Wochen“, „dann müssen wir die Stadt aufgeben“, erklärte der Kommandant Ulrich Frey."
        #expect(mentions(text) == ["der Kommandant Ulrich Frey", "der Kommandant Ulrich Frey"])
        #expect(mentions(text, without(\.severalSegments)).first != "der Kommandant Ulrich Frey")
    }

    @Test func aQuestionBeforeTheAnswerKeepsItsOwnSpeaker() {
        let text = "„Wer hat das Fenster offen gelassen?“, „Ich war es nicht“, beteuerte der Lehrling Kurt."
        #expect(mentions(text).first != "der Lehrling Kurt")
    }

    @Test func anAttributionBetweenDashesCarriesOn() {
        let text = "„Die Brücke bleibt gesperrt“ – so die Baurätin Johanna Wiese – „bis die Pfeiler erneuert sind.“"
        #expect(mentions(text) == ["die Baurätin Johanna Wiese", "die Baurätin Johanna Wiese"])
        #expect(mentions(text, without(\.severalSegments)).last != "die Baurätin Johanna Wiese")
    }
}

/// The German dialogue probe's train part (`fixtures/quotes/german-dialogue-probe-train.jsonl`: 20
/// passages of two-person dialogue in running text written for Wiretrace, see its README), scored
/// as ``GermanProbeTests`` scores the German probe. Before the running-text rules: speaker 58/79.
@Suite struct GermanDialogueProbeTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/quotes/german-dialogue-probe-train.jsonl")

    @Test func dialogueInRunningTextHoldsItsFloor() throws {
        let score = try GermanProbeTests.score(path: Self.path)
        #expect(score.direct == 79)
        #expect(score.recall >= 0.97, "recall \(score.recall)")
        #expect(score.speaker >= 0.84, "speaker accuracy \(score.speaker) (\(score.right)/\(score.judged))")
    }

    @Test(arguments: ["replyTurns", "sceneParticipants", "reportedQuestions"])
    func eachRuleGivesSpeakersOfItsOwn(_ name: String) throws {
        // With the reported question off, the focus person gives the same speakers on this probe
        // (68 of 79 either way): the reported question is weighed with the focus off.
        var base = QuoteExtractorOptions()
        if name == "reportedQuestions" { base.multilingual.focusPerson = false }
        let full = try GermanProbeTests.score(path: Self.path, options: base)
        var options = base
        switch name {
        case "replyTurns": options.multilingual.replyTurns = false
        case "sceneParticipants": options.multilingual.sceneParticipants = false
        default: options.multilingual.reportedQuestions = false
        }
        let without = try GermanProbeTests.score(path: Self.path, options: options)
        #expect(without.right < full.right, "\(name) off: \(without.right)/\(without.judged), on: \(full.right)/\(full.judged)")
    }
}
