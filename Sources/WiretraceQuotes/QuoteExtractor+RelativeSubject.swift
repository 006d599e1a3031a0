/// A fronted report whose subject is followed by a relative clause between commas, right before
/// the reporting verb: "<clause>, Tom Reyes, who leads the union, said." (issue 16). The subject
/// is a name or a role; the relative clause opens with "who" or "whose" and holds words only.
extension QuoteExtractor {
    /// The subject and its relative clause before the reporting verb at `v` ("Tom Reyes, who leads
    /// the union,"), the subject alone (the speaker the rules report) and the comma that closes the
    /// reported clause. Nil when the verb follows no comma, the part before the relative clause is
    /// no name or role (a clause, a list), or the relative clause holds a quote mark or another comma
    /// (``QuoteExtractorOptions/relativeClauseSubjects``).
    /// - Complexity: O(w) in the words of the sentence before the verb.
    static func relativeClauseSubject(
        verbAt v: Int, sentenceStart a: Int, tokens: [Token], finder: SpeakerFinder
    ) -> (subject: ClosedRange<Int>, name: ClosedRange<Int>, comma: Int)? {
        guard v - 1 > a, tokens[v - 1].text == "," else { return nil }
        let close = v - 1
        guard let middle = (a..<close).last(where: { tokens[$0].text == "," }), middle + 2 < close,
            ["who", "whose"].contains(tokens[middle + 1].lower),
            let open = (a..<middle).last(where: { tokens[$0].text == "," }), open > a
        else { return nil }
        let relative = (middle + 1)...(close - 1)
        guard tokens[relative].allSatisfy({ $0.isWord || $0.text == "." }), tokens[relative].filter(\.isWord).count <= 16
        else { return nil }
        var start = open + 1
        if isQuoteMark(tokens[start]) { start += 1 }
        guard start < middle else { return nil }
        let subject = start...(middle - 1)
        let words = tokens[subject].filter(\.isWord)
        guard tokens[subject].allSatisfy({ $0.isWord || $0.text == "." }), !words.isEmpty,
            !Lexicon.pronouns.contains(tokens[start].lower),
            readsAsSpeakerPhrase(subject, tokens: tokens, finder: finder, irregularPasts: true)
        else { return nil }
        return (subject.lowerBound...relative.upperBound, subject, open)
    }
}
