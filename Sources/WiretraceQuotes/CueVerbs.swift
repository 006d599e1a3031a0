/// Reporting and attitude verbs by lemma and class, for the tagger's cue features.
///
/// The classes follow the usual grammar of reported speech: verbs of saying take a clause ("said
/// (that) ..."), verbs of thinking and knowing take one too ("believes the plan will fail"), verbs of
/// stance usually take a noun phrase that stands for what was said ("denied the allegations",
/// "announced the closure"), verbs of evidence report what a study or a poll shows. A class lets the
/// tagger carry what it learned of frequent verbs over to rare ones and to inflections it never saw.
package enum CueVerbs {
    /// The class of a verb by its lemma: "speech", "thought", "stance" or "evidence".
    private static let classes: [String: String] = {
        var table: [String: String] = [:]
        func add(_ words: [String], _ name: String) { for w in words { table[CueVerbs.lemma(w)] = name } }
        add([
            "say", "tell", "add", "note", "state", "explain", "write", "reply", "respond", "remark",
            "mention", "insist", "argue", "claim", "assert", "contend", "maintain", "declare", "warn", "predict",
            "testify", "acknowledge", "admit", "concede", "confirm", "recall", "stress",
            "emphasize", "emphasise", "tweet", "ask", "complain", "observe", "reiterate",
            "vow", "pledge", "threaten", "boast", "caution", "suggest", "recommend", "urge",
            "allege", "announce", "disclose", "inform", "assure", "advise",
            "speak",
        ], "speech")
        add([
            "think", "believe", "know", "expect", "hope", "fear", "feel", "worry", "doubt", "suspect", "assume",
            "guess", "understand", "realize", "realise", "consider", "reckon", "conclude", "recognize",
            "recognise", "imagine", "wonder", "estimate", "anticipate", "want", "wish", "prefer", "agree",
            "disagree", "suppose",
        ], "thought")
        add([
            "deny", "reject", "criticize", "criticise", "praise", "endorse", "support", "oppose", "defend",
            "accuse", "blame", "condemn", "dismiss", "welcome", "cite", "question", "dispute", "demand",
            "seek", "applaud", "slam", "attack", "decline", "refuse", "unveil", "propose", "challenge",
            "credit", "thank", "contest", "downplay", "tout", "hail", "blast", "lament", "acclaim", "describe",
            "characterize", "call", "label", "brand", "report", "comment", "answer", "promise", "repeat", "signal",
        ], "stance")
        add(["show", "find", "indicate", "reveal", "seem", "appear", "prove", "demonstrate", "mean", "imply"], "evidence")
        return table
    }()

    /// A lemma good enough to group inflections: irregular past forms mapped, then "-ies"/"-ied" to
    /// "y" and "-ing", "-ed", "-s" and a final "e" dropped ("announces", "announced", "announcing" ->
    /// "announc"). Not a dictionary form, only a key.
    package static func lemma(_ word: String) -> String {
        if let base = irregular[word] { return base }
        if let lemma = asciiLemma(word) { return lemma }
        return regularLemma(word)
    }

    /// The endings of `lemma(_:)` tested on the bytes of an ASCII word, where a character is a
    /// byte (the character-wise suffix tests of `regularLemma` were most of the tagger's cue
    /// features); nil for any other word.
    private static func asciiLemma(_ word: String) -> String? {
        let result: String?? = word.utf8.withContiguousStorageIfAvailable { b -> String? in
            for byte in b where byte >= 0x80 || byte == 0x0D { return nil }  // "\r\n" is one character
            var n = b.count
            guard n > 3 else { return word }
            func ends(_ suffix: StaticString, _ end: Int) -> Bool {
                let length = suffix.utf8CodeUnitCount
                guard end >= length else { return false }
                let start = suffix.utf8Start
                for i in 0..<length where b[end - length + i] != start[i] { return false }
                return true
            }
            if ends("ies", n) || ends("ied", n) {
                return String(decoding: b[0..<(n - 3)], as: UTF8.self) + "y"
            }
            if ends("ing", n), n > 5 {
                n -= 3
            } else if ends("ed", n), n > 4 {
                n -= 2
            } else if ends("s", n), !ends("ss", n), !ends("us", n), n > 3 {
                n -= 1
            }
            if ends("e", n), n > 3 { n -= 1 }
            return String(decoding: b[0..<n], as: UTF8.self)
        }
        return result ?? nil
    }

    /// The regular endings of `lemma(_:)` on characters: the reference `asciiLemma` is tested
    /// against, and the answer for words with other scalars.
    package static func regularLemma(_ word: String) -> String {
        var w = Substring(word)
        guard w.count > 3 else { return word }
        if w.hasSuffix("ies") || w.hasSuffix("ied") {
            return String(w.dropLast(3)) + "y"
        }
        if w.hasSuffix("ing"), w.count > 5 {
            w = w.dropLast(3)
        } else if w.hasSuffix("ed"), w.count > 4 {
            w = w.dropLast(2)
        } else if w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), w.count > 3 {
            w = w.dropLast(1)
        }
        if w.hasSuffix("e"), w.count > 3 { w = w.dropLast(1) }
        return String(w)
    }

    private static let irregular: [String: String] = [
        "said": "say", "says": "say", "told": "tell", "thought": "think", "knew": "know", "known": "know",
        "wrote": "write", "written": "write", "felt": "feel", "saw": "see", "seen": "see", "found": "find",
        "spoke": "speak", "spoken": "speak", "meant": "mean", "understood": "understand", "sought": "seek",
        "learnt": "learn", "forgot": "forget", "forgotten": "forget", "swore": "swear", "sworn": "swear",
    ]

    /// The class of `word` (lower-cased), if it is a verb of saying, thinking, stance or evidence.
    package static func verbClass(_ word: String) -> String? {
        classes[lemma(word)]
    }

    /// Whether `word` is a verb of saying or thinking: a cue candidate even when the training text
    /// had it too rarely to learn it as one.
    package static func takesReport(_ word: String) -> Bool {
        let c = verbClass(word)
        return c == "speech" || c == "thought"
    }
}
