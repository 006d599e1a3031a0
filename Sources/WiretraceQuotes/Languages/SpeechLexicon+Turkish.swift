extension SpeechLexicon {
    /// Turkish, subject first and verb last: `Erdoğan, “…” dedi.`, `Bakan şunları söyledi: “…”`,
    /// `Bakan'a göre`.
    static let turkish = SpeechLexicon(
        language: "tr",
        order: .verbFinal,
        verbs: [
            "dedi", "diyor", "demişti", "dediler", "diye", "söyledi", "söylüyor", "söylemişti", "açıkladı",
            "açıklıyor", "belirtti", "belirtiyor", "kaydetti", "vurguladı", "vurguluyor", "ifade", "etti",
            "konuştu", "sordu", "yanıtladı", "cevap", "verdi", "ekledi", "uyardı", "anlattı", "yazdı",
            "paylaştı", "duyurdu", "bildirdi", "aktardı", "savundu", "dile", "getirdi", "kullandı", "diyerek",
            "ifadelerini", "sözlerini", "şunları", "şöyle",
        ],
        auxiliaries: ["ki", "da", "de", "ise", "ayrıca", "bugün", "dün"],
        accordingAfter: ["göre"],
        pronouns: ["o", "ben", "biz", "onlar"],
        stops: [
            "ve", "veya", "ama", "fakat", "ancak", "ki", "bu", "şu", "bir", "için", "ile", "gibi", "kadar",
            "sonra", "önce", "da", "de", "ise", "olarak", "olan", "pazartesi", "salı", "çarşamba", "perşembe",
            "cuma", "cumartesi", "pazar", "bugün", "dün", "şunları", "şöyle", "açıklamasında", "konuşmasında",
            "yaptığı", "basın", "toplantısında", "gazetecilere",
        ])
}
