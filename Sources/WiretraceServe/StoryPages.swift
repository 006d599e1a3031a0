import Foundation
import WiretraceCore
import WiretraceReport
import WiretraceStore

/// The review pages, rendered from a database: runs, stories, one story, two members side by side,
/// quotes, outlets. Every page is a whole HTML document built with ``HTML`` (so every string read
/// from the database is escaped) and works without JavaScript.
///
/// Not `Sendable`: it reads through one ``WiretraceStore`` connection.
public struct StoryPages {
    public let store: WiretraceStore
    public let links: SiteLinks
    /// Stories per page of the stories list.
    public var pageSize = 50
    /// Stories smaller than this are left out of the stories list.
    public var minimumSize = 2
    /// The token each review form carries (``ReviewSite/formToken``); nil: forms without one.
    public var formToken: String?

    public init(store: WiretraceStore, links: SiteLinks) {
        self.store = store
        self.links = links
    }

    // MARK: Runs

    public func runs() throws -> HTML {
        let runs = try store.runs()
        var rows: [HTML] = []
        for run in runs.reversed() {
            let reasons = run.rejectsByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            let rejects: HTML = reasons.isEmpty
                ? "none"
                : "<ul class=\"plain\">\(reasons.map { reason -> HTML in "<li>\(reason.key): \(reason.value)</li>" })</ul>"
            rows.append(
                """
                <tr><td>#\(run.id)</td><td>\(run.status)</td><td>\(run.startedAt)<br><span class="muted">\(run.finishedAt, or: "not finished")</span></td>
                <td><ul class="plain">\(run.inputs.map { input -> HTML in "<li><code>\(input)</code></li>" })</ul></td>
                <td class="num">\(run.documentsRead)</td><td class="num">\(run.documentsStored)</td><td class="num">\(run.documentsUnchanged)</td>
                <td class="num">\(run.rejected)</td><td>\(rejects)</td>
                <td class="num">\(run.duplicatePairs) / \(run.duplicateGroups)</td><td class="num">\(run.stories)</td><td class="num">\(run.quotes)</td></tr>
                """)
        }
        let body: HTML = """
            <h1>Runs</h1>
            <p>\(try store.documentCount()) documents stored.</p>
            <table><thead><tr><th>run</th><th>status</th><th>time</th><th>inputs</th><th>read</th><th>stored</th><th>unchanged</th>
            <th>rejected</th><th>rejects by reason</th><th>pairs / groups</th><th>stories</th><th>quotes</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return layout(title: "Runs", body: body)
    }

    // MARK: Stories

    public func stories(order: ClusterOrder = .size, search: String? = nil, page: Int = 1) throws -> HTML {
        let page = max(page, 1), pageSize = max(pageSize, 1)
        // Any page number is answered (past the last one, with no rows): the offset saturates.
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: pageSize)
        let (total, rows) = try store.clusterSummaries(
            search: search, order: order, minimumSize: minimumSize, limit: pageSize, offset: overflow ? Int.max : offset)
        let pages = max(1, total / pageSize + (total % pageSize == 0 ? 0 : 1))
        var controls: HTML = .empty
        if links.style == .server {
            let options = ClusterOrder.allCases.map { option -> HTML in
                option == order
                    ? "<option value=\"\(option.rawValue)\" selected>\(option.rawValue)</option>"
                    : "<option value=\"\(option.rawValue)\">\(option.rawValue)</option>"
            }
            controls = """
                <form method="get" action="/stories" class="controls">
                <label>Title contains <input type="search" name="q" value="\(search ?? "")"></label>
                <label>Sort by <select name="sort">\(options)</select></label>
                <button type="submit">Show</button></form>
                """
        }
        let header: [HTML] = ClusterOrder.allCases.map { option in
            let label = ["size": "documents", "outlets": "outlets", "date": "first published", "reuse": "reuse share"][option.rawValue] ?? option.rawValue
            guard links.style == .server, option != order else { return "<th>\(label)</th>" }
            return "<th><a href=\"\(links.stories(order: option, search: search))\">\(label)</a></th>"
        }
        let body: HTML = """
            <h1>Stories</h1>
            \(controls)
            <p>\(total) stories with \(minimumSize)+ documents\(search.map { $0.isEmpty ? "" : " whose title contains “\($0)”" } ?? ""); page \(page) of \(pages).</p>
            <table><thead><tr><th>story</th>\(header)<th>copies</th></tr></thead><tbody>
            \(rows.map { row -> HTML in
                let reuse = row.size > 0 ? row.copies * 100 / row.size : 0
                return """
                    <tr><td><a href="\(links.story(row.id))">\(row.title, or: "(untitled)")</a> <span class="muted">\(row.id)</span></td>
                    <td class="num">\(row.size)</td><td class="num">\(row.outlets)</td><td>\(row.firstPublished.map(DisplayFormat.shortTime) ?? "?")</td>
                    <td class="num">\(reuse)%</td><td class="num">\(row.copies)</td></tr>
                    """
            })
            </tbody></table>
            \(pager(page: page, pages: pages, order: order, search: search))
            """
        return layout(title: "Stories", body: body)
    }

    private func pager(page: Int, pages: Int, order: ClusterOrder, search: String?) -> HTML {
        var parts: [HTML] = []
        if page > 1 { parts.append("<a rel=\"prev\" href=\"\(links.stories(order: order, search: search, page: page - 1))\">← previous</a>") }
        if page < pages { parts.append("<a rel=\"next\" href=\"\(links.stories(order: order, search: search, page: page + 1))\">next →</a>") }
        return "<nav class=\"pager\">\(parts.joined(separator: " · "))</nav>"
    }

    // MARK: One story

    /// The story page, or nil when there is no such story.
    public func story(_ id: String) throws -> HTML? {
        guard let cluster = try store.cluster(id) else { return nil }
        var articles: [String: Article] = [:]
        for member in cluster.members { articles[member.documentID] = try store.article(member.documentID) }
        let origin = cluster.members.first { $0.role == "origin" } ?? cluster.members[0]

        // Timeline.
        let timed = cluster.members.compactMap { member -> (ClusterMemberRecord, Double)? in
            guard let seconds = articles[member.documentID]?.published.flatMap(Timestamp.seconds) else { return nil }
            return (member, seconds)
        }.sorted { ($0.1, $0.0.documentID) < ($1.1, $1.0.documentID) }
        let rowOf = Dictionary(timed.enumerated().map { ($1.0.documentID, $0) }, uniquingKeysWith: { a, _ in a })
        let timeline = Charts.timeline(timed.map { member, seconds in
            Charts.TimelinePoint(
                label: member.outlet ?? member.documentID, role: member.role, seconds: seconds,
                source: member.of.flatMap { rowOf[$0] })
        })

        let decisions = try store.reviewDecisions().filter { decision in
            decision.clusterID == cluster.id || cluster.members.contains { decision.involves($0.documentID) }
        }
        var memberRows: [HTML] = []
        for member in cluster.members {
            let article = articles[member.documentID]
            let evidence = StoryEvidence(json: member.evidence)
            let credits = (article?.credits ?? []).map(\.agency)
            var detail: [HTML] = []
            if let of = member.of {
                detail.append("of <a href=\"\(links.story(cluster.id))#\(Self.anchor(of))\">\(articles[of]?.outlet ?? of)</a>")
                detail.append("<a href=\"\(links.compare(member.documentID, of))\">side by side</a>")
            }
            if let evidence {
                if let share = evidence.containment { detail.append("\(DisplayFormat.percent(share)) of its text inside the source") }
                if let jaccard = evidence.jaccard { detail.append("Jaccard \(DisplayFormat.fixed(jaccard))") }
                if let similarity = evidence.similarity { detail.append("similarity \(DisplayFormat.fixed(similarity))") }
                if let shared = evidence.sharedQuotes, shared > 0 { detail.append("\(shared) shared quote\(shared == 1 ? "" : "s")") }
                if let credited = evidence.credited { detail.append(credited ? "credited" : "<strong class=\"bad\">uncredited</strong>") }
                if let basis = evidence.basis { detail.append("\(basis)") }
            }
            var actions: HTML = .empty
            if links.reviewEnabled, cluster.members.count > 1 {
                actions = reviewForm(
                    kind: .split, story: cluster.id, a: member.documentID, b: nil, label: "split out")
                if member.documentID != origin.documentID {
                    actions += reviewForm(
                        kind: .notSame, story: cluster.id, a: origin.documentID, b: member.documentID,
                        label: "not the same story as the origin")
                }
            }
            memberRows.append(
                """
                <tr id="\(Self.anchor(member.documentID))" class="role-\(member.role)"><td><strong>\(member.role)</strong></td>
                <td>\(member.outlet.map { outlet -> HTML in "<a href=\"\(links.outlet(outlet))\">\(outlet)</a>" } ?? "?")</td>
                <td>\(article?.published.flatMap(Timestamp.seconds).map(DisplayFormat.shortTime) ?? "?")</td>
                <td>\(article?.title, or: "(untitled)")<br><code class="muted">\(member.documentID)</code></td>
                <td>\(member.language ?? "?")</td>
                <td>\(credits.isEmpty ? "none" : credits.joined(separator: ", "))</td>
                <td>\(detail.joined(separator: "; "))</td><td>\(actions)</td></tr>
                """)
        }
        var review: HTML = .empty
        if links.reviewEnabled {
            review = """
                <section class="review"><h2>Review</h2>
                \(reviewForm(kind: .confirm, story: cluster.id, a: nil, b: nil, label: "Confirm this story", members: cluster.members.map(\.documentID)))
                <form method="post" action="/review">\(tokenField)<input type="hidden" name="kind" value="merge">
                <input type="hidden" name="story" value="\(cluster.id)"><input type="hidden" name="a" value="\(origin.documentID)">
                <label>Merge with story (id or document id) <input name="other" required></label> <button type="submit">Merge</button></form>
                <p class="muted">Decisions are stored at once and applied by the next <code>wiretrace run</code> over this database.</p>
                </section>
                """
        }
        let span = [cluster.firstPublished, cluster.lastPublished].compactMap { $0.flatMap(Timestamp.seconds).map(DisplayFormat.shortTime) }
        let body: HTML = """
            <h1>\(cluster.title, or: "(untitled story)")</h1>
            <p><span class="muted">Story \(cluster.id)</span> · \(cluster.members.count) documents from \(cluster.outletCount) outlets\
            \(span.isEmpty ? "" : ", " + (span.count == 2 && span[0] != span[1] ? "\(span[0]) to \(span[1])" : span[0])) ·
            origin: <a href="#\(Self.anchor(origin.documentID))">\(origin.outlet ?? origin.documentID)</a></p>
            <h2>Spread</h2>
            \(timeline)
            <p class="legend"><span class="key origin">origin</span> <span class="key copy">copy</span> <span class="key excerpt">excerpt</span> <span class="key rewrite">rewrite</span></p>
            <h2>Members</h2>
            <table><thead><tr><th>role</th><th>outlet</th><th>published</th><th>title and id</th><th>language</th><th>credits</th><th>evidence</th><th></th></tr></thead>
            <tbody>\(memberRows)</tbody></table>
            \(decisionList(decisions))
            \(review)
            """
        return layout(title: cluster.title ?? "Story \(cluster.id)", body: body)
    }

    private func reviewForm(
        kind: ReviewDecision.Kind, story: String, a: String?, b: String?, label: String, members: [String] = []
    ) -> HTML {
        """
        <form method="post" action="/review" class="inline">\(tokenField)<input type="hidden" name="kind" value="\(kind.rawValue)">\
        <input type="hidden" name="story" value="\(story)">\
        \(a.map { value -> HTML in "<input type=\"hidden\" name=\"a\" value=\"\(value)\">" } ?? .empty)\
        \(b.map { value -> HTML in "<input type=\"hidden\" name=\"b\" value=\"\(value)\">" } ?? .empty)\
        \(members.isEmpty ? HTML.empty : "<input type=\"hidden\" name=\"members\" value=\"\(members.joined(separator: "\n"))\">")\
        <button type="submit">\(label)</button></form>
        """
    }

    /// The hidden field with the site's form token, in every review form.
    private var tokenField: HTML {
        formToken.map { token -> HTML in "<input type=\"hidden\" name=\"token\" value=\"\(token)\">" } ?? .empty
    }

    private func decisionList(_ decisions: [ReviewDecision]) -> HTML {
        guard !decisions.isEmpty else { return .empty }
        let items = decisions.map { decision -> HTML in
            let what: String
            switch decision.kind {
            case .confirm: what = "confirmed story \(decision.clusterID ?? "?") (\(decision.members.count) documents)"
            case .split: what = "split \(decision.documentA ?? "?") out of its story"
            case .merge: what = "merged the stories of \(decision.documentA ?? "?") and \(decision.documentB ?? "?")"
            case .notSame: what = "\(decision.documentA ?? "?") and \(decision.documentB ?? "?") are not the same story"
            }
            return "<li class=\"decision decision-\(decision.kind.rawValue)\">\(decision.reviewer), \(decision.decidedAt): \(what)</li>"
        }
        return "<section class=\"decisions\"><h2>Review decisions</h2><ul>\(items)</ul></section>"
    }

    // MARK: Side by side

    /// Two documents side by side with the passages they share highlighted, or nil when either is
    /// not stored.
    public func compare(_ a: String, _ b: String) throws -> HTML? {
        guard let left = try store.article(a), let right = try store.article(b) else { return nil }
        // The passages are stored on the member that copies the other: [start, end, sourceStart, sourceEnd].
        var leftRanges: [Range<Int>] = [], rightRanges: [Range<Int>] = []
        var relation = "No shared passages are recorded between these two documents."
        var containment: Double?
        if let storyID = try store.clusterID(containing: a), let cluster = try store.cluster(storyID) {
            if let member = cluster.member(a), member.of == b, let evidence = StoryEvidence(json: member.evidence) {
                for passage in evidence.passages ?? [] where passage.count == 4 {
                    leftRanges.append(passage[0]..<passage[1])
                    rightRanges.append(passage[2]..<passage[3])
                }
                relation = "The left document is a\(member.role == "excerpt" ? "n" : "") \(member.role) of the right one."
                containment = evidence.containment
            } else if let member = try store.clusterID(containing: b).flatMap({ try store.cluster($0) })?.member(b), member.of == a,
                let evidence = StoryEvidence(json: member.evidence)
            {
                for passage in evidence.passages ?? [] where passage.count == 4 {
                    rightRanges.append(passage[0]..<passage[1])
                    leftRanges.append(passage[2]..<passage[3])
                }
                relation = "The right document is a\(member.role == "excerpt" ? "n" : "") \(member.role) of the left one."
                containment = evidence.containment
            }
        }
        let leftScalars = Array(left.text.unicodeScalars), rightScalars = Array(right.text.unicodeScalars)
        let leftShare = Self.coverage(leftRanges, length: leftScalars.count)
        let rightShare = Self.coverage(rightRanges, length: rightScalars.count)
        func column(_ article: Article, _ scalars: [Unicode.Scalar], _ ranges: [Range<Int>], side: String, share: Double) -> HTML {
            """
            <div class="column"><h2>\(article.outlet ?? "?")</h2>
            <p><strong>\(article.title, or: "(untitled)")</strong><br><code class="muted">\(article.id)</code><br>
            \(article.published.flatMap(Timestamp.seconds).map(DisplayFormat.shortTime) ?? "time unknown")\
            \(article.credits.isEmpty ? "" : " · credits " + article.credits.map(\.agency).joined(separator: ", "))</p>
            <p class="reuse">\(DisplayFormat.percent(share)) of this text is shared with the other document.</p>
            <div class="text">\(Self.highlighted(scalars, ranges, side: side))</div></div>
            """
        }
        let body: HTML = """
            <h1>Side by side</h1>
            <p>\(relation) \(leftRanges.count) shared passage\(leftRanges.count == 1 ? "" : "s")\
            \(containment.map { " · reuse: \(DisplayFormat.percent($0)) of the copy's text is found in its source" } ?? "").</p>
            <div class="columns">
            \(column(left, leftScalars, leftRanges, side: "l", share: leftShare))
            \(column(right, rightScalars, rightRanges, side: "r", share: rightShare))
            </div>
            """
        return layout(title: "Side by side", body: body)
    }

    /// The text with each range wrapped in `<mark>` (numbered in passage order, so that passage n
    /// has the same number on both sides). Overlapping or out-of-range parts are clipped.
    static func highlighted(_ scalars: [Unicode.Scalar], _ ranges: [Range<Int>], side: String) -> HTML {
        func text(_ range: Range<Int>) -> HTML {
            var string = ""
            string.unicodeScalars.append(contentsOf: scalars[range])
            return HTML(text: string)
        }
        let ordered = ranges.enumerated().sorted { ($0.element.lowerBound, $0.offset) < ($1.element.lowerBound, $1.offset) }
        var out: [HTML] = []
        var position = 0
        for (number, range) in ordered {
            let start = min(max(range.lowerBound, position), scalars.count)
            let end = min(max(range.upperBound, start), scalars.count)
            guard start < end else { continue }
            out.append(text(position..<start))
            out.append("<mark class=\"shared\" id=\"\(side)\(number + 1)\" title=\"shared passage \(number + 1)\">\(text(start..<end))</mark>")
            position = end
        }
        out.append(text(position..<scalars.count))
        return out.joined()
    }

    /// Share of `length` covered by the union of `ranges`.
    static func coverage(_ ranges: [Range<Int>], length: Int) -> Double {
        guard length > 0 else { return 0 }
        var covered = 0, position = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, position), end = min(range.upperBound, length)
            if end > start { covered += end - start; position = end }
        }
        return Double(covered) / Double(length)
    }

    // MARK: Quotes

    public func quotes(limit: Int = 500) throws -> HTML {
        let quotes = try store.quotes()
        let rows = try quotes.prefix(limit).map { quote -> HTML in
            var first = HTML(text: quote.firstOutlet ?? "?")
            if let document = quote.firstDocument, let story = try store.clusterID(containing: document) {
                first = "<a href=\"\(links.story(story))#\(Self.anchor(document))\">\(quote.firstOutlet ?? document)</a>"
            }
            return """
                <tr><td>\(quote.speaker, or: "unattributed")</td><td class="quote">“\(quote.text)”</td>
                <td>\(first)<br><span class="muted">\(quote.firstSeen.flatMap(Timestamp.seconds).map(DisplayFormat.shortTime) ?? "")</span></td>
                <td>\([quote.firstReporter ?? "?"] + quote.relayedBy, separator: " → ")</td>
                <td>\(quote.carriedBy.map { outlet -> HTML in "<a href=\"\(links.outlet(outlet))\">\(outlet)</a>" }.joined(separator: ", "))</td>
                <td class="num">\(quote.sightings)</td></tr>
                """
        }
        let body: HTML = """
            <h1>Quotes</h1>
            <p>\(quotes.count) quotes; \(quotes.filter { $0.sightings > 1 }.count) carried by more than one document\
            \(quotes.count > limit ? "; the \(limit) most carried are listed" : "").</p>
            <table><thead><tr><th>speaker</th><th>quote</th><th>first seen</th><th>relay chain</th><th>carried by</th><th>sightings</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        return layout(title: "Quotes", body: body)
    }

    // MARK: Outlets

    public func outlets() throws -> HTML {
        let rows = try store.outletCounts().map { entry -> HTML in
            "<tr><td><a href=\"\(links.outlet(entry.outlet))\">\(entry.outlet)</a></td><td class=\"num\">\(entry.documents)</td></tr>"
        }
        return layout(
            title: "Outlets",
            body: "<h1>Outlets</h1><table><thead><tr><th>outlet</th><th>documents</th></tr></thead><tbody>\(rows)</tbody></table>")
    }

    /// What an outlet published and how much of it was wire copy, credited or not.
    public func outlet(_ name: String, limit: Int = 500) throws -> HTML {
        let (total, documents) = try store.outletDocuments(name, limit: Int.max)
        let copies = documents.filter { $0.role == "copy" || $0.role == "excerpt" }
        let credited = copies.filter { $0.credited == true }.count
        let uncredited = copies.count - credited
        let rows = documents.prefix(limit).map { document -> HTML in
            var role: HTML = "\(document.role ?? "?")"
            if let of = document.of {
                role = "\(role) of <a href=\"\(links.compare(document.id, of))\">\(of)</a> "
                    + (document.credited == true ? "(credited)" : "<strong class=\"bad\">(uncredited)</strong>")
            }
            let story: HTML = document.clusterID.map { id -> HTML in "<a href=\"\(links.story(id))\">\(id)</a>" } ?? "?"
            return """
                <tr><td>\(document.published.flatMap(Timestamp.seconds).map(DisplayFormat.shortTime) ?? "?")</td>
                <td>\(document.title, or: "(untitled)")<br><code class="muted">\(document.id)</code></td><td>\(story)</td><td>\(role)</td></tr>
                """
        }
        let share = total > 0 ? Double(copies.count) / Double(total) : 0
        let body: HTML = """
            <h1>\(name)</h1>
            <p>\(total) documents; \(copies.count) wire copies or excerpts (\(DisplayFormat.percent(share))): \(credited) credited, \(uncredited) uncredited.</p>
            \(Charts.shareBar(own: total - copies.count, credited: credited, uncredited: uncredited))
            <p class="legend"><span class="key own">own</span> <span class="key credited">credited copy</span> <span class="key uncredited">uncredited copy</span></p>
            <table><thead><tr><th>published</th><th>title and id</th><th>story</th><th>role</th></tr></thead><tbody>\(rows)</tbody></table>
            \(documents.count > limit ? "<p>… and \(documents.count - limit) more.</p>" as HTML : .empty)
            """
        return layout(title: name, body: body)
    }

    // MARK: Layout

    func layout(title: String, body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Wiretrace</title><style>\(Self.style)</style></head>
        <body><nav class="top"><strong>Wiretrace</strong> <a href="\(links.stories())">Stories</a> <a href="\(links.quotes())">Quotes</a>
        <a href="\(links.outlets())">Outlets</a> <a href="\(links.runs())">Runs</a></nav>
        <main>\(body)</main></body></html>

        """
    }

    static let style: HTML = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222}main{padding:1em 2em}nav.top{background:#263238;color:#fff;padding:.6em 2em}
        nav.top a{color:#cfd8dc;margin-left:1em}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
        td.num{text-align:right}.muted{color:#777;font-size:.9em}.bad{color:#b71c1c}ul.plain{margin:0;padding-left:1em}
        mark.shared{background:#fff176}.columns{display:flex;gap:1.5em}.column{flex:1;min-width:0}.text{white-space:pre-wrap;border:1px solid #ddd;padding:.8em}
        form.inline{display:inline}.key::before{content:"\\25CF ";}.key.origin::before{color:#1b5e20}.key.copy::before{color:#b71c1c}
        .key.excerpt::before{color:#e65100}.key.rewrite::before{color:#0d47a1}.key.own::before{color:#607d8b}.key.credited::before{color:#2e7d32}
        .key.uncredited::before{color:#c62828}svg text{font-size:11px;fill:#333}.decision{margin:.2em 0}
        """

    // MARK: Formatting

    /// An element id for a document (ids may hold any character).
    static func anchor(_ documentID: String) -> String { "d" + StableHash.hex(documentID) }
}

extension HTML.StringInterpolation {
    /// Texts joined by a separator, each escaped.
    mutating func appendInterpolation(_ texts: [String], separator: String) {
        appendInterpolation(texts.joined(separator: separator))
    }
}
