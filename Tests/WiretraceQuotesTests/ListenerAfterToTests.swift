import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Who was spoken to is not who spoke: a noun phrase right after "to" ("explained it to the weekly
/// Valley Gazette:", "speaking to Channel 9") is not chosen as the speaker, whichever part found it
/// (``QuoteExtractorOptions/listenersAfterTo``, ``TaggedAttributions/speakerChoices(_:)``).
/// Sentences written for these tests.
@Suite struct ListenerAfterToTests {
    private func words(_ a: TaggedAttributions, _ range: ClosedRange<Int>) -> String {
        a.input.tokens[range].map(\.text).joined(separator: " ")
    }

    private func phrases(_ text: String, content: String, source: String?, options: QuoteExtractorOptions = QuoteExtractorOptions()) throws -> [String] {
        let a = try handTagged(text, cue: nil, content: content, source: source, options: options)
        let span = try #require(a.contents.first)
        return a.speakerChoices(a.candidates(for: span, cue: a.cue(for: span), rule: nil)).map { words(a, $0.range) }
    }

    private let text = "Mayor Dana Kowalski explained the delay to the weekly Valley Gazette: the new bridge will open in June."

    @Test func aTaggedListenerIsNoCandidate() throws {
        let found = try phrases(text, content: "the new bridge will open in June", source: "Valley Gazette")
        #expect(!found.contains("Valley Gazette"), "found: \(found)")
        #expect(found.contains("Dana Kowalski") || found.contains("Mayor Dana Kowalski"), "found: \(found)")
        var off = QuoteExtractorOptions()
        off.listenersAfterTo = false
        #expect(try phrases(text, content: "the new bridge will open in June", source: "Valley Gazette", options: off).contains("Valley Gazette"))
    }

    @Test func aListenerAfterAParticipleOfSpeaking() throws {
        let text = "A nurse speaking to Channel 9 said the ward had been closed for a week."
        let a = try handTagged(text, cue: "said", content: "the ward had been closed for a week", source: "Channel 9")
        #expect(a.isAfterTo(try #require(tokenSpan("Channel 9", in: a.input))))
        #expect(!a.isAfterTo(try #require(tokenSpan("A nurse", in: a.input))))
    }

    @Test(arguments: [
        "The ward had been closed for a week, according to the Valley Gazette.",
        "The ward had been closed for a week, a remark attributed to the Valley Gazette.",
    ])
    func accordingToStillNamesTheSpeaker(_ text: String) throws {
        let a = try handTagged(text, cue: nil, content: "had been closed for a week")
        #expect(!a.isAfterTo(try #require(tokenSpan("Valley Gazette", in: a.input))))
    }

    @Test(arguments: [
        // A relative pronoun after the object starts a clause of its own.
        ("The plan gave hope to tenants who said the rents were too high.", "who"),
        // A possessive holds the next noun: "counter to the mayor's pledge".
        ("The vote ran counter to the mayor's pledge that rents would be frozen.", "the mayor's"),
        // The object of an infinitive: "to remember Ann Berg".
        ("Voters are old enough to remember Ann Berg promising lower rents.", "Ann Berg"),
    ])
    func notTheObjectOfTo(_ c: (String, String)) throws {
        let a = try handTagged(c.0, cue: nil, content: c.0.split(separator: " ").prefix(2).joined(separator: " "))
        #expect(!a.isAfterTo(try #require(tokenSpan(c.1, in: a.input))), "\(c.0)")
    }

    @Test func aClauseBetweenIsNoListenerPhrase() throws {
        let text = "She went to court and Ann Berg said the ruling was wrong."
        let a = try handTagged(text, cue: "said", content: "the ruling was wrong")
        #expect(!a.isAfterTo(try #require(tokenSpan("Ann Berg", in: a.input))))
    }
}
