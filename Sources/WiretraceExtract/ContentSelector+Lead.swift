/// Lead paragraphs: the standfirst or intro that many pages set between the headline and the
/// body, in a container of its own (`<h1>`, then `<p class="intro">`, then `<div class="body">`),
/// so that the densest container, the body, leaves it out.
extension ContentSelector {
    /// Most blocks between the headline and the content's first block for a lead to be looked for:
    /// further apart, the `<h1>` is a site's logo or a section's name, not the story's headline.
    static let maximumLeadDistance = 8

    /// Fewest words of a lead paragraph (shorter lines are kickers, dates and bylines).
    static let minimumLeadWords = 8

    /// Blocks between the last `<h1>` before the content and the content's first block that read
    /// as a sentence of prose: a paragraph or loose text, few links, ending as a sentence ends.
    /// The headline and the content must share a container below `<body>`, so that text between
    /// a page-wide banner heading and the story is not taken.
    ///
    /// - Complexity: O(b·d) for b blocks at depth d.
    func findLeadBlocks() -> Set<Int> {
        guard root != nil else { return [] }
        let content = rootBlockIndices
        guard let first = content.min(),
            let headline = blocks[..<first].lastIndex(where: { $0.tag == "h1" }),
            first - headline - 1 <= Self.maximumLeadDistance,
            sharesContainer(blocks[headline], blocks[first])
        else { return [] }
        let contentTexts = Set(content.map { blocks[$0].text })
        var found: Set<Int> = []
        for index in (headline + 1)..<first {
            let block = blocks[index]
            guard block.tag == "p" || block.tag == "run", Self.readsAsLead(block),
                !contentTexts.contains(block.text)
            else { continue }
            found.insert(index)
        }
        return found
    }

    /// Whether a block reads as one or more sentences of prose: enough words, few of its
    /// characters in links, and a sentence's closing punctuation at its end.
    static func readsAsLead(_ block: TextBlock) -> Bool {
        let words = block.text.split(separator: " ").count
        guard words >= minimumLeadWords, block.linkLength * 4 < block.text.count else { return false }
        let closing = block.text.reversed().first { !"\"'»«“”„’)]".contains($0) }
        return closing.map { ".!?…".contains($0) } ?? false
    }

    /// Whether two blocks have a common container below `<body>` (and `<html>`).
    private func sharesContainer(_ one: TextBlock, _ other: TextBlock) -> Bool {
        let others = Set(other.ancestors)
        return one.ancestors.contains { id in
            guard others.contains(id), let element = elements[id] else { return false }
            return element.name != "html" && element.name != "body"
        }
    }

    // MARK: The article's own header

    /// Whether an `<h1>` stands below the element.
    static func holdsHeadline(_ element: HTMLElement) -> Bool {
        element.children.contains { child in
            guard case .element(let inner) = child else { return false }
            return inner.name == "h1" || holdsHeadline(inner)
        }
    }

    /// Class/id word openings that name a header's line of metadata ("entry-meta", "post-info",
    /// "dateline"): a byline or date with a disclosure is no lead, however sentence-like.
    static let metadataPrefixes = ["meta", "info", "date", "time", "posted"]

    /// The texts (whitespace collapsed) of the elements below one whose class or id names metadata.
    static func metadataTexts(_ element: HTMLElement) -> Set<String> {
        var found: Set<String> = []
        for child in element.children {
            guard case .element(let inner) = child else { continue }
            let names = [inner[attribute: "class"], inner[attribute: "id"]].compactMap { $0?.lowercased() }
            let named = names.contains { name in
                name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).contains { token in
                    metadataPrefixes.contains { token.hasPrefix($0) }
                }
            }
            if named {
                var text = ""
                var links = ""
                collectText(child, into: &text, links: &links, inLink: false)
                found.insert(TextUtilities.collapseWhitespace(text))
            } else {
                found.formUnion(metadataTexts(inner))
            }
        }
        return found
    }

    /// The innermost `<article>` or `[itemprop=articleBody]` above a block.
    func articleAbove(_ block: TextBlock) -> ObjectIdentifier? {
        block.ancestors.last { id in
            guard let element = elements[id] else { return false }
            return Self.isArticleContainer(element)
        }
    }

    /// Lead paragraphs in an article's own header: the prose blocks after its `<h1>`, when the
    /// content's first block stands inside the same article at most `maximumLeadDistance` blocks
    /// after the header.
    func findHeadLeads() -> [(position: Int, block: TextBlock)] {
        guard root != nil else { return [] }
        let content = rootBlockIndices
        guard let first = content.min() else { return [] }
        let contentTexts = Set(content.map { blocks[$0].text })
        var found: [(position: Int, block: TextBlock)] = []
        for head in articleHeads where head.position <= first && first - head.position <= Self.maximumLeadDistance {
            guard let article = head.article, blocks[first].ancestors.contains(article),
                let headline = head.blocks.lastIndex(where: { $0.tag == "h1" })
            else { continue }
            for block in head.blocks[(headline + 1)...]
            where (block.tag == "p" || block.tag == "run") && Self.readsAsLead(block) && !contentTexts.contains(block.text)
                && !head.metadata.contains(block.text)
            {
                found.append((head.position, block))
            }
        }
        return found
    }
}

/// The blocks of an article's own `<header>`, kept out of the content's candidates.
struct ArticleHead {
    /// The index in `blocks` of the first block after the header.
    var position: Int
    /// The article that holds the header.
    var article: ObjectIdentifier?
    var blocks: [TextBlock]
    /// Texts of the header's metadata lines (`ContentSelector.metadataTexts`).
    var metadata: Set<String>
}
