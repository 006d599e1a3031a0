import WiretraceCore

/// Direct quotes and their speakers in a language other than English, with that language's
/// ``SpeechLexicon``: the quote marks and dash speech of ``MultilingualQuoteScanner``, a speech verb
/// beside the quote, and the speaker phrase the language puts around it.
///
/// After a quote: an inverted verb and its subject (`„…“, sagte Merkel`, `«…», — заявил Шойгу`,
/// `« … », a affirmé le chef de l'État`, `« … », dit-il`), a subject and its verb (`“…”, el
/// presidente dijo`), or a final verb whose subject opens the sentence (`Erdoğan, “…” dedi`). Before
/// a quote: a verb whose subject stands before it or, inverted, after it (`Merkel sagte: „…“`,
/// `Darauf entgegnete er: „…“`, `وقال الوزير: «…»`), an "according to" form (`laut X`, `selon X`,
/// `по словам X`), or a short label (`Der Redakteur: „…“`). Chinese is read by characters
/// (``chineseQuotes(in:text:)``). A quote of fewer than three words, and dash speech, count only with
/// a speaker; a quote with none takes the speaker of the quote before it in its paragraph when only
/// punctuation stands between them.
package struct MultilingualQuoteExtractor: Sendable {
    package let lexicon: SpeechLexicon
    /// Switches for the German rules of dialogue in running text.
    package var options: MultilingualQuoteOptions

    package init(lexicon: SpeechLexicon, options: MultilingualQuoteOptions = MultilingualQuoteOptions()) {
        self.lexicon = lexicon
        self.options = options
    }

    /// Languages whose writers introduce speech with a dash at the start of a paragraph.
    static let dashSpeechLanguages: Set<String> = ["ru", "pl", "fr", "es", "it", "pt", "uk", "bg", "cs", "sk"]

    /// The quotes of `article`, sorted by start offset.
    /// - Complexity: O(n) in the length of the text, times a small constant per quote.
    package func quotes(in article: Article) -> [QuoteOccurrence] {
        let text = ScalarText(article.text)
        if lexicon.language == "zh" { return chineseQuotes(in: article, text: text) }
        let tokens = Tokenizer.tokens(text)
        guard !tokens.isEmpty else { return [] }
        let spans = MultilingualQuoteScanner.spans(
            in: text, dashSpeech: Self.dashSpeechLanguages.contains(lexicon.language))
        // Without quote marks there may still be reported speech (`X sagte, dass …`): only when
        // the text has a speech verb or an "according to" form is it read further.
        guard !spans.isEmpty || tokens.contains(where: { lexicon.isVerb($0.lower) || lexicon.opensAccording($0.lower) })
        else { return [] }
        let starts = tokens.map(\.start)
        func tokenAt(_ offset: Int) -> Int { starts.partitioningIndex { $0 >= offset } }
        var inQuote = [Bool](repeating: false, count: tokens.count)
        var openMarks = Set<Int>()
        var bounds: [(open: Int, close: Int)] = []
        for span in spans {
            let open = tokenAt(span.open.lowerBound)
            var close = span.close.isEmpty ? tokenAt(span.content.upperBound) : tokenAt(span.close.lowerBound)
            if span.close.isEmpty, !span.isDash, close < tokens.count, close > open + 1,
                tokens[close].paragraph == tokens[open].paragraph
            {
                // A quote left open inside its paragraph ends at its last token, not at the word after it.
                close -= 1
            }
            bounds.append((open, close))
            openMarks.insert(open)
            if open + 1 < close { for k in (open + 1)..<close { inQuote[k] = true } }
        }
        let sentence = sentenceIDs(tokens, spans: spans, bounds: bounds, inQuote: inQuote, openMarks: openMarks, text: text)
        let reader = SpeakerPhrases(tokens: tokens, lexicon: lexicon)

        var occurrences: [QuoteOccurrence] = []
        var previous: (paragraph: Int, close: Int, speaker: ClosedRange<Int>, cue: String)? = nil
        var lastName: String? = nil
        // Dialogue: the quote before (its paragraph, the last token of it and its attribution,
        // whether it asks, its speaker's name) and the attributed quotes so far, for turn-taking.
        // `scene`: its speaker is a person who became the subject of the narrative between the
        // quote before and it (``MultilingualQuoteOptions/subjectBetween``).
        var lastQuote: (paragraph: Int, open: Int, close: Int, reach: Int, asks: Bool, name: String?, scene: Bool)? = nil
        // The last quote of the paragraph before the last quote's, and its speaker's name: two
        // parties in adjacent paragraphs make an exchange.
        var turnBefore: (paragraph: Int, name: String?)? = nil
        var beforeLast: (speaker: ClosedRange<Int>, cue: String)? = nil
        var lastFound: (speaker: ClosedRange<Int>, cue: String)? = nil
        var spoken: [(speaker: ClosedRange<Int>, cue: String, name: String)] = []
        // The attributed quotes so far (their first and last token, their speaker's name), for
        // turns in running text (``MultilingualQuoteOptions/replyTurns``).
        var turnsSoFar: [(open: Int, close: Int, name: String)] = []
        /// The subject of the sentence `range` (no quote in it).
        func subjectOf(_ range: Range<Int>) -> ClosedRange<Int>? {
            let (start, end) = (range.lowerBound, range.upperBound)
            // After a semicolon the last main clause has its own subject (`Die Mutter hatte
            // gewacht; nun sprang sie auf.`).
            let semicolon = lexicon.language == "de" ? (start..<end).last(where: { tokens[$0].text == ";" }) : nil
            return semicolon.flatMap { k in k + 1 < end ? reader.clauseSubject(in: (k + 1)..<end) : nil }
                ?? reader.sentenceSubject(from: start, before: end).flatMap { phrase in
                tokens[phrase].contains(where: \.isCapitalized) || phrase.count == 1 ? phrase : nil
            } ?? reader.clauseSubject(in: start..<end).flatMap { k in
                // Not the noun of a place or time phrase (`still im Saal`).
                k.lowerBound > 0 && SpeakerPhrases.prepositions.contains(tokens[k.lowerBound - 1].lower) ? nil : k
            }
        }
        /// The subject of the sentence right before the quote opening at `open`, when no quote stands in it.
        func subjectBefore(_ open: Int) -> (speaker: ClosedRange<Int>, cue: String)? {
            guard open > 0, !inQuote[open - 1], !openMarks.contains(open - 1) else { return nil }
            var end = open
            // A sentence whose subject is plural or a crowd (`Dreißig Augen hingen an ihm.`, `Alles
            // lachte.`) names no one speaker: the sentence before it, in the same paragraph, may.
            for _ in 0..<2 {
                let start = sentenceStart(sentence, end - 1)
                guard start < end, !(start..<end).contains(where: { inQuote[$0] || openMarks.contains($0) }) else { return nil }
                guard let subject = subjectOf(start..<end) else { return nil }
                if lexicon.language != "de" || !reader.isCrowd(subject) { return (subject, "") }
                guard start > 0, tokens[start - 1].paragraph == tokens[start].paragraph else { return nil }
                end = start
            }
            return nil
        }
        // An article before short marks makes them a name's (`die „Kölnische Zeitung“`), not speech.
        let titles = Set(bounds.indices.filter { n in
            let (open, close) = bounds[n]
            guard lexicon.language == "de", open > 0, open + 1 < min(close, tokens.count), tokens[open - 1].isWord,
                lexicon.determiners.contains(tokens[open - 1].lower), tokens[open + 1].isCapitalized
            else { return false }
            // A name a verb of naming gives is a quotation (`nannte ihn einen „…“`, `einen „…“ genannt`).
            if close + 1 < tokens.count, SpeakerPhrases.namingVerbs.contains(tokens[close + 1].lower) { return false }
            if (0..<open).reversed().prefix(while: { sentence[$0] == sentence[open] }).contains(where: {
                SpeakerPhrases.namingVerbs.contains(tokens[$0].lower)
            }) {
                return false
            }
            return tokens[(open + 1)..<close].filter(\.isWord).count <= 5
        })
        for (n, span) in spans.enumerated() {
            let (open, close) = bounds[n]
            guard open < tokens.count else { continue }
            // The attribution may use the tokens up to the next quote in the sentence.
            var hi = min(close + 1, tokens.count)
            while hi < tokens.count, sentence[hi] == sentence[min(close, tokens.count - 1)], !openMarks.contains(hi) {
                hi += 1
            }
            var lo = open
            // A quoted name before the quote (`erklärt in der „Post“: „…“`) is part of the attribution.
            let before = (0..<n).last(where: { !titles.contains($0) })
            while lo > 0, sentence[lo - 1] == sentence[open], !(before.map { lo - 1 <= bounds[$0].close } ?? false) { lo -= 1 }
            let words = tokens[(open + 1)..<min(close, tokens.count)].filter(\.isWord).count
            if titles.contains(n) { continue }
            var found: (speaker: ClosedRange<Int>, cue: String)? = nil
            if close < tokens.count || span.close.isEmpty {
                found = reader.after(from: min(close + (span.close.isEmpty ? 0 : 1), tokens.count), upTo: hi, quoteOpen: open, sentenceStart: sentenceStart(sentence, open))
            }
            if found == nil, n > 0, lexicon.language == "de", case let verb = bounds[n - 1].close + 1, verb < open, reader.isVerb(verb),
                sentence[verb] == sentence[open],
                let title = reader.quotedTitle(open: bounds[n - 1].open, close: bounds[n - 1].close, sentenceStart: sentenceStart(sentence, verb))
            {
                // A name in quote marks is the subject: `Die „Kölnische Zeitung“ schreibt: „…“`.
                found = (title, tokens[verb].text)
            }
            if found == nil { found = reader.before(in: lo..<open) }
            if found == nil, lexicon.language == "de", open > 1, tokens[open - 1].text == ":",
                tokens[open - 1].paragraph != tokens[open].paragraph
            {
                // A paragraph that ends with a colon introduces the quote that opens the next one
                // (`In seiner Predigt sagte er unter anderem:` ¶ `„…“`).
                let start = sentenceStart(sentence, open - 1)
                if !(start..<(open - 1)).contains(where: { inQuote[$0] || openMarks.contains($0) }) {
                    found = reader.before(in: start..<open)
                }
            }
            if found == nil, close > open + 2 {
                // An attribution set inside the quote: `„Eine Klinik — meinte er — ist …“`.
                found = reader.inserted(in: (open + 1)..<min(close, tokens.count))
            }
            if found == nil { found = reader.label(before: open) ?? reader.label(opening: open, close: close) }
            let paragraph = tokens[open].paragraph
            var turn = false
            // Whether the turn is told by paragraphs alone (see below).
            var paragraphTurn = false
            var inherited: String? = nil
            var possessive = false
            // Whether the speaker is carried from a quote before rather than told beside this one.
            var carried = false
            // Whether the speaker is the subject of the scene before a question (a party of its own,
            // whom a pronoun names without the last name spoken).
            var fromScene = false
            // Whether the speaker is a person who became the subject of the narrative after the
            // last quote (``MultilingualQuoteOptions/subjectBetween``).
            var scene = false
            if found == nil, words >= 3, lexicon.language == "de", options.subjectBetween, let lastQuote,
                lastQuote.paragraph == paragraph, lastQuote.reach > lastQuote.close, lastQuote.reach < open,
                let name = lastQuote.name,
                ((lastQuote.reach + 1)..<open).allSatisfy({ !tokens[$0].isWord || sentence[$0] == sentence[lastQuote.reach] }),
                let subject = subjectBetween(
                    in: (lastQuote.reach + 1)..<open, lastSpeaker: lastFound?.speaker, lastName: name, sentence: sentence,
                    inQuote: inQuote, reader: reader)
            {
                // The rest of the sentence that attributed the last quote makes another person its
                // subject (`„…“, sagte der Vogt, und die Bäuerin schlug die Hände vor das Gesicht.
                // „…“`): that person speaks, not the last speaker carried on.
                found = (subject, "")
                scene = true
            }
            if found == nil, lexicon.language == "de", n > 0, spans[n - 1].close.isEmpty, !spans[n - 1].isDash,
                let previous, previous.paragraph == paragraph - 1, tokens[bounds[n - 1].open].paragraph == paragraph - 1,
                open == 0 || tokens[open - 1].paragraph != paragraph
            {
                // A quote left open at the end of its paragraph goes on in the next one, which opens
                // with a mark again: one speech over several paragraphs.
                found = (previous.speaker, previous.cue)
                carried = true
            }
            if found == nil, case .possessive(let p)? = reader.speechNounOwner(in: lo..<open) {
                // `Der Kanzler schwieg. Seine Antwort: „…“`: the possessive is the mention, its owner
                // the subject of the sentence before (or the last speaker).
                var owner: String? = nil
                if let subject = subjectBefore(lo) {
                    let k = subject.speaker.lowerBound
                    let pronoun = subject.speaker.count == 1 && lexicon.pronouns.contains(tokens[k].lower)
                    owner = pronoun ? (lastName ?? reader.name(subject.speaker)) : reader.name(subject.speaker)
                }
                found = (p...p, ":")
                possessive = true
                inherited = owner ?? previous.map { reader.name($0.speaker) } ?? lastName ?? tokens[p].text
            }
            if found == nil, let lastQuote, paragraph - lastQuote.paragraph <= 1, lastQuote.reach < open,
                ((lastQuote.reach + 1)..<open).allSatisfy({ k in
                    // Nothing between, or only the rest of the sentence that attributed the quote
                    // before (`„…?“ fragte der Student neugierig.`).
                    !tokens[k].isWord || lexicon.language == "de" && lastQuote.reach > lastQuote.close
                        && sentence[k] == sentence[lastQuote.reach]
                })
            {
                // A new turn of a dialogue: after a question, or after a dash between two quotes
                // (`„…?“ — „…“`), the other party speaks: the last speaker who is not the one before.
                // Not the closing dash of an attribution set between dashes (`„…“ – so X – „…“`):
                // the quote after it goes on in X's words.
                let enclosed = lexicon.language == "de" && options.severalSegments && lastQuote.reach > lastQuote.close
                    && tokens[(lastQuote.close + 1)...lastQuote.reach].contains { ["\u{2014}", "\u{2013}"].contains($0.text) }
                let dash = !enclosed
                    && tokens[(lastQuote.reach + 1)..<open].contains { ["\u{2014}", "\u{2013}"].contains($0.text) }
                // A question right after an answer, in a dialogue of two named parties, is the
                // other party's (an interview: `„…“ „Und wie geht es weiter?“`).
                let asksBack = lexicon.language == "de" && !lastQuote.asks && Self.asks(text, span.content)
                    && Set(spoken.suffix(6).map { $0.name.lowercased() }).count >= 2
                // A German paragraph that opens with a quote naming no speaker, right after a
                // paragraph that ended with a quote, in an exchange (the two quotes before were two
                // parties' in adjacent paragraphs), is the next turn (`„…“ versetzte X.` ¶ `„…“`).
                let exchange = turnBefore.map { before in
                    before.paragraph == lastQuote.paragraph - 1 && before.name != nil && lastQuote.name != nil
                        && before.name?.lowercased() != lastQuote.name?.lowercased()
                } ?? false
                paragraphTurn = lexicon.language == "de" && paragraph == lastQuote.paragraph + 1
                    && (open == 0 || tokens[open - 1].paragraph != paragraph) && exchange
                // Running text: a reply told in the same paragraph (see ``isReply``).
                let reply = lexicon.language == "de" && options.replyTurns && lastQuote.paragraph == paragraph
                    && lastQuote.name.map { name in
                        isReply(content: Array(tokens[(open + 1)..<min(close, tokens.count)]), lastName: name,
                            spoken: Self.recentTurns(turnsSoFar, before: open, tokens: tokens),
                            lastVerbAfter: lastQuote.reach > lastQuote.close || options.subjectBetween && lastQuote.scene)
                    } ?? false
                if lastQuote.asks || dash || asksBack || paragraphTurn || reply {
                    turn = true
                    if let name = lastQuote.name {
                        if let other = spoken.suffix(6).last(where: { $0.name.lowercased() != name.lowercased() }) {
                            found = (other.speaker, other.cue)
                            carried = true
                            // The other party keeps the name it had, not the last name a pronoun
                            // would take now.
                            inherited = other.name
                        } else if lexicon.language == "de", let context = subjectBefore(lastQuote.open),
                            reader.name(context.speaker).lowercased() != name.lowercased(),
                            // The last speaker under a fuller naming (`Onkel Ambrosius` of `der Onkel`)
                            // is not the other party.
                            !(options.sceneParticipants && reader.sharesName(context.speaker, name))
                        {
                            // No other speaker yet: the one the scene before the question was
                            // about (`Er verbeugte sich. „Was soll das?“ fragte X. „…“`).
                            found = context
                            fromScene = true
                        } else if lexicon.language == "de", let partner = reader.interlocutor(before: lastQuote.open),
                            reader.name(partner).lowercased() != name.lowercased()
                        {
                            // No other speaker yet: the one the conversation was said to be with
                            // (`sprach mit dem Bürgermeister Hahn. Er fragte: „…?“ — „…“`).
                            found = (partner, "")
                        } else if lexicon.language == "de", options.sceneParticipants,
                            let partner = reader.sceneParticipant(
                                in: Self.sceneStart(tokens, before: lastQuote.open)..<open, inQuote: inQuote,
                                openMarks: openMarks, other: name)
                        {
                            // No other speaker yet: a person the scene names beside the last one
                            // (`fragte der Pfarrer, als das Mädchen vorüberlief. „…“`).
                            found = (partner, "")
                        }
                    } else if let beforeLast {
                        // The turn before was the other party's, unnamed: this one is back to the
                        // speaker of the turn before that (`„Was soll das?“ fragte X. „…?“ „…“`).
                        found = beforeLast
                        carried = found != nil
                    }
                }
            }
            if found == nil, !turn, words >= 3, let previous, previous.paragraph == paragraph, previous.close < open,
                span.isDash || ((previous.close + 1)..<open).allSatisfy({ k in
                    // Nothing between, or the rest of the sentence that named the speaker after the
                    // quote before (`„…,“ sagte X und lächelte. „…“`).
                    !tokens[k].isWord || lexicon.language == "de" && previous.speaker.upperBound == previous.close
                        && sentence[k] == sentence[previous.close]
                })
            {
                found = (previous.speaker, previous.cue)
                carried = true
            }
            if found == nil, !turn, words >= 3, lexicon.language == "de", options.reportedQuestions,
                let asked = reader.askedObject(before: open, inQuote: inQuote, openMarks: openMarks,
                    sentenceStart: sentenceStart(sentence, max(open - 1, 0)))
            {
                // `X fragte den Zeugen, wo … . „…“`: the one asked answers.
                found = (asked, "")
            }
            if found == nil, !turn, words >= 3, lexicon.language == "de", options.reportedQuestions,
                let asked = reader.reportedQuestion(
                    before: open, inQuote: inQuote, openMarks: openMarks, sentenceStart: sentenceStart(sentence, max(open - 1, 0)))
            {
                // The writer's question answered by the quote: the person it asks about.
                if let pronoun = asked {
                    found = (pronoun, "")
                } else if let previous {
                    found = (previous.speaker, previous.cue)
                    carried = true
                }
            }
            if found == nil, !turn, words >= 3, lexicon.language == "de", close < tokens.count {
                // Speech told after the quote, a sentence or two on: `„…“ Der Alte schwieg. Als er
                // dies sprach, …` (German narrative only: measured there).
                found = reader.following(from: close + 1, sentence: sentence, openMarks: openMarks)
            }
            if found == nil, words >= 3, lexicon.language == "de" {
                // The speaker carried from the sentence before: its subject (`Der Alte lehnte sich
                // zurück. „…“`).
                found = subjectBefore(open)
                if options.focusPerson, found.map({ !reader.namesPerson($0.speaker) }) ?? true,
                    let focus = focusPerson(
                        before: open, tokens: tokens, sentence: sentence, inQuote: inQuote, openMarks: openMarks,
                        reader: reader, subject: subjectOf)
                {
                    // The sentence before tells of a thing (`Draußen schlug der Regen.`): the person
                    // the narrative is about speaks (``MultilingualQuoteOptions/focusPerson``).
                    found = (focus, "")
                }
                // A person the narrative made the subject after the last quote, not its speaker.
                if let person = found?.speaker, let name = lastQuote?.name,
                    isPersonSubject(person, sentence: sentence, inQuote: inQuote, reader: reader),
                    !reader.sharesName(person, name), !reader.isPronoun(person.lowerBound)
                {
                    scene = true
                }
            }
            if found == nil, !turn, words >= 3, let previous, paragraph - previous.paragraph <= 1, previous.close < open,
                !((previous.close + 1)..<open).contains(where: { !inQuote[$0] && reader.isVerb($0) })
            {
                // A quote standing alone goes on in the words of the last speaker named, when no
                // speech verb outside quotes has come between (a narrator's account told over
                // several quotes, an answer continued after a remark of the writer's).
                found = (previous.speaker, previous.cue)
                carried = true
            }
            let asks = Self.asks(text, span.content)
            if found == nil, words < 3 || span.isDash {
                if let last = lastQuote, last.paragraph != paragraph { turnBefore = (last.paragraph, last.name) }
                lastQuote = (paragraph, open, close, close, asks, nil, false)
                (beforeLast, lastFound) = (lastFound, nil)
                continue
            }
            (beforeLast, lastFound) = (lastFound, found)
            // The quote before reaches to the end of its attribution: `„…“, versprach der Arzt. „…“`
            // goes on in the doctor's words.
            if let found { previous = (paragraph, max(close, found.speaker.upperBound), found.speaker, found.cue) }
            var occurrence = QuoteOccurrence(
                start: span.content.lowerBound, end: span.content.upperBound, text: text.string(span.content),
                kind: .direct, via: RelayChain.via(firstReporter: reporter(tokens, lo..<hi), article: article))
            var turnName: String? = nil
            if let found {
                // A speaker carried over several quotes is the person the text introduced: their
                // fuller naming (`mit Minister Karl Brandt …`), not the last short mention. Turns and
                // pronouns still go by the phrase found.
                var fuller = carried && !paragraphTurn && lexicon.language == "de"
                    ? reader.fullerNaming(of: found.speaker, inQuote: inQuote) : nil
                if turn, carried, !paragraphTurn, lexicon.language == "de", found.speaker.count == 1,
                    let person = reader.antecedentPhrase(of: found.speaker.lowerBound, sentence: sentence, inQuote: inQuote, named: spoken),
                    !reader.isPronoun(person.lowerBound) || person.count > 1,
                    // The naming is a subject's, and not the party the turn passes from.
                    !reader.isOblique(person.lowerBound),
                    reader.name(person).lowercased() != lastQuote?.name?.lowercased()
                {
                    // A dialogue turn with no verb of its own rests on the person, not on the pronoun
                    // of the turn it is carried from: the mention is the naming the pronoun stands for
                    // (`Der Förster Haller kam herein. „…“ sagte er. „…?“ fragte der Müller. „…“`
                    // is the forester's, named `Der Förster Haller`), as a carried name's is its
                    // fuller naming.
                    fuller = reader.fullerNaming(of: person, inQuote: inQuote) ?? person
                }
                let speaker = fuller ?? found.speaker
                let phrase = reader.name(found.speaker)
                let mention = tokens[speaker.lowerBound].start..<tokens[speaker.upperBound].end
                let isPronoun = found.speaker.count == 1 && lexicon.pronouns.contains(tokens[found.speaker.lowerBound].lower)
                    && !Self.firstPerson.contains(tokens[found.speaker.lowerBound].lower)
                    || lexicon.carriesSubject(tokens[found.speaker.lowerBound].lower)
                if possessive { lastName = inherited } else if !isPronoun { lastName = phrase }
                let antecedent = isPronoun && lexicon.language == "de"
                    ? reader.antecedent(of: found.speaker.lowerBound, sentence: sentence, inQuote: inQuote, named: spoken) : nil
                // Dialogue turns tell the parties apart by the last named speaker a pronoun
                // continues (resolving it by gender moved turns the wrong way on held-out texts).
                turnName = inherited ?? (isPronoun ? ((fromScene ? antecedent : lastName) ?? text.string(mention)) : phrase)
                occurrence.speaker = fuller.map(reader.name) ?? inherited
                    ?? (isPronoun ? (antecedent ?? lastName ?? text.string(mention)) : phrase)
                occurrence.speakerStart = mention.lowerBound
                occurrence.speakerEnd = mention.upperBound
                occurrence.cue = found.cue.isEmpty ? nil : found.cue
                spoken.append((found.speaker, found.cue, turnName ?? phrase))
                turnsSoFar.append((open, close, turnName ?? phrase))
            }
            let reach = max(close, found.map { $0.speaker.upperBound > close ? $0.speaker.upperBound : close } ?? close)
            if let last = lastQuote, last.paragraph != paragraph { turnBefore = (last.paragraph, last.name) }
            lastQuote = (paragraph, open, close, min(reach, tokens.count - 1), asks, turnName, scene)
            occurrences.append(occurrence)
        }
        if lexicon.language == "de", options.severalSegments { shareLaterSource(&occurrences, text: text) }
        occurrences += reportedSpeech(
            tokens: tokens, text: text, sentence: sentence, inQuote: inQuote, openMarks: openMarks, reader: reader,
            article: article, direct: occurrences)
        occurrences.sort { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
        resolveLeftoverPronouns(&occurrences, text: text)
        return occurrences
    }

    /// A pronoun speaker still written as itself (`« … », a-t-il ajouté` with no quoted speaker
    /// named before it) takes the last speaker named before its mention, reported speech included
    /// (`Le préfet Jean Morel a indiqué que …`).
    /// - Complexity: O(q log q) for q quotes.
    func resolveLeftoverPronouns(_ occurrences: inout [QuoteOccurrence], text: ScalarText) {
        /// The speaker's pronoun when it is still written as itself (`er`, `a-t-il`, `lui`).
        func pronoun(_ occurrence: QuoteOccurrence) -> String? {
            guard let start = occurrence.speakerStart, let end = occurrence.speakerEnd, let speaker = occurrence.speaker,
                speaker == text.string(start..<end)
            else { return nil }
            let lower = speaker.lowercased()
            let isPronoun = lexicon.pronouns.contains(lower) || lexicon.carriesSubject(lower) || Self.accordingPronouns.contains(lower)
            return isPronoun ? lower : nil
        }
        // First-person speakers (`ich`, `nous`) name themselves; they are neither resolved nor named.
        let pending = occurrences.indices.filter { pronoun(occurrences[$0]).map { !Self.firstPerson.contains($0) } ?? false }
        guard !pending.isEmpty else { return }
        // The speakers named, by the place of their mention.
        let named: [(start: Int, name: String)] = occurrences.compactMap { occurrence in
            guard let start = occurrence.speakerStart, let name = occurrence.speaker, pronoun(occurrence) == nil else { return nil }
            return (start, name)
        }.sorted { $0.start < $1.start }
        for index in pending {
            guard let start = occurrences[index].speakerStart else { continue }
            // The last named mention before this one.
            let after = named.partitioningIndex { $0.start >= start }
            if after > 0 { occurrences[index].speaker = named[after - 1].name }
        }
    }

    /// Object and possessive pronouns an "according to" form takes (`selon lui`, `según él`, `laut
    /// ihm`, `secondo lui`, `segundo ele`, `według niego`, `по его словам`): resolved like a subject.
    static let accordingPronouns: Set<String> = [
        "lui", "elle", "eux", "él", "ella", "ellos", "ihm", "ihr", "ihnen", "ele", "ela", "eles", "niego", "niej",
        "nich", "его", "её", "ее", "их",
    ]

    /// Pronouns of the first person and `man`: the speaker is who they say, no earlier name.
    static let firstPerson: Set<String> = ["ich", "wir", "man", "je", "nous", "on", "yo", "io", "eu", "я", "мы", "ja", "my", "ben", "biz"]

    /// Whether a quote asks: its last mark before trailing spaces is a question mark.
    static func asks(_ text: ScalarText, _ content: Range<Int>) -> Bool {
        var k = content.upperBound - 1
        while k >= content.lowerBound, text.scalars[k].properties.isWhitespace { k -= 1 }
        return k >= content.lowerBound && text.scalars[k] == "?"
    }

    /// Abbreviated titles a name follows (`Abg. Richter`, `Dr. Lueger`, `Prof. Virchow`).
    static let titles: Set<String> = ["abg", "dr", "prof", "hr", "fr", "gen", "st", "mr", "mme", "sr", "sra", "ing", "dipl", "min"]

    /// Words after which a full stop ends no sentence (`u. A.`, `z. B.`, `Dr.`, `Abg.`): one or two
    /// letters, a number (`8. Juni`), or a listed abbreviation.
    static let abbreviations: Set<String> = [
        "dr", "nr", "st", "bzw", "vgl", "ca", "abg", "hr", "fr", "prof", "gen", "mr", "mme", "mgr", "sr", "sra",
        "gr", "ing", "dipl", "min", "bd", "jh", "jr", "usw", "etc", "evtl", "inkl", "geb", "gest", "str",
    ]

    /// Sentence numbers per token: a sentence ends at ".", "!", "?" or "…" outside quotes before a
    /// capitalised word or an opening mark, unless the stop follows an abbreviation; and after a
    /// quote whose own last sentence ended inside the marks, before a capitalised word that is no
    /// speech verb (`…haben.“ Am Montag …`). Paragraph breaks end sentences.
    func sentenceIDs(
        _ tokens: [Token], spans: [MultilingualQuoteScanner.Span], bounds: [(open: Int, close: Int)], inQuote: [Bool],
        openMarks: Set<Int>, text: ScalarText
    ) -> [Int] {
        var closes = Set<Int>()
        for (n, span) in spans.enumerated() where !span.close.isEmpty {
            if let last = span.content.last, [".", "!", "?", "\u{2026}"].contains(text.scalars[last]) {
                closes.insert(bounds[n].close)
            }
        }
        var ids = [Int](repeating: 0, count: tokens.count)
        var id = 0
        for k in 1..<max(tokens.count, 1) {
            let previous = tokens[k - 1]
            let next = tokens[k]
            var boundary = next.paragraph != previous.paragraph
            if !boundary, !inQuote[k - 1], [".", "!", "?", "\u{2026}", "\u{3002}"].contains(previous.text),
                next.isCapitalized || openMarks.contains(k) || next.text.unicodeScalars.first?.properties.numericType != nil
                    // A script without capitals (Arabic) starts its next sentence with any word.
                    || !lexicon.capitalises && next.isWord
            {
                boundary = true
                if previous.text == ".", k >= 2, tokens[k - 2].isWord {
                    let word = tokens[k - 2].lower
                    // A German particle or short function word ends its sentence like any other
                    // word (`Der Streik dauert an.`): no abbreviation.
                    let shortWord = word.count <= 2
                        && !(lexicon.language == "de" && tokens[k - 2].text == word && Self.germanShortEnds.contains(word))
                    boundary = !(shortWord || Self.abbreviations.contains(word)
                        || word.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
                }
            }
            if !boundary, closes.contains(k - 1), next.isCapitalized, !lexicon.isVerb(next.lower) { boundary = true }
            if boundary { id += 1 }
            ids[k] = id
        }
        return ids
    }

    /// German words of two letters that end a sentence as often as any: separable particles
    /// (`hält an.`, `fuhr ab.`), adverbs and pronouns. Written in lower case they are no abbreviation.
    static let germanShortEnds: Set<String> = ["an", "ab", "zu", "um", "da", "ja", "so", "es", "er", "du", "wo"]

    func sentenceStart(_ sentence: [Int], _ k: Int) -> Int {
        var a = k
        while a > 0, sentence[a - 1] == sentence[k] { a -= 1 }
        return a
    }

    /// A news agency named in the attribution's sentence ("ТАСС", "Reuters"), the first reporter.
    func reporter(_ tokens: [Token], _ range: Range<Int>) -> String? {
        for k in range where tokens[k].isWord && (tokens[k].isCapitalized || lexicon.language == "ar") {
            if let agency = NewsAgency.canonical(tokens[k].text) { return agency }
        }
        return nil
    }
}

/// Speaker phrases around a speech verb, read with one language's lexicon.
struct SpeakerPhrases {
    let tokens: [Token]
    let lexicon: SpeechLexicon

    /// Particles of family names that an article may follow (`von der`, `van den`, `de la`).
    static let particles: Set<String> = ["von", "van", "de", "zu", "vom"]

    /// German prepositions that open a phrase that is no subject.
    static let prepositions: Set<String> = [
        "in", "im", "an", "am", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "über", "unter", "vor", "für",
        "gegen", "ohne", "um", "durch", "von", "vom", "zu", "zur", "zum", "gegenüber",
    ]

    private static let joiners: Set<String> = [",", "\u{2014}", "\u{2013}", "\u{2015}", "-", "\u{060C}", ":"]

    func isVerb(_ k: Int) -> Bool {
        guard k >= 0, k < tokens.count, tokens[k].isWord, lexicon.isVerb(tokens[k].lower) else { return false }
        // German capitalises nouns: a capitalised word after another word is a noun (`die Frage`),
        // not the verb it is spelt like.
        if lexicon.language == "de", tokens[k].isCapitalized, k > 0, tokens[k - 1].isWord,
            tokens[k - 1].paragraph == tokens[k].paragraph
        {
            return false
        }
        return true
    }

    func isPronoun(_ k: Int) -> Bool { tokens[k].isWord && lexicon.pronouns.contains(tokens[k].lower) }

    /// The speaker phrase as a name: its words without leading determiners; a role before a name
    /// is left out (`il direttore del progetto Kenji Morimoto` → `Kenji Morimoto`, `líder sindical
    /// Rosa Valdivia` → `Rosa Valdivia`), unless a connector joins the capitalised words to it
    /// (`il presidente della Repubblica`). German capitalises its role nouns too: kept whole.
    func name(_ phrase: ClosedRange<Int>) -> String {
        var a = phrase.lowerBound
        while a < phrase.upperBound, lexicon.determiners.contains(tokens[a].lower) { a += 1 }
        if lexicon.capitalises, lexicon.language != "de" {
            var t = phrase.upperBound
            while t > a, tokens[t].isWord, tokens[t].isCapitalized, tokens[t - 1].isWord, tokens[t - 1].isCapitalized { t -= 1 }
            if t > a, tokens[t].isWord, tokens[t].isCapitalized, tokens[t - 1].isWord, !tokens[t - 1].isCapitalized,
                !lexicon.connectors.contains(tokens[t - 1].lower), !lexicon.determiners.contains(tokens[t - 1].lower)
            {
                a = t
            }
        }
        var last = phrase.upperBound
        // The name is the head before an apposition (`Stadtrat X, der Besitzer …`).
        if let comma = (a...phrase.upperBound).first(where: { tokens[$0].text == "," }), comma > a { last = comma - 1 }
        var result = ""
        for k in a...last {
            if k > a, tokens[k].start > tokens[k - 1].end { result += " " }
            result += tokens[k].text
        }
        // A Turkish name keeps its case ending after an apostrophe (`Yılmaz'a göre`): the name is
        // the part before it.
        if lexicon.language == "tr", let apostrophe = result.lastIndex(where: { $0 == "'" || $0 == "’" }),
            result[result.index(after: apostrophe)...].allSatisfy(\.isLetter), result[..<apostrophe].last?.isLetter == true
        {
            result = String(result[..<apostrophe])
        }
        // A quoted name is named without its marks (`„Temps“`).
        let marks: Set<Character> = ["„", "“", "”", "\"", "»", "«", "‚", "‘", "’", "‹", "›"]
        return String(result.drop(while: { marks.contains($0) }).reversed().drop(while: { marks.contains($0) }).reversed())
    }

    /// The noun phrase starting at `start` (after adverbs), before `limit`: a pronoun, or up to six
    /// words that are no stop word and no speech verb.
    func forward(from start: Int, limit: Int, inverted: Bool = false) -> ClosedRange<Int>? {
        var f = start
        var skipped = 0
        while f < limit, skipped < 3, tokens[f].isWord, lexicon.auxiliaries.contains(tokens[f].lower), !isPronoun(f) {
            f += 1
            skipped += 1
        }
        if inverted, lexicon.language == "de", f + 1 < limit, Self.objectPronouns.contains(tokens[f].lower) {
            // A reflexive or an object pronoun (`äußerte sich der Fürst`, `erwiderte ihm der Arzt`).
            f += 1
            while f < limit, skipped < 4, tokens[f].isWord, lexicon.auxiliaries.contains(tokens[f].lower), !isPronoun(f) {
                f += 1
                skipped += 1
            }
        }
        guard f < limit, tokens[f].isWord else { return nil }
        // An inverted subject is in the nominative: `erwiderte dem Abgeordneten` names whom the
        // subject before the verb answered.
        if inverted, isOblique(f) { return nil }
        // `eine Stimme`: an article before a noun, not the pronoun `eine`.
        let article = lexicon.determiners.contains(tokens[f].lower) && f + 1 < limit && tokens[f + 1].isWord
            && tokens[f + 1].isCapitalized && lexicon.capitalises
        // `einer der Anwesenden`: one of a group, named with its genitive.
        let partitive = lexicon.language == "de" && ["einer", "eine", "eines"].contains(tokens[f].lower) && f + 2 < limit
            && ["der", "des"].contains(tokens[f + 1].lower) && tokens[f + 2].isWord
        if partitive, let phrase = germanForward(from: f, limit: limit), phrase.count > 1 { return phrase }
        if isPronoun(f), !article { return f...f }
        if lexicon.language == "de" {
            if let phrase = germanForward(from: f, limit: limit) { return phrase }
            // An adjective used as a noun and written small after an inverted verb: `gab die andere
            // kühl zurück`, `rief der eine`.
            if inverted, ["der", "die", "ein", "eine"].contains(tokens[f].lower), f + 1 < limit, tokens[f + 1].isWord,
                !tokens[f + 1].isCapitalized, tokens[f + 1].lower.hasSuffix("e"), !lexicon.stops.contains(tokens[f + 1].lower),
                !isVerb(f + 1), f + 2 >= limit || !tokens[f + 2].isCapitalized
            {
                return f...(f + 1)
            }
            return nil
        }
        var k = f
        var last: Int? = nil
        while k < limit, k - f < 7, tokens[k].isWord {
            let word = tokens[k].lower
            if k > f, isVerb(k) { break }
            if lexicon.connectors.contains(word) {
                k += 1
                continue
            }
            if lexicon.stops.contains(word), !lexicon.determiners.contains(word) { break }
            if !lexicon.determiners.contains(word) { last = k }
            k += 1
        }
        guard let last else { return nil }
        // A phrase in lower case needs an article, except right after an inverted verb, where a
        // language without articles names the speaker by role (`powiedział premier`).
        if lexicon.capitalises, !inverted, !tokens[f...last].contains(where: \.isCapitalized),
            !lexicon.determiners.contains(tokens[f].lower)
        {
            return nil
        }
        return f...last
    }

    /// A German noun phrase: determiners and a few adjectives, then capitalised words (German
    /// capitalises every noun, so the phrase ends after them), perhaps joined to a genitive or a
    /// `von` phrase: `die Herzogin`, `General Weber`, `einer der deutschen Maler`.
    private func germanForward(from start: Int, limit: Int) -> ClosedRange<Int>? {
        var k = start
        // A genitive relative opens the phrase like an article: `dessen Präsident X`, `deren Sprecherin`.
        if k + 1 < limit, ["dessen", "deren"].contains(tokens[k].lower), tokens[k + 1].isCapitalized { k += 1 }
        var last: Int? = nil
        var lowercase = 0
        while k < limit, tokens[k].isWord || Self.abbreviationStop(tokens, k, limit: limit), k - start < 8 {
            if !tokens[k].isWord {
                k += 1  // the full stop of a title (`Abg. Richter`, `Dr. Lueger`)
                continue
            }
            let word = tokens[k].lower
            if tokens[k].isCapitalized || Self.isNumberNoun(tokens[k]), !lexicon.determiners.contains(word),
                !lexicon.stops.contains(word), k == start || !isVerb(k)
            {
                last = k
                lowercase = 0
            } else if lexicon.determiners.contains(word) || lexicon.connectors.contains(word) {
                if last != nil, !(lexicon.connectors.contains(word) || word == "der" || word == "des") { break }
                // A particle before an article or a possessive is a preposition after the name, not
                // part of it: `sagte Graf X zu seinem Adjutanten`, `von dem Minister`.
                if last != nil, lexicon.connectors.contains(word), k + 1 < limit,
                    lexicon.determiners.contains(tokens[k + 1].lower) || Self.obliqueArticles.contains(tokens[k + 1].lower)
                {
                    break
                }
            } else if last == nil, lowercase < 3, !lexicon.stops.contains(word), !isVerb(k), k > start,
                lexicon.determiners.contains(tokens[start].lower), !isPronoun(k)
            {
                lowercase += 1
            } else if last != nil, lowercase < 2, !lexicon.stops.contains(word), !isVerb(k),
                lexicon.determiners.contains(tokens[k - 1].lower) || lexicon.connectors.contains(tokens[k - 1].lower)
            {
                lowercase += 1
            } else {
                break
            }
            k += 1
        }
        guard let last else { return nil }
        return start...last
    }

    /// Whether a word is a noun after a number and a hyphen (`der 29-Jährige`).
    static func isNumberNoun(_ token: Token) -> Bool {
        guard token.isWord, token.text.unicodeScalars.first?.properties.numericType != nil,
            let hyphen = token.text.unicodeScalars.lastIndex(of: "-")
        else { return false }
        let rest = token.text.unicodeScalars[token.text.unicodeScalars.index(after: hyphen)...]
        return rest.first?.properties.isUppercase ?? false
    }

    /// Whether token `k` is the full stop of a title abbreviation with a capitalised word after it.
    static func abbreviationStop(_ tokens: [Token], _ k: Int, limit: Int) -> Bool {
        k > 0 && k + 1 < limit && tokens[k].text == "." && tokens[k - 1].isWord && tokens[k + 1].isWord
            && tokens[k + 1].isCapitalized && MultilingualQuoteExtractor.titles.contains(tokens[k - 1].lower)
    }

    /// An attribution set inside a quote between commas or dashes, near its start:
    /// `„Als Holländer, sagte einer der Maler, müssen …“`, `„Eine Klinik — meinte er — ist …“`.
    func inserted(in range: Range<Int>) -> (speaker: ClosedRange<Int>, cue: String)? {
        var k = range.lowerBound
        while k < min(range.upperBound - 2, range.lowerBound + 15) {
            defer { k += 1 }
            guard Self.joiners.contains(tokens[k].text), tokens[k].text != ":" else { continue }
            var v = k + 1
            while v < range.upperBound, !isVerb(v), tokens[v].isWord, lexicon.auxiliaries.contains(tokens[v].lower) { v += 1 }
            guard isVerb(v) else { continue }
            var end = v + 1
            while end < min(range.upperBound, v + 9), !Self.joiners.contains(tokens[end].text) { end += 1 }
            guard end < range.upperBound else { continue }
            if lexicon.carriesSubject(tokens[v].lower) { return (v...v, tokens[v].text) }
            if let phrase = forward(from: v + 1, limit: end) {
                return (phrase, tokens[v].text)
            }
        }
        return nil
    }

    /// A play-style label right before a quote: one capitalised word and a full stop with no word
    /// before them in the paragraph's run (`Anna. „Komm herein!“`, `» Ich. „Gern.“`).
    func label(before open: Int) -> (speaker: ClosedRange<Int>, cue: String)? {
        guard open >= 2, open < tokens.count, tokens[open - 1].text == ".", lexicon.capitalises else { return nil }
        let k = open - 2
        let word = tokens[k]
        guard word.isWord, word.isCapitalized, word.text.count >= 2, word.paragraph == tokens[open].paragraph,
            !lexicon.determiners.contains(word.lower), !lexicon.stops.contains(word.lower), !isVerb(k)
        else { return nil }
        if k > 0, tokens[k - 1].isWord, tokens[k - 1].paragraph == word.paragraph { return nil }
        return (k...k, ".")
    }

    /// A speech verb in the two sentences after a quote, before the next quote or colon, with the
    /// subject of its clause: `„…“ Der Alte nickte. Als er dies sprach, …`.
    func following(from start: Int, sentence: [Int], openMarks: Set<Int>) -> (speaker: ClosedRange<Int>, cue: String)? {
        // A new paragraph is a new scene or another speaker's turn: it tells nothing of the quote before.
        guard start < tokens.count, start > 0, tokens[start].paragraph == tokens[start - 1].paragraph else { return nil }
        var k = start
        while k < min(tokens.count, start + 24), tokens[k].paragraph == tokens[start].paragraph,
            sentence[k] <= sentence[start] + 1, !openMarks.contains(k), tokens[k].text != ":"
        {
            if isVerb(k), Self.answerVerbs.contains(tokens[k].lower), let asked = answered(after: k) {
                // `„…“ Da antwortete ich ihm: „…“`: the one answered spoke the quote before.
                return (asked, "")
            }
            if isVerb(k), k > start {
                let from = clause(endingBefore: k, from: start).lowerBound
                if let phrase = backward(endingAt: k - 1, lowerBound: from), phrase.lowerBound > from
                    && Self.prepositions.contains(tokens[phrase.lowerBound - 1].lower) || isOblique(phrase.lowerBound),
                    let subject = forward(from: k + 1, limit: min(tokens.count, k + 8), inverted: true)
                {
                    // `Mit diesen Worten schloss der Redner.`: the subject follows the verb.
                    return (subject, tokens[k].text)
                }
                if let phrase = backward(endingAt: k - 1, lowerBound: from) ?? clauseSubject(in: from..<k) {
                    return (phrase, tokens[k].text)
                }
            }
            k += 1
        }
        return nil
    }

    /// German verbs of answering, whose dative object is the one who spoke before.
    static let answerVerbs: Set<String> = [
        "antwortete", "antwortet", "entgegnete", "entgegnet", "erwiderte", "erwidert", "versetzte", "replicirte",
        "replizierte",
    ]

    /// The dative object within four words after an answering verb at `v`, before any comma or
    /// colon: `ihm`, `ihr`, or `dem` and a noun (`entgegnete ich dem Arzt`).
    func answered(after v: Int) -> ClosedRange<Int>? {
        var k = v + 1
        while k < min(tokens.count, v + 5), tokens[k].isWord {
            if ["ihm", "ihr"].contains(tokens[k].lower), k > v + 1 || !isPronoun(k) { return k...k }
            if ["dem"].contains(tokens[k].lower), k + 1 < tokens.count, tokens[k + 1].isWord, tokens[k + 1].isCapitalized,
                let phrase = forward(from: k + 1, limit: min(tokens.count, k + 5))
            {
                return k...phrase.upperBound
            }
            k += 1
        }
        return nil
    }

    /// A label that a stray opening mark took into the quote: `"Anna. „Komm herein!“`.
    func label(opening open: Int, close: Int) -> (speaker: ClosedRange<Int>, cue: String)? {
        guard open + 3 < min(close, tokens.count) else { return nil }
        let mark = tokens[open + 3].text
        guard !tokens[open + 3].isWord, mark.unicodeScalars.contains(where: { MultilingualQuoteScanner.openers.contains($0) })
        else { return nil }
        return label(before: open + 3)
    }

    /// The token before a short parenthesis that ends at `end` (a party or a place after a name:
    /// `Dr. Weber (Zentrum) erklärte`), else `end`.
    func beforeParenthesis(_ end: Int, lowerBound: Int) -> Int {
        guard end > lowerBound, tokens[end].text == ")" else { return end }
        var k = end - 1
        while k > lowerBound, end - k <= 6, tokens[k].text != "(" { k -= 1 }
        return tokens[k].text == "(" && k > lowerBound ? k - 1 : end
    }

    /// The noun phrase ending at `end`, not before `lowerBound`.
    func backward(endingAt end: Int, lowerBound: Int) -> ClosedRange<Int>? {
        var j = end
        while j >= lowerBound, tokens[j].isWord, lexicon.auxiliaries.contains(tokens[j].lower), !isPronoun(j) { j -= 1 }
        guard j >= lowerBound, tokens[j].isWord else { return nil }
        if isPronoun(j) { return j...j }
        var k = j
        while k >= lowerBound, j - k < 8, tokens[k].isWord || k > lowerBound && Self.abbreviationStop(tokens, k, limit: j + 1) {
            if !tokens[k].isWord {
                k -= 1  // the full stop of a title before the name (`Dr. Weber`, `Prof. Dr. Lenz`)
                continue
            }
            let word = tokens[k].lower
            if lexicon.determiners.contains(word) {
                // A genitive after the noun it belongs to: `der Sprecher der Polizei`.
                if lexicon.language == "de", word == "der" || word == "des", k - 1 >= lowerBound, tokens[k - 1].isWord,
                    tokens[k - 1].isCapitalized, !lexicon.determiners.contains(tokens[k - 1].lower),
                    !lexicon.stops.contains(tokens[k - 1].lower), !isPronoun(k - 1), !isVerb(k - 1)
                {
                    k -= 1
                    continue
                }
                // A name with a particle and an article: `Ursula von der Leyen`, `Hans von dem Berge`.
                if k - 2 >= lowerBound, Self.particles.contains(tokens[k - 1].lower), tokens[k - 2].isWord,
                    tokens[k - 2].isCapitalized, !lexicon.determiners.contains(tokens[k - 2].lower),
                    k - 3 < lowerBound || !(lexicon.determiners.contains(tokens[k - 3].lower)
                        || Self.prepositions.contains(tokens[k - 3].lower))
                {
                    k -= 2
                    continue
                }
                k -= 1
                break
            }
            if isVerb(k) || lexicon.pronouns.contains(word) { break }
            if lexicon.stops.contains(word), !lexicon.connectors.contains(word) { break }
            k -= 1
        }
        var a = k + 1
        while a <= j, lexicon.connectors.contains(tokens[a].lower) || lexicon.stops.contains(tokens[a].lower) { a += 1 }
        guard a <= j else { return nil }
        if lexicon.capitalises, !tokens[a...j].contains(where: \.isCapitalized),
            !(a > lowerBound && lexicon.determiners.contains(tokens[a - 1].lower))
        {
            return nil
        }
        if a > lowerBound, lexicon.determiners.contains(tokens[a - 1].lower) { a -= 1 }
        return a...j
    }

    /// The subject inside a German phrase that a preposition opens: a preposition governs one noun,
    /// so a capitalised word after that noun starts the subject of a clause whose verb comes last
    /// (`in dessen Verlauf Weber sagte:`, `als im Saal Minister Weber rief:`).
    func subjectAfterPrepositionalNoun(_ phrase: ClosedRange<Int>, lowerBound: Int) -> ClosedRange<Int>? {
        guard lexicon.language == "de" else { return nil }
        var b = phrase.lowerBound - 1
        while b >= lowerBound, tokens[b].isWord, lexicon.determiners.contains(tokens[b].lower)
            || Self.relativeGenitives.contains(tokens[b].lower)
        {
            b -= 1
        }
        guard b >= lowerBound, Self.prepositions.contains(tokens[b].lower) else { return nil }
        let nouns = phrase.filter { tokens[$0].isCapitalized && !lexicon.determiners.contains(tokens[$0].lower) }
        guard nouns.count >= 2 else { return nil }
        return nouns[1]...phrase.upperBound
    }

    /// German articles and possessives of the dative, accusative or genitive only: a phrase they
    /// open is no subject (`dem`, `den`, `einem`, `seinen`, `unserem`).
    static let obliqueArticles: Set<String> = {
        var words: Set<String> = ["dem", "den", "des", "einem", "einen", "eines", "diesem", "diesen", "jenem", "jenen"]
        for stem in ["mein", "dein", "sein", "ihr", "unser", "euer", "eur"] {
            for ending in ["em", "en", "es"] { words.insert(stem + ending) }
        }
        return words
    }()

    /// Whether token `k` is a German oblique article before a word (see ``obliqueArticles``).
    func isOblique(_ k: Int) -> Bool {
        lexicon.language == "de" && k + 1 < tokens.count && tokens[k + 1].isWord && Self.obliqueArticles.contains(tokens[k].lower)
    }

    /// Whether a clause between commas is a German apposition: a noun phrase with no verb, opening
    /// with a nominative article and ending on a noun (`die Witwe des Arztes`, `der Sprecher`).
    func isApposition(_ clause: Range<Int>) -> Bool {
        guard lexicon.language == "de", clause.count >= 2, clause.count <= 8,
            ["der", "die", "das"].contains(tokens[clause.lowerBound].lower)
        else { return false }
        let last = tokens[clause.upperBound - 1]
        return last.isWord && last.isCapitalized && !clause.contains(where: { isVerb($0) })
            && clause.allSatisfy { tokens[$0].isWord }
    }

    /// A short quoted name opening its sentence, perhaps after an article, as a subject: the
    /// tokens from the article (or the opening mark) to the closing mark of `„Kölnische Zeitung“`.
    func quotedTitle(open: Int, close: Int, sentenceStart: Int) -> ClosedRange<Int>? {
        guard close < tokens.count, open + 1 < close else { return nil }
        let words = (open + 1)..<close
        guard words.count <= 5, tokens[open + 1].isCapitalized, words.allSatisfy({ tokens[$0].isWord || tokens[$0].text == "." })
        else { return nil }
        var a = open
        if a > sentenceStart, lexicon.determiners.contains(tokens[a - 1].lower) { a -= 1 }
        return a == sentenceStart ? a...close : nil
    }

    /// German pronouns of the dative and accusative only, never a subject.
    static let objectPronouns: Set<String> = ["sich", "ihm", "ihn", "ihnen", "mir", "mich", "uns", "euch", "dir", "dich"]

    /// Whether a sentence-opening phrase is followed by its finite verb, as a German subject is (a
    /// lower-case word that is no article, preposition or conjunction: `Der Förster saß`, not `Was
    /// Napoleon in`, `S. 12`), and the verb is singular (not `-en`) unless `plural`.
    func finiteVerb(after phrase: ClosedRange<Int>, plural: Bool) -> Bool {
        let v = phrase.upperBound + 1
        guard v < tokens.count, tokens[v].isWord, !tokens[v].isCapitalized else { return false }
        let word = tokens[v].lower
        guard !lexicon.determiners.contains(word), !Self.prepositions.contains(word), !Self.otherPrepositions.contains(word),
            !Self.conjunctions.contains(word), word.count > 1
        else { return false }
        return plural || !word.hasSuffix("en")
    }

    static let conjunctions: Set<String> = ["und", "oder", "aber", "denn", "sondern", "dass", "daß", "weil", "wenn", "als", "wie", "ob", "so"]

    /// Words for everyone or no one (`Alles lachte`, `Niemand antwortete`): no speaker of a quote.
    /// Adverbs that end like a plural verb (`Der Arzt eben …`).
    static let adverbsInEn: Set<String> = ["eben", "oben", "unten", "drüben", "daneben", "morgen", "seitdem", "indessen", "trotzdem", "zuweilen"]

    static let crowdWords: Set<String> = ["alles", "alle", "niemand", "nichts", "beide", "viele", "manche", "einige", "wir"]

    /// Whether a German subject names many (a crowd word, or a noun phrase before a plural finite
    /// verb: `Dreißig Kinderaugen hingen an ihm`, `Die Brücken stammten aus …`), not one speaker.
    func isCrowd(_ phrase: ClosedRange<Int>) -> Bool {
        if phrase.count == 1, Self.crowdWords.contains(tokens[phrase.lowerBound].lower) { return true }
        if phrase.count == 1, isPronoun(phrase.lowerBound), tokens[phrase.lowerBound].lower != "sie" { return false }
        let v = phrase.upperBound + 1
        guard v < tokens.count, tokens[v].isWord, !tokens[v].isCapitalized, tokens[v].paragraph == tokens[phrase.upperBound].paragraph
        else { return false }
        let word = tokens[v].lower
        guard word.count > 3, word.hasSuffix("en"), !Self.adverbsInEn.contains(word), !lexicon.determiners.contains(word),
            !lexicon.stops.contains(word), !SpeakerPhrases.obliqueArticles.contains(word),
            !Self.prepositions.contains(word), !Self.otherPrepositions.contains(word), !Self.conjunctions.contains(word),
            !lexicon.auxiliaries.contains(word) || ["haben", "hatten", "waren", "wollten", "sollten", "mussten", "mußten", "konnten"].contains(word)
        else { return false }
        // Polite `Sie` with a capital in the middle of a sentence is one person.
        if phrase.count == 1, tokens[phrase.lowerBound].lower == "sie", tokens[phrase.lowerBound].isCapitalized,
            phrase.lowerBound > 0, tokens[phrase.lowerBound - 1].isWord, tokens[phrase.lowerBound - 1].paragraph == tokens[v].paragraph
        {
            return false
        }
        return true
    }

    /// German nouns of time: months (with the Austrian `Jänner`, `Feber`), days, parts of the day, seasons.
    static let timeNouns: Set<String> = [
        "januar", "jänner", "februar", "feber", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "october", "november", "dezember", "december", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
        "sonnabend", "sonntag", "morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht", "tag", "tage", "woche",
        "wochen", "monat", "monate", "jahr", "jahre", "jahren", "frühjahr", "frühling", "sommer", "herbst", "winter",
    ]

    /// Whether a German phrase ends in a noun of time, an adverbial rather than a subject.
    func isTime(_ phrase: ClosedRange<Int>) -> Bool {
        lexicon.language == "de" && tokens[phrase.upperBound].isCapitalized && Self.timeNouns.contains(tokens[phrase.upperBound].lower)
    }

    /// Prepositions that open a sentence's adverbial, beside ``prepositions``.
    static let otherPrepositions: Set<String> = ["neben", "hinter", "zwischen", "wegen", "trotz", "während", "nach", "bis", "ohne"]

    /// The grammatical gender a German noun phrase shows, when it shows one.
    enum Gender { case masculine, feminine, neuter }

    /// Titles and nouns of persons whose gender their word tells.
    static let masculineTitles: Set<String> = [
        "herr", "herrn", "graf", "fürst", "könig", "kaiser", "prinz", "herzog", "freiherr", "baron", "pfarrer", "vater", "sohn", "bruder", "mann",
    ]
    static let feminineTitles: Set<String> = [
        "frau", "fräulein", "gräfin", "fürstin", "königin", "kaiserin", "prinzessin", "herzogin", "baronin", "mutter", "tochter", "schwester",
    ]

    /// The gender of a German person phrase: its article (`der`, `ein` / `die`, `eine` / `das`), a
    /// title (`Herr`, `Frau`), or a noun of a woman (`-in`: `Ministerin`, `Sprecherin`); nil for a
    /// bare name.
    func gender(_ phrase: ClosedRange<Int>) -> Gender? {
        let first = tokens[phrase.lowerBound].lower
        if ["der", "ein", "dieser", "jener", "kein"].contains(first) { return .masculine }
        if ["das", "dieses"].contains(first) { return .neuter }
        let nouns = phrase.filter { tokens[$0].isWord && tokens[$0].isCapitalized && !lexicon.determiners.contains(tokens[$0].lower) }
        if nouns.contains(where: { Self.feminineTitles.contains(tokens[$0].lower) }) { return .feminine }
        if nouns.contains(where: { Self.masculineTitles.contains(tokens[$0].lower) }) { return .masculine }
        if ["die", "eine", "diese", "jene"].contains(first) { return .feminine }
        if let head = nouns.first, tokens[head].lower.count > 4, tokens[head].lower.hasSuffix("in") { return .feminine }
        return nil
    }

    /// The person a German `er` or `sie` at token `k` stands for: the nearest earlier person phrase
    /// of its gender (or of none shown, a bare name) among the subjects opening the five sentences
    /// before (outside quotes) and the speakers named so far: `Die Ministerin kam als letzte. Sie
    /// sagte: „…“` is the minister's.
    func antecedent(
        of k: Int, sentence: [Int], inQuote: [Bool], named: [(speaker: ClosedRange<Int>, cue: String, name: String)]
    ) -> String? {
        antecedentPhrase(of: k, sentence: sentence, inQuote: inQuote, named: named).map(name)
    }

    /// The phrase ``antecedent(of:sentence:inQuote:named:)`` names.
    func antecedentPhrase(
        of k: Int, sentence: [Int], inQuote: [Bool], named: [(speaker: ClosedRange<Int>, cue: String, name: String)]
    ) -> ClosedRange<Int>? {
        let wanted: Gender
        switch tokens[k].lower {
        case "er": wanted = .masculine
        case "sie": wanted = .feminine
        default: return nil
        }
        func fits(_ phrase: ClosedRange<Int>) -> Bool {
            let first = tokens[phrase.lowerBound].lower
            guard phrase.upperBound < k, tokens[phrase].contains(where: { $0.isCapitalized && $0.text.count > 1 }), tokens[phrase].contains(where: \.isCapitalized), !isPronoun(phrase.lowerBound) || phrase.count > 1,
                !Self.prepositions.contains(first), !lexicon.stops.contains(first), !Self.otherPrepositions.contains(first)
            else { return false }
            // `die Frauen`: a plural, no `sie` of one person.
            if ["die", "diese", "jene"].contains(first), let head = phrase.last(where: { tokens[$0].isCapitalized }),
                tokens[head].lower.hasSuffix("en") || tokens[head].lower.hasSuffix("er")
            {
                return false
            }
            return gender(phrase).map { $0 == wanted } ?? true
        }
        var best = named.last(where: { fits($0.speaker) })?.speaker
        // Sentence subjects, from the pronoun's sentence back.
        var start = k
        var seen = 0
        while start > 0, seen < 6 {
            let id = sentence[start]
            while start > 0, sentence[start - 1] == id { start -= 1 }
            if !inQuote[start], start < k, let phrase = sentenceSubject(from: start, before: k), fits(phrase),
                finiteVerb(after: phrase, plural: false)
            {
                if best.map({ phrase.lowerBound > $0.lowerBound }) ?? true { best = phrase }
                break
            }
            seen += 1
            start -= 1
        }
        return best
    }

    /// German relative pronouns.
    static let relatives: Set<String> = ["der", "die", "das", "dem", "den", "deren", "dessen", "welcher", "welche", "welches", "welchem", "welchen"]

    /// Whether the clause at `k` (ending before `end`) is a German relative clause: a relative
    /// pronoun, perhaps after a preposition (`mit dem`, `in welchem`), and its verb last, so the
    /// word before `end` is lower-case (`der eben aus Berlin kam`).
    static func opensRelativeClause(_ tokens: [Token], _ k: Int, before end: Int) -> Bool {
        var r = k
        if r < end, prepositions.contains(tokens[r].lower) { r += 1 }
        guard r + 1 < end, relatives.contains(tokens[r].lower) else { return false }
        let last = tokens[end - 1]
        return last.isWord && !last.isCapitalized
    }

    /// Genitive relatives and articles that open a noun phrase after a preposition (`in deren Verlauf`).
    static let relativeGenitives: Set<String> = ["deren", "dessen", "dem", "der", "den", "des"]

    /// The tokens from the comma (or `lowerBound`) before `end` up to `end`.
    func clause(endingBefore end: Int, from lowerBound: Int) -> Range<Int> {
        var a = end
        while a > lowerBound, tokens[a - 1].text != ",", tokens[a - 1].text != ";" { a -= 1 }
        return a..<end
    }

    /// The subject of a clause whose verb is not beside it: its first pronoun, or else its first
    /// capitalised word that is not its first word, no article and no stop word (`dann sprang er auf`,
    /// `sprang Jener auf`).
    func clauseSubject(in range: Range<Int>) -> ClosedRange<Int>? {
        guard !range.isEmpty else { return nil }
        // A pronoun right after the conjunction that opens a German subordinate clause is its
        // subject, `sie` included (`Wie sie im dritten Akte … schleudert:`).
        if lexicon.language == "de", range.count >= 3, Self.subordinators.contains(tokens[range.lowerBound].lower),
            isPronoun(range.lowerBound + 1), tokens[range.lowerBound + 1].lower != "ihr"
        {
            return (range.lowerBound + 1)...(range.lowerBound + 1)
        }
        // A personal pronoun opening the clause before its verb is its subject; a pronoun after
        // the verb is then its object (`Er reichte sie dem Richter und fügte hinzu:`).
        if lexicon.language == "de", range.count >= 3, ["er", "sie", "ich", "wir"].contains(tokens[range.lowerBound].lower),
            tokens[range.lowerBound + 1].isWord, !tokens[range.lowerBound + 1].isCapitalized,
            !SpeechLexicon.and.contains(tokens[range.lowerBound + 1].lower), !["zu", "oder"].contains(tokens[range.lowerBound + 1].lower)
        {
            return range.lowerBound...range.lowerBound
        }
        // `nun sprang sie auf`: `er` or `sie` right after the finite verb near the clause start.
        if lexicon.language == "de", let k = ((range.lowerBound + 1)..<min(range.upperBound, range.lowerBound + 3)).first(where: { k in
            ["er", "sie"].contains(tokens[k].lower) && tokens[k - 1].isWord && !tokens[k - 1].isCapitalized
                && !lexicon.stops.contains(tokens[k - 1].lower) && !lexicon.determiners.contains(tokens[k - 1].lower)
                && !Self.subordinators.contains(tokens[k - 1].lower) && !Self.prepositions.contains(tokens[k - 1].lower)
        }) {
            return k...k
        }
        if let k = range.first(where: { isPronoun($0) && !SpeechLexicon.objectForms.contains(tokens[$0].lower) }) {
            return k...k
        }
        guard lexicon.capitalises else { return nil }
        for k in range where k > range.lowerBound && tokens[k].isCapitalized && tokens[k - 1].isWord
            && !lexicon.determiners.contains(tokens[k].lower) && !lexicon.stops.contains(tokens[k].lower)
            && (!lexicon.determiners.contains(tokens[k - 1].lower) && !lexicon.connectors.contains(tokens[k - 1].lower)
                || nominativeArticle(k - 1, in: range))
            // A preposition's noun is no subject (`In einer Versammlung in München führte X aus:`,
            // `Gegen fünf Uhr schlug der Knabe …`, `stößt das auf wenig Verständnis`).
            && !inPrepositionalPhrase(k, from: range.lowerBound)
        {
            // With the capitalised words that follow, a name after a role (`der Greis Anton`).
            var m = k
            // and a title or first name opening the clause (`Bürgermeister X aber blieb ruhig und sagte:`).
            let a = k - 1 == range.lowerBound && tokens[k - 1].isCapitalized && !lexicon.stops.contains(tokens[k - 1].lower)
                && !isPronoun(k - 1) && !lexicon.auxiliaries.contains(tokens[k - 1].lower)
                && !Self.prepositions.contains(tokens[k - 1].lower) && !isVerb(k - 1) ? k - 1 : k
            while m + 1 < range.upperBound, m - k < 3, tokens[m + 1].isWord, tokens[m + 1].isCapitalized,
                !lexicon.determiners.contains(tokens[m + 1].lower), !lexicon.stops.contains(tokens[m + 1].lower), !isVerb(m + 1)
            {
                m += 1
            }
            return a...m
        }
        return nil
    }

    /// The subject before the comma at `comma`, past an apposition or a relative clause between
    /// commas (`Stadtrat X, der Besitzer der Ziegelei, erhob Einspruch:` → `Stadtrat X`).
    func subject(beforeComma comma: Int, lowerBound: Int) -> ClosedRange<Int>? {
        let inner = clause(endingBefore: comma, from: lowerBound)
        if lexicon.language == "de", inner.lowerBound > lowerBound + 1, tokens[inner.lowerBound - 1].text == ",",
            ["ein", "eine", "einer"].contains(tokens[inner.lowerBound].lower)
                || Self.opensRelativeClause(tokens, inner.lowerBound, before: comma) || isApposition(inner),
            let head = backward(endingAt: inner.lowerBound - 2, lowerBound: lowerBound)
        {
            // An apposition is part of the mention (`Stadtrat X, der Besitzer der Ziegelei`); a
            // relative clause is not.
            let relative = Self.opensRelativeClause(tokens, inner.lowerBound, before: comma)
            return relative ? head : head.lowerBound...(comma - 1)
        }
        return backward(endingAt: comma - 1, lowerBound: lowerBound)
    }

    /// The noun before a German relative clause in the nominative that ends with the speech verb
    /// at `v`: `…, die mit fester Stimme die Worte sprach`.
    func relativeAntecedent(verb v: Int, lowerBound: Int) -> ClosedRange<Int>? {
        let r = clause(endingBefore: v, from: lowerBound).lowerBound
        guard r > lowerBound + 1, r + 1 < v, tokens[r - 1].text == ",", ["der", "die", "welcher", "welche"].contains(tokens[r].lower),
            tokens[r + 1].isWord, !tokens[r + 1].isCapitalized,
            // A pronoun or a masculine noun in the clause is its subject, the relative its object
            // (`die Worte, die er sprach:`, `die Worte, die der Pfarrer sprach:`).
            !((r + 1)..<v).contains(where: { j in
                isPronoun(j) && !lexicon.determiners.contains(tokens[j].lower)
                    || ["der", "ein"].contains(tokens[j].lower) && tokens[j + 1].isCapitalized
                        && !Self.prepositions.contains(tokens[j - 1].lower) && !Self.otherPrepositions.contains(tokens[j - 1].lower)
            })
        else { return nil }
        // The mention reaches to the relative pronoun, the word nearest the verb; the name is the noun.
        return subject(beforeComma: r - 1, lowerBound: lowerBound).map { $0.lowerBound...r }
    }

    /// Conjunctions that open a German subordinate clause, its subject right after them.
    static let subordinators: Set<String> = [
        "wie", "als", "wenn", "weil", "ob", "dass", "daß", "nachdem", "während", "indem", "sobald", "bevor", "ehe", "da",
    ]

    /// Whether the German noun at `k` is the head of a phrase a preposition opens, no further back
    /// than `lower`: only lower-case articles, adjectives and numbers stand between them (`im
    /// dritten Akte`, `gegen fünf Uhr`).
    func inPrepositionalPhrase(_ k: Int, from lower: Int) -> Bool {
        guard lexicon.language == "de" else { return false }
        var j = k - 1
        while j >= lower, k - j <= 3 {
            let word = tokens[j]
            guard word.isWord else { return false }
            if Self.prepositions.contains(word.lower) || Self.otherPrepositions.contains(word.lower) { return true }
            if word.isCapitalized || isVerb(j) || isPronoun(j) && !lexicon.determiners.contains(word.lower) { return false }
            j -= 1
        }
        return false
    }

    /// The first earlier naming of the person `phrase` names that has more words: capitalised words
    /// (or a title's full stop) before the same last word (`Karl Brandt` for `Brandt`). A capitalised
    /// word after an article or a relative is a noun, no first name (`in deren Verlauf Brandt`).
    /// - Complexity: O(n) in the tokens before the phrase.
    func fullerNaming(of phrase: ClosedRange<Int>, inQuote: [Bool]) -> ClosedRange<Int>? {
        let head = tokens[phrase.upperBound]
        guard lexicon.capitalises, head.isWord, head.isCapitalized, head.text.count > 2 else { return nil }
        let words = phrase.filter { tokens[$0].isWord && tokens[$0].isCapitalized && !lexicon.determiners.contains(tokens[$0].lower) }.count
        // A naming inside a quote is an address (`„Gott sei Dank, Herr Doktor!“`), not the narrator's.
        for k in 0..<phrase.lowerBound where tokens[k].text == head.text && !inQuote[k] {
            var a = k
            while a > 0, k - a < 4, tokens[a - 1].isWord && tokens[a - 1].isCapitalized
                && !lexicon.determiners.contains(tokens[a - 1].lower) && !lexicon.stops.contains(tokens[a - 1].lower)
                && !lexicon.pronouns.contains(tokens[a - 1].lower) && !isVerb(a - 1)
                && tokens[a - 1].paragraph == tokens[k].paragraph
                || Self.abbreviationStop(tokens, a - 1, limit: k + 1)
            {
                a -= 1
            }
            while a < k, !tokens[a].isWord { a += 1 }
            if a > 0, tokens[a - 1].isWord, lexicon.determiners.contains(tokens[a - 1].lower)
                || Self.relativeGenitives.contains(tokens[a - 1].lower)
            {
                continue
            }
            if (a...k).filter({ tokens[$0].isWord }).count > words { return a...k }
        }
        return nil
    }

    /// Nouns of a conversation (`eine Unterredung mit X`).
    static let conversations: Set<String> = ["gespräch", "gespräche", "unterredung", "unterhaltung", "interview", "besprechung", "audienz"]

    /// The partner of a conversation told in the 60 tokens before `open`: the phrase after "mit"
    /// in a sentence with a speech verb or a conversation noun (`sprach mit dem Minister`,
    /// `hatte mit dem Minister Weber eine Unterredung`).
    func interlocutor(before open: Int) -> ClosedRange<Int>? {
        guard lexicon.language == "de" else { return nil }
        var k = open - 1
        while k >= 0, open - k <= 60 {
            defer { k -= 1 }
            guard tokens[k].lower == "mit", k + 1 < open else { continue }
            let around = max(0, k - 6)..<min(open, k + 12)
            guard around.contains(where: { isVerb($0) || Self.conversations.contains(tokens[$0].lower) }) else { continue }
            if let phrase = forward(from: k + 1, limit: min(open, k + 9)), tokens[phrase].contains(where: \.isCapitalized),
                !isPronoun(phrase.lowerBound)
            {
                return phrase
            }
        }
        return nil
    }

    /// Whether token `a` is a German article that can open a subject (`der`, `die`, `ein`, `eine`)
    /// after the verb of its clause, not in a prepositional phrase or a genitive: `Endlich brach der
    /// Hauptmann das Schweigen`, `Da trat der Wirt herein`.
    func nominativeArticle(_ a: Int, in range: Range<Int>) -> Bool {
        guard lexicon.language == "de", ["der", "die", "ein", "eine"].contains(tokens[a].lower), a > range.lowerBound else { return false }
        let before = tokens[a - 1]
        guard before.isWord, !Self.prepositions.contains(before.lower), !before.isCapitalized || a - 1 == range.lowerBound
        else { return false }
        // The finite verb stands before it in its clause, after something else (verb second): a
        // lower-case word that is no article, adverb or conjunction. A clause that opens with its
        // verb has its subject before the comma (`Der Vorsitzende, …, eröffnete die Sitzung`).
        // After a comma (a subordinate clause before it) the clause may open with its verb: `Als sie
        // hinaufgestiegen war, beugte sich der Wirt über den Tisch`.
        let verbFirst = range.lowerBound > 0 && tokens[range.lowerBound - 1].text == ","
        return (range.lowerBound..<a).contains { j in
            (j > range.lowerBound || verbFirst) && tokens[j].isWord && !tokens[j].isCapitalized && !lexicon.determiners.contains(tokens[j].lower)
                && !lexicon.stops.contains(tokens[j].lower) && !lexicon.auxiliaries.contains(tokens[j].lower)
                && !isPronoun(j)
        }
    }

    /// The subject that opens a sentence (`Erdoğan, “…” dedi`).
    func sentenceSubject(from start: Int, before limit: Int) -> ClosedRange<Int>? {
        guard start < limit, let phrase = forward(from: start, limit: limit) else { return nil }
        return phrase
    }

    /// An attribution after a quote that closes at token `start - 1`.
    func after(from start: Int, upTo hi: Int, quoteOpen: Int, sentenceStart: Int) -> (speaker: ClosedRange<Int>, cue: String)? {
        var i = start
        var skipped = 0
        while i < hi, skipped < 3, Self.joiners.contains(tokens[i].text) {
            i += 1
            skipped += 1
        }
        guard i < hi, tokens[i].isWord else { return nil }
        // German `„…“, heißt es bei Schiller`: the source after "bei" (or "in") names who said it.
        if lexicon.language == "de", let phrase = heißtEs(at: i, limit: hi) { return phrase }
        // German `X hat die Steuer einen „Raubzug“ genannt.`: a quoted name the clause gives
        // something is its subject's word.
        if lexicon.language == "de", skipped == 0, Self.namingVerbs.contains(tokens[i].lower), quoteOpen > sentenceStart,
            i + 1 >= hi || !tokens[i + 1].isWord,
            let subject = namingSubject(from: sentenceStart, before: quoteOpen)
        {
            return (subject, tokens[i].text)
        }
        // German `„…,“ so führte er aus, „…“`: the correlative "so" before an inverted speech verb.
        if lexicon.language == "de", tokens[i].lower == "so", i + 1 < hi, isVerb(i + 1) { i += 1 }
        // and before any verb whose subject follows (`so führte er aus`, `so schloss der Redner`).
        if lexicon.language == "de", tokens[i].lower == "so", i + 2 < hi, tokens[i + 1].isWord, !tokens[i + 1].isCapitalized,
            !lexicon.stops.contains(tokens[i + 1].lower), !lexicon.determiners.contains(tokens[i + 1].lower),
            let phrase = forward(from: i + 2, limit: hi, inverted: true)
        {
            return (phrase, tokens[i...(i + 1)].map(\.text).joined(separator: " "))
        }
        // German `„…“, lautete die Antwort des Ministers`: the owner of the noun of speech.
        if lexicon.language == "de", ["lautete", "lautet", "lauteten"].contains(tokens[i].lower),
            let k = (i + 1..<min(hi, i + 5)).first(where: { tokens[$0].isCapitalized && Self.speechNouns.contains(tokens[$0].lower) }),
            k + 2 < hi, ["des", "von", "vom"].contains(tokens[k + 1].lower),
            let phrase = germanPhrase(from: tokens[k + 1].lower == "des" ? k + 1 : k + 2, limit: hi)
        {
            return (phrase, tokens[i].text)
        }
        // An inverted verb, perhaps after an auxiliary: "sagte Merkel", "a affirmé le chef".
        while i + 1 < hi, !isVerb(i), lexicon.auxiliaries.contains(tokens[i].lower), isVerb(i + 1)
            || lexicon.auxiliaries.contains(tokens[i + 1].lower) && i + 2 < hi && isVerb(i + 2)
        {
            i += 1
        }
        var v = i
        if !isVerb(v), lexicon.auxiliaries.contains(tokens[v].lower) || lexicon.carriesSubject(tokens[v].lower),
            v + 1 < hi, isVerb(v + 1)
        {
            if lexicon.carriesSubject(tokens[v].lower) { return (v...v, tokens[v].text + " " + tokens[v + 1].text) }
            v += 1
        }
        if isVerb(v) {
            let cue = tokens[i...v].map(\.text).joined(separator: " ")
            if lexicon.carriesSubject(tokens[v].lower) { return (v...v, cue) }
            if lexicon.order != .verbFinal, let phrase = forward(from: v + 1, limit: hi, inverted: true) {
                return (phrase, cue)
            }
            guard quoteOpen > sentenceStart else { return nil }
            if lexicon.order == .verbFinal {
                return sentenceSubject(from: sentenceStart, before: quoteOpen).map { ($0, cue) }
            }
            // The subject just before the quote: `als einer der Gäste plötzlich „Feuer!“ rief`.
            var j = quoteOpen - 1
            while j > sentenceStart, j >= quoteOpen - 2, tokens[j].isWord, !tokens[j].isCapitalized,
                !lexicon.stops.contains(tokens[j].lower), !isPronoun(j)
            {
                j -= 1
            }
            return backward(endingAt: j, lowerBound: sentenceStart).map { ($0, cue) }
        }
        // "According to" after the quote: "…", selon le ministre.
        if let phrase = according(at: i, limit: hi) { return phrase }
        // German `„…“, so der Trainer`: "so" and a speaker after the quote's comma.
        if lexicon.language == "de", skipped > 0, tokens[i].lower == "so", let phrase = forward(from: i + 1, limit: hi) {
            return (phrase, tokens[i].text)
        }
        // Subject then verb: “…”, el presidente dijo.
        if lexicon.order != .verbFirst, let phrase = forward(from: i, limit: hi) {
            var k = phrase.upperBound + 1
            var gap = 0
            while k < hi, gap < 3, tokens[k].isWord, !isVerb(k), lexicon.auxiliaries.contains(tokens[k].lower) {
                k += 1
                gap += 1
            }
            if k < hi, isVerb(k) { return (phrase, tokens[k].text) }
            // Turkish "X'e göre".
            if k < hi, lexicon.accordingAfter.contains(tokens[k].lower) { return (phrase, tokens[k].text) }
        }
        return nil
    }

    /// German `heißt es bei X` (or `hieß es in X`) at token `i`: the phrase after the preposition.
    func heißtEs(at i: Int, limit: Int) -> (speaker: ClosedRange<Int>, cue: String)? {
        guard i + 3 < limit, ["heißt", "hieß"].contains(tokens[i].lower), tokens[i + 1].lower == "es" else { return nil }
        var p = i + 2
        // An adverb between (`heißt es dazu bei X`, `hieß es damals in X`).
        while p < limit, p - i < 5, tokens[p].isWord, lexicon.auxiliaries.contains(tokens[p].lower) { p += 1 }
        guard p + 1 < limit, ["bei", "beim", "in", "im"].contains(tokens[p].lower),
            let phrase = germanPhrase(from: p + 1, limit: limit)
        else { return nil }
        return (phrase, tokens[i...p].map(\.text).joined(separator: " "))
    }

    /// German `In dem Berichte heißt es: „…“` (or `Es heißt in dem Berichte:`) with `heißt` at
    /// `v`: the document the phrase after `in` or `bei` names is the source, not a time (`Im
    /// vorigen Jahre hieß es:`). Nil when no such phrase stands in the clause.
    func heißtEsBefore(verb v: Int, range: Range<Int>) -> (speaker: ClosedRange<Int>, cue: String)? {
        guard lexicon.language == "de", ["heißt", "hieß"].contains(tokens[v].lower) else { return nil }
        let open = range.upperBound
        if v + 1 < open, tokens[v + 1].lower == "es", let after = heißtEs(at: v, limit: open), !isTime(after.speaker) {
            return after
        }
        let esBefore = v > range.lowerBound && tokens[v - 1].lower == "es"
        guard esBefore || v + 1 < open && tokens[v + 1].lower == "es" else { return nil }
        if esBefore, v + 2 < open, ["in", "im", "bei", "beim"].contains(tokens[v + 1].lower),
            let phrase = germanPhrase(from: v + 2, limit: open), !isTime(phrase)
        {
            // `Es heißt in der Eingabe:`.
            return (phrase, "es " + tokens[v].text)
        }
        let clause = clause(endingBefore: esBefore ? v - 1 : v, from: range.lowerBound)
        guard let p = clause.first(where: { ["in", "im", "bei", "beim"].contains(tokens[$0].lower) }),
            let phrase = germanPhrase(from: p + 1, limit: esBefore ? v - 1 : v), !isTime(phrase)
        else { return nil }
        let cue = esBefore ? "es " + tokens[v].text : tokens[v].text + " es"
        return (phrase, cue)
    }

    /// A German noun phrase from `start` that carries a capital (`Schiller`, `der Zeitung`).
    private func germanPhrase(from start: Int, limit: Int) -> ClosedRange<Int>? {
        guard start < limit, tokens[start].isWord, let phrase = germanForward(from: start, limit: limit),
            tokens[phrase].contains(where: \.isCapitalized)
        else { return nil }
        return phrase
    }

    /// Nouns of speech that a colon can follow in place of a verb (`Seine Antwort:`, `Bismarcks
    /// Worte lauteten:`, `Die Erklärung des Ministers:`).
    static let speechNouns: Set<String> = [
        "antwort", "antworten", "wort", "worte", "äußerung", "ausspruch", "bemerkung", "erklärung", "entgegnung",
        "erwiderung", "frage", "rede", "ruf", "losung", "devise", "parole", "wahlspruch", "mahnung", "warnung",
        "bitte", "forderung", "urteil", "meinung", "kommentar", "botschaft", "zuruf", "aufruf", "befehl", "rat",
        "bescheid", "schlusswort", "schlußwort", "grundsatz", "motto", "bekenntnis", "versicherung",
    ]

    /// German possessives of a third person (`seine`, `ihre`, `seiner`).
    static let possessives: Set<String> = {
        var words = Set<String>()
        for stem in ["sein", "ihr"] {
            for ending in ["", "e", "er", "es", "em", "en"] { words.insert(stem + ending) }
        }
        return words
    }()

    /// What a German noun of speech before a colon tells of its speaker, in the tokens `range`
    /// before the quote opening at `range.upperBound` (the colon is the last token): the owner as
    /// a genitive (`Bismarcks Antwort:`, `Des Kanzlers Worte waren:`, `Die Antwort des Ministers:`,
    /// `die Worte von Weber:`), or a possessive whose owner the text before names (`Seine Antwort:`).
    enum SpeechNounOwner {
        case phrase(ClosedRange<Int>)
        case possessive(Int)
    }

    func speechNounOwner(in range: Range<Int>) -> SpeechNounOwner? {
        guard lexicon.language == "de", range.count >= 2, tokens[range.upperBound - 1].text == ":" else { return nil }
        let colon = range.upperBound - 1
        for k in range.lowerBound..<colon where tokens[k].isWord && tokens[k].isCapitalized
            && Self.speechNouns.contains(tokens[k].lower)
        {
            // No other clause between the noun and the colon but a copula (`Worte lauteten:`).
            let between = (k + 1)..<colon
            if between.contains(where: { tokens[$0].text == "," || isVerb($0) }) { continue }
            if k > range.lowerBound, Self.possessives.contains(tokens[k - 1].lower) { return .possessive(k - 1) }
            if k > range.lowerBound, tokens[k - 1].isWord, tokens[k - 1].isCapitalized, tokens[k - 1].lower.hasSuffix("s"),
                !lexicon.determiners.contains(tokens[k - 1].lower), !lexicon.stops.contains(tokens[k - 1].lower)
            {
                var a = k - 1
                // `Des Kanzlers`, `des Herrn Ministers`.
                while a > range.lowerBound, a > k - 3, tokens[a - 1].isWord, tokens[a - 1].isCapitalized
                    || tokens[a - 1].lower == "des"
                {
                    a -= 1
                    if tokens[a].lower == "des" { break }
                }
                if tokens[a].lower != "des", a > range.lowerBound, tokens[a - 1].lower == "des" { a -= 1 }
                return .phrase(a...(k - 1))
            }
            if k + 2 < colon + 1, ["des", "von", "vom"].contains(tokens[k + 1].lower),
                let phrase = germanPhrase(from: tokens[k + 1].lower == "des" ? k + 1 : k + 2, limit: colon)
            {
                return .phrase(phrase)
            }
        }
        return nil
    }

    /// German verbs of naming: a quoted name they give (`nannte ihn einen „…“`) is a quotation of
    /// their subject's words.
    static let namingVerbs: Set<String> = ["nannte", "nannten", "nennt", "genannt"]

    /// The subject of a German naming clause from `start` (its sentence's start) before `limit`:
    /// the phrase opening the sentence before its finite verb (`Ein Mitglied der Fraktion hat`),
    /// a nominative pronoun, no prepositional or oblique phrase.
    func namingSubject(from start: Int, before limit: Int) -> ClosedRange<Int>? {
        guard start < limit, let phrase = sentenceSubject(from: start, before: limit), phrase.upperBound < limit,
            !Self.prepositions.contains(tokens[phrase.lowerBound].lower), !isOblique(phrase.lowerBound),
            tokens[phrase].contains(where: \.isCapitalized) && !isPronoun(phrase.lowerBound) || phrase.count > 1
                || ["er", "sie", "ich", "wir"].contains(tokens[phrase.lowerBound].lower),
            finiteVerb(after: phrase, plural: true) || phrase.upperBound + 1 < limit && Self.namingVerbs.contains(tokens[phrase.upperBound + 1].lower)
        else { return nil }
        return phrase
    }

    /// German words ending like a present participle that are none (`während`, `elend`, `Abend`).
    static let notParticiples: Set<String> = ["während", "elend", "behend", "abend", "tugend", "jugend", "gegend"]

    /// Whether token `k` is a German present participle (`verkündend`, `murmelnd`, `zögernd`): a
    /// lower-case word of six letters or more, an infinitive (`-en`, `-eln`, `-ern`) and `d`.
    func isPresentParticiple(_ k: Int) -> Bool {
        guard lexicon.language == "de", k >= 0, k < tokens.count, tokens[k].isWord, !tokens[k].isCapitalized else { return false }
        let word = tokens[k].lower
        return word.count >= 6 && ["end", "elnd", "ernd"].contains(where: { word.hasSuffix($0) }) && !Self.notParticiples.contains(word)
    }

    /// A German participial phrase of speaking before the colon of a quote, set off by a comma:
    /// `Der Bote trat ein, die Nachricht verkündend: „…“`, `Der Alte nickte, leise murmelnd: „…“`.
    /// A present participle has no subject of its own: the speaker is the subject of the clause it
    /// hangs on, not the object before the participle. Returns that subject (the nominative phrase
    /// of the nearest clause before the comma that has one) and the participle as the cue.
    func participleSpeaker(in range: Range<Int>) -> (speaker: ClosedRange<Int>, cue: String)? {
        let open = range.upperBound
        guard lexicon.language == "de", open - 2 > range.lowerBound, tokens[open - 1].text == ":", isPresentParticiple(open - 2)
        else { return nil }
        let participle = open - 2
        // The phrase's comma: no other verb between it and the participle (the phrase is short).
        guard let comma = (max(range.lowerBound, participle - 12)..<participle).last(where: { tokens[$0].text == "," }),
            comma > range.lowerBound, !((comma + 1)..<participle).contains(where: { isVerb($0) })
        else { return nil }
        var end = comma
        while end > range.lowerBound {
            let clause = clause(endingBefore: end, from: range.lowerBound)
            if let subject = nominative(in: clause) { return (subject, tokens[participle].text) }
            end = clause.lowerBound - 1
        }
        return nil
    }

    /// The first phrase of a German clause that can be its subject: a personal pronoun of the
    /// nominative, a nominative article and its noun outside a prepositional phrase (`der Bote`,
    /// `eine Gestalt`), or a capitalised name opening the clause before a lower-case finite verb.
    /// A relative clause after a comma (`…, in denen …`) has none for the clause it hangs on.
    func nominative(in clause: Range<Int>) -> ClosedRange<Int>? {
        guard !clause.isEmpty else { return nil }
        if clause.lowerBound > 0, tokens[clause.lowerBound - 1].text == ",",
            Self.opensRelativeClause(tokens, clause.lowerBound, before: clause.upperBound)
        {
            return nil
        }
        if let phrase = sentenceSubject(from: clause.lowerBound, before: clause.upperBound),
            !Self.prepositions.contains(tokens[phrase.lowerBound].lower), !isOblique(phrase.lowerBound),
            tokens[phrase].contains(where: \.isCapitalized) || ["er", "sie", "ich", "wir"].contains(tokens[phrase.lowerBound].lower),
            finiteVerb(after: phrase, plural: true)
        {
            return phrase
        }
        for k in clause {
            if ["er", "ich", "wir"].contains(tokens[k].lower) || tokens[k].lower == "sie" && k > clause.lowerBound && tokens[k - 1].isWord
                && !Self.prepositions.contains(tokens[k - 1].lower)
            {
                return k...k
            }
            guard ["der", "die", "ein", "eine"].contains(tokens[k].lower), k == clause.lowerBound || !Self.prepositions.contains(tokens[k - 1].lower)
            else { continue }
            var n = k + 1
            while n < min(clause.upperBound, k + 4), tokens[n].isWord, !tokens[n].isCapitalized, !isVerb(n) { n += 1 }
            guard n < clause.upperBound, tokens[n].isWord, tokens[n].isCapitalized, !inPrepositionalPhrase(n, from: clause.lowerBound)
            else { continue }
            return k...n
        }
        return nil
    }

    /// An "according to" form at `i` and the phrase after it.
    func according(at i: Int, limit: Int) -> (speaker: ClosedRange<Int>, cue: String)? {
        for form in lexicon.according where i + form.count < limit {
            guard form.indices.allSatisfy({ tokens[i + $0].lower == form[$0] }) else { continue }
            let end = i + form.count
            if let phrase = forward(from: end, limit: limit) ?? anyPhrase(from: end, limit: limit) {
                return (phrase, form.joined(separator: " "))
            }
        }
        return nil
    }

    /// Up to four words from `start`, for languages whose names carry no capital or for phrases the
    /// stricter reader refuses after an explicit "according to".
    private func anyPhrase(from start: Int, limit: Int) -> ClosedRange<Int>? {
        var k = start
        while k < limit, k - start < 4, tokens[k].isWord, !lexicon.stops.contains(tokens[k].lower) { k += 1 }
        return k > start ? start...(k - 1) : nil
    }

    /// An attribution before a quote, in the tokens `range` of its sentence before the opening mark.
    func before(in range: Range<Int>) -> (speaker: ClosedRange<Int>, cue: String)? {
        guard !range.isEmpty else { return nil }
        let open = range.upperBound
        if let found = participleSpeaker(in: range) { return found }
        var v = open - 1
        while v >= range.lowerBound, open - v <= 14 {
            defer { v -= 1 }
            if let found = according(at: v, limit: open) { return found }
            // An "according to" form after its source, before the quote: `Bakan Yılmaz'a göre “…”`.
            if lexicon.accordingAfter.contains(tokens[v].lower), v > range.lowerBound,
                let phrase = backward(endingAt: v - 1, lowerBound: range.lowerBound)
            {
                return (phrase, tokens[v].text)
            }
            if lexicon.language == "de", Self.namingVerbs.contains(tokens[v].lower), v > range.lowerBound,
                let subject = namingSubject(from: range.lowerBound, before: v + 1)
            {
                // `Der Minister nannte den Vorschlag einen „Schlag ins Wasser“.`
                return (subject, tokens[v].text)
            }
            guard isVerb(v) else { continue }
            let cue = tokens[v].text
            if lexicon.carriesSubject(tokens[v].lower) { return (v...v, cue) }
            if let document = heißtEsBefore(verb: v, range: range) { return document }
            if lexicon.language == "de", ((v + 1)..<open).allSatisfy({ !tokens[$0].isWord || lexicon.auxiliaries.contains(tokens[$0].lower) }),
                let subject = relativeAntecedent(verb: v, lowerBound: range.lowerBound)
            {
                // A relative clause with its verb last speaks for the noun before it: `die Gattin
                // des Senators, die mit fester Stimme die Worte sprach: „…“`.
                return (subject, cue)
            }
            // Inverted with a pronoun: "Darauf entgegnete er: „…“".
            var f = v + 1
            while f < open, tokens[f].isWord, lexicon.auxiliaries.contains(tokens[f].lower), !isPronoun(f) { f += 1 }
            if f < open, isPronoun(f) { return (f...f, cue) }
            if lexicon.order == .verbFirst {
                if let phrase = forward(from: v + 1, limit: open) ?? anyPhrase(from: v + 1, limit: open) {
                    return (phrase, cue)
                }
                continue
            }
            if lexicon.order == .verbFinal {
                if let subject = sentenceSubject(from: range.lowerBound, before: v) { return (subject, cue) }
                continue
            }
            if v > range.lowerBound, let phrase = backward(endingAt: beforeParenthesis(v - 1, lowerBound: range.lowerBound), lowerBound: range.lowerBound) {
                // A phrase after a preposition is no subject; the verb came second, its subject
                // follows it: `Im Gespräch mit dem Minister sagte Lindner: „…“`.
                // So is a phrase in the dative or accusative: `Dem Berichterstatter gegenüber äußerte
                // sich der Fürst: „…“`.
                // And so is a time (`Gestern Abend sagte X`, `In der Sitzung vom 5. Mai sagte X`).
                let adverbial = phrase.lowerBound > range.lowerBound && Self.prepositions.contains(tokens[phrase.lowerBound - 1].lower)
                    // or whose first word is its preposition (`Zum Schluß erklärte der Vorsitzende:`)
                    || lexicon.language == "de" && Self.prepositions.contains(tokens[phrase.lowerBound].lower)
                    || isOblique(phrase.lowerBound) || isTime(phrase)
                if adverbial, let subject = forward(from: v + 1, limit: open, inverted: true) {
                    return (subject, cue)
                }
                if adverbial, lexicon.language == "de", phrase.lowerBound > range.lowerBound {
                    // No subject after the verb: the sentence's opens it, before the object and a
                    // modal (`Der Kaiser soll zu dem Gesandten gesagt haben:`).
                    let start = clause(endingBefore: phrase.lowerBound, from: range.lowerBound).lowerBound
                    if start < phrase.lowerBound, let subject = sentenceSubject(from: start, before: phrase.lowerBound),
                        !isOblique(subject.lowerBound), !Self.prepositions.contains(tokens[subject.lowerBound].lower),
                        tokens[subject].contains(where: \.isCapitalized) || isPronoun(subject.lowerBound)
                    {
                        return (subject, cue)
                    }
                }
                if let subject = subjectAfterPrepositionalNoun(phrase, lowerBound: range.lowerBound) { return (subject, cue) }
                if lexicon.language == "de", isOblique(phrase.lowerBound) {
                    // `sein Lehrer, der Rektor X, soll dem Vater gesagt haben:`: the clause opens
                    // with its verb after a comma; the subject stands before the comma.
                    let start = clause(endingBefore: phrase.lowerBound, from: range.lowerBound).lowerBound
                    if start > range.lowerBound + 1, tokens[start - 1].text == ",", tokens[start].isWord,
                        !tokens[start].isCapitalized, !isPronoun(start),
                        let subject = subject(beforeComma: start - 1, lowerBound: range.lowerBound)
                    {
                        return (subject, cue)
                    }
                    continue
                }
                return (phrase, cue)
            }
            // A verb after "und" or a comma shares the subject of the clause before it:
            // `sprang Jener auf und rief: „…“`, `Er zögerte, äußerte dann: „…“`.
            let coordinated = v > range.lowerBound && (tokens[v - 1].text == "," || SpeechLexicon.and.contains(tokens[v - 1].lower))
            if lexicon.language == "de", v > range.lowerBound, tokens[v - 1].text == ",",
                let subject = forward(from: v + 1, limit: open, inverted: true)
            {
                // A verb after a subordinate clause comes before its subject: `Als ihn der Richter
                // fragte, warum er es getan habe, antwortete der Angeklagte: „…“`.
                return (subject, cue)
            }
            if coordinated, tokens[v - 1].text == "," {
                // An apposition between commas describes the subject before it: `Der Kaufmann, ein
                // kleiner dicker Mann, rief: „…“`.
                let inner = clause(endingBefore: v - 1, from: range.lowerBound)
                if lexicon.language == "de", inner.lowerBound > range.lowerBound + 1, tokens[inner.lowerBound - 1].text == ",",
                    ["ein", "eine", "einer"].contains(tokens[inner.lowerBound].lower)
                        || Self.opensRelativeClause(tokens, inner.lowerBound, before: v - 1)
                        || isApposition(inner)
                        // and an aside: `Bismarck, so erzählt man, sagte einmal: „…“`.
                        || ["so", "wie"].contains(tokens[inner.lowerBound].lower) && inner.contains(where: { isVerb($0) }),
                    var subject = backward(endingAt: inner.lowerBound - 2, lowerBound: range.lowerBound)
                {
                    // A preposition's phrase belongs to the noun before it: `Ein Arbeiter aus der
                    // Fabrik, der …, erzählte:`.
                    if subject.lowerBound - 1 > range.lowerBound, Self.prepositions.contains(tokens[subject.lowerBound - 1].lower),
                        let head = backward(endingAt: subject.lowerBound - 2, lowerBound: range.lowerBound)
                    {
                        subject = head
                    }
                    // So do a relative clause and a noun phrase in the nominative: `Der Minister, der
                    // eben aus Berlin kam, sagte: „…“`, `Frau Weber, die Witwe des Arztes, erzählte: „…“`.
                    return (subject, cue)
                }
            }
            if coordinated, let subject = clauseSubject(in: clause(endingBefore: v - 1, from: range.lowerBound)) {
                return (subject, cue)
            }
            if let phrase = forward(from: v + 1, limit: open) { return (phrase, cue) }
            if !coordinated, let subject = clauseSubject(in: clause(endingBefore: v, from: range.lowerBound)) {
                return (subject, cue)
            }
        }
        // A noun of speech with its owner: `Bismarcks Antwort:`, `Die Erklärung des Ministers:`
        // (a possessive's owner is in the text before: the caller reads it).
        if let owner = speechNounOwner(in: range) {
            if case .phrase(let phrase) = owner { return (phrase, ":") }
            return nil
        }
        // A label: "Der Redakteur: „…“".
        if open - 1 > range.lowerBound, tokens[open - 1].text == ":" {
            var a = open - 2
            while a > range.lowerBound, tokens[a - 1].isWord { a -= 1 }
            let words = (a...(open - 2))
            if words.count <= 3, tokens[open - 2].isCapitalized || !lexicon.capitalises,
                // A German label is a noun phrase: it opens with a capital or an article, not with a
                // verb (`erhob sofort Einspruch:`).
                lexicon.language != "de" || tokens[a].isCapitalized || lexicon.determiners.contains(tokens[a].lower),
                words.allSatisfy({ tokens[$0].isWord && !lexicon.stops.contains(tokens[$0].lower) || lexicon.determiners.contains(tokens[$0].lower) }),
                a == range.lowerBound || !tokens[a - 1].isWord
            {
                return (a...(open - 2), ":")
            }
            // A German colon opens speech after any clause: its subject speaks (`Endlich brach der
            // Hauptmann das Schweigen: „…“`).
            if lexicon.language == "de" {
                let start = clause(endingBefore: open - 1, from: range.lowerBound).lowerBound
                if start > range.lowerBound + 1, tokens[start - 1].text == ",", tokens[start].isWord, !tokens[start].isCapitalized,
                    !isPronoun(start), !Self.relatives.contains(tokens[start].lower),
                    let subject = subject(beforeComma: start - 1, lowerBound: range.lowerBound)
                {
                    // The clause opens with its verb: its subject stands before the comma.
                    return (subject, ":")
                }
                if let subject = sentenceSubject(from: start, before: open - 1).flatMap({ phrase in
                    tokens[phrase].contains(where: \.isCapitalized) || phrase.count == 1 ? phrase : nil
                }) ?? clauseSubject(in: start..<(open - 1)) {
                    return (subject, ":")
                }
            }
        }
        return nil
    }
}
