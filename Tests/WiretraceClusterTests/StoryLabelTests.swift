import Testing
@testable import WiretraceCluster

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
}
