/// Word lists the attribution rules consult. All entries are lower-case.
package enum Lexicon {
    /// Reporting verbs as they appear in running text (lower-case forms only).
    package static let reportingVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "declared", "noted",
        "warned", "warns", "asked", "asks", "explained", "explains", "insisted", "insists", "wrote",
        "writes", "tweeted", "argued", "argues", "claimed", "announced", "cited", "quoted", "continued",
        "recalled", "acknowledged", "admitted", "replied", "responded", "stressed", "emphasised",
        "emphasized", "urged", "conceded", "confirmed", "remarked", "posted", "reported", "predicted",
        "complained", "suggested", "testified", "vowed", "pledged", "reports", "continues",
        "concluded", "countered", "shouted", "joked", "quipped", "boasted", "bragged", "described",
        "demanded", "reads", "yelled", "yells", "shouts", "commented", "observed", "exhorted", "likened",
        "lauded", "characterized", "characterised", "chanted", "called", "sings", "sang", "mused",
    ]
    /// Participles that report speech after a comma, the subject being the clause's
    /// (`Trump attacked Clinton, saying, "…"`).
    package static let reportingParticiples: Set<String> = [
        "saying", "adding", "tweeting", "asking", "writing", "declaring", "insisting", "noting", "arguing",
        "warning", "explaining", "telling", "calling", "chanting", "singing",
    ]
    /// Verbs whose object is the person spoken to ("told Reuters").
    package static let tellingVerbs: Set<String> = ["told", "tells", "tell"]
    /// Verbs that relay someone else's words ("cited X as telling", "quoted X as saying").
    package static let relayingVerbs: Set<String> = ["cited", "quoted"]

    /// Pronouns that can be a speaker.
    package static let pronouns: Set<String> = ["he", "she", "they", "we", "i", "it"]
    /// Pronouns resolved to the nearest preceding person name.
    package static let personPronouns: Set<String> = ["he", "she"]
    /// ``personPronouns`` and their possessives ("his support for X"): each stands for the
    /// nearest preceding person name.
    package static let resolvedPersonPronouns: Set<String> = personPronouns.union(["his", "her"])

    /// Words that may stand between a subject and its verb ("has also said").
    package static let auxiliaries: Set<String> = [
        "has", "have", "had", "was", "were", "is", "are", "been", "also", "later", "then", "previously",
        "once", "again", "earlier", "further", "reportedly", "recently", "often", "would", "will",
        "subsequently", "separately", "publicly", "privately", "repeatedly", "simply", "just",
    ]
    /// Passive markers ("was quoted as saying").
    package static let passiveMarkers: Set<String> = ["was", "were", "been", "is", "are", "being"]

    /// Determiners that open a noun phrase.
    package static let determiners: Set<String> = [
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "another",
        "one", "two", "three", "several", "some", "many", "other", "both",
    ]

    /// Words a speaker noun phrase never contains: prepositions, conjunctions, verbs of being.
    package static let phraseStops: Set<String> = [
        "in", "on", "at", "to", "with", "by", "from", "after", "before", "during", "since", "as", "that",
        "which", "who", "whom", "whose", "when", "while", "and", "but", "or", "because", "if", "than",
        "about", "into", "over", "under", "of", "for", "per", "via", "what", "where", "is", "was", "are",
        "were", "be", "been", "has", "have", "had", "would", "will", "could", "can", "should", "may",
        "might", "must", "did", "does", "do", "not", "no", "so", "yet", "also", "then", "there", "here",
        "why", "how", "all", "according", "saying", "telling", "adding", "it's", "he's", "she's", "just",
        "even", "only", "still", "however", "although", "though", "today", "yesterday", "tomorrow",
        "earlier", "later", "now", "again", "said", "told", "says", "between", "among", "against", "around",
        "through", "without", "within", "toward", "towards", "across", "behind", "beyond", "near", "like",
        "upon", "amid", "despite", "until", "unless", "whether",
    ]

    /// Capitalised words that start sentences but never names.
    package static let sentenceStarters: Set<String> = [
        "the", "a", "an", "in", "on", "at", "it", "since", "although", "but", "and", "when", "while",
        "after", "before", "this", "that", "these", "those", "he", "she", "they", "we", "i", "his", "her",
        "their", "our", "its", "if", "as", "for", "with", "from", "by", "of", "to", "last", "next",
        "meanwhile", "however", "earlier", "later", "then", "there", "what", "why", "how", "who", "where",
        "asked", "according", "speaking", "following", "under", "during", "despite", "both", "some", "many",
        "read", "also", "so", "yet", "not", "no", "one", "two", "all", "former",
    ]

    /// Titles and role words that precede a name ("Defence Minister", "Senior General", "Mr").
    package static let titles: Set<String> = [
        "minister", "president", "prime", "premier", "secretary", "general", "senior", "commander",
        "chief", "defence", "defense", "foreign", "interior", "finance", "trade", "state", "deputy", "vice",
        "acting", "former", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "chairman",
        "chairwoman", "chair", "director", "head", "leader", "governor", "mayor", "senator", "sen", "rep",
        "representative", "gov", "gen", "lt", "col", "maj", "capt", "adm", "admiral", "colonel", "major",
        "captain", "sergeant", "lieutenant", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir",
        "dame", "lord", "lady", "king", "queen", "prince", "princess", "sheikh", "pope", "judge", "justice",
        "attorney", "sheriff", "officer", "inspector", "ceo", "chancellor", "emperor", "crown", "rev",
        "reverend", "bishop", "cardinal", "rabbi", "imam", "ayatollah", "supreme", "national", "security",
        "council", "parliamentary", "opposition", "army", "military", "health", "education",
        "economy", "economic", "energy", "labour", "labor", "home", "house", "speaker", "majority",
        "minority", "whip", "white", "press", "communications", "campaign", "manager", "adviser",
        "advisor", "aide", "candidate", "nominee", "democratic", "republican", "democrat", "gop",
        "congressman", "congresswoman", "assemblyman", "assemblywoman", "lawmaker", "executive", "u.s",
        "us", "uk", "eu", "un", "new", "top", "federal", "regional", "provincial", "marshal",
    ]

    /// Nationality adjectives and country names used as modifiers before a name.
    package static let places: Set<String> = [
        "russian", "russia", "chinese", "china", "american", "america", "british", "britain", "french",
        "france", "german", "germany", "japanese", "japan", "korean", "korea", "indian", "india",
        "pakistani", "pakistan", "iranian", "iran", "iraqi", "iraq", "israeli", "israel", "palestinian",
        "syrian", "syria", "turkish", "turkey", "ukrainian", "ukraine", "myanmar", "burmese", "thai",
        "thailand", "vietnamese", "vietnam", "indonesian", "indonesia", "malaysian", "malaysia",
        "singaporean", "singapore", "philippine", "filipino", "australian", "australia", "canadian",
        "canada", "mexican", "mexico", "brazilian", "brazil", "italian", "italy", "spanish", "spain",
        "polish", "poland", "dutch", "belgian", "swiss", "swedish", "norwegian", "danish", "finnish",
        "greek", "egyptian", "egypt", "saudi", "afghan", "afghanistan", "nigerian", "kenyan", "south",
        "north", "east", "west", "african", "european", "asian", "arab", "western", "soviet", "belarusian",
        "cuban", "venezuelan", "taiwanese", "taiwan", "qatari", "emirati", "lebanese", "jordanian",
        "yemeni", "libyan", "sudanese", "ethiopian", "southeast", "moscow", "beijing", "washington",
        "kremlin", "english", "irish", "scottish", "welsh",
    ]

    /// Days and months, which open capitalised runs but are not names.
    package static let dates: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Words that make a capitalised run an organisation or a place rather than a person.
    package static let nonPersonWords: Set<String> = [
        "league", "council", "party", "ministry", "department", "agency", "news", "times", "post",
        "journal", "democracy", "government", "army", "force", "forces", "bank", "fund", "organization",
        "organisation", "university", "committee", "commission", "court", "house", "senate", "congress",
        "parliament", "assembly", "street", "road", "island", "islands", "sea", "ocean", "river",
        "mountain", "city", "county", "state", "states", "province", "region", "airport", "company",
        "corp", "inc", "ltd", "group", "center", "centre", "institute", "foundation", "association",
        "federation", "office", "service", "services", "nations", "union", "republic", "kingdom",
        "hong", "kong", "york", "jersey", "guard", "navy", "school", "college", "hospital", "church",
        "media", "press", "television", "radio", "network", "channel", "magazine", "daily", "herald",
        "tribune", "gazette", "review", "club", "fc", "corporation", "holdings", "airlines",
        "police", "central", "international", "global", "world", "cup", "olympics",
        "facebook", "twitter", "google", "god", "allah", "christ", "islamic", "muslim", "christian",
        "reuters", "tass", "xinhua", "afp", "bloomberg", "cnn", "bbc", "nbc", "abc", "cbs", "fox", "npr",
        "day", "week", "act", "bill", "law", "treaty", "square", "avenue", "park",
        "museum", "hall", "tower", "palace", "castle", "bridge", "valley", "bay", "beach", "desert",
    ]

    /// Words that mark a noun phrase as a news medium ("the Financial Times", "state media").
    package static let mediaWords: Set<String> = [
        "times", "post", "journal", "news", "television", "tv", "radio", "cnn", "bbc", "msnbc", "fox",
        "nbc", "abc", "cbs", "npr", "pbs", "guardian", "telegraph", "herald", "tribune", "gazette",
        "daily", "magazine", "channel", "network", "broadcasting", "broadcaster", "agency", "media",
        "newspaper", "outlet", "press", "politico", "axios", "economist", "independent", "observer",
        "mirror", "sun", "express", "spiegel", "monde", "figaro", "pravda", "izvestia", "kommersant",
        "jazeera", "wire", "podcast", "newswire", "chronicle", "globe", "standard", "examiner",
        "insider", "breitbart", "hill", "atlantic", "yorker", "vox", "slate", "salon", "nation",
        "review", "bulletin",
    ]

    /// Particles that may stand inside a name ("Osama bin Laden", "Ursula von der Leyen").
    package static let nameParticles: Set<String> = [
        "bin", "bint", "ibn", "al", "el", "de", "da", "di", "del", "della", "van", "von", "der", "den",
        "du", "le", "la", "dos", "das", "abu", "ter", "ten", "st",
    ]

    /// Words after which a full stop does not end a sentence.
    package static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "adm",
        "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no", "vs", "jr", "sr", "inc", "co", "corp",
        "u.s", "u.k", "u.n", "prof", "rev", "ft", "mt", "a.m", "p.m", "e.g", "i.e", "approx", "est",
        // Ranks and styles written short before a name ("Const. Ann Berg", "Sgt. Tom Reyes", "the
        // Hon. Ann Berg", "Coun. Ann Berg"): no sentence ends after them, as after "Gen." or "Capt.".
        "const", "cst", "sgt", "cpl", "pte", "supt", "insp", "det", "cmdr", "cdr", "brig", "hon", "fr",
        "msgr", "atty", "coun", "lieut",
    ]

    /// Role-noun synonyms: each word maps to a class name shared by its synonyms.
    package static let roleSynonyms: [String: String] = [
        "leader": "leader", "chief": "leader", "head": "leader", "commander": "leader",
        "defence": "defence", "defense": "defence",
        "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
        "president": "president", "premier": "premier", "minister": "minister",
    ]
}
