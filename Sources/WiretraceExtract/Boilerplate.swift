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
            && ["accept", "consent", "policy", "we use", "uses cookies", "preferences"].contains(where: lower.contains)
        {
            return true
        }
        if lower.count <= 160
            && ["subscribe now", "subscribe today", "become a subscriber", "subscribers only",
                "subscription to continue", "all rights reserved"].contains(where: lower.contains)
        {
            return true
        }
        return false
    }

    /// Whether a paragraph is a photo caption or photo credit ("... Picture taken June 22, 2021.
    /// Jane Roe/Handout via REUTERS", "REUTERS/Jane Roe", "(AP Photo/Jane Roe)", "Photo: AFP").
    static func isCaption(_ paragraph: String) -> Bool {
        let trimmed = paragraph.trimmingCharacters(in: " .)")
        // Byte searches: Foundation's `contains` bridges every paragraph to UTF-16 first.
        if ["Picture taken ", "REUTERS/", "AP Photo/", "AFP PHOTO", "(Photo: "].contains(where: {
            TextUtilities.containsBytes(trimmed, $0)
        }) {
            return true
        }
        let lower = trimmed.lowercased()
        for ending in ["via reuters", "via afp", "via getty images", "getty images", "/afp", "/ afp",
                       "/epa", "/reuters", "/ap", "/xinhua", "/tass", "(file photo", "- file photo"]
        where lower.hasSuffix(ending) {
            // Caption credits are capitalised ("via REUTERS"); prose ending in "via Reuters" is
            // rare but possible, so the capitalised form or a slash is required.
            if ending.hasPrefix("via ") {
                let tail = trimmed.suffix(ending.count - 4)
                return tail.uppercased() == tail || ending == "via getty images"
            }
            return true
        }
        for opening in ["photo:", "file photo:", "picture:", "image:", "photograph:", "caption:"]
        where lower.hasPrefix(opening) {
            return true
        }
        // "... at a rally. Photo: Jane Roe/Agency"
        if TextUtilities.containsBytes(lower, "photo: "), let photo = lower.range(of: "photo: ", options: .backwards),
            lower[photo.upperBound...].count <= 60,
            !lower[photo.upperBound...].contains(".")
        {
            return true
        }
        return false
    }
}
