import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Quotes and speakers in languages other than English, on sentences written for these tests.
@Suite struct MultilingualQuoteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var language: String
        var text: String
        var quote: String
        var speaker: String
        var mention: String
        var testDescription: String { "\(language): \(quote)" }
    }

    static let cases: [Case] = [
        Case(language: "de", text: "Die Ministerin sprach in Hamm. „Wir schaffen das“, sagte Berger. Dann ging sie.",
             quote: "Wir schaffen das", speaker: "Berger", mention: "Berger"),
        Case(language: "de", text: "Der Bürgermeister sagte: „Die Brücke wird im Mai fertig.“ Das glaubt kaum jemand.",
             quote: "Die Brücke wird im Mai fertig.", speaker: "Bürgermeister", mention: "Der Bürgermeister"),
        Case(language: "de", text: "Darauf entgegnete er: »Das weiß ich noch nicht.« Niemand fragte weiter.",
             quote: "Das weiß ich noch nicht.", speaker: "er", mention: "er"),
        Case(language: "de", text: "Die Schule blieb zu. „Eine Schule — meinte der Lehrer — ist kein Lager.“",
             quote: "Eine Schule — meinte der Lehrer — ist kein Lager.", speaker: "Lehrer", mention: "der Lehrer"),
        Case(language: "fr", text: "Le sommet s'est ouvert à Lyon. « La ville est prête », a affirmé le chef de l'État.",
             quote: "La ville est prête", speaker: "chef de l'État", mention: "le chef de l'État"),
        Case(language: "fr", text: "Le maire a déclaré : « Les travaux reprendront lundi. » Les riverains attendent.",
             quote: "Les travaux reprendront lundi.", speaker: "maire", mention: "Le maire"),
        Case(language: "es", text: "La reunión terminó tarde. “No habrá recortes este año”, dijo la ministra Ortega.",
             quote: "No habrá recortes este año", speaker: "Ortega", mention: "la ministra Ortega"),
        Case(language: "it", text: "Il vertice è finito. «Nessuno resterà indietro», ha detto il sindaco di Bari.",
             quote: "Nessuno resterà indietro", speaker: "sindaco di Bari", mention: "il sindaco di Bari"),
        Case(language: "pt", text: "A reunião acabou cedo. “Não vamos aceitar o acordo”, disse o ministro Costa.",
             quote: "Não vamos aceitar o acordo", speaker: "Costa", mention: "o ministro Costa"),
        Case(language: "ru", text: "Совещание прошло в Туле. «Мы закончим мост к зиме», — заявил Петренко.",
             quote: "Мы закончим мост к зиме", speaker: "Петренко", mention: "Петренко"),
        Case(language: "pl", text: "Posiedzenie trwało długo. „Nie podniesiemy opłat” – powiedział burmistrz Nowak.",
             quote: "Nie podniesiemy opłat", speaker: "Nowak", mention: "burmistrz Nowak"),
        Case(language: "tr", text: "Toplantı uzun sürdü. Yılmaz, “Köprüyü kışa kadar bitireceğiz” dedi.",
             quote: "Köprüyü kışa kadar bitireceğiz", speaker: "Yılmaz", mention: "Yılmaz"),
        Case(language: "ar", text: "انتهى الاجتماع مساء. وقال الوزير سالم: «سنكمل الجسر قبل الشتاء».",
             quote: "سنكمل الجسر قبل الشتاء", speaker: "الوزير سالم", mention: "الوزير سالم"),
        Case(language: "fr", text: "La grève continue. « Nous ne céderons pas », dit-il devant l'usine.",
             quote: "Nous ne céderons pas", speaker: "dit-il", mention: "dit-il"),
        Case(language: "fr", text: "La grève continue. « Les salaires doivent suivre », selon la secrétaire Martin.",
             quote: "Les salaires doivent suivre", speaker: "Martin", mention: "la secrétaire Martin"),
        Case(language: "es", text: "La huelga sigue. “Los salarios deben subir”, según el sindicalista Ruiz.",
             quote: "Los salarios deben subir", speaker: "Ruiz", mention: "el sindicalista Ruiz"),
        Case(language: "es", text: "La huelga sigue. La ministra Ortega afirmó: “No habrá recortes este año”.",
             quote: "No habrá recortes este año", speaker: "Ortega", mention: "La ministra Ortega"),
        Case(language: "it", text: "Lo sciopero continua. «I salari devono salire», secondo il sindacalista Rossi.",
             quote: "I salari devono salire", speaker: "Rossi", mention: "il sindacalista Rossi"),
        Case(language: "ru", text: "Забастовка продолжается. По словам Иванова, «зарплаты должны расти».",
             quote: "зарплаты должны расти", speaker: "Иванова", mention: "Иванова"),
        Case(language: "ru", text: "Забастовка продолжается. Министр Петренко сказал: «Мы не уступим».",
             quote: "Мы не уступим", speaker: "Министр Петренко", mention: "Министр Петренко"),
        Case(language: "pl", text: "Strajk trwa. „Płace muszą rosnąć” – według związkowca Nowaka.",
             quote: "Płace muszą rosnąć", speaker: "Nowaka", mention: "związkowca Nowaka"),
        Case(language: "tr", text: "Grev sürüyor. Bakan Yılmaz'a göre “ücretler artmalı” ve görüşmeler sürecek.",
             quote: "ücretler artmalı", speaker: "Bakan Yılmaz", mention: "Bakan Yılmaz'a"),
        Case(language: "zh", text: "会议在南京举行。王明表示：“我们将在冬季前建成这座桥。”",
             quote: "我们将在冬季前建成这座桥。", speaker: "王明", mention: "王明"),
        Case(language: "zh", text: "会议在南京举行。“我们将按时完成。”李华说。",
             quote: "我们将按时完成。", speaker: "李华", mention: "李华"),
    ]

    @Test(arguments: cases) func speakerFound(_ c: Case) {
        Self.expectQuote(c, kind: .direct)
    }

    /// The case's quote is found with its kind, its speaker's name and mention, and true offsets.
    static func expectQuote(_ c: Case, kind: QuoteKind) {
        let page = Article(id: "t", source: "t", text: c.text, language: c.language)
        let found = QuoteExtractor().quotes(in: page)
        #expect(offsetsHold(page, found))
        let quote = found.first { $0.text == c.quote }
        #expect(quote != nil, "quotes found: \(found.map(\.text))")
        #expect(quote?.kind == kind)
        #expect(quote?.speaker == c.speaker)
        if let quote { #expect(speakerMention(page, quote) == c.mention) }
    }

    @Test func dashSpeechTakesTheSpeakerOfItsParagraph() {
        let text = "Совещание прошло в Туле.\n— Мы готовы к переговорам, — сказал Петренко журналистам. — Но условия прежние."
        let page = Article(id: "t", source: "t", text: text, language: "ru")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.map(\.text) == ["Мы готовы к переговорам", "Но условия прежние."])
        #expect(found.allSatisfy { $0.speaker == "Петренко" })
    }

    @Test func dashListWithoutSpeechVerbIsNoQuote() {
        let text = "Состав делегации:\n— министр финансов и его заместитель\n— глава таможни"
        let page = Article(id: "t", source: "t", text: text, language: "ru")
        #expect(QuoteExtractor().quotes(in: page).isEmpty)
    }

    @Test func shortQuotedTitleWithoutSpeakerIsDropped() {
        let text = "Er las damals im „Tageblatt“ einen langen Bericht über die neue Brücke."
        let page = Article(id: "t", source: "t", text: text, language: "de")
        #expect(QuoteExtractor().quotes(in: page).isEmpty)
    }

    @Test func germanClosingStraightMarkAndSplitQuote() {
        let text = "„Hier sehen wir endlich,\" sagt er, „einen neuen Stil vor uns.\" Dann schwieg er."
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.map(\.text) == ["Hier sehen wir endlich", "einen neuen Stil vor uns."])
        #expect(found.allSatisfy { $0.speaker == "er" && $0.cue == "sagt" })
    }

    @Test func inverseGuillemetsOpenOnlyBeforeAWord() {
        // French closing marks followed by an opening one must not pair the other way round.
        let spans = MultilingualQuoteScanner.spans(
            in: ScalarText("« Oui », dit-il. « Non », dit-elle."), dashSpeech: false)
        #expect(spans.count == 2)
    }

    @Test func agencyInTheSentenceIsTheFirstReporter() {
        let text = "Встреча прошла в Москве. «Мы довольны итогами», — заявил Петренко ТАСС."
        let page = Article(id: "t", source: "t", outlet: "Example", text: text, language: "ru")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.first?.via == ["TASS", "Example"])
    }
}

@Suite struct CoordinatedSpeakerTests {
    @Test func verbAfterUndSharesTheClauseSubject() {
        let text = "Der Abend wurde laut, dann sprang er auf und rief Müller zu: „Das ist nicht wahr!“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.first?.text == "Das ist nicht wahr!")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "er")
    }
}

@Suite struct ChineseSpeakerTests {
    @Test func theSpeakerIsTheClauseSubjectBeforeItsAdverbials() {
        let text = "据新华社报道，江南省省长王明(Wang Ming)当天在南京与来访代表会谈时表示：“我们将在冬季前建成这座桥。”"
        let page = Article(id: "t", source: "t", text: text, language: "zh")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.first?.speaker == "江南省省长王明(Wang Ming)")
    }
}

@Suite struct ChineseRelayTests {
    @Test func anAgencyInJuBaodaoIsTheFirstReporter() {
        let text = "据塔斯社(TASS)6月3日报道，江南省省长王明(Wang Ming)当天在南京与来访代表会谈时表示：“我们将在冬季前建成这座桥。”"
        let page = Article(id: "t", source: "t", outlet: "Example", text: text, language: "zh")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.first?.speaker == "江南省省长王明(Wang Ming)")
        #expect(found.first?.via == ["TASS", "Example"])
    }
}

/// German dialogue without speech verbs beside every quote, on sentences written for these tests.
@Suite struct GermanDialogueTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func afterAQuestionTheOtherPartyAnswersAndAsksBack() {
        let text = "Der Fährmann wartete am Steg. „Wohin wollt Ihr so spät noch?“ fragte der Fährmann. "
            + "„Ei, seht Ihr denn nicht das Licht drüben am Ufer?“ „Wer wohnt denn dort?“ "
            + "„Meine Schwester wartet dort auf mich“, antwortete die Wanderin."
        #expect(mentions(text) == ["der Fährmann", nil, "der Fährmann", "die Wanderin"])
    }

    @Test func aDashBetweenQuotesHandsTheWordToTheOtherSpeaker() {
        let text = "Im Gespräch mit dem Bürgermeister Lindner sagte Lindner: „Die neue Brücke wird im Mai fertig sein.“ "
            + "— Der Reporter: „Wird sie auch mehr kosten als geplant?“ — „Das kann heute noch niemand sagen.“"
        #expect(mentions(text) == ["Lindner", "Der Reporter", "Lindner"])
    }

    @Test func quotesWithoutADashOrQuestionKeepTheirSpeaker() {
        let text = "Der Kutscher sagte: „Die Pferde sind müde vom langen Weg.“ „Wir rasten hier bis morgen früh.“"
        #expect(mentions(text) == ["Der Kutscher", "Der Kutscher"])
    }

    @Test func playStyleLabelsNameTheSpeaker() {
        let text = "Wir standen am Fenster.\nKarl. „Der Nebel liegt heute schwer über dem Tal.“ "
            + "Martha. „Er wird sich gegen Mittag heben, glaube ich.“ Ich. „Dann gehen wir nach dem Essen.“"
        #expect(mentions(text) == ["Karl", "Martha", "Ich"])
    }

    @Test func aLabelTakenIntoTheQuoteByAStrayMarkStillNamesTheSpeaker() {
        let text = "Er sah müde aus. \"Martha. „Du siehst alles viel zu dunkel, lieber Freund.\" Dann lachte sie."
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.count == 1)
        #expect(found.first.flatMap { speakerMention(page, $0) } == "Martha")
    }

    @Test func aSpeechVerbInTheNextSentenceGivesTheSpeaker() {
        let text = "Es wurde still im Saal. „So endete unsere lange Reise über das Meer.“ Der Arme! Als er dies sprach, weinte er."
        #expect(mentions(text) == ["er"])
    }

    @Test func aSpeechVerbAfterTheNextQuoteBelongsToThatQuote() {
        // The verb of the following sentence introduces the next quote, not the one before.
        let text = "Es wurde still im Saal. „So endete unsere lange Reise über das Meer.“ Da sagte sie: „Nun ruht euch aus.“"
        #expect(mentions(text) == [nil, "sie"])
    }

    @Test func aRelativePronounOpensTheSpeakersClause() {
        let text = "Manche lehnen jede Reform ab, vor allem diejenigen, welche fortwährend rufen: „Es ist noch viel zu früh!“"
        #expect(mentions(text) == ["welche"])
    }

    @Test func oldSpellingOfIrenVerbsIsASpeechVerb() {
        let text = "„Wollte man also sparen, so müsste man die Schulen schließen“, so argumentirt der Rat."
        #expect(mentions(text) == ["der Rat"])
    }
}

@Suite struct GermanCarriedSpeakerTests {
    @Test func theSubjectOfTheSentenceBeforeSpeaksAQuoteWithoutVerb() {
        let text = "Der alte Schmied legte den Hammer nieder. „Morgen ziehen wir alle in die Stadt hinunter.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.count == 1)
        #expect(found.first.flatMap { speakerMention(page, $0) } == "Der alte Schmied")
        #expect(found.first?.cue == nil)
    }

    @Test func aSentenceBeforeThatOpensWithAPrepositionGivesItsPronoun() {
        let text = "Am Abend kam er müde nach Hause. „Morgen ziehen wir alle in die Stadt hinunter.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.first.flatMap { speakerMention(page, $0) } == "er")
    }
}

@Suite struct GermanCarriedSpeakerAtTextStartTests {
    @Test func aPronounOpeningTheTextCarriesToTheQuote() {
        let text = "Er nickte. „Morgen ziehen wir alle in die Stadt hinunter.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        #expect(QuoteExtractor().quotes(in: page).first.flatMap { speakerMention(page, $0) } == "Er")
    }
}

@Suite struct GermanClauseSubjectTests {
    @Test func aNameAfterARoleNounBelongsToTheCarriedSubject() {
        let text = "Da stand der junge Greis Anton mit dem Strauß im Arme. „So jung war ich lange nicht mehr.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        #expect(QuoteExtractor().quotes(in: page).first.flatMap { speakerMention(page, $0) } == "Greis Anton")
    }
}

/// German speaker phrases around names and clauses, on sentences written for these tests.
@Suite struct GermanSpeakerPhraseTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func aQuoteLeftOpenEndsBeforeTheSentenceThatOpensTheNext() {
        let text = "„Wir haben“, sagt der Rat, „im Mai kein Geld mehr. Die Steuer muss steigen. Das Amt schweigt dazu. "
            + "Die Ministerin widerspricht. Sie sagt: „Wir senken die Steuer im Herbst.“"
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let found = QuoteExtractor().quotes(in: page)
        #expect(found.map(\.text).last == "Wir senken die Steuer im Herbst.")
        #expect(found.last.flatMap { speakerMention(page, $0) } == "Sie")
        // The open quote stops at the sentence before `Sie sagt:`.
        #expect(found.contains { $0.text.hasSuffix("Die Ministerin widerspricht.") })
    }

    @Test func theNounOfAPrepositionalPhraseIsNotPartOfTheSubject() {
        let text = "Der Reporter traf den Minister zu einem Gespräch, in dessen Verlauf Weber sagte: „Die Bahn wird teurer.“"
        #expect(mentions(text) == ["Weber"])
    }

    @Test func aNameWithParticleAndArticleIsOneSpeaker() {
        let text = "Am Montag war die Kommission in Rom. Ursula von der Leyen sagte: „Wir helfen sofort und ohne Bedingungen.“"
        #expect(mentions(text) == ["Ursula von der Leyen"])
    }

    @Test func theAnswerToANamedQuestionerIsFromWhoTheSceneWasAbout() {
        let text = "Einst machte er vor dem leeren Tisch tiefe Verbeugungen. „Was soll das denn?“ fragte der Wirt. "
            + "„Seht Ihr denn nicht meine Freunde am Tisch?“"
        #expect(mentions(text) == ["der Wirt", "er"])
    }
}

/// German newspaper attributions, on sentences written for these tests.
@Suite struct GermanNewspaperAttributionTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func soAfterTheQuoteNamesTheSpeaker() {
        #expect(mentions("„Wir haben alles versucht“, so der Trainer nach dem Spiel.") == ["der Trainer"])
    }

    @Test func aSeparableVerbAtTheEndOfAWieClause() {
        #expect(mentions("Wie der Sprecher der Polizei mitteilte, „wurde niemand verletzt und der Täter gefasst“.")
            == ["der Sprecher der Polizei"])
    }

    @Test func aCapitalisedNounSpeltLikeAVerbIsNoVerb() {
        #expect(mentions("Der Angeklagte erwiderte auf die Frage des Richters: „Ich war an jenem Abend zu Hause.“")
            == ["Der Angeklagte"])
    }

    @Test func theNextQuoteAfterAnAttributionGoesOnInTheSameWords() {
        #expect(mentions("„Ich komme morgen wieder“, versprach der Arzt. „Bis dahin bleiben Sie im Bett.“")
            == ["der Arzt", "der Arzt"])
    }

    @Test func anAbbreviatedTitleKeepsItsName() {
        #expect(mentions("„Das Gesetz ist überflüssig und schädlich“, bemerkte Abg. Richter in der Sitzung.")
            == ["Abg. Richter"])
    }
}

/// German narrative attributions, on sentences written for these tests.
@Suite struct GermanNarrativeAttributionTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func anIndefiniteArticleBeforeANounIsNoPronoun() {
        #expect(mentions("„Wer ist da?“ rief eine Stimme aus dem Hause. „Ein müder Wanderer“, antwortete Georg.")
            == ["eine Stimme", "Georg"])
    }

    @Test func anAppositionDescribesTheSubjectBeforeIt() {
        #expect(mentions("Der Kaufmann, ein kleiner dicker Mann, rief: „Das ist Betrug, meine Herren!“") == ["Der Kaufmann"])
    }

    @Test func aColonAfterAClauseWithoutSpeechVerbGivesItsSubject() {
        #expect(mentions("Endlich brach der Hauptmann das Schweigen: „Wir marschieren morgen bei Tagesanbruch.“") == ["Hauptmann"])
    }

    @Test func aVerbAfterASubordinateClauseComesBeforeItsSubject() {
        #expect(mentions("Auf die Frage, ob er zurücktreten werde, sagte der Minister: „Davon kann keine Rede sein.“")
            == ["der Minister"])
    }

    @Test func aClauseOpeningWithItsVerbHasItsSubjectBeforeTheComma() {
        #expect(mentions("Der Vorsitzende, Geheimrat Müller, eröffnete die Sitzung mit den Worten: „Meine Herren, wir beginnen.“")
            == ["Geheimrat Müller"])
    }

    @Test func aWordSpeltLikeAVerbOpeningTheTextBeforeAQuoteIsRead() {
        // "Frage" is spelt like a form of "fragen" and stands first: nothing before it to read.
        let text = "Frage: „Werden Sie kandidieren?“ Antwort: „Das habe ich noch nicht entschieden.“"
        #expect(mentions(text).count == 2)
    }

    @Test func aVerbAfterUndSharesASubjectAfterTheFirstVerb() {
        #expect(mentions("Da trat der Wirt herein und sagte: „Das Essen ist bereit, meine Herrschaften.“") == ["Wirt"])
    }
}

/// Interviews: the party a conversation is said to be with answers, on sentences written for these tests.
@Suite struct GermanInterviewTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func thePartnerOfTheConversationAnswersAndTurnsAlternate() {
        let text = "Unser Berichterstatter sprach mit dem Bürgermeister Hahn. Er fragte: „Wann wird die Brücke fertig?“ "
            + "— „Im Herbst, hoffe ich.“ — „Und was kostet sie?“ — „Das weiß noch niemand genau.“"
        #expect(mentions(text) == ["Er", "dem Bürgermeister Hahn", "Er", "dem Bürgermeister Hahn"])
    }

    @Test func aConversationNounNamesThePartner() {
        let text = "Ein Reporter hatte mit der Ministerin Berger eine Unterredung. Der Reporter: „Bleiben Sie im Amt?“ "
            + "— „Ja, gewiss bis zum Ende.“"
        #expect(mentions(text) == ["Der Reporter", "der Ministerin Berger"])
    }
}

/// Speakers carried over a stretch of narration and past relative clauses, on sentences written
/// for these tests.
@Suite struct GermanContinuedSpeechTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func aQuoteStandingAloneGoesOnInTheWordsOfTheLastSpeaker() {
        let text = "Der Förster erzählte: „Im Winter kamen die Wölfe bis an das Dorf.“ Dann wurde es still im "
            + "Zimmer. „Einmal stand einer mitten auf dem Hof und heulte.“"
        #expect(mentions(text) == ["Der Förster", "Der Förster"])
    }

    @Test func aSpeechVerbBetweenTwoQuotesStopsTheCarry() {
        // Someone else spoke in between, told without a quote: the last quote has no known speaker.
        let text = "Der Lehrer sagte: „Heute schreiben wir eine Arbeit.“ Dann wurde laut gerufen. "
            + "„Das wird eine lange Stunde werden.“"
        #expect(mentions(text) == ["Der Lehrer", nil])
    }

    @Test func aRelativeClauseBetweenSubjectAndVerbIsPassedOver() {
        let text = "Der Bürgermeister, der eben aus der Hauptstadt zurückgekehrt war, erklärte: „Die Brücke wird gebaut.“"
        #expect(mentions(text) == ["Der Bürgermeister"])
    }

    @Test func aRelativeClauseAfterAPrepositionalPhraseGoesBackToItsNoun() {
        let text = "Eine Pflegerin aus dem Krankenhaus, die ihren Namen nicht nennen will, sagte: „Wir sind zu wenige.“"
        #expect(mentions(text) == ["Eine Pflegerin"])
    }

    @Test func aRelativeClauseAfterAPrepositionIsPassedOver() {
        let text = "Die Ärztin, mit der wir am Abend gesprochen hatten, meinte: „Das Fieber wird bald sinken.“"
        #expect(mentions(text) == ["Die Ärztin"])
    }
}

/// Cases of the German noun phrase: only a nominative is a subject, on sentences written for these tests.
@Suite struct GermanSubjectCaseTests {
    func mentions(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func aDativeAfterTheVerbIsWhomTheSubjectAddressed() {
        let text = "Die Stadträtin, die Leiterin des Bauamts, antwortete darauf dem Vertreter der Anwohner: "
            + "„Der Lärm wird im Mai ein Ende haben.“"
        #expect(mentions(text) == ["Die Stadträtin"])
    }

    @Test func aDativeBeforeTheVerbLeavesTheSubjectAfterIt() {
        let text = "Unserem Korrespondenten gegenüber äußerte sich der Kapitän sehr offen: „Das Schiff war überladen.“"
        #expect(mentions(text) == ["der Kapitän"])
    }

    @Test func anAppositionWithADefiniteArticleDescribesTheSubject() {
        let text = "Herr Lange, der Wirt des Gasthauses, erzählte dem Gericht: „Der Fremde hat nie bezahlt.“"
        #expect(mentions(text) == ["Herr Lange"])
    }
}

/// Newspaper attributions: papers quoting papers and their correspondents, on sentences written for these tests.
@Suite struct GermanPressAttributionTests {
    func quotes(_ text: String) -> [(quote: String, mention: String?, speaker: String?)] {
        let page = Article(id: "t", source: "t", text: text, language: "de")
        return QuoteExtractor().quotes(in: page).map { ($0.text, speakerMention(page, $0), $0.speaker) }
    }

    @Test func aPaperNamedInQuoteMarksIsTheSubjectAndNoQuote() {
        let found = quotes("Das „Neue Abendblatt“ bemerkt dazu: „Die Verhandlungen werden sich noch lange hinziehen.“")
        #expect(found.map(\.mention) == ["Das „Neue Abendblatt“"])
        #expect(found.map(\.speaker) == ["Neue Abendblatt"])
    }

    @Test func theCorrespondentAfterAPlaceAndAWireVerbSpeaks() {
        let found = quotes("Aus Lissabon meldet unser Berichterstatter: „Der Hafen ist seit gestern wieder geöffnet.“")
        #expect(found.map(\.mention) == ["unser Berichterstatter"])
    }

    @Test func aPrepositionsNounIsNoSubjectBeforeASplitVerb() {
        let found = quotes("In einer Versammlung in Erfurt führte Stadtrat Brandt aus: „Die Schulen brauchen mehr Lehrer.“")
        #expect(found.map(\.mention) == ["Stadtrat Brandt"])
    }

    @Test func thePresentTenseOfAWeakVerbIsASpeechVerb() {
        let found = quotes("„Wir haben alles versucht, was möglich war“, bemerkt der Trainer.")
        #expect(found.map(\.mention) == ["der Trainer"])
    }
}

/// What stands between a German speech verb and its subject, on sentences written for these tests.
@Suite struct GermanVerbSubjectGapTests {
    func mentions(_ text: String) -> [String?] {
        // A closing sentence so that the language is told German from the text.
        let page = Article(id: "t", source: "t", text: text + " Mehr darüber folgt in der nächsten Ausgabe unseres Blattes.", language: "de")
        return QuoteExtractor().quotes(in: page).map { speakerMention(page, $0) }
    }

    @Test func aModalVerbBeforeTheParticipleIsPassedOver() {
        #expect(mentions("Der Direktor soll gesagt haben: „Die Fabrik wird im Herbst schließen.“") == ["Der Direktor"])
    }

    @Test func anObjectPronounAfterAnInvertedVerbIsNoSubject() {
        #expect(mentions("„Der Zug hat heute zwei Stunden Verspätung“, erklärte uns der Schaffner.") == ["der Schaffner"])
    }

    @Test func aPrepositionalPhraseBeforeAVerbAfterTheQuoteLeavesTheSubjectAfterIt() {
        #expect(mentions("„Damit ist die Versammlung geschlossen.“ Mit diesen Worten schloss die Vorsitzende den Abend.")
            == ["die Vorsitzende"])
    }

    @Test func aQuotedPaperInsideTheAttributionDoesNotCutIt() {
        #expect(mentions("Der Abgeordnete Vogel schreibt in der „Abendpost“: „Die Steuer trifft die Ärmsten.“") == ["Der Abgeordnete Vogel"])
    }

    @Test func aTimeBeforeTheVerbLeavesTheSubjectAfterIt() {
        #expect(mentions("Am Abend des 3. März sagte die Schulleiterin: „Der Unterricht fällt morgen aus.“") == ["die Schulleiterin"])
        #expect(mentions("Gestern Nachmittag erklärte der Wirt: „Das Lokal bleibt geschlossen.“") == ["der Wirt"])
    }

    @Test func anAsideBetweenCommasIsPassedOver() {
        #expect(mentions("Die Gräfin, so erzählt man sich, sagte damals: „Ich tanze nie vor Mitternacht.“") == ["Die Gräfin"])
    }
}

/// `er` and `sie` named by the person they stand for, on sentences written for these tests.
@Suite struct GermanPronounSpeakerTests {
    func speakers(_ text: String) -> [String?] {
        let page = Article(id: "t", source: "t", text: text + " Mehr darüber folgt in der nächsten Ausgabe unseres Blattes.", language: "de")
        return QuoteExtractor().quotes(in: page).map(\.speaker)
    }

    @Test func sieIsTheLastWomanNamed() {
        let text = "Der Hausmeister öffnete die Tür. Die Bürgermeisterin trat als letzte ein. Sie sagte: „Wir fangen gleich an.“"
        #expect(speakers(text) == ["Bürgermeisterin"])
    }

    @Test func erPassesOverAWomanToTheLastMan() {
        let text = "Der Gärtner kam spät nach Hause. Seine Frau schlief schon. Er sagte leise: „Morgen wird es regnen.“"
        #expect(speakers(text) == ["Gärtner"])
    }

    @Test func aPluralIsNoOnePersonsSie() {
        let text = "Die Arbeiterinnen verließen die Halle. Sie riefen: „Wir streiken bis Montag!“"
        #expect(speakers(text) == ["Sie"])
    }
}
