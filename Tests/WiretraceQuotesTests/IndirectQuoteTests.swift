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

    /// The plainest reported-speech forms, each after a sentence of narration: the content is the
    /// reported clause and the speaker the mention beside the verb.
    @Test(arguments: [
        ("The librarian opened the new reading room. She said she is glad the doors are finally open.",
         "she is glad the doors are finally open", "She", "said"),
        ("Residents packed the hall on Monday. The town said it rejected the proposed quarry.",
         "it rejected the proposed quarry", "The town", "said"),
        ("Cooks at two diners signed cards this week. A pay raise is long overdue in the kitchen trade, she said.",
         "A pay raise is long overdue in the kitchen trade", "she", "said"),
        ("The vote was close. Omar Haddad told the committee the rail link would open by the autumn.",
         "the rail link would open by the autumn", "Omar Haddad", "told"),
        ("Ticket sales slowed. According to the festival board, attendance fell for a third straight year.",
         "attendance fell for a third straight year", "the festival board", "According to"),
        ("The ferry stayed in port. The operator's spokesperson said high winds had closed the crossing.",
         "high winds had closed the crossing", "The operator's spokesperson", "said"),
    ])
    func plainReportedClause(_ text: String, _ clause: String, _ mention: String, _ cue: String) {
        let page = article([text])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.count == 1)
        #expect(found.first?.kind == .indirect)
        #expect(found.first?.text == clause)
        #expect(found.first.flatMap { speakerMention(page, $0) } == mention)
        #expect(found.first?.cue == cue)
    }

    /// Mixed speech: a clause after "said" that quotes a few words is one reported clause, from its
    /// first word (not from a comma inside it) to the closing quote mark.
    @Test func clauseWithQuotedWordsIsOneContent() {
        let page = article([
            "The treasurer said the shortfall, which widened over the winter, would narrow to \u{201C}a level we can carry\u{201D} by next year."
        ])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.count == 1)
        #expect(found.first?.kind == .indirect)
        #expect(
            found.first?.text
                == "the shortfall, which widened over the winter, would narrow to \u{201C}a level we can carry\u{201D} by next year")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "The treasurer")
    }

    /// A sentence that opens its clause with a quote is the quote-mark rules' direct quote, not a clause.
    @Test func quoteOpeningTheClauseStaysDirect() {
        let page = article(["The treasurer said that \u{201C}the shortfall will narrow by next year, as planned.\u{201D}"])
        let found = quotes(page)
        #expect(found.count == 1)
        #expect(found.first?.kind == .direct)
    }
}
