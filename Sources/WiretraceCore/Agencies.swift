/// Names of news agencies, normalised. Used by extraction (credits), quotes (relay chains) and
/// clustering (origin rules), so it lives in the core.
public enum NewsAgency {
    /// Canonical agency names and the spellings that mean them (lower-cased), in the scripts the
    /// agencies' own and other outlets write them ("ТАСС", "新华社").
    public static let aliases: [(canonical: String, spellings: [String])] = [
        ("Reuters", ["reuters", "thomson reuters", "reuters.com", "рейтер", "рейтерс", "路透社", "路透", "ロイター", "로이터"]),
        ("AP", ["ap", "associated press", "the associated press", "ap news", "apnews", "apnews.com", "ассошиэйтед пресс", "美联社", "美聯社"]),
        ("AFP", ["afp", "agence france-presse", "agence france presse", "afp news", "франс пресс", "法新社"]),
        ("TASS", ["tass", "itar-tass", "tass.com", "tass russian news agency", "тасс", "итар-тасс", "塔斯社", "塔斯"]),
        ("Xinhua", ["xinhua", "xinhua news agency", "新华社", "新華社", "синьхуа"]),
        ("Bloomberg", ["bloomberg"]),
        ("PA", ["pa", "press association", "pa media"]),
        ("ANI", ["ani", "asian news international"]),
        ("dpa", ["dpa", "deutsche presse-agentur"]),
        ("Kyodo", ["kyodo", "kyodo news", "共同社", "共同通信"]),
        ("Yonhap", ["yonhap", "연합뉴스", "韩联社"]),
        ("RIA Novosti", ["ria novosti", "ria", "риа новости", "риа"]),
        ("Interfax", ["interfax", "интерфакс"]),
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
