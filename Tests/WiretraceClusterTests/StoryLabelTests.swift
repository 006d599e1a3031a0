import Testing
@testable import WiretraceCluster
import WiretraceCore

@Suite struct StoryLabelTests {
    @Test func theHeadlineSharedAcrossOutletsWinsOverOneOutletsFurniture() {
        let members: [(title: String?, outlet: String?)] = [
            ("Get breaking news alerts from the Coast Courier", "coastcourier.example"),
            ("Get breaking news alerts from the Coast Courier", "coastcourier.example"),
            ("Get breaking news alerts from the Coast Courier", "coastcourier.example"),
            ("Harbour board votes to rebuild storm-hit pier", "harbourtimes.example"),
            ("Harbour board votes to rebuild pier after storms", "bayherald.example"),
            ("Board votes to rebuild storm-hit pier", "metro.example"),
        ]
        #expect(StoryLabel.title(of: members, origin: 0) == "Harbour board votes to rebuild storm-hit pier")
    }

    @Test func theOriginsTitleStandsAloneOrOnATie() {
        #expect(StoryLabel.title(of: [("Pier to be rebuilt", "a.example")], origin: 0) == "Pier to be rebuilt")
        let unrelated: [(title: String?, outlet: String?)] = [("Pier to be rebuilt", "a.example"), ("Weather", "b.example")]
        #expect(StoryLabel.title(of: unrelated, origin: 0) == "Pier to be rebuilt")
        let tie: [(title: String?, outlet: String?)] = [("Pier rebuilt", "a.example"), ("Pier rebuilt", "b.example")]
        #expect(StoryLabel.title(of: tie, origin: 1) == "Pier rebuilt")
    }

    @Test func furnitureIsNeverTheLabel() {
        let members: [(title: String?, outlet: String?)] = [("The Coast Courier", "coastcourier.example"), (nil, "b.example")]
        #expect(StoryLabel.title(of: members, origin: 0, isFurniture: { $0 == "The Coast Courier" }) == nil)
        #expect(StoryLabel.title(of: [], origin: 0) == nil)
    }

    @Test func aLeadSkipsTheOutletsWidgetsAndTakesTheHeadlineAboveTheBody() {
        let text = """
            The Coast Courier
            Enter your town for local weather
            You are signed in as
            Harbour board votes to rebuild storm-hit pier?

            The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two, \
            at a cost the board put at four million.
            """
        let widgets: Set<String> = ["The Coast Courier", "Enter your town for local weather", "You are signed in as"]
        #expect(StoryLabel.lead(of: text, isFurniture: widgets.contains) == "Harbour board votes to rebuild storm-hit pier?")
        // Without the widget list, the first headline-shaped line is taken.
        #expect(StoryLabel.lead(of: text, isFurniture: { _ in false }) == "Enter your town for local weather")
    }

    @Test func withoutAHeadlineTheLeadIsTheBodysFirstSentence() {
        let text = """
            Scroll to the top
            Photo: Coast Courier
            The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two. \
            Work starts in June.
            Get our headlines in your inbox:
            """
        #expect(StoryLabel.lead(of: text, isFurniture: { $0 == "Scroll to the top" })
            == "The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two.")
        // A long body line that is itself furniture (an outlet's standard paragraph) is passed over.
        #expect(StoryLabel.lead(of: "Subscribe to the Coast Courier for unlimited access to local news, weather and sports today\nStorm damage closes the pier", isFurniture: { $0.hasPrefix("Subscribe") })
            == "Storm damage closes the pier")
        #expect(StoryLabel.lead(of: "Weather\nShare\n", isFurniture: { _ in false }) == nil)
        #expect(StoryLabel.lead(of: "", isFurniture: { _ in false }) == nil)
    }

    /// ``StoryLabel/lead(of:isFurniture:)`` as it was written first: the whole text split into
    /// lines before any is read. The lead now reads line by line; both must agree.
    static func referenceLead(of text: String, isFurniture: (String) -> Bool, isPhotoCredit: (String) -> Bool) -> String? {
        var read = 0
        var afterCredit = false
        var caption: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !line.isEmpty else { continue }
            read += 1
            if read > StoryLabel.leadLines { break }
            let followsCredit = afterCredit
            afterCredit = isPhotoCredit(line)
            let words = line.split(separator: " ").count
            if words >= 12 {
                guard !isFurniture(line) else { continue }
                if followsCredit && caption == nil {
                    caption = StoryLabel.firstSentence(of: line)
                    continue
                }
                return StoryLabel.firstSentence(of: line)
            }
            if words >= 4, let last = line.last, !".,;:…".contains(last), !isFurniture(line) { return line }
        }
        return caption
    }

    @Test func theLeadReadLineByLineIsTheLeadOfTheWholeTextSplit() {
        var random = SplitMix64(seed: 15)
        let pieces = [
            "Share", "Weather", "", "   ", "\t", "Photo: Coast Courier", "Harbour board votes to rebuild pier",
            "The harbour board voted on Tuesday to rebuild the pier that the storms broke in two. Work starts soon.",
            "Ferry services move to the southern terminal from Monday, the authority said in its statement today.",
            "Sign up for our newsletter today", "Storm damage closes the pier:", "Über die Brücke fährt kein Zug mehr heute",
            "Courier Photo/Jane Doe",
        ]
        let separators = ["\n", "\r\n", "\n\n", "\r", "\u{2028}", "\n \n"]
        for round in 0..<300 {
            let count = Int(random.next() % 60)
            var text = ""
            for index in 0..<count {
                if index > 0 || round % 3 == 0 { text += separators[Int(random.next() % UInt64(separators.count))] }
                text += pieces[Int(random.next() % UInt64(pieces.count))]
            }
            let furniture: (String) -> Bool = { $0.hasPrefix("Sign up") || $0 == "Harbour board votes to rebuild pier" && round % 2 == 0 }
            let credit: (String) -> Bool = { $0.hasSuffix("Photo/Jane Doe") || $0.hasPrefix("Photo:") }
            #expect(StoryLabel.lead(of: text, isFurniture: furniture, isPhotoCredit: credit)
                == Self.referenceLead(of: text, isFurniture: furniture, isPhotoCredit: credit), "text \(text.debugDescription)")
        }
    }

    @Test func oneOutletsDifferentHeadlinesCountAtHalfWeightItsIdenticalOnesNotAtAll() {
        // A live page of one outlet: its posts' headlines share words, the section heading
        // shares none, so a headline labels the story though no other outlet carries it.
        let live: [(title: String?, outlet: String?)] = [
            ("What we are following today", "courier.example"),
            ("Harbour board votes to rebuild the pier", "courier.example"),
            ("Pier rebuild to cost four million, board says", "courier.example"),
        ]
        #expect(StoryLabel.title(of: live, origin: 0) == "Harbour board votes to rebuild the pier")
        // Three pages of one outlet against one of another: the outlet's headlines outweigh a
        // heading that shares one word with them.
        let mixed: [(title: String?, outlet: String?)] = [
            ("Welcome to our pier live coverage", "broadcaster.example"),
            ("Harbour board votes to rebuild storm-hit pier", "portal.example"),
            ("Board votes to rebuild pier after storms", "portal.example"),
            ("Pier rebuild approved by harbour board", "portal.example"),
        ]
        #expect(StoryLabel.title(of: mixed, origin: 0) == "Harbour board votes to rebuild storm-hit pier")
        // The same furniture title on all of one outlet's pages gains nothing from repeating.
        let repeated: [(title: String?, outlet: String?)] = [
            ("Harbour board votes on pier", "a.example"),
            ("The Courier Live", "courier.example"),
            ("The Courier Live", "courier.example"),
        ]
        #expect(StoryLabel.title(of: repeated, origin: 0) == "Harbour board votes on pier")
    }

    @Test func theParagraphBelowAPhotoCreditIsItsCaptionNotTheLead() {
        let text = """
            The Coast Courier
            Courier Photo/Jane Doe
            A crane lifts a section of the broken pier onto a barge in the harbour on Sunday morning.
            June 3, 2024
            The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two.
            """
        let credit: (String) -> Bool = { $0.hasPrefix("Courier Photo/") }
        #expect(StoryLabel.lead(of: text, isFurniture: { $0 == "The Coast Courier" || credit($0) }, isPhotoCredit: credit)
            == "The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two.")
        // With no paragraph after it, the caption is the lead after all.
        let only = "Courier Photo/Jane Doe\nA crane lifts a section of the broken pier onto a barge in the harbour on Sunday."
        #expect(StoryLabel.lead(of: only, isFurniture: credit, isPhotoCredit: credit)
            == "A crane lifts a section of the broken pier onto a barge in the harbour on Sunday.")
    }
}

/// The first sentence a label takes from a lead paragraph.
@Suite struct StoryLabelFirstSentenceTests {
    @Test("a dateline is left out and an abbreviation ends no sentence", arguments: [
        ("HARBOURTON—There is a strong sense of déjà vu as U.S. and Canadian officials meet again at the pier. More follows.",
         "There is a strong sense of déjà vu as U.S. and Canadian officials meet again at the pier."),
        ("HARBOURTON, Maine (AP) — Mr. Price and the board voted on Tuesday to rebuild the pier. Work starts soon.",
         "Mr. Price and the board voted on Tuesday to rebuild the pier."),
        ("HARBOURTON, July 15 (Reuters) - Harbour Minister Ana Lima has warned U.S. shippers against delays. More follows.",
         "Harbour Minister Ana Lima has warned U.S. shippers against delays."),
        ("The board led by J. Price voted on Tuesday to rebuild the pier. Work starts soon.",
         "The board led by J. Price voted on Tuesday to rebuild the pier."),
        ("The harbour board voted on Tuesday to rebuild the pier. Work starts soon.",
         "The harbour board voted on Tuesday to rebuild the pier."),
        ("NATO and EU leaders met on Tuesday to discuss the pier. Work starts soon.",
         "NATO and EU leaders met on Tuesday to discuss the pier."),
    ])
    func firstSentence(_ line: String, _ expected: String) {
        #expect(StoryLabel.firstSentence(of: line) == expected)
    }
}
