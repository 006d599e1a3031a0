import Foundation

/// Metadata a page states about itself: `<meta>` tags, `<link rel=canonical>`, `<title>`,
/// JSON-LD, `<time datetime>`, byline elements.
struct PageMetadata {
    /// `<meta>` values by lower-cased `name`, `property` or `itemprop`; the first occurrence wins.
    var meta: [String: String] = [:]
    /// Every `<meta name="author">` value in page order: pages with several writers give one tag each.
    var metaAuthors: [String] = []
    var canonicalURL: String?
    var htmlTitle: String?
    /// Text of the first element whose class or rel names a byline or author.
    var bylineElementText: String?
    /// The texts of byline- or author-named elements inside that first one, in page order: the
    /// name alone when the whole names a desk beside it ("By <a class=author-name>NAME</a>
    /// <span class=author-staff>Outlet Staff</span>").
    var bylineElementParts: [String] = []
    /// The names of the first short element outside furniture whose own text opens with a byline
    /// word ("Autor: Anna Berger | 12.03.2021", "Von Anna Berger"), whatever its class.
    var labelledByline: String?
    /// The name of a "NAME | date" line among the two elements after the headline ("Anna Berger |
    /// 12. März 2021", "12.03.2021 · Anna Berger"), whatever its class.
    var dateLineName: String?
    var structured = StructuredData()
    /// The `lang` (or `xml:lang`) attribute of the `<html>` element.
    var htmlLang: String?

    /// Reads a page's metadata. Furniture (comments sections, related-story cards) is skipped for
    /// the byline and `<time>`, but `<head>`, `<header>` (where articles keep both) and scripts are read.
    /// - Parameter contentHolders: the elements above the content root that content selection
    ///   chose (``ContentSelector/rootAncestors``): a page wrapper named like furniture
    ///   ("navigation-container", "sidebar-wrapper") there is no furniture for the byline.
    init(document: HTMLElement, contentHolders: Set<ObjectIdentifier> = []) {
        self.contentHolders = contentHolders
        visit(document, inFurniture: false, afterHeadline: false)
    }

    /// The elements above the content root.
    private var contentHolders: Set<ObjectIdentifier> = []

    /// The first non-empty `<meta>` value among the given keys.
    func meta(_ keys: String...) -> String? {
        for key in keys {
            if let value = meta[key].map(TextUtilities.collapseWhitespace), !value.isEmpty { return value }
        }
        return nil
    }

    /// The language the page declares: `<html lang>`, then `og:locale`, then the
    /// `Content-Language` meta (`http-equiv` or `name`), each normalised by `languageTag(_:)`;
    /// a value that is not a language tag ("{{lang}}", "none") is passed over.
    var language: String? {
        let candidates = [htmlLang, meta["og:locale"], meta["content-language"], meta["language"], meta["dc.language"]]
        for candidate in candidates.compactMap({ $0 }) {
            if let tag = Self.languageTag(candidate) { return tag }
        }
        return nil
    }

    /// Normalises a declared language to BCP 47 case: "EN_us" → "en-US", "zh-hant-TW" →
    /// "zh-Hant-TW". Of a list ("de, en") the first. Nil when it is not a language tag.
    static func languageTag(_ value: String) -> String? {
        let first = value.split(separator: ",").first.map(String.init) ?? value
        let subtags = first.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "_", with: "-")
            .split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        var parts = [primary.lowercased()]
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.count), subtag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return nil
            }
            switch subtag.count {
            case 2 where subtag.allSatisfy(\.isLetter): parts.append(subtag.uppercased())
            case 4 where subtag.allSatisfy(\.isLetter): parts.append(subtag.prefix(1).uppercased() + subtag.dropFirst().lowercased())
            default: parts.append(subtag.lowercased())
            }
        }
        return parts.joined(separator: "-")
    }

    /// - Parameter afterHeadline: the element is one of the two after an `<h1>` among its
    ///   siblings: a byline's place, whatever its class ("teaser__metadata" where a CMS reuses a
    ///   teaser's parts).
    /// - Parameter underArticle: the element's parent is an `<article>`: an `<aside>` there that is
    ///   not named as furniture is the article's own margin (its byline and date), not the site's.
    private mutating func visit(_ element: HTMLElement, inFurniture: Bool, afterHeadline: Bool, underArticle: Bool = false) {
        switch element.name {
        case "html":
            if htmlLang == nil { htmlLang = element[attribute: "lang"] ?? element[attribute: "xml:lang"] }
        case "meta":
            // `<meta itemprop="datePublished" datetime="...">` carries its value in `datetime`.
            if let content = element[attribute: "content"] ?? element[attribute: "datetime"] {
                for key in ["name", "property", "itemprop", "http-equiv"] {
                    if let name = element[attribute: key]?.lowercased(), meta[name] == nil { meta[name] = content }
                }
                if element[attribute: "name"]?.lowercased() == "author" { metaAuthors.append(content) }
            }
        case "link":
            let rel = element[attribute: "rel"]?.lowercased().split(separator: " ") ?? []
            if rel.contains("canonical"), canonicalURL == nil, let href = element[attribute: "href"] {
                canonicalURL = href.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        case "title":
            if htmlTitle == nil { htmlTitle = TextUtilities.collapseWhitespace(Self.text(of: element)) }
        case "script":
            if element[attribute: "type"]?.lowercased().contains("ld+json") == true {
                structured.read(json: Self.text(of: element))
            }
            return
        case "style", "template", "noscript":
            return
        default:
            break
        }
        if !inFurniture, bylineElementText == nil, Self.namesByline(element) {
            // What a reader sees: an ad slot's script inside an element named for the author is no name.
            let text = DateSightings.visibleText(of: element, limit: 1_000)
            // A date line's label in an author-named element ("<span class="meta-prep-author">Posted
            // on</span>", as WordPress themes write it) names nobody: the next one may.
            if text.count >= 3 && text.count <= 100 && text.contains(where: \.isLetter) && !TextSignals.isDateCue(text) {
                bylineElementText = text
                bylineElementParts = Self.bylineNamedDescendants(of: element)
            }
        }
        if !inFurniture, labelledByline == nil, Self.opensWithBylineWord(element) {
            let text = TextUtilities.collapseWhitespace(Self.text(of: element))
            if text.count <= 120 { labelledByline = TextSignals.byline(in: text) }
        }
        if !inFurniture, afterHeadline, dateLineName == nil { dateLineName = Self.nameBesideDate(element) }
        let furniture = inFurniture || Self.namesReaderComments(element)
            || (ContentSelector.isDropped(element) && !["head", "html", "body", "header"].contains(element.name)
                && !Self.namesByline(element) && !contentHolders.contains(ObjectIdentifier(element)) && !afterHeadline
                && !Self.isArticleFooter(element)
                && !(underArticle && element.name == "aside" && !ContentSelector.hasNoiseName(element)))
        // The two elements after a headline (a standfirst may stand between it and the byline).
        var sinceHeadline = Int.max
        for child in element.children {
            guard case .element(let childElement) = child else { continue }
            sinceHeadline = childElement.name == "h1" ? 0 : sinceHeadline &+ 1
            visit(
                childElement, inFurniture: furniture, afterHeadline: (1...2).contains(sinceHeadline),
                underArticle: element.name == "article")
        }
    }

    /// The texts of the byline- or author-named elements below `element` (not itself), each
    /// 3-100 characters, in page order.
    private static func bylineNamedDescendants(of element: HTMLElement) -> [String] {
        var result: [String] = []
        var stack = element.children.reversed().compactMap { node -> HTMLElement? in
            if case .element(let inner) = node { return inner }
            return nil
        }
        while let next = stack.popLast() {
            if namesByline(next) {
                let text = TextUtilities.collapseWhitespace(Self.text(of: next))
                if text.count >= 3 && text.count <= 100 { result.append(text) }
            }
            for node in next.children.reversed() {
                if case .element(let inner) = node { stack.append(inner) }
            }
        }
        return result
    }

    /// Whether the class or id names the readers' comments or letters below an article: the
    /// names signed there ("<span class="autor">NAME</span> / date") are readers', not the writer's.
    /// Plural or joined forms only ("comments", "comment-list", "leserpost"): "commentary" and
    /// "Kommentar" also name opinion pieces. `<body>` classes say what the page allows
    /// ("hidecomments"), not where a byline stands.
    static func namesReaderComments(_ element: HTMLElement) -> Bool {
        guard element.name != "body", element.name != "html" else { return false }
        let tokens = [element[attribute: "class"], element[attribute: "id"]].compactMap { $0?.lowercased() }
            .flatMap { $0.split(separator: " ") }
        return tokens.contains { token in
            token.hasPrefix("comment-") || token.hasPrefix("comment_")
                || token.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains { readerCommentWords.contains(String($0)) }
        }
    }

    private static let readerCommentWords: Set<String> = [
        "comments", "leserbrief", "leserbriefe", "leserpost", "leserkommentare", "kommentare", "commentaires", "commenti",
        "comentarios", "disqus",
    ]

    /// Whether an element is the article's own footer (`<footer class="post-footer">`,
    /// `entry-footer`, `article-footer`), where blogs put "Posted by NAME": not the site's footer.
    static func isArticleFooter(_ element: HTMLElement) -> Bool {
        guard element.name == "footer", let classes = element[attribute: "class"]?.lowercased() else { return false }
        // "post-footer", "entry-footer", "article__footer", and BEM's "footer--article".
        return classes.split(separator: " ").contains { token in
            if ["post", "entry", "article"].contains(where: { token.hasPrefix($0) }) && token.contains("footer") { return true }
            let words = token.split(whereSeparator: { $0 == "-" || $0 == "_" })
            return words.contains("footer") && words.contains { ["post", "entry", "article"].contains(String($0)) }
        }
    }

    /// The name in an element whose text is a name and a date on either side of a separator: two
    /// or three capitalised words (no number, no lower-case word) beside a date line.
    private static func nameBesideDate(_ element: HTMLElement) -> String? {
        guard !["html", "body", "head", "h1", "h2", "h3", "a"].contains(element.name) else { return nil }
        let text = TextUtilities.collapseWhitespace(Self.text(of: element))
        guard text.count <= 80 else { return nil }
        for separator in [" | ", " · ", " • ", " – ", " — "] {
            let parts = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: " ") }
            guard parts.count == 2 else { continue }
            for (name, date) in [(parts[0], parts[1]), (parts[1], parts[0])] {
                let words = name.split(separator: " ")
                guard (2...3).contains(words.count),
                    words.allSatisfy({ word in word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || "-.'’".contains($0) } }),
                    DateSightings.holdsOnlyDates(date, order: .dayFirst)
                else { continue }
                return name
            }
        }
        return nil
    }

    /// Whether an element's own first text opens with a byline word ("Von ", "Autor: ").
    private static func opensWithBylineWord(_ element: HTMLElement) -> Bool {
        guard !["html", "body", "head", "title", "script", "style", "a"].contains(element.name) else { return false }
        for child in element.children {
            guard case .text(let text) = child else { continue }
            let trimmed = text.drop { $0.isWhitespace }
            if trimmed.isEmpty { continue }
            return TextSignals.bylineOpeners.contains { trimmed.hasPrefix($0) || (trimmed + " ").hasPrefix($0) }
        }
        return false
    }

    /// Whether the class, id, rel or itemprop names a byline or an author.
    private static func namesByline(_ element: HTMLElement) -> Bool {
        // A quotation's source (`<cite class="author">`) is not the article's writer.
        if element.name == "cite" || element.name == "blockquote" || element.name == "q" { return false }
        let names = [element[attribute: "class"], element[attribute: "id"], element[attribute: "rel"], element[attribute: "itemprop"]]
            .compactMap { $0?.lowercased() }.joined(separator: " ")
        // "autor" (German, Spanish, Polish), "auteur", "autore", "verfasser", "signature" (French).
        guard ["byline", "author", "autor", "auteur", "verfasser", "signature"].contains(where: names.contains)
        else { return false }
        // Author boxes with biographies and avatars are not bylines.
        return !names.contains("bio") && !names.contains("avatar") && !names.contains("image")
            && !names.contains("photo")
    }

    /// All text below an element, scripts included (for `<title>` and JSON-LD).
    static func text(of element: HTMLElement) -> String {
        var result = ""
        for child in element.children {
            switch child {
            case .text(let string): result += string
            case .element(let inner): result += " " + text(of: inner)
            }
        }
        return result
    }

    // MARK: Title

    /// Removes a suffix that repeats the outlet's name ("Review | MoreBikes" with outlet
    /// "MoreBikes"); other suffixes stay, as metadata titles usually have none.
    static func strippingOutletSuffix(_ title: String, outlet: String?) -> String {
        guard let outlet = outlet?.lowercased(), !outlet.isEmpty else { return title }
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let suffix = title[range.upperBound...].trimmingCharacters(in: .whitespaces).lowercased()
            let prefix = title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            if !prefix.isEmpty && (suffix == outlet || suffix.replacingOccurrences(of: " ", with: "") == outlet.replacingOccurrences(of: " ", with: "")) {
                return prefix
            }
        }
        return title
    }

    /// The outlet named by a `<title>`'s suffix ("Story — The Straits Ledger" -> "The Straits
    /// Ledger"), or nil.
    ///
    /// The suffix must follow a separator, be short and capitalised like a name, and, when the
    /// page's host is known, spell the host's name ("straitsledger.example") once spaces, "the"
    /// and punctuation are dropped, so that the second half of a headline is never taken.
    static func outletSuffix(ofTitle title: String, host: String?) -> String? {
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " • "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let suffix = title[range.upperBound...].trimmingCharacters(in: .whitespaces)
            let prefix = title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let words = suffix.split(separator: " ")
            guard !prefix.isEmpty, !words.isEmpty, words.count <= 6, suffix.count <= 50,
                words.allSatisfy({ $0.first.map { $0.isUppercase || $0.isNumber || $0 == "&" } ?? false })
            else { return nil }
            guard let host else { return suffix }
            let letters = { (text: String) in String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
            var name = letters(suffix)
            if name.hasPrefix("the") && name.count > 3 { name.removeFirst(3) }
            let labels = host.split(separator: ".").map { letters(String($0)) }
            return labels.contains(where: { $0 == name || (name.count >= 4 && $0.hasPrefix(name)) }) ? suffix : nil
        }
        return nil
    }

    /// Removes a site suffix from a `<title>`: "Story | CNA" -> "Story", "Story - Reuters" -> "Story".
    ///
    /// A " | " segment is dropped when short; a dash segment only when it is short and looks like a
    /// name (or matches the outlet), so that titles with a dash in them survive.
    static func strippingSiteSuffix(_ title: String, outlet: String?) -> String {
        var result = title
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · "] {
            guard let range = result.range(of: separator, options: .backwards) else { continue }
            let suffix = result[range.upperBound...].trimmingCharacters(in: .whitespaces)
            let prefix = result[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let isOutlet = outlet.map { $0.caseInsensitiveCompare(suffix) == .orderedSame } ?? false
            guard !prefix.isEmpty, suffix.count <= 40, prefix.count >= suffix.count || isOutlet else { continue }
            let words = suffix.split(separator: " ")
            let matchesOutlet = outlet.map { suffix.lowercased().contains($0.lowercased()) || $0.lowercased().contains(suffix.lowercased()) } ?? false
            let looksLikeName = words.count <= 4 && words.allSatisfy { $0.first?.isUppercase == true || $0.first?.isNumber == true }
            if separator == " | " || separator == " :: " || matchesOutlet || looksLikeName {
                result = prefix
                break
            }
        }
        return result
    }
}

/// What a page's JSON-LD says about its article.
struct StructuredData {
    var headline: String?
    /// Date values in reading order: article-typed objects' before the others'.
    var dates: [StructuredDate] = []
    /// Authors named in JSON-LD, and whether every one is typed `Person`: a typed person says
    /// more than an untyped `<meta name="author">`, which sites often fill with their publisher's name.
    struct Authors {
        var names: [String] = []
        var arePeople = false
    }

    /// The article object's authors.
    var authors = Authors()
    /// The people a `WebPage` object names (a site's graph often hangs the writer there, with no
    /// article object): read when no article names one.
    var pageAuthors = Authors()
    var publisherName: String?
    var articleBody: String?
    var url: String?

    /// Folds one `<script type="application/ld+json">` block in. Article-typed objects win over
    /// others; the first value found for a field is kept. Invalid JSON is ignored.
    mutating func read(json text: String) {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for wrapper in ["<![CDATA[", "<!--"] where trimmed.hasPrefix(wrapper) { trimmed.removeFirst(wrapper.count) }
        for wrapper in ["]]>", "-->"] where trimmed.hasSuffix(wrapper) { trimmed.removeLast(wrapper.count) }
        // Hand-written JSON-LD often breaks JSON's rules in a few harmless ways (line breaks left
        // raw inside strings, a trailing comma or semicolon): such a block is repaired, not dropped.
        func parse(_ text: String) -> Any? {
            text.data(using: .utf8).flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
        }
        let valid = parse(trimmed)
        guard let value = valid ?? Self.repairedJSON(trimmed).flatMap(parse) else {
            readDates(invalidJSON: trimmed)
            return
        }
        var objects: [[String: Any]] = []
        Self.collectObjects(value, into: &objects)
        // Authors given by reference (`"author": {"@id": "#jane"}` with the person elsewhere in the graph).
        for object in objects {
            if let id = object["@id"] as? String, let name = Self.personName(object) {
                namesByID[id] = (name, Self.isOrganization(object), Self.isPerson(object))
            }
        }
        let articles = objects.filter(Self.isArticle)
        // A repaired block's body is not taken: its text was written by hand into the script,
        // often with its entities escaped twice ("&amp;quot;"), and the page shows it better.
        for object in articles + objects.filter({ !Self.isArticle($0) }) { take(object, bodyToo: valid != nil) }
    }

    /// The block with its common slips mended, or nil when it has none: control characters inside
    /// strings escaped (a raw line break in an `articleBody`), commas before a closing bracket and
    /// semicolons after the value dropped. Strings are tracked so that their content is never
    /// touched otherwise.
    ///
    /// - Complexity: O(n) in the block's length.
    static func repairedJSON(_ text: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var inString = false
        var escaped = false
        var changed = false
        for byte in text.utf8 {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                } else if byte < 0x20 {
                    let escape: String
                    switch byte {
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    default: escape = " "
                    }
                    output += Array(escape.utf8)
                    changed = true
                    continue
                }
                output.append(byte)
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                // A comma left before the closing bracket (whitespace between them aside).
                var end = output.endIndex
                while end > output.startIndex, [0x20, 0x0A, 0x0D, 0x09].contains(output[end - 1]) { end -= 1 }
                if end > output.startIndex, output[end - 1] == UInt8(ascii: ",") {
                    output.remove(at: end - 1)
                    changed = true
                }
            }
            output.append(byte)
        }
        while let last = output.last, last == UInt8(ascii: ";") || [0x20, 0x0A, 0x0D, 0x09].contains(last) {
            if last == UInt8(ascii: ";") { changed = true }
            output.removeLast()
        }
        return changed ? String(decoding: output, as: UTF8.self) : nil
    }

    private mutating func take(_ object: [String: Any], bodyToo: Bool) {
        let isArticle = Self.isArticle(object)
        if headline == nil, isArticle { headline = Self.string(object["headline"]) }
        for (key, isModified) in [("datePublished", false), ("dateCreated", false), ("uploadDate", false), ("dateModified", true)] {
            if let value = Self.string(object[key]) {
                dates.append(StructuredDate(key: key, value: value, isArticle: isArticle, isModified: isModified))
            }
        }
        // People first: an organization among an article's authors is the outlet, a desk or an
        // agency, named alone only when no person is; a web page's organization never.
        if authors.names.isEmpty, isArticle { authors = authorsOf(object, organizationsAlone: true) }
        if pageAuthors.names.isEmpty, Self.types(of: object).contains(where: { $0 == "WebPage" || $0 == "ItemPage" }) {
            pageAuthors = authorsOf(object, organizationsAlone: false)
        }
        if publisherName == nil, isArticle { publisherName = Self.names(object["publisher"]).first }
        if articleBody == nil, bodyToo { articleBody = Self.string(object["articleBody"]) }
        if url == nil, isArticle { url = Self.string(object["url"]) }
    }

    /// Date values of a block that is not valid JSON (raw line breaks inside strings, trailing
    /// commas are common): each `"datePublished": "..."` read as text, not tied to an article.
    private mutating func readDates(invalidJSON text: String) {
        for (key, isModified) in [("datePublished", false), ("dateCreated", false), ("dateModified", true)] {
            var searchRange = text.startIndex..<text.endIndex
            while let range = text.range(of: "\"\(key)\"", range: searchRange) {
                searchRange = range.upperBound..<text.endIndex
                let rest = text[range.upperBound...].prefix(80).drop { $0 == " " || $0 == "\n" || $0 == "\t" }
                guard rest.first == ":" else { continue }
                let value = rest.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" }
                guard value.first == "\"", let end = value.dropFirst().firstIndex(of: "\"") else { continue }
                dates.append(StructuredDate(
                    key: key, value: String(value[value.index(after: value.startIndex)..<end]), isArticle: false,
                    isModified: isModified))
            }
        }
    }

    private static func isArticle(_ object: [String: Any]) -> Bool {
        types(of: object).contains { type in
            ["Article", "Posting", "Report", "NewsArticle", "LiveBlog"].contains { type.contains($0) }
        }
    }

    /// An object's `author` entries, people first: organizations only when no person is named
    /// and `organizationsAlone` allows.
    private func authorsOf(_ object: [String: Any], organizationsAlone: Bool) -> Authors {
        let named = authorEntries(object["author"])
        let people = named.filter { !$0.isOrganization }
        return Authors(
            names: (people.isEmpty && organizationsAlone ? named : people).map(\.name),
            arePeople: !people.isEmpty && people.allSatisfy(\.isPerson))
    }

    /// The object's `@type` values (one string or an array of them).
    private static func types(of object: [String: Any]) -> [String] {
        switch object["@type"] {
        case let single as String: return [single]
        case let many as [Any]: return many.compactMap { $0 as? String }
        default: return []
        }
    }

    private static func collectObjects(_ value: Any, into objects: inout [[String: Any]]) {
        if let array = value as? [Any] {
            for item in array { collectObjects(item, into: &objects) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            if let graph = object["@graph"] { collectObjects(graph, into: &objects) }
            // A WebPage whose main entity is the article.
            if let entity = object["mainEntity"] { collectObjects(entity, into: &objects) }
        }
    }

    private static func string(_ value: Any?) -> String? {
        guard let string = value as? String else { return nil }
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Names of JSON-LD objects by their `@id`, with whether each is an organization.
    private var namesByID: [String: (name: String, isOrganization: Bool, isPerson: Bool)] = [:]

    /// Authors from `"Jane Doe"`, `{"@type": "Person", "name": ...}`, `{"@id": ...}` (resolved in
    /// the graph) or an array of these, each with whether it is an organization and whether it is
    /// typed as a person.
    private func authorEntries(_ value: Any?) -> [(name: String, isOrganization: Bool, isPerson: Bool)] {
        switch value {
        case let name as String:
            return Self.string(name).map { [($0, false, false)] } ?? []
        case let object as [String: Any]:
            if let name = Self.personName(object) { return [(name, Self.isOrganization(object), Self.isPerson(object))] }
            if let id = object["@id"] as? String, let entry = namesByID[id] { return [entry] }
            return []
        case let array as [Any]:
            return array.flatMap { authorEntries($0) }
        default:
            return []
        }
    }

    /// A person's or organization's name as schema.org allows it: `"name": "Jane Doe"`, a list
    /// (`["Jane Doe"]`), a language-tagged value (`{"@value": "Jane Doe"}`), or `givenName` and
    /// `familyName` without a `name`.
    static func personName(_ object: [String: Any]) -> String? {
        switch object["name"] {
        case let name as String:
            if let trimmed = string(name) { return trimmed }
        case let many as [Any]:
            let names = many.compactMap { item in string(item) ?? (item as? [String: Any]).flatMap { string($0["@value"]) } }
            if !names.isEmpty { return names.joined(separator: ", ") }
        case let tagged as [String: Any]:
            if let value = string(tagged["@value"]) { return value }
        default:
            break
        }
        let parts = [string(object["givenName"]), string(object["familyName"])].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func isOrganization(_ object: [String: Any]) -> Bool {
        types(of: object).contains { $0.contains("Organization") || $0 == "Corporation" || $0 == "NewsMediaOrganization" }
    }

    private static func isPerson(_ object: [String: Any]) -> Bool {
        types(of: object).contains("Person")
    }

    /// Names from `"Jane Doe"`, `{"name": ...}` or an array of either.
    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let name as String:
            return string(name).map { [$0] } ?? []
        case let object as [String: Any]:
            return string(object["name"]).map { [$0] } ?? []
        case let array as [Any]:
            return array.flatMap { names($0) }
        default:
            return []
        }
    }
}

/// A date value of a JSON-LD object.
struct StructuredDate {
    /// "datePublished", "dateCreated", "uploadDate" or "dateModified".
    var key: String
    var value: String
    /// Whether the object is typed as an article (`NewsArticle`, `BlogPosting`, `Report`, ...).
    var isArticle: Bool
    /// Whether the value is a modification date.
    var isModified: Bool
}
