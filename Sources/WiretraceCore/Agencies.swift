/// Names of news agencies, normalised. Used by extraction (credits), quotes (relay chains) and
/// clustering (origin rules), so it lives in the core.
public enum NewsAgency {
    /// Canonical agency names and the spellings that mean them (lower-cased).
    public static let aliases: [(canonical: String, spellings: [String])] = [
        ("Reuters", ["reuters", "thomson reuters", "reuters.com"]),
        ("AP", ["ap", "associated press", "the associated press", "ap news", "apnews", "apnews.com"]),
        ("AFP", ["afp", "agence france-presse", "agence france presse", "afp news"]),
        ("TASS", ["tass", "itar-tass", "tass.com", "tass russian news agency"]),
        ("Xinhua", ["xinhua", "xinhua news agency"]),
        ("Bloomberg", ["bloomberg"]),
        ("PA", ["pa", "press association", "pa media"]),
        ("ANI", ["ani", "asian news international"]),
        ("dpa", ["dpa", "deutsche presse-agentur"]),
        ("Kyodo", ["kyodo", "kyodo news"]),
        ("Yonhap", ["yonhap"]),
        ("RIA Novosti", ["ria novosti", "ria"]),
        ("Interfax", ["interfax"]),
        ("ANSA", ["ansa"]),
        ("EFE", ["efe"]),
        ("PTI", ["pti", "press trust of india"]),
        ("Bernama", ["bernama"]),
        ("Antara", ["antara"]),
    ]

    private static let lookup: [String: String] = {
        var table: [String: String] = [:]
        for (canonical, spellings) in aliases {
            for spelling in spellings { table[spelling] = canonical }
        }
        return table
    }()

    /// The canonical name for a spelling ("Associated Press" -> "AP"), or nil if not an agency.
    public static func canonical(_ name: String) -> String? {
        let key = name.lowercased().trimmingCharacters(in: " .,;:()[]-–—/")
        return lookup[key]
    }
}

extension String {
    /// Trims the given characters from both ends (a Foundation-free helper).
    package func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var start = startIndex
        var end = endIndex
        while start < end, chars.contains(self[start]) { formIndex(after: &start) }
        while end > start {
            let before = index(before: end)
            if chars.contains(self[before]) { end = before } else { break }
        }
        return String(self[start..<end])
    }
}
