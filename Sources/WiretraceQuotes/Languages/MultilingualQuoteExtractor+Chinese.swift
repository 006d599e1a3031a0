import WiretraceCore

extension MultilingualQuoteExtractor {
    /// Chinese quotes, read by characters: `敏昂莱表示：“……”` (the speaker is the run before the verb,
    /// cut before an adverbial's preposition such as 在 and without adverbs such as 还 before the
    /// verb), `“……”，他说。` and `据新华社报道，“……”`.
    /// - Complexity: O(n) in the length of the text, times the verb list per quote.
    func chineseQuotes(in article: Article, text: ScalarText) -> [QuoteOccurrence] {
        let s = text.scalars
        let verbs = lexicon.verbs.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        let pauses: Set<Unicode.Scalar> = ["\u{FF1A}", ":", "\u{FF0C}", ",", " ", "\u{3000}"]
        func isNameScalar(_ c: Unicode.Scalar) -> Bool { c.isWordScalar || c == "\u{00B7}" || c == "\u{30FB}" || c == "\u{2022}" }
        func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
            i >= 0 && i + word.count <= s.count && s[i..<(i + word.count)].elementsEqual(word)
        }
        let cuts = (lexicon.stops.union(lexicon.auxiliaries)).map { Array($0.unicodeScalars) }
        let clauseEnds: Set<Unicode.Scalar> = [
            "\u{FF0C}", "\u{3002}", "\u{FF1B}", "\u{FF01}", "\u{FF1F}", "\u{FF1A}", ",", ";", ":", "\n",
            "\u{201C}", "\u{201D}", "\u{300C}", "\u{300D}", "\u{3001}",
        ]
        /// The speaker before a verb starting at `end`: the clause from its start (after the last
        /// punctuation mark) up to its first preposition or adverb (`在`, `当天`, `还`), so that
        /// `缅甸总司令敏昂莱(Min Aung Hlaing)当天在莫斯科表示` gives the commander and his name.
        func speaker(endingBefore end: Int, notBefore floor: Int = 0) -> Range<Int>? {
            var lo = end
            while lo > floor, end - lo < 80, !clauseEnds.contains(s[lo - 1]) { lo -= 1 }
            while lo < end, s[lo].isSpace { lo += 1 }
            var cut = end
            for i in (lo + 1)..<max(lo + 1, end) where cuts.contains(where: { matches($0, at: i) }) {
                cut = i
                break
            }
            while cut > lo, s[cut - 1].isSpace { cut -= 1 }
            guard cut > lo, s[lo..<cut].contains(where: isNameScalar) else { return nil }
            return lo..<cut
        }

        var occurrences: [QuoteOccurrence] = []
        var lastName: String? = nil
        for span in MultilingualQuoteScanner.spans(in: text, dashSpeech: false) {
            var found: (Range<Int>, String)? = nil
            // Before: NAME + verb + "：" + quote.
            var j = span.open.lowerBound
            while j > 0, pauses.contains(s[j - 1]) { j -= 1 }
            if j < span.open.lowerBound, let verb = verbs.first(where: { j - $0.count >= 0 && matches($0, at: j - $0.count) }),
                let who = speaker(endingBefore: j - verb.count)
            {
                found = (who, String(String.UnicodeScalarView(verb)))
            }
            // After: quote + "，" + NAME + verb.
            if found == nil, !span.close.isEmpty {
                var k = span.close.upperBound
                while k < s.count, pauses.contains(s[k]) { k += 1 }
                var end = k
                while end < s.count, end - k < 16, isNameScalar(s[end]) { end += 1 }
                for i in (k + 1)..<max(k + 1, end) {
                    if let verb = verbs.first(where: { matches($0, at: i) }), let who = speaker(endingBefore: i, notBefore: k) {
                        found = (who, String(String.UnicodeScalarView(verb)))
                        break
                    }
                }
            }
            // According to: 据 + NAME + 报道/称/消息 earlier in the sentence.
            if found == nil {
                var i = span.open.lowerBound - 1
                while i >= 0, span.open.lowerBound - i < 40, s[i] != "\u{3002}", s[i] != "\n" {
                    if s[i] == "\u{636E}" || s[i] == "\u{64DA}" {
                        var end = i + 1
                        while end < span.open.lowerBound, isNameScalar(s[end]) { end += 1 }
                        var tail = end
                        for marker in ["报道", "報導", "消息", "称", "稱", "表示", "介绍"].map({ Array($0.unicodeScalars) })
                        where tail - marker.count > i + 1 && matches(marker, at: tail - marker.count) {
                            tail -= marker.count
                            break
                        }
                        if tail > i + 1 { found = ((i + 1)..<tail, "\u{636E}") }
                        break
                    }
                    i -= 1
                }
            }
            // The first reporter: an agency named in `据…报道` earlier in the sentence.
            var reporter: String? = nil
            var i = span.open.lowerBound - 1
            while i >= 0, span.open.lowerBound - i < 120, s[i] != "\u{3002}", s[i] != "\n" {
                if s[i] == "\u{636E}" || s[i] == "\u{64DA}" {
                    var end = i + 1
                    while end < span.open.lowerBound, !clauseEnds.contains(s[end]) { end += 1 }
                    let phrase = text.string((i + 1)..<end)
                    for part in phrase.split(whereSeparator: { "()（）".contains($0) }) {
                        var name = String(part)
                        for marker in ["报道", "報導", "消息", "称", "稱", "表示", "介绍"] where name.hasSuffix(marker) {
                            name.removeLast(marker.count)
                        }
                        if let agency = NewsAgency.canonical(name) {
                            reporter = agency
                            break
                        }
                    }
                    break
                }
                i -= 1
            }
            let words = s[span.content].filter(\.isWordScalar).count
            if found == nil, words < 4 { continue }
            var occurrence = QuoteOccurrence(
                start: span.content.lowerBound, end: span.content.upperBound, text: text.string(span.content),
                kind: .direct, via: RelayChain.via(firstReporter: reporter, article: article))
            if let (who, cue) = found {
                let name = text.string(who)
                let isPronoun = lexicon.pronouns.contains(name)
                if !isPronoun { lastName = name }
                occurrence.speaker = isPronoun ? (lastName ?? name) : name
                occurrence.speakerStart = who.lowerBound
                occurrence.speakerEnd = who.upperBound
                occurrence.cue = cue
            }
            occurrences.append(occurrence)
        }
        occurrences += chineseReportedSpeech(
            text: text, verbs: verbs.filter { $0.count >= 2 }, speaker: { speaker(endingBefore: $0) }, article: article,
            direct: occurrences, lastName: lastName)
        return occurrences
    }

    /// Chinese reported speech, a sentence without quote marks: `市长王明表示，大桥将在冬季前建成。`
    /// (a speaker, a speech verb of two characters or more and a comma, then the clause to the
    /// sentence's end) or `据新华社报道，工程耗资十亿元。` (an "according to" form opening the
    /// sentence). One-character verbs (说, 称) are left out: they end too many other words (小说).
    /// - Complexity: O(n) in the length of the text, times the verb list per sentence.
    private func chineseReportedSpeech(
        text: ScalarText, verbs: [[Unicode.Scalar]], speaker: (Int) -> Range<Int>?, article: Article,
        direct: [QuoteOccurrence], lastName: String?
    ) -> [QuoteOccurrence] {
        let s = text.scalars
        let sentenceEnds: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF01}", "\u{FF1F}", "!", "?", "\n"]
        let marks: Set<Unicode.Scalar> = ["\u{201C}", "\u{201D}", "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}", "\"", "\u{00AB}", "\u{00BB}"]
        let commas: Set<Unicode.Scalar> = ["\u{FF0C}", ","]
        func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
            i >= 0 && i + word.count <= s.count && s[i..<(i + word.count)].elementsEqual(word)
        }
        var found: [QuoteOccurrence] = []
        var lastName = lastName
        var start = 0
        while start < s.count {
            var end = start
            while end < s.count, !sentenceEnds.contains(s[end]) { end += 1 }
            defer { start = end + 1 }
            guard end > start, !s[start..<end].contains(where: marks.contains) else { continue }
            var report: (content: Range<Int>, who: Range<Int>, cue: String)? = nil
            // 据 + source + 报道/称/消息 + comma at the sentence's start.
            var a = start
            while a < end, s[a].isSpace { a += 1 }
            if a < end, s[a] == "\u{636E}" || s[a] == "\u{64DA}", let comma = (a..<end).first(where: { commas.contains(s[$0]) }),
                comma - a <= 24
            {
                var tail = comma
                for marker in ["报道", "報導", "消息", "称", "稱", "表示", "介绍"].map({ Array($0.unicodeScalars) })
                where tail - marker.count > a + 1 && matches(marker, at: tail - marker.count) {
                    tail -= marker.count
                    break
                }
                // 据悉 ("it is learned") names no source: a source has two characters or more.
                if tail > a + 2 { report = ((comma + 1)..<end, (a + 1)..<tail, "\u{636E}") }
            }
            // Speaker + verb + comma.
            if report == nil {
                var i = a + 1
                search: while i < end {
                    for verb in verbs where matches(verb, at: i) {
                        var k = i + verb.count
                        while k < end, s[k].isSpace { k += 1 }
                        guard k < end, commas.contains(s[k]), let who = speaker(i) else { continue }
                        report = ((k + 1)..<end, who, String(String.UnicodeScalarView(verb)))
                        break search
                    }
                    i += 1
                }
            }
            guard let (reported, who, cue) = report else { continue }
            var lo = reported.lowerBound
            while lo < reported.upperBound, s[lo].isSpace { lo += 1 }
            let content = lo..<reported.upperBound
            guard s[content].filter(\.isWordScalar).count >= 4,
                !direct.contains(where: { ($0.start..<$0.end).overlaps(content) })
            else { continue }
            let name = text.string(who)
            let isPronoun = lexicon.pronouns.contains(name)
            if !isPronoun { lastName = name }
            found.append(QuoteOccurrence(
                start: content.lowerBound, end: content.upperBound, text: text.string(content), kind: .indirect,
                speaker: isPronoun ? (lastName ?? name) : name, speakerStart: who.lowerBound, speakerEnd: who.upperBound,
                cue: cue, via: RelayChain.via(firstReporter: cue == "\u{636E}" ? NewsAgency.canonical(name) : nil, article: article)))
        }
        return found
    }
}
