/// One line of CSV (RFC 4180) that a spreadsheet opens as data. A cell is either text, which is
/// always neutralised and quoted as needed, or a number this code formatted itself; there is no
/// way to put raw text in a row. A text cell that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return: an outlet named `=HYPERLINK(...)`) gets a
/// leading `'`, which spreadsheets show as text and do not evaluate.
///
/// ```swift
/// CSVRow([.text("=1+2"), .text("Reuters, London"), .integer(-3600)]).line  // "'=1+2,\"Reuters, London\",-3600\n"
/// ```
public struct CSVRow: Sendable, Hashable {
    public enum Cell: Sendable, Hashable {
        /// Outside text: neutralised, then quoted when it holds a comma, quote or line break.
        case text(String)
        case integer(Int)
        /// A number with at most four decimals, as this report gives shares.
        case number(Double)
        /// No value.
        case empty
    }

    public var cells: [Cell]

    public init(_ cells: [Cell]) { self.cells = cells }

    /// The row's text, ending in a line feed.
    public var line: String { cells.map(Self.field).joined(separator: ",") + "\n" }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): quoted(neutralised(text))
        case .integer(let value): String(value)
        case .number(let value): value.isFinite ? String((value * 10_000).rounded() / 10_000) : ""
        case .empty: ""
        }
    }

    /// `text` with a `'` in front when a spreadsheet would take it for a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// The characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
    /// return, that some importers strip before the one that does).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `text` in double quotes (inner quotes doubled) when it holds a comma, a quote, a line
    /// break or leading or trailing spaces; as it is otherwise.
    static func quoted(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
