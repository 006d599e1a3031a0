import Foundation
import WiretraceCore

/// Where a publication date was found.
package enum DateSource: String, Sendable {
    /// The input's own `published` field (JSONL).
    case given
    /// A date in the URL path ("/2018/10/09/").
    case url
    /// JSON-LD `datePublished`/`dateCreated` of the article.
    case structured
    /// A `<meta>` publication date (`article:published_time`, `DC.date`, `parsely-pub-date`, ...).
    case meta
    /// Markup that names a publication date: `itemprop="datePublished"`, `<time pubdate>`,
    /// `<abbr class="published">`.
    case markup
    /// A date line: an element whose class names a date, a `<time>`, a byline.
    case dateLine
    /// A date in the text, beside a word that says "published" or near the headline.
    case text
    /// A publication date in a script's data (`"publishDate": "..."`).
    case script
    /// Only a modification date was found (`dateModified`, `article:modified_time`).
    case modified
    /// The most frequent date string of the page source (attributes, scripts): the last resort.
    case source
    /// Nothing but the scrape time (WARC-Date, JSONL `scraped`).
    case scraped
}

/// A page's publication date and where it came from.
package struct PublicationDate: Sendable {
    package var date: FoundDate
    package var source: DateSource
}

/// Finds the date a page was first published: the article's own markup (JSON-LD, `<meta>`,
/// `itemprop`, `<time>`), its URL, its date line, its text, in the European languages' words
/// and numeric orders.
///
/// Original before modified: a modification date is taken only when nothing states the
/// publication. Every date must be plausible: not before ``earliest``, not after the scrape time.
package struct PublicationDateFinder {
    /// Dates before this day (1995-01-01: the first news sites) are not publication dates.
    package static let earliest = 19_950_101

    /// The last plausible day: the scrape day (or today), plus one day of time zones.
    let latestDayKey: Int
    let order: NumericDateOrder

    /// - Parameters:
    ///   - notAfter: the scrape time in seconds since 1970 (or now).
    ///   - order: how to read "03/04/2020".
    package init(notAfter: Double, order: NumericDateOrder) {
        latestDayKey = FoundDate(secondsSince1970: Int(notAfter) + 86_400).dayKey
        self.order = order
    }

    /// Whether a date can be a publication date of a page scraped at `notAfter`.
    func isPlausible(_ date: FoundDate) -> Bool {
        date.dayKey >= Self.earliest && date.dayKey <= latestDayKey
    }

    /// A machine value as a plausible date.
    func plausible(_ value: String?) -> FoundDate? {
        guard let value, let date = DateText.parse(value, order: order), isPlausible(date) else { return nil }
        return date
    }

    // MARK: The decision

    /// The publication date of a page.
    ///
    /// - Parameters:
    ///   - url: the page's URL (given with the document, or its canonical link).
    func find(document: HTMLElement, metadata: PageMetadata, url: String?) -> PublicationDate? {
        let title = metadata.meta("og:title", "twitter:title") ?? metadata.structured.headline ?? metadata.htmlTitle
        let sightings = DateSightings(document: document, finder: self, title: title)
        // The permalink's day stands in for the URL's when the URL has none (a page saved
        // without its address, an address by id: "?p=462").
        let urlDate = url.flatMap(dateInURL) ?? sightings.permalinkDate
        if var stated = statedDate(metadata: metadata, sightings: sightings) {
            // The page's local time or day, where it shows them: markup, publication values
            // without a zone ("2019-11-18 20:58:46"), the date line at the headline, the URL.
            let unzoned = metadata.structured.dates.filter { !$0.isModified }.map(\.value)
                + Self.publishedMetaKeys.compactMap { metadata.meta[$0] }
            let local = sightings.markup.map(\.date)
                + unzoned.compactMap(plausible).filter { $0.hour != nil && $0.offset == nil }
                + [sightings.nearDateLine?.date, urlDate].compactMap { $0 }
            for evidence in local {
                if let date = Self.localized(stated.date, by: evidence) {
                    stated.date = date
                    break
                }
            }
            // A full day in the URL path is when the site filed the story, as htmldate takes it
            // before anything else: a stated day that differs from it is a later revision.
            if let urlDate, urlDate.dayKey != stated.date.dayKey {
                if let line = sightings.timed(onDay: urlDate.dayKey) { return PublicationDate(date: line.date, source: .dateLine) }
                return PublicationDate(date: urlDate, source: .url)
            }
            return stated
        }
        if let found = urlDate {
            // A date line of that day says more: its time and zone.
            if let line = sightings.timed(onDay: found.dayKey) { return PublicationDate(date: line.date, source: .dateLine) }
            return PublicationDate(date: found, source: .url)
        }
        let structured = metadata.structured
        for entry in structured.dates where !entry.isArticle && !entry.isModified {
            if let date = plausible(entry.value) { return PublicationDate(date: date, source: .structured) }
        }
        if let sighting = sightings.dateLine {
            return PublicationDate(date: sighting.date, source: sighting.kind == .text ? .text : .dateLine)
        }
        if let date = sightings.script.first { return PublicationDate(date: date, source: .script) }
        // The article's own image, filed under its day ("/uploads/2019/05/15/x.jpg"), before the
        // days its text mentions (htmldate reads `og:image` before its free-text search).
        if let image = metadata.meta("og:image", "twitter:image"), let date = dateInURL(image) {
            return PublicationDate(date: date, source: .url)
        }
        if let date = sightings.commonTextDate { return PublicationDate(date: date, source: .text) }
        // The title and the description sometimes say when ("Report of 22.04.2020").
        for text in [metadata.htmlTitle, metadata.meta("og:title"), metadata.meta("description", "og:description")] {
            let found = text.flatMap { DateText.matches(in: $0, order: order).first { isPlausible($0.date) } }
            if let found { return PublicationDate(date: found.date, source: .text) }
        }
        for entry in metadata.structured.dates where entry.isModified {
            if let date = plausible(entry.value) { return PublicationDate(date: date, source: .modified) }
        }
        for key in Self.modifiedMetaKeys {
            if let date = plausible(metadata.meta[key]) { return PublicationDate(date: date, source: .modified) }
        }
        if let sighting = sightings.modifiedLine { return PublicationDate(date: sighting.date, source: .modified) }
        if let date = sightings.commonLinkDate { return PublicationDate(date: date, source: .url) }
        // Nothing in the page's own regions: a date shown in its furniture (a footer's "posted
        // on", a box classed like a sidebar) is still more likely than none, and one labelled
        // published more than one labelled updated.
        if let sighting = sightings.furnitureDate { return PublicationDate(date: sighting.date, source: .dateLine) }
        if let sighting = sightings.furnitureModifiedLine { return PublicationDate(date: sighting.date, source: .modified) }
        // Nothing shown anywhere: the date strings of the page source (attributes, scripts).
        if let date = PageDateSearch(finder: self).date(in: document) { return PublicationDate(date: date, source: .source) }
        return nil
    }

    /// The publication date the page's markup states: JSON-LD of the article, `<meta>`, markup
    /// that names the date (nearest the headline).
    private func statedDate(metadata: PageMetadata, sightings: DateSightings) -> PublicationDate? {
        for entry in metadata.structured.dates where entry.isArticle && !entry.isModified {
            if let date = plausible(entry.value) { return PublicationDate(date: date, source: .structured) }
        }
        for key in Self.publishedMetaKeys where !Self.genericMetaKeys.contains(key) {
            if let date = plausible(metadata.meta[key]) { return PublicationDate(date: date, source: .meta) }
        }
        if let sighting = sightings.markup.first { return PublicationDate(date: sighting.date, source: .markup) }
        // A generic key ("date", "timestamp") may be when the page was generated: the date line
        // at the headline, when there is one, says more.
        for key in Self.genericMetaKeys {
            guard let date = plausible(metadata.meta[key]) else { continue }
            if let line = sightings.nearDateLine, line.cue != .modified, line.date.dayKey != date.dayKey {
                return PublicationDate(date: line.date, source: .dateLine)
            }
            return PublicationDate(date: date, source: .meta)
        }
        return nil
    }

    /// A UTC time stated in the page's own zone, when the page shows its local day or time
    /// elsewhere: "2023-11-09T05:30:59Z" beside a date line "November 8, 2023 at 11:30 p.m." is
    /// "2023-11-08T23:30:59-06:00"; beside a date line "8 November 2023" or a URL "/2023/11/08/"
    /// (no time shown) it is the day "2023-11-08". A shown time must be a whole quarter hour from
    /// the stated one within UTC-12 to UTC+14; a shown day must be reachable from the stated time
    /// by a zone from UTC-8 (US Pacific) to UTC+14, so that a URL's day (which may be the day
    /// the story was begun) does not pull a morning UTC time back a day. Nil when the stated time
    /// is not UTC (then it is local already).
    static func localized(_ stated: FoundDate, by local: FoundDate) -> FoundDate? {
        guard let hour = stated.hour, stated.offset == 0 else { return nil }
        let statedDays = Timestamp.daysSinceEpoch(year: stated.year, month: stated.month, day: stated.day)
        let localDays = Timestamp.daysSinceEpoch(year: local.year, month: local.month, day: local.day)
        let statedMinutes = statedDays * 1440 + hour * 60 + stated.minute
        if let localHour = local.hour {
            // The same instant in another zone: whole quarter hours apart, within a day.
            let difference = localDays * 1440 + localHour * 60 + local.minute - statedMinutes
            guard difference != 0, abs(difference) <= 14 * 60, difference % 15 == 0,
                local.offset == nil || local.offset == difference * 60
            else { return nil }
            var date = FoundDate(secondsSince1970: (statedMinutes + difference) * 60 + stated.second)
            date.offset = difference * 60
            return date
        }
        // Only the local day: it must be one day off, reachable from the stated time by a real zone.
        guard localDays != statedDays, abs(localDays - statedDays) == 1 else { return nil }
        let earliest = statedMinutes - 8 * 60, latest = statedMinutes + 14 * 60
        guard localDays * 1440 + 1439 >= earliest, localDays * 1440 <= latest else { return nil }
        return FoundDate(year: local.year, month: local.month, day: local.day)
    }

    /// The date a URL path states: "/2018/10/09/", "/2018-10-09-", "/20181009/", "_2018_10_09",
    /// "-09-10-2018-" (in the page's numeric order), "_09.10.2018_".
    func dateInURL(_ url: String) -> FoundDate? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let path = String(url[schemeEnd.upperBound...].drop { $0 != "/" }.prefix { $0 != "?" && $0 != "#" })
        let tokens = DateTokenizer.tokens(path)
        for (index, token) in tokens.enumerated() where token.kind == .number {
            let boundaryBefore = index == 0 || tokens[index - 1].kind == .symbol
            guard boundaryBefore else { continue }
            var found: FoundDate?
            var next = index + 1
            if token.digits == 4, index + 4 < tokens.count,
                ["/", "-", "_", "."].contains(tokens[index + 1].text), tokens[index + 3].text == tokens[index + 1].text,
                tokens[index + 2].kind == .number, tokens[index + 2].digits <= 2,
                tokens[index + 4].kind == .number, tokens[index + 4].digits <= 2,
                FoundDate.isValid(year: token.value, month: tokens[index + 2].value, day: tokens[index + 4].value)
            {
                found = FoundDate(year: token.value, month: tokens[index + 2].value, day: tokens[index + 4].value)
                next = index + 5
            } else if token.digits <= 2, index + 4 < tokens.count,
                ["-", "_", "."].contains(tokens[index + 1].text), tokens[index + 3].text == tokens[index + 1].text,
                tokens[index + 2].kind == .number, tokens[index + 2].digits <= 2,
                tokens[index + 4].kind == .number, tokens[index + 4].digits == 4
            {
                // "~02-01-2022-land-...", "_vom_22.04.2020_": day first, unless the page reads
                // numbers month first and the numbers allow it.
                var (day, month) = (token.value, tokens[index + 2].value)
                if tokens[index + 1].text != ".", order == .monthFirst, day <= 12 { (day, month) = (month, day) }
                if FoundDate.isValid(year: tokens[index + 4].value, month: month, day: day) {
                    found = FoundDate(year: tokens[index + 4].value, month: month, day: day)
                }
                next = index + 5
            } else if token.digits == 8 {
                let year = token.value / 10_000, month = token.value / 100 % 100, day = token.value % 100
                if FoundDate.isValid(year: year, month: month, day: day) {
                    found = FoundDate(year: year, month: month, day: day)
                }
            }
            // The date must end its segment or word: "/2021/06/22/", "-2021-06-22-x", not "/2021/06/225".
            guard let date = found, isPlausible(date) else { continue }
            if next < tokens.count, tokens[next].kind != .symbol { continue }
            return date
        }
        return nil
    }

    // MARK: Meta keys

    /// `<meta>` names and properties of publication dates, most specific first.
    static let publishedMetaKeys = [
        "article:published_time", "article:published", "og:article:published_time", "og:published_time",
        "article:publication_date", "article.published", "article_date_original", "article:post_date",
        "datepublished", "date_published", "publishdate", "publish-date", "publish_date", "published_date",
        "published-date", "publication_date", "publicationdate", "originalpublicationdate", "parsely-pub-date",
        "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
        "dcterms.date", "dc:date", "dc.created", "citation_publication_date", "citation_date", "pubdate",
        "pdate", "ptime", "date", "created", "datecreated", "date_created", "article.created", "displaydate",
        "cxenseparse:recs:publishtime", "rnews:datepublished", "og:pubdate", "og:publish_date",
        "shareaholic:article_published_time", "bt:pubdate", "rbpubdate", "dcsext.articlefirstpublished",
        "analyticsattributes.articledate", "vr:published_time", "mediator_published_time", "release_date",
        "timestamp", "dateposted", "doc_date", "og:article:published", "og:datepublished", "og:regdate",
        "article:published_date", "article:publicationdate", "content_create_date", "dc.date.publication",
        "dc:created", "published_time", "publish_time", "publisheddate", "twt-published-at", "video:release_date",
        "field-name-post-date", "gentime", "og:question:published_time",
    ]

    /// `<meta>` names that say "a date" without saying which.
    static let genericMetaKeys: Set<String> = ["date", "timestamp", "created", "pdate", "ptime", "doc_date", "gentime"]

    /// `<meta>` names and properties of modification dates.
    static let modifiedMetaKeys = [
        "article:modified_time", "article:modified", "og:updated_time", "og:modified_time", "datemodified",
        "dc.modified", "dcterms.modified", "modified_time", "lastmod", "last-modified", "lastmodified",
        "modified", "dateupdated", "updated_time", "article:modified_date", "article:post_modified", "bt:moddate",
        "modificationdate", "og:article:modified_time", "revision_date", "lastdate", "utime",
    ]
}

/// The dates a page shows in its body, gathered in one walk, each with where it stands
/// relative to the headline.
struct DateSightings {
    /// What kind of markup showed a date.
    enum Kind: Comparable { case markup, time, dateLine, text }
    /// What the words or class names beside a date say it is.
    enum Cue { case none, published, modified }

    struct Sighting: CustomStringConvertible {
        var date: FoundDate
        var kind: Kind
        var cue: Cue
        /// Characters of visible text before it.
        var offset: Int
        /// Inside navigation, teasers, related stories, comments, sidebars.
        var elsewhere: Bool
        /// Read from a run of text too long to be a date line: a date in a sentence or caption,
        /// which is more often about the story than its publication.
        var inProse = false
        /// Read from a text holding nothing but dates: a date line by its text alone.
        var standsAlone = false
        var description: String { "\(date) \(kind) \(cue) @\(offset)\(elsewhere ? " elsewhere" : "")\(inProse ? " prose" : "")" }
    }

    private(set) var sightings: [Sighting] = []
    /// Publication dates in scripts' data.
    private(set) var script: [FoundDate] = []
    /// Dates in the paths of images and links, in document order.
    private(set) var linkDates: [FoundDate] = []
    /// Dates in the paths of `<a rel="bookmark">` links outside furniture, in document order.
    private(set) var bookmarkDates: [FoundDate] = []

    /// The day in the path of the page's permalink: `rel="bookmark"` names the permanent URL of
    /// the article it stands in (HTML's link types), so a page that has one (or several, all on
    /// one day) states its own URL even when it was saved without it. Bookmarks on different
    /// days are a list of stories: nil.
    var permalinkDate: FoundDate? {
        guard let first = bookmarkDates.first, bookmarkDates.allSatisfy({ $0.dayKey == first.dayKey }) else { return nil }
        return first
    }

    /// The day most often in image and link paths (the first of equally frequent ones).
    var commonLinkDate: FoundDate? {
        var counts: [Int: Int] = [:]
        for date in linkDates { counts[date.dayKey, default: 0] += 1 }
        return linkDates.max { (counts[$0.dayKey]!) < (counts[$1.dayKey]!) }
    }
    /// Visible-text offset of the headline: the `<h1>` (or `<h2>`, `<h3>`) that repeats the
    /// page's title, else the first `<h1>` of the article, else of the page.
    private(set) var headline: Int?
    private var headings: [(offset: Int, text: String, inArticle: Bool, isH1: Bool)] = []

    private let finder: PublicationDateFinder
    private var offset = 0
    /// The last visible characters, for the words before a date that starts a text node.
    private var recent = ""
    /// Visible-text offset where the last date read from text ended: a date split over elements
    /// ("<span>Jan 04</span> <span>2021</span>") is read when its last piece is, unless it
    /// overlaps a date read already.
    private var lastTextDateEnd = -1
    /// Visible-text offset of the last calendar or clock icon (`<i class="fa fa-calendar">`): the
    /// date written just after one is a date line, whatever its element's class.
    private var iconOffset: Int?
    /// Elements with an `<article>`, `<main>`, `itemprop="articleBody"` or the title heading below them: page
    /// wrappers, never furniture whatever their class says ("nav-header" around the whole page).
    private var articleAncestors: Set<ObjectIdentifier> = []

    init(document: HTMLElement, finder: PublicationDateFinder, title: String?) {
        self.finder = finder
        let titleKey = title.map(Self.matchKey) ?? ""
        markArticleAncestors(document, titleKey: titleKey)
        walk(document)
        demoteLists()
        let titled = headings.first { Self.repeatsTitle($0.text, titleKey: titleKey) }
        let h1s = headings.filter(\.isH1)
        headline = (titled ?? h1s.first { $0.inArticle } ?? h1s.first)?.offset
    }

    /// Dates markup names as the publication date, nearest the headline first. Markup on many
    /// different days is a list of other stories (or of comments): then only what stands near
    /// the headline counts.
    var markup: [Sighting] {
        let all = nearestFirst(sightings.filter { $0.kind == .markup && !$0.elsewhere })
        guard Set(all.map(\.date.dayKey)).count > 2, let headline else { return all }
        return all.filter { isNear($0, headline) }
    }

    private func isNear(_ sighting: Sighting, _ headline: Int) -> Bool {
        sighting.offset >= headline - 600 && sighting.offset <= headline + 1500
    }

    /// The date line of the article: of the dates shown near the headline (from 600 characters
    /// before it to 1,500 after), one labelled published, else the nearest not labelled modified.
    /// Without a headline, or with none near it, the first labelled date line, else the first
    /// unlabelled one.
    var dateLine: Sighting? {
        if let near = nearDateLine { return near }
        let visible = sightings.filter { !$0.elsewhere && $0.kind != .markup }
        let lines = visible.filter { $0.kind != .text }
        return lines.first { $0.cue == .published } ?? lines.first { $0.cue == .none }
            ?? visible.first { $0.cue == .published }
    }

    /// The date line near the headline: labelled published, else the nearest not labelled
    /// modified. An unlabelled one above the headline gives way to a date line just below it,
    /// even one in a box classed like furniture: above the headline stand the site's own dates
    /// (today's date in the masthead, a player's schedule), below it the story's.
    var nearDateLine: Sighting? {
        guard let headline else { return nil }
        let near = nearestFirst(sightings.filter { !$0.elsewhere && $0.kind != .markup && isNear($0, headline) })
        if let published = near.first(where: { $0.cue == .published }) { return published }
        let unlabelled = near.first(where: { $0.cue == .none && $0.kind != .text })
            ?? near.first(where: { $0.cue == .none && !$0.inProse }) ?? near.first(where: { $0.cue == .none })
        if let unlabelled, unlabelled.offset >= headline { return unlabelled }
        return besideHeadline(headline) ?? unlabelled
    }

    /// A date line or `<time>` just below the headline (within 300 characters of its start), even
    /// in a box classed like furniture: its place outweighs a class name (share bars often hold
    /// the date line too).
    private func besideHeadline(_ headline: Int) -> Sighting? {
        sightings.first {
            ($0.kind == .dateLine || $0.kind == .time) && $0.cue != .modified && $0.offset >= headline && $0.offset <= headline + 300
        }
    }

    /// The day shown most often in the page's own text (not in navigation, teasers, comments),
    /// the first of equally frequent ones: the last resort among visible dates.
    var commonTextDate: FoundDate? {
        // Date lines first: dates in prose are counted only when the page shows no other.
        let lines = sightings.filter { !$0.elsewhere && $0.cue != .modified && !$0.inProse }
        let candidates = lines.isEmpty ? sightings.filter { !$0.elsewhere && $0.cue != .modified } : lines
        var counts: [Int: Int] = [:]
        var first: [Int: FoundDate] = [:]
        for sighting in candidates {
            counts[sighting.date.dayKey, default: 0] += 1
            if first[sighting.date.dayKey] == nil { first[sighting.date.dayKey] = sighting.date }
        }
        var best: (count: Int, date: FoundDate)?
        for sighting in candidates {
            let count = counts[sighting.date.dayKey] ?? 0
            if best == nil || count > best!.count { best = (count, first[sighting.date.dayKey]!) }
        }
        return best?.date
    }

    /// The date with a time and zone on the given day nearest the headline, outside furniture.
    func timed(onDay dayKey: Int) -> Sighting? {
        nearestFirst(sightings.filter {
            !$0.elsewhere && $0.cue != .modified && $0.date.dayKey == dayKey && $0.date.hour != nil && $0.date.offset != nil
        }).first
    }

    /// The date nearest the headline among those in furniture, not labelled as a modification.
    var furnitureDate: Sighting? {
        nearestFirst(sightings.filter { $0.elsewhere && $0.cue != .modified }).first
    }

    /// A date labelled as a modification ("Last edited on 4 November 2020"), anywhere: when
    /// nothing else dates the page, when it last changed is the best there is.
    var modifiedLine: Sighting? {
        sightings.first { $0.cue == .modified && !$0.elsewhere }
    }

    /// A date labelled as a modification in furniture: the last resort.
    var furnitureModifiedLine: Sighting? {
        sightings.first { $0.cue == .modified }
    }

    private func nearestFirst(_ list: [Sighting]) -> [Sighting] {
        guard let headline else { return list }
        // Before the headline counts double: date lines sit more often below it.
        func distance(_ sighting: Sighting) -> Int {
            sighting.offset >= headline ? sighting.offset - headline : 2 * (headline - sighting.offset)
        }
        return list.enumerated().sorted { (distance($0.element), $0.offset) < (distance($1.element), $1.offset) }.map(\.element)
    }

    /// Letters and digits, lower-cased: "Budget: Approved!" -> "budgetapproved".
    static func matchKey(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }

    /// Whether a heading's text repeats the page's title (or the title holds it).
    static func repeatsTitle(_ text: String, titleKey: String) -> Bool {
        let headingKey = matchKey(text)
        return headingKey.count >= 8 && !titleKey.isEmpty && (titleKey.contains(headingKey) || headingKey.contains(titleKey))
    }

    /// Marks every ancestor of an article element, or of a heading that repeats the page's title
    /// (iteratively: the stack must not grow with the page).
    private mutating func markArticleAncestors(_ root: HTMLElement, titleKey: String) {
        var path: [(HTMLElement, Int)] = [(root, 0)]
        while let (element, next) = path.last {
            guard next < element.children.count else {
                path.removeLast()
                continue
            }
            path[path.count - 1].1 += 1
            guard case .element(let inner) = element.children[next] else { continue }
            let isHeading = inner.name == "h1" || inner.name == "h2"
            if inner.name == "article" || inner.name == "main" || ContentSelector.isArticleBody(inner)
                || (isHeading && Self.repeatsTitle(Self.visibleText(of: inner, limit: 300), titleKey: titleKey))
            {
                for (ancestor, _) in path.reversed() {
                    if !articleAncestors.insert(ObjectIdentifier(ancestor)).inserted { break }
                }
            }
            path.append((inner, 0))
        }
    }

    private mutating func add(
        _ date: FoundDate?, _ kind: Kind, _ cue: Cue, elsewhere: Bool, inProse: Bool = false, standsAlone: Bool = false
    ) {
        guard let date, finder.isPlausible(date) else { return }
        sightings.append(
            Sighting(date: date, kind: kind, cue: cue, offset: offset, elsewhere: elsewhere, inProse: inProse, standsAlone: standsAlone))
    }

    /// Dates standing alone on three or more days, each within ``listSpacing`` characters of the
    /// next, are a list (a strip of days, the dates of other stories or of comments), not date
    /// lines: they are read as text again.
    private mutating func demoteLists() {
        let alone = sightings.indices.filter { sightings[$0].standsAlone }
        var start = 0
        while start < alone.count {
            var end = start + 1
            while end < alone.count, sightings[alone[end]].offset - sightings[alone[end - 1]].offset <= Self.listSpacing { end += 1 }
            if Set(alone[start..<end].map { sightings[$0].date.dayKey }).count >= 3 {
                for index in alone[start..<end] { sightings[index].kind = .text }
            }
            start = end
        }
    }

    /// The widest gap between two dates of one list: a headline's worth of text.
    static let listSpacing = 120

    /// Walks the page in document order with an explicit stack: the recursion depth of a walker
    /// must not depend on the page (the extractor runs on threads with small stacks).
    private mutating func walk(_ root: HTMLElement) {
        var stack: [(element: HTMLElement, next: Int, elsewhere: Bool, inArticle: Bool)] = []
        if let state = enter(root, elsewhere: false, inArticle: false) {
            stack.append((root, 0, state.elsewhere, state.inArticle))
        }
        while let frame = stack.last {
            guard frame.next < frame.element.children.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            switch frame.element.children[frame.next] {
            case .element(let inner):
                if ContentSelector.blockTags.contains(inner.name) || inner.name == "br" { addText(" ") }
                if let state = enter(inner, elsewhere: frame.elsewhere, inArticle: frame.inArticle) {
                    stack.append((inner, 0, state.elsewhere, state.inArticle))
                }
            case .text(let text):
                read(text, elsewhere: frame.elsewhere)
            }
        }
    }

    /// Reads what an element itself says about dates; returns the state its children inherit,
    /// or nil when they are not read.
    private mutating func enter(_ element: HTMLElement, elsewhere: Bool, inArticle: Bool) -> (elsewhere: Bool, inArticle: Bool)? {
        let name = element.name
        if name == "script" {
            let type = element[attribute: "type"]?.lowercased() ?? ""
            if type.isEmpty || type.contains("json") || type.contains("javascript") { scanScript(PageMetadata.text(of: element)) }
            return nil
        }
        if ["style", "template", "noscript", "head", "select", "option", "svg", "title"].contains(name) { return nil }
        let itemprop = element[attribute: "itemprop"]?.lowercased() ?? ""
        let isElsewhere = elsewhere
            || (!articleAncestors.contains(ObjectIdentifier(element)) && Self.isElsewhere(element, inArticle: inArticle))
        // `<main>` holds the page's own content: its `<aside>` (an author box) and `<footer>`
        // (an entry footer with the dates) belong to it, as an `<article>`'s do.
        let isArticle = inArticle || name == "article" || name == "main" || Self.itempropIsArticle(element)
        if !isElsewhere, name == "h1" || name == "h2" || name == "h3" {
            headings.append((offset, Self.visibleText(of: element, limit: 300), isArticle, name == "h1"))
        }

        // Markup that names the publication date.
        if itemprop.contains("datepublished") || itemprop.contains("datecreated") {
            let value = element[attribute: "content"] ?? element[attribute: "datetime"] ?? Self.visibleText(of: element, limit: 120)
            add(finder.plausible(value), .markup, .published, elsewhere: isElsewhere)
        } else if name == "time", element[attribute: "pubdate"] != nil || Self.classWords(element).contains(where: { ["published", "pubdate", "entry"].contains($0) }) {
            add(finder.plausible(element[attribute: "datetime"]), .markup, .published, elsewhere: isElsewhere)
        } else if name == "abbr", Self.classWords(element).contains("published") {
            add(finder.plausible(element[attribute: "title"]), .markup, .published, elsewhere: isElsewhere)
        }

        // Dates in the paths of images and links ("/uploads/2019/05/15/x.jpg"): a last resort.
        if !isElsewhere {
            for attribute in ["src", "href", "data-src"] {
                if let value = element[attribute: attribute], value.utf8.count < 500,
                    let date = finder.dateInURL(value.hasPrefix("/") ? "http://x" + value : value)
                {
                    linkDates.append(date)
                    if attribute == "href", name == "a",
                        element[attribute: "rel"]?.lowercased().split(separator: " ").contains("bookmark") == true
                    {
                        bookmarkDates.append(date)
                    }
                }
            }
        }

        // Machine dates in data attributes (`data-date`, `data-published`, `data-timestamp`).
        for (attribute, value) in element.attributes where attribute.hasPrefix("data-") && value.utf8.count <= 40 {
            guard attribute.contains("date") || attribute.contains("time") || attribute.contains("publish") else { continue }
            // The end of something (an offer, a video's availability, an event) is no publication.
            let words = attribute.split(whereSeparator: { !$0.isLetter })
            guard !words.contains(where: { ["end", "ends", "expires", "expiry", "expiration", "until", "deadline"].contains($0) })
            else { continue }
            let cue: Cue = attribute.contains("modif") || attribute.contains("updat") ? .modified
                : attribute.contains("publish") || attribute.contains("creat") ? .published : .none
            add(finder.plausible(value), .time, cue, elsewhere: isElsewhere)
        }

        // Date lines: `<time>`, and short elements whose class names a date or a byline.
        let names = Self.classWords(element)
        if names.contains(where: { $0 == "calendar" || $0 == "clock" || $0 == "date" || $0 == "time" }),
            element.children.allSatisfy({ if case .text(let text) = $0 { return TextUtilities.isBlank(text) } else { return true } }),
            Self.visibleText(of: element, limit: 8).isEmpty
        {
            iconOffset = offset
        }
        if name == "time" || Self.namesDate(names) || itemprop.contains("date") {
            let text = Self.visibleText(of: element, limit: 300)
            let cue: Cue = Self.namesModified(names) || itemprop.contains("modified") ? .modified
                : Self.namesPublished(names) ? .published : .none
            if name == "time", let date = finder.plausible(element[attribute: "datetime"]) {
                add(date, .time, cue == .none ? Self.cue(before: recent.unicodeScalars.count, in: recent) : cue, elsewhere: isElsewhere)
            } else if text.count <= 200 {
                let context = String(recent.suffix(40)) + " "
                let matches = DateText.matches(in: context + text, order: finder.order, twoDigitYears: true)
                    .filter { $0.start >= context.unicodeScalars.count && finder.isPlausible($0.date) }
                // Dates on more than two days are a strip of days (the stories before and after,
                // a calendar), not one date line: its pieces are read one by one below.
                if Set(matches.map(\.date.dayKey)).count <= 2, let (match, textCue) = Self.pick(matches, in: context + text) {
                    add(match.date, name == "time" ? .time : .dateLine, textCue != .none ? textCue : cue, elsewhere: isElsewhere)
                }
            }
        }

        return (isElsewhere, isArticle)
    }

    /// The longest text node read as a date line rather than prose (a date, a label, a time, a
    /// place: "Veröffentlicht am 16.10.2019, 18:15 Uhr").
    static let dateLineLength = 60

    /// Reads the dates of a text node.
    private mutating func read(_ text: String, elsewhere: Bool) {
        // A date starts in this node, or ends in it having begun in the nodes just before (pieces
        // of one date in sibling elements: day, month and year, or a date and its time).
        if text.contains(where: { $0.isNumber || $0.isLetter }) {
            // Whether the node holds nothing but dates: asked once per node, and only when a date
            // starts in it.
            var onlyDates: Bool?
            let context = String(recent.suffix(40))
            let full = context + text
            let skip = context.unicodeScalars.count
            let base = offset - skip
            for match in DateText.matches(in: full, order: finder.order) where match.end > skip {
                let startsHere = match.start >= skip
                guard finder.isPlausible(match.date), startsHere ? text.count >= 6 : base + match.start >= lastTextDateEnd else { continue }
                let saved = offset
                offset = base + match.start
                let afterIcon = iconOffset.map { offset >= $0 && offset - $0 <= 20 } ?? false
                // A text node holding nothing but a date (with its label, weekday and time) is a
                // date line, whatever its element: "<div>16. August 2019</div>" below a headline.
                // Unless its element was read as a date line of that day already ("<time
                // datetime=…>26 January 2017</time>"): the element's reading has the time.
                let readAlready = sightings.last.map {
                    $0.kind != .text && $0.date.dayKey == match.date.dayKey && offset - $0.offset <= Self.dateLineLength
                } ?? false
                let standsAlone = !afterIcon && !readAlready && startsHere && {
                    if onlyDates == nil { onlyDates = Self.holdsOnlyDates(text, order: finder.order) }
                    return onlyDates!
                }()
                add(match.date, afterIcon || standsAlone ? .dateLine : .text, Self.cue(before: match.start, in: full),
                    elsewhere: elsewhere, inProse: startsHere && text.count > Self.dateLineLength && !afterIcon,
                    standsAlone: standsAlone)
                offset = saved
                lastTextDateEnd = base + match.end
            }
            // A two-digit year counts in a text that holds only its date and a clock time
            // ("05-03-20, 14:05", "27.01.20 um 14:05 Uhr"): a date line, as in a classed element.
            // (A digit first: most short nodes are menu and link text with none.)
            if text.count <= Self.dateLineLength, text.contains(where: \.isNumber),
                DateText.matches(in: text, order: finder.order).isEmpty,
                case let shortYears = DateText.matches(in: text, order: finder.order, twoDigitYears: true),
                Self.holdsOnlyDates(text, matches: shortYears)
            {
                for match in shortYears where match.date.hour != nil {
                    let saved = offset
                    offset += match.start
                    add(match.date, .dateLine, Self.cue(before: skip + match.start, in: full), elsewhere: elsewhere, standsAlone: true)
                    offset = saved
                }
            }
        }
        addText(text)
    }

    /// Words a date line holds beside its date: labels ("Veröffentlicht am", "Stand:", "Mis à
    /// jour le"), weekdays, the words of a clock time ("um", "Uhr", "à", "alle ore") and zones.
    static let dateLineWords: Set<String> = {
        var words = Set((MonthNames.publishedCues + MonthNames.modifiedCues).flatMap { $0.split(separator: " ").map(String.init) })
        words.formUnion(MonthNames.weekdays)
        words.formUnion(MonthNames.zoneOffset.keys)
        words.formUnion([
            // Labels of a date line's date, by itself or as the noun of a modification.
            "date", "datum", "stand", "fecha", "data", "dato", "publication", "publicación", "pubblicazione",
            "veröffentlichung", "publicatie", "publikacja", "aktualisierung", "actualización", "aggiornamento",
            "actualisation", "aktualizacja", "update", "last", "letzte", "letzten", "dernière", "última", "ultima", "ultimo",
            "laatste", "ostatnia", "on", "am", "um", "le", "la", "el", "il", "lo", "op", "den", "vom", "de", "del", "di",
            "du", "of", "the", "à", "a", "alle", "ore", "às", "om", "o", "w", "dnia", "dn", "godz", "kl", "klo", "klockan",
            "uhr", "h", "hs", "hrs", "horas", "heures", "pm", "p", "m", "er", "st", "nd", "rd", "th", "und", "and", "et",
            "y", "e", "en", "i", "utc", "gmt", "mez", "mesz",
            // The two-letter weekdays of German and Dutch date lines ("Di., 28.01.2020", "vr 16-08-2019"),
            // words elsewhere, so no weekday in running text.
            "mo", "mi", "do", "fr", "sa", "so", "ma", "wo", "vr", "za", "zo",
        ])
        return words
    }()

    /// Whether a text holds only dates and the words of a date line: no other word and no other
    /// number ("Veröffentlicht am 27.01.2020, 14:05 Uhr", "Stand: 12.03.2021", "mardi 3 mars 2020
    /// à 14h05"), at most ``dateLineLength`` characters.
    static func holdsOnlyDates(_ text: String, order: NumericDateOrder, twoDigitYears: Bool = false) -> Bool {
        guard text.count <= dateLineLength else { return false }
        return holdsOnlyDates(text, matches: DateText.matches(in: text, order: order, twoDigitYears: twoDigitYears))
    }

    /// ``holdsOnlyDates(_:order:twoDigitYears:)`` with the text's date matches already found.
    static func holdsOnlyDates(_ text: String, matches: [DateMatch]) -> Bool {
        guard text.count <= dateLineLength, !matches.isEmpty else { return false }
        var next = 0
        for token in DateTokenizer.tokens(text) {
            while next < matches.count, matches[next].end <= token.start { next += 1 }
            if next < matches.count, token.start >= matches[next].start { continue }
            switch token.kind {
            case .symbol: continue
            case .number: return false
            case .word: if !dateLineWords.contains(token.text) { return false }
            }
        }
        return true
    }

    /// Counts visible text and keeps its last characters, whitespace collapsed.
    private mutating func addText(_ text: String) {
        var lastWasSpace = recent.last == " "
        for character in text {
            let isSpace = character.isWhitespace
            if isSpace && lastWasSpace { continue }
            recent.append(isSpace ? " " : character)
            offset += 1
            lastWasSpace = isSpace
        }
        if recent.count > 200 { recent = String(recent.suffix(80)) }
    }

    /// Of the dates in a date line, the one labelled published, else the first not labelled
    /// modified, else the first.
    static func pick(_ matches: [DateMatch], in text: String) -> (DateMatch, Cue)? {
        guard !matches.isEmpty else { return nil }
        let cues = matches.map { cue(before: $0.start, in: text) }
        if let index = cues.firstIndex(of: .published) { return (matches[index], .published) }
        if let index = cues.firstIndex(of: .none) { return (matches[index], .none) }
        return (matches[0], .modified)
    }

    /// Whether the words just before a date (within 40 characters) say "published" or "updated";
    /// the nearer word decides.
    static func cue(before start: Int, in text: String) -> Cue {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: min(start, scalars.count))
        let from = scalars.index(end, offsetBy: -min(40, start))
        let before = String(scalars[from..<end]).lowercased()
        var best: (Int, Cue)?
        for (words, cue) in [(MonthNames.publishedCues, Cue.published), (MonthNames.modifiedCues, Cue.modified)] {
            for word in words {
                // A whole word: "stand" is not "Zustand", "edited" not "credited".
                guard let range = before.range(of: word, options: .backwards),
                    range.lowerBound == before.startIndex || !before[before.index(before: range.lowerBound)].isLetter
                else { continue }
                let distance = before.distance(from: range.upperBound, to: before.endIndex)
                if best == nil || distance < best!.0 { best = (distance, cue) }
            }
        }
        return best?.1 ?? .none
    }

    /// Keys of a script's data that name the publication, letters and digits only, lower-cased,
    /// most specific first: "datePublished", "date_published" and "DATE-PUBLISHED" are one key.
    static let scriptKeys: [String: Int] = {
        let keys = [
            "datepublished", "publishdate", "publishedat", "pubdate", "firstpublished", "publicationdate",
            "publisheddate", "datecreated", "publishtime", "publishedtime", "publishdatetime", "publisheddatetime",
            "publishingdate", "publishedon", "publicationtime", "articlepublishdate", "articlepublishedtime",
            "articlepublishtime", "firstpublishdate", "firstpublishedat", "originalpublishdate",
        ]
        return Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
    }()

    /// Publication dates in a script's data: `"publishDate": "..."`, `"publish_time":"..."`,
    /// `\"datePublished\":\"...\"` (data escaped inside a string), the most specific key first,
    /// then in order.
    ///
    /// - Complexity: O(n) in the script's bytes.
    private mutating func scanScript(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count < 4_000_000 else { return }
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":")
        var found: [(rank: Int, position: Int, date: FoundDate)] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == quote else {
                index += 1
                continue
            }
            // A key: letters, digits, '_', '-', '.', then its closing quote (escaped or not).
            var end = index + 1
            var key: [UInt8] = []
            while end < bytes.count, end - index < 48 {
                let byte = bytes[end]
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    key.append(byte)
                } else if byte >= 0x41 && byte <= 0x5A {
                    key.append(byte + 0x20)
                } else if byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
                    break
                }
                end += 1
            }
            if end < bytes.count, bytes[end] == backslash { end += 1 }
            guard end < bytes.count, bytes[end] == quote, let rank = Self.scriptKeys[String(decoding: key, as: UTF8.self)] else {
                index = max(index + 1, end)
                continue
            }
            var cursor = end + 1
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == colon else {
                index = cursor
                continue
            }
            cursor += 1
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == quote || bytes[cursor] == backslash {
                cursor += 1
            }
            var valueEnd = cursor
            while valueEnd < bytes.count, valueEnd - cursor < 80,
                ![quote, UInt8(ascii: ","), UInt8(ascii: "}"), backslash].contains(bytes[valueEnd])
            {
                valueEnd += 1
            }
            if let date = finder.plausible(String(decoding: bytes[cursor..<valueEnd], as: UTF8.self)) {
                found.append((rank, cursor, date))
            }
            index = valueEnd
        }
        script += found.sorted { ($0.rank, $0.position) < ($1.rank, $1.position) }.map(\.date)
    }

    // MARK: Element names

    static func itempropIsArticle(_ element: HTMLElement) -> Bool {
        guard let type = element[attribute: "itemtype"] else { return false }
        return type.contains("Article") || type.contains("Posting")
    }

    /// Lower-cased words of an element's class and id.
    static func classWords(_ element: HTMLElement) -> [Substring] {
        let names = [element[attribute: "class"], element[attribute: "id"]].compactMap { $0?.lowercased() }.joined(separator: " ")
        return names.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }

    static func namesDate(_ words: [Substring]) -> Bool {
        words.contains { word in
            ["date", "datum", "time", "fecha", "data", "publish", "posted", "dateline", "byline", "meta", "timestamp",
             "pubdate", "datetime", "published", "created", "submitted", "parution", "zeit", "info", "subline", "author",
             "autor"].contains { word.hasPrefix($0) }
                || word.hasSuffix("date") || word.hasSuffix("datum") || word.hasSuffix("time")
        }
    }

    static func namesModified(_ words: [Substring]) -> Bool {
        words.contains { $0.hasPrefix("updated") || $0.hasPrefix("modified") || $0 == "update" || $0.hasPrefix("lastmod") }
    }

    static func namesPublished(_ words: [Substring]) -> Bool {
        words.contains { $0.hasPrefix("publish") || $0 == "pubdate" || $0 == "posted" || $0 == "created" || $0 == "entry" }
    }

    /// Regions whose dates belong to other pages or to nobody: navigation, teasers, related
    /// stories, comments, sidebars.
    ///
    /// An `<aside>` or `<footer>` inside the article is the article's own (a date box, an entry
    /// footer) unless its class names furniture (`<aside class="sidebar">` in `<main>`); outside
    /// it, furniture. Page wrappers (`body`, `main`, `article`) never are.
    static func isElsewhere(_ element: HTMLElement, inArticle: Bool) -> Bool {
        if ["nav", "menu", "dialog", "select", "button"].contains(element.name) { return true }
        if ["aside", "footer"].contains(element.name), !inArticle { return true }
        if ["html", "body", "main", "article"].contains(element.name) { return false }
        if let role = element[attribute: "role"]?.lowercased(), ["navigation", "complementary", "menu", "menubar"].contains(role) {
            return true
        }
        let classes = [element[attribute: "class"], element[attribute: "id"]].compactMap { $0?.lowercased() }
            .flatMap { $0.split(separator: " ") }
            .filter { !$0.hasPrefix("has-") && !$0.hasPrefix("with-") && !$0.hasPrefix("no-") }
        for name in classes {
            for word in name.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where elsewhereWords.contains(String(word)) {
                // "__next" is a framework's root element around the whole page, not a link onward.
                if word == "next", name.hasPrefix("__") { continue }
                return true
            }
        }
        return false
    }

    static let elsewhereWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "related", "comment", "comments", "sidebar",
        "promo", "newsletter", "recommended", "recommendations", "outbrain", "taboola",
        "sponsored", "cookie", "cookies", "breadcrumb", "breadcrumbs", "social", "share", "sharing", "popular",
        "trending", "carousel", "slider", "mostread", "morestories",
        // Links to the story (or the day) before and after this one carry their dates, not this page's.
        "prev", "previous", "next",
        // Readers' comments in the languages of the European press, in the plural: a German
        // "Kommentar" is also an opinion piece, the page's own story.
        "kommentare", "leserkommentare", "commentaires", "comentarios", "commenti", "reacties", "komentarze",
        "kommentarer", "kommentit",
    ]

    /// Visible text below an element, up to `limit` characters, whitespace collapsed.
    ///
    /// - Complexity: O(limit) plus the elements visited before the limit is reached.
    static func visibleText(of element: HTMLElement, limit: Int) -> String {
        var result = ""
        var stack: [(HTMLElement, Int)] = [(element, 0)]
        while let (current, next) = stack.last, result.utf8.count < limit * 4 {
            guard next < current.children.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].1 += 1
            switch current.children[next] {
            case .text(let text): result += text
            case .element(let inner):
                if ["script", "style", "template", "noscript"].contains(inner.name) { continue }
                result += " "
                stack.append((inner, 0))
            }
        }
        return TextUtilities.collapseWhitespace(result.prefix(limit * 2))
    }
}
