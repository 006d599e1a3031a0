import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker mentions of a German text's quotes, in order, with the given dialogue switches.
private func mentions(_ text: String, _ options: MultilingualQuoteOptions = MultilingualQuoteOptions()) -> [String?] {
    var settings = QuoteExtractorOptions()
    settings.multilingual = options
    let page = Article(id: "t", source: "t", text: text, language: "de")
    return QuoteExtractor(model: .shared, options: settings).quotes(in: page).map { speakerMention(page, $0) }
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
        #expect(mentions(text, without(\.replyTurns)).last == "Pfeil")
    }

    @Test func aQuoteOpeningWithAnAnswerWordIsAReply() {
        let text = "„Du hast die Laterne brennen lassen“, schalt die Bäuerin Walburga den Knecht. "
            + "„Ich habe sie ausgeblasen“, murmelte der Knecht. „Lüg nicht, ich habe das Licht gesehen.“ "
            + "„Nein, das war der Mond im Stallfenster.“"
        let found = mentions(text)
        #expect(found.last == "der Knecht")
        #expect(mentions(text, without(\.replyTurns)).last != "der Knecht")
    }

    @Test func twoPartiesInTurnGoOnInTurn() {
        let text = "„Kommst du morgen mit auf den Markt?“ fragte Liesel ihre Freundin. "
            + "„Wenn die Mutter es erlaubt“, antwortete Dora. „Frag sie doch heute Abend noch.“ "
            + "„Das will ich tun, gleich nach dem Essen.“"
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
        let text = "Die Bäckermeisterin Frieda Kolb führt ihren Laden seit vierzig Jahren. Ob sie ans Aufhören denke? "
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
