import Testing
@testable import WiretraceExtract

@Suite("Datelines and bylines")
struct TextSignalsTests {
    @Test("datelines in the common wire and outlet shapes", arguments: [
        ("MOSCOW: Officials said on Tuesday that talks would go on.", "MOSCOW"),
        ("MOSCOW (Reuters) - Officials said on Tuesday that talks would go on.", "MOSCOW"),
        ("PORTREE/INVERNESS, Scotland — The minister arrived late.", "PORTREE/INVERNESS, Scotland"),
        ("WASHINGTON, July 4 (AP) — Fireworks lit up the Mall.", "WASHINGTON"),
        ("BEIJING, Jan. 5, 2024 (Xinhua) -- Snow fell across the north.", "BEIJING"),
        ("KAZAN, April 9. /TASS/. The governor opened a bridge.", "KAZAN"),
        ("NEW YORK — Stocks rose in early trade.", "NEW YORK"),
        ("ST. PETERSBURG, Florida (AP) — A storm passed offshore.", "ST. PETERSBURG, Florida"),
    ])
    func datelines(paragraph: String, place: String) {
        #expect(TextSignals.dateline(in: paragraph) == place)
    }

    @Test("prose and teasers have no dateline", arguments: [
        "US President Joe Biden - who spoke on Monday - said little.",
        "READ: Talks resume next week",
        "A Russian delegation arrived on Monday.",
        "UPDATE: The road has reopened.",
        "(Reuters) - Markets fell on Monday.",
        "BIG TALKS AHEAD: The two leaders meet on Monday.",
        "WATCH LIVE: The news conference begins at noon.",
    ])
    func noDateline(paragraph: String) {
        #expect(TextSignals.dateline(in: paragraph) == nil)
    }

    @Test("bylines, and prose that starts with 'By'")
    func bylines() {
        #expect(TextSignals.byline(in: "By Jane Doe and John Roe") == "Jane Doe and John Roe")
        // The agency is a credit (CreditDetector), not an author.
        #expect(TextSignals.byline(in: "By Ana Lima, AFP") == "Ana Lima")
        #expect(TextSignals.byline(in: "By Reuters") == nil)
        #expect(TextSignals.byline(in: "By contrast, prices fell.") == nil)
        #expect(TextSignals.byline(in: "By Tuesday the roads were clear of snow.") == nil)
    }

    @Test("bylines in other languages, with desks, titles and dates after the names", arguments: [
        ("Von Anna Berger, dpa", "Anna Berger"),
        ("Von Anna Berger und Jonas Keller", "Anna Berger und Jonas Keller"),
        ("Par Claire Morel, envoyée spéciale à Lyon", "Claire Morel"),
        ("Por Ana Ruiz y Pablo Gil", "Ana Ruiz y Pablo Gil"),
        ("Di Marco Bellini", "Marco Bellini"),
        ("By MARTA OKAFOR, AP Science Writer | on", "MARTA OKAFOR"),
        ("By Ruth Okonjo - The Harbour Times - Sunday, July 14, 2024", "Ruth Okonjo"),
        ("By Jane Doe, John Roe and Ann Lee", "Jane Doe, John Roe and Ann Lee"),
        ("By Jane Doe, Staff Writer", "Jane Doe"),
        ("By Jane Doe for AFP", "Jane Doe"),
    ])
    func multilingualBylines(line: String, names: String) {
        #expect(TextSignals.byline(in: line) == names)
    }

    @Test("desks, agencies and URLs are not authors; prose after 'Di' is not a byline")
    func notAuthors() {
        #expect(TextSignals.authorName("Redaktion") == nil)
        #expect(TextSignals.authorName("La rédaction") == nil)
        #expect(TextSignals.authorName("dpa") == nil)
        #expect(TextSignals.authorName("The Associated Press") == nil)
        #expect(TextSignals.authorName("https://www.example.com/authors/jane") == nil)
        #expect(TextSignals.authorName("Von Anna Berger, dpa") == "Anna Berger")
        #expect(TextSignals.byline(in: "Di Maio said the talks would go on.") == nil)
    }
}
