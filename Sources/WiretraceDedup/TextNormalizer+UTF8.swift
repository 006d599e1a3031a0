// The byte-level fast path of ``TextNormalizer``. The only unsafe code of the tokeniser lives
// here: it reads a borrowed UTF-8 buffer that must not escape `appendTokenHashes`.

import Foundation

/// Per-scalar normal forms for non-ASCII scalars, computed once per distinct scalar.
///
/// A scalar is *context free* when its normal form does not depend on its neighbours: it is a
/// starter (canonical combining class 0), outside the scripts whose starters compose (Indic,
/// Tibetan, Myanmar, Hangul jamo, historic scripts of plane 1), and its own NFKC begins with such
/// a starter. Between context-free scalars and ASCII, NFKC of the text is the concatenation of
/// NFKC of each scalar, so their folded forms can be cached.
package struct ScalarCache: Sendable {
    /// A piece of a context-free scalar's normal form.
    package enum Piece: Sendable, Equatable {
        case word([UInt8])
        case separator
    }

    /// What one non-ASCII scalar contributes.
    package enum Entry: Sendable, Equatable {
        /// A word scalar whose normal form is itself: hash its own UTF-8 bytes.
        case identityWord
        case separator
        case deleted
        /// The normal form differs from the scalar (case, compatibility mapping).
        case mapped([Piece])
        /// Needs its neighbours: the word region goes through the reference path.
        case contextual
    }

    /// Entries of two-byte scalars (U+0080–U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic) by
    /// value, allocated on first use; the rest in a dictionary.
    private var small: [Entry?] = []
    private var entries: [UInt32: Entry] = [:]

    package init() {}

    package mutating func entry(for scalar: Unicode.Scalar) -> Entry {
        let value = scalar.value
        if value < 0x800 {
            if small.isEmpty { small = Array(repeating: nil, count: 0x800) }
            if let entry = small[Int(value)] { return entry }
            let entry = Self.computeEntry(for: scalar)
            small[Int(value)] = entry
            return entry
        }
        if let entry = entries[value] { return entry }
        let entry = Self.computeEntry(for: scalar)
        entries[value] = entry
        return entry
    }

    /// True when the scalar may compose with, or reorder against, its neighbours under NFKC.
    package static func needsContext(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.canonicalCombiningClass.rawValue != 0 { return true }
        switch scalar.value {
        case 0x0900...0x0DFF,  // Indic scripts: vowel signs with combining class 0 compose
            0x0F00...0x109F,  // Tibetan, Myanmar
            0x1100...0x11FF,  // Hangul jamo
            0x1B00...0x1B7F,  // Balinese
            0x3130...0x318F,  // Hangul compatibility jamo (NFKC gives conjoining jamo)
            0xFFA0...0xFFDF,  // halfwidth Hangul
            0x1_0000...0x1_CFFF:  // historic scripts of plane 1 (Brahmi, Kaithi, Grantha, ...)
            return true
        default:
            return false
        }
    }

    private static func computeEntry(for scalar: Unicode.Scalar) -> Entry {
        if needsContext(scalar) { return .contextual }
        if !scalar.properties.changesWhenNFKCCaseFolded {
            switch TextNormalizer.scalarClass(scalar) {
            case .word: return .identityWord
            case .separator: return .separator
            case .deleted: return .deleted
            }
        }
        let compatible = String(Character(scalar)).precomposedStringWithCompatibilityMapping
        guard let first = compatible.unicodeScalars.first,
            !needsContext(first),
            !compatible.unicodeScalars.contains(where: { (0x1100...0x11FF).contains($0.value) })
        else { return .contextual }
        var pieces: [Piece] = []
        var word: [UInt8] = []
        for folded in TextNormalizer.fold(compatible).unicodeScalars {
            switch TextNormalizer.scalarClass(folded) {
            case .word:
                word.append(contentsOf: String(folded).utf8)
            case .separator:
                if !word.isEmpty {
                    pieces.append(.word(word))
                    word = []
                }
                pieces.append(.separator)
            case .deleted:
                continue
            }
        }
        if !word.isEmpty { pieces.append(.word(word)) }
        // Several words from one scalar ("ﷺ", "½" → "1⁄2"): a token could start inside the scalar
        // after another one ended there, leaving no cut point before it for the reference path.
        if pieces.count(where: { $0 != .separator }) > 1 { return .contextual }
        return .mapped(pieces)
    }
}

extension TextNormalizer {
    /// ASCII byte → 0 (separator), 1 (apostrophe, deleted) or the lowercased byte (word).
    @inline(__always)
    private static func asciiClass(_ byte: UInt8) -> UInt8 {
        let lower = byte | 0x20
        if lower &- 0x61 < 26 { return lower }
        if byte &- 0x30 < 10 { return byte }
        return byte == 0x27 ? 1 : 0
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 (lead byte ≥ 0x80).
    @inline(__always)
    private static func decodeScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Appends the token hashes of valid UTF-8 `bytes` (as from `String.withUTF8`).
    ///
    /// Cuts for the reference path are made only before an ASCII separator or before a
    /// context-free scalar that starts a token: NFKC never composes or reorders across those, and
    /// no token spans them, so tokens come out exactly as the reference gives them for the
    /// whole text. Reads only inside `bytes` (no word-at-a-time reads, so no padding needed).
    ///
    /// - Complexity: O(n) in `bytes.count`.
    package static func appendTokenHashes(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to tokens: inout [UInt64], cache: inout ScalarCache
    ) {
        let count = bytes.count
        let prime = StableHash.fnvPrime
        var index = 0
        var hash = StableHash.fnvOffset
        var inToken = false
        var tokenStart = 0

        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let mapped = asciiClass(byte)
                if mapped > 1 {
                    if !inToken {
                        inToken = true
                        hash = StableHash.fnvOffset
                        tokenStart = index
                    }
                    hash = (hash ^ UInt64(mapped)) &* prime
                    index += 1
                    // The rest of an ASCII word in a tight loop; anything else goes round again.
                    while index < count {
                        let next = asciiClass(bytes[index])  // 0 for non-ASCII bytes too
                        guard next > 1 else { break }
                        hash = (hash ^ UInt64(next)) &* prime
                        index += 1
                    }
                    continue
                } else if mapped == 0 && inToken {
                    tokens.append(hash)
                    inToken = false
                }
                index += 1
                continue
            }

            // A maximal run of non-ASCII bytes.
            var runEnd = index + 1
            while runEnd < count && bytes[runEnd] >= 0x80 { runEnd += 1 }

            var position = index
            var contextFree = true
            while position < runEnd {
                let (scalar, length) = decodeScalar(bytes, at: position)
                if cache.entry(for: scalar) == .contextual {
                    contextFree = false
                    break
                }
                position += length
            }

            if contextFree {
                position = index
                while position < runEnd {
                    let (scalar, length) = decodeScalar(bytes, at: position)
                    switch cache.entry(for: scalar) {
                    case .identityWord:
                        if !inToken {
                            inToken = true
                            hash = StableHash.fnvOffset
                            tokenStart = position
                        }
                        for offset in position..<(position + length) {
                            hash = (hash ^ UInt64(bytes[offset])) &* prime
                        }
                    case .separator:
                        if inToken {
                            tokens.append(hash)
                            inToken = false
                        }
                    case .deleted, .contextual:
                        break
                    case .mapped(let pieces):
                        for piece in pieces {
                            switch piece {
                            case .word(let word):
                                if !inToken {
                                    inToken = true
                                    hash = StableHash.fnvOffset
                                    tokenStart = position
                                }
                                for wordByte in word { hash = (hash ^ UInt64(wordByte)) &* prime }
                            case .separator:
                                if inToken {
                                    tokens.append(hash)
                                    inToken = false
                                }
                            }
                        }
                    }
                    position += length
                }
                index = runEnd
                continue
            }

            // Contextual: re-run the whole word region through the reference path. It starts
            // at the current token (or the ASCII byte before the run, which may compose with
            // it) and ends before the next ASCII separator.
            let regionStart = inToken ? tokenStart : max(index - 1, 0)
            var regionEnd = runEnd
            while regionEnd < count {
                let next = bytes[regionEnd]
                if next < 0x80 && asciiClass(next) == 0 { break }
                regionEnd += 1
            }
            inToken = false
            let region = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[regionStart..<regionEnd]), as: UTF8.self)
            appendReferenceTokenHashes(region, to: &tokens)
            index = regionEnd
        }
        if inToken { tokens.append(hash) }
    }
}
