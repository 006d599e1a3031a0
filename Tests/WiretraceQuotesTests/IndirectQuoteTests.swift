import Testing
import WiretraceCore
@testable import WiretraceQuotes

@Suite struct IndirectQuoteTests {
    @Test func saidThatClause() {
        let page = article(["Finance Minister Maria Lopez said that the budget would be balanced next year."])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.count == 1)
        #expect(found.first?.kind == .indirect)
        #expect(found.first?.text == "the budget would be balanced next year")
        #expect(found.first?.speaker == "Maria Lopez")
        #expect(found.first?.cue == "said")
    }

    @Test func saidWithoutThat() {
        let page = article(["Maria Lopez said the budget would be balanced next year."])
        let found = quotes(page)
        #expect(found.first?.text == "the budget would be balanced next year")
        #expect(found.first?.kind == .indirect)
    }

    @Test func accordingToThenClause() {
        let page = article(["According to the World Bank, growth in the region will slow to 2 percent."])
        let found = quotes(page)
        #expect(found.first?.kind == .indirect)
        #expect(found.first?.text == "growth in the region will slow to 2 percent")
        #expect(found.first?.speaker == "the World Bank")
        #expect(found.first?.cue == "According to")
        #expect(offsetsHold(page, found))
    }

    @Test func clauseThenAccordingTo() {
        let page = article(["The crackdown has left at least 870 civilians dead, according to a local monitoring group."])
        let found = quotes(page)
        #expect(found.first?.text == "The crackdown has left at least 870 civilians dead")
        #expect(found.first?.speaker == "a local monitoring group")
    }

    @Test func clauseThenSpeakerSaid() {
        let page = article([
            "Health Secretary Sajid Javid visited the ward.",
            "Waiting lists will come down by December, he said.",
        ])
        let found = quotes(page)
        #expect(found.count == 1)
        #expect(found.first?.text == "Waiting lists will come down by December")
        #expect(found.first?.speaker == "Sajid Javid")
    }

    @Test func narrationIsNotReportedSpeech() {
        let page = article(["The minister flew to Paris on Monday and met the president at the palace."])
        #expect(quotes(page).isEmpty)
    }
}
