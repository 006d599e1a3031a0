import WiretraceCore

extension SpeakerPhrases {
    /// German nouns of persons (roles, kin, ranks, trades) that a subject's head may be; with the
    /// person endings of ``namesPerson(_:)`` they tell `der Förster` from `der Regen`.
    static let germanPersonNouns: Set<String> = [
        "mann", "frau", "herr", "dame", "kind", "mädchen", "junge", "knabe", "greis", "alte", "alter", "fremde", "fremder",
        "arzt", "wirt", "wirtin", "knecht", "magd", "bauer", "bäuerin", "pfarrer", "priester", "mönch", "graf", "fürst",
        "könig", "kaiser", "prinz", "herzog", "baron", "ritter", "soldat", "offizier", "general", "hauptmann", "kapitän",
        "matrose", "minister", "richter", "anwalt", "notar", "vater", "mutter", "bruder", "schwester", "sohn", "tochter",
        "onkel", "tante", "vetter", "neffe", "nichte", "witwe", "witwer", "gast", "diener", "kutscher", "chef", "zeuge",
        "beamte", "beamter", "angeklagte", "angeklagter", "bote", "hirte", "held", "mensch", "bursche", "geselle",
        "kollege", "kommissar", "präsident", "kanzler", "student", "professor", "doktor", "lotse", "schäfer", "hebamme",
    ]

    /// Endings of German nouns of persons after a masculine article (`der Förster`, `der Direktor`,
    /// `der Journalist`, `der Lieferant`, `der Redakteur`, `der Lehrling`, `der Kaufmann`).
    static let masculinePersonEndings = ["er", "or", "ist", "ant", "ent", "eur", "ling", "mann"]

    /// Whether a German subject phrase names a person, as far as its words tell: the pronoun `er`
    /// or `sie`; a noun of a person (``germanPersonNouns``, the titles of ``gender(_:)``), a
    /// compound ending in one (`Landarzt`) or a given name anywhere in it; a noun with a person's ending after a masculine or feminine article
    /// (`der Förster`, `die Ärztin`) or right before another capitalised word, a title before a
    /// name (`Trainer Malte Ostendorf`, `Polizeipräsident Dietmar Fahrenkamp`); or one bare word
    /// that ends an earlier naming of a person in `earlier` (`Baldauf` after `der Förster Quirin
    /// Baldauf`) or that the text capitalises inside a sentence as well (a name, not an adverb
    /// opening the sentence). Things, weather, places and adverbials of time (`die Lampe`, `der Nebel`,
    /// `Draußen`, `Jeden Morgen`) are none.
    /// - Complexity: O(p + e) for the p tokens of the phrase and the e earlier namings' tokens.
    func namesPerson(_ phrase: ClosedRange<Int>, earlier: [ClosedRange<Int>] = []) -> Bool {
        let first = tokens[phrase.lowerBound].lower
        if phrase.count == 1, ["er", "sie"].contains(first) { return true }
        // An adverbial of time read as the subject (`Jeden Morgen …`) names no one.
        if isTime(phrase) { return false }
        if namesPersonByItsWords(phrase) { return true }
        guard phrase.count == 1, tokens[phrase.lowerBound].isCapitalized, !isPronoun(phrase.lowerBound) else { return false }
        let word = tokens[phrase.lowerBound].text
        // A name stands capitalised inside a sentence too; an adverb that opens one (`Draußen`,
        // `Unten`) does not.
        if tokens.indices.contains(where: { j in
            j != phrase.lowerBound && j > 0 && tokens[j].text == word && (tokens[j - 1].isWord || tokens[j - 1].text == ",")
        }) {
            return true
        }
        return earlier.contains { naming in
            naming.count > 1 && namesPersonByItsWords(naming)
                && naming.dropFirst().contains { tokens[$0].isWord && tokens[$0].text == word }
        }
    }

    /// ``namesPerson(_:earlier:)`` by the phrase's own words.
    private func namesPersonByItsWords(_ phrase: ClosedRange<Int>) -> Bool {
        let first = tokens[phrase.lowerBound].lower
        let nouns = phrase.filter {
            tokens[$0].isWord && tokens[$0].isCapitalized && !lexicon.determiners.contains(tokens[$0].lower)
                && !lexicon.pronouns.contains(tokens[$0].lower)
        }
        let titles = Self.masculineTitles.union(Self.feminineTitles)
        for k in nouns {
            let word = tokens[k].lower
            if Self.germanPersonNouns.contains(word) || titles.contains(word) { return true }
            // A compound ending in a noun of a person (`Landarzt`, `Gastwirt`, `Zimmermann`).
            if word.count > 6, Self.germanPersonNouns.contains(where: { $0.count >= 4 && word.hasSuffix($0) }) { return true }
            if GivenNames.female.contains(word) || GivenNames.male.contains(word) { return true }
            let feminine = word.count > 4 && word.hasSuffix("in")
            let masculine = word.count > 4 && Self.masculinePersonEndings.contains(where: { word.hasSuffix($0) })
            // A title before a name: the next word capitalised too.
            let beforeName = k + 1 <= phrase.upperBound && tokens[k + 1].isWord && tokens[k + 1].isCapitalized
            if k == nouns.first, feminine && (["die", "eine"].contains(first) || beforeName) { return true }
            if k == nouns.first, masculine && (["der", "ein"].contains(first) || beforeName) { return true }
        }
        return false
    }
}

extension MultilingualQuoteExtractor {
    /// The person a German quote with no speaker of its own rests on when the sentence right before
    /// it tells of a thing (`Draußen schlug der Regen gegen die Läden. „…“`): the focus of the
    /// narrative, the subject of the nearest sentence before, within its paragraph and back to the
    /// last quote, that names a person (``SpeakerPhrases/namesPerson(_:earlier:)``): the pronoun
    /// `er`/`sie` that carries the person on (`Er hängte die Flinte an den Haken.`), when the phrase
    /// it stands for names a person too, or the naming itself. Objects and listeners (`ihn`, `ihr`, `zu ihm`) are no subjects and never the focus.
    /// Up to six sentences back; `subject` reads the subject of one sentence (as for the sentence
    /// before a quote). See ``MultilingualQuoteOptions/focusPerson``.
    /// - Complexity: O(s) for the s tokens of the sentences read.
    func focusPerson(
        before open: Int, tokens: [Token], sentence: [Int], inQuote: [Bool], openMarks: Set<Int>, reader: SpeakerPhrases,
        subject: (Range<Int>) -> ClosedRange<Int>?
    ) -> ClosedRange<Int>? {
        guard lexicon.language == "de", open > 0 else { return nil }
        // The sentences read, nearest first: the subject read, or when none is read (or only an
        // adverbial of time) the pronoun `er`/`sie` of the main clause (`Jeden Morgen öffnete er
        // den Laden.`).
        var read: [(subject: ClosedRange<Int>?, pronoun: ClosedRange<Int>?)] = []
        var end = open
        for _ in 0..<6 {
            guard end > 0, tokens[end - 1].paragraph == tokens[open].paragraph else { break }
            let start = sentenceStart(sentence, end - 1)
            guard start < end, !(start..<end).contains(where: { inQuote[$0] || openMarks.contains($0) }) else { break }
            let phrase = subject(start..<end).flatMap { reader.isTime($0) ? nil : $0 }
            // A thing read as the subject leaves `er`/`sie` an object or another clause's.
            let pronoun = phrase != nil ? nil : (start..<end).first(where: { k in
                ["er", "sie"].contains(tokens[k].lower) && k > start && !SpeakerPhrases.prepositions.contains(tokens[k - 1].lower)
                    && !(start..<k).contains(where: { tokens[$0].text == "," })
            })
            read.append((phrase, pronoun.map { $0...$0 }))
            end = start
        }
        // Earlier namings (the subjects of the sentences read and of those before) tell a bare name.
        var earlier = read.compactMap(\.subject)
        var k = end
        var seen = 0
        while k > 0, seen < 12, tokens[k - 1].paragraph == tokens[open].paragraph {
            let start = sentenceStart(sentence, k - 1)
            if start < k, !inQuote[start], let phrase = subject(start..<k) { earlier.append(phrase) }
            k = start
            seen += 1
        }
        func person(_ phrase: ClosedRange<Int>?) -> ClosedRange<Int>? {
            phrase.flatMap { isPersonSubject($0, sentence: sentence, inQuote: inQuote, reader: reader, earlier: earlier) ? $0 : nil }
        }
        for one in read {
            if let found = person(one.subject) ?? person(one.pronoun) { return found }
        }
        return nil
    }

    /// Whether a German subject read in the search for the focus names one person
    /// (``SpeakerPhrases/namesPerson(_:earlier:)``), no crowd; `er`/`sie` only when the phrase it
    /// stands for names a person too (`Die Ballade war lang. Sie handelte von …` is a thing's).
    func isPersonSubject(
        _ phrase: ClosedRange<Int>, sentence: [Int], inQuote: [Bool], reader: SpeakerPhrases, earlier: [ClosedRange<Int>] = []
    ) -> Bool {
        guard reader.namesPerson(phrase, earlier: earlier), !reader.isCrowd(phrase) else { return false }
        if phrase.count == 1, reader.isPronoun(phrase.lowerBound),
            let person = reader.antecedentPhrase(of: phrase.lowerBound, sentence: sentence, inQuote: inQuote, named: []),
            // An adverbial of time opening the pronoun's sentence is no antecedent.
            !reader.isTime(person)
        {
            return reader.namesPerson(person, earlier: earlier)
        }
        return true
    }
}

extension MultilingualQuoteExtractor {
    /// Words that join a German main clause to the one before with its own subject (`…, und die
    /// Bäuerin schlug …`, `…, aber er schwieg`).
    static let mainClauseJoiners: Set<String> = ["und", "aber", "doch", "jedoch", "denn"]

    /// Adverbs that open a German main clause before its verb, the subject after the verb (`und da
    /// schlug die Bäuerin …`, `und nun lachte er`).
    static let clauseOpeningAdverbs: Set<String> = ["da", "dann", "nun", "jetzt", "darauf", "plötzlich", "endlich", "sofort"]

    /// A person who becomes the subject in `range`, the rest of the sentence that attributed the
    /// last quote (`„…“, sagte der Vogt, und die Bäuerin schlug die Hände vor das Gesicht.`): the
    /// subject of a main clause joined by ``mainClauseJoiners`` or a semicolon, the nearest the end
    /// first, right after the joiner and before a verb written small (`und die Bäuerin schlug`) or
    /// after an opening adverb and the verb (`und da schlug sie`). It names a person
    /// (``isPersonSubject(_:sentence:inQuote:reader:earlier:)``) and not the last speaker
    /// (`lastSpeaker`, named `lastName`): `er`/`sie` counts when its gender is not the last
    /// speaker's (`sagte der Vogt zu der Bäuerin, und sie …`), or, the last speaker's gender unknown,
    /// when the person it stands for is another. Subordinate clauses (`während der Knecht …`) and
    /// objects (`und reichte ihr den Becher`) are passed over.
    /// - Complexity: O(r) for the r tokens of the range.
    func subjectBetween(
        in range: Range<Int>, lastSpeaker: ClosedRange<Int>?, lastName: String, sentence: [Int], inQuote: [Bool],
        reader: SpeakerPhrases
    ) -> ClosedRange<Int>? {
        guard lexicon.language == "de", !range.isEmpty else { return nil }
        let tokens = reader.tokens
        // A word written small that is no stop word: the finite verb of the clause.
        let small = { (k: Int) -> Bool in
            k < range.upperBound && tokens[k].isWord && !tokens[k].isCapitalized && !reader.lexicon.stops.contains(tokens[k].lower)
        }
        for k in range.reversed() where !inQuote[k] {
            let joiner = tokens[k].text == ";" || Self.mainClauseJoiners.contains(tokens[k].lower) && k > range.lowerBound
            guard joiner, k + 2 < range.upperBound else { continue }
            // The clause runs to the next comma, semicolon or the end of the range.
            let end = ((k + 1)..<range.upperBound).first(where: { [",", ";", ".", "!", "?", ":"].contains(tokens[$0].text) })
                ?? range.upperBound
            guard end > k + 2 else { continue }
            var phrase: ClosedRange<Int>? = nil
            if let straight = reader.forward(from: k + 1, limit: end), straight.lowerBound == k + 1,
                !reader.isOblique(straight.lowerBound), small(straight.upperBound + 1), straight.upperBound + 1 < end
            {
                // `und die Bäuerin schlug …`, `aber sie schwieg`.
                phrase = straight
            } else if Self.clauseOpeningAdverbs.contains(tokens[k + 1].lower), small(k + 2),
                let inverted = reader.forward(from: k + 3, limit: end, inverted: true), inverted.lowerBound <= k + 4
            {
                // `und da schlug die Bäuerin …`, `und nun lachte er`.
                phrase = inverted
            }
            guard let phrase, !phrase.contains(where: { inQuote[$0] }),
                isPersonSubject(phrase, sentence: sentence, inQuote: inQuote, reader: reader)
            else { continue }
            if phrase.count == 1, ["er", "sie"].contains(tokens[phrase.lowerBound].lower) {
                let wanted: SpeakerPhrases.Gender = tokens[phrase.lowerBound].lower == "er" ? .masculine : .feminine
                let last = lastSpeaker.flatMap { speaker -> SpeakerPhrases.Gender? in
                    if speaker.count == 1, tokens[speaker.lowerBound].lower == "er" { return .masculine }
                    if speaker.count == 1, tokens[speaker.lowerBound].lower == "sie" { return .feminine }
                    return reader.gender(speaker)
                }
                if let last {
                    if last == wanted { continue }
                } else if let person = reader.antecedentPhrase(of: phrase.lowerBound, sentence: sentence, inQuote: inQuote, named: []),
                    !reader.sharesName(person, lastName)
                {
                    // The last speaker's gender unknown: the person the pronoun stands for is another.
                } else {
                    continue
                }
            } else if reader.sharesName(phrase, lastName) || lastSpeaker.map({ $0.overlaps(phrase) }) ?? false {
                continue
            }
            return phrase
        }
        return nil
    }
}
