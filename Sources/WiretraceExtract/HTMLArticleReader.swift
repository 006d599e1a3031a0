import WiretraceCore

/// Reads an HTML page into article fields: content selection, metadata, credits.
struct HTMLArticleReader {
    let configuration: ExtractionConfiguration

    /// Reads one page. Never fails: a page without text yields empty `text`.
    ///
    /// - Parameters:
    ///   - url: the page's URL when the input gave one (its path may state the date).
    ///   - notAfter: the scrape time (seconds since 1970): no later date is a publication date.
    /// - Parameter outletKnown: the input names the outlet, so the page's links need not be read for it.
    func read(bytes: [UInt8], charset: String?, url givenURL: String? = nil, outletKnown: Bool = false, notAfter: Double) -> ExtractedFields {
        var fields = ExtractedFields()
        let prepared = PageBytes.prepare(bytes, charsetHint: charset)
        let parsed = HTMLDocument.parse(prepared.bytes, encoding: prepared.encoding, maximumDepth: configuration.maximumDOMDepth)
        fields.depthOverflow = parsed.depthOverflow
        guard let document = parsed.root, parsed.depthOverflow == nil else { return fields }
        Self.unwrapSwallowingElements(document)

        let selector = ContentSelector(document: document)
        let metadata = PageMetadata(document: document, contentHolders: selector.rootAncestors)
        let structured = metadata.structured

        fields.url = [metadata.canonicalURL, metadata.meta("og:url"), structured.url]
            .compactMap { $0 }.first(where: TextUtilities.isAbsoluteURL)
        fields.language = metadata.language
        for (name, evidence) in [
            (metadata.meta("og:site_name"), "og:site_name"), (structured.publisherName, "JSON-LD publisher"),
            (metadata.meta("application-name"), "application-name"),
        ] {
            if let name, !TextUtilities.isBlank(name) {
                fields.outlet = name
                fields.outletEvidence = evidence
                break
            }
        }
        // A walk over every link of the page, only for a page that names its outlet nowhere else.
        if !outletKnown, fields.outlet == nil, givenURL == nil, fields.url == nil {
            fields.inferredOutlet = OutletInference.guess(document: document)
        }

        let heading = firstHeading(in: selector.root) ?? firstArticleHeading(in: document)
        fields.title = metadata.meta("og:title", "twitter:title") ?? heading ?? structured.headline
        if let pageTitle = metadata.htmlTitle, !pageTitle.isEmpty {
            fields.pageTitle = pageTitle
        }

        let pageURL = givenURL ?? fields.url
        // The page's own unambiguous numeric dates decide how it writes the ambiguous ones; its
        // language and host only when it shows none.
        let visible = DateSightings.visibleText(of: document, limit: 100_000)
        // A page that declares no language is read in the language of its text: a German page
        // on a .com host writes its dates day first.
        let orderLanguage = fields.language.flatMap { TextUtilities.isBlank($0) ? nil : $0 }
            ?? LanguageIdentifier.identify(String(visible.prefix(20_000)))
        // A page saved without its URL is read by the host its own links name (a ".ie" site
        // writes day first); an outlet guessed from a copyright line is no host.
        let host = pageURL.flatMap(TextUtilities.host(of:))
            ?? fields.inferredOutlet.map(\.outlet).flatMap { $0.contains(".") && !$0.contains(" ") ? $0 : nil }
        let order = NumericDateOrder.shown(in: visible)
            ?? NumericDateOrder.forPage(language: orderLanguage, host: host)
        fields.publication = PublicationDateFinder(notAfter: notAfter, order: order)
            .find(document: document, metadata: metadata, url: pageURL)

        // Paragraphs: furniture, credits, captions and a leading byline sorted out.
        var filter = ParagraphFilter(titles: [fields.title, heading, fields.pageTitle])
        for block in selector.contentBlocks where !isLinkList(block) {
            filter.add(block.text)
        }
        var paragraphs = Self.withoutLeadingFields(filter.paragraphs)
        var credits = filter.credits
        if configuration.prefersStructuredBody, let body = structured.articleBody {
            var bodyFilter = ParagraphFilter(titles: [fields.title])
            for line in Self.structuredBodyLines(body) { bodyFilter.add(line) }
            let extractedLength = paragraphs.reduce(0) { $0 + $1.count }
            if bodyFilter.paragraphs.reduce(0, { $0 + $1.count }) > extractedLength {
                paragraphs = bodyFilter.paragraphs
                credits += bodyFilter.credits
            }
        }
        if paragraphs.isEmpty {
            // Content selection kept nothing: the page's prose blocks, so that `no-text` means no text.
            var fallback = ParagraphFilter(titles: [fields.title, heading, fields.pageTitle])
            for block in FallbackText.paragraphs(of: document) { fallback.add(block) }
            paragraphs = fallback.paragraphs
            credits += fallback.credits
        }
        // A media page (a video, a podcast episode) whose article is a line or two: its visible
        // summary, the paragraph the page describes itself with, is its text.
        if let description = metadata.meta("og:description", "description", "twitter:description"),
            let summary = Self.visibleSummary(of: document, describedAs: description, beside: paragraphs)
        {
            paragraphs.insert(summary, at: 0)
        }
        fields.text = paragraphs.joined(separator: "\n\n")

        let metaAuthor = metadata.meta(
            "author", "article:author", "byl", "sailthru.author", "parsely-author", "dcterms.creator", "dc.creator")
            .flatMap { TextUtilities.isAbsoluteURL($0) ? nil : $0 }
        // An article object's authors, else a web page object's people (never its organization).
        let structuredAuthors = structured.authors.names.isEmpty ? structured.pageAuthors : structured.authors
        let structuredAuthor = structuredAuthors.names.isEmpty ? nil : structuredAuthors.names.joined(separator: ", ")
        let elementByline = metadata.bylineElementText.map { TextSignals.byline(in: $0) ?? $0 }
        // Names only: openers ("By", "Von", "Par"), desks ("Redaktion") and agencies (credits) aside.
        // The outlet's own name is an author only when nothing else names one (a blog named for
        // its writer), and never beside an agency ("Le Quotidien avec AFP": the outlet and a credit).
        let siteHost = (givenURL ?? fields.url).flatMap(TextUtilities.host(of:))
        let siteNames = SiteNames(
            names: [
                fields.outlet, structured.publisherName, metadata.meta("application-name"),
                // The site's name after the title's separator ("Story | Hafen Heute").
                metadata.htmlTitle.flatMap { PageMetadata.outletSuffix(ofTitle: $0, host: siteHost) },
            ],
            host: siteHost)
        // A JSON-LD author typed `Person` goes before `<meta name="author">`, which often holds
        // the publisher ("Example Media Group") where the article's data names its writer.
        // Several `<meta name="author">` tags name one writer each ("Anna Berger", "Tom Krause"):
        // all of them, the site's own name and repeats left out, before the first tag alone.
        let metaWriters = metadata.metaAuthors.compactMap { TextSignals.authorName($0) }.filter { !siteNames.contains($0) }
        var seenWriters = Set<String>()
        let distinctWriters = metaWriters.filter { seenWriters.insert($0.lowercased()).inserted }
        let allMetaAuthors = metadata.metaAuthors.count >= 2 && !distinctWriters.isEmpty ? distinctWriters.joined(separator: ", ") : nil
        // Author keys of other vocabularies, each in turn when the ones before hold the site's
        // name or a desk ("og:article:author", an analytics tag's `cXenseParse:author`).
        let otherMeta = ["og:article:author", "article:author_name", "cxenseparse:author"]
            .compactMap { metadata.meta($0) }.filter { !TextUtilities.isAbsoluteURL($0) }
        let metaValues = [allMetaAuthors, metaAuthor] + otherMeta.map { Optional($0) }
        let stated = structuredAuthors.arePeople ? [structuredAuthor] + metaValues : metaValues + [structuredAuthor]
        // A named part of the byline element when the whole reads as a desk ("By NAME Outlet
        // Staff"); not when it names an agency and a place or day ("Reuters, Washington").
        let wholeNamesDesk = metadata.bylineElementText.map { TextSignals.namesOnlyDesk($0) } ?? false
        let bylineParts = wholeNamesDesk ? metadata.bylineElementParts.map { TextSignals.byline(in: $0) ?? $0 } : []
        let authors = (stated + [elementByline] + bylineParts + [filter.byline, metadata.labelledByline, metadata.dateLineName])
            .compactMap { $0 }
            .compactMap { value in TextSignals.authorName(value).map { (value: value, name: $0) } }
        // A writer's name goes before the site's own (its abbreviation or brand too: "LN" of "LN -
        // Lübecker Nachrichten"). The site's name alone is no author ("Example Today", a blog's
        // title), unless the option `siteNameAsAuthor` keeps it as pages state it in their author
        // fields. (A site named for its writer loses its author so: on the htmldate train part
        // the two-word site names whose host spells them were a newspaper's and a blog's titles.)
        fields.byline = authors.first { !siteNames.contains($0.name) }?.name
            ?? (configuration.siteNameAsAuthor ? authors.first { TextSignals.trailingAgency($0.value) == nil }?.name : nil)

        // A byline that names an agency ("Reuters", "By The Associated Press") is a credit too.
        var bylineCredits: [WireCredit] = []
        for candidate in [metadata.bylineElementText, metaAuthor, structuredAuthor].compactMap({ $0 }) {
            // "Reuters", "Anna Berger (dpa)", "Reuters, Washington".
            if let agency = CreditDetector.agency(named: candidate) ?? TextSignals.trailingAgency(candidate)
                ?? CreditDetector.agency(named: candidate.components(separatedBy: ", ")[0])
                ?? TextSignals.agencyBeforeTitle(candidate)
            {
                bylineCredits.append(WireCredit(agency: agency, text: candidate))
            } else {
                bylineCredits += CreditDetector.analyze(line: candidate).credits
            }
        }
        fields.credits = bylineCredits + credits
        fields.dateline = ParagraphFilter.dateline(in: paragraphs)
        return fields
    }

    /// Words of text below which a page's text is read as a media page's few lines.
    static let mediaPageWords = 30

    /// Shortest run of field lines dropped before the text.
    static let leadingFieldRun = 4

    /// The paragraphs without a leading run of field lines: at least ``leadingFieldRun`` lines of
    /// one to three words each, none ending a sentence, before the first prose paragraph (a
    /// forum post's profile box, "Mitglied seit / 28. Juni 2014 / Beiträge / 2.206", a page's
    /// label-and-value facts). A shorter run may be a heading and its dateline, and is kept.
    /// - Complexity: O(p) in the paragraphs of the run.
    static func withoutLeadingFields(_ paragraphs: [String]) -> [String] {
        func isField(_ line: String) -> Bool {
            line.count <= 30 && line.split(separator: " ").count <= 3
                && !(line.last.map { ".!?:\u{201D}\"".contains($0) } ?? true)
        }
        let run = paragraphs.prefix { isField($0) }.count
        guard run >= leadingFieldRun, run < paragraphs.count, paragraphs[run].count >= 80 else { return paragraphs }
        return Array(paragraphs[run...])
    }

    /// The page's own summary when its text is shorter than `mediaPageWords` and lacks it: the
    /// first visible prose block (``FallbackText``, furniture names not consulted: a summary sits in
    /// a "teasertext" box) that is the page's meta description, whole or as its opening
    /// (descriptions are often cut short). Nil otherwise.
    ///
    /// - Complexity: O(n) in the page's nodes, paid only for pages with so little text.
    static func visibleSummary(of document: HTMLElement, describedAs description: String, beside paragraphs: [String]) -> String? {
        let words = paragraphs.reduce(0) { $0 + $1.split(separator: " ").count }
        let key = comparisonKey(description)
        guard words < mediaPageWords, key.count >= 40 else { return nil }
        if paragraphs.contains(where: { comparisonKey($0).hasPrefix(key) || key.hasPrefix(comparisonKey($0)) }) { return nil }
        return FallbackText.paragraphs(of: document).first { block in
            let text = comparisonKey(block)
            return block.count <= 1_200 && (text == key || (text.hasPrefix(key) && key.count >= 60))
        }
    }

    /// Words of letters and digits in lower case, single-spaced (punctuation and a closing
    /// ellipsis gone): how a description and a paragraph are compared.
    static func comparisonKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// Paragraph text a `<noscript>`, `<svg>` or `<button>` must hold to be the page itself rather
    /// than a notice, an icon sheet or a control.
    static let swallowedPageText = 500

    /// Elements that never show article text, but that libxml2 lets swallow the rest of the page
    /// when they are left open or hold markup it does not expect: a `<noscript>` left open at the
    /// top of `<body>`, an `<svg>` icon sheet whose symbols it misreads, a menu `<button>` whose
    /// end it misses.
    static let swallowingTags: Set<String> = [
        "noscript", "svg", "button", "select", "option", "math", "canvas", "video", "audio", "picture", "map", "object",
    ]

    /// Lifts the children of such an element into its parent when it holds paragraphs of text
    /// (`<p>` never belongs inside either), so that the page's article is read instead of dropped
    /// with it. A real fallback notice or icon sheet holds far less.
    ///
    /// - Complexity: O(n) in the page's nodes per level of swallowing (at most a few).
    static func unwrapSwallowingElements(_ root: HTMLElement) {
        var stack: [HTMLElement] = [root]
        while let element = stack.popLast() {
            var children: [HTMLNode] = []
            var changed = false
            var pending = element.children[...]
            while let node = pending.popFirst() {
                if case .element(let inner) = node, swallowingTags.contains(inner.name),
                    paragraphText(in: inner, limit: swallowedPageText) >= swallowedPageText
                {
                    // Its children take its place, and are looked at in turn.
                    pending = inner.children[...] + pending
                    changed = true
                    continue
                }
                children.append(node)
                if case .element(let inner) = node, !["script", "style", "p"].contains(inner.name) { stack.append(inner) }
            }
            if changed { element.children = children }
        }
    }

    /// Characters of text inside `<p>` elements anywhere below an element (scripts and styles
    /// aside), counted up to `limit`.
    private static func paragraphText(in element: HTMLElement, limit: Int) -> Int {
        var total = 0
        var stack: [(HTMLElement, Bool)] = [(element, false)]
        while let (current, inParagraph) = stack.popLast(), total < limit {
            for child in current.children {
                switch child {
                case .text(let text): if inParagraph { total += text.utf8.count }
                case .element(let inner):
                    if inner.name == "script" || inner.name == "style" { continue }
                    stack.append((inner, inParagraph || inner.name == "p"))
                }
            }
        }
        return total
    }

    /// The paragraphs of a JSON-LD `articleBody`. Some sites put the article's HTML there, raw
    /// or entity-escaped (`&lt;p&gt;`): such a body is parsed as HTML (twice when escaped) and read
    /// block by block, so that markup never reaches the text.
    static func structuredBodyLines(_ body: String) -> [String] {
        var text = body
        for _ in 0..<2 {
            guard looksLikeMarkup(text) else { break }
            let wrapped = "<html><body>" + text + "</body></html>"
            // Nesting past the cap here only cuts the body's deepest markup: the page itself passed.
            guard let document = HTMLDocument.parse(Array(wrapped.utf8), encoding: "UTF-8").root else { break }
            let blocks = ContentSelector(document: document).blocks
            text = blocks.map(\.text).joined(separator: "\n")
        }
        return TextUtilities.nonBlankLines(text)
    }

    /// Whether text holds HTML tags, raw or escaped ("<p>", "&lt;/div&gt;", "<br/>").
    static func looksLikeMarkup(_ text: String) -> Bool {
        for tag in ["p", "div", "br", "span", "a ", "h2", "li", "strong", "em", "img "] {
            if text.contains("<" + tag) || text.contains("&lt;" + tag) { return true }
        }
        return text.contains("</") || text.contains("&lt;/")
    }

    /// Characters outside links that make a list item prose rather than a link.
    static let proseAfterLink = 80

    /// Lists of links (related stories, tags) are not text: mostly-link list items and blocks.
    private func isLinkList(_ block: TextBlock) -> Bool {
        let length = block.text.count
        guard length > 0, block.linkLength > 0 else { return false }
        // A list item that goes on past its linked lead with a sentence or more of its own
        // ("<li><b><a>Headline</a>.</b> Two sentences on it.</li>", a newsletter's items) is prose.
        if block.tag == "li", length - block.linkLength >= Self.proseAfterLink { return false }
        if block.tag == "li" || block.tag == "run" || block.tag == "tr" { return block.linkLength * 2 > length }
        return block.linkLength * 10 >= length * 9
    }

    /// The first `<h1>` inside an element, whitespace collapsed.
    private func firstHeading(in element: HTMLElement?) -> String? {
        guard let element else { return nil }
        for child in element.children {
            guard case .element(let inner) = child else { continue }
            if inner.name == "h1" {
                let text = TextUtilities.collapseWhitespace(PageMetadata.text(of: inner))
                if !text.isEmpty { return text }
            }
            if let found = firstHeading(in: inner) { return found }
        }
        return nil
    }

    /// The first `<h1>` inside any `<article>` (the root may sit below the article's header).
    private func firstArticleHeading(in element: HTMLElement) -> String? {
        if element.name == "article", let heading = firstHeading(in: element) { return heading }
        for child in element.children {
            guard case .element(let inner) = child else { continue }
            if let found = firstArticleHeading(in: inner) { return found }
        }
        return nil
    }
}

/// The names a site goes by, to tell its own name from a writer's in an author field: its
/// stated names (og:site_name, the JSON-LD publisher, application-name), the part of each before
/// a separator ("LN" of "LN - Lübecker Nachrichten"), and its host's own label ("automobilwoche"
/// of automobilwoche.de), compared in lower case over letters and digits only.
struct SiteNames {
    private var keys: Set<String> = []
    private var hostLabel: String?
    /// The host's label whatever its length ("drk" of drk.de), for names it abbreviates.
    private var hostWord: String?
    /// Each stated name's words, for its abbreviations.
    private var wordLists: [[Substring]] = []

    init(names: [String?], host: String?) {
        for name in names.compactMap({ $0 }) {
            wordLists.append(name.split(separator: " ").filter { $0.first?.isLetter == true })
            keys.insert(Self.key(name))
            for separator in [" - ", " | ", " – ", " — ", ": "] {
                if let range = name.range(of: separator) { keys.insert(Self.key(String(name[..<range.lowerBound]))) }
            }
        }
        keys.remove("")
        // "automobilwoche.de" -> "automobilwoche"; "blog.example.co.uk" -> "example".
        if let host, let label = OutletInference.site(ofHost: host).split(separator: ".").first {
            if label.count >= 4 { hostLabel = String(label) }
            if label.count >= 2 { hostWord = String(label).lowercased() }
        }
    }

    /// Whether a name is the site's: one of its names, or its host's label written as a brand
    /// (capitalised: "Automobilwoche"; a lower-case handle equal to a blog's host is its writer's).
    func contains(_ name: String) -> Bool {
        let key = Self.key(name)
        if keys.contains(key) { return true }
        if wordLists.contains(where: { Self.abbreviates(name, $0) }) { return true }
        // A name whose words' initials spell the host ("Deutsches Hafen Kontor" on dhk.de): the
        // organization the site belongs to.
        let words = name.split(separator: " ")
        if let hostWord, words.count >= 2, words.allSatisfy({ $0.first?.isUppercase == true }),
            String(words.compactMap(\.first)).lowercased() == hostWord
        {
            return true
        }
        // The site's account: its host's label with a number ("Hafenwoche1", "hafenwoche_2").
        if let hostLabel, key != hostLabel, key.hasPrefix(hostLabel), key.dropFirst(hostLabel.count).allSatisfy(\.isNumber) {
            return true
        }
        return key == hostLabel && name.first?.isUppercase == true
    }

    /// Whether a name abbreviates a site's: its initials in capitals ("HAZ" of "Harzer
    /// Allgemeine Zeitung"), or capitals for its leading words before the same last word ("OÖ
    /// Volksblatt" of "Oberösterreichisches Volksblatt").
    private static func abbreviates(_ name: String, _ siteWords: [Substring]) -> Bool {
        let words = name.split(separator: " ")
        guard siteWords.count >= 2, let last = words.last, let siteLast = siteWords.last else { return false }
        let capitals = { (word: Substring) in word.allSatisfy { $0.isLetter && $0.isUppercase } }
        if words.count == 1, capitals(last), last.count == siteWords.count {
            return zip(last, siteWords).allSatisfy { letter, word in word.first.map { String($0).uppercased() == String(letter) } ?? false }
        }
        return words.count >= 2 && last.count >= 4 && last.lowercased() == siteLast.lowercased()
            && words.dropLast().allSatisfy { $0.count <= 4 && capitals($0) }
    }

    private static func key(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
