import WiretraceCore

/// Switches for the German rules of dialogue in running text (turns told in one paragraph, as in a
/// scraped text that lost its line breaks), each on by default; see ``MultilingualQuoteExtractor``.
package struct MultilingualQuoteOptions: Sendable {
    /// A quote with no verb of its own, right after another party's quote in the same paragraph,
    /// is a reply, the other party's turn, when it names the last speaker (`„…, Herr Imhof.“`),
    /// opens with an answer word (`„Nein, …“`, `„Ach, …“`), or the two quotes before were the two
    /// parties' in turn (`„…“, fragte Martha. „…“, antwortete Konrad. „…“`): the speaker before
    /// last, not the last (``MultilingualQuoteExtractor/isReply(content:lastName:spoken:)``).
    package var replyTurns = true
    /// The other party of a turn, when none has spoken yet, is a person the scene before names
    /// beside the last speaker: the subject of a clause set after a comma (`…, als das Mädchen an
    /// ihm vorüberlief.`, `…, wo der Steuermann am Rade stand.`) or the other of two subjects
    /// joined by `und` (`Da saßen der Jäger und der Zimmermann.`)
    /// (``SpeakerPhrases/sceneParticipant(in:inQuote:openMarks:other:)``).
    package var sceneParticipants = true
    /// A question of the writer's, outside quotes, right before a quote (an interview told in
    /// running text: `Ob er ans Aufgeben denke? „Nein, …“`) is answered by the person it asks
    /// about: its pronoun `er`/`sie`, else the last speaker
    /// (``SpeakerPhrases/reportedQuestion(before:inQuote:openMarks:sentenceStart:)``).
    package var reportedQuestions = true
    /// Several segments of one statement share the source named after the last of them: `„…“, „…“,
    /// versicherte X` gives both segments X (``MultilingualQuoteExtractor/shareLaterSource(_:text:)``),
    /// and `„…“ – so X – „…“` goes on in X's words (the closing dash of the aside is no turn).
    package var severalSegments = true
    /// A German quote with no speaker of its own whose sentence before tells of a thing (`Das Feuer
    /// war erloschen. Draußen schlug der Regen gegen die Läden. „…“`) rests on the focus of the
    /// narrative: the nearest subject before it, back to the last quote, that names a person (`Er
    /// hängte die Flinte an den Haken.`), not the thing
    /// (``MultilingualQuoteExtractor/focusPerson(before:tokens:sentence:inQuote:openMarks:reader:subject:)``).
    package var focusPerson = true
    /// A person who becomes the subject between the last quote and a quote with no speaker of its
    /// own speaks it, not a speaker carried from a quote before: the subject of a main clause that
    /// `und`, `aber`, `doch`, `denn` or a semicolon joins to the last quote's attribution (`„…“,
    /// sagte der Vogt, und die Bäuerin schlug die Hände vor das Gesicht. „…“`), `er`/`sie` when its
    /// gender is not the last speaker's
    /// (``MultilingualQuoteExtractor/subjectBetween(in:lastSpeaker:lastName:sentence:inQuote:reader:)``);
    /// and a quote whose speaker came from such a narrative subject is no turn of strict
    /// alternation: a verbless quote right after it goes on in that person's words, not the party
    /// before (``MultilingualQuoteExtractor/isReply(content:lastName:spoken:lastVerbAfter:)``).
    package var subjectBetween = true

    package init() {}
}

extension MultilingualQuoteExtractor {
    /// German words that open an answer when a comma, a full stop or an exclamation mark follows
    /// them (`„Ja, …“`, `„Nein.“`, `„Freilich!“`).
    static let germanAnswerWords: Set<String> = [
        "ja", "nein", "doch", "jawohl", "freilich", "gewiß", "gewiss", "allerdings", "keineswegs", "durchaus", "natürlich",
        "nee", "jawol",
    ]

    /// German interjections that open a reply whatever follows (`„Ach was, …“`, `„Oho!“`).
    static let germanReplyInterjections: Set<String> = ["ach", "oho", "aha", "pah", "papperlapapp"]

    /// Whether a German quote with no verb of its own answers the last speaker (`lastName`, the
    /// name the last quote's speaker goes by) rather than going on in that speaker's words: it
    /// names that speaker (an address: `„Das ist Polemik, Herr Imhof.“`, `„…, lieber Onkel.“`), it
    /// opens with an answer word or an interjection (``germanAnswerWords``,
    /// ``germanReplyInterjections``), or the two quotes before were two parties' in turn, each a
    /// turn of one quote (`spoken` holds the names of the attributed quotes so far, in order).
    /// A speaker who spoke twice running before the other party's quote (`„…“, sagte X. „…“ Y
    /// widersprach: „…“ „…“`) makes no strict turn-taking, and the last party goes on; so does a
    /// speaker named by a verb after the last quote (`„…“, sagte der Arzt. „…“`, `lastVerbAfter`):
    /// the writer split one turn there.
    /// - Complexity: O(w) for the w words of the quote and the last name.
    func isReply(content: [Token], lastName: String, spoken: [String], lastVerbAfter: Bool) -> Bool {
        let words = content.filter(\.isWord)
        if let first = words.first, let k = content.firstIndex(where: \.isWord) {
            let next = k + 1 < content.count ? content[k + 1] : nil
            if Self.germanReplyInterjections.contains(first.lower) { return true }
            if Self.germanAnswerWords.contains(first.lower), next.map({ [",", ".", "!"].contains($0.text) }) ?? true { return true }
        }
        // The last speaker's name words (no article, at least three letters) in the quote.
        let nameWords = Set(lastName.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter {
            $0.count > 2 && !lexicon.determiners.contains($0)
        })
        if words.contains(where: { $0.isCapitalized && nameWords.contains($0.lower) }) { return true }
        let names = spoken.map { $0.lowercased() }
        guard !lastVerbAfter, names.count >= 2, names[names.count - 1] != names[names.count - 2] else { return false }
        return names.count == 2 || names[names.count - 3] != names[names.count - 2]
    }
}

extension SpeakerPhrases {
    /// Whether two namings share a word of three letters or more that is no article: `der Jäger`
    /// and `der Jäger Lukas`, `Onkel` and `Onkel Ambrosius`.
    func sharesName(_ phrase: ClosedRange<Int>, _ name: String) -> Bool {
        let words = Set(name.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }.filter {
            $0.count > 2 && !lexicon.determiners.contains($0)
        })
        return phrase.contains { tokens[$0].isWord && words.contains(tokens[$0].lower) }
    }

    /// Conjunctions that open a German clause after a comma with its subject right after them:
    /// `…, als das Mädchen vorüberlief`, `…, wo der Steuermann stand`.
    static let sceneConjunctions: Set<String> = ["als", "wo", "während", "indem", "nachdem", "bevor", "ehe", "wie", "da"]

    /// A person the scene in `range` names beside the last speaker (`other` is that speaker's
    /// name), nearest the end of the range first: the subject of a clause that a conjunction opens
    /// after a comma or at a sentence's start (`…, als das Mädchen an ihm vorüberlief`), or, of two
    /// subjects joined by `und` one of which is the last speaker, the other (`Da saßen der Zimmermann
    /// und der Jäger beim Wein`). Pronouns and words inside quotes are passed over.
    /// - Complexity: O(r) for the r tokens of the range.
    func sceneParticipant(in range: Range<Int>, inQuote: [Bool], openMarks: Set<Int>, other: String)
        -> ClosedRange<Int>?
    {
        guard lexicon.language == "de" else { return nil }
        for k in range.reversed() where tokens[k].isWord && !inQuote[k] && !openMarks.contains(k) {
            let word = tokens[k].lower
            if Self.sceneConjunctions.contains(word), k + 1 < range.upperBound,
                k == range.lowerBound || tokens[k - 1].text == "," || [".", "!", "?"].contains(tokens[k - 1].text),
                let phrase = forward(from: k + 1, limit: min(range.upperBound, k + 8)), !isPronoun(phrase.lowerBound),
                !isOblique(phrase.lowerBound), tokens[phrase].contains(where: \.isCapitalized),
                !phrase.contains(where: { inQuote[$0] }), !sharesName(phrase, other)
            {
                return phrase
            }
            if SpeechLexicon.and.contains(word), k > range.lowerBound, k + 1 < range.upperBound,
                let right = forward(from: k + 1, limit: min(range.upperBound, k + 8)),
                let left = backward(endingAt: k - 1, lowerBound: max(range.lowerBound, k - 8)),
                !isPronoun(left.lowerBound), !isPronoun(right.lowerBound), !isOblique(left.lowerBound),
                !isOblique(right.lowerBound), !(left.lowerBound...right.upperBound).contains(where: { inQuote[$0] })
            {
                if sharesName(left, other), !sharesName(right, other) { return right }
                if sharesName(right, other), !sharesName(left, other) { return left }
            }
        }
        return nil
    }

    /// German verbs of asking whose accusative object is the one asked (`fragte den Zeugen, ob …`).
    static let askingVerbs: Set<String> = ["fragte", "fragt", "befragte", "befragt"]

    /// The one asked in the sentence right before the quote opening at `open`, when that sentence
    /// (outside quotes) reports a question put to someone: a verb of asking, its accusative object
    /// (`den Angeklagten`, `die Zeugin`, a name) and after a comma `ob` or a question word (`Der
    /// Richter fragte den Angeklagten, wohin das Geld geflossen sei. „…“`). The quote is the answer.
    /// - Complexity: O(s) for the s tokens of the sentence.
    func askedObject(before open: Int, inQuote: [Bool], openMarks: Set<Int>, sentenceStart: Int) -> ClosedRange<Int>? {
        guard lexicon.language == "de", open > 1, [".", ":"].contains(tokens[open - 1].text), !inQuote[open - 1],
            sentenceStart < open - 1,
            !(sentenceStart..<(open - 1)).contains(where: { inQuote[$0] || openMarks.contains($0) })
        else { return nil }
        for v in sentenceStart..<(open - 1) where Self.askingVerbs.contains(tokens[v].lower) && isVerb(v) {
            var k = v + 1
            // The subject may follow the verb (`fragte der Richter den Zeugen`): pass over it.
            if k < open - 1, ["der", "die", "ein", "eine"].contains(tokens[k].lower),
                let subject = forward(from: k, limit: min(open - 1, k + 6)), !isOblique(subject.lowerBound)
            {
                k = subject.upperBound + 1
            }
            guard k < open - 1, ["den", "die", "einen", "eine"].contains(tokens[k].lower) || tokens[k].isCapitalized,
                let object = forward(from: k, limit: min(open - 1, k + 6)), !isPronoun(object.lowerBound),
                object.upperBound + 2 < open, tokens[object.upperBound + 1].text == ",",
                Self.questionOpeners.contains(tokens[object.upperBound + 2].lower)
            else { continue }
            return object
        }
        return nil
    }

    /// German words that open a question the writer asks about someone (an interview told in
    /// running text: `Ob er …?`, `Was sie … wolle?`, `Warum …?`).
    static let questionOpeners: Set<String> = [
        "ob", "was", "wie", "warum", "weshalb", "wieso", "wann", "wo", "wohin", "woher", "welche", "welcher", "welches",
        "wer", "wen", "wem", "womit", "wofür", "worauf", "wozu",
    ]

    /// A question of the writer's that ends right before the quote opening at `open`: a sentence
    /// outside quotes that opens with `ob` or a question word and ends with `?`. Returns the
    /// person it asks about, the pronoun `er` or `sie` in it before any other, or `nil` for the
    /// pronoun when it has none (`.some(nil)`: the last speaker answers); `nil` when there is no
    /// such question.
    /// - Complexity: O(s) for the s tokens of the question.
    func reportedQuestion(before open: Int, inQuote: [Bool], openMarks: Set<Int>, sentenceStart: Int)
        -> ClosedRange<Int>??
    {
        guard lexicon.language == "de", open > 1, tokens[open - 1].text == "?", !inQuote[open - 1],
            sentenceStart < open - 1, tokens[sentenceStart].isWord,
            Self.questionOpeners.contains(tokens[sentenceStart].lower),
            !(sentenceStart..<(open - 1)).contains(where: { inQuote[$0] || openMarks.contains($0) })
        else { return nil }
        if let k = ((sentenceStart + 1)..<(open - 1)).first(where: { k in
            ["er", "sie"].contains(tokens[k].lower) && !Self.prepositions.contains(tokens[k - 1].lower)
        }) {
            return .some(k...k)
        }
        return .some(nil)
    }
}

extension MultilingualQuoteExtractor {
    /// The names of the attributed quotes that run up to the quote opening at `open` as one
    /// exchange in its paragraph: each within 40 tokens of the next, oldest first. Turns in
    /// paragraphs of their own are told by the paragraphs (the paragraph turn rule), not here.
    static func recentTurns(_ exchange: [(open: Int, close: Int, name: String)], before open: Int, tokens: [Token]) -> [String] {
        var names: [String] = []
        var edge = open
        for turn in exchange.reversed() {
            guard edge - turn.close <= 40, tokens[turn.open].paragraph == tokens[open].paragraph else { break }
            names.append(turn.name)
            edge = turn.open
        }
        return names.reversed()
    }

    /// Where the scene before the quote opening at `open` starts: 60 tokens before it, within its
    /// paragraph.
    static func sceneStart(_ tokens: [Token], before open: Int) -> Int {
        var a = max(0, open - 60)
        while a < open, tokens[a].paragraph != tokens[open].paragraph { a += 1 }
        return a
    }
}

extension MultilingualQuoteExtractor {
    /// A German quote with no speaker that a comma joins to the next quote (`„…“, „…“, versicherte
    /// X`: no letter between them, the first not ending in a question or an exclamation, which the
    /// next may answer) shares the next one's speaker when a verb named it after that quote.
    /// `occurrences` are the direct quotes in text order.
    /// - Complexity: O(q) for q quotes, plus the characters between neighbours.
    func shareLaterSource(_ occurrences: inout [QuoteOccurrence], text: ScalarText) {
        guard occurrences.count >= 2 else { return }
        for i in stride(from: occurrences.count - 2, through: 0, by: -1) {
            let next = occurrences[i + 1]
            guard occurrences[i].speaker == nil, next.speaker != nil, next.cue != nil,
                let mention = next.speakerStart, mention >= next.end,
                occurrences[i].end <= next.start
            else { continue }
            let between = text.scalars[occurrences[i].end..<next.start]
            guard between.contains(","), !between.contains(where: { $0.properties.isAlphabetic || $0 == "." }) else { continue }
            var k = occurrences[i].end - 1
            while k > occurrences[i].start, text.scalars[k].properties.isWhitespace { k -= 1 }
            guard !["?", "!"].contains(text.scalars[k]) else { continue }
            occurrences[i].speaker = next.speaker
            occurrences[i].speakerStart = next.speakerStart
            occurrences[i].speakerEnd = next.speakerEnd
            occurrences[i].cue = next.cue
        }
    }
}
