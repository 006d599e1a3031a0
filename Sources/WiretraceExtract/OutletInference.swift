/// Who published a page saved without its URL, from what the page says of itself: the site its
/// own links and assets point to (ad, analytics, CDN and social hosts aside), or the name in its
/// copyright line. Pages name their outlet in their `og:site_name`, publisher and canonical URL
/// first; this is what is left when they do not.
struct OutletInference {
    /// A guess with the evidence it rests on, as stored with the document.
    struct Guess: Equatable {
        var outlet: String
        var evidence: String
    }

    /// Links to one site needed before it counts as the page's own…
    static let minimumLinks = 5
    /// …and the share of the page's absolute links (to sites not set aside) it must hold.
    static let minimumShare = 0.3

    /// Hosts of infrastructure, advertising, analytics and social networks: links to them say
    /// nothing about who published the page.
    static let setAside: Set<String> = [
        "facebook.com", "facebook.net", "fbcdn.net", "twitter.com", "x.com", "t.co", "twimg.com", "instagram.com",
        "linkedin.com", "pinterest.com", "reddit.com", "tumblr.com", "youtube.com", "youtu.be", "ytimg.com",
        "vimeo.com", "whatsapp.com", "telegram.me", "t.me", "vk.com", "google.com", "google.de", "google.co.uk",
        "googleapis.com", "gstatic.com", "googletagmanager.com", "googletagservices.com", "google-analytics.com",
        "googlesyndication.com", "googleadservices.com", "doubleclick.net", "2mdn.net", "adnxs.com",
        "amazon-adsystem.com", "amazonaws.com", "cloudfront.net", "akamaihd.net", "akamaized.net", "akamai.net",
        "edgesuite.net", "fastly.net", "cloudflare.com", "jsdelivr.net", "unpkg.com", "jquery.com",
        "bootstrapcdn.com", "fontawesome.com", "typekit.net", "fonts.net", "gravatar.com", "wp.com", "addthis.com",
        "sharethis.com", "disqus.com", "disquscdn.com", "outbrain.com", "taboola.com", "scorecardresearch.com",
        "quantserve.com", "chartbeat.com", "chartbeat.net", "newrelic.com", "nr-data.net", "hotjar.com",
        "optimizely.com", "criteo.com", "criteo.net", "rubiconproject.com", "pubmatic.com", "openx.net",
        "moatads.com", "adsafeprotected.com", "yieldmo.com", "w3.org", "schema.org", "ogp.me", "purl.org",
        "creativecommons.org", "adobe.com", "apple.com", "microsoft.com", "bit.ly", "feedburner.com", "feedly.com",
        "flickr.com", "staticflickr.com", "wikipedia.org", "wikimedia.org", "archive.org", "mozilla.org",
        "getty.com", "gettyimages.com", "shutterstock.com", "imgur.com", "soundcloud.com", "spotify.com",
        "apps.apple.com", "play.google.com", "itunes.apple.com", "cookielaw.org", "onetrust.com", "trustarc.com",
        "consensu.org", "mathjax.org", "recaptcha.net", "gmpg.org", "rss.com", "addtoany.com", "polyfill.io",
    ]

    /// Second-level labels under which sites register a third ("co.uk", "com.au").
    static let secondLevel: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gv", "nic"]

    /// The site a host belongs to: "static.dailynews.com" → "dailynews.com", "www.bbc.co.uk" → "bbc.co.uk".
    static func site(ofHost host: String) -> String {
        let labels = host.lowercased().split(separator: ".")
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let keep = labels.count >= 3 && labels[labels.count - 1].count == 2 && secondLevel.contains(String(labels[labels.count - 2])) ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }

    /// The dominant site of the page's absolute links and assets, or the copyright line's name.
    ///
    /// - Complexity: O(n) in the number of elements.
    static func guess(document: HTMLElement) -> Guess? {
        // Navigation (a page links to its own sections and stories) before assets (which a media
        // group serves from its CDN's host).
        var links = SiteCounts()
        var assets = SiteCounts()
        var copyright: String?
        var stack: [HTMLElement] = [document]
        while let element = stack.popLast() {
            let isNavigation = element.name == "a" || element.name == "form" || element.name == "area"
            for attribute in ["href", "src", "action", "data-src"] {
                guard let raw = element[attribute: attribute] else { continue }
                let value = raw.trimmingCharacters(in: " \n\t")
                guard TextUtilities.isAbsoluteURL(value), let host = TextUtilities.host(of: value) else { continue }
                let site = Self.site(ofHost: host)
                guard !setAside.contains(site), !setAside.contains(host), site.contains(".") else { continue }
                if isNavigation {
                    links.add(site)
                } else if !["cdn", "static", "assets", "img", "images", "media"].contains(where: host.contains) {
                    assets.add(site)
                }
            }
            if element.name == "script" || element.name == "style" { continue }
            for child in element.children.reversed() {
                switch child {
                case .element(let child): stack.append(child)
                case .text(let text):
                    if copyright == nil, text.count <= 300, let name = copyrightHolder(in: text) { copyright = name }
                }
            }
        }
        if let guess = links.dominant(kind: "links") ?? assets.dominant(kind: "assets") { return guess }
        if let copyright { return Guess(outlet: copyright, evidence: "copyright line") }
        return nil
    }

    /// Absolute URLs by site.
    struct SiteCounts {
        var counts: [String: Int] = [:]
        var total = 0

        mutating func add(_ site: String) {
            counts[site, default: 0] += 1
            total += 1
        }

        /// The site holding at least ``minimumLinks`` and ``minimumShare`` of the URLs.
        func dominant(kind: String) -> Guess? {
            guard let (site, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
                count >= OutletInference.minimumLinks, Double(count) >= OutletInference.minimumShare * Double(total)
            else { return nil }
            return Guess(outlet: site, evidence: "\(kind): \(count) of \(total) point to \(site)")
        }
    }

    /// "© 2008 The Daily News. All rights reserved." → "The Daily News"; "Copyright © 2019 Example
    /// Media Group" → "Example Media Group". Nil unless a year and a capitalised name follow the mark.
    static func copyrightHolder(in text: String) -> String? {
        let line = TextUtilities.collapseWhitespace(text)
        let lower = line.lowercased()
        guard let mark = lower.range(of: "©") ?? lower.range(of: "copyright") ?? lower.range(of: "(c) ") else { return nil }
        var rest = Substring(line[mark.upperBound...])
        // The mark, "copyright" again, years and ranges ("2005-2019"), punctuation.
        while true {
            let trimmed = rest.drop { " ©,.:-–—".contains($0) }
            if trimmed.lowercased().hasPrefix("copyright") {
                rest = trimmed.dropFirst("copyright".count)
                continue
            }
            let digits = trimmed.prefix { $0.isNumber }
            if digits.count == 4 {
                rest = trimmed.dropFirst(4)
                continue
            }
            rest = trimmed
            break
        }
        guard rest.first?.isUppercase == true else { return nil }
        var name = rest.prefix { $0 != "." && $0 != "|" && $0 != "," && $0 != "(" && $0 != "\n" && $0 != ";" }
        for stop in [" All rights", " all rights", " Alle Rechte", " Tous droits", " Todos los derechos"] {
            if let range = name.range(of: stop) { name = name[..<range.lowerBound] }
        }
        var words = name.split(separator: " ")
        // A year after the name ("Gannett 2018").
        while let last = words.last, last.allSatisfy({ $0.isNumber || $0 == "-" }) { words.removeLast() }
        guard (1...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0.first?.isNumber == true || ["of", "and", "&", "the", "de", "du", "la", "le", "der", "die", "das"].contains($0.lowercased()) })
        else { return nil }
        let result = words.joined(separator: " ")
        return result.count >= 3 ? result : nil
    }
}
