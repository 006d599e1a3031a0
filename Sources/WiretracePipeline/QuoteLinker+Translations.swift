import WiretraceCluster
import WiretraceCore
import WiretraceQuotes

extension QuoteLinker {
    /// Joins each quote of a translation to its original's quote of the same speaker, so that one
    /// quote keeps its relay chain through the translation (TASS's Russian words, Reuters' English).
    ///
    /// The direct quotes of the translation and of the original are taken in text order, and so is
    /// their reported speech (`X said that …`, `X ha detto che …`), each kind matched with its own;
    /// each quote of the translation is joined to the next unjoined quote of the original whose speaker
    /// mention shares a name sound key with its own (``CrossLanguageAnchors``; one key may be the
    /// other's start: "Хлайн" and "Hlaing" differ in a final sound; between two names of several
    /// words, the last words' keys). Quotes without a named speaker are left alone.
    /// - Complexity: O(t · q) for t translations with at most q quotes each, plus O(n) to rebuild
    ///   the quote records when anything was joined.
    static func joinTranslations(
        _ result: Result, sightings occurrences: [Sighting], translations: [(translation: String, original: String)],
        sources articles: [Source]
    ) -> Result {
        let published = articles.map(\.time)
        guard !translations.isEmpty, !result.quotes.isEmpty else { return result }
        // Direct quotes are matched with direct ones, reported speech with reported speech.
        let kinds = [QuoteKind.direct.rawValue, QuoteKind.indirect.rawValue]
        var byDocument: [String: [Int]] = [:]
        for (index, occurrence) in occurrences.enumerated()
        where kinds.contains(occurrence.kind) && occurrence.speaker != nil {
            byDocument[occurrence.documentID + "\u{0}" + occurrence.kind, default: []].append(index)
        }
        for key in byDocument.keys { byDocument[key]!.sort { occurrences[$0].start < occurrences[$1].start } }
        var keyCache: [String: [String]] = [:]
        func keys(_ speaker: String) -> [String] {
            if let known = keyCache[speaker] { return known }
            // A lower-case word first, so that the mention's first word reads as inside a sentence.
            let found = CrossLanguageAnchors.anchors("x " + speaker).map(\.key)
                .filter { $0.hasPrefix(CrossLanguageAnchors.soundPrefix) }
                .map { String($0.dropFirst(CrossLanguageAnchors.soundPrefix.count)) }
                .filter { $0.utf8.count >= 2 }
            keyCache[speaker] = found
            return found
        }
        func sameSpeaker(_ a: String, _ b: String) -> Bool {
            let (wordsA, wordsB) = (a.split(separator: " "), b.split(separator: " "))
            // Two names of several words each are the same person when their last words sound
            // alike ("Sędzia Eirik Lunde", "Eirik Lunde"): a first name sounding like another's
            // ("Ingrid", "Nordhavn": both NRT) proves nothing. A one-word name ("敏昂莱") may match any word.
            let (x, y) = wordsA.count >= 2 && wordsB.count >= 2
                ? (keys(String(wordsA.last!)), keys(String(wordsB.last!))) : (keys(a), keys(b))
            return x.contains { k in y.contains { $0.hasPrefix(k) || k.hasPrefix($0) } }
        }
        var sets = UnionFind(count: result.quotes.count + 1)
        var joined = false
        for pair in translations {
            for kind in kinds {
                let own = byDocument[pair.translation + "\u{0}" + kind] ?? []
                let original = byDocument[pair.original + "\u{0}" + kind] ?? []
                var next = 0
                for i in own {
                    guard let speaker = occurrences[i].speaker else { continue }
                    for position in next..<original.count {
                        let j = original[position]
                        guard let other = occurrences[j].speaker, sameSpeaker(speaker, other) else { continue }
                        if sets.find(result.quoteIDs[i]) != sets.find(result.quoteIDs[j]) {
                            sets.union(result.quoteIDs[i], result.quoteIDs[j])
                            joined = true
                        }
                        next = position + 1
                        break
                    }
                }
            }
        }
        guard joined else { return result }
        // New ids in the order of the old ones' first use; records rebuilt over all sightings.
        let indexByID = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0) })
        var newID: [Int: Int] = [:]
        var members: [[Int]] = []
        var quoteIDs = result.quoteIDs
        for (index, old) in result.quoteIDs.enumerated() {
            let root = sets.find(old)
            let id: Int
            if let known = newID[root] {
                id = known
            } else {
                id = members.count + 1
                newID[root] = id
                members.append([])
            }
            quoteIDs[index] = id
            members[id - 1].append(index)
        }
        let quotes = members.enumerated().map { offset, group in
            record(id: offset + 1, group.map { occurrences[$0] }, indexByID: indexByID, articles: articles, published: published)
        }
        return resolvingSpeakers(occurrences, quoteIDs: quoteIDs, quotes: quotes)
    }
}
