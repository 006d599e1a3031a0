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
        // National agencies of Europe, North America and Oceania whose credits close bylines
        // ("NAME, TT", "Von NAME, APA"). Short spellings that are also common words or other
        // bodies' initials (ATS, AGI, CP, STA) are left out.
        ("TT", ["tt", "tt nyhetsbyrån"]),
        ("NTB", ["ntb", "norsk telegrambyrå"]),
        ("Ritzau", ["ritzau", "ritzaus bureau"]),
        ("STT", ["stt", "suomen tietotoimisto"]),
        ("APA", ["apa", "austria presse agentur"]),
        ("Keystone-SDA", ["keystone-sda", "sda", "keystone-ats"]),
        ("KNA", ["kna", "katholische nachrichten-agentur"]),
        ("epd", ["epd", "evangelischer pressedienst"]),
        ("ANP", ["anp", "algemeen nederlands persbureau"]),
        ("Belga", ["belga"]),
        ("PAP", ["pap", "polska agencja prasowa"]),
        ("ČTK", ["čtk", "ctk", "česká tisková kancelář"]),
        ("MTI", ["mti", "magyar távirati iroda"]),
        ("Lusa", ["lusa", "agência lusa"]),
        ("Europa Press", ["europa press"]),
        ("Anadolu", ["anadolu", "anadolu agency", "anadolu ajansı"]),
        ("AAP", ["aap", "australian associated press"]),
        ("Canadian Press", ["canadian press", "the canadian press"]),
        ("UPI", ["upi", "united press international"]),
        ("Jiji", ["jiji", "jiji press", "時事通信"]),
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
        // Most strings have nothing to trim: answered without building the set.
        guard let first, let last, set.contains(first) || set.contains(last) else { return self }
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
