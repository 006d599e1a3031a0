import WiretraceCore
/// Metadata read from article prose: the dateline that opens a story, and "By ..." bylines.
enum TextSignals {
    /// Words in capitals that open teasers and labels, not datelines ("READ: ...", "UPDATE: ...").
    private static let notPlaces: Set<String> = [
        "READ", "READ MORE", "ALSO READ", "WATCH", "LISTEN", "UPDATE", "UPDATED", "BREAKING",
        "BREAKING NEWS", "EXCLUSIVE", "LIVE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "FILE", "PHOTO",
        "VIDEO", "ANALYSIS", "OPINION", "COMMENT", "FACTBOX", "Q&A", "FAQ", "SOURCE", "SOURCES",
        "CORRECTION", "CLARIFICATION", "WARNING", "SPOILER", "TIMELINE", "EXPLAINER", "FILE PHOTO",
    ]

    /// Everyday words that show a capitalised opening is a heading, not a place name.
    private static let headingWords: Set<String> = [
        "AHEAD", "FOR", "SET", "THE", "TO", "OF", "AND", "IS", "ARE", "LIVE", "WATCH", "PHOTOS", "PHOTO",
        "UPDATE", "UPDATES", "WHAT", "WHY", "HOW", "WHO", "MORE", "NOT", "BUT", "NEWS", "VIDEO", "READ",
        "A", "AN", "WITH", "AT", "BY", "NEXT", "NOW", "NEW:", "ON", "IN", "WILL", "CAN",
    ]

    private static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The place a story opens with: "MOSCOW: ..." -> "MOSCOW"; "MOSCOW (Reuters) - ..." ->
    /// "MOSCOW"; "WASHINGTON, July 4 (AP) — ..." -> "WASHINGTON"; "PORTREE/INVERNESS, Scotland — ..."
    /// -> "PORTREE/INVERNESS, Scotland".
    ///
    /// The place must be in capitals and be followed (after an optional region, date and agency in
    /// parentheses) by a colon or a dash.
    static func dateline(in paragraph: String) -> String? {
        let chars = Array(paragraph.prefix(200))
        var index = 0

        // Place: capitalised words separated by spaces or slashes.
        var placeEnd = 0
        var capitals = 0
        while index < chars.count {
            var cursor = index
            var wordCapitals = 0
            while cursor < chars.count, chars[cursor].isUppercase || (cursor > index && ".'’-&".contains(chars[cursor])) {
                if chars[cursor].isUppercase { wordCapitals += 1 }
                cursor += 1
            }
            // A word followed by lower-case letters ("President") is not a capitalised place.
            if wordCapitals == 0 || (cursor < chars.count && chars[cursor].isLetter) { break }
            capitals += wordCapitals
            placeEnd = cursor
            if cursor + 1 < chars.count, chars[cursor] == " " || chars[cursor] == "/", chars[cursor + 1].isUppercase {
                index = cursor + 1
            } else {
                break
            }
        }
        guard placeEnd > 0, capitals >= 2 else { return nil }
        let place = String(chars[0..<placeEnd]).trimmingCharacters(in: " .-")
        guard !notPlaces.contains(place), place.count <= 60 else { return nil }
        // Capitalised subheadings ("BIG SITDOWN AHEAD: ...", "WATCH LIVE: ...") are not places.
        let placeWords = place.split(whereSeparator: { $0 == " " || $0 == "/" })
        if placeWords.count > 4 || placeWords.contains(where: { headingWords.contains(String($0)) }) { return nil }
        index = placeEnd

        var region: String?
        skipSpaces(chars, &index)
        if index < chars.count, chars[index] == "," {
            index += 1
            skipSpaces(chars, &index)
            let words = capitalisedWords(chars, from: index)
            if let first = words.first, isMonth(first.word), nextIsDigit(chars, after: first.end)
            {
                index = skipDate(chars, from: index)
            } else if !words.isEmpty {
                region = words.map(\.word).joined(separator: " ")
                index = words.last!.end
                skipSpaces(chars, &index)
                if index < chars.count, chars[index] == "," {
                    let dateStart = index + 1
                    var probe = dateStart
                    skipSpaces(chars, &probe)
                    if let month = capitalisedWords(chars, from: probe).first, isMonth(month.word) {
                        index = skipDate(chars, from: probe)
                    }
                }
            } else {
                return nil
            }
        }
        skipSpaces(chars, &index)
        // TASS style: "MOSCOW, June 22. /TASS/. ..."
        if index + 1 < chars.count, chars[index] == ".", chars[index + 1] == " " {
            var probe = index + 1
            skipSpaces(chars, &probe)
            if probe < chars.count, chars[probe] == "/",
                let close = chars[(probe + 1)...].firstIndex(of: "/"), close - probe <= 30,
                close + 1 < chars.count, chars[close + 1] == "."
            {
                if let region { return "\(place), \(region)" }
                return place
            }
        }
        if index < chars.count, chars[index] == "(" {
            guard let close = chars[index...].firstIndex(of: ")"), close - index <= 40 else { return nil }
            index = close + 1
            skipSpaces(chars, &index)
        }
        guard index < chars.count, ":-–—".contains(chars[index]) else { return nil }
        // A colon must be followed by a space ("MOSCOW: ..."), not by digits ("GMT:12").
        if chars[index] == ":", index + 1 < chars.count, chars[index + 1] != " " { return nil }
        if let region { return "\(place), \(region)" }
        return place
    }

    private static func skipSpaces(_ chars: [Character], _ index: inout Int) {
        while index < chars.count, chars[index] == " " { index += 1 }
    }

    private static func isMonth(_ word: String) -> Bool {
        months.contains(word.lowercased().trimmingCharacters(in: "."))
    }

    private static func nextIsDigit(_ chars: [Character], after end: Int) -> Bool {
        var index = end
        skipSpaces(chars, &index)
        return index < chars.count && chars[index].isNumber
    }

    /// Skips "July 4", "Jan. 5, 2024", "June 22".
    private static func skipDate(_ chars: [Character], from start: Int) -> Int {
        var index = start
        while index < chars.count, chars[index].isLetter || chars[index] == "." { index += 1 }
        skipSpaces(chars, &index)
        while index < chars.count, chars[index].isNumber { index += 1 }
        var probe = index
        if probe < chars.count, chars[probe] == "," {
            probe += 1
            skipSpaces(chars, &probe)
            var digits = 0
            while probe < chars.count, chars[probe].isNumber { probe += 1; digits += 1 }
            if digits == 4 { index = probe }
        }
        return index
    }

    /// Up to four capitalised words ("Scotland", "New South Wales") starting at `start`.
    private static func capitalisedWords(_ chars: [Character], from start: Int) -> [(word: String, end: Int)] {
        var words: [(word: String, end: Int)] = []
        var index = start
        while words.count < 4, index < chars.count, chars[index].isUppercase {
            var cursor = index
            while cursor < chars.count, chars[cursor].isLetter || ".'’-".contains(chars[cursor]) { cursor += 1 }
            words.append((String(chars[index..<cursor]), cursor))
            guard cursor + 1 < chars.count, chars[cursor] == " ", chars[cursor + 1].isUppercase else { break }
            index = cursor + 1
        }
        return words
    }

    /// Connecting words allowed in a byline besides capitalised names.
    private static let bylineConnectors: Set<String> = [
        "and", "&", "in", "of", "the", "de", "da", "del", "van", "von", "der", "bin", "al", "for", "|", "-", "—",
        "und", "et", "y", "e", "en", "och", "og", "i", "di", "du", "le", "la", "dos", "das", "ten", "zu",
    ]

    /// The words that open a byline: "By" and its equivalents in the languages whose press uses
    /// them ("Von", "Par", "Por", "Di", "Door", "Av", "Af"), and labelled forms ("Author:").
    static let bylineOpeners = [
        "By ", "BY ", "by ", "Von ", "VON ", "von ", "Par ", "PAR ", "par ", "Por ", "POR ", "por ", "Di ", "DI ",
        "di ", "Door ", "DOOR ", "door ", "Av ", "AV ", "av ", "Af ", "AF ", "af ", "Written by ", "Words by ",
        "Author: ", "Autor: ", "Autorin: ", "Auteur : ", "Auteur: ", "Autore: ", "Auteur ", "Text: ", "Texte : ",
        "Texte: ", "Texto: ", "Testo: ", "Autora: ", "Tekst: ", "Text och foto: ", "Text und Fotos: ", "Text & Fotos: ",
        "Text und Foto: ", "Text & Foto: ", "Text und Bild: ", "Text und Bilder: ", "Texte et photos : ", "Texte et photo : ",
        "Text and photos: ", "Words and pictures: ", "Testo e foto: ", "Texto y fotos: ", "Tekst en foto's: ",
        "Ein Beitrag von ", "Ein Artikel von ", "Ein Kommentar von ", "Ein Interview von ", "Ein Gastbeitrag von ",
        "Ein Gastkommentar von ", "Eine Analyse von ", "Eine Reportage von ", "Ein Bericht von ", "Eine Kolumne von ",
        "Geschrieben von ", "Verfasst von ", "Écrit par ", "Un article de ", "Une tribune de ", "Escrito por ",
        "Scritto da ", "Articolo di ", "Geschreven door ", "Dal nostro inviato ", "Dalla nostra inviata ",
        "Dal nostro corrispondente ", "Dalla nostra corrispondente ", "Recueilli par ", "Recueillis par ",
        "Propos recueillis par ", "Recipe by ", "Interview: ", "Posted by ", "Veröffentlicht von ", "Gepostet von ",
        "Publié par ", "Publicado por ", "Pubblicato da ", "Erstellt von ", "Artikel von: ", "Artikel von ",
        "Submitted by ", "Gespeichert von ", "Eingestellt von ", "Rédigé par ",
    ]

    /// Bylines that name a desk or a newsroom, not a person: not an author.
    static let desks: Set<String> = [
        "redaktion", "staff", "staff writer", "staff reporter", "newsroom", "editorial board", "editors", "the editors",
        "web desk", "news desk", "online desk", "desk", "rédaction", "la rédaction", "redacción", "redazione",
        "redactie", "admin", "administrator", "zvg", "editor", "news service", "wire services", "agencies", "agencias",
        "newsdesk", "news-desk",
    ]

    /// The names part of what follows a byline's opener: cut at the first separator that is
    /// followed by an agency, a desk, a role or a date ("NAME, AP Diplomatic Writer", "NAME |
    /// Associated Press", "NAME - The Daily Example - Sunday, July 15, 2018", "NAME, dpa").
    static func bylineNames(_ text: String) -> String {
        var names = dropLeadingRole(withoutContacts(TextUtilities.collapseWhitespace(text)))
        // A photographer's or illustrator's credit run on after the names, with no separator
        // between them: "Text: NAME Fotos: NAME", "NAME Photo : NAME" (the photographer is no writer).
        names = beforeCreditLabel(names)
        // A writer's title in parentheses after the names: "NAME (Redakteur)", "NAME (freie Journalistin)".
        if names.hasSuffix(")"), let open = names.range(of: " (", options: .backwards) {
            let inside = names[open.upperBound...].dropLast().split(separator: " ")
            if !inside.isEmpty, inside.allSatisfy({ $0.first?.isLowercase == true || bylineRoles.contains($0.lowercased()) }),
                inside.contains(where: { bylineRoles.contains($0.lowercased()) })
            {
                names = String(names[..<open.lowerBound])
            }
        }
        // Separators that never stand inside a list of names: cut at the first.
        for separator in [" | ", " - ", " — ", " – ", " / ", "; ", " •", " · "] {
            if let range = names.range(of: separator) { names = String(names[..<range.lowerBound]) }
        }
        // A date line run on after the names: "NAME Published 3rd Nov 2023", "NAME Aktualisiert am ...".
        for cue in MonthNames.publishedCues + MonthNames.modifiedCues {
            let word = " " + cue.prefix(1).uppercased() + cue.dropFirst()
            if let range = names.range(of: word), range.lowerBound > names.startIndex {
                let after = names[range.upperBound...]
                if after.isEmpty || after.first == " " || after.first == ":" { names = String(names[..<range.lowerBound]) }
            }
        }
        // A writer's initials joined to an agency by a slash: "det/dpa", "NAME/AFP".
        if let slash = names.lastIndex(of: "/"), slash > names.startIndex,
            CreditDetector.agency(named: String(names[names.index(after: slash)...])) != nil
        {
            names = String(names[..<slash])
        }
        // Writers joined by a bare slash: "Anna Berger/Tom Krause" -> "Anna Berger, Tom Krause";
        // each side a name of two or more capitalised words.
        if names.contains("/"), !names.contains(" / ") {
            let sides = names.split(separator: "/").map { String($0).trimmingCharacters(in: " ") }
            let allNames = sides.allSatisfy { side in
                let words = side.split(separator: " ")
                return words.count >= 2 && words.allSatisfy { $0.first?.isUppercase == true || bylineConnectors.contains($0.lowercased()) }
            }
            if sides.count >= 2, allNames { names = sides.joined(separator: ", ") }
        }
        // A preposition before a date: "NAME am 21. April 2020", "NAME on 3 May 2021", "NAME le 3 mai 2021".
        // Capitalised too, as some bylines write it ("Par NAME Le 17/02/2020").
        for preposition in [" am ", " on ", " le ", " el ", " il ", " op ", " den ", " vom "] {
            guard let range = names.range(of: preposition, options: .caseInsensitive), range.lowerBound > names.startIndex,
                DateText.matches(in: String(names[range.upperBound...]), order: .dayFirst).first?.start == 0
            else { continue }
            names = String(names[..<range.lowerBound])
            break
        }
        // A preposition before a clock time: "NAME at 18:52", "NAME um 9.30 Uhr", "NAME à 18h05".
        for preposition in [" at ", " um ", " à ", " alle ", " a las "] {
            guard let range = names.range(of: preposition), range.lowerBound > names.startIndex else { continue }
            let after = names[range.upperBound...].prefix(5)
            let digits = after.prefix { $0.isNumber }
            if (1...2).contains(digits.count), let mark = after.dropFirst(digits.count).first, ":.h".contains(mark),
                after.dropFirst(digits.count + 1).first?.isNumber == true
            {
                names = String(names[..<range.lowerBound])
                break
            }
        }
        // A comma before a date: "NAME, 01.12.2021", "NAME, 3. Mai 2021", and the weekday before
        // it ("NAME Friday, 3 Nov, 2023").
        if let range = names.range(of: ", "),
            DateText.matches(in: String(names[range.upperBound...]), order: .dayFirst).first?.start == 0
        {
            names = String(names[..<range.lowerBound])
            if let last = names.split(separator: " ").last, names.contains(" "),
                MonthNames.weekdays.contains(last.lowercased())
            {
                names = String(names.dropLast(last.count)).trimmingCharacters(in: " ")
            }
        }
        // A comma before a credit label: "Text: NAME, Fotos: NAME" names the photographer next.
        if let range = names.range(of: ", "), let label = names[range.upperBound...].split(separator: " ").first,
            label.hasSuffix(":")
        {
            names = String(names[..<range.lowerBound])
        }
        // A comma or "for" before an agency, a desk or a title: "NAME, AP Diplomatic Writer",
        // "NAME, dpa", "NAME for AFP", "NAME, Staff Writer"; a comma before another name stays.
        for separator in [", ", " for "] {
            var searchStart = names.startIndex
            while let range = names.range(of: separator, range: searchStart..<names.endIndex) {
                let tail = names[range.upperBound...]
                let first = tail.split(separator: " ").first.map(String.init) ?? ""
                if CreditDetector.agency(named: first) != nil || CreditDetector.agency(named: String(tail)) != nil
                    || CreditDetector.agencyClosingByline(Substring("x " + tail)) != nil
                    || bylineRoles.contains(first.lowercased()) || desks.contains(tail.lowercased())
                    || (separator == ", " && isRoleNoun(first))
                    // Names are capitalised: "NAME, freie Journalistin", "NAME, envoyée spéciale".
                    || (separator == ", " && first.first?.isLowercase == true && !bylineConnectors.contains(first))
                {
                    names = String(names[..<range.lowerBound])
                    break
                }
                searchStart = range.upperBound
            }
        }
        // The publication the writers wrote for: "NAME for The Daily Example", "NAME And NAME For
        // The Sunday Example" (names never hold the word).
        for separator in [" for ", " For "] {
            if let range = names.range(of: separator), names[..<range.lowerBound].contains(" "),
                names[range.upperBound...].first?.isUppercase == true
            {
                names = String(names[..<range.lowerBound])
            }
        }
        // The writer's words joined to an agency: "NAME avec AFP", "NAME mit dpa", "NAME con EFE",
        // "NAME for AFP", "NAME (dpa)", "NAME Associated Press"; not the agency's own name.
        var cut = CreditDetector.agency(named: names) != nil
        for separator in [" for ", " avec ", " mit ", " con ", " with ", " and ", " und ", " et ", " y ", " e ", " (", " "] where !cut {
            var searchStart = names.startIndex
            while let range = names.range(of: separator, range: searchStart..<names.endIndex) {
                let tail = String(names[range.upperBound...])
                // Without a joining word, the agency must look like one: several words, capitals
                // or dpa ("NAME Associated Press", "NAME AFP"), not a surname ("Ana Efe").
                let looksLikeAgency = separator != " " || tail.contains(" ") || tail == tail.uppercased() || tail == "dpa"
                // The agency and the writer's title, the line break between them and the names
                // lost: "NAME AP Entertainment Writer" (the agency in capitals, a title's noun last).
                let agencyAndTitle = separator == " " && agencyWithTitle(tail) != nil
                if range.lowerBound > names.startIndex,
                    (looksLikeAgency && CreditDetector.agency(named: tail) != nil) || agencyAndTitle
                {
                    names = String(names[..<range.lowerBound])
                    cut = true
                    break
                }
                searchStart = range.upperBound
            }
        }
        // Places beside the names: "Tom Krause, Berlin", "Anna Berger, Zürich, Tom Krause" (one
        // word between commas; a writer's name has two).
        let segments = names.components(separatedBy: ", ")
        if segments.count >= 2, segments[0].split(separator: " ").count >= 2 {
            // Also a degree or title in capitals after the names ("NAME, BSc, MD").
            let kept = segments.enumerated().filter { index, segment in
                guard index > 0, !segment.contains(" "), segment.first?.isUppercase == true,
                    segment.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "." })
                else { return true }
                let isWord = segment.dropFirst().contains(where: \.isLowercase)
                let isInitials = segment.count <= 5 && segment.allSatisfy { $0.isUppercase || $0 == "." }
                return !(isWord || isInitials)
            }.map(\.element)
            names = kept.joined(separator: ", ")
        }
        // A date run on after the names: "NAME Sa 13 Jul 2019", "NAME 12.03.2021".
        if let date = DateText.matches(in: names, order: .dayFirst).first, date.start > 0 {
            var head = String(names.unicodeScalars.prefix(date.start)).trimmingCharacters(in: " ,;:|-–—·")
            if let last = head.split(separator: " ").last, head.contains(" "),
                MonthNames.weekdays.contains(last.lowercased().trimmingCharacters(in: ".,")) || Self.weekdayAbbreviations.contains(last.lowercased().trimmingCharacters(in: ".,"))
            {
                head = String(head.dropLast(last.count))
            }
            names = head
        }
        // A full stop ends a sentence, not a name ("Patrick DUPONT."), but "Jr." keeps its own.
        if names.hasSuffix("."), let last = names.split(separator: " ").last, last.count > 3,
            !last.dropLast().contains(".")
        {
            names.removeLast()
        }
        // A title in lower case after the names, without a comma: "NAME News reporter", "NAME
        // Senior writer", "NAME reporter" (a role's noun last, a qualifier before it at most).
        var nameWords = names.split(separator: " ")
        if nameWords.count >= 3, let last = nameWords.last, last.first?.isLowercase == true, bylineRoles.contains(String(last)),
            !roleQualifiers.contains(String(last))
        {
            nameWords.removeLast()
            if nameWords.count >= 3, let qualifier = nameWords.last, roleQualifiers.contains(qualifier.lowercased()) || qualifier.lowercased() == "news" {
                nameWords.removeLast()
            }
            names = nameWords.joined(separator: " ")
        }
        // A name given twice ("NAME, NAME", a JSON-LD list repeating its writer) stands once.
        let listed = names.components(separatedBy: ", ")
        if listed.count >= 2 {
            var seen = Set<String>()
            names = listed.filter { seen.insert($0.lowercased().trimmingCharacters(in: " ")).inserted }.joined(separator: ", ")
        }
        return names.trimmingCharacters(in: " ,;:|-–—")
    }

    /// The agency of an agency's name in capitals followed by a writer's title ("AP
    /// Entertainment Writer", "AFP Correspondent"): one to three words, a title's noun last.
    static func agencyWithTitle(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count), words[0] == words[0].uppercased() || words[0] == "dpa",
            bylineRoles.contains(words[words.count - 1].lowercased())
        else { return nil }
        return CreditDetector.agency(named: String(words[0]))
    }

    /// The agency in a byline that ends with an agency's name and a writer's title ("By NAME AP
    /// Entertainment Writer" -> AP), or nil.
    static func agencyBeforeTitle(_ byline: String) -> String? {
        let words = TextUtilities.collapseWhitespace(byline).split(separator: " ")
        for start in max(1, words.count - 4)..<max(1, words.count - 1) {
            if let agency = agencyWithTitle(words[start...].joined(separator: " ")) { return agency }
        }
        return nil
    }

    /// Endings of job titles that follow a writer's name after a comma ("NAME, Projektleiterin
    /// der Stiftung", "NAME, Pressesprecher", "NAME, Professor of Law"), lower-cased.
    private static let roleNounEndings = [
        "leiter", "leiterin", "referent", "referentin", "sprecher", "sprecherin", "direktor", "direktorin", "präsident",
        "präsidentin", "beauftragte", "beauftragter", "vorsitzende", "vorsitzender", "berater", "beraterin", "experte",
        "expertin", "professor", "professorin", "wissenschaftler", "wissenschaftlerin", "mitarbeiter", "mitarbeiterin",
        "lecturer", "researcher", "director", "manager", "managerin", "officer", "president", "consultant", "fellow",
        "directeur", "directrice", "chercheur", "chercheuse", "directora", "investigador", "investigadora",
        "ricercatore", "ricercatrice", "direttore", "direttrice",
    ]

    /// Whether a word is a job title's noun by its ending ("Projektleiterin", "Pressesprecher").
    static func isRoleNoun(_ word: String) -> Bool {
        let lower = word.lowercased().trimmingCharacters(in: ".,:")
        return roleNounEndings.contains { lower.hasSuffix($0) }
    }

    /// Labels that credit a picture, a graphic or a film ("Fotos:", "Bild:", "Photo :",
    /// "Illustration:"), lower-cased without their colon: the one they name took no part in the text.
    static let creditLabels: Set<String> = [
        "foto", "fotos", "bild", "bilder", "bildquelle", "photo", "photos", "fotografie", "fotografía", "fotografia",
        "fotografías", "illustration", "illustrationen", "illustrations", "ilustración", "illustrazione",
        "illustrazioni", "grafik", "grafiken", "infografik", "video", "kamera", "picture", "pictures", "image", "images",
        "foto's", "crédit", "crédits", "credit", "credits",
    ]

    /// Whether a word, with its colon, is a picture credit's label ("Fotos:", "Photo :" as two words).
    private static func isCreditLabel(_ word: Substring, next: Substring?) -> Bool {
        if word.hasSuffix(":") { return creditLabels.contains(word.dropLast().lowercased()) }
        return next == ":" && creditLabels.contains(word.lowercased())
    }

    /// The text before the first picture credit's label after the names ("Anna Berger Fotos: Tom
    /// Krause" -> "Anna Berger"); the text as it is when none follows a word.
    static func beforeCreditLabel(_ text: String) -> String {
        let words = text.split(separator: " ")
        for index in words.indices.dropFirst() where isCreditLabel(words[index], next: words.dropFirst(index + 1).first) {
            return words[..<index].joined(separator: " ")
        }
        return text
    }

    /// Whether an author value opens with a picture credit's label ("Foto: NAME", "Fotos: NAME,
    /// Text: NAME"): the text's writer is then only the one a text label names after it.
    static func opensWithCreditLabel(_ text: String) -> Bool {
        let words = text.split(separator: " ", maxSplits: 2)
        guard let first = words.first else { return false }
        return isCreditLabel(first, next: words.dropFirst().first)
    }

    /// The labels that name a text's writer beside a picture credit ("Fotos: NAME, Text: NAME").
    private static let textLabels = ["Text: ", "Texte : ", "Texte: ", "Texto: ", "Testo: ", "Tekst: ", "Words: ", "Autor: ", "Autorin: ", "Author: ", "Auteur : "]

    /// The value from its text label on, for a value that opens with a picture credit ("Fotos:
    /// Tom Krause, Text: Anna Berger" -> "Text: Anna Berger"), or nil when no text label follows.
    static func textLabelAfterCredit(_ text: String) -> String? {
        for label in textLabels {
            if let range = text.range(of: " " + label) { return String(text[text.index(after: range.lowerBound)...]) }
        }
        return nil
    }

    /// An e-mail address or a social handle beside the names ("Jane Doe jdoe@example.com", "Jane
    /// Doe @janedoe", "(@janedoe)") is left out; a value that is nothing else stays as it is.
    static func withoutContacts(_ text: String) -> String {
        let words = text.split(separator: " ")
        let kept = words.filter { word in
            let bare = String(word).trimmingCharacters(in: "()[]<>,;|")
            let isAddress = bare.contains("@") && !bare.hasPrefix("@") && bare.contains(".")
            let isHandle = bare.hasPrefix("@") && bare.count > 1
            return !(isAddress || isHandle)
        }
        return kept.isEmpty || kept.count == words.count ? text : kept.joined(separator: " ")
    }

    /// The legal forms that end a company's or an association's name ("Example Stiftung e.V.",
    /// "Example Media GmbH", "Example Ltd"), as they are written.
    private static let legalForms: Set<String> = [
        "e.V.", "e. V.", "eV", "GmbH", "gGmbH", "mbH", "GesmbH", "AG", "SE", "KG", "KGaA", "eG", "GbR", "OHG", "UG", "Ltd", "Ltd.",
        "Limited", "Inc", "Inc.", "LLC", "PLC", "plc", "Corp.", "S.A.", "SA", "SAS", "SARL", "S.à r.l.", "S.p.A.", "SpA",
        "S.r.l.", "Srl", "B.V.", "BV", "N.V.", "NV", "AB", "Oy", "ASA", "A/S",
    ]

    /// Whether names are an organisation's by its legal form, the last word ("Example Stiftung
    /// e.V.", "Example Media GmbH & Co. KG"): a company or an association is no writer.
    static func isOrganization(_ names: String) -> Bool {
        let words = names.split(separator: " ").map { String($0).trimmingCharacters(in: ",()") }
        guard words.count >= 2 else { return false }
        return legalForms.contains(words[words.count - 1]) || legalForms.contains(words.suffix(2).joined(separator: " "))
    }

    /// Two-letter weekday abbreviations of date lines ("Sa 13 Jul 2019", "lu 3 mai 2021"),
    /// read only right before a date.
    private static let weekdayAbbreviations: Set<String> = [
        "mo", "di", "mi", "do", "fr", "sa", "so", "lu", "ma", "me", "je", "ve", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// "unserem Korrespondenten Tom Krause" -> "Tom Krause": a possessive and the writer's role
    /// before the names ("notre envoyé spécial", "nuestro corresponsal", "il nostro inviato",
    /// "onze correspondent"); other text is returned as it is.
    static func dropLeadingRole(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        // A title before the names without a possessive: "Redakteurin Anna Berger", "Journaliste
        // Jeanne Dupont", "Senior Reporter Jane Doe": one to three role words ending in a job's
        // noun (not "Business Insider ..."), then at least two capitalised words.
        let titled = words.prefix { leadingRoles.contains($0.lowercased()) || bylineRoles.contains($0.lowercased()) }.count
        if (1...3).contains(titled), words.count - titled >= 2, !roleQualifiers.contains(words[titled - 1].lowercased()),
            words[titled...].prefix(2).allSatisfy({ $0.first?.isUppercase == true })
        {
            return words[titled...].joined(separator: " ")
        }
        guard let first = words.first, leadingPossessives.contains(first.lowercased()) else { return text }
        var index = 1
        while index < words.count, index <= 4, leadingRoles.contains(words[index].lowercased()) { index += 1 }
        guard index > 1, index < words.count, words[index].first?.isUppercase == true else { return text }
        return words[index...].joined(separator: " ")
    }

    private static let leadingPossessives: Set<String> = [
        "unserem", "unserer", "unseren", "unser", "unsere", "notre", "nos", "nuestro", "nuestra", "nuestros", "il", "la",
        "nostro", "nostra", "dal", "dalla", "onze", "our", "vår", "vores",
    ]

    /// Role words that qualify a job's noun ("Senior", "Special", "Business") and name none alone.
    private static let roleQualifiers: Set<String> = [
        "senior", "chief", "special", "contributing", "associate", "deputy", "political", "foreign", "national",
        "business", "science", "health", "sports", "freelance", "staff", "own", "permanent", "permanente", "spécial",
        "spéciale", "especial", "nostro", "nostra",
    ]

    /// Role words that may stand between a possessive and the names, lower-cased.
    private static let leadingRoles: Set<String> = [
        "korrespondenten", "korrespondentin", "korrespondent", "mitarbeiter", "mitarbeiterin", "redakteur",
        "redakteurin", "reporter", "reporterin", "correspondant", "correspondante", "envoyé", "envoyée", "spécial",
        "spéciale", "permanent", "permanente", "corresponsal", "enviado", "enviada", "especial", "nostro", "nostra",
        "inviato", "inviata", "corrispondente", "correspondent", "verslaggever", "verslaggeefster", "korrespondent",
        "medarbetare", "reporteren", "staff", "own", "special",
    ]

    /// Words that open a writer's title after the names.
    static let bylineRoles: Set<String> = [
        "staff", "senior", "chief", "special", "contributing", "associate", "deputy", "political", "foreign",
        "national", "business", "science", "health", "sports", "writer", "reporter", "correspondent", "editor",
        "columnist", "contributor", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journaliste",
        "envoyé", "envoyée", "corresponsal", "periodista", "inviato", "inviata", "giornalista", "freelance",
        "chefredakteur", "chefredakteurin", "ressortleiter", "ressortleiterin", "volontär", "volontärin", "autor",
        "autorin", "journalist", "journalistin", "rédacteur", "rédactrice", "chroniqueur", "chroniqueuse",
        "correspondant", "correspondante", "redactor", "redactora", "redattore", "redattrice", "corrispondente",
        "verslaggever", "redacteur", "correspondent", "reporter", "reporterin",
    ]

    /// An author as a page's metadata or byline element gives it ("By Jane Doe", "Von Anna
    /// Berger, dpa", "Redaktion", "Reuters"): the names, or nil for a desk, an agency (a credit)
    /// or a URL.
    static func authorName(_ value: String) -> String? {
        var text = TextUtilities.collapseWhitespace(value)
        if TextUtilities.isAbsoluteURL(text) { return nil }
        // Several writers in one metadata value, one per semicolon: "Anna Berger; Tom Krause".
        let parts = text.split(separator: ";").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        if parts.count > 1, parts.allSatisfy({ isShortName($0) || isDesk($0) || CreditDetector.agency(named: $0) != nil }) {
            let names = parts.compactMap { isShortName($0) ? $0 : nil }.filter { !isDesk($0) && CreditDetector.agency(named: $0) == nil }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        // A link beside the name ("Example Times https://example.com") is no part of it.
        text = text.split(separator: " ").filter { !TextUtilities.isAbsoluteURL(String($0)) }.joined(separator: " ")
        // A separator left from the line it was cut from ("| Autor: NAME", "· von NAME") opens no name.
        text = String(text.drop { $0 == " " || "|·•–—/-".contains($0) })
        // A picture credit first: the writer is the one a text label names after it ("Fotos:
        // NAME, Text: NAME"); a photographer alone ("Foto: NAME") is no author.
        if opensWithCreditLabel(text) {
            guard let labelled = textLabelAfterCredit(text) else { return nil }
            text = labelled
        }
        // A social handle alone ("@example") is an account, not a name.
        if text.hasPrefix("@"), !text.contains(" ") { return nil }
        // An opener written as a label: "Von: NAME", "By: NAME".
        if let colon = text.firstIndex(of: ":"), bylineOpeners.contains(String(text[..<colon]) + " ") {
            text = String(text[text.index(after: colon)...]).trimmingCharacters(in: " ")
        } else if let opener = bylineOpeners.first(where: { text.hasPrefix($0) }) {
            text = String(text.dropFirst(opener.count))
        } else {
            // A date line before the byline: "November 9, 2023 5:01 AM ET By NAME", "10. Dezember 2019 · von NAME".
            for opener in bylineOpeners {
                guard let range = text.range(of: " " + opener) else { continue }
                let before = String(text[..<range.lowerBound])
                if DateText.matches(in: before, order: .dayFirst).first != nil {
                    text = String(text[range.upperBound...])
                    break
                }
            }
        }
        // A date ahead of the names in a meta line: "30/10/23 | Jane Doe", "12. März 2021 · NAME".
        for separator in [" | ", " · ", " • "] {
            guard let range = text.range(of: separator) else { continue }
            let head = String(text[..<range.lowerBound])
            // The date may carry a clock time after it ("12.03.2021, 9:30").
            let dateOnly = DateText.matches(in: head, order: .dayFirst, twoDigitYears: true).first
                .map { $0.start == 0 && head.unicodeScalars.count - $0.end <= 8 } ?? false
            if dateOnly || !head.contains(where: \.isLetter) {
                text = String(text[range.upperBound...])
            }
            break
        }
        let names = bylineNames(text)
        // "Reuters, Washington": an agency and its place, a credit.
        let firstSegment = names.components(separatedBy: ", ")[0]
        // A name has letters: what is left of a date or a count is none.
        guard !names.isEmpty, names.count <= 200, names.contains(where: \.isLetter), !isDesk(names), !isOrganization(names),
            CreditDetector.agency(named: names) == nil,
            CreditDetector.agency(named: firstSegment) == nil, !isDateCue(names), !readsAsProse(names)
        else { return nil }
        return names
    }

    /// Whether a value reads as a sentence, not names: three or more words in lower case that join
    /// no names ("rmb8090 Siamo un memorabilia del meglio ...", an author box's description).
    static func readsAsProse(_ names: String) -> Bool {
        let words = names.split { $0 == " " || $0 == "," }
        return words.filter { word in word.first?.isLowercase == true && !bylineConnectors.contains(word.lowercased()) }.count >= 3
    }

    /// Whether a value is only a date line's label ("Publiziert am", "Updated"), no name.
    static func isDateCue(_ names: String) -> Bool {
        let lower = names.lowercased().trimmingCharacters(in: " :")
        let words = lower.split(separator: " ")
        guard words.count <= 3 else { return false }
        // The label alone or with its preposition ("Publiziert am", "Posted on"), never a name after it.
        return (MonthNames.publishedCues + MonthNames.modifiedCues).contains { cue in
            guard lower.hasPrefix(cue) else { return false }
            let rest = names.dropFirst(cue.count).split(separator: " ")
            return rest.isEmpty || (rest.count == 1 && rest[0].first?.isLowercase == true)
        }
    }

    /// One to four capitalised words: a person's name as metadata lists it.
    private static func isShortName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (1...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true || bylineConnectors.contains($0.lowercased()) }
    }

    /// Plural words for writers: a value that holds one names a group, not a person.
    private static let groupLabels: Set<String> = [
        "authors", "contributors", "autoren", "gastautoren", "auteurs", "autores", "autori", "auteurs·rices",
    ]

    /// Words that open a desk's name ("Redaktion Stadtanzeiger", "Redazione ANSA", "La rédaction").
    private static let deskOpeners: Set<String> = [
        "redaktion", "rédaction", "redacción", "redazione", "redactie", "redakcja", "newsroom", "nachrichtenredaktion",
        "onlineredaktion", "online-redaktion", "lokalredaktion", "sportredaktion", "web-redaktion", "webredaktion",
        "newsdesk",
    ]

    /// Whether names are a desk's, not a person's: a desk word alone or opening the name.
    static func isDesk(_ names: String) -> Bool {
        let lower = names.lowercased()
        if desks.contains(lower) || lower.hasSuffix("staff report") || lower.hasSuffix("reports") { return true }
        // A group of writers by its label: "Guest Authors", "Auswärtige Autoren (AA)", "Autori vari".
        if lower.split(whereSeparator: { $0 == " " || $0 == "-" }).contains(where: { groupLabels.contains(String($0)) }) { return true }
        // A site's address ("example.de") is the outlet; a login ("wordpressadmin") nobody.
        // The domain is written in lower case ("STERN.de"), a name's initial not ("A.Smith").
        if !names.contains(" "), let dot = names.lastIndex(of: "."), (3...7).contains(names.distance(from: dot, to: names.endIndex)),
            names[names.index(after: dot)...].allSatisfy({ $0.isLetter && $0.isLowercase })
        {
            return true
        }
        if !lower.contains(" "), lower.hasSuffix("admin") { return true }
        let words = lower.split(separator: " ").map(String.init)
        guard let first = words.first else { return false }
        if deskOpeners.contains(first) { return true }
        // A title without a name: "Court Reporter", "Sports Editor", "Staff Writer".
        if words.count <= 2, let last = words.last, ["reporter", "writer", "editor", "correspondent", "redakteur"].contains(last) {
            return true
        }
        // "Example Editorial Team", "Sportredaktion", "Lokal-Redaktion": a desk by its last word.
        if let last = words.last, words.count >= 2 || last.hasSuffix("redaktion"),
            ["team", "redaktion", "redaktionsteam", "staff", "desk", "newsroom", "editors", "rédaction", "redazione",
             "redacción", "redactie", "redakcja", "redaktionen", "redaksjonen", "redaktion."].contains(last) || last.hasSuffix("-redaktion") || last.hasSuffix("redaktion")
        {
            return true
        }
        return ["la", "die", "the", "le", "de"].contains(first) && words.count >= 2 && deskOpeners.contains(words[1])
    }

    /// The agency a byline or author value names beside the writer or desk ("Redazione ANSA",
    /// "Le Monde avec AFP", "Anna Berger (dpa)", "JANE DOE Associated Press"): its last words
    /// (up to four) when they are an agency's name.
    static func trailingAgency(_ value: String) -> String? {
        let words = TextUtilities.collapseWhitespace(value).split(whereSeparator: { $0 == " " || $0 == "/" })
        guard words.count >= 2 else { return nil }
        for start in max(1, words.count - 4)..<words.count {
            if let agency = CreditDetector.agency(named: words[start...].joined(separator: " ")) { return agency }
        }
        return nil
    }

    /// The byline after a date line or an agency's credit that opens a paragraph, from its opener
    /// on: what precedes the opener must be a date with its label, weekday and time, or an agency
    /// (in parentheses or not), after a place at most ("Hamburg, 27.01.2020, 14:05 Uhr - Von NAME",
    /// "(dpa) - Von NAME" -> "Von NAME"). Nil when anything else does ("Am 27.01.2020 sagte der
    /// Sprecher von NAME").
    static func bylineAfterLead(_ paragraph: String) -> String? {
        guard paragraph.count <= 160 else { return nil }
        for opener in bylineOpeners {
            // A byte search first: Foundation's `range(of:)` bridges the paragraph for each of the
            // openers, and nearly every paragraph holds none of them.
            let needle = " " + opener
            guard TextUtilities.containsBytes(paragraph, needle), let range = paragraph.range(of: needle),
                range.lowerBound > paragraph.startIndex
            else { continue }
            let isSeparator: (Character) -> Bool = { " ,-|·•–—/".contains($0) }
            var head = String(paragraph[..<range.lowerBound].drop(while: isSeparator).reversed().drop(while: isSeparator).reversed())
            // A place before the date: one to three capitalised words and a comma.
            if let comma = head.range(of: ", ") {
                let place = head[..<comma.lowerBound].split(separator: " ")
                if (1...3).contains(place.count), place.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }) {
                    head = String(head[comma.upperBound...])
                }
            }
            let credit = head.filter { $0 != "(" && $0 != ")" }
            // A place before the agency's name: "Hamburg (dpa) - Von NAME".
            let creditWords = credit.split(separator: " ")
            let isCredit = CreditDetector.agency(named: credit) != nil
                || ((2...4).contains(creditWords.count) && CreditDetector.agency(named: String(creditWords.last!)) != nil
                    && creditWords.dropLast().allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) })
            guard isCredit || DateSightings.holdsOnlyDates(head, order: .dayFirst) else { continue }
            return String(paragraph[paragraph.index(after: range.lowerBound)...])
        }
        return nil
    }

    /// Whether a paragraph is a byline that names only a desk ("By Example Staff | date",
    /// "Von Lokalredaktion"): furniture, with no author to take from it.
    static func isDeskByline(_ paragraph: String) -> Bool {
        guard paragraph.count <= 200, bylineOpeners.contains(where: { paragraph.hasPrefix($0) }) else { return false }
        return namesOnlyDesk(paragraph, maximumLength: 60)
    }

    /// Whether a byline's names, after its opener if it has one, are only a desk ("By Example
    /// Staff", "NAME Outlet Staff" read whole), at most `maximumLength` characters.
    static func namesOnlyDesk(_ byline: String, maximumLength: Int = .max) -> Bool {
        let opener = bylineOpeners.first { byline.hasPrefix($0) }
        let names = bylineNames(String(byline.dropFirst(opener?.count ?? 0)).trimmingCharacters(in: " ,:"))
        return !names.isEmpty && names.count <= maximumLength && isDesk(names)
    }

    /// The names in a "By ..." byline paragraph ("By Jane Doe and John Roe" -> "Jane Doe and
    /// John Roe"; "Von Anna Berger, dpa" -> "Anna Berger"; "By NAME, AP Diplomatic Writer | on" ->
    /// "NAME"), or nil when the paragraph is prose that happens to start with "By", or names only
    /// a desk or an agency (which is a credit, not an author).
    static func byline(in paragraph: String) -> String? {
        guard let opener = bylineOpeners.first(where: { paragraph.hasPrefix($0) }) else {
            // A date line or a credit run into the byline: "Hamburg, 27.01.2020 - Von NAME", "(dpa) - Von NAME".
            return bylineAfterLead(paragraph).flatMap { byline(in: $0) }
        }
        // "Di" and "Door" open Italian and Dutch sentences too: those bylines must be short names.
        var rest = String(paragraph.dropFirst(opener.count)).trimmingCharacters(in: " ,:")
        rest = bylineNames(rest)
        guard !rest.isEmpty, rest.count <= 100, !rest.hasSuffix(".") || rest.hasSuffix("Jr.") else { return nil }
        if isDesk(rest) || CreditDetector.agency(named: rest) != nil { return nil }
        let words = rest.split { $0 == " " || $0 == "," }
        guard !words.isEmpty, words.count <= 14 else { return nil }
        for word in words {
            guard let first = word.first else { continue }
            if first.isUppercase || bylineConnectors.contains(word.lowercased()) { continue }
            return nil
        }
        return rest
    }
}
