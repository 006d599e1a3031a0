import Foundation

/// Recognises paragraphs that belong to the page furniture, not to the article.
enum Boilerplate {
    /// Whole paragraphs (lower-cased) that are furniture.
    private static let exactLines: Set<String> = [
        "skip to main content", "skip to content", "skip to navigation", "advertisement",
        "advertisements", "advert", "sponsored", "sponsored content", "also worth reading",
        "share", "share this", "share this article", "share this story", "follow us", "trending",
        "more from", "read more", "read more.", "related", "related stories", "related articles",
        "recommended", "top stories", "most read", "continue reading", "loading...", "loading",
        "show comments", "comments", "print", "email", "whatsapp", "facebook", "twitter",
        // An image viewer's controls, which text scrapes keep as lines of their own.
        "enlarge this image", "toggle caption", "hide caption", "show caption", "view caption", "expand image",
        // German, French, Spanish, Italian, Dutch
        "anzeige", "werbung", "teilen", "drucken", "kommentare", "mehr zum thema", "lesen sie auch",
        "weiterlesen", "mehr lesen", "nach oben", "zum seitenanfang", "zum inhalt springen", "direkt zum inhalt",
        "das könnte sie auch interessieren", "das könnte sie interessieren", "auch interessant", "weitere artikel",
        "publicité", "partager", "imprimer", "commentaires", "lire aussi", "à lire aussi", "a lire aussi",
        "lire la suite", "sur le même sujet", "aller au contenu", "aller au contenu principal",
        "publicidad", "compartir", "imprimir", "comentarios", "leer más", "lee también", "lea también",
        "saltar al contenido", "pubblicità", "condividi", "stampa", "commenti", "leggi anche", "continua a leggere",
        "vai al contenuto", "advertentie", "delen", "reacties", "lees ook", "lees meer",
    ]

    /// Paragraph openings (lower-cased) that mark teasers and notices.
    private static let prefixes: [String] = [
        "read:", "read more:", "also read:", "read also:", "related:", "watch:", "listen:",
        "also worth reading", "skip to main content", "share this", "follow us", "click here",
        "sign up for", "subscribe to", "©", "(c) ", "all rights reserved",
        "already a subscriber", "already have an account", "this article is for subscribers",
        "to continue reading", "you have reached your", "log in to", "sign in to", "download our app",
        "download the app", "get the latest news", "we use cookies", "this site uses cookies",
        "this website uses cookies", "by continuing to use",
        // German, French, Spanish, Italian, Dutch: teasers for other stories, notices
        "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "zum thema:", "siehe auch:",
        "auch interessant:", "das könnte sie auch interessieren", "weitere informationen zum thema",
        "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
        "à voir aussi", "sur le même sujet", "lee también", "lea también", "leer también", "te puede interesar",
        "le puede interesar", "también te puede interesar", "leggi anche", "potrebbe interessarti",
        "vedi anche", "lees ook", "lees meer", "wir verwenden cookies", "wir nutzen cookies",
        "diese website verwendet cookies", "diese webseite verwendet cookies", "nous utilisons des cookies",
        "ce site utilise des cookies", "utilizamos cookies", "utilizziamo i cookie", "questo sito utilizza",
        "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
        "tutti i diritti riservati", "newsletter abonnieren", "jetzt abonnieren", "abonnez-vous",
        "suscríbete", "iscriviti alla newsletter", "melden sie sich an", "jetzt anmelden",
        // An Instagram embed's fallback line, in the page's language ("A post shared by NAME
        // (@handle) on DATE").
        "a post shared by", "ein beitrag geteilt von", "une publication partagée par", "una publicación compartida por",
        "un post condiviso da", "een bericht gedeeld door",
    ]

    /// Whether a paragraph (whitespace collapsed) is furniture: navigation aids, teasers,
    /// newsletter and cookie notices, copyright lines.
    static func isBoilerplate(_ paragraph: String) -> Bool {
        let lower = paragraph.lowercased()
        if exactLines.contains(lower) { return true }
        // "Advertisement · Scroll to continue with content"
        if lower.hasPrefix("advertisement"), lower.count <= 60,
            lower.dropFirst("advertisement".count).first.map({ !$0.isLetter }) ?? true
        {
            return true
        }
        // Furniture is short; a long paragraph opening with "Click here" is still prose.
        guard lower.count <= 250 else { return false }
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        // "Copyright 2024 Example Media" but not "Copyright lawsuits against ...".
        if lower.hasPrefix("copyright"),
            lower.contains("©") || lower.contains("rights reserved") || lower.contains(where: \.isNumber)
        {
            return true
        }
        if lower.contains("newsletter") && (lower.contains("sign up") || lower.contains("subscribe") || lower.contains("inbox")) {
            return true
        }
        if lower.count <= 160
            && ["in your inbox", "to your inbox", "join our mailing list", "sign up free", "by email every"]
                .contains(where: lower.contains)
        {
            return true
        }
        if lower.contains("cookie")
            && ["accept", "consent", "policy", "we use", "uses cookies", "preferences",
                "akzeptieren", "zustimmen", "einwilligung", "datenschutz", "accepter", "consentement",
                "aceptar", "consentimiento", "accetta", "consenso"].contains(where: lower.contains)
        {
            return true
        }
        if isShareBar(lower) { return true }
        if isDateLine(lower) { return true }
        if lower.count <= 160
            && ["subscribe now", "subscribe today", "become a subscriber", "subscribers only",
                "subscription to continue", "all rights reserved"].contains(where: lower.contains)
        {
            return true
        }
        return false
    }

    /// Whether a short paragraph only says when the page was published or updated
    /// ("Veröffentlicht am 02.09.2020", "Mis à jour le 4 mars 2021 à 10h12", "Updated: May 3, 2021").
    static func isDateLine(_ lower: String) -> Bool {
        guard lower.count <= 80,
            MonthNames.publishedCues.contains(where: lower.hasPrefix) || MonthNames.modifiedCues.contains(where: lower.hasPrefix),
            let match = DateText.matches(in: lower, order: .dayFirst).first
        else { return false }
        // Nothing but the cue and a joining word before the date, at most its time (or a second
        // date's cue) after it: "Veröffentlicht am 2. Mai 2019 hat die Kommission ..." is prose.
        return match.start <= 30 && lower.unicodeScalars.count - match.end <= 25
    }

    /// Names of the networks and actions a share bar lists ("Teilen: Facebook Twitter WhatsApp
    /// E-Mail"), longest first so that "e-mail" is taken before "mail".
    private static let shareWords: [String] = [
        "facebook messenger", "link kopieren", "copy link", "lien copié", "copier le lien", "google+",
        "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "telegram", "messenger", "reddit", "tumblr",
        "flipboard", "pocket", "xing", "bluesky", "mastodon", "threads", "e-mail", "email", "mail", "share",
        "teilen", "partager", "compartir", "condividi", "delen", "drucken", "print", "imprimer", "imprimir",
        "stampa", "tweet", "x",
    ]

    private static let shareConnectors: Set<String> = ["x", "on", "via", "auf", "per", "sur", "par", "en", "su", "op", "por"]

    /// Whether a short paragraph names nothing but share networks and actions, run together or
    /// not ("FacebookEmail Twitter LinkedIn", "Teilen: Facebook | WhatsApp").
    static func isShareBar(_ lower: String) -> Bool {
        guard lower.count <= 160, lower.contains(where: \.isLetter) else { return false }
        var rest = lower
        var named = 0
        for word in shareWords where word.count > 1 {
            // Foundation's search bridges the string to UTF-16: an ASCII word whose bytes are
            // not in the text cannot be found by it, and most short paragraphs hold none.
            if word.utf8.allSatisfy({ $0 < 0x80 }), !TextUtilities.containsBytes(rest, word) { continue }
            while let range = rest.range(of: word) {
                rest.replaceSubrange(range, with: " ")
                named += 1
            }
        }
        // What is left may only be "x" (the network), "on"/"auf"/"sur" ("Share on X"),
        // separators and counts.
        let leftover = rest.split(whereSeparator: { !$0.isLetter }).filter { !shareConnectors.contains(String($0)) }
        return named >= 2 && leftover.isEmpty
    }

    /// Whether a paragraph is a photo caption or photo credit ("... Picture taken June 22, 2021.
    /// Jane Roe/Handout via REUTERS", "REUTERS/Jane Roe", "(AP Photo/Jane Roe)", "Photo: AFP").
    static func isCaption(_ paragraph: String) -> Bool {
        let trimmed = paragraph.trimmingCharacters(in: " .)")
        // Byte searches: Foundation's `contains` bridges every paragraph to UTF-16 first.
        if ["Picture taken ", "REUTERS/", "AP Photo/", "AFP PHOTO", "(Photo: ", "(Picture: ", "(Foto: ", "(Bild: ",
            "(Image: "].contains(where: {
            TextUtilities.containsBytes(trimmed, $0)
        }) {
            return true
        }
        // "Jane Roe / Reuters" as "Jane Roe/Reuters": credits are written with and without spaces.
        let lower = trimmed.lowercased().replacingOccurrences(of: " / ", with: "/")
        // A short line crediting a photo's source: "Pool Photo via Associated Press/file",
        // "Photo via Getty", "AP Photo/Jane Roe/File".
        if lower.split(separator: " ").count <= 8,
            ["photo via ", "photos via ", "photo/", "photograph via "].contains(where: lower.contains)
        {
            return true
        }
        for ending in ["via reuters", "via afp", "via getty images", "getty images", "/afp", "/ afp",
                       "/epa", "/reuters", "/ap", "/xinhua", "/tass", "(file photo", "- file photo",
                       "/dpa", "/imago", "/ansa", "/efe", "picture alliance", "imago images", "/keystone", "/apa"]
        where lower.hasSuffix(ending) {
            // Caption credits are capitalised ("via REUTERS"); prose ending in "via Reuters" is
            // rare but possible, so the capitalised form or a slash is required.
            if ending.hasPrefix("via ") {
                let tail = trimmed.suffix(ending.count - 4)
                return tail.uppercased() == tail || ending == "via getty images"
            }
            return true
        }
        for opening in ["photo:", "file photo:", "picture:", "image:", "photograph:", "caption:",
                        "foto:", "fotos:", "bild:", "bilder:", "photo :", "photos :", "crédit photo", "crédits photo",
                        "fotografía:", "fotografia:"]
        where lower.hasPrefix(opening) && lower.count <= 200 {
            return true
        }
        // "... at a rally. Photo: Jane Roe/Agency", "... am Hafen. Foto: Anna Berger/dpa"
        for label in ["photo: ", "foto: ", "bild: ", "photo : "] {
            if TextUtilities.containsBytes(lower, label), let photo = lower.range(of: label, options: .backwards),
                lower[photo.upperBound...].count <= 60,
                !lower[photo.upperBound...].contains(".")
            {
                return true
            }
        }
        return false
    }
}
