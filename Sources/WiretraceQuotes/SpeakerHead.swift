/// What the head of a speaker candidate is: the last word of the noun phrase decides whether the
/// phrase can name someone who speaks. "The spokesman", "Ann Berg", "the ministry", "she" can;
/// "the question", "the decision" cannot, and "the report" can only as the subject of its own verb
/// ("the report says").
package enum SpeakerHead: String, Sendable {
    /// A personal or relative pronoun.
    case pronoun
    /// A capitalised word: a name, an organisation, a place standing for its government.
    case name
    /// A general English noun for a person, a group of people or an organisation ("spokesman",
    /// "officials", "police", "company").
    case role
    /// Something written or published, which "says" only as the subject of its verb ("the report").
    case publication
    /// Any other lower-case head ("the question", "the decision").
    case other
    /// The phrase ends on a modifier with no noun after it ("The federal", "the former"): a cut
    /// phrase, not a mention.
    case modifier
    /// Neither a name nor a noun: a day or a month, a function word, an adverb in "-ly" or a past
    /// form in "-ed" ("Sunday", "Unless", "boldly", "heard"); capitalised at a sentence's start
    /// only a closed-class word, or one the text also writes in lower case ("Recalling", "recalling").
    case noNoun

    /// Whether the phrase mentions anything at all (a cut phrase or a capitalised function word
    /// does not).
    package var isMention: Bool { self != .modifier && self != .noNoun }

    /// The head of `phrase` in `tokens`: its last word (a possessive counts as its stem).
    /// A capitalised word is a name unless it is a day or a month, or it is the phrase's only word,
    /// opens its sentence (`opensSentence`) and is a closed-class word ("Unless": no noun), or a
    /// word the document also writes in lower case (`lowercaseWords`: "Polls" is then classed as
    /// "polls", "Recalling" as "recalling").
    /// - Complexity: O(1) (set look-ups on the last word).
    package static func of(
        _ phrase: ClosedRange<Int>, in tokens: [Token], opensSentence: Bool = false, lowercaseWords: Set<String> = []
    ) -> SpeakerHead {
        var last = phrase.upperBound
        while last > phrase.lowerBound, !tokens[last].isWord { last -= 1 }
        let head = tokens[last]
        guard head.isWord else { return .other }
        let stem = head.stem
        if Lexicon.pronouns.contains(stem) || relativePronouns.contains(stem) { return .pronoun }
        // "I'm", "she'd", "they've": a pronoun with its verb.
        if let apostrophe = stem.firstIndex(where: { $0 == "'" || $0 == "\u{2019}" }),
            Lexicon.pronouns.contains(String(stem[..<apostrophe]))
        {
            return .pronoun
        }
        // "The federal", "a senior": an adjective that needs its noun.
        if !head.isCapitalized, modifiers.contains(stem), !roleNouns.contains(stem) { return .modifier }
        if Lexicon.dates.contains(stem) { return .noNoun }
        // A capitalised word opening a sentence is a name unless it is a closed-class word or a
        // verb form there, or the text also writes it in lower case: then it is that word.
        var capitalised = head.isCapitalized || head.isAllCaps
        if capitalised, opensSentence, last == phrase.lowerBound {
            // Closed-class words only: "Ahmed" and "Kelly" end like verb forms and adverbs.
            if isClosedClass(stem) { return roleNouns.contains(stem) ? .role : .noNoun }
            if lowercaseWords.contains(head.lower) { capitalised = false }
        }
        if capitalised { return .name }
        if isFunctionWord(stem), !roleNouns.contains(stem) { return .noNoun }
        if roleNouns.contains(stem) || roleNouns.contains(singular(stem)) || Lexicon.titles.contains(stem)
            || Lexicon.roleSynonyms[stem] != nil || Lexicon.nonPersonWords.contains(stem)
            || Lexicon.mediaWords.contains(stem)
        {
            return .role
        }
        if publicationNouns.contains(stem) || publicationNouns.contains(singular(stem)) { return .publication }
        if isAgentNoun(singular(stem)) { return .role }
        return .other
    }

    /// A noun for someone who does something, by its ending ("farmer", "gunman", "novelist",
    /// "librarian", "auditor"), short of the common nouns with those endings that name no one.
    static func isAgentNoun(_ word: String) -> Bool {
        guard word.count > 4, !notAgents.contains(word) else { return false }
        return ["er", "or", "ist", "ian", "man", "eer"].contains { word.hasSuffix($0) }
    }

    private static let notAgents: Set<String> = [
        "matter", "number", "letter", "power", "paper", "border", "order", "water", "quarter", "chapter",
        "summer", "winter", "other", "center", "error", "sector", "factor", "answer", "cancer",
        "disaster", "character", "corner", "offer", "layer", "filter", "register", "theater", "weather",
        "rather", "further", "never", "after", "under", "over", "together", "whether", "either", "neither",
        "however", "former", "latter", "dinner", "manner", "banner", "shelter", "trigger", "tower",
        "cluster", "barrier", "carrier", "counter", "hunger", "danger", "anger", "finger", "river",
        "mirror", "horror", "motor", "vapor", "favor", "favour", "honor", "honour", "labor", "labour",
        "humor", "humour", "rumor", "rumour", "behavior", "behaviour", "color", "colour", "floor", "door",
        "harbor", "harbour", "terror", "tremor", "armor", "vigor", "corridor", "minor", "major",
        "exterior", "interior", "superior", "inferior", "senior", "junior", "prior", "christian",
        "median", "guardian", "asian", "civilian", "permian", "german", "human", "roman",
        "superman", "career", "frontier", "newer", "older", "lower", "upper",
        "higher", "greater", "longer", "larger", "smaller", "bigger", "better", "earlier", "later",
        "fewer", "closer", "faster", "slower", "cheaper", "stronger", "weaker", "wider", "harder",
        "easier", "ember", "remainder", "reminder", "binder", "folder", "header",
        "footer", "poster", "sticker", "leather", "feather", "powder", "ladder", "fever", "cover",
        "silver", "copper", "timber", "rubber", "lever", "meter", "liter", "litre",
        "thriller", "blockbuster", "encounter", "disorder", "murder", "slaughter", "laughter",
        "chamber", "charter", "parameter", "perimeter", "diameter", "monitor",
    ]

    /// A function word, an adverb in "-ly" or a past form in "-ed" (no noun ends so but a few
    /// short ones and those in "-eed").
    static func isFunctionWord(_ word: String) -> Bool {
        isClosedClass(word) || word.count > 4 && (word.hasSuffix("ly") || word.hasSuffix("ed") && !word.hasSuffix("eed"))
    }

    /// Prepositions, conjunctions, auxiliaries, determiners and sentence adverbs.
    static func isClosedClass(_ word: String) -> Bool {
        Lexicon.sentenceStarters.contains(word) || Lexicon.phraseStops.contains(word) || Lexicon.auxiliaries.contains(word)
            || ["ago", "ahead", "away", "back", "down", "up", "out", "off", "too", "very", "more", "less", "unless"].contains(word)
    }

    /// "officials" -> "official", "companies" -> "company", "analysts" -> "analyst".
    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("men"), word.count > 4 { return String(word.dropLast(3)) + "man" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
        return word
    }

    private static let relativePronouns: Set<String> = ["who", "whom", "you", "me", "us", "them", "him"]

    /// Adjectives and title words that stand before a role noun and are no head themselves.
    static let modifiers: Set<String> = [
        "federal", "national", "regional", "provincial", "local", "state", "senior", "former", "top",
        "chief", "deputy", "acting", "vice", "foreign", "domestic", "public", "private", "new", "other",
        "prime", "supreme", "white", "democratic", "republican", "conservative", "liberal", "military",
        "economic", "political", "international", "global", "european", "american", "british", "u.s",
        "some", "several", "many", "most", "few", "both", "two", "three", "the", "a", "an", "his", "her",
        "its", "their", "our", "this", "that", "these", "those", "another",
    ]

    /// People, groups of people and organisations in general English (singular forms; plurals are
    /// reduced by ``singular(_:)``).
    static let roleNouns: Set<String> = [
        "official", "spokesman", "spokeswoman", "spokesperson", "representative", "police", "policeman",
        "company", "firm", "agency", "administration", "government", "ministry", "department",
        "authority", "authorities", "office", "campaign", "committee", "panel", "board", "council",
        "group", "organization", "organisation", "union", "party", "team", "staff", "staffer", "aide",
        "adviser", "advisor", "lawyer", "attorney", "prosecutor", "investigator", "detective", "judge",
        "court", "jury", "witness", "resident", "citizen", "voter", "people", "person", "man", "woman",
        "child", "children", "student", "teacher", "parent", "worker", "employee", "employer", "owner",
        "expert", "analyst", "economist", "scientist", "researcher", "doctor", "physician", "nurse",
        "critic", "supporter", "opponent", "activist", "advocate", "protester", "protestor", "leader",
        "lawmaker", "legislator", "politician", "senator", "congressman", "congresswoman", "governor",
        "mayor", "president", "minister", "secretary", "director", "executive", "manager", "chairman",
        "chairwoman", "founder", "ceo", "head", "chief", "member", "source", "insider", "observer",
        "diplomat", "ambassador", "envoy", "negotiator", "commissioner", "regulator",
        "candidate", "nominee", "challenger", "incumbent", "rival", "ally", "partner", "colleague",
        "friend", "neighbor", "neighbour", "family", "relative", "mother", "father", "wife", "husband",
        "son", "daughter", "brother", "sister", "victim", "survivor", "officer", "soldier", "commander",
        "general", "troop", "military", "army", "navy", "force", "pentagon", "legislature", "congress",
        "senate", "house", "parliament", "cabinet", "regime", "bank", "fund", "industry", "business",
        "corporation", "maker", "manufacturer", "producer", "retailer", "airline", "investor",
        "trader", "consumer", "customer", "client", "patient", "user", "fan", "player", "coach",
        "democrat", "republican", "liberal", "conservative", "progressive", "independent", "insurer",
        "operator", "provider", "carrier", "network", "outlet", "newspaper", "broadcaster", "reporter",
        "journalist", "editor", "columnist", "writer", "author", "historian", "professor",
        "strategist", "pollster", "consultant", "lobbyist", "donor", "delegate", "elector", "caucus",
        "coalition", "alliance", "association", "federation", "institute", "foundation", "center",
        "centre", "university", "school", "college", "hospital", "clinic", "church", "city", "county",
        "state", "country", "nation", "district", "town", "village", "community", "public", "crowd",
        "audience", "majority", "minority", "everyone", "everybody", "anyone", "nobody", "somebody",
        "someone", "one", "others", "those", "many", "some", "few", "most", "both", "all", "each",
        "sheriff", "chancellor", "premier", "king", "queen", "prince", "pope", "bishop", "priest",
        "pastor", "rabbi", "imam", "cleric", "spokespeople", "speaker", "chair", "host", "guest",
        "participant", "respondent", "applicant", "plaintiff", "defendant", "suspect", "accused",
    ]

    /// Written or published things, which report as the subject of their verb ("the study found").
    static let publicationNouns: Set<String> = [
        "report", "study", "statement", "survey", "poll", "analysis", "letter", "memo", "memorandum",
        "document", "filing", "complaint", "lawsuit", "suit", "ruling", "order", "opinion", "decision",
        "bill", "proposal", "plan", "website", "site", "article", "story", "book", "editorial", "tweet",
        "post", "ad", "advertisement", "release", "record", "data", "figure", "estimate", "research",
        "review", "audit", "assessment", "indictment", "transcript", "email", "message", "note",
        "paper", "brief", "motion", "petition", "platform", "manifesto", "budget", "law", "rule",
        "guidance", "guideline", "policy", "agreement", "deal", "treaty", "resolution", "account",
        "video", "footage", "commercial", "speech", "interview", "testimony", "remark", "comment",
        "announcement", "press", "notice", "warning", "forecast", "projection", "model", "index",
        "census", "investigation", "inquiry", "probe", "finding", "evidence", "textbook",
        "constitution", "amendment", "legislation", "measure", "act", "executive", "page", "feed",
    ]
}
