/// The readable evidence of a translation: the anchors two texts share, as each writes them.
public enum TranslationEvidence {
    /// Up to `limit` anchors both texts (with their titles) carry, names before numbers, in the
    /// order of their first occurrence in `text`: "Шойгу = Shoigu" when the writings differ,
    /// "2021" when they agree.
    ///
    /// - Complexity: O(n) in the two texts (see ``CrossLanguageAnchors``).
    /// With `spelled`, names are compared by their spelling (two languages in Latin letters), else
    /// by their sound keys.
    public static func alignedAnchors(
        _ text: String, title: String?, _ source: String, sourceTitle: String?, spelled: Bool = false, limit: Int = 12
    ) -> [String] {
        let skipped = spelled ? CrossLanguageAnchors.soundPrefix : CrossLanguageAnchors.spelledPrefix
        let own = CrossLanguageAnchors.anchors((title ?? "") + "\n" + text)
        var sourceSurface: [String: String] = [:]
        for anchor in CrossLanguageAnchors.anchors((sourceTitle ?? "") + "\n" + source) where sourceSurface[anchor.key] == nil {
            sourceSurface[anchor.key] = anchor.surface
        }
        var seen = Set<String>()
        var names: [String] = []
        var numbers: [String] = []
        for anchor in own where !seen.contains(anchor.key) && !anchor.key.hasPrefix(skipped) {
            seen.insert(anchor.key)
            guard let other = sourceSurface[anchor.key] else { continue }
            let line = anchor.surface == other ? anchor.surface : anchor.surface + " = " + other
            guard !seen.contains(line) else { continue }  // a name's full and shortened keys
            seen.insert(line)
            if anchor.key.hasPrefix("~#") { numbers.append(line) } else { names.append(line) }
        }
        return Array((names + numbers).prefix(limit))
    }
}
