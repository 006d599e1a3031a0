import WiretraceCore

/// Reported (indirect) speech in a language other than English: what a speaker said, told without
/// quote marks, in the three forms news writing uses in every language with a ``SpeechLexicon``:
///
/// - a speech verb and a complementiser before the clause: `Merkel sagte, dass …`, `Le ministre a
///   déclaré qu'il …`, `El presidente dijo que …`, `Il ministro ha detto che …`, `O ministro
///   afirmou que …`, `Шойгу заявил, что …`, `Premier powiedział, że …`, `وقال الوزير إن …`; in
///   German also a comma alone (`Merkel sagte, die Lage sei ernst.`);
/// - the clause first and an inverted attribution ending the sentence: `Die Lage sei ernst, sagte
///   Merkel.`, `La situation est grave, a affirmé le ministre.`;
/// - an "according to" form opening the sentence: `Laut Merkel ist die Lage ernst.`, `Selon le
///   ministre, la situation est grave.`, `По словам Шойгу, …`.
///
/// The content is the reported clause to the end of its sentence (its final stop left out); the
/// speaker is found with the same ``SpeakerPhrases`` reader as for direct quotes. A clause that holds
/// quote marks is left to the direct-quote reading, and so is any span a direct quote overlaps.
extension MultilingualQuoteExtractor {
    /// Words that open a reported clause after a speech verb, per language.
    static let complementisers: [String: Set<String>] = [
        "de": ["dass", "daß"], "fr": ["que"], "es": ["que"], "it": ["che"], "pt": ["que"],
        "ru": ["что"], "pl": ["że", "iż"], "ar": ["إن", "أن", "إنه", "إنها", "أنه", "أنها", "إنّ", "أنّ", "ان"],
    ]

    /// The verbs that report speech without quote marks, per language: finite forms and participles
    /// of saying, stating, explaining, adding, stressing, announcing, confirming, warning. Narrower
    /// than the lexicon's verbs, which also tag speech that quote marks already prove (`lächelte`,
    /// `fuhr fort`, `dachte`).
    static let reportingVerbs: [String: Set<String>] = [
        "de": [
            "sagte", "sagt", "sagten", "gesagt", "erklärte", "erklärt", "erklärten", "betonte", "betont", "betonten",
            "teilte", "teilten", "mitgeteilt", "berichtete", "berichtet", "berichteten", "meinte", "meint",
            "behauptete", "behauptet", "versicherte", "versichert", "warnte", "warnt", "räumte", "kündigte",
            "bekräftigte", "unterstrich", "bestätigte", "bestätigt", "verkündete", "erläuterte", "ergänzte",
            "fügte", "hinzugefügt", "sagen", "erklären",
        ],
        "fr": [
            "dit", "déclaré", "affirmé", "expliqué", "indiqué", "estimé", "souligné", "assuré", "annoncé", "précisé",
            "ajouté", "rappelé", "reconnu", "confirmé", "averti", "prévenu", "déclare", "affirme", "explique",
            "indique", "estime", "souligne", "assure", "annonce", "précise", "ajoute", "rappelle", "reconnaît",
            "confirme", "avertit", "déclara", "affirma", "expliqua", "ajouta",
        ],
        "es": [
            "dijo", "afirmó", "declaró", "explicó", "aseguró", "señaló", "indicó", "añadió", "agregó", "destacó",
            "anunció", "advirtió", "reconoció", "confirmó", "sostuvo", "subrayó", "dice", "afirma", "asegura",
            "explica", "señala", "indica", "añade", "agrega", "advierte", "sostiene", "dicho", "afirmado",
            "declarado", "explicado", "asegurado", "señalado", "indicado", "anunciado", "advertido", "reconocido",
            "confirmado",
        ],
        "it": [
            "detto", "dichiarato", "affermato", "spiegato", "aggiunto", "sottolineato", "annunciato", "assicurato",
            "precisato", "ricordato", "ammesso", "avvertito", "ribadito", "confermato", "sostenuto", "dice",
            "dichiara", "afferma", "spiega", "aggiunge", "sottolinea", "annuncia", "assicura", "precisa",
            "ricorda", "ammette", "avverte", "ribadisce", "conferma", "sostiene", "disse", "dichiarò", "affermò",
            "spiegò", "aggiunse", "sottolineò",
        ],
        "pt": [
            "disse", "afirmou", "declarou", "explicou", "garantiu", "assegurou", "anunciou", "acrescentou",
            "destacou", "ressaltou", "salientou", "informou", "admitiu", "reconheceu", "confirmou", "advertiu",
            "alertou", "diz", "afirma", "declara", "explica", "garante", "anuncia", "acrescenta", "destaca",
            "informa", "admite", "confirma", "dito", "afirmado", "declarado",
        ],
        "ru": SpeechLexicon.forms(
            ["заявил", "сказал", "сообщил", "отметил", "подчеркнул", "пояснил", "добавил", "признал", "указал",
             "предупредил", "уточнил", "заверил", "напомнил"], ["", "а", "и"])
            .union(["говорит", "заявляет", "сообщает", "отмечает", "подчёркивает", "подчеркивает", "считает"]),
        "pl": SpeechLexicon.forms(
            ["powiedział", "stwierdził", "oświadczył", "zapowiedział", "poinformował", "podkreślił", "dodał",
             "przyznał", "zaznaczył", "wyjaśnił", "ostrzegł", "zapewnił", "uznał"], ["", "a", "o", "i"])
            .union(["mówi", "twierdzi", "uważa", "podkreśla", "zaznacza", "dodaje"]),
    ]

    /// Phrases that never speak for themselves: impersonal and relative pronouns (`man`, `welche`,
    /// `on`, `qui`, `который`) name no speaker of a report.
    static let impersonalSpeakers: Set<String> = [
        "man", "welche", "welcher", "welches", "der", "die", "das", "es", "was", "wer", "dies", "dieses",
        "on", "qui", "ce", "cela", "que", "quien", "se", "si", "che", "chi", "quem", "который", "которая",
        "которые", "что", "кто", "это", "który", "która", "którzy", "co", "kto", "to",
    ]

    /// German forms of the first subjunctive (reported speech's mood): a comma report needs one.
    static let germanSubjunctives: Set<String> = [
        "sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "gebe",
        "gehe", "stehe", "liege", "bleibe", "komme", "wisse", "brauche", "fehle", "lasse", "wäre", "wären",
        "hätte", "hätten", "würde", "würden", "könnten", "müssten", "sollten",
    ]

    /// French elided complementisers: the clause starts inside the token (`qu'il`, `qu’elle`).
    static let elidedComplementisers = ["qu'", "qu’"]

    /// German words after a speech verb's comma that open no reported clause (`sagte, als er …`).
    static let germanNonReportOpeners: Set<String> = [
        "als", "wenn", "weil", "nachdem", "bevor", "während", "da", "und", "aber", "doch", "sondern", "denn",
        "um", "ohne", "indem", "bis", "seit", "obwohl", "wobei", "wo", "was", "wie",
    ]

    /// Words the reported clause needs at least.
    static let minimumReportedWords = 3

    /// The reported speech of a text whose tokens, sentence numbers and direct quotes are known.
    /// - Complexity: O(n) in the tokens, times a small constant per speech verb.
    func reportedSpeech(
        tokens: [Token], text: ScalarText, sentence: [Int], inQuote: [Bool], openMarks: Set<Int>,
        reader: SpeakerPhrases, article: Article, direct: [QuoteOccurrence]
    ) -> [QuoteOccurrence] {
        guard lexicon.language != "zh", !tokens.isEmpty else { return [] }
        let complementisers = Self.complementisers[lexicon.language] ?? []
        var found: [QuoteOccurrence] = []
        var taken: [Range<Int>] = direct.map { $0.start..<$0.end }

        var start = 0
        while start < tokens.count {
            var end = start
            while end + 1 < tokens.count, sentence[end + 1] == sentence[start] { end += 1 }
            defer { start = end + 1 }
            let range = start...end
            // A sentence with quote marks is the direct reading's; one with no reporting verb and
            // no "according to" form reports nothing (most sentences: checked before any reading).
            guard !range.contains(where: { inQuote[$0] || openMarks.contains($0) }),
                range.contains(where: { tokens[$0].isWord && (isReportingVerb(tokens[$0].lower)
                    || $0 <= start + 1 && lexicon.opensAccording(tokens[$0].lower)
                    || lexicon.language == "tr" && ["etti", "getirdi"].contains(tokens[$0].lower)) })
            else { continue }
            guard let report = reported(in: range, tokens: tokens, complementisers: complementisers, reader: reader)
            else { continue }
            var content = report.content
            // Punctuation opening the clause (`daß, ehe …`) is not what was said.
            while report.skip == 0, content.lowerBound < content.upperBound, !tokens[content.lowerBound].isWord {
                content = (content.lowerBound + 1)...content.upperBound
            }
            var contentStart = tokens[content.lowerBound].start + report.skip
            var last = content.upperBound
            // The sentence's final stop (and any closing punctuation) is not what was said.
            while last > content.lowerBound, !tokens[last].isWord { last -= 1 }
            guard tokens[content.lowerBound...last].filter(\.isWord).count >= Self.minimumReportedWords else { continue }
            let contentEnd = tokens[last].end
            while contentStart < contentEnd, text.scalars[contentStart].properties.isWhitespace { contentStart += 1 }
            let span = contentStart..<contentEnd
            guard !span.isEmpty, !taken.contains(where: { $0.overlaps(span) }) else { continue }
            taken.append(span)

            let phrase = report.speaker
            let mention = tokens[phrase.lowerBound].start..<tokens[phrase.upperBound].end
            let isPronoun = phrase.count == 1 && lexicon.pronouns.contains(tokens[phrase.lowerBound].lower)
                && !Self.firstPerson.contains(tokens[phrase.lowerBound].lower)
                || lexicon.carriesSubject(tokens[phrase.lowerBound].lower)
            var speaker = reader.name(phrase)
            if isPronoun {
                // A pronoun speaks for the last speaker named before it, direct or reported.
                let earlier = (direct + found).filter { ($0.speakerStart ?? Int.max) < mention.lowerBound && $0.speaker != nil }
                    .max { ($0.speakerStart ?? 0) < ($1.speakerStart ?? 0) }
                speaker = earlier?.speaker ?? text.string(mention)
            }
            found.append(QuoteOccurrence(
                start: span.lowerBound, end: span.upperBound, text: text.string(span), kind: .indirect,
                speaker: speaker, speakerStart: mention.lowerBound, speakerEnd: mention.upperBound,
                cue: report.cue.isEmpty ? nil : report.cue,
                via: RelayChain.via(firstReporter: reporter(tokens, start..<(end + 1)), article: article)))
        }
        return found
    }

    /// One sentence's report: the reported clause's tokens (`skip` scalars of its first token
    /// belong to an elided complementiser), the speaker phrase and the cue.
    private func reported(
        in range: ClosedRange<Int>, tokens: [Token], complementisers: Set<String>, reader: SpeakerPhrases
    ) -> (content: ClosedRange<Int>, skip: Int, speaker: ClosedRange<Int>, cue: String)? {
        let first = range.lowerBound
        let last = range.upperBound
        if lexicon.language == "tr" { return turkishReport(in: range, tokens: tokens) }
        // "According to" opening the sentence: `Laut Merkel ist …`, `Selon le ministre, …`.
        if let opening = (first...last).first(where: { tokens[$0].isWord }), opening <= first + 1,
            let according = reader.according(at: opening, limit: last + 1)
        {
            // A one-word form of three letters or fewer (`per`) is too common to open a report.
            if according.cue.contains(" ") || according.cue.count > 3, canSpeak(according.speaker, tokens) {
                var c = according.speaker.upperBound + 1
                while c <= last, !tokens[c].isWord { c += 1 }
                if c <= last, according.speaker.upperBound + 1 < c || lexicon.language == "de" {
                    return (c...last, 0, according.speaker, according.cue)
                }
            }
        }
        // "According to" and a pronoun: `Selon lui, …`, `По его словам, …` (the pronoun inside the form).
        if let opening = (first...last).first(where: { tokens[$0].isWord }), opening <= first + 1,
            let pronoun = accordingPronoun(at: opening, limit: last, tokens: tokens)
        {
            var c = pronoun.formEnd
            while c <= last, !tokens[c].isWord { c += 1 }
            if c <= last, c > pronoun.formEnd { return (c...last, 0, pronoun.at...pronoun.at, pronoun.cue) }
        }
        // A speech verb and a complementiser: `X sagte, dass …`, `X a déclaré qu'il …`.
        for c in range where tokens[c].isWord && c > first {
            let word = tokens[c].lower
            var skip = 0
            var clauseStart = c + 1
            if complementisers.contains(word) {
                skip = 0
            } else if lexicon.language == "fr", let elided = Self.elidedComplementisers.first(where: { word.hasPrefix($0) }),
                word.count > elided.count
            {
                // `qu'il`: the clause opens inside this token.
                skip = elided.count
                clauseStart = c
            } else {
                continue
            }
            guard let v = speechVerb(before: c, from: first, tokens: tokens) else { continue }
            guard clauseStart <= last, let found = reader.before(in: first..<c), found.speaker.upperBound < c,
                canSpeak(found.speaker, tokens),
                found.speaker.lowerBound >= first, !(found.speaker.lowerBound...found.speaker.upperBound).contains(v) || lexicon.carriesSubject(tokens[v].lower)
            else { continue }
            return (clauseStart...last, skip, found.speaker, found.cue)
        }
        // German: a speech verb and a comma alone (`Merkel sagte (am Dienstag), die Lage sei ernst.`).
        if lexicon.language == "de" {
            for c in range where c > first && tokens[c].text == "," && c + 1 <= last
                && speechVerb(before: c, from: first, tokens: tokens) != nil
            {
                let next = tokens[c + 1]
                guard next.isWord, !Self.germanNonReportOpeners.contains(next.lower), !reader.isVerb(c + 1),
                    ((c + 1)...last).contains(where: { Self.germanSubjunctives.contains(tokens[$0].lower) }),
                    let found = reader.before(in: first..<c), found.speaker.upperBound < c, canSpeak(found.speaker, tokens)
                else { continue }
                return ((c + 1)...last, 0, found.speaker, found.cue)
            }
        }
        // The clause first, the attribution ending the sentence: `Die Lage sei ernst, sagte Merkel.`
        for m in range where tokens[m].text == "," && m > first + Self.minimumReportedWords && m + 1 <= last
            && ((m + 1)...min(m + 4, last)).contains(where: { tokens[$0].isWord && isReportingVerb(tokens[$0].lower) })
        {
            guard let found = reader.after(from: m + 1, upTo: last + 1, quoteOpen: first, sentenceStart: first),
                found.speaker.lowerBound > m, canSpeak(found.speaker, tokens),
                found.cue.split(separator: " ").contains(where: { isReportingVerb($0.lowercased()) })
            else { continue }
            // The attribution must end the sentence: nothing but punctuation after the speaker.
            guard !((found.speaker.upperBound + 1)...max(found.speaker.upperBound + 1, last)).contains(where: { $0 <= last && tokens[$0].isWord })
            else { continue }
            return (first...(m - 1), 0, found.speaker, found.cue)
        }
        return nil
    }

    /// An "according to" form at `i` whose source is a pronoun after it (`selon lui`) or inside a
    /// form of two words (`по его словам`): the pronoun's token, the token after the form, the cue.
    private func accordingPronoun(at i: Int, limit: Int, tokens: [Token]) -> (at: Int, formEnd: Int, cue: String)? {
        func word(_ k: Int) -> String? { k <= limit && tokens[k].isWord ? tokens[k].lower : nil }
        for form in lexicon.according where word(i) == form[0] {
            if form.indices.allSatisfy({ word(i + $0) == form[$0] }), let p = word(i + form.count),
                Self.accordingPronouns.contains(p)
            {
                return (i + form.count, i + form.count + 1, form.joined(separator: " "))
            }
            if form.count == 2, let p = word(i + 1), Self.accordingPronouns.contains(p), word(i + 2) == form[1] {
                return (i + 1, i + 3, form.joined(separator: " "))
            }
        }
        return nil
    }

    /// Whether `word` reports speech without quote marks: one of the language's reporting verbs, or
    /// any speech verb of a language without such a list (Arabic).
    func isReportingVerb(_ word: String) -> Bool {
        guard let verbs = Self.reportingVerbs[lexicon.language] else { return lexicon.isVerb(word) }
        return verbs.contains(word) || lexicon.carriesSubject(word) && verbs.contains(String(word.prefix { $0 != "-" }))
    }

    /// Whether the phrase can speak: not a lone impersonal or relative pronoun.
    func canSpeak(_ phrase: ClosedRange<Int>, _ tokens: [Token]) -> Bool {
        !(phrase.count == 1 && Self.impersonalSpeakers.contains(tokens[phrase.lowerBound].lower))
    }

    /// Turkish verbs that end a sentence of reported speech (`… söyledi.`, `… ifade etti.`).
    static let turkishReportingVerbs: Set<String> = [
        "söyledi", "söylüyor", "söylemişti", "açıkladı", "açıklıyor", "belirtti", "belirtiyor", "kaydetti",
        "vurguladı", "vurguluyor", "bildirdi", "ekledi", "uyardı", "duyurdu", "savundu", "aktardı", "anlattı",
    ]

    /// Turkish reported speech: the subject opens the sentence before a comma, the clause (a verbal
    /// noun in `-dığını`/`-acağını`) follows, and a reporting verb ends the sentence: `Valdivia,
    /// şirketin zammı reddettiğini söyledi.` Also `ifade etti` and `dile getirdi` as the verb.
    private func turkishReport(in range: ClosedRange<Int>, tokens: [Token])
        -> (content: ClosedRange<Int>, skip: Int, speaker: ClosedRange<Int>, cue: String)?
    {
        var v = range.upperBound
        while v > range.lowerBound, !tokens[v].isWord { v -= 1 }
        var verbStart = v
        let last = tokens[v].lower
        if last == "etti", v > range.lowerBound, tokens[v - 1].lower == "ifade" {
            verbStart = v - 1
        } else if last == "getirdi", v > range.lowerBound, tokens[v - 1].lower == "dile" {
            verbStart = v - 1
        } else if !Self.turkishReportingVerbs.contains(last) {
            return nil
        }
        guard let comma = (range.lowerBound..<verbStart).first(where: { tokens[$0].text == "," }), comma > range.lowerBound,
            comma - range.lowerBound <= 6,
            tokens[range.lowerBound..<comma].allSatisfy({ $0.isWord || $0.text == "'" || $0.text == "’" }),
            tokens[range.lowerBound..<comma].contains(where: \.isCapitalized)
        else { return nil }
        let speaker = range.lowerBound...(comma - 1)
        // A connective before the comma (`Öte yandan,`, `Bununla birlikte,`) is no subject.
        let connectives: Set<String> = ["yandan", "birlikte", "rağmen", "göre", "ayrıca", "ancak", "ise", "böylece"]
        guard canSpeak(speaker, tokens), comma + 1 < verbStart,
            !tokens[speaker].contains(where: { connectives.contains($0.lower) || lexicon.stops.contains($0.lower) })
        else { return nil }
        return ((comma + 1)...(verbStart - 1), 0, speaker, tokens[verbStart...v].map(\.text).joined(separator: " "))
    }

    /// The speech verb a complementiser at `c` follows: right before it, after a comma, or with up
    /// to three words between (an adverb, a time, whom it was told: `sagte am Dienstag, dass`), seven
    /// in a verb-first language.
    private func speechVerb(before c: Int, from first: Int, tokens: [Token]) -> Int? {
        var k = c - 1
        var words = 0
        // A verb-first language puts the subject between (`وقالت زعيمة النقابة روسا فالديفيا إن`).
        let reach = lexicon.order == .verbFirst ? 7 : 3
        while k >= first, words <= reach {
            if tokens[k].isWord {
                if isReportingVerb(tokens[k].lower) { return k }
                words += 1
            } else if tokens[k].text != "," {
                return nil
            }
            k -= 1
        }
        return nil
    }
}
