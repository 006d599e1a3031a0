import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Reported speech without quote marks in languages other than English, on sentences written for
/// these tests: a speech verb and a complementiser, the clause before an attribution that ends the
/// sentence, an "according to" form opening it.
@Suite struct MultilingualReportedSpeechTests {
    /// The content of each case is the reported clause (`quote`).
    typealias Case = MultilingualQuoteTests.Case

    static let cases: [Case] = [
        Case(language: "de", text: "Der Hafen bleibt geschlossen. Bürgermeisterin Anna Weber sagte, dass die Fähre erst im Mai wieder fahre.",
             quote: "die Fähre erst im Mai wieder fahre", speaker: "Bürgermeisterin Anna Weber", mention: "Bürgermeisterin Anna Weber"),
        Case(language: "de", text: "Der Hafen bleibt geschlossen. Weber sagte am Dienstag, die Fähre werde erst im Mai wieder fahren.",
             quote: "die Fähre werde erst im Mai wieder fahren", speaker: "Weber", mention: "Weber"),
        Case(language: "de", text: "Der Hafen bleibt geschlossen. Die Fähre werde erst im Mai wieder fahren, sagte Weber.",
             quote: "Die Fähre werde erst im Mai wieder fahren", speaker: "Weber", mention: "Weber"),
        Case(language: "de", text: "Der Hafen bleibt geschlossen. Laut Weber wird die Fähre erst im Mai wieder fahren.",
             quote: "wird die Fähre erst im Mai wieder fahren", speaker: "Weber", mention: "Weber"),
        Case(language: "fr", text: "Le port reste fermé. Le maire a déclaré qu'il rouvrirait le quai en mai.",
             quote: "il rouvrirait le quai en mai", speaker: "maire", mention: "Le maire"),
        Case(language: "fr", text: "Le port reste fermé. Selon la préfète Claire Morel, le quai rouvrira en mai.",
             quote: "le quai rouvrira en mai", speaker: "Claire Morel", mention: "la préfète Claire Morel"),
        Case(language: "fr", text: "Le port reste fermé. Le quai rouvrira en mai, a affirmé le maire.",
             quote: "Le quai rouvrira en mai", speaker: "maire", mention: "le maire"),
        Case(language: "es", text: "El puerto sigue cerrado. La alcaldesa Marta Gil dijo que el muelle abrirá en mayo.",
             quote: "el muelle abrirá en mayo", speaker: "Marta Gil", mention: "La alcaldesa Marta Gil"),
        Case(language: "es", text: "El puerto sigue cerrado. Según el ministerio, el muelle abrirá en mayo.",
             quote: "el muelle abrirá en mayo", speaker: "ministerio", mention: "el ministerio"),
        Case(language: "it", text: "Il porto resta chiuso. Il sindaco di Bari ha detto che il molo riaprirà a maggio.",
             quote: "il molo riaprirà a maggio", speaker: "sindaco di Bari", mention: "Il sindaco di Bari"),
        Case(language: "pt", text: "O porto continua fechado. O ministro Paulo Costa afirmou que o cais reabre em maio.",
             quote: "o cais reabre em maio", speaker: "Paulo Costa", mention: "O ministro Paulo Costa"),
        Case(language: "ru", text: "Порт остаётся закрытым. Губернатор Петренко заявил, что причал откроют в мае.",
             quote: "причал откроют в мае", speaker: "Губернатор Петренко", mention: "Губернатор Петренко"),
        Case(language: "ru", text: "Порт остаётся закрытым. По словам Петренко, причал откроют в мае.",
             quote: "причал откроют в мае", speaker: "Петренко", mention: "Петренко"),
        Case(language: "pl", text: "Port pozostaje zamknięty. Burmistrz Nowak powiedział, że nabrzeże zostanie otwarte w maju.",
             quote: "nabrzeże zostanie otwarte w maju", speaker: "Burmistrz Nowak", mention: "Burmistrz Nowak"),
        Case(language: "tr", text: "Liman kapalı kalıyor. Belediye Başkanı Ayşe Demir, rıhtımın mayısta açılacağını söyledi.",
             quote: "rıhtımın mayısta açılacağını", speaker: "Belediye Başkanı Ayşe Demir", mention: "Belediye Başkanı Ayşe Demir"),
        Case(language: "tr", text: "Liman kapalı kalıyor. Bakanlık, onarım çalışmalarının iki ay süreceğini ifade etti.",
             quote: "onarım çalışmalarının iki ay süreceğini", speaker: "Bakanlık", mention: "Bakanlık"),
        Case(language: "ar", text: "لا يزال الميناء مغلقا. وقال وزير النقل إن الرصيف سيفتح في مايو.",
             quote: "الرصيف سيفتح في مايو", speaker: "وزير النقل", mention: "وزير النقل"),
    ]

    @Test(arguments: cases) func reportedClauseAndSpeaker(_ c: Case) {
        MultilingualQuoteTests.expectQuote(c, kind: .indirect)
    }

    @Test("no report", arguments: [
        ("de", "Der Hafen bleibt geschlossen. Weber sagte, als sie ankam, kein Wort."),
        ("it", "Il porto resta chiuso. Per anni il molo è rimasto vuoto e nessuno lo ha riparato."),
        ("fr", "Le port reste fermé. Le quai que la ville a réparé rouvrira en mai."),
        ("es", "El puerto sigue cerrado. El muelle que el ayuntamiento reparó abrirá en mayo."),
        ("tr", "Liman kapalı kalıyor. Öte yandan, rıhtımın mayısta açılacağını Bakanlık söyledi."),
    ])
    func noReport(_ language: String, _ text: String) {
        let page = Article(id: "t", source: "t", text: text, language: language)
        #expect(QuoteExtractor().quotes(in: page).isEmpty)
    }

    @Test func aSentenceWithQuoteMarksIsLeftToTheDirectReading() {
        let text = "Der Hafen bleibt geschlossen. Weber sagte, dass „die Fähre erst im Mai“ wieder fahre."
        let page = Article(id: "t", source: "t", text: text, language: "de")
        #expect(QuoteExtractor().quotes(in: page).allSatisfy { $0.kind == .direct })
    }

    @Test func aPronounReportsForTheSpeakerNamedBefore() {
        let text = "Der Hafen bleibt geschlossen. „Wir warten auf das Gutachten“, sagte Anna Weber. Sie sagte, dass die Fähre erst im Mai fahre."
        let page = Article(id: "t", source: "t", text: text, language: "de")
        let reported = QuoteExtractor().quotes(in: page).first { $0.kind == .indirect }
        #expect(reported?.text == "die Fähre erst im Mai fahre")
        #expect(reported?.speaker == "Anna Weber")
        if let reported { #expect(speakerMention(page, reported) == "Sie") }
    }

    @Test func aScriptWithoutCapitalsEndsItsSentencesAtTheStop() {
        // Two Arabic sentences: the report ends at the first stop, not at the paragraph's end.
        let text = "وقال وزير النقل إن الرصيف سيفتح في مايو. وأغلقت الشرطة الطريق المؤدي إلى الميناء."
        let page = Article(id: "t", source: "t", text: text, language: "ar")
        #expect(QuoteExtractor().quotes(in: page).map(\.text) == ["الرصيف سيفتح في مايو"])
    }

    @Test func chineseReportedSpeechAfterASpeakerAndAVerb() {
        let text = "南京市政府周二召开会议。市长王明表示，大桥将在冬季前建成。据新华社报道，工程耗资十亿元。"
        let page = Article(id: "t", source: "t", text: text, language: "zh")
        let found = QuoteExtractor().quotes(in: page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == ["大桥将在冬季前建成", "工程耗资十亿元"])
        #expect(found.map(\.kind) == [.indirect, .indirect])
        #expect(found.first?.speaker == "市长王明")
        // The agency an "according to" form names is the speaker and the first reporter.
        #expect(found.last?.speaker == "新华社")
        #expect(found.last?.via.first == "Xinhua")
    }

    @Test func aOneCharacterVerbInsideAnotherWordOrAnUnnamedSourceIsNoReport() {
        let text = "她写了一部小说，讲述了一个港口城市的变迁。据悉，新码头将于明年启用。"
        #expect(QuoteExtractor().quotes(in: Article(id: "t", source: "t", text: text, language: "zh")).isEmpty)
    }

    @Test func aPronounWithNoQuotedSpeakerBeforeItTakesTheReportedOne() {
        let text = "Le port reste fermé. Le préfet Jean Morel a indiqué que le quai rouvrirait en mai. « Nous faisons le maximum », a-t-il ajouté."
        let page = Article(id: "t", source: "t", text: text, language: "fr")
        let direct = QuoteExtractor().quotes(in: page).first { $0.kind == .direct }
        #expect(direct?.text == "Nous faisons le maximum")
        #expect(direct?.speaker == "Jean Morel")
        if let direct { #expect(speakerMention(page, direct) == "a-t-il") }
    }

    @Test("an according-to pronoun takes the speaker named before", arguments: [
        ("ru", "В понедельник губернатор Андрей Чибис заявил, что причал откроют в мае. По его словам, работы идут круглосуточно.",
         "работы идут круглосуточно", "Андрей Чибис"),
        ("fr", "Le préfet Jean Morel a indiqué que le quai rouvrirait en mai. Selon lui, les travaux avancent vite.",
         "les travaux avancent vite", "Jean Morel"),
    ])
    func accordingToAPronoun(_ language: String, _ text: String, _ content: String, _ speaker: String) {
        let page = Article(id: "t", source: "t", text: text, language: language)
        let quote = QuoteExtractor().quotes(in: page).first { $0.text == content }
        #expect(quote?.kind == .indirect)
        #expect(quote?.speaker == speaker)
    }
}
