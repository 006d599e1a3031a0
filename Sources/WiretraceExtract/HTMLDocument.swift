internal import CLibXML2

/// One element of a parsed HTML page, copied out of libxml2's tree into Swift values.
///
/// A reference type so that content selection can name elements by identity while it scores them.
/// Not `Sendable`: a tree lives inside one `extract` call.
final class HTMLElement {
    /// Lower-cased tag name ("p", "article").
    let name: String
    /// Attributes by lower-cased name; the first occurrence wins.
    let attributes: [String: String]
    /// Children in document order.
    var children: [HTMLNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of an attribute, if present.
    subscript(attribute name: String) -> String? { attributes[name] }
}

/// A node of a parsed page: an element or a run of text (text and CDATA alike).
enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

/// The libxml2 boundary: HTML bytes in, a Swift element tree out.
///
/// This is the only file that touches libxml2 pointers. Every pointer stays inside `parse`;
/// the document is freed with one `xmlFreeDoc` before it returns.
enum HTMLDocument {
    /// libxml2's own nesting limit: without `XML_PARSE_HUGE` (which also lifts its other limits)
    /// it stops parsing at an element this deep and drops the rest of the page.
    static let libxml2MaximumDepth = 256

    /// A parsed page: the root element, and how nesting past the cap was handled.
    struct Parsed {
        /// The root element (`html`), or nil when libxml2 produced no element at all.
        var root: HTMLElement?
        /// Set when elements nest deeper than the cap: the tree below it is cut (and, past
        /// libxml2's own limit, the rest of the page is lost).
        var depthOverflow: DepthOverflow?
    }

    /// Where nesting passed the cap.
    struct DepthOverflow: Equatable {
        /// The cap that was passed.
        var maximumDepth: Int
        /// The line of the page where libxml2 stopped, when it was libxml2's own limit.
        var line: Int?
    }

    /// Parses HTML bytes leniently (recover mode, no network, no error output).
    ///
    /// - Parameters:
    ///   - bytes: the page bytes.
    ///   - encoding: a libxml2 encoding name to force (the document's own declaration is then
    ///     ignored), or nil to let libxml2 sniff `<meta charset>` itself.
    ///   - maximumDepth: the deepest element nesting copied out (at most ``libxml2MaximumDepth``);
    ///     deeper subtrees are cut and reported in ``Parsed/depthOverflow``. Bounds the recursion
    ///     of every walker over the tree, so no nesting in the input can overflow the stack.
    static func parse(_ bytes: [UInt8], encoding: String?, maximumDepth: Int = libxml2MaximumDepth) -> Parsed {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return Parsed() }
        _ = libxml2Initialized

        var options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_COMPACT.rawValue
        if encoding != nil { options |= HTML_PARSE_IGNORE_ENC.rawValue }
        let cap = min(maximumDepth, libxml2MaximumDepth)

        return bytes.withUnsafeBufferPointer { buffer -> Parsed in
            guard let base = buffer.baseAddress, let context = htmlNewParserCtxt() else { return Parsed() }
            defer { htmlFreeParserCtxt(context) }
            let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlCtxtReadMemory(context, chars, Int32(buffer.count), nil, encoding, Int32(bitPattern: options))
            }
            guard let document else { return Parsed() }
            defer { xmlFreeDoc(document) }
            var parsed = Parsed()
            if let error = xmlCtxtGetLastError(context), error.pointee.code == XML_ERR_INTERNAL_ERROR.rawValue,
               let message = error.pointee.message, String(cString: message).contains("depth") {
                parsed.depthOverflow = DepthOverflow(maximumDepth: cap, line: Int(error.pointee.line))
            }
            guard let root = xmlDocGetRootElement(document) else { return parsed }
            var cut = false
            parsed.root = copyElement(root, depth: 0, maximumDepth: cap, cut: &cut)
            if cut, parsed.depthOverflow == nil { parsed.depthOverflow = DepthOverflow(maximumDepth: cap) }
            return parsed
        }
    }

    /// Whether libxml2 knows an encoding name (its own table or iconv).
    static func supportsEncoding(_ name: String) -> Bool {
        _ = libxml2Initialized
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// Copies an element node and its subtree. The pointer does not escape.
    /// Sets `cut` when an element at `maximumDepth` had element children that were left out.
    private static func copyElement(_ node: xmlNodePtr, depth: Int, maximumDepth: Int, cut: inout Bool) -> HTMLElement {
        let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            if let rawName = current.pointee.name {
                let key = String(cString: rawName).lowercased()
                if attributes[key] == nil {
                    attributes[key] = textContent(of: current.pointee.children)
                }
            }
            attribute = current.pointee.next
        }
        let element = HTMLElement(name: name, attributes: attributes)
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE where depth >= maximumDepth:
                cut = true  // the cap: text at this depth is kept, deeper elements are not
            case XML_ELEMENT_NODE:
                element.children.append(.element(copyElement(current, depth: depth + 1, maximumDepth: maximumDepth, cut: &cut)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.children.append(.text(String(cString: content)))
                }
            default:
                break  // comments, processing instructions, entity references
            }
            child = current.pointee.next
        }
        return element
    }

    /// Concatenated text of a sibling list (an attribute's value nodes).
    private static func textContent(of first: xmlNodePtr?) -> String {
        var result = ""
        var node = first
        while let current = node {
            if let content = current.pointee.content { result += String(cString: content) }
            node = current.pointee.next
        }
        return result
    }
}

/// `xmlInitParser()` runs once, before the first parse, whatever thread gets there first.
private let libxml2Initialized: Void = { xmlInitParser() }()
