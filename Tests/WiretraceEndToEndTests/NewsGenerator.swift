import WiretraceCore
import Foundation

/// Seeded generator of realistic, varied news documents for property tests of the whole run:
/// wire stories with their copies, excerpts and rewrites across outlets, quotes with speakers and
/// reporting verbs, wire credits and datelines, pages as HTML with site chrome or as plain text,
/// and the documents real dumps also hold: empty or punctuation-only texts, no names, no dates,
/// impossible dates, no outlet, other scripts, combining marks and emoji (offsets count Unicode
/// scalars), CR LF line ends, unbalanced quotation marks, a word thousands of letters long.
///
/// Every text is made up here from the word lists below; nothing comes from a real dump.
struct NewsGenerator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// One JSONL record: `id`, and optionally `url`, `outlet`, `published`, `title`, and `text` or `html`.
    struct Record {
        var id: String
        var url: String?
        var outlet: String?
        var published: String?
        var title: String?
        var text: String?
        var html: String?

        var jsonLine: String {
            var object: [String: String] = ["id": id]
            if let url { object["url"] = url }
            if let outlet { object["outlet"] = outlet }
            if let published { object["published"] = published }
            if let title { object["title"] = title }
            if let text { object["text"] = text }
            if let html { object["html"] = html }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
    }

    static let agencies = ["Reuters", "AP", "AFP", "TASS", "Xinhua"]
    static let outlets = ["Harbour City Courier", "Northern Sports Herald", "Meridian Business Daily", "Lakeside Evening Post",
                          "Pacific Islands Bulletin", "Circuit & Capital", "The Straits Ledger", "Mandalay Wire Digest"]
    static let people = ["Ingrid Holm", "Tomas Varga", "Amara Okafor", "Min Aung Hlaing", "Sergei Shoigu", "Lena Virtanen",
                         "Rafael Ortiz", "Mei Chen", "Yusuf Demir", "Ana Souza", "Pekka Laine", "Olga Petrova"]
    static let places = ["Kestrel Bay", "Tavona", "Eastvale", "Lytton", "Naypyitaw", "Moscow", "Helsinki", "Ruavatu",
                         "Port Alder", "Greywater"]
    static let nouns = ["bridge", "harbour", "council", "budget", "election", "volcano", "ferry", "market", "factory",
                        "museum", "marathon", "storm", "flood", "treaty", "summit", "plant", "strike", "airport",
                        "hospital", "school", "railway", "vaccine", "reactor", "festival"]
    static let verbs = ["approved", "rejected", "delayed", "announced", "opened", "closed", "expanded", "cancelled",
                        "postponed", "funded", "inspected", "blocked"]
    static let cues = ["said", "told reporters", "said in a statement", "added", "warned", "wrote on social media"]
    static let fillers = ["officials", "residents", "the ministry", "analysts", "the company", "police", "local media",
                          "the committee", "engineers", "witnesses"]
    static let foreign = ["Президент заявил, что переговоры продолжатся в Москве.", "Kaupunginvaltuusto hyväksyi talousarvion.",
                          "市政府宣布新的预算计划。", "أعلنت الحكومة عن خطة جديدة.", "Ο δήμαρχος ανακοίνωσε νέο σχέδιο.",
                          "Le conseil municipal a approuvé le budget."]

    /// Everyday news words, for the longer background paragraphs: a real article repeats many
    /// of its words, so well over a hundred terms can outweigh a name it mentions once.
    static let lexicon = """
        government minister officials parliament opposition party leader president police court judge trial
        prosecutors lawyers evidence witness investigation report agency company shares investors profits
        losses quarter prices inflation interest bank economy growth workers union wages strike factory
        production exports imports trade tariffs border customs shipping port container fuel energy power
        electricity grid gas pipeline climate weather rain drought heat wildfire firefighters rescue
        emergency hospital doctors patients health virus vaccine schools teachers students university
        research scientists study data results survey voters election campaign candidate ballot turnout
        council mayor city town village region province district capital streets traffic bridge railway
        station airport flights airline passengers tourists hotel festival concert museum exhibition artist
        football match season coach players fans stadium championship league title record victory defeat
        talks agreement treaty sanctions military troops soldiers army navy defence security attack
        ceasefire refugees aid donors charity volunteers housing rents property construction builders
        budget spending taxes debt deficit reform pension benefits families children parents community
        residents neighbours protest demonstrators crowd statement spokesman spokeswoman interview
        newspaper television radio website social media online network internet technology software
        phones computers chips engineers startup founders market competition regulators rules license
        environment forest river lake coast island farmers harvest crops cattle fishing boats harbour
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    static let syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "de", "sun", "har", "bel", "pi", "ton", "ra", "lek",
                            "mo", "sa", "ve", "nor", "til", "ga", "jo", "ux", "qui", "zel"]

    /// A made-up name: two capitalised words of two or three syllables.
    mutating func name() -> String {
        func word() -> String {
            (0..<(2 + random.next(2))).map { _ in random.pick(Self.syllables) }.joined().capitalized
        }
        return word() + " " + word()
    }

    /// A long paragraph of everyday words, a name or two and a number.
    mutating func background(_ event: Event) -> String {
        var words: [String] = []
        for index in 0..<(25 + random.next(25)) {
            if index == 7 { words.append(random.next(2) == 0 ? event.person : name()) }
            if index == 15, random.next(2) == 0 { words.append(String(1900 + random.next(130))) }
            words.append(random.pick(Self.lexicon))
        }
        return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
    }

    /// A long article: many background paragraphs around the event, ending on a name mentioned
    /// once (the shape of the single-article crash of issue 14: a name among the strongest
    /// names but not among the strongest terms, with the largest term id).
    mutating func longArticle(_ event: Event) -> [String] {
        var result = paragraphs(event, count: 3 + random.next(3))
        for _ in 0..<(12 + random.next(14)) { result.append(background(event)) }
        result.append("The report was welcomed by \(name()), who said little else.")
        return result
    }

    /// One event: who, where, what, when.
    struct Event {
        var person: String
        var other: String
        var place: String
        var noun: String
        var verb: String
        var number: Int
        var time: Int  // seconds since 1970
    }

    mutating func event() -> Event {
        Event(
            person: random.pick(Self.people), other: random.pick(Self.people), place: random.pick(Self.places),
            noun: random.pick(Self.nouns), verb: random.pick(Self.verbs), number: random.next(5000),
            time: 1_600_000_000 + random.next(100_000_000))
    }

    /// A wire story's paragraphs about `event`, with direct and reported speech.
    mutating func paragraphs(_ event: Event, count: Int) -> [String] {
        var result: [String] = []
        result.append("\(event.place) \(event.verb) the \(event.noun) plan on Tuesday after \(event.number) \(random.pick(Self.fillers)) "
            + "asked for a vote, \(event.person) said.")
        for index in 1..<max(count, 2) {
            switch random.next(6) {
            case 0:
                result.append("\"We have waited \(event.number % 40 + 2) years for this \(event.noun), and the people of \(event.place) "
                    + "deserve an answer,\" \(event.person) \(random.pick(Self.cues)).")
            case 1:
                result.append("“It is not the end of the \(random.pick(Self.nouns)) debate,” \(event.other) told \(random.pick(Self.agencies)) "
                    + "by telephone, adding that the \(random.pick(Self.nouns)) would be reviewed.")
            case 2:
                result.append("\(event.other) said the \(event.noun) would cost about \(event.number * 3) million and that work "
                    + "could start next year if the \(random.pick(Self.fillers)) agree.")
            case 3:
                result.append("According to \(random.pick(Self.fillers)), the \(random.pick(Self.nouns)) in \(random.pick(Self.places)) "
                    + "was \(random.pick(Self.verbs)) in \(1990 + event.number % 35) for similar reasons.")
            case 4:
                result.append("The \(random.pick(Self.fillers)) \(random.pick(Self.verbs)) a second \(random.pick(Self.nouns)) "
                    + "on paragraph \(index), which \(random.pick(Self.people)) called \"a question of trust\".")
            default:
                result.append("\(random.pick(Self.fillers).capitalized) expect a decision on the \(event.noun) within "
                    + "\(event.number % 12 + 1) weeks.")
            }
        }
        return result
    }

    static func iso(_ seconds: Int, offsetHours: Int = 0) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds + offsetHours * 3600))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let sign = offsetHours < 0 ? "-" : "+"
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:00", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!,
                      sign, abs(offsetHours))
    }

    mutating func published(_ time: Int) -> String? {
        switch random.next(12) {
        case 0: return nil
        case 1: return "yesterday afternoon"
        case 2: return String(Self.iso(time).prefix(10))
        case 3: return ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2021-02-30T25:61:00Z", ""][random.next(4)]
        default: return Self.iso(time, offsetHours: random.next(25) - 12)
        }
    }

    /// Text paragraphs as an HTML page with site chrome, sometimes broken.
    mutating func page(title: String?, outlet: String?, paragraphs: [String]) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var html = "<!doctype html><html><head><meta charset=\"utf-8\">"
        if let title { html += "<title>\(escape(title)) - \(escape(outlet ?? "News"))</title>" }
        if let outlet, random.next(2) == 0 { html += "<meta property=\"og:site_name\" content=\"\(escape(outlet))\">" }
        html += "</head><body><a href=\"#main\">Skip to main content</a><nav><ul><li>World</li><li>Business</li></ul></nav>"
        html += random.next(5) == 0 ? "<div class=\"story-body\">" : "<article>"
        if let title { html += "<h1>\(escape(title))</h1>" }
        for (index, paragraph) in paragraphs.enumerated() {
            html += random.next(15) == 0 ? "<p>\(escape(paragraph))" : "<p>\(escape(paragraph))</p>"  // unclosed <p> now and then
            if index == 2, random.next(3) == 0 { html += "<div class=\"ad\">Advertisement</div>" }
        }
        html += "</article><footer>© \(escape(outlet ?? "News")). All rights reserved.</footer>"
        if random.next(6) != 0 { html += "</body></html>" }
        return html
    }

    /// The odd documents real dumps hold.
    mutating func oddText(_ index: Int) -> String {
        switch index % 12 {
        case 0: return ""
        case 1: return "   \n\n  \t "
        case 2: return "... --- !!! ??? «» “ ”"
        case 3: return "the and of to in on at by"
        case 4: return String(repeating: "x", count: 5000) + " ends here."
        case 5: return "Bürgermeister Jürgen said “unbalanced quote and never closed. \"Another one \"nested \"deeper."
        case 6: return Self.foreign.joined(separator: "\n\n")
        case 7: return "Cafe\u{301} owner Zoe\u{308} said \"the 👩‍👩‍👧 family menu 🇫🇮 sold out\" on Friday.\r\n\r\nMore to follow."
        case 8: return "lower case only no names no dates no quotes just words about a harbour and a ferry and the weather"
        case 9: return "\"\"\"\"\"\" said"
        case 10: return String(repeating: "Name Said \"Quote\" ", count: 300)
        default: return "「市长说」\"引用\" 他说。 Ingrid Holm \"said\" \"\" \"x\""
        }
    }

    /// `count` records: a few wire stories with copies (some credited, some with a dateline),
    /// excerpts and rewrites, unrelated single stories, and odd documents; HTML or text, in a
    /// shuffled order.
    mutating func records(count: Int) -> [Record] {
        var records: [Record] = []
        var serial = 0
        func nextID(_ prefix: String) -> String {
            serial += 1
            return "\(prefix)-\(serial)"
        }
        while records.count < count {
            let kind = random.next(10)
            if kind < 5 {
                // A wire story and its carriers.
                let event = event()
                let agency = random.pick(Self.agencies)
                let wire = random.next(2) == 0 ? longArticle(event) : paragraphs(event, count: 4 + random.next(6))
                let title = "\(event.place) \(event.verb) \(event.noun) plan"
                records.append(record(nextID("wire"), outlet: agency, title: title, time: event.time, paragraphs: wire))
                for _ in 0..<random.next(4) {
                    var copy = wire
                    let credit = random.next(3)
                    if credit == 0 { copy[0] = "\(event.place.uppercased()) (\(agency)) - " + copy[0] }
                    if credit == 1 { copy.append("Source: \(agency)/jt") }
                    if random.next(2) == 0, copy.count > 3 { copy.remove(at: 1 + random.next(copy.count - 2)) }
                    let excerpt = random.next(4) == 0 ? Array(copy.prefix(2)) : copy
                    records.append(record(nextID("copy"), outlet: random.pick(Self.outlets), title: title,
                                          time: event.time + random.next(40_000), paragraphs: excerpt))
                }
                if random.next(2) == 0 {
                    let rewrite = paragraphs(event, count: 3 + random.next(4)).shuffled(using: &random)
                    records.append(record(nextID("rewrite"), outlet: random.pick(Self.outlets),
                                          title: "\(event.person) on the \(event.noun) in \(event.place)",
                                          time: event.time + random.next(80_000), paragraphs: rewrite))
                }
            } else if kind < 8 {
                let event = event()
                let body = random.next(2) == 0 ? longArticle(event) : paragraphs(event, count: 2 + random.next(8))
                records.append(record(nextID("single"), outlet: random.next(5) == 0 ? nil : random.pick(Self.outlets),
                                      title: random.next(4) == 0 ? nil : "\(event.noun.capitalized) news from \(event.place)",
                                      time: event.time, paragraphs: body))
            } else {
                let index = random.next(1000)
                let text = oddText(index)
                records.append(Record(
                    id: nextID("odd"), url: nil, outlet: random.next(2) == 0 ? nil : random.pick(Self.outlets),
                    published: published(1_600_000_000 + index), title: random.next(2) == 0 ? nil : "Odd \(index)",
                    text: random.next(3) == 0 ? nil : text, html: nil))
                if records[records.count - 1].text == nil {
                    records[records.count - 1].html = "<html><body><article><p>\(text)</p></article></body></html>"
                }
            }
        }
        return Array(records.prefix(count)).shuffled(using: &random)
    }

    mutating func record(_ id: String, outlet: String?, title: String?, time: Int, paragraphs: [String]) -> Record {
        let asText = random.next(2) == 0
        let separator = random.next(8) == 0 ? "\r\n\r\n" : "\n\n"
        let slug = (title ?? id).lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: "-")
        return Record(
            id: id, url: random.next(4) == 0 ? nil : "https://\(outlet?.lowercased().filter(\.isLetter) ?? "news").example/\(slug)",
            outlet: outlet, published: published(time), title: title,
            text: asText ? paragraphs.joined(separator: separator) : nil,
            html: asText ? nil : page(title: title, outlet: outlet, paragraphs: paragraphs))
    }
}


extension SplitMix64 {
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}
