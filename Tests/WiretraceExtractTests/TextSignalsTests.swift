import Testing
@testable import WiretraceExtract

@Suite("Datelines and bylines")
struct TextSignalsTests {
    @Test("datelines in the common wire and outlet shapes", arguments: [
        ("MOSCOW: Officials said on Tuesday that talks would go on.", "MOSCOW"),
        ("MOSCOW (Reuters) - Officials said on Tuesday that talks would go on.", "MOSCOW"),
        ("TURNBERRY/GLASGOW, Scotland — The president arrived late.", "TURNBERRY/GLASGOW, Scotland"),
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
        #expect(TextSignals.byline(in: "By Ana Lima, AFP") == "Ana Lima, AFP")
        #expect(TextSignals.byline(in: "By contrast, prices fell.") == nil)
        #expect(TextSignals.byline(in: "By Tuesday the roads were clear of snow.") == nil)
    }
}
