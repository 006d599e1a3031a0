extension SpeechLexicon {
    /// French: `« … », a affirmé le chef de l'État`, `« … », dit-il`, `selon le ministre`.
    static let french = SpeechLexicon(
        language: "fr",
        verbs: [
            "dit", "dire", "déclaré", "déclare", "déclarait", "affirmé", "affirme", "affirmait", "ajouté", "ajoute",
            "ajoutait", "expliqué", "explique", "expliquait", "souligné", "souligne", "soulignait", "estimé",
            "estime", "estimait", "assuré", "assure", "assurait", "indiqué", "indique", "indiquait", "précisé",
            "précise", "précisait", "lancé", "lance", "martelé", "martèle", "insisté", "insiste", "confié",
            "confie", "raconté", "raconte", "poursuivi", "poursuit", "répondu", "répond", "rappelé", "rappelle",
            "annoncé", "annonce", "averti", "avertit", "prévenu", "prévient", "dénoncé", "dénonce", "reconnu",
            "reconnaît", "admis", "admet", "écrit", "tweeté", "commenté", "commente", "observé", "observe",
            "noté", "note", "jugé", "juge", "estimant", "déclarant", "affirmant", "soulignant", "ajoutant",
            "expliquant", "insistant", "s'est", "félicité", "interrogé", "demandé", "demande", "conclu", "conclut",
            "résumé", "résume", "plaidé", "plaide", "promis", "promet", "souhaité", "souhaite", "regretté", "regrette",
            "dit-il", "dit-elle", "disait", "disent", "déclarent", "affirment", "ont",
        ],
        auxiliaries: ["a", "ont", "avait", "avaient", "aurait", "encore", "aussi", "également", "alors", "ensuite",
                      "enfin", "déjà", "lui", "pour", "sa", "part", "t", "-t-il", "-t-elle"],
        according: [["selon"], ["d'après"], ["d’après"], ["de", "l'avis", "de"], ["aux", "dires", "de"]],
        pronouns: ["il", "elle", "ils", "elles", "je", "nous", "on"],
        determiners: ["le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "ce", "cette", "du"],
        connectors: ["de", "du", "des", "d'", "la", "le", "l'"],
        stops: [
            "et", "ou", "mais", "que", "qu'", "qui", "car", "si", "quand", "dans", "en", "sur", "sous", "avec",
            "pour", "par", "sans", "vers", "chez", "après", "avant", "depuis", "pendant", "lors", "à", "au", "aux",
            "ne", "pas", "plus", "est", "était", "sont", "a", "ont", "avait", "lundi", "mardi", "mercredi", "jeudi",
            "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "encore", "aussi", "alors", "lui", "leur",
            "se", "s'est",
        ])

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

    /// Portuguese: `“…”, disse o presidente`, `segundo o ministro`, `de acordo com`.
    static let portuguese = SpeechLexicon(
        language: "pt",
        verbs: [
            "disse", "diz", "dizia", "disseram", "dizem", "afirmou", "afirma", "declarou", "declara", "explicou",
            "explica", "acrescentou", "acrescenta", "sublinhou", "sublinha", "destacou", "destaca", "salientou",
            "salienta", "assegurou", "assegura", "garantiu", "garante", "referiu", "refere", "indicou", "indica",
            "adiantou", "adianta", "frisou", "frisa", "respondeu", "responde", "perguntou", "pergunta", "anunciou",
            "anuncia", "comentou", "comenta", "escreveu", "escreve", "admitiu", "admite", "alertou", "alerta",
            "ressaltou", "ressalta", "reconheceu", "reconhece", "defendeu", "defende", "considerou", "considera",
            "dito", "afirmado", "declarado",
        ],
        auxiliaries: ["tem", "têm", "tinha", "havia", "também", "ainda", "depois", "hoje", "ontem", "já"],
        according: [["segundo"], ["de", "acordo", "com"], ["conforme"], ["para"]],
        pronouns: ["ele", "ela", "eles", "elas", "eu", "nós"],
        determiners: ["o", "a", "os", "as", "um", "uma", "seu", "sua", "do", "da"],
        connectors: ["de", "do", "da", "dos", "das"],
        stops: [
            "e", "ou", "mas", "que", "quem", "porque", "se", "quando", "em", "no", "na", "nos", "nas", "sobre",
            "com", "para", "por", "pelo", "pela", "sem", "desde", "após", "durante", "ao", "à", "não", "é", "era",
            "foi", "tem", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado",
            "domingo", "hoje", "ontem", "também", "ainda", "entre",
        ])
}
