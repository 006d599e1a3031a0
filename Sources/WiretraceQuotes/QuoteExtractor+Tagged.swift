import WiretraceCore

/// Choices in how the tagger's attributions and the quote-mark rules' quotes are combined.
package struct QuoteExtractorOptions: Sendable {
    /// Content spans with fewer words are dropped.
    package var minimumWords = 3
    /// Keep the rules' direct quotes that no tagged content overlaps.
    package var keepRuleDirect = true
    /// Keep the rules' indirect quotes that no tagged content overlaps.
    package var keepRuleIndirect = true
    /// Also report a rule's direct quote that stands inside a tagged clause (mixed speech: `X said
    /// the plan was "a disgrace"` gives the clause and the quoted words). Off: on held-out training
    /// articles the fragments cost 0.06 precision, the annotation treating the clause as one content.
    package var keepQuotedFragments = false
    /// Where a tagged span is a rule's quote give or take quote marks, punctuation and a few
    /// words, report the rule's span (the words between the marks, the clause after "said").
    package var preferRuleSpans = true
    /// Drop a tagged clause with no cue in its sentence that no rule found either (PolNeAR-style
    /// annotation also marks attributions without a reporting word, which other text rarely means).
    package var requireCue = true
    /// When nothing else attributes a content span, take the speaker of the previous attributed span
    /// in the same paragraph.
    package var previousSpeaker = true
    /// Added to the tagger's content scores of every token (see ``QuoteTaggerModel/tag(_:contentBias:)``).
    /// The tagger learns from several annotators who disagree on what is reported, and leans towards
    /// "outside"; on 15% held-out training articles (`make train-quotes QUOTES_HOLDOUT=15`) 250 raised
    /// indirect recall at overlap 0.5 from 0.554 to 0.583 and F1 from 0.740 to 0.747, strict speaker
    /// accuracy 0.871 -> 0.863; 500 reached 0.608 and 0.755 but cost 0.019 of speaker accuracy.
    package var contentBias: Float = 250
    /// A reported clause that starts right after its reporting verb ("said (that) ...") is the
    /// verb's complement and runs to the end of its sentence: a tagged content stopping short of it
    /// (at a comma, a second verb) is taken to the sentence's end.
    package var clauseToSentenceEnd = true
    /// A reported clause fronted before its attribution ("..., she said.") starts the sentence: a
    /// tagged content starting inside it is taken back to the sentence's first word.
    package var clauseFromSentenceStart = true
    /// "<report>, said the company's chief executive, Ann Berg.": after a comma a reporting verb may
    /// come before its subject, and what follows it is the speaker, not what was said. A tagged
    /// content there is replaced by the report before the comma (unless another content holds it).
    package var invertedAttribution = true
    /// Seek the speaker around the content as tagged, before the clause bounds widen it.
    package var speakerBesideTaggedSpan = true
    /// The speaker of a report with a reporting verb beside it in its sentence is that verb's
    /// subject ("X said (that) <clause>", "<clause>, X said", "<clause>, said X", "according to X,
    /// <clause>"), not another noun phrase nearby: it overrides the ranker's choice.
    package var speakerIsCueSubject = true
    /// "X: <claim>" (a headline, a caption, a transcript's turn): a content right after a colon that
    /// follows a sentence's short opening noun phrase is attributed to that phrase.
    package var colonAttribution = true
    /// The phrase opening a sentence, a speaker candidate, stops before a lower-case past form
    /// ("The vote ended ..." offers "The vote"); see ``TaggedAttributions/openingPhraseStopsAtVerb``.
    package var openingPhraseStopsAtVerb = true
    /// The speaker ranker sees what a candidate's head is (``SpeakerHead``: a name, a pronoun, a
    /// role or organisation noun, a publication, another noun, a bare modifier).
    package var speakerHeadFeatures = true
    /// A speaker candidate is a mention: a phrase cut after its modifier ("The federal") or a
    /// capitalised word that is no name ("Recalling", "Sunday") is none (``SpeakerHead/isMention``).
    package var speakersMustSpeak = true
    /// ``speakersMustSpeak`` also for the tagger's source spans and the rules' speaker of an
    /// overlapping quote. Off: on the 15% held-out fold of the training file it cost 18 right
    /// speakers of 2,304 (1,992 -> 1,974), the tagger's spans being right more often than the
    /// head test.
    package var taggedSpeakersMustSpeak = false
    /// The cue's subject is not forced over the ranker's choice when it cannot speak
    /// (``TaggedAttributions/canSpeak(_:cue:)``: "The question", he said, ...).
    package var subjectMustSpeak = true

    /// "X denied the charges", "X endorsed the plan", "X called for an inquiry": the object of a
    /// verb of stance, right after the verb's subject, is reported as an indirect content of that
    /// subject where the tagger found none (``QuoteExtractor/stanceObjects(in:tokens:finder:)``).
    package var stanceObjects = true
    /// ``stanceObjects`` also after a relative "who" ("X, who opposed <object>").
    package var stanceAfterWho = true
    /// ``stanceObjects`` also for a participle after a comma ("<clause>, criticizing <object>",
    /// "<clause>, saying <clause>"), the clause's subject the speaker.
    package var stanceParticiples = true
    /// ``stanceObjects`` with an object of one word when it is a name or an object pronoun
    /// ("endorsed Sanders", "backed him"; not "denied it").
    package var stanceNameObjects = true
    /// ``stanceObjects`` also for an -ing form after "be" ("X is backing <object>") or right after
    /// a noun phrase ("a group backing <object>").
    package var stanceGerunds = true
    /// "<headline speaker>: <claim>." (a headline, a transcript's turn without quote marks): the
    /// words after a colon that follows the short noun phrase opening a paragraph are reported by
    /// that phrase (``QuoteExtractor/colonClaim(in:tokens:finder:lowercaseWords:)``).
    package var colonClaims = true
    /// "<head>, X said, <rest>": the words before a parenthetical attribution are reported too, as a
    /// content of their own beside the rest (``QuoteExtractor/splitReportHead(before:input:)``).
    package var splitReportHeads = true
    /// "his support for X", "Sen. Ruiz's criticism of X", "Ruiz, a longtime supporter of X", "Ruiz
    /// was an early opponent of X": a noun of stance and its preposition report the object for the
    /// noun's possessor, or for the subject of "be" or the phrase before the apposition's comma
    /// (``QuoteExtractor/stanceNouns(in:tokens:finder:)``).
    package var stanceNouns = true
    /// "her warning that <clause>", "the mayor's claim that <clause>": a noun of saying or thinking
    /// with a "that" clause reports the clause to the sentence's end for the noun's possessor (the
    /// same speakers as ``stanceNouns``).
    package var reportNounClauses = true
    /// ``stanceObjects`` also for verbs of attack, praise and advocacy beyond ``QuoteExtractor/stanceVerbs``
    /// ("X attacked <object>", "X championed <object>": ``QuoteExtractor/moreStanceVerbs``).
    package var moreStanceVerbs = true
    /// The object of a stance (``stanceObjects``, ``stanceNouns``) ends before "and"/"but" and a
    /// second verb ("thanked the host and spoke of ..."), and a lone -ing word ("Having denied
    /// ...") is no subject.
    package var objectStopsAtVerb = true

    /// Added to ``contentBias`` for the words of a sentence that holds a verb of saying, thinking,
    /// stance or evidence (``CueVerbs``) outside quote marks: where a report is likely, the tagger's
    /// lean towards "outside" costs more recall than elsewhere. Off: on the 15% held-out fold of the
    /// training file 250 raised F1 at overlap 0.5 from 0.762 to 0.770 and indirect recall from
    /// 0.606 to 0.628 (a better trade than a global bias of 500), but strict speaker accuracy fell
    /// from 0.867 to 0.857, the added contents being harder to attribute; 100 gained nothing.
    /// `train-quotes` scores 150, 250 and 500 among its variants.
    package var cueSentenceBias: Float = 0

    /// "X said (that) <clause>" also where the subject follows an opening phrase and its comma ("On
    /// Tuesday, the mayor said ...") or opens the sentence before an apposition or a relative clause
    /// ("Jane Roe, a professor at the college, said ..."): the rules read the verb up to 32 tokens
    /// into the sentence, not 10 (``QuoteExtractor/reportSubject(verbAt:sentenceStart:tokens:finder:)``).
    package var subjectsBesideCommas = true
    /// Days and times right after the reporting verb ("said Tuesday that ...", "told reporters on
    /// Monday the plan ...") are not what was said.
    package var timeAfterVerb = true
    /// "X has said repeatedly that <clause>": an adverb in -ly between the reporting verb and "that"
    /// is no part of what was said (the rules' clause starts after "that").
    package var adverbBeforeThat = true
    /// "<clause>, X said" only when no clause follows the verb (else the words before the comma set
    /// the scene and the clause after the verb is the report), and "<clause>, said X" only when X
    /// reads as a name or a role, irregular past forms ("the plan came late") counting as verbs.
    package var complementNotFronted = true
    /// "<clause>, X said" also with the verb more than eight tokens before the sentence's end when a
    /// comma or semicolon closes the attribution within nine tokens ("<clause>, she said, adding that
    /// ...", "<clause>, said Ann Berg, director of the city's housing office.").
    package var attributionTails = true
    /// "<clause>, X said in a statement on Tuesday.", "<clause>, X told reporters outside the
    /// legislature.": a fronted report whose attribution ends in adverbials of place, time or manner
    /// (``QuoteExtractor/adverbialTailStart(afterVerbAt:end:tokens:finder:)``), however long. The
    /// rules report the clause; a tagged content inside the tail is where it was said, not what: it
    /// is replaced by the clause (or dropped when the clause is quoted or another content holds it).
    package var adverbialTails = true
    /// "An official who spoke to the Daily Courier said ...": the listener of a relative clause of
    /// speaking before the reporting verb is not its subject, the clause's antecedent is
    /// (``SpeakerFinder/listenerAntecedent(of:lowerBound:)``); and the object of "told" after its
    /// subject ("X told reporters/CNN ...") is the listener, never a speaker candidate.
    package var listenerNotSpeaker = true
    /// "<words>, X said" is no report when the words are one opening phrase that sets the scene ("In
    /// his tweets, ...", "Asked about the charges, ...", "Though the talks were tense, ..."):
    /// ``QuoteExtractor/isOpeningScene(_:tokens:)``.
    package var openingSceneNotReported = true
    /// "X said (that) A and said B": the rules' clause after the first verb ends before "and"/"but"
    /// and a second reporting verb of the same subject (``QuoteExtractor/secondReport(in:tokens:finder:)``).
    package var secondVerbEndsClause = true
    /// "X of/for/at/with/from Y said (that) <clause>": the rules take the subject back over the
    /// preposition after its head ("The city's director of planning said ...") when the head opens
    /// the sentence (at most five words).
    package var subjectsWithPrepositions = true
    /// A tagged span that is a rule's indirect clause give or take two words counts the "that"
    /// before the clause as none of them ("said in a letter to parents that <clause>": the tagged
    /// "to parents that <clause>" is the rule's clause, see ``preferRuleSpans``); and the rules
    /// look for that "that" only after an adverbial, not inside the clause ("said he hoped that
    /// ..." reports all of "he hoped that ...").
    package var thatBeforeRuleClause = true
    /// "X said A, but Y said B", "X argued A, while critics claimed B", "X said A, adding that B":
    /// a reported clause ends where a second report starts in its sentence, and the second report
    /// is a content of its own (its own speaker, or the same one after the participle); a tagged
    /// content running over the second report's attribution is cut there too
    /// (``QuoteExtractor/followingReport(in:end:attribution:tokens:finder:text:)``).
    package var reportsInOneSentence = true
    /// "KATE BELL: <sentence>. <sentence>." (``colonClaims``): a turn without quote marks runs to the
    /// end of its paragraph, one content over all its sentences (``QuoteExtractor/turnEnd(after:tokens:direct:)``).
    package var colonTurnParagraphs = true
    /// ``reportNounClauses`` in the sentence's subject ("The board's statement that <clause> calmed
    /// parents"): the clause ends before the sentence's own verb, not at the sentence's end
    /// (``QuoteExtractor/clauseBeforeMainVerb(_:tokens:)``).
    package var nounClauseEndsAtMainVerb = true

    /// `"…," she said. "Families especially."`: a quoted sentence of one or two words right after an
    /// attributed quote in the same paragraph goes on with that quote's speaker (shorter spans are
    /// otherwise kept only beside a reporting verb). On the training file's articles 9 of the 10
    /// such sentences are annotated contents.
    package var shortQuoteSentences = true
    /// `"…," said emergency nurse Ann Berg.`: after a reporting verb that follows a comma or a
    /// closing quote mark, a phrase of lower-case role words and a name running to the sentence's
    /// end is the speaker, not what was said (Canadian style sets the role before the name in lower
    /// case); a tagged content there is dropped, or replaced by the report before the comma
    /// (``invertedAttribution``, which otherwise needs the phrase to open with a capital, a
    /// determiner or a possessive).
    package var lowercaseRoleInversion = true
    /// "<clause>, the union's president, Tom Reyes, said.", "<clause>, Tom Reyes, a spokesman for
    /// the union, told reporters.": a fronted report whose subject is a name and a role in apposition,
    /// each between commas, before the reporting verb. The rules report the clause before the
    /// apposition for that subject (the "<clause>, X said" form otherwise sees only the comma before
    /// the verb and gives up), and a tagged content that is a part of the apposition is the clause's
    /// speaker, not what was said: it is replaced by the clause (``QuoteExtractor/appositiveSubject(verbAt:sentenceStart:tokens:finder:)``).
    package var appositiveSubjects = true
    /// "<clause>, Tom Reyes, who leads the union, said.": a fronted report whose subject (a name
    /// or a role) is followed by a relative clause between commas before the reporting verb. The
    /// rules report the clause before the subject for it, and a tagged content inside the subject or
    /// the relative clause is replaced by that clause, as for ``appositiveSubjects``
    /// (``QuoteExtractor/relativeClauseSubject(verbAt:sentenceStart:tokens:finder:)``).
    package var relativeClauseSubjects = true
    /// "X said in a news release <clause>", "X wrote in a letter to Ann Berg on Monday <clause>":
    /// an adverbial naming the medium (a preposition and a few words ending in a noun such as
    /// "statement", "interview", "letter") between the reporting verb and a clause without "that"
    /// is no part of what was said; the rules' clause starts after it
    /// (``QuoteExtractor/clauseAfterMedium(from:end:tokens:)``).
    package var mediumBeforeClause = true
    /// "X warned residents (on Tuesday) that <clause>", "X assured parents that <clause>": after a
    /// verb of saying whose object is the one spoken to (``QuoteExtractor/listenerVerbs``), the
    /// listener is no part of what was said; the rules' clause starts after "that"
    /// (``QuoteExtractor/listenerThat(afterVerbAt:end:tokens:finder:)``).
    package var listenerBeforeThat = true
    /// "X is confident that <clause>", "Residents are worried that <clause>": an adjective of
    /// belief or concern after "be" reports the "that" clause for the subject
    /// (``QuoteExtractor/stanceAdjectiveClause(in:tokens:finder:)``).
    package var stanceAdjectiveClauses = true
    /// "In the minister's view, <clause>", "In the opinion of the panel, <clause>": a view opening
    /// the sentence reports the rest for its holder (``QuoteExtractor/viewReport(in:tokens:finder:)``).
    package var viewPhrases = true
    /// "The plan, the mayor said Tuesday, will cost $4 million.": an attribution between commas
    /// inside a report, days and times after its verb, reports the rest after it
    /// (``QuoteExtractor/parentheticalRest(subject:comma:sentenceStart:end:tokens:finder:)``) and the
    /// head before it (``QuoteExtractor/splitReportHead(before:input:timeWords:)``).
    package var parentheticalAttributions = true
    /// "X believes (that) <clause>", "Economists expect <clause>": verbs of thinking, hoping and
    /// fearing (``QuoteExtractor/thoughtVerbs``) read by the rules like verbs of saying, the clause
    /// after them reported for their subject where the tagger found none.
    package var thoughtVerbClauses = true
    /// Report attributions without a verb of saying too: beliefs and expectations ("X believes
    /// <clause>", "<subject> is expected to <verb>"), stances ("X welcomed <object>", "calling for
    /// <object>") and findings ("the poll found <clause>"), as PolNeAR annotates them. Off, an
    /// indirect content is kept only when its cue holds a verb of saying or "according to"
    /// (``QuoteExtractor/isSpeechCue(_:)``), as news quote sets that annotate speech alone count it;
    /// direct quotes stay either way. On the project's wire probe (probe-train) switching it off
    /// dropped false reports; on PolNeAR it drops annotated ones, so it stays on by default.
    package var nonSpeechReports = true
    /// "X explained it to the weekly Valley Gazette: <quote>", "a source speaking to Channel 9
    /// said": a noun phrase right after "to" (a determiner and modifiers between) is who was
    /// spoken to, not who spoke: the ranker does not choose it, whichever part found it ("according
    /// to X" and "attributed to X" excepted): ``TaggedAttributions/speakerChoices(_:)``.
    package var listenersAfterTo = true

    /// How speaker phrases are resolved to names (apposition, titles, relative "who"): ``MentionOptions``.
    package var mention = MentionOptions()
    /// Switches for the German rules of dialogue in running text: ``MultilingualQuoteOptions``.
    package var multilingual = MultilingualQuoteOptions()
    /// A label in capitals opening a paragraph is a dateline or a section's name, not a speaker,
    /// unless the document is an exchange of such labels (``PageLabels``): its quotes are dropped,
    /// and a content opening with one starts after it.
    package var pageLabels = true

    package init() {}

    /// The options that can be switched off by name for training and scoring (the speaker options,
    /// and ``stanceObjects``).
    package static let switchableSpeakerOptions = [
        "cueSubject", "colonSpeaker", "openingPhraseCut", "speakerHeadFeatures", "speakersMustSpeak",
        "taggedSpeakersMustSpeak", "subjectMustSpeak", "stanceObjects", "stanceAfterWho", "stanceParticiples",
        "stanceNameObjects", "stanceGerunds", "colonClaims", "splitReportHeads", "stanceNouns",
        "reportNounClauses", "moreStanceVerbs", "objectStopsAtVerb", "subjectsBesideCommas", "timeAfterVerb",
        "complementNotFronted", "attributionTails", "openingSceneNotReported", "secondVerbEndsClause",
        "subjectsWithPrepositions", "thatBeforeRuleClause", "appositiveNames", "appositiveMention",
        "namesAfterTitles", "relativeAntecedents", "pronounAgreement", "shortQuoteSentences", "lowercaseRoleInversion",
        "nonSpeechReports", "pageLabels", "appositiveSubjects", "adverbialTails", "listenerNotSpeaker",
        "adverbBeforeThat", "reportsInOneSentence", "colonTurnParagraphs",
        "nounClauseEndsAtMainVerb", "relativeClauseSubjects", "givenNameGender", "honorificSurnames", "appositiveRoles",
        "distantPronounAgreement", "quotedNamesNotAntecedents", "listenersAfterTo",
        // Content spans (issue 16, indirect speech).
        "mediumBeforeClause", "listenerBeforeThat", "stanceAdjectiveClauses", "viewPhrases",
        "parentheticalAttributions", "thoughtVerbClauses",
    ]

    /// Switches off the speaker option `name` (one of ``switchableSpeakerOptions``); false for
    /// another name.
    package static func switchOff(_ name: String, in options: inout QuoteExtractorOptions) -> Bool {
        switch name {
        case "appositiveSubjects": options.appositiveSubjects = false
        case "relativeClauseSubjects": options.relativeClauseSubjects = false
        case "adverbialTails": options.adverbialTails = false
        case "listenerNotSpeaker": options.listenerNotSpeaker = false
        case "adverbBeforeThat": options.adverbBeforeThat = false
        case "reportsInOneSentence": options.reportsInOneSentence = false
        case "colonTurnParagraphs": options.colonTurnParagraphs = false
        case "nounClauseEndsAtMainVerb": options.nounClauseEndsAtMainVerb = false
        case "cueSubject": options.speakerIsCueSubject = false
        case "colonSpeaker": options.colonAttribution = false
        case "pageLabels": options.pageLabels = false
        case "openingPhraseCut": options.openingPhraseStopsAtVerb = false
        case "speakerHeadFeatures": options.speakerHeadFeatures = false
        case "speakersMustSpeak": options.speakersMustSpeak = false
        case "taggedSpeakersMustSpeak": options.taggedSpeakersMustSpeak = false
        case "subjectMustSpeak": options.subjectMustSpeak = false
        case "stanceObjects": options.stanceObjects = false
        case "stanceAfterWho": options.stanceAfterWho = false
        case "stanceParticiples": options.stanceParticiples = false
        case "stanceNameObjects": options.stanceNameObjects = false
        case "stanceGerunds": options.stanceGerunds = false
        case "colonClaims": options.colonClaims = false
        case "splitReportHeads": options.splitReportHeads = false
        case "stanceNouns": options.stanceNouns = false
        case "reportNounClauses": options.reportNounClauses = false
        case "moreStanceVerbs": options.moreStanceVerbs = false
        case "objectStopsAtVerb": options.objectStopsAtVerb = false
        case "subjectsBesideCommas": options.subjectsBesideCommas = false
        case "timeAfterVerb": options.timeAfterVerb = false
        case "complementNotFronted": options.complementNotFronted = false
        case "attributionTails": options.attributionTails = false
        case "openingSceneNotReported": options.openingSceneNotReported = false
        case "secondVerbEndsClause": options.secondVerbEndsClause = false
        case "subjectsWithPrepositions": options.subjectsWithPrepositions = false
        case "thatBeforeRuleClause": options.thatBeforeRuleClause = false
        case "appositiveNames": options.mention.appositiveNames = false
        case "appositiveMention": options.mention.appositiveMentionIsPhrase = false
        case "namesAfterTitles": options.mention.namesAfterTitles = false
        case "relativeAntecedents": options.mention.relativeAntecedents = false
        case "pronounAgreement": options.mention.pronounAgreement = false
        case "givenNameGender": options.mention.givenNameGender = false
        case "honorificSurnames": options.mention.honorificSurnames = false
        case "appositiveRoles": options.mention.appositiveRoles = false
        case "distantPronounAgreement": options.mention.distantPronounAgreement = false
        case "quotedNamesNotAntecedents": options.mention.quotedNamesNotAntecedents = false
        case "shortQuoteSentences": options.shortQuoteSentences = false
        case "lowercaseRoleInversion": options.lowercaseRoleInversion = false
        case "nonSpeechReports": options.nonSpeechReports = false
        case "listenersAfterTo": options.listenersAfterTo = false
        case "mediumBeforeClause": options.mediumBeforeClause = false
        case "listenerBeforeThat": options.listenerBeforeThat = false
        case "stanceAdjectiveClauses": options.stanceAdjectiveClauses = false
        case "viewPhrases": options.viewPhrases = false
        case "parentheticalAttributions": options.parentheticalAttributions = false
        case "thoughtVerbClauses": options.thoughtVerbClauses = false
        default: return false
        }
        return true
    }
}

/// Where a speaker candidate comes from.
package enum SpeakerCandidateOrigin: String, Sendable {
    /// A source span the tagger found.
    case tagger
    /// The noun phrase beside the tagged cue, found by the reporting-verb rules.
    case cuePhrase
    /// The speaker the quote-mark rules gave an overlapping quote.
    case ruleQuote
    /// A name, a personal or relative pronoun, or the phrase opening a sentence, in the content's
    /// sentence or the one before: what the tagger and the cue rules missed is often one of these.
    case mention
}

/// A candidate speaker mention for one content span, with the features the pairing model scores.
package struct SpeakerCandidate: Sendable {
    package var range: ClosedRange<Int>
    package var origins: Set<SpeakerCandidateOrigin>
    package var features: [UInt64] = []
}

/// The tagger's spans of one document and how content spans are tied to cues and speakers.
package struct TaggedAttributions: Sendable {
    package let input: TaggerInput
    package let contents: [ClosedRange<Int>]
    package let sources: [ClosedRange<Int>]
    package let cues: [ClosedRange<Int>]
    private let finder: SpeakerFinder
    /// Per token, the index in `contents` of the span holding it, or -1 (spans are disjoint).
    private let contentOf: [Int]
    /// Per token, whether a tagged cue holds it.
    private let inCue: [Bool]
    /// Whether the sentence-opening candidate stops before a lower-case past form.
    package var openingPhraseStopsAtVerb: Bool { options.openingPhraseStopsAtVerb }
    /// The options of candidates and their features (``QuoteExtractorOptions``).
    package let options: QuoteExtractorOptions
    /// The words the document writes in lower case somewhere: a capitalised one of them opening a
    /// sentence is no name (``SpeakerHead/of(_:in:opensSentence:lowercaseWords:)``).
    private let lowercaseWords: Set<String>

    package init(input: TaggerInput, tags: [QuoteTag], options: QuoteExtractorOptions = QuoteExtractorOptions()) {
        self.input = input
        self.options = options
        sources = QuoteTaggerModel.spans(tags, begin: .sourceBegin, inside: .sourceInside)
        cues = QuoteTaggerModel.spans(tags, begin: .cueBegin, inside: .cueInside)
        finder = SpeakerFinder(tokens: input.tokens)
        // Content spans trimmed of punctuation at their ends (quote marks apart).
        let tokens = input.tokens
        contents = QuoteTaggerModel.spans(tags, begin: .contentBegin, inside: .contentInside).compactMap { span in
            var a = span.lowerBound
            var b = span.upperBound
            while a < b, !tokens[a].isWord, !input.isMark[a] { a += 1 }
            while b > a, !tokens[b].isWord, !input.isMark[b] { b -= 1 }
            return tokens[a...b].contains(where: \.isWord) ? a...b : nil
        }
        var contentOf = [Int](repeating: -1, count: tokens.count)
        for (index, span) in contents.enumerated() { for k in span { contentOf[k] = index } }
        self.contentOf = contentOf
        var inCue = [Bool](repeating: false, count: tokens.count)
        for span in cues { for k in span { inCue[k] = true } }
        self.inCue = inCue
        lowercaseWords = Set(tokens.lazy.filter { $0.isWord && !$0.isCapitalized && !$0.isAllCaps }.map(\.lower))
    }

    /// The head class of the candidate `range` (``SpeakerHead``).
    package func head(_ range: ClosedRange<Int>) -> SpeakerHead {
        let opens = range.lowerBound == 0 || sentence[range.lowerBound - 1] != sentence[range.lowerBound]
            || input.isMark[range.lowerBound - 1]
        return SpeakerHead.of(range, in: input.tokens, opensSentence: opens, lowercaseWords: lowercaseWords)
    }

    private var sentence: [Int] { input.sentence }

    /// Whether token `k` lies in a tagged content, source or cue span.
    package func isTagged(_ k: Int) -> Bool { contentOf[k] >= 0 || inCue[k] || sources.contains { $0.contains(k) } }

    static func gap(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Int {
        b.lowerBound > a.upperBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }

    func sameSentence(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Bool {
        sentence[a.lowerBound] <= sentence[b.upperBound] && sentence[b.lowerBound] <= sentence[a.upperBound]
    }

    func sentenceBounds(_ k: Int) -> Range<Int> {
        var a = k
        while a > 0, sentence[a - 1] == sentence[k] { a -= 1 }
        var b = k + 1
        while b < input.tokens.count, sentence[b] == sentence[k] { b += 1 }
        return a..<b
    }

    /// The tagged cue nearest to `content` in its sentences.
    package func cue(for content: ClosedRange<Int>) -> ClosedRange<Int>? {
        cues.filter { sameSentence($0, content) }.min { Self.gap($0, content) < Self.gap($1, content) }
    }

    /// A tagged source cut before an apposition or a parenthesis ("Ann Berg, the mayor of Oslo," ->
    /// "Ann Berg") and trimmed of punctuation, so that the mention is the name or the noun phrase.
    func trimmedSource(_ source: ClosedRange<Int>) -> ClosedRange<Int> {
        let tokens = input.tokens
        var end = source.upperBound
        if let cut = tokens[source].firstIndex(where: { ["," , "(", "\u{2014}", "\u{2013}"].contains($0.text) }),
            cut > source.lowerBound
        {
            end = cut - 1
        }
        while end > source.lowerBound, !tokens[end].isWord { end -= 1 }
        var start = source.lowerBound
        while start < end, !tokens[start].isWord { start += 1 }
        return start...end
    }

    /// Token range of a scalar range (the tokens starting inside it).
    func tokenRange(_ start: Int, _ end: Int) -> ClosedRange<Int>? {
        let tokens = input.tokens
        let lo = tokens.partitioningIndex { $0.start >= start }
        var last = lo
        guard lo < tokens.count, tokens[lo].start < end else { return nil }
        while last + 1 < tokens.count, tokens[last + 1].start < end { last += 1 }
        return lo...last
    }

    /// The subject of the reporting verb `cue` whose report is `content`, in one sentence:
    /// "X said (that) <content>" and "<content>, X said" give the phrase before the verb (auxiliaries
    /// and adverbs skipped), "<content>, said X" and "according to X, <content>" the phrase after it.
    /// Nil for a cue that is no reporting verb, a passive or relaying verb ("X was quoted by Y", "X
    /// cited Y as saying": the rules tell those apart), or a phrase that runs into the content.
    /// - Complexity: O(w) in the words of the sentence.
    package func cueSubject(for content: ClosedRange<Int>, cue: ClosedRange<Int>) -> ClosedRange<Int>? {
        let tokens = input.tokens
        guard sameSentence(cue, content), !cue.overlaps(content),
            let (length, kind) = finder.verb(at: cue.lowerBound)
        else { return nil }
        let bounds = sentenceBounds(cue.lowerBound)
        let after = cue.lowerBound + length
        func outside(_ phrase: ClosedRange<Int>) -> ClosedRange<Int>? {
            phrase.overlaps(content) || phrase.contains(where: { input.inQuote[$0] || input.isMark[$0] }) ? nil : phrase
        }
        switch kind {
        case .relaying:
            return nil
        case .according:
            // "according to X, <content>" or "<content>, according to X".
            return finder.forwardPhrase(from: after, upperBound: bounds.upperBound).flatMap(outside)
        case .plain, .telling:
            if cue.lowerBound > bounds.lowerBound,
                let (found, passive) = finder.backwardPhrase(endingAt: cue.lowerBound - 1, lowerBound: bounds.lowerBound)
            {
                guard !passive else { return nil }
                let subject = options.listenerNotSpeaker
                    ? finder.listenerAntecedent(of: found, lowerBound: bounds.lowerBound) ?? found : found
                let phrase = withRoleHead(subject, lowerBound: bounds.lowerBound)
                // A relative pronoun ("Ann Berg, who said ...") stays the mention: taking its
                // antecedent instead cost 29 of 2,304 right speakers on held-out training articles,
                // the annotation marking the pronoun.
                // Before the content ("X said ...") or between it and the verb ("..., X said").
                if phrase.upperBound < content.lowerBound || phrase.lowerBound > content.upperBound {
                    return outside(phrase)
                }
                return nil
            }
            // Inverted, only after the content: "<content>, said X" (words between are punctuation).
            guard content.upperBound < cue.lowerBound,
                !tokens[(content.upperBound + 1)..<cue.lowerBound].contains(where: \.isWord)
            else { return nil }
            return finder.forwardPhrase(from: after, upperBound: bounds.upperBound).flatMap(outside)
        }
    }

    /// Whether the phrase `range` can be a speaker beside `cue` (``SpeakerHead``): a name, a
    /// pronoun, a role or organisation noun; a publication only as the subject of the cue ("the
    /// report says", "said the report", "according to the report").
    /// - Complexity: O(1) but for the words between the phrase and the cue (a few auxiliaries).
    package func canSpeak(_ range: ClosedRange<Int>, cue: ClosedRange<Int>?) -> Bool {
        switch head(range) {
        case .pronoun, .name, .role: return true
        case .other, .modifier, .noNoun: return false
        case .publication:
            guard let cue else { return false }
            return isSubject(range, of: cue)
        }
    }

    /// Whether `phrase` stands right before `cue` (auxiliaries and adverbs between) or right after
    /// it: the cue's subject, in the plain or the inverted order.
    func isSubject(_ phrase: ClosedRange<Int>, of cue: ClosedRange<Int>) -> Bool {
        let tokens = input.tokens
        if phrase.lowerBound == cue.upperBound + 1 { return true }
        var k = phrase.upperBound + 1
        while k < cue.lowerBound, tokens[k].isWord, Lexicon.auxiliaries.contains(tokens[k].lower) || tokens[k].lower.hasSuffix("ly") {
            k += 1
        }
        return k == cue.lowerBound
    }

    /// "X: <content>": the content starts right after a colon that follows the short noun phrase
    /// opening its sentence (a headline's or a caption's speaker, a transcript's turn). Returns that
    /// phrase: at most six words, capitalised at its end, with no reporting verb.
    package func colonSpeaker(for content: ClosedRange<Int>) -> ClosedRange<Int>? {
        let tokens = input.tokens
        var colon = content.lowerBound - 1
        while colon >= 0, input.isMark[colon] { colon -= 1 }
        guard colon >= 1, tokens[colon].text == ":", sentence[colon] == sentence[content.lowerBound] else { return nil }
        let start = sentenceBounds(colon).lowerBound
        guard start < colon, let phrase = finder.forwardPhrase(from: start, upperBound: colon),
            phrase.upperBound == colon - 1, tokens[phrase].filter(\.isWord).count <= 6,
            tokens[phrase.upperBound].isCapitalized, !phrase.contains(where: { input.inQuote[$0] || input.isMark[$0] })
        else { return nil }
        return phrase
    }

    /// "A spokesperson for the ministry said": the speaker is the role before "for"/"of"/"at", so
    /// the phrase before a cue is taken back over it.
    private func withRoleHead(_ phrase: ClosedRange<Int>, lowerBound: Int) -> ClosedRange<Int> {
        let tokens = input.tokens
        let link = phrase.lowerBound - 1
        if link - 1 >= lowerBound, ["for", "of", "at"].contains(tokens[link].lower),
            Lexicon.titles.contains(tokens[link - 1].stem) || Lexicon.roleSynonyms[tokens[link - 1].stem] != nil,
            let (head, _) = finder.backwardPhrase(endingAt: link - 1, lowerBound: lowerBound)
        {
            return head.lowerBound...phrase.upperBound
        }
        return phrase
    }

    /// The speaker candidates of `content`: tagged sources up to two sentences before and one
    /// after, the phrase beside its cue, and the speaker of an overlapping rule quote.
    /// - Complexity: O(s + r) for s tagged sources and r rule quotes, plus the features of each candidate.
    package func candidates(for content: ClosedRange<Int>, cue: ClosedRange<Int>?, rule: QuoteOccurrence?) -> [SpeakerCandidate] {
        var found: [SpeakerCandidate] = []
        func add(_ range: ClosedRange<Int>, _ origin: SpeakerCandidateOrigin) {
            guard !(range.lowerBound <= content.upperBound && content.lowerBound <= range.upperBound) else { return }
            // A relative clause ("..., whose remarks were translated, said") describes the speaker and
            // is not the speaker; a lone "who" stands for its antecedent and stays a candidate.
            guard range.count == 1 || !Self.relativePronouns.contains(input.tokens[range.lowerBound].lower) else { return }
            // A dateline ("MONTREAL \u{2014}", "OSLO (AP) \u{2014}") says where, not who (``PageLabels``).
            guard !options.pageLabels || !isDateline(range) else { return }
            // Only a mention: not a cut "The federal", not "Recalling" opening a sentence.
            guard !options.speakersMustSpeak || (origin == .tagger || origin == .ruleQuote) && !options.taggedSpeakersMustSpeak
                || head(range).isMention
            else { return }
            if let index = found.firstIndex(where: { $0.range == range }) {
                found[index].origins.insert(origin)
            } else {
                found.append(SpeakerCandidate(range: range, origins: [origin]))
            }
        }
        let first = sentence[content.lowerBound] - 2
        let last = sentence[content.upperBound] + 1
        for source in sources where sentence[source.upperBound] >= first && sentence[source.lowerBound] <= last {
            add(trimmedSource(source), .tagger)
        }
        if let cue {
            // The subject before the cue is a candidate whatever the verb (PolNeAR-style cues include
            // "believes", "argued", "warned"); the phrase after it only after a reporting verb, or
            // when the content stands before the cue ("<clause>, said X"): after another verb it is
            // the object, what was said.
            let verb = finder.verb(at: cue.lowerBound)
            let reporting = verb != nil
            let bounds = sentenceBounds(cue.lowerBound)
            var subjectBefore = false
            if cue.lowerBound > bounds.lowerBound,
                let found = finder.backwardPhrase(endingAt: cue.lowerBound - 1, lowerBound: bounds.lowerBound)
            {
                var phrase = found.phrase
                if options.listenerNotSpeaker, let antecedent = finder.listenerAntecedent(of: phrase, lowerBound: bounds.lowerBound) {
                    phrase = antecedent
                }
                add(withRoleHead(phrase, lowerBound: bounds.lowerBound), .cuePhrase)
                subjectBefore = true
            }
            // "X told reporters ...": after its subject, the object of "told" is who listened.
            let listenerAfter = options.listenerNotSpeaker && subjectBefore && verb?.kind == .telling
            if reporting || content.upperBound < cue.lowerBound, !listenerAfter,
                let phrase = finder.forwardPhrase(from: cue.upperBound + 1, upperBound: bounds.upperBound)
            {
                add(phrase, .cuePhrase)
            }
        }
        if let rule, let s = rule.speakerStart, let e = rule.speakerEnd, let range = tokenRange(s, e) {
            add(range, .ruleQuote)
        }
        addMentions(near: content, add)
        let byDistance = found.indices.sorted { Self.gap(found[$0].range, content) < Self.gap(found[$1].range, content) }
        for (rank, index) in byDistance.enumerated() {
            found[index].features = features(found[index], content: content, cue: cue, rank: rank)
        }
        return found
    }

    /// The candidates the ranker chooses among when the speaker of a content is sought: who was
    /// spoken to ("to the weekly Valley Gazette", ``isAfterTo(_:)``) is nobody who spoke, whichever
    /// part found it. The ranker is trained on all of ``candidates(for:cue:rule:)``; this only
    /// narrows its choice (``QuoteExtractorOptions/listenersAfterTo``).
    /// - Complexity: O(c) for c candidates.
    package func speakerChoices(_ candidates: [SpeakerCandidate]) -> [SpeakerCandidate] {
        guard options.listenersAfterTo else { return candidates }
        return candidates.filter { !isAfterTo($0.range) }
    }

    /// Whether the phrase `range` stands right after "to" as its object: "to Channel 9", "to the
    /// weekly Valley Gazette" (the phrase's own determiner right after "to", then modifiers and
    /// nouns, at most four words, no punctuation). Not "according to X" or "attributed to X", which
    /// name the speaker; not a pronoun ("reporters who said"), a possessive ("counter to the
    /// mayor's plan"), a phrase after a preposition of its own ("to the letter of a union") or the
    /// object of an infinitive ("to remember Ann Berg", a lower-case word right after "to"). A
    /// second noun phrase with its own determiner ("in response to a letter the union sent") is
    /// still taken for the object.
    /// - Complexity: O(1): five tokens at most.
    package func isAfterTo(_ range: ClosedRange<Int>) -> Bool {
        let tokens = input.tokens
        guard head(range) != .pronoun, !tokens[range.upperBound].isPossessive else { return false }
        var k = range.lowerBound - 1
        var skipped = 0
        while k >= 0, skipped <= 4, tokens[k].isWord, !input.isMark[k], sentence[k] == sentence[range.lowerBound] {
            let word = tokens[k].lower
            if word == "to" {
                // The word after "to" opens the object: the phrase itself, its determiner or a
                // capitalised modifier.
                let first = tokens[k + 1]
                guard k + 1 == range.lowerBound || Lexicon.determiners.contains(first.lower) || first.isCapitalized else { return false }
                guard k > 0, tokens[k - 1].isWord else { return true }
                return !["according", "attributed", "due", "thanks"].contains(tokens[k - 1].lower)
            }
            // Only the object's own words stand between: no verb, no clause word, and a
            // determiner only right after "to".
            guard !Lexicon.phraseStops.contains(word) || Lexicon.determiners.contains(word),
                !Lexicon.auxiliaries.contains(word), !Lexicon.reportingVerbs.contains(word),
                !Lexicon.determiners.contains(word) || k > 0 && tokens[k - 1].lower == "to"
            else { return false }
            k -= 1
            skipped += 1
        }
        return false
    }

    /// Whether `range` is a dateline's place: words in capitals opening their paragraph (after an
    /// opening parenthesis at most), then, within a few tokens of a state or country and an
    /// agency in parentheses ("DOVER, Del. (AP)"), a dash.
    /// - Complexity: O(1): a dozen tokens at most.
    func isDateline(_ range: ClosedRange<Int>) -> Bool {
        let tokens = input.tokens
        var a = range.lowerBound
        if a > 0, tokens[a - 1].text == "(", tokens[a - 1].paragraph == tokens[a].paragraph { a -= 1 }
        guard a == 0 || tokens[a - 1].paragraph != tokens[a].paragraph,
            tokens[range].contains(where: \.isWord),
            tokens[range].allSatisfy({ !$0.isWord || ($0.isAllCaps && $0.text.count >= 2) })
        else { return false }
        var k = range.upperBound + 1
        while k < tokens.count, k <= range.upperBound + 12, tokens[k].paragraph == tokens[a].paragraph {
            let token = tokens[k]
            if ["\u{2014}", "\u{2013}", "-", "--"].contains(token.text) { return true }
            guard [",", ".", "(", ")"].contains(token.text) || token.isCapitalized || token.isAllCaps else { return false }
            k += 1
        }
        return false
    }

    private static let mentionPronouns: Set<String> = ["he", "she", "they", "i", "we", "who", "it"]
    private static let relativePronouns: Set<String> = ["who", "whose", "whom", "which"]

    /// Names (capitalised runs without titles), personal and relative pronouns, and each
    /// sentence's opening noun phrase, in the sentence of `content` and the one before, outside
    /// quote marks and outside every content span.
    /// - Complexity: O(w) in the tokens of those sentences.
    private func addMentions(near content: ClosedRange<Int>, _ add: (ClosedRange<Int>, SpeakerCandidateOrigin) -> Void) {
        let tokens = input.tokens
        let first = sentenceBounds(content.lowerBound)
        var lower = first.lowerBound
        if lower > 0 { lower = sentenceBounds(lower - 1).lowerBound }
        let upper = sentenceBounds(content.upperBound).upperBound
        func free(_ k: Int) -> Bool {
            !input.inQuote[k] && !input.isMark[k] && contentOf[k] < 0 && !content.contains(k)
        }
        var k = lower
        while k < upper {
            let token = tokens[k]
            guard token.isWord, free(k) else {
                k += 1
                continue
            }
            // The opening phrase stops before the sentence's cue or a content span.
            if k == lower || sentence[k - 1] != sentence[k],
                var phrase = finder.forwardPhrase(
                    from: k, upperBound: (k..<upper).first { j in !free(j) || inCue[j] } ?? upper)
            {
                // The phrase stops before the sentence's own verb ("The vote ended ..." is "The
                // vote"): a lower-case past form after the first word is no part of a noun phrase.
                if openingPhraseStopsAtVerb, let verb = phrase.dropFirst().first(where: { j in
                    let w = tokens[j].lower
                    return !tokens[j].isCapitalized && w.count > 3 && w.hasSuffix("ed") && !w.hasSuffix("eed")
                }) {
                    phrase = phrase.lowerBound...(verb - 1)
                }
                if phrase.count > 1 || !Lexicon.determiners.contains(tokens[phrase.lowerBound].lower) {
                    add(phrase, .mention)
                }
            }
            if Self.mentionPronouns.contains(token.lower) {
                add(k...k, .mention)
                k += 1
                continue
            }
            if token.isCapitalized {
                let run = MentionResolver.capitalisedRun(tokens, from: k)
                let start = MentionResolver.nameStart(tokens, run: run)
                var end = run.upperBound - 1
                while end >= start, !tokens[end].isWord { end -= 1 }
                if start <= end, end < upper, (start...end).allSatisfy(free) {
                    add(start...end, .mention)
                }
                k = max(run.upperBound, k + 1)
                continue
            }
            k += 1
        }
    }

    private func features(_ candidate: SpeakerCandidate, content: ClosedRange<Int>, cue: ClosedRange<Int>?, rank: Int) -> [UInt64] {
        let tokens = input.tokens
        let s = candidate.range
        let before = s.upperBound < content.lowerBound
        let direction = before ? "B" : "A"
        let sentences = before ? sentence[s.upperBound] - sentence[content.lowerBound] : sentence[s.lowerBound] - sentence[content.upperBound]
        let gap = Self.gap(s, content)
        let gapBucket = gap <= 1 ? "1" : gap <= 3 ? "3" : gap <= 6 ? "6" : gap <= 12 ? "12" : gap <= 25 ? "25" : "L"
        let origins = candidate.origins.map(\.rawValue).sorted().joined(separator: "+")
        let head = tokens[s.upperBound]
        let kind = Lexicon.pronouns.contains(head.lower) && s.count == 1 ? "pron"
            : head.isCapitalized ? "cap" : head.isWord ? "low" : "punct"
        let between = sources.filter { before ? ($0.lowerBound > s.upperBound && $0.upperBound < content.lowerBound)
            : ($0.lowerBound > content.upperBound && $0.upperBound < s.lowerBound) }.count
        var cueRelation = "none"
        var cueWord = "none"
        if let cue {
            cueWord = tokens[cue.lowerBound].lower + (s.upperBound < cue.lowerBound ? "<" : ">")
            let cueGap = Self.gap(s, cue)
            let side = s.upperBound < cue.lowerBound ? "left" : "right"
            let cueBetween = before ? cue.lowerBound > s.upperBound && cue.upperBound < content.lowerBound
                : cue.lowerBound > content.upperBound && cue.upperBound < s.lowerBound
            cueRelation = "\(side)\(cueGap <= 1 ? "1" : cueGap <= 3 ? "3" : cueGap <= 8 ? "8" : "L")\(cueBetween ? "btw" : "")"
        }
        let direct = input.inQuote[content.lowerBound] || input.isMark[content.lowerBound] ? "dq" : "iq"
        let rankName = rank >= 3 ? "3" : String(rank)
        let quoted = input.inQuote[s.lowerBound] ? "q" : "o"
        // Inside another content span: a name mentioned in what someone said is rarely its speaker.
        let holder = contentOf[s.lowerBound]
        let inContent = holder >= 0 && contents[holder] != content ? "in" : "out"
        let paragraph = tokens[s.lowerBound].paragraph == tokens[content.lowerBound].paragraph ? "same" : "other"
        let role = Lexicon.titles.contains(head.stem) || Lexicon.roleSynonyms[head.stem] != nil ? "role" : "-"
        // The candidate right before the cue (auxiliaries and adverbs between): the cue's subject.
        var subjectOfCue = "-"
        if let cue {
            var k = s.upperBound + 1
            while k < cue.lowerBound, tokens[k].isWord,
                Lexicon.auxiliaries.contains(tokens[k].lower) || tokens[k].lower.hasSuffix("ly")
            {
                k += 1
            }
            if k == cue.lowerBound { subjectOfCue = "subj" } else if s.lowerBound == cue.upperBound + 1 { subjectOfCue = "inv" }
        }
        let opensSentence = s.lowerBound == 0 || sentence[s.lowerBound - 1] != sentence[s.lowerBound] ? "open" : "-"
        // Each feature is the pairing hash of its text, the pieces hashed in order without
        // building the string ("d:" + direction + sentences hashes as "d:B0").
        let sentencesText = String(sentences)
        typealias F = QuoteFeatures
        var values: [UInt64] = [
            F.pairHash("bias"), F.pairHash("o:", origins), F.pairHash("d:", direction, sentencesText),
            F.pairHash("g:", direction, gapBucket, sentencesText),
            F.pairHash("k:", kind), F.pairHash("h:", head.lower), F.pairHash("f:", tokens[s.lowerBound].lower),
            F.pairHash("n:", String(min(between, 2))),
            F.pairHash("c:", cueRelation), F.pairHash("co:", cueRelation, origins), F.pairHash("ko:", kind, origins),
            F.pairHash("r:", rankName),
            F.pairHash("ro:", rankName, origins), F.pairHash("dq:", direct, origins, direction), F.pairHash("q:", quoted),
            F.pairHash("l:", String(min(s.count, 6))), F.pairHash("kd:", kind, direction, sentencesText),
            F.pairHash("cw:", cueWord),
            F.pairHash("cwk:", cueWord, kind), F.pairHash("ic:", inContent, kind), F.pairHash("p:", paragraph, direction),
            F.pairHash("role:", role, kind),
            F.pairHash("sc:", subjectOfCue, kind), F.pairHash("sco:", subjectOfCue, origins), F.pairHash("kc:", kind, cueRelation),
            F.pairHash("os:", origins, direction, sentencesText), F.pairHash("open:", opensSentence, kind),
            F.pairHash("dk:", direct, kind, quoted), F.pairHash("icd:", inContent, direct),
        ]
        // What the phrase's head is (a name, a role, a publication, another noun): "the question"
        // beside a cue is rarely who spoke, "the report" only as its verb's subject.
        if options.speakerHeadFeatures {
            let speakerHead = self.head(s).rawValue
            values += [
                F.pairHash("hd:", speakerHead), F.pairHash("hdo:", speakerHead, origins),
                F.pairHash("hds:", speakerHead, subjectOfCue),
                F.pairHash("hdd:", speakerHead, direction, sentencesText), F.pairHash("hdc:", speakerHead, cueRelation),
                F.pairHash("hdq:", speakerHead, direct, inContent),
            ]
        }
        return values
    }
}

extension QuoteExtractor {
    /// The tagger's attributions merged with the rules' quotes.
    /// - Complexity: O(n · f + n · t²) for the tagging of n tokens, plus O(q · r) for q tagged and
    ///   r rule quotes (both a handful per paragraph).
    func merged(article: Article, text: ScalarText, input: TaggerInput, resolver: MentionResolver, ruleBased: [QuoteOccurrence]) -> [QuoteOccurrence] {
        guard !input.tokens.isEmpty else { return ruleBased }
        let tokens = input.tokens
        let tagged = TaggedAttributions(
            input: input,
            tags: model.tag(
                input, contentBias: options.contentBias,
                extraContentBias: options.cueSentenceBias == 0 ? nil : Self.cueSentenceBias(input: input, bias: options.cueSentenceBias)),
            options: options)

        var found: [QuoteOccurrence] = []
        for var content in tagged.contents {
            // `"…," said emergency nurse Ann Berg.`: the phrase after the verb is who spoke, and the
            // rules' direct quote before it holds what was said.
            if options.lowercaseRoleInversion, Self.isLowercaseRoleSpeaker(content, input: input, afterQuote: true) { continue }
            if options.invertedAttribution, let clause = Self.invertedReport(
                content, input: input, irregularPasts: options.complementNotFronted, lowercaseRoles: options.lowercaseRoleInversion)
            {
                // Another content already holds the report: this span was only its speaker.
                if tagged.contents.contains(where: { $0 != content && $0.overlaps(clause) }) { continue }
                content = clause
            }
            // "<clause>, the union's president, Tom Reyes, said": a part of the apposition is who
            // spoke; the clause before it is what was said.
            if options.appositiveSubjects,
                let clause = Self.appositiveReport(content, input: input, relativeClauses: options.relativeClauseSubjects)
            {
                if tagged.contents.contains(where: { $0 != content && $0.overlaps(clause) }) { continue }
                content = clause
            }
            // "<clause>, X told reporters outside the legislature": the tail says where, the clause
            // before the attribution is what was said.
            if options.adverbialTails, let tail = Self.adverbialTailReport(content, input: input) {
                if tail.quoted || tagged.contents.contains(where: { $0 != content && $0.overlaps(tail.clause) }) { continue }
                content = tail.clause
            }
            // "said that <clause>": the clause is the content.
            if content.lowerBound < content.upperBound, tokens[content.lowerBound].lower == "that" {
                content = (content.lowerBound + 1)...content.upperBound
            }
            content = Self.extendedAfterParentheticalCue(content, input: input)
            guard tokens[content].filter(\.isWord).count >= options.minimumWords else { continue }
            let cue = tagged.cue(for: content)
            // The speaker is sought around the span the tagger found: words the clause bounds add
            // are part of what was said, and candidates beside the tagged span keep their places.
            var attributed = content
            if let cue, options.clauseToSentenceEnd || options.clauseFromSentenceStart {
                content = Self.extendedToClauseBounds(
                    content, cue: cue, input: input, tagged: tagged,
                    toEnd: options.clauseToSentenceEnd, fromStart: options.clauseFromSentenceStart)
            }
            // "The board's statement that <clause> calmed parents": the clause ends before the
            // sentence's own verb.
            if options.nounClauseEndsAtMainVerb, content.lowerBound >= 2, tokens[content.lowerBound - 1].lower == "that",
                Self.reportNouns.contains(tokens[content.lowerBound - 2].lower)
            {
                let sentenceStart = tagged.sentenceBounds(content.lowerBound).lowerBound
                if let holder = Self.stanceHolder(
                    ofNoun: content.lowerBound - 2, lowerBound: sentenceStart, tokens: tokens, finder: SpeakerFinder(tokens: tokens)),
                    holder.lowerBound == sentenceStart
                {
                    content = Self.clauseBeforeMainVerb(content, tokens: tokens)
                    attributed = attributed.clamped(to: content)
                }
            }
            // "X said A, but Y said B": the content ends before the second report, which the rules
            // give its own speaker.
            if options.reportsInOneSentence, !content.contains(where: { input.inQuote[$0] || input.isMark[$0] }) {
                var end = content.upperBound + 1
                while end < tokens.count, input.sentence[end] == input.sentence[content.lowerBound] { end += 1 }
                while end > content.upperBound + 1, !tokens[end - 1].isWord { end -= 1 }
                if let (cut, _) = followingReport(
                    in: content, end: end, attribution: Attribution(speaker: content, cue: "", reporter: nil),
                    tokens: tokens, finder: SpeakerFinder(tokens: tokens), text: text)
                {
                    content = content.lowerBound...cut
                    attributed = attributed.clamped(to: content)
                }
            }
            var range = tokens[content.lowerBound].start..<tokens[content.upperBound].end
            let rule = ruleBased.filter { $0.start < range.upperBound && range.lowerBound < $0.end }
                .max { overlap($0, range) < overlap($1, range) }
            var kind = QuoteKind.indirect
            if let rule, options.preferRuleSpans, covers(rule, content, input: input) {
                // The tagged span is the rule's quote give or take marks and punctuation: report the
                // rule's span (the words between the marks, or the rule's clause).
                range = rule.start..<rule.end
                kind = rule.kind
                content = tagged.tokenRange(rule.start, rule.end) ?? content
                attributed = content
            } else if input.isMark[content.lowerBound], input.isMark[content.upperBound] {
                kind = .direct
            }
            if options.requireCue, cue == nil, rule == nil, kind == .indirect { continue }
            if !options.speakerBesideTaggedSpan { attributed = content }
            let candidates = tagged.speakerChoices(tagged.candidates(for: attributed, cue: cue, rule: rule))
            var fixedSpeaker: ClosedRange<Int>? = nil
            if options.colonAttribution { fixedSpeaker = tagged.colonSpeaker(for: attributed) }
            if fixedSpeaker == nil, options.speakerIsCueSubject, let cue {
                fixedSpeaker = tagged.cueSubject(for: attributed, cue: cue)
                // A subject that cannot speak ("The question", he said, ...) is not forced: the
                // ranker chooses among the mentions that can.
                if options.subjectMustSpeak, let subject = fixedSpeaker, !tagged.canSpeak(subject, cue: cue) {
                    fixedSpeaker = nil
                }
            }
            var occurrence = QuoteOccurrence(
                start: range.lowerBound, end: range.upperBound, text: text.string(range), kind: kind,
                cue: cue.map { tokens[$0].map(\.text).joined(separator: " ") })
            // The relay chain belongs to the words reported: the rules' chain when they found them too.
            occurrence.via = rule?.via ?? RelayChain.via(firstReporter: nil, article: article)
            // "X quoted Y as saying", "X cited Y as telling": the rules tell the reporter from the
            // speaker there, which the tagger, seeing two names beside a cue, cannot.
            let relayed = rule.map { Lexicon.relayingVerbs.contains(($0.cue ?? "").split(separator: " ").first.map { $0.lowercased() } ?? "") } ?? false
            if let rule, relayed, rule.speaker != nil {
                occurrence.speaker = rule.speaker
                occurrence.speakerStart = rule.speakerStart
                occurrence.speakerEnd = rule.speakerEnd
                occurrence.cue = rule.cue
            } else if var best = model.bestSpeaker(candidates) ?? fixedSpeaker.map({ SpeakerCandidate(range: $0, origins: [.cuePhrase]) }) {
                // The grammar of the report names its speaker: take it over a phrase merely nearby.
                if let fixed = fixedSpeaker, !best.range.overlaps(fixed) {
                    best = candidates.first { $0.range == fixed } ?? SpeakerCandidate(range: fixed, origins: [.cuePhrase])
                }
                // A candidate on the rules' speaker mention ("World Bank" inside "the World Bank")
                // is the rules' attribution too.
                let bestRange = tokens[best.range.lowerBound].start..<tokens[best.range.upperBound].end
                let onRuleSpeaker = rule.map { r in
                    r.speakerStart.flatMap { s in r.speakerEnd.map { e in s < e && (s..<e).overlaps(bestRange) } } ?? false
                } ?? false
                if best.origins.contains(.ruleQuote) || onRuleSpeaker, let rule {
                    // The rules' attribution, with its cue and relay chain ("cited X as telling").
                    occurrence.speaker = rule.speaker
                    occurrence.speakerStart = rule.speakerStart
                    occurrence.speakerEnd = rule.speakerEnd
                    occurrence.cue = rule.cue
                } else {
                    let speaker = resolver.resolve(best.range)
                    occurrence.speaker = speaker.name
                    occurrence.speakerStart = speaker.start
                    occurrence.speakerEnd = speaker.end
                }
            } else if options.previousSpeaker, let previous = found.last, previous.speaker != nil,
                let end = tagged.tokenRange(previous.start, previous.end)?.upperBound,
                tokens[end].paragraph + 1 >= tokens[content.lowerBound].paragraph
            {
                occurrence.speaker = previous.speaker
                occurrence.speakerStart = previous.speakerStart
                occurrence.speakerEnd = previous.speakerEnd
            }
            found.append(occurrence)
        }

        var result = found
        for rule in ruleBased {
            guard rule.kind == .direct ? options.keepRuleDirect : options.keepRuleIndirect else { continue }
            if let clause = found.first(where: { $0.start < rule.end && rule.start < $0.end }) {
                // A quoted fragment inside a reported clause is kept as the direct quote it is, with
                // the clause's speaker when the rules found none.
                guard options.keepQuotedFragments, rule.kind == .direct, clause.kind == .indirect,
                    clause.start <= rule.start, rule.end <= clause.end
                else { continue }
                var fragment = rule
                if fragment.speaker == nil {
                    fragment.speaker = clause.speaker
                    fragment.speakerStart = clause.speakerStart
                    fragment.speakerEnd = clause.speakerEnd
                    fragment.cue = clause.cue
                }
                result.append(fragment)
                continue
            }
            result.append(rule)
        }
        if options.splitReportHeads {
            // "<head>, X said, <rest>": the head is reported too, by the rest's speaker.
            for quote in result {
                guard let first = tagged.tokenRange(quote.start, quote.end)?.lowerBound,
                    let head = Self.splitReportHead(before: first, input: input, timeWords: options.parentheticalAttributions)
                else { continue }
                let range = tokens[head.lowerBound].start..<tokens[head.upperBound].end
                guard !result.contains(where: { $0.start < range.upperBound && range.lowerBound < $0.end }) else { continue }
                var occurrence = quote
                occurrence.start = range.lowerBound
                occurrence.end = range.upperBound
                occurrence.text = text.string(range)
                occurrence.kind = .indirect
                result.append(occurrence)
            }
        }
        // One occurrence per span (the store's key).
        var seen = Set<Int>()
        result = result.filter { seen.insert($0.start &* 1_000_003 &+ $0.end).inserted }
        return result.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
    }

    /// Per token, `bias` for the words outside quote marks of a sentence that holds a verb of
    /// saying, thinking, stance or evidence (``CueVerbs/verbClass(_:)``, lower case, outside quote
    /// marks), else 0 (``QuoteExtractorOptions/cueSentenceBias``).
    /// - Complexity: O(n) in the tokens.
    static func cueSentenceBias(input: TaggerInput, bias: Float) -> [Float] {
        let tokens = input.tokens
        var extra = [Float](repeating: 0, count: tokens.count)
        var a = 0
        while a < tokens.count {
            var b = a
            while b < tokens.count, input.sentence[b] == input.sentence[a] { b += 1 }
            let outside = (a..<b).filter { !input.inQuote[$0] && !input.isMark[$0] }
            if outside.contains(where: { tokens[$0].isWord && !tokens[$0].isCapitalized && CueVerbs.verbClass(tokens[$0].lower) != nil }) {
                for k in outside { extra[k] = bias }
            }
            a = b
        }
        return extra
    }

    /// "Loyalty, he noted, has long been ...", "At the time, she said, ...", "That will be true,
    /// said Sherman, ...": the words opening a sentence before a parenthetical attribution (between
    /// commas, at most five words, a reporting verb first or last) are part of the report that
    /// goes on after it. `first` is the first token of that report's content (after its opening
    /// quote mark, if any). Returns the head: from the sentence's first word, outside quote marks,
    /// at most fifteen words, with no reporting verb of its own.
    /// - Complexity: O(w) in the words of the sentence.
    /// With `timeWords`, days and times may follow the verb ("The plan, the mayor said Tuesday, will
    /// cost ...": ``QuoteExtractorOptions/parentheticalAttributions``).
    static func splitReportHead(before first: Int, input: TaggerInput, timeWords: Bool = false) -> ClosedRange<Int>? {
        let tokens = input.tokens
        var s = first
        if s > 0, input.isMark[s - 1] { s -= 1 }
        guard s >= 4, tokens[s - 1].text == ",", input.sentence[s - 1] == input.sentence[first], !input.inQuote[s - 1] else { return nil }
        let finder = SpeakerFinder(tokens: tokens)
        var j = s - 2
        while j >= 0, tokens[j].isWord, s - 2 - j < 5 { j -= 1 }
        guard j >= 1, j < s - 2, tokens[j].text == ",", input.sentence[j] == input.sentence[first] else { return nil }
        let verbFirst = finder.verb(at: j + 1).map { $0.kind == .plain } ?? false
        func reportingVerb(_ k: Int) -> Bool { finder.verb(at: k).map { $0.kind == .plain || $0.kind == .telling } ?? false }
        let verbLast = reportingVerb(s - 2)
            || timeWords && j + 2 < s - 2 && ((j + 2)..<(s - 2)).contains { v in reportingVerb(v) && afterTimeWords(from: v + 1, end: s - 1, tokens: tokens) == s - 1 }
        guard verbFirst || verbLast else { return nil }
        var start = j - 1
        while start > 0, input.sentence[start - 1] == input.sentence[j] { start -= 1 }
        while start < j, !tokens[start].isWord { start += 1 }
        var end = j - 1
        while end > start, !tokens[end].isWord { end -= 1 }
        guard start <= end, tokens[end].isWord,
            !(start...end).contains(where: { input.inQuote[$0] || input.isMark[$0] || finder.verb(at: $0) != nil }),
            tokens[start...end].filter(\.isWord).count <= 15
        else { return nil }
        return start...end
    }

    /// A tagged content inside the adverbial tail of a fronted report's attribution ("<clause>, she
    /// told reporters outside [the legislature on Tuesday].", ``QuoteExtractorOptions/adverbialTails``):
    /// the reporting verb before it in its sentence follows a subject phrase and a comma, and from the
    /// verb's tail to the sentence's end there is nothing but adverbials. Returns the clause before
    /// the comma (from the sentence's first word, at least three words) and whether it holds quote
    /// marks (a direct quote, the rules' own). Nil for any other content.
    /// - Complexity: O(w) in the words of the sentence.
    static func adverbialTailReport(_ content: ClosedRange<Int>, input: TaggerInput) -> (clause: ClosedRange<Int>, quoted: Bool)? {
        let tokens = input.tokens
        let sentence = input.sentence[content.lowerBound]
        guard input.sentence[content.upperBound] == sentence, !input.inQuote[content.lowerBound], !input.isMark[content.lowerBound]
        else { return nil }
        var a = content.lowerBound
        while a > 0, input.sentence[a - 1] == sentence { a -= 1 }
        var end = content.upperBound + 1
        while end < tokens.count, input.sentence[end] == sentence { end += 1 }
        while end > content.upperBound + 1, !tokens[end - 1].isWord { end -= 1 }
        let finder = SpeakerFinder(tokens: tokens)
        for v in stride(from: content.lowerBound - 1, through: max(a + 1, content.lowerBound - 8), by: -1) {
            guard let start = adverbialTailStart(afterVerbAt: v, end: end, tokens: tokens, finder: finder) else { continue }
            guard start <= content.lowerBound,
                let (subject, passive) = finder.backwardPhrase(endingAt: v - 1, lowerBound: a), !passive,
                subject.lowerBound - 1 > a
            else { return nil }
            // The comma closing the clause, or the closing quote mark after it (`"...," X said`).
            var comma = subject.lowerBound - 1
            if input.isMark[comma], comma - 1 > a, tokens[comma - 1].text == "," { comma -= 1 }
            guard tokens[comma].text == "," else { return nil }
            var first = a
            while first < comma, !tokens[first].isWord, !input.isMark[first] { first += 1 }
            var last = comma - 1
            while last > first, !tokens[last].isWord, !input.isMark[last] { last -= 1 }
            guard first < last, tokens[first...last].filter(\.isWord).count >= 3 else { return nil }
            let quoted = (first...last).contains { input.inQuote[$0] || input.isMark[$0] }
            return (first...last, quoted)
        }
        return nil
    }

    /// "A, she said, B": a reporting verb and its short subject set between commas split one
    /// reported sentence, so a content starting right after them runs on to the end of the sentence
    /// (up to a quote mark).
    static func extendedAfterParentheticalCue(_ content: ClosedRange<Int>, input: TaggerInput) -> ClosedRange<Int> {
        let tokens = input.tokens
        let a = content.lowerBound
        guard a >= 4, tokens[a - 1].text == ",", !input.inQuote[a] else { return content }
        let v = a - 2
        guard SpeakerFinder(tokens: tokens).verb(at: v) != nil else { return content }
        var j = v - 1
        while j >= 0, v - j <= 4, tokens[j].isWord, input.sentence[j] == input.sentence[a] { j -= 1 }
        guard j >= 0, j < v - 1, tokens[j].text == ",", input.sentence[j] == input.sentence[a] else { return content }
        var end = content.upperBound
        while end + 1 < tokens.count, input.sentence[end + 1] == input.sentence[a], !input.isMark[end + 1] { end += 1 }
        while end > content.upperBound, !tokens[end].isWord { end -= 1 }
        return content.lowerBound...end
    }

    /// A content that is the inverted subject of a reporting verb after a comma or closing mark
    /// ("<report>, said the mayor, a former teacher."): it starts right after the verb, runs to the
    /// end of its sentence and opens like a noun phrase (a determiner, a capitalised word or a
    /// possessive). Returns the report before the comma: from the sentence's first word, at least
    /// three words, outside quote marks.
    static func invertedReport(
        _ content: ClosedRange<Int>, input: TaggerInput, irregularPasts: Bool = true, lowercaseRoles: Bool = false
    ) -> ClosedRange<Int>? {
        let tokens = input.tokens
        let a = content.lowerBound
        guard a >= 2, !input.inQuote[a], !input.isMark[a] else { return nil }
        let v = a - 1
        guard let (length, kind) = SpeakerFinder(tokens: tokens).verb(at: v), length == 1, kind == .plain,
            tokens[v - 1].text == ",", input.sentence[v - 1] == input.sentence[a]
        else { return nil }
        let first = tokens[a]
        guard first.isCapitalized || Lexicon.determiners.contains(first.lower) || first.isPossessive
            || lowercaseRoles && isLowercaseRoleSpeaker(content, input: input, afterQuote: false)
        else { return nil }
        // The phrase up to an apposition reads as a name or a role, not as a clause with its own
        // subject and verb ("..., said The Post had erred"): no auxiliary, modal, reporting verb,
        // "that" or lower-case past form, and a few words at most.
        let finder = SpeakerFinder(tokens: tokens)
        var head = a
        while head + 1 <= content.upperBound, tokens[head + 1].isWord || tokens[head + 1].text == "." { head += 1 }
        guard Self.readsAsSpeakerPhrase(a...head, tokens: tokens, finder: finder, irregularPasts: irregularPasts) else { return nil }
        // The content runs to the sentence's end (but for punctuation).
        var k = content.upperBound + 1
        while k < tokens.count, input.sentence[k] == input.sentence[a], !tokens[k].isWord, !input.isMark[k] { k += 1 }
        guard k == tokens.count || input.sentence[k] != input.sentence[a] else { return nil }
        var start = v - 2
        while start > 0, input.sentence[start - 1] == input.sentence[a] { start -= 1 }
        while start < v - 1, !tokens[start].isWord { start += 1 }
        var end = v - 2
        while end > start, !tokens[end].isWord { end -= 1 }
        guard start < end, !(start...end).contains(where: { input.inQuote[$0] || input.isMark[$0] }),
            tokens[start...end].filter(\.isWord).count >= 3
        else { return nil }
        return start...end
    }

    /// Whether `content` is the speaker of an inverted attribution written with the role before the
    /// name in lower case: it starts right after a one-word plain reporting verb that follows a
    /// comma (or, with `afterQuote`, a closing quote mark, the comma inside the quote), opens with a
    /// lower-case word, runs to its sentence's end, and up to an apposition's comma reads as a
    /// speaker phrase (``readsAsSpeakerPhrase(_:tokens:finder:irregularPasts:)``) whose last word
    /// is capitalised: "..., said emergency nurse Ann Berg", "...,” said longtime resident Tom Bell,
    /// who ...". With `afterQuote` only the quoted form counts (the rules' direct quote is the
    /// report); without it, only the comma form (``QuoteExtractorOptions/lowercaseRoleInversion``).
    /// - Complexity: O(w) in the words of the content.
    static func isLowercaseRoleSpeaker(_ content: ClosedRange<Int>, input: TaggerInput, afterQuote: Bool) -> Bool {
        let tokens = input.tokens
        let a = content.lowerBound
        guard a >= 3, !input.inQuote[a], !input.isMark[a], tokens[a].isWord, !tokens[a].isCapitalized, !tokens[a].isAllCaps
        else { return false }
        let v = a - 1
        let finder = SpeakerFinder(tokens: tokens)
        guard let (length, kind) = finder.verb(at: v), length == 1, kind == .plain, input.sentence[v - 1] == input.sentence[a]
        else { return false }
        let quoted = input.isMark[v - 1] && !input.inQuote[v - 1]
        guard afterQuote ? quoted : tokens[v - 1].text == "," else { return false }
        var head = a
        while head + 1 <= content.upperBound, tokens[head + 1].isWord || tokens[head + 1].text == "." { head += 1 }
        while head > a, !tokens[head].isWord { head -= 1 }
        guard head > a, tokens[head].isCapitalized,
            readsAsSpeakerPhrase(a...head, tokens: tokens, finder: finder, irregularPasts: true)
        else { return false }
        var k = content.upperBound + 1
        while k < tokens.count, input.sentence[k] == input.sentence[a], !tokens[k].isWord, !input.isMark[k] { k += 1 }
        return k == tokens.count || input.sentence[k] != input.sentence[a]
    }

    /// An indirect content beside its cue in one sentence, taken to the sentence's bounds on the side
    /// away from the cue: after "X said (that)" the complement clause runs to the sentence's end;
    /// before ", X said" the fronted clause starts the sentence. Only over words outside quote
    /// marks, other contents and other cues, so a second report in the sentence keeps its own span.
    /// - Complexity: O(w) in the words of the sentence.
    static func extendedToClauseBounds(
        _ content: ClosedRange<Int>, cue: ClosedRange<Int>, input: TaggerInput, tagged: TaggedAttributions,
        toEnd: Bool, fromStart: Bool
    ) -> ClosedRange<Int> {
        let tokens = input.tokens
        let a = content.lowerBound
        let b = content.upperBound
        guard !input.inQuote[a], !input.isMark[a], !input.inQuote[b], !input.isMark[b] else { return content }
        func free(_ k: Int) -> Bool {
            !input.inQuote[k] && !input.isMark[k] && !tagged.isTagged(k) && !(cue.contains(k))
        }
        if toEnd, cue.upperBound < a, a - cue.upperBound <= 3, input.sentence[cue.upperBound] == input.sentence[a] {
            var end = b
            while end + 1 < tokens.count, input.sentence[end + 1] == input.sentence[b], free(end + 1) { end += 1 }
            // Only when the rest of the sentence is free up to its closing punctuation.
            let sentenceEnds = end + 1 == tokens.count || input.sentence[end + 1] != input.sentence[b]
            while end > b, !tokens[end].isWord { end -= 1 }
            if sentenceEnds { return a...end }
        }
        if fromStart, b < cue.lowerBound, cue.lowerBound - b <= 4, input.sentence[b] == input.sentence[cue.lowerBound] {
            var start = a
            while start - 1 >= 0, input.sentence[start - 1] == input.sentence[a], free(start - 1) { start -= 1 }
            let sentenceStarts = start == 0 || input.sentence[start - 1] != input.sentence[a]
            while start < a, !tokens[start].isWord { start += 1 }
            if sentenceStarts { return start...b }
        }
        return content
    }

    /// Whether the tagged `content` lies within the rule quote's span but for marks, punctuation
    /// and (indirect quotes) at most two words outside it: the rule's span, built from the quote
    /// marks or the reporting verb, is then the better boundary.
    func covers(_ rule: QuoteOccurrence, _ content: ClosedRange<Int>, input: TaggerInput) -> Bool {
        let tokens = input.tokens
        let range = tokens[content.lowerBound].start..<tokens[content.upperBound].end
        guard overlap(rule, range) > 0 else { return false }
        var outsideWords = 0
        var after: [Int] = []
        // Words between the same marks (a transcript's "NAME:" label) are not outside a direct quote.
        for k in content where tokens[k].isWord && !(rule.kind == .direct && input.inQuote[k]) {
            let token = tokens[k]
            // "to parents that <clause>": the complementiser before a rule's clause is no word of
            // what was said (``QuoteExtractorOptions/thatBeforeRuleClause``).
            if token.end <= rule.start, !(options.thatBeforeRuleClause && rule.kind == .indirect && token.lower == "that") {
                outsideWords += 1
            }
            if token.start >= rule.end { after.append(k) }
        }
        // Words after a direct quote that hold its reporting verb are its attribution ("...," the
        // agency quoted X as saying), not more of what was said.
        if rule.kind == .direct, outsideWords == 0, !after.isEmpty {
            let finder = SpeakerFinder(tokens: tokens)
            if after.contains(where: { finder.verb(at: $0) != nil }) { return true }
        }
        guard overlap(rule, range) * 2 >= range.count else { return false }
        return outsideWords + after.count <= (rule.kind == .direct ? 0 : 2)
    }

    private func overlap(_ occurrence: QuoteOccurrence, _ range: Range<Int>) -> Int {
        min(occurrence.end, range.upperBound) - max(occurrence.start, range.lowerBound)
    }
}
