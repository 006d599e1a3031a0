/// The words one language reports speech with: speech verbs, "according to" forms, the words a
/// speaker phrase opens with or never contains. Each language lives in its own file
/// (`SpeechLexicon+German.swift`, ...); all entries are lower-case.
package struct SpeechLexicon: Sendable {
    /// How the language orders a quote, its verb and the speaker.
    package enum Order: Sendable {
        /// Subject-verb-object with inversion after a quote: `„…“, sagte Merkel`, `X sagte: „…“`.
        case verbSecond
        /// Subject first, verb last: `Erdoğan, “…” dedi.` (the speaker opens the sentence).
        case verbFinal
        /// Verb first: `وقال الوزير: «…»` (the speaker follows the verb).
        case verbFirst
    }

    package var language: String
    package var order: Order = .verbSecond
    /// Speech verbs as written (every inflected form listed).
    package var verbs: Set<String>
    /// Auxiliaries of compound tenses and words that may stand between the verb and an inverted
    /// subject or before the participle (`a affirmé`, `hat … gesagt`, `sagte damals X`).
    package var auxiliaries: Set<String> = []
    /// "According to" forms, each a word sequence before the source (`laut`, `по словам`).
    package var according: [[String]] = []
    /// "According to" forms that follow the source (`X'e göre`).
    package var accordingAfter: Set<String> = []
    /// Pronouns that can be a speaker.
    package var pronouns: Set<String> = []
    /// Articles and determiners that open a noun phrase.
    package var determiners: Set<String> = []
    /// Words inside a name or title phrase that are not its head (`de`, `von`, `der`).
    package var connectors: Set<String> = []
    /// Words a speaker phrase never contains (prepositions, conjunctions, adverbs, verbs of being).
    package var stops: Set<String> = []
    /// Whether names are capitalised (speaker phrases before a verb then need a capital or a pronoun).
    package var capitalises = true

    /// The lexicon for an ISO 639-1 code, if the language has one.
    package static func forLanguage(_ code: String?) -> SpeechLexicon? {
        guard let code else { return nil }
        return all[code]
    }

    /// Every language with a lexicon, by ISO 639-1 code.
    package static let all: [String: SpeechLexicon] = {
        var table: [String: SpeechLexicon] = [:]
        for lexicon in [german, french, spanish, italian, portuguese, russian, polish, turkish, arabic, chinese] {
            table[lexicon.language] = lexicon
        }
        return table
    }()

    /// Every form `stem + ending` for each stem and ending ("заяви" + "л", "ла", "ли").
    static func forms(_ stems: [String], _ endings: [String]) -> Set<String> {
        var result = Set<String>()
        for stem in stems { for ending in endings { result.insert(stem + ending) } }
        return result
    }

    /// "And" in the languages with a lexicon: a verb after it shares the clause's subject.
    static let and: Set<String> = ["und", "et", "y", "e", "и", "i", "ve", "oraz"]
    /// Pronoun forms that are objects as often as subjects ("sie", "ihr" in German), never taken as
    /// a clause's subject when it is found away from its verb.
    static let objectForms: Set<String> = ["sie", "ihr", "es", "einer", "eine"]

    /// Whether `word` is the first word of an "according to" form (`laut`, `selon`, `по`).
    func opensAccording(_ word: String) -> Bool {
        according.contains { $0.first == word }
    }

    /// Whether `word` is a speech verb, or a French inverted form carrying its subject (`dit-il`,
    /// `a-t-elle`).
    func isVerb(_ word: String) -> Bool {
        if verbs.contains(word) { return true }
        if let hyphen = word.firstIndex(of: "-"), verbs.contains(String(word[..<hyphen])),
            Self.invertedPronouns.contains(where: { word.hasSuffix($0) })
        {
            return true
        }
        return false
    }

    /// A pronoun attached to an inverted verb (`ajoute-t-il`, `a-t-elle`, `dit-on`).
    static let invertedPronouns = ["-il", "-elle", "-ils", "-elles", "-on"]

    /// Whether the word carries its subject as an inverted pronoun (`dit-il`, `a-t-il`).
    func carriesSubject(_ word: String) -> Bool {
        word.contains("-") && Self.invertedPronouns.contains(where: { word.hasSuffix($0) })
    }
}
