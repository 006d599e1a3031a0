import Testing
import WiretraceCore
@testable import WiretraceReport
import WiretraceStore

/// The report reads a member's stored evidence (the JSON of Core's ``StoryEvidence``) back into
/// one line per member.
@Suite struct EvidenceSummaryTests {
    static func member(_ role: String, of: String? = nil, _ evidence: String) -> ClusterMemberRecord {
        ClusterMemberRecord(documentID: "harbour-copy", outlet: "Harbour Courier", role: role, of: of, group: nil, evidence: evidence)
    }

    @Test func copiesShowTheirScoresAndCredit() {
        let member = Self.member("copy", of: "harbour-wire", #"{"containment":0.9,"credited":false,"jaccard":0.845,"link":"copy","of":"harbour-wire"}"#)
        #expect(StoryReport.evidenceSummary(member) == "of harbour-wire, Jaccard 0.85, 90% inside, uncredited")
        #expect(!StoryReport.credited(member))
    }

    @Test func rewritesAndTranslationsShowWhatLinkedThem() {
        let rewrite = Self.member("rewrite", #"{"link":"rewrite","shared_quotes":2,"similarity":0.31}"#)
        #expect(StoryReport.evidenceSummary(rewrite) == "similarity 0.31, 2 shared quotes")
        let translation = Self.member(
            "translation", #"{"anchors":["Шойгу = Shoigu","1,5 = 1.5"],"languages":"ru<en","link":"translation","similarity":0.5}"#)
        #expect(StoryReport.evidenceSummary(translation) == "ru<en, anchors 0.50, Шойгу = Shoigu; 1,5 = 1.5")
        let origin = Self.member("origin", #"{"basis":"earliest published","link":"origin"}"#)
        #expect(StoryReport.evidenceSummary(origin) == "earliest published")
    }

    @Test func evidenceThatIsNotAnObjectIsLeftOut() {
        #expect(StoryReport.evidenceSummary(Self.member("copy", "not json")) == nil)
        #expect(StoryReport.evidenceSummary(Self.member("copy", #"{"jaccard":"high"}"#)) == nil)
        #expect(StoryReport.evidenceSummary(Self.member("rewrite", "{}")) == nil)
    }
}
