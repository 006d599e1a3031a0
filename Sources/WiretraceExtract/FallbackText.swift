/// The text of a page whose content selection found nothing: its prose blocks (paragraphs, list
/// items, table cells, divisions holding only text) outside scripts, styles, forms and hidden
/// elements, in page order. `no-text` then means the page really has no text.
enum FallbackText {
    /// Block elements whose own text is read.
    static let blocks: Set<String> = ["p", "div", "li", "td", "th", "blockquote", "pre", "section", "article", "dd", "dt", "span", "font", "center", "h2", "h3", "h4"]
    /// Elements never read.
    /// (A `<form>` is read: whole pages sit in one, and this runs only when nothing else was found.)
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "select", "button", "textarea", "head", "iframe", "object"]

    /// Blocks of at least `minimumWords` words with letters; when none has that many, the longest
    /// block with any letters.
    ///
    /// - Complexity: O(n) in the page's nodes.
    static func paragraphs(of root: HTMLElement, minimumWords: Int = 8) -> [String] {
        var found: [String] = []
        var seen = Set<String>()
        var longest = ""
        // Iterative walk: an element's direct text runs are its block's text.
        var stack: [HTMLElement] = [root]
        while let element = stack.popLast() {
            guard !skipped.contains(element.name), element[attribute: "hidden"] == nil,
                element[attribute: "aria-hidden"] != "true"
            else { continue }
            var own = ""
            for child in element.children {
                if case .text(let text) = child { own += text + " " }
                if case .element(let inner) = child, ["a", "b", "i", "em", "strong", "span", "font", "br"].contains(inner.name) {
                    own += PageMetadata.text(of: inner) + " "
                }
            }
            let text = TextUtilities.collapseWhitespace(own)
            if blocks.contains(element.name) || element.name == "body", text.contains(where: \.isLetter) {
                let words = text.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count
                if words >= minimumWords, seen.insert(text).inserted { found.append(text) }
                if text.count > longest.count { longest = text }
            }
            for child in element.children.reversed() {
                if case .element(let inner) = child, !["a", "b", "i", "em", "strong", "span", "font", "br"].contains(inner.name) || blocks.contains(inner.name) {
                    stack.append(inner)
                }
            }
        }
        if found.isEmpty, !longest.isEmpty { return [longest] }
        return found
    }
}
