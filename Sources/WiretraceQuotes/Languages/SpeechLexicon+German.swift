extension SpeechLexicon {
    /// German: `„…“, sagte Merkel`, `Merkel sagte: „…“`, `laut Regierungssprecher`.
    static let german: SpeechLexicon = {
        // Weak verbs: stem + e, t, te, ten, test, tet, en; participles listed apart.
        let weakStems = [
            "sag", "erklär", "meint", "mein", "antwortet", "fragt", "frag", "betont", "bemerkt", "behauptet",
            "versichert", "erzählt", "äußert", "äusser", "äußer", "erwider", "warnt", "warn", "forder",
            "kündigt", "schilder", "berichtet", "ergänz", "unterstrich", "bekräftigt", "wiederholt",
            "bestätigt", "kommentiert", "argumentier", "mahnt", "verkündet", "teilt", "twitter",
            "flüster", "jubelt", "klagt", "sorg", "hob", "stell", "erläuter", "verlautbar", "zitiert",
            "resümier", "protestier", "fordert", "lach", "seufz", "brüll", "schimpf", "antwort",
            // Before 1901 `-iren` verbs were spelt without the e: `argumentirt`, `protestirte`.
            "argumentir", "protestir", "resümir", "commentir", "kommentir", "declamir", "replicir",
            "heul", "stammel", "murmel", "knurr", "stöhn", "jammer", "zisch", "keuch",
            // A newspaper's correspondents report by wire: `Aus Paris meldet unser Korrespondent:`.
            "meld", "telegraphir", "telegraphier", "telegrafier", "depeschier", "kabel",
            // Manner of speaking, as narrative tags them (`„…“, lächelte sie`, `knurrte der Alte`).
            "lächel", "grins", "schmunzel", "kicher", "höhn", "spott", "groll", "murr", "schnaub", "polter",
            "donner", "wetter", "kreisch", "jauchz", "frohlock", "triumphier", "triumphir", "schluchz", "wimmer",
            "ächz", "fauch", "hauch", "lispel", "stotter", "raun", "lall", "näsel", "schnarr", "kräh", "fleh",
            "droh", "bejah", "vernein", "leugnet", "erwähn", "erinner", "tröstet", "dräng", "verlang", "gelob",
            "prophezei", "weissag", "beichtet", "fluch", "dank", "grüß", "begrüß", "notier", "notir", "vermerk",
            "urteil", "folger", "citir", "citier", "zitir", "referir", "referier", "insistier", "insistir",
            "beharr", "replizier",
            // Praise, blame and asking after (`„…“, kritisierte der Verband`, `lobte der Trainer:`).
            "kritisier", "kritisir", "lob", "tadel", "rüg", "erkundig", "beschwer", "ermahn", "beschwichtig",
            "bedauer", "beruhig", "ermunter", "brumm",
        ]
        let weak = forms(
            weakStems,
            ["e", "t", "te", "ten", "test", "tet", "en"])
            // A stem ending in t is the present tense too (`bemerkt`, `betont`), save `wiederholt`,
            // as often the adverb "repeatedly".
            .union(weakStems.filter { $0.hasSuffix("t") && $0 != "wiederholt" })
        let strong: Set<String> = [
            "sprach", "spricht", "sprachen", "sprechen", "rief", "ruft", "riefen", "schrieb", "schreibt",
            "schrieben", "fügte", "fügt", "fügten", "wandte", "entgegnete", "entgegnet", "entgegneten",
            "erwiderte", "erwidert", "erwiderten", "hieß", "heißt", "sagte", "sagt", "gesagt", "erklärt",
            "erklärte", "geäußert", "geschrieben", "gerufen", "gesprochen", "erwidert", "betonte", "bemerkte",
            "meinte", "fragte", "antwortete", "versprach", "verspricht", "gestand", "gesteht", "gab", "wusste",
            "schrie", "schreit", "verriet", "verrät", "befahl", "befiehlt", "riet", "rät", "empfahl",
            "zugerufen", "zurief", "ausrief", "verkündete", "verkündend", "beteuerte", "beteuert",
            "versicherte", "räumte", "räumt", "stellte", "stellt", "unterstrich", "unterstreicht", "hob", "hebt",
            "warnte", "kündigte", "kündigt", "teilte", "teilt", "dozierte", "schloss", "schloß", "fuhr", "fährt",
            "bekannte", "bekennt", "mahnte", "klagte", "seufzte", "lachte", "jubelte", "schimpfte", "brüllte",
            "flüsterte", "forderte", "erzählte", "berichtete", "ergänzte", "bekräftigte", "bestätigte",
            "gesagt", "erklärt", "betont", "gemeint", "gefragt", "geantwortet", "berichtet", "ergänzt",
            "rufen", "sagen", "schreien", "antworten", "fragen", "erklären", "sprechen", "schrieen",
            "erwidern", "entgegnen", "fortfahrend", "versetzte", "versetzt", "rief", "schrie", "brummte",
            // Separable verbs written as one word in a clause with the verb last (`wie er mitteilte`).
            "mitteilte", "mitteilten", "mitteilt", "mitgeteilt", "hinzufügte", "hinzugefügt", "ausführte",
            "ausführten", "ausgeführt", "fortfuhr", "zugab", "zugegeben", "einwandte", "einwarf", "ankündigte",
            "angekündigt", "klarstellte", "klargestellt", "vorschlug", "zurief", "nachfragte", "aussagte",
            "ausgesagt", "hervorhob", "hervorgehoben", "bekanntgab", "bekanntgegeben", "durchblicken",
            "meldet", "meldete", "meldeten", "gemeldet",
            // Thought told as speech (`„…“, dachte er`), asking, swearing, beginning to speak.
            "dachte", "dachten", "denkt", "gedacht", "bat", "baten", "bittet", "gebeten", "schwor", "schwört",
            "sang", "singt", "schalt", "pries", "unterbrach", "widersprach", "widerspricht", "bestritt", "begann",
            "beginnt", "gebot", "hinzusetzte", "nachsetzte", "einfiel", "einwarf",
        ]
        return SpeechLexicon(
            language: "de",
            verbs: weak.union(strong),
            auxiliaries: [
                "hat", "haben", "hatte", "hatten", "habe", "ist", "war", "wird", "wurde", "damals", "dann", "da",
                // Modal verbs before a speech verb (`Der Minister soll gesagt haben:`).
                "soll", "sollte", "sollen", "will", "wollte", "muss", "muß", "musste", "mußte", "kann", "konnte",
                // `ließ erklären`: the subject had it said.
                "ließ", "ließen", "lässt", "läßt", "liess",
                "auch", "noch", "einmal", "schon", "nun", "später", "heute", "gestern", "weiter", "wörtlich",
                "dazu", "darauf", "daraufhin", "hierauf", "zuletzt", "schließlich", "zudem", "ferner", "außerdem",
                "jedoch", "aber", "denn", "etwa", "so", "sodann", "endlich", "kürzlich", "jüngst", "ebenfalls",
                "bereits", "erst", "sogar", "dagegen", "hingegen", "freilich", "zwar", "einst", "oft",
                "leise", "lächelnd", "trocken", "knapp", "kurz", "ruhig", "energisch", "sofort",
            ],
            according: [
                ["laut"], ["nach", "angaben", "von"], ["nach", "worten", "von"],
                // `Nach Ansicht des Ministers ist …`, `nach der Meinung des Vereins wäre …`.
                ["nach", "ansicht"], ["nach", "der", "ansicht"], ["nach", "meinung"], ["nach", "der", "meinung"],
                ["nach", "auffassung"], ["nach", "der", "auffassung"],
            ],
            pronouns: [
                "er", "sie", "ich", "wir", "ihr", "man", "jener", "dieser", "jemand", "einer", "eine",
                // Relative pronouns that open a speaker's clause: `diejenigen, welche rufen: „…“`.
                "welche", "welcher",
            ],
            determiners: [
                "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
                "sein", "seine", "ihr", "ihre", "unser", "unsere", "dieser", "diese", "dieses", "jener", "jene",
            ],
            connectors: ["von", "vom", "zu", "zur", "der", "des", "van", "de"],
            stops: [
                "und", "oder", "aber", "denn", "sondern", "dass", "daß", "weil", "wenn", "als", "wie", "ob",
                "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "über", "unter",
                "vor", "für", "gegen", "ohne", "um", "durch", "nicht", "so", "auch", "noch", "nur", "schon",
                "sich", "ihm", "ihn", "ihnen", "mir", "mich", "uns", "euch", "dir", "dich", "folgendes",
                "folgende", "darauf", "dann", "da", "damals", "hier", "dort", "heute", "gestern", "nun", "jetzt",
                "zuerst", "später", "dabei", "dazu", "hierauf", "daraufhin", "endlich", "ferner", "sodann",
                "zuletzt", "weiter", "wörtlich", "etwa", "ja", "doch", "zwar", "es", "ist", "war", "sind", "waren",
                "hat", "hatte", "haben", "wird", "wurde", "werden", "einmal", "immer", "wieder", "sehr",
                "deren", "dessen",
                // Pronominal adverbs and linking adverbs that open a sentence with a capital (`Darüber
                // schreibt die Zeitung:`): never a name.
                "darüber", "darum", "daher", "deshalb", "deswegen", "hierüber", "hierzu", "davon", "dagegen",
                "damit", "danach", "daraus", "darin", "trotzdem", "jedoch", "nämlich", "indessen", "inzwischen",
                "übrigens", "ebenso", "hingegen", "sogleich", "alsbald", "alsdann",
            ])
    }()
}
