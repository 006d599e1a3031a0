import WiretraceCore

/// Builds the relay chain of a quote: who reported it first, which wires carried it, who published it.
package enum RelayChain {
    /// The chain after the speaker: the first reporter named in the text (if any), the credited wires,
    /// then the publishing outlet; consecutive duplicates removed (agency spellings compared canonically).
    package static func via(firstReporter: String?, article: Article) -> [String] {
        var chain: [String] = []
        func append(_ name: String?) {
            guard let name else { return }
            let trimmed = name.trimmingCharacters(in: " ")
            guard !trimmed.isEmpty else { return }
            let canonical = NewsAgency.canonical(trimmed) ?? trimmed
            if let last = chain.last, last.lowercased() == canonical.lowercased() { return }
            chain.append(canonical)
        }
        append(firstReporter)
        for credit in article.credits { append(credit.agency) }
        append(article.outlet)
        return chain
    }

    /// The news agency named inside a phrase ("Russian news agency TASS" -> "TASS"), if any.
    /// - Complexity: O(k²) lookups for a phrase of k words.
    package static func agency(in words: [Token]) -> String? {
        let n = min(words.count, 8)
        let slice = Array(words.suffix(n))
        for length in stride(from: min(4, n), through: 1, by: -1) {
            for start in 0...(n - length) {
                let part = slice[start..<(start + length)]
                guard part.first!.isCapitalized || part.first!.isAllCaps else { continue }
                if let name = NewsAgency.canonical(part.map(\.text).joined(separator: " ")) { return name }
            }
        }
        return nil
    }

    /// Whether a phrase names a news medium ("Reuters", "the Financial Times", "state media").
    package static func isMedium(_ words: [Token]) -> Bool {
        if agency(in: words) != nil { return true }
        if words.contains(where: { Lexicon.mediaWords.contains($0.stem) && ($0.isCapitalized || $0.lower == "media" || $0.lower == "television" || $0.lower == "tv" || $0.lower == "radio") }) {
            return true
        }
        return false
    }
}
