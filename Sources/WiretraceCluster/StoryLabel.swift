/// The label of a story: the member headline that best represents the others.
///
/// A scraped member's title can be page furniture (the site's name, a weather widget, a share
/// row) while its text is the story's; such a title shares no words with the other members'
/// headlines. The label is the title whose words overlap the other titles most (the medoid by
/// word Jaccard), the origin's on a tie; with one member, or titles that share nothing, the
/// origin's title stands.
public enum StoryLabel {
    /// Members compared at most, in member order (the origin first): the label of a large story
    /// is settled by its first members.
    static let maximumMembers = 200

    /// - Parameters:
    ///   - members: the members' titles and outlets, in member order (a member without an
    ///     outlet counts as an outlet of its own).
    ///   - origin: the index of the origin in `members`.
    /// - Complexity: O(m² · w) for m ≤ ``maximumMembers`` titles of w words.
    ///   - isFurniture: titles never to use (e.g. one that heads documents of several stories).
    public static func title(
        of members: [(title: String?, outlet: String?)], origin: Int, isFurniture: (String) -> Bool = { _ in false }
    ) -> String? {
        let titles = members.map { $0.title.flatMap { isFurniture($0) ? nil : $0 } }
        guard titles.indices.contains(origin) else { return titles.compactMap { $0 }.first }
        let considered = Array(titles.prefix(maximumMembers))
        let outlets = members.prefix(maximumMembers).map { $0.outlet?.lowercased() }
        let words: [Set<String>] = considered.map { title in
            Set((title ?? "").lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        }
        var best: (index: Int, score: Double)?
        for i in considered.indices where !words[i].isEmpty {
            var score = 0.0
            for j in considered.indices where j != i && !words[j].isEmpty {
                let sameOutlet = outlets[i] != nil && outlets[i] == outlets[j]
                // One outlet's identical titles prove nothing (its furniture repeats on every
                // page); its different headlines for one story count, at half the weight of
                // another outlet's.
                if sameOutlet && words[i] == words[j] { continue }
                let shared = words[i].intersection(words[j]).count
                if shared > 0 { score += (sameOutlet ? 0.5 : 1) * Double(shared) / Double(words[i].union(words[j]).count) }
            }
            let isBetter: Bool
            if let current = best {
                isBetter = score > current.score + 1e-9 || (abs(score - current.score) <= 1e-9 && i == origin)
            } else {
                isBetter = true
            }
            if isBetter { best = (i, score) }
        }
        guard let best, best.score > 0 else { return titles[origin] ?? titles.compactMap { $0 }.first }
        return considered[best.index]
    }

    /// A label read from the origin's text, for a story whose every title is furniture (a text
    /// scrape that kept the site's widgets above the article and lost the headline): the first
    /// line of 4–20 words that does not end like a sentence (a headline's shape) and is not
    /// furniture, read only above the first paragraph of body text; else the first sentence of
    /// that paragraph (12 words or more). A paragraph right below a photo credit is the photo's
    /// caption (a scrape keeps the credit above the caption it belongs to): it is the lead only
    /// when no other paragraph follows. Nil when the text has neither.
    ///
    /// - Parameters:
    ///   - text: the origin's text.
    ///   - isFurniture: lines never to use (e.g. those other pages of the same outlet carry too).
    ///   - isPhotoCredit: lines that credit a photo ("AP Photo/NAME"), whose next line is a caption.
    /// - Complexity: O(length of the lines read), at most ``leadLines`` lines.
    public static func lead(
        of text: String, isFurniture: (String) -> Bool, isPhotoCredit: (String) -> Bool = { _ in false }
    ) -> String? {
        var read = 0
        var afterCredit = false
        var caption: String?
        // Line by line as far as needed (not the whole text split first: the lead is nearly
        // always in the first lines, and a story's label is found again on every run).
        var next = text.startIndex
        while next < text.endIndex {
            var end = next
            while end < text.endIndex, !text[end].isNewline { text.formIndex(after: &end) }
            let rawLine = text[next..<end]
            next = end < text.endIndex ? text.index(after: end) : end
            guard !rawLine.isEmpty else { continue }
            let line = rawLine.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !line.isEmpty else { continue }
            read += 1
            if read > leadLines { break }
            let followsCredit = afterCredit
            afterCredit = isPhotoCredit(line)
            let words = line.split(separator: " ").count
            if words >= 12 {
                guard !isFurniture(line) else { continue }
                if followsCredit && caption == nil {
                    caption = firstSentence(of: line)
                    continue
                }
                return firstSentence(of: line)
            }
            if words >= 4, let last = line.last, !".,;:…".contains(last), !isFurniture(line) {
                return line
            }
        }
        return caption
    }

    /// Lines of the origin's text that ``lead(of:isFurniture:)`` reads at most.
    static let leadLines = 40

    /// The text up to the first sentence end followed by a space after at least four words, at
    /// most 200 characters (cut at a word). A dateline opening the text ("HELSINKI —", "BERLIN
    /// (AP) -") is left out, and a full stop that ends an abbreviation or initials ("U.S.", "Mr.",
    /// "J.") ends no sentence.
    static func firstSentence(of line: String) -> String {
        let line = withoutDateline(line)
        var words = 0
        var previous: Character = " "
        var wordStart = line.startIndex
        for index in line.indices {
            let character = line[index]
            if character == " " {
                if previous != " " { words += 1 }
                if words >= 4, ".!?".contains(previous), previous != "." || !isAbbreviation(line[wordStart..<index]) {
                    return String(line[..<line.index(before: index)]) + String(previous)
                }
                wordStart = line.index(after: index)
            }
            previous = character
        }
        guard line.count > 200 else { return line }
        let cut = line.prefix(200)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    /// Titles and abbreviations a full stop follows inside a sentence.
    static let abbreviations: Set<String> = [
        "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "sgt.", "st.", "jr.",
        "sr.", "no.", "vs.", "inc.", "corp.", "co.", "ltd.", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    ]

    /// Whether `word` (its full stop included) is an abbreviation or initials: "U.S.", "J.", "Mr.".
    static func isAbbreviation(_ word: Substring) -> Bool {
        let letters = word.filter(\.isLetter)
        if letters.count == 1 || word.dropLast().contains(".") { return true }
        return abbreviations.contains(word.lowercased())
    }

    /// `line` without a dateline at its start: a place whose first word is in capitals, perhaps a
    /// region or a day after a comma and an agency in parentheses, then a dash ("HELSINKI—",
    /// "BERLIN (AP) — ", "HARBOURTON, Maine (AP) - ", "BERLIN, July 15 (Reuters) - "), when text
    /// follows it.
    static func withoutDateline(_ line: String) -> String {
        guard let dash = line.prefix(60).firstIndex(where: { "—–".contains($0) })
            ?? line.prefix(60).range(of: " - ")?.lowerBound
        else { return line }
        var place = line[..<dash]
        if let open = place.firstIndex(of: "("), place.last(where: { $0 != " " }) == ")" { place = place[..<open] }
        let words = place.split(whereSeparator: { $0 == " " || $0 == "," })
        guard let first = words.first, first.count >= 3, first.allSatisfy({ $0.isUppercase || $0 == "." || $0 == "-" }),
            words.count <= 6, words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true })
        else { return line }
        var index = line.index(after: dash)
        while index < line.endIndex, line[index] == " " || line[index] == "-" { line.formIndex(after: &index) }
        guard index < line.endIndex, line[index].isLetter || line[index].isNumber || "\"“‘'".contains(line[index]) else { return line }
        return String(line[index...])
    }
}

