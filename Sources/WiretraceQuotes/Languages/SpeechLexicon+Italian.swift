extension SpeechLexicon {
    /// Italian: `“…”, ha detto il ministro`, `secondo il premier`.
    static let italian = SpeechLexicon(
        language: "it",
        verbs: [
            "detto", "dice", "diceva", "disse", "dicono", "dichiarato", "dichiara", "affermato", "afferma",
            "spiegato", "spiega", "aggiunto", "aggiunge", "sottolineato", "sottolinea", "osservato", "osserva",
            "ricordato", "ricorda", "assicurato", "assicura", "precisato", "precisa", "annunciato", "annuncia",
            "commentato", "commenta", "ammesso", "ammette", "avvertito", "avverte", "scritto", "scrive", "risposto",
            "risponde", "chiesto", "chiede", "insistito", "insiste", "rilevato", "rileva", "evidenziato",
            "evidenzia", "concluso", "conclude", "denunciato", "denuncia", "ribadito", "ribadisce", "sostenuto",
            "sostiene", "dichiarò", "affermò", "spiegò", "aggiunse", "sottolineò",
        ],
        auxiliaries: ["ha", "hanno", "aveva", "avevano", "anche", "poi", "inoltre", "ancora", "oggi", "ieri"],
        according: [["secondo"], ["stando", "a"], ["a", "detta", "di"], ["per"]],
        pronouns: ["lui", "lei", "loro", "io", "noi"],
        determiners: ["il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "suo", "sua", "del", "della"],
        connectors: ["di", "del", "della", "dello", "dei", "degli", "delle", "de", "da"],
        stops: [
            "e", "o", "ma", "che", "chi", "perché", "se", "quando", "in", "nel", "nella", "su", "sul", "con",
            "per", "tra", "fra", "senza", "dopo", "prima", "durante", "a", "al", "alla", "non", "è", "era",
            "ha", "hanno", "si", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
            "oggi", "ieri", "anche", "poi", "inoltre",
        ])
}
