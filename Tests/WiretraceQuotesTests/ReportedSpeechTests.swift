import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Indirect and mixed speech found by the trained tagger, on sentences written for these tests.
/// Each test names the form; the content must be the reported clause (most of its words, little
/// more), the kind indirect, and the speaker mention the words the attribution rests on.
@Suite struct ReportedSpeechTests {
    /// The occurrence covering most of `clause`, when it covers at least 80% of it and is at most
    /// a few words longer.
    private func reported(_ clause: String, in paragraphs: [String]) -> (QuoteOccurrence, Article)? {
        let page = article(paragraphs)
        let found = quotes(page)
        let scalars = Array(page.text.unicodeScalars)
        let needle = Array(clause.unicodeScalars)
        guard offsetsHold(page, found), needle.count <= scalars.count,
            let start = (0...(scalars.count - needle.count)).first(where: { Array(scalars[$0..<($0 + needle.count)]) == needle })
        else { return nil }
        let end = start + needle.count
        let best = found.max { a, b in
            (min(a.end, end) - max(a.start, start)) < (min(b.end, end) - max(b.start, start))
        }
        guard let best else { return nil }
        let shared: Int = min(best.end, end) - max(best.start, start)
        let length: Int = end - start
        guard shared * 10 >= length * 8, best.end - best.start <= length + 25 else { return nil }
        return (best, page)
    }

    @Test func saidWithAPronounClause() throws {
        let (q, page) = try #require(reported(
            "she was confident the bridge would reopen by spring",
            in: ["Mayor Lena Ortiz toured the site on Monday.", "She said she was confident the bridge would reopen by spring."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q) == "She")
        #expect(q.speaker == "Lena Ortiz")
    }

    @Test func organisationSaidItClause() throws {
        let (q, page) = try #require(reported(
            "it opposed the plan for a second runway",
            in: ["The regional council said it opposed the plan for a second runway."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.hasSuffix("council") == true)
    }

    @Test func saidThatClause() throws {
        let (q, page) = try #require(reported(
            "the ferry service would be cut back in the winter months",
            in: ["Transport officials said that the ferry service would be cut back in the winter months."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.contains("officials") == true)
    }

    @Test func clauseThenSpeakerSaid() throws {
        let (q, page) = try #require(reported(
            "Rents in the old quarter have doubled in five years",
            in: ["Tomas Berg runs a tenants' group in the city.", "Rents in the old quarter have doubled in five years, he said."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q) == "he")
        #expect(q.speaker == "Tomas Berg")
    }

    @Test func toldSomeoneClause() throws {
        let (q, page) = try #require(reported(
            "the talks had stalled over pensions",
            in: ["Union leader Carla Mendes told reporters the talks had stalled over pensions."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.hasSuffix("Mendes") == true)
    }

    @Test(arguments: ["added", "noted", "warned", "argued", "claimed", "insisted"])
    func otherReportingVerbs(_ verb: String) throws {
        let (q, page) = try #require(reported(
            "the new rules would raise costs for small farms",
            in: ["Agriculture economist Priya Nair \(verb) that the new rules would raise costs for small farms."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.hasSuffix("Nair") == true)
    }

    @Test func accordingToSpeakerThenClause() throws {
        let (q, page) = try #require(reported(
            "water levels in the reservoir are at their lowest in a decade",
            in: ["According to the water authority, water levels in the reservoir are at their lowest in a decade."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.hasSuffix("authority") == true)
    }

    @Test func spokespersonSaid() throws {
        let (q, page) = try #require(reported(
            "no decision had been made on the school closures",
            in: ["A spokesperson for the education ministry said no decision had been made on the school closures."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.lowercased().contains("spokesperson") == true)
    }

    @Test func possessiveSpokespersonSaid() throws {
        let (q, page) = try #require(reported(
            "the company would appeal the ruling",
            in: ["The carmaker's spokeswoman said the company would appeal the ruling."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.contains("spokeswoman") == true)
    }

    @Test func mixedSpeechKeepsTheClause() throws {
        let (q, page) = try #require(reported(
            "the budget was \"a betrayal of every nurse in the province\"",
            in: ["Health critic Omar Haddad said the budget was \"a betrayal of every nurse in the province\"."]))
        #expect(speakerMention(page, q)?.hasSuffix("Haddad") == true)
    }

    @Test func stanceVerbWithANounPhrase() throws {
        // What a verb of stance takes is a noun phrase standing for what was said.
        let (q, page) = try #require(reported(
            "the closure of two branch libraries",
            in: ["The city council announced the closure of two branch libraries on Tuesday."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.hasSuffix("council") == true)
    }

    @Test func beliefVerbClause() throws {
        let (q, page) = try #require(reported(
            "the housing market will cool by the autumn",
            in: ["Economist Farah Aziz believes the housing market will cool by the autumn."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.hasSuffix("Aziz") == true)
    }

    @Test func clauseSplitAroundTheCue() throws {
        // "A, he said, B": the words after the parenthetical cue run on to the end of the sentence.
        let (q, page) = try #require(reported(
            "would add three trains an hour at peak times",
            in: ["The new timetable, the rail operator said, would add three trains an hour at peak times."]))
        #expect(q.kind == .indirect)
        #expect(speakerMention(page, q)?.contains("operator") == true)
    }

    @Test func clauseThenSaidAndAnInvertedSubjectWithAnApposition() throws {
        // "<report>, said <speaker>, <apposition>": the words after the verb are who spoke.
        let (q, page) = try #require(reported(
            "The old steel plant is holding on, but it is under heavy pressure from cheap imports",
            in: ["The mill has been losing money for years.",
                "The old steel plant is holding on, but it is under heavy pressure from cheap imports, said the company's chief executive, Rolf J. Amundsen."]))
        #expect(q.kind == .indirect)
        let mention = try #require(speakerMention(page, q))
        #expect(mention.contains("Amundsen") || mention.contains("executive"))
    }

    @Test func speakerMentionOffsetsPointAtTheWordsInThisDocument() throws {
        let page = article([
            "Fire chief Ingrid Holm spoke after the blaze.",
            "\"We lost two homes tonight, and we were lucky it was not more,\" Holm said.",
        ])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        let q = try #require(found.first { $0.text.contains("We lost two homes") })
        let start = try #require(q.speakerStart)
        let end = try #require(q.speakerEnd)
        let scalars = Array(page.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Holm")
        // The mention is the second "Holm" (the one the attribution rests on), the name resolved in full.
        #expect(start > page.text.unicodeScalars.count / 2)
        #expect(q.speaker == "Ingrid Holm")
    }
}
