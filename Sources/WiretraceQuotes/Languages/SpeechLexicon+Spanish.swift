extension SpeechLexicon {
    /// Spanish: `“…”, dijo el presidente`, `según fuentes oficiales`, `—…—dijo Juan—`.
    static let spanish = SpeechLexicon(
        language: "es",
        verbs: [
            "dijo", "dice", "decía", "dijeron", "dicen", "afirmó", "afirma", "afirmaba", "declaró", "declara",
            "explicó", "explica", "añadió", "añade", "aseguró", "asegura", "señaló", "señala", "indicó", "indica",
            "destacó", "destaca", "subrayó", "subraya", "advirtió", "advierte", "manifestó", "manifiesta",
            "agregó", "agrega", "sostuvo", "sostiene", "comentó", "comenta", "apuntó", "apunta", "precisó",
            "precisa", "insistió", "insiste", "respondió", "responde", "preguntó", "pregunta", "expresó",
            "expresa", "anunció", "anuncia", "reconoció", "reconoce", "escribió", "escribe", "recordó",
            "recuerda", "concluyó", "considera", "consideró", "aclaró", "criticó", "denunció", "admitió",
            "dicho", "afirmado", "declarado", "explicado", "asegurado", "señalado", "indicado", "manifestado",
        ],
        auxiliaries: ["ha", "han", "había", "habían", "también", "además", "luego", "después", "entonces", "hoy", "ayer"],
        according: [["según"], ["de", "acuerdo", "con"], ["en", "palabras", "de"]],
        pronouns: ["él", "ella", "ellos", "ellas", "yo", "nosotros"],
        determiners: ["el", "la", "los", "las", "un", "una", "su", "sus", "este", "esta", "del"],
        connectors: ["de", "del", "la", "el"],
        stops: [
            "y", "o", "pero", "que", "quien", "porque", "si", "cuando", "en", "sobre", "con", "para", "por",
            "sin", "desde", "tras", "durante", "a", "al", "no", "es", "era", "fue", "ha", "han", "se", "lo", "le",
            "les", "este", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "hoy", "ayer",
            "también", "además", "ante", "entre",
        ])
}
