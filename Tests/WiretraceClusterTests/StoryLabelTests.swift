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
    static func referenceLead(of text: String, isFurniture: (String) -> Bool) -> String? {
        var read = 0
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !line.isEmpty else { continue }
            read += 1
            if read > StoryLabel.leadLines { break }
            let words = line.split(separator: " ").count
            if words >= 12 {
                guard !isFurniture(line) else { continue }
                return StoryLabel.firstSentence(of: line)
            }
            if words >= 4, let last = line.last, !".,;:…".contains(last), !isFurniture(line) { return line }
        }
        return nil
    }

    @Test func theLeadReadLineByLineIsTheLeadOfTheWholeTextSplit() {
        var random = SplitMix64(seed: 15)
        let pieces = [
            "Share", "Weather", "", "   ", "\t", "Photo: Coast Courier", "Harbour board votes to rebuild pier",
            "The harbour board voted on Tuesday to rebuild the pier that the storms broke in two. Work starts soon.",
            "Ferry services move to the southern terminal from Monday, the authority said in its statement today.",
            "Sign up for our newsletter today", "Storm damage closes the pier:", "Über die Brücke fährt kein Zug mehr heute",
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
            #expect(StoryLabel.lead(of: text, isFurniture: furniture) == Self.referenceLead(of: text, isFurniture: furniture), "text \(text.debugDescription)")
        }
    }
}
