/// A paragraph candidate found in a page, before boilerplate filtering.
struct TextBlock {
    /// The text, whitespace collapsed.
    var text: String
    /// Characters of `text` that sit inside links.
    var linkLength: Int
    /// The element that produced it ("p", "h2", "li", "blockquote"), or "run" for loose text
    /// inside a container (`<div>text<br>more</div>`).
    var tag: String
    /// The containers above the block, outermost first.
    var ancestors: [ObjectIdentifier]
}

/// Finds the article's content in a parsed page: drops page furniture, picks the content root
/// (an `<article>` or `[itemprop=articleBody]` if present, else the densest block of paragraph
/// text) and returns its paragraphs in document order.
struct ContentSelector {
    /// Elements that never hold article text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
        "button", "figure", "figcaption", "template", "select", "textarea", "input", "object",
        "embed", "canvas", "video", "audio", "picture", "map", "dialog", "menu", "head", "title",
        "link", "meta", "label", "option", "math",
    ]

    /// Elements that start a new block of text.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// Elements whose text is one paragraph.
    static let paragraphTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "dd", "dt",
    ]

    /// Roles that mark furniture.
    private static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alert",
        "search", "toolbar",
    ]

    /// Class/id word openings that mark furniture. "byline"/"author" are metadata, read elsewhere.
    private static let noisePrefixes: [String] = [
        "nav", "menu", "footer", "share", "sharing", "social", "related", "promo", "newsletter",
        "cookie", "subscribe", "subscription", "comment", "advert", "teaser", "byline", "author",
        "breadcrumb", "sidebar", "caption", "gallery", "outbrain", "taboola", "sponsor",
        // Dialogs kept in the page until a click opens them (login, registration, consent).
        "modal", "popup", "overlay",
        // German, French, Spanish, Italian, Dutch names of the same boxes
        "kommentar", "comentario", "reacties", "lesetipp", "leseempfehlung", "empfehlung", "teilen", "partage",
        "compartir", "condividi", "werbung", "publicite", "publicidad", "pubblicita", "verwandt", "relacionad",
        "correlat", "gerelateerd",
    ]

    private static let protectedTags: Set<String> = ["html", "body", "article", "main"]

    /// Class/id words that vouch for content even next to a noise word ("entry-content
    /// has-sidebar"), after readability's "okMaybeItsACandidate".
    private static let contentPrefixes: [String] = [
        "article", "body", "content", "main", "column",
    ]

    // MARK: Furniture

    /// Whether an element (and its subtree) is page furniture.
    static func isDropped(_ element: HTMLElement) -> Bool {
        if droppedTags.contains(element.name) { return true }
        if isHidden(element) { return true }
        if let role = element[attribute: "role"]?.lowercased(), droppedRoles.contains(role) { return true }
        // A dialog is furniture even when built as an `<article>` (a login panel's messages).
        if element.name == "article" || element.name == "main", namesDialog(element) { return true }
        if protectedTags.contains(element.name) || isArticleBody(element) { return false }
        switch noiseName(element) {
        case .none: return false
        case .strong: return true
        case .weak: return paragraphTextLength(element, limit: weakNoiseTextLimit) < weakNoiseTextLimit
        }
    }

    /// Whether the element is hidden on every screen: the `hidden` attribute, `aria-hidden`, an
    /// inline `display:none`/`visibility:hidden` or a class from `hiddenClasses`.
    static func isHidden(_ element: HTMLElement) -> Bool {
        if element[attribute: "hidden"] != nil || element[attribute: "aria-hidden"] == "true" { return true }
        if let style = element[attribute: "style"]?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        if let classes = element[attribute: "class"]?.lowercased(),
            classes.split(separator: " ").contains(where: { hiddenClasses.contains(String($0)) })
        {
            return true
        }
        return false
    }

    /// Whole class names that hide an element on every screen (a hidden copy of the text for
    /// microdata or screen readers). Responsive forms ("hidden-xs", "hide-on-mobile") hide it on
    /// some screens only and are not listed.
    static let hiddenClasses: Set<String> = [
        "hidden", "hide", "h-hide", "is-hidden", "u-hidden", "element-hidden", "visually-hidden", "visuallyhidden",
        "sr-only", "screen-reader-text",
    ]

    /// Paragraph text under an element named only by weak noise words ("ad", "paywall") above
    /// which it is content after all: paywall notices and ad slots are short, while paywalled
    /// article bodies (`<div class="paywall"><p>...`) are long.
    static let weakNoiseTextLimit = 300

    /// Characters of text inside `<p>` elements below an element, counted up to `limit`.
    private static func paragraphTextLength(_ element: HTMLElement, limit: Int) -> Int {
        var total = 0
        func visit(_ element: HTMLElement, inParagraph: Bool) {
            for child in element.children where total < limit {
                switch child {
                case .text(let text): if inParagraph { total += text.count }
                case .element(let inner):
                    if droppedTags.contains(inner.name) { continue }
                    visit(inner, inParagraph: inParagraph || inner.name == "p")
                }
            }
        }
        visit(element, inParagraph: false)
        return total
    }

    /// How strongly an element's class or id names it as furniture.
    enum NoiseName { case none, weak, strong }

    /// Whether the element's class or id names it as furniture (token-wise, so "unavailable"
    /// does not match "nav").
    ///
    /// Each class name (and the id) is read word by word; its first telling word decides it:
    /// "comment-content" is furniture, "entry-content has-sidebar" and "article-share" are
    /// content. Any content name protects the element, after readability's "okMaybeItsACandidate".
    static func hasNoiseName(_ element: HTMLElement) -> Bool {
        noiseName(element) != .none
    }

    /// The noise evidence of an element's class and id: "ad" and "paywall" words are weak (a later
    /// content word still protects, and a long text rescues), the other noise words strong.
    static func noiseName(_ element: HTMLElement) -> NoiseName {
        // WordPress adds the post's taxonomy ("category-advertising", "tag-social") to the
        // wrapper's classes: those say what the story is about, not what the element is.
        var names = (element[attribute: "class"] ?? "").lowercased().split(separator: " ")
            .filter { !$0.hasPrefix("category-") && !$0.hasPrefix("tag-") }
        if names.contains("hentry") { return .none }
        if let id = element[attribute: "id"]?.lowercased(), !id.isEmpty { names.append(Substring(id)) }
        var noise = NoiseName.none
        for name in names {
            for token in name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                if contentPrefixes.contains(where: { token.hasPrefix($0) }) { return .none }
                // "ad" is weak evidence ("ad_body" wraps a page with ads): a later content word
                // still protects. The other noise words decide their class name.
                if weakNoiseWords.contains(String(token)) {
                    if noise == .none { noise = .weak }
                } else if !token.hasPrefix("commentary") && noisePrefixes.contains(where: { token.hasPrefix($0) }) {
                    noise = .strong
                    break
                }
            }
        }
        return noise
    }

    /// Class words that name a dialog shown only on a click ("login-modal", "newsletter-popup").
    static let dialogPrefixes = ["modal", "popup", "overlay"]

    /// Whether a class or id word of the element opens with a dialog word.
    static func namesDialog(_ element: HTMLElement) -> Bool {
        let names = [element[attribute: "class"], element[attribute: "id"]].compactMap { $0?.lowercased() }
        return names.contains { name in
            name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).contains { token in
                dialogPrefixes.contains { token.hasPrefix($0) }
            }
        }
    }

    /// Noise words that name ad slots and paywall wrappers: weak evidence.
    private static let weakNoiseWords: Set<String> = ["ad", "ads", "adslot", "paywall"]

    static func isArticleBody(_ element: HTMLElement) -> Bool {
        element[attribute: "itemprop"]?.lowercased().split(separator: " ").contains("articlebody") == true
    }

    /// Whether an element holds an article: an `<article>` not named as furniture (comment threads
    /// are often `<article class="comment-body">`), or `[itemprop=articleBody]`.
    static func isArticleContainer(_ element: HTMLElement) -> Bool {
        (element.name == "article" && !hasNoiseName(element)) || isArticleBody(element)
    }

    // MARK: Blocks

    private(set) var blocks: [TextBlock] = []
    private(set) var elements: [ObjectIdentifier: HTMLElement] = [:]
    private var articles: [HTMLElement] = []
    private var articleBodies: [HTMLElement] = []
    private var stack: [ObjectIdentifier] = []
    /// Elements with an `<article>` or `[itemprop=articleBody]` below them: never furniture by
    /// class name (a "has-sidebar" layout wrapper around the story).
    private var articleAncestors: Set<ObjectIdentifier> = []
    /// Elements with a block-level element below them: containers even when their own tag is
    /// inline or unknown (`<span><p>..</p></span>`, custom elements).
    private var blockAncestors: Set<ObjectIdentifier> = []

    /// The content root chosen, if any.
    private(set) var root: HTMLElement?

    /// The elements above the content root (empty without one), read from its blocks' stacks.
    var rootAncestors: Set<ObjectIdentifier> {
        guard let root else { return [] }
        let rootID = ObjectIdentifier(root)
        guard let stack = blocks.first(where: { $0.ancestors.contains(rootID) })?.ancestors,
            let index = stack.firstIndex(of: rootID)
        else { return [] }
        return Set(stack[..<index])
    }

    /// Switchable parts of content selection.
    struct Options {
        /// Whether prose paragraphs between the page's headline and the chosen content (a lead
        /// or standfirst in its own container) join the content.
        var leadParagraphs = true
    }

    /// Walks the page and selects the content.
    init(document: HTMLElement, options: Options = Options()) {
        readsArticleHeads = options.leadParagraphs
        markAncestors(document)
        walk(document)
        let chosen = chooseRoot()
        root = chosen.element
        if chosen.byDensity, let element = chosen.element { mergeSiblings(of: element) }
        rootBlockIndices = blockIndicesInRoot()
        if options.leadParagraphs {
            leadBlocks = findLeadBlocks()
            headLeads = findHeadLeads()
        }
    }

    /// Whether the walk keeps an article's own `<header>` aside (see `articleHeads`).
    private var readsArticleHeads = false

    /// Indices into `blocks` of lead paragraphs found outside the content root.
    private(set) var leadBlocks: Set<Int> = []
    /// Lead paragraphs from an article's own header, with the index in `blocks` they precede.
    private(set) var headLeads: [(position: Int, block: TextBlock)] = []
    /// The blocks of the articles' own headers, kept out of `blocks`.
    private(set) var articleHeads: [ArticleHead] = []

    /// Siblings of a density-chosen root that read as more of the article (blogs that wrap every
    /// paragraph in its own `<div>`), after readability's sibling pass.
    private(set) var siblingRoots: Set<ObjectIdentifier> = []
    /// The root's parent, whose own qualifying paragraphs join the content.
    private(set) var rootParent: ObjectIdentifier?

    /// Shortest text a sibling block needs to join the content.
    static let minimumSiblingText = 80

    /// Whether blocks read as article prose: enough text, few links, sentence punctuation.
    private static func readsAsProse(_ blocks: [TextBlock]) -> Bool {
        let length = blocks.reduce(0) { $0 + $1.text.count }
        let links = blocks.reduce(0) { $0 + $1.linkLength }
        guard length >= minimumSiblingText, links * 4 < length else { return false }
        return blocks.contains { $0.text.contains(". ") || $0.text.hasSuffix(".") }
    }

    /// Finds the root's parent and marks the siblings whose text reads as prose.
    ///
    /// - Complexity: O(b·s) for b blocks and s siblings.
    private mutating func mergeSiblings(of element: HTMLElement) {
        let rootID = ObjectIdentifier(element)
        guard let stack = blocks.first(where: { $0.ancestors.contains(rootID) })?.ancestors,
            let index = stack.firstIndex(of: rootID), index > 0, let parent = elements[stack[index - 1]]
        else { return }
        let parentID = ObjectIdentifier(parent)
        rootParent = parentID
        for child in parent.children {
            // Only siblings built like the root (same tag and class) are more of the same text;
            // differently made ones are captions, teasers and boxes.
            guard case .element(let sibling) = child, sibling !== element, sibling.name == element.name,
                sibling[attribute: "class"] == element[attribute: "class"]
            else { continue }
            let id = ObjectIdentifier(sibling)
            guard elements[id] != nil else { continue }
            if Self.readsAsProse(blocks.filter { $0.ancestors.contains(id) }) { siblingRoots.insert(id) }
        }
        mergeRepeatedParts(of: element, ancestors: stack[..<index])
    }

    /// Whether a heading below the element holds a link (an entry's title linking to its page).
    static func hasLinkedHeading(_ element: HTMLElement) -> Bool {
        func containsLink(_ element: HTMLElement) -> Bool {
            element.children.contains { child in
                guard case .element(let inner) = child else { return false }
                return (inner.name == "a" && inner[attribute: "href"] != nil) || containsLink(inner)
            }
        }
        for child in element.children {
            guard case .element(let inner) = child else { continue }
            if ["h1", "h2", "h3", "h4"].contains(inner.name) {
                if containsLink(inner) { return true }
            } else if hasLinkedHeading(inner) {
                return true
            }
        }
        return false
    }

    /// Levels above the root searched for more parts of a multi-part article (an accordion adds
    /// five or six levels between a folded part and the article's row of parts).
    static let repeatedPartLevels = 8

    /// More parts of an article built as a row of repeated sections (CMS content blocks, one text
    /// section per block: `div#block-1 > section > div > div.richtext > p`, then `div#block-2 > ...`):
    /// elements below one of its nearest ancestors that have the root's tag and class and read as
    /// prose, at any depth down to three levels below the root's (a CMS may fold one block into an
    /// accordion or a column, so the parts need not stand at the root's depth: the root is often the
    /// longest part, the folded one). The root must carry a class, so that only the same kind of
    /// text box repeats.
    ///
    /// - Complexity: O(e + b·p) for e elements below the searched ancestors, b blocks and p parts.
    private mutating func mergeRepeatedParts(of root: HTMLElement, ancestors: ArraySlice<ObjectIdentifier>) {
        guard let rootClass = root[attribute: "class"], !rootClass.isEmpty else { return }
        let rootID = ObjectIdentifier(root)
        for level in 2...Self.repeatedPartLevels {
            guard ancestors.count >= level, let ancestor = elements[ancestors[ancestors.endIndex - level]],
                !Self.protectedTags.contains(ancestor.name)
            else { return }
            // A listing's entries each open with a linked title (a blog's front page): one post
            // is the page's text, not the row of them.
            if let entry = elements[ancestors[ancestors.endIndex - level + 1]], Self.hasLinkedHeading(entry) { return }
            var parts: [HTMLElement] = []
            func collect(_ element: HTMLElement, depth: Int) {
                for child in element.children {
                    guard case .element(let inner) = child, elements[ObjectIdentifier(inner)] != nil else { continue }
                    if inner !== root && inner.name == root.name && inner[attribute: "class"] == rootClass {
                        parts.append(inner)
                    } else if inner !== root, depth < level + 3 {
                        collect(inner, depth: depth + 1)
                    }
                }
            }
            collect(ancestor, depth: 1)
            for part in parts {
                let id = ObjectIdentifier(part)
                if siblingRoots.contains(id) || id == rootID { continue }
                if Self.readsAsProse(blocks.filter { $0.ancestors.contains(id) }) { siblingRoots.insert(id) }
            }
        }
    }

    /// Loose text runs shorter than this are dropped when the root also has paragraphs.
    static let minimumLooseRun = 80

    /// The paragraph blocks inside the content root, in document order. Loose text runs count only
    /// when the root has no paragraph elements; `h1` (the title) never does.
    var contentBlocks: [TextBlock] {
        let inRoot = rootBlockIndices.union(leadBlocks).sorted()
        let hasParagraphs = inRoot.contains { blocks[$0].tag != "run" && blocks[$0].tag != "h1" }
        // A lead passed a stricter test than length: a short loose-text standfirst stays.
        let kept = inRoot.filter {
            let block = blocks[$0]
            return block.tag != "h1"
                && (block.tag != "run" || !hasParagraphs || block.text.count >= Self.minimumLooseRun || leadBlocks.contains($0))
        }
        guard !headLeads.isEmpty else { return kept.map { blocks[$0] } }
        // Leads from an article's header stand before the first kept block that follows them.
        var result: [TextBlock] = []
        var pending = headLeads[...]
        for index in kept {
            while let lead = pending.first, lead.position <= index {
                result.append(lead.block)
                pending = pending.dropFirst()
            }
            result.append(blocks[index])
        }
        result.append(contentsOf: pending.map(\.block))
        return result
    }

    /// Indices into `blocks` of the blocks inside the content root, its merged siblings and its
    /// parent's own prose (every block without a root); set once the root is chosen.
    private(set) var rootBlockIndices: Set<Int> = []

    private func blockIndicesInRoot() -> Set<Int> {
        guard let root else { return Set(blocks.indices) }
        let id = ObjectIdentifier(root)
        return Set(blocks.indices.filter { index in
            let block = blocks[index]
            return block.ancestors.contains(id) || block.ancestors.contains(where: siblingRoots.contains)
                || (block.ancestors.last == rootParent && Self.readsAsProse([block]))
        })
    }

    private mutating func walk(_ element: HTMLElement, parentName: String = "") {
        if isDroppedBlock(element, parentName: parentName) {
            if readsArticleHeads, isArticleHead(element) { walkArticleHead(element) }
            return
        }
        let id = ObjectIdentifier(element)
        if element.name == "article" && !Self.hasNoiseName(element) { articles.append(element) }
        if Self.isArticleBody(element) { articleBodies.append(element) }

        if Self.paragraphTags.contains(element.name) && !containsBlock(element) {
            emit(inline: element.children, tag: element.name)
            return
        }
        // A data-table row is one line of text ("1 Ana Lima 5040 5"); rows of layout tables,
        // whose cells hold blocks, are walked as containers.
        if element.name == "tr", isDataRow(element) {
            elements[id] = element
            stack.append(id)
            emit(inline: element.children, tag: "tr")
            stack.removeLast()
            return
        }
        elements[id] = element
        stack.append(id)
        defer { stack.removeLast() }
        let runTag = Self.paragraphTags.contains(element.name) ? element.name : "run"
        var run: [HTMLNode] = []
        process(element.children, of: element, run: &run, runTag: runTag)
        emit(inline: run, tag: runTag)
    }

    /// Sorts children into the current inline run and nested blocks. Inline elements that wrap
    /// blocks (`<b>text<div>..</div></b>`, custom elements) are flattened: their text continues
    /// the run and their blocks are walked.
    private mutating func process(_ children: [HTMLNode], of parent: HTMLElement, run: inout [HTMLNode], runTag: String) {
        for child in children {
            guard case .element(let childElement) = child else {
                run.append(child)
                continue
            }
            if Self.blockTags.contains(childElement.name) || childElement.name == "br" {
                emit(inline: run, tag: runTag)
                run.removeAll()
                if childElement.name != "br" { walk(childElement, parentName: parent.name) }
            } else if blockAncestors.contains(ObjectIdentifier(childElement)) {
                if isDroppedBlock(childElement, parentName: parent.name) { continue }
                if childElement.name == "article" && !Self.hasNoiseName(childElement) { articles.append(childElement) }
                if Self.isArticleBody(childElement) { articleBodies.append(childElement) }
                let id = ObjectIdentifier(childElement)
                elements[id] = childElement
                stack.append(id)
                process(childElement.children, of: childElement, run: &run, runTag: runTag)
                stack.removeLast()
            } else {
                run.append(child)
            }
        }
    }

    /// Whether a `<header>` is the head of an article rather than the site's banner: it stands
    /// inside an `<article>` (not named as furniture) or `[itemprop=articleBody]`, and holds the
    /// `<h1>`. Its blocks are kept aside (`articleHeads`), never in `blocks`: only a lead
    /// paragraph after its headline may join the text, not its kicker, byline or date.
    private func isArticleHead(_ element: HTMLElement) -> Bool {
        guard element.name == "header", !Self.isHidden(element), Self.holdsHeadline(element) else { return false }
        return stack.contains { id in
            guard let ancestor = elements[id] else { return false }
            return Self.isArticleContainer(ancestor)
        }
    }

    /// Walks an article's header like any container and moves the blocks it yields from `blocks`
    /// to `articleHeads`, with the index in `blocks` they stood at.
    private mutating func walkArticleHead(_ element: HTMLElement) {
        let position = blocks.count
        let id = ObjectIdentifier(element)
        elements[id] = element
        stack.append(id)
        var run: [HTMLNode] = []
        process(element.children, of: element, run: &run, runTag: "run")
        emit(inline: run, tag: "run")
        stack.removeLast()
        elements[id] = nil
        let head = Array(blocks[position...])
        blocks.removeSubrange(position...)
        if !head.isEmpty { articleHeads.append(ArticleHead(position: position, article: articleAbove(head[0]), blocks: head, metadata: Self.metadataTexts(element))) }
    }

    private func isDroppedBlock(_ element: HTMLElement, parentName: String) -> Bool {
        guard Self.isDropped(element) else { return false }
        // A hidden copy of the article (microdata for search engines) is no wrapper of the
        // visible one, whatever it holds; the page itself is never hidden.
        if Self.isHidden(element) && !Self.protectedTags.contains(element.name) { return true }
        if wrapsArticleText(element) { return false }
        // ASP.NET pages wrap the whole body in one <form>, at the top or inside a page wrapper:
        // a form that holds paragraphs of text is the page, not an input form.
        if element.name == "form"
            && (parentName == "body" || Self.paragraphTextLength(element, limit: Self.formPageText) >= Self.formPageText)
        {
            return false
        }
        return Self.invisibleTags.contains(element.name) || !articleAncestors.contains(ObjectIdentifier(element))
    }

    /// Whether an element named as furniture inside the article is a layout wrapper around the
    /// article's own text: "sidebar-wrapper > entry-content", "sidebar-and-content-body >
    /// content-body". It must hold an element named as content with paragraph text, and more than
    /// half of the enclosing `<article>`'s (or `[itemprop=articleBody]`'s) paragraph text; a real
    /// sidebar or comment box inside an article holds less than the article itself.
    ///
    /// - Complexity: O(n) in the enclosing article's subtree, paid only for furniture-named
    ///   elements inside an article that hold content-named text.
    private func wrapsArticleText(_ element: HTMLElement) -> Bool {
        guard !Self.droppedTags.contains(element.name),
            let article = stack.reversed().lazy.compactMap({ self.elements[$0] })
                .first(where: Self.isArticleContainer),
            Self.holdsContentNamedText(element)
        else { return false }
        let inside = Self.paragraphTextLength(element, limit: .max)
        return inside * 2 > Self.paragraphTextLength(article, limit: .max)
    }

    /// Whether an element below this one is named as content (its class or id opens with a content
    /// word: "entry-content", "content-body", "article-text") and holds paragraph text.
    private static func holdsContentNamedText(_ element: HTMLElement) -> Bool {
        for child in element.children {
            guard case .element(let inner) = child, !droppedTags.contains(inner.name) else { continue }
            if hasContentName(inner) && paragraphTextLength(inner, limit: weakNoiseTextLimit) >= weakNoiseTextLimit {
                return true
            }
            if holdsContentNamedText(inner) { return true }
        }
        return false
    }

    /// Whether one of the element's class names (or its id) opens, before any noise word, with a
    /// content word.
    private static func hasContentName(_ element: HTMLElement) -> Bool {
        var names = (element[attribute: "class"] ?? "").lowercased().split(separator: " ")
        if let id = element[attribute: "id"]?.lowercased(), !id.isEmpty { names.append(Substring(id)) }
        for name in names {
            for token in name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                if contentPrefixes.contains(where: { token.hasPrefix($0) }) { return true }
                if noisePrefixes.contains(where: { token.hasPrefix($0) }) { break }
            }
        }
        return false
    }

    /// Paragraph text a `<form>` below the body must hold to be read as the page's wrapper.
    static let formPageText = 300

    /// Dropped tags that can never wrap an article, even when one sits below them.
    private static let invisibleTags: Set<String> = [
        "script", "style", "noscript", "iframe", "svg", "template", "head", "title", "select", "textarea",
        "object", "embed", "canvas", "video", "audio", "picture", "map", "math", "option", "button",
    ]

    /// Fills `articleAncestors` and `blockAncestors` in one pass; returns whether the subtree
    /// holds an article and whether it holds a block element.
    @discardableResult
    private mutating func markAncestors(_ element: HTMLElement) -> (article: Bool, block: Bool) {
        var holdsArticle = false
        var holdsBlock = false
        for child in element.children {
            guard case .element(let inner) = child else { continue }
            // Comment threads are often <article class="comment-body">: those do not count.
            if Self.isArticleContainer(inner) {
                holdsArticle = true
            }
            if Self.blockTags.contains(inner.name) { holdsBlock = true }
            let below = markAncestors(inner)
            holdsArticle = holdsArticle || below.article
            holdsBlock = holdsBlock || below.block
        }
        if holdsArticle { articleAncestors.insert(ObjectIdentifier(element)) }
        if holdsBlock { blockAncestors.insert(ObjectIdentifier(element)) }
        return (holdsArticle, holdsBlock)
    }

    /// Whether a table row holds only cells with inline content (a row of data, not of layout).
    private func isDataRow(_ row: HTMLElement) -> Bool {
        for child in row.children {
            guard case .element(let cell) = child else { continue }
            guard cell.name == "td" || cell.name == "th" else { return false }
            if containsBlock(cell) { return false }
        }
        return true
    }

    /// Whether any descendant is a block-level element.
    private func containsBlock(_ element: HTMLElement) -> Bool {
        blockAncestors.contains(ObjectIdentifier(element))
    }

    private mutating func emit(inline nodes: [HTMLNode], tag: String) {
        guard !nodes.isEmpty else { return }
        var text = ""
        var linkText = ""
        for node in nodes { Self.collectText(node, into: &text, links: &linkText, inLink: false) }
        let collapsed = TextUtilities.collapseWhitespace(text)
        guard !collapsed.isEmpty else { return }
        let linkLength = TextUtilities.collapseWhitespace(linkText).count
        blocks.append(TextBlock(text: collapsed, linkLength: linkLength, tag: tag, ancestors: stack))
    }

    /// Appends the visible text of an inline subtree; link text is also appended to `links`.
    static func collectText(_ node: HTMLNode, into text: inout String, links: inout String, inLink: Bool) {
        switch node {
        case .text(let string):
            text += string
            if inLink { links += string }
        case .element(let element):
            if isDropped(element) { return }
            if element.name == "br" {
                text += " "
                return
            }
            if blockTags.contains(element.name) { text += " " }
            let link = inLink || element.name == "a"
            if link && !inLink { links += " " }
            for child in element.children { collectText(child, into: &text, links: &links, inLink: link) }
            if blockTags.contains(element.name) { text += " " }
        }
    }

    // MARK: Root

    /// Text outside links, the measure of a block's worth.
    private static func weight(_ block: TextBlock) -> Int { max(0, block.text.count - block.linkLength) }

    private func contentWeight(of element: HTMLElement) -> Int {
        let id = ObjectIdentifier(element)
        return blocks.lazy.filter { $0.tag != "h1" && $0.ancestors.contains(id) }.map(Self.weight).reduce(0, +)
    }

    /// An `[itemprop=articleBody]` or `<article>` with text when present; otherwise the container
    /// that collects the most paragraph text (a paragraph scores for its parent and half for its
    /// grandparent), as readability-style extractors do.
    ///
    /// - Complexity: O(b·d) for b blocks at depth d.
    private func chooseRoot() -> (element: HTMLElement?, byDensity: Bool) {
        let densityRoot = densestContainer()
        for candidates in [articleBodies, articles] {
            let best = candidates.map { ($0, contentWeight(of: $0)) }.max { $0.1 < $1.1 }
            guard let (element, weight) = best, weight > 0 else { continue }
            // An <article> that is only a teaser card loses to a much richer block elsewhere.
            if let densityRoot, densityRoot !== element {
                let densityWeight = contentWeight(of: densityRoot)
                let densityInside = blocks.contains {
                    $0.ancestors.contains(ObjectIdentifier(element)) && $0.ancestors.contains(ObjectIdentifier(densityRoot))
                }
                if !densityInside && densityWeight > weight * 3 { return (densityRoot, true) }
            }
            return (element, false)
        }
        return (densityRoot, true)
    }

    private func densestContainer() -> HTMLElement? {
        let strongTags: Set<String> = ["p", "blockquote", "pre", "run"]
        let useStrong = blocks.contains { strongTags.contains($0.tag) }
        var scores: [ObjectIdentifier: Double] = [:]
        var order: [ObjectIdentifier] = []
        for block in blocks {
            guard useStrong ? strongTags.contains(block.tag) : block.tag == "li" else { continue }
            let weight = Double(Self.weight(block))
            guard weight > 0 else { continue }
            for (distance, id) in block.ancestors.reversed().prefix(2).enumerated() {
                if scores[id] == nil { order.append(id) }
                scores[id, default: 0] += distance == 0 ? weight : weight / 2
            }
        }
        var best: (id: ObjectIdentifier, score: Double)?
        for id in order where scores[id]! > (best?.score ?? 0) { best = (id, scores[id]!) }
        return best.flatMap { elements[$0.id] }
    }
}
