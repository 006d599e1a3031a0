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
    /// value, allocated on first use; those of General Punctuation (U+2000–U+206F: curly quotes
    /// and apostrophes, dashes, ellipsis, the scalars English news text is made of beyond ASCII)
    /// likewise, so they cost no hashing; the rest in a dictionary.
    private var small: [Entry?] = []
    private var punctuation: [Entry?] = []
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
        if value &- 0x2000 < 0x70 {
            if punctuation.isEmpty { punctuation = Array(repeating: nil, count: 0x70) }
            if let entry = punctuation[Int(value - 0x2000)] { return entry }
            let entry = Self.computeEntry(for: scalar)
            punctuation[Int(value - 0x2000)] = entry
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
            case .word where TextNormalizer.isSingleScalarToken(scalar):
                return .mapped([.separator, .word(Array(String(scalar).utf8)), .separator])
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
            case .word where TextNormalizer.isSingleScalarToken(folded):
                if !word.isEmpty { pieces.append(.word(word)) }
                pieces += [.separator, .word(Array(String(folded).utf8)), .separator]
                word = []
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

    /// For 8 bytes that are all ASCII and contain no apostrophe: bit k set when byte k (little
    /// endian) is a letter or digit. Nil otherwise. SWAR range tests: every byte is below 0x80,
    /// so adding a per-byte constant up to 0x80 never carries into the next byte.
    @inline(__always)
    private static func asciiWordMask(_ word: UInt64) -> Int? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard word & high == 0 else { return nil }
        let apostrophes = word ^ (ones &* 0x27)
        guard ((apostrophes &+ ones &* 0x7F) | apostrophes) & high == high else { return nil }  // a zero byte: an apostrophe
        let lower = word | ones &* 0x20
        let letters = (lower &+ ones &* (0x80 - 0x61)) & ~(lower &+ ones &* (0x80 - 0x7B))
        let digits = (word &+ ones &* (0x80 - 0x30)) & ~(word &+ ones &* (0x80 - 0x3A))
        let flags = (letters | digits) & high
        // Gather the eight flag bits (bit 7 of each byte) into one byte, byte k to bit k.
        return Int(truncatingIfNeeded: ((flags &>> 7) &* 0x0102_0408_1020_4080) &>> 56)
    }

    /// The hash of an ASCII token `bytes[start..<end]` of word bytes (letters and digits) read
    /// eight bytes at a time: what ``StableHash/TokenHasher`` gives for its lowercased bytes.
    /// Letters are lowercased by setting bit 5, which leaves digits unchanged.
    @inline(__always)
    private static func asciiTokenHash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        let lower: UInt64 = 0x2020_2020_2020_2020
        let base = UnsafeRawPointer(bytes.baseAddress!)
        let length = end - start
        if length <= 16 && start + 16 <= bytes.count {
            // Up to two words without a branch on the length (token lengths are unpredictable):
            // both rounds are computed and the second kept only for tokens longer than 8 bytes.
            let first = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self)) | lower
            let second = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)) | lower
            let firstBytes = min(length, 8)
            let secondBytes = min(max(length - 8, 1), 8)
            let one = StableHash.tokenRound(StableHash.TokenHasher.seed, first & (UInt64.max &>> UInt64((8 - firstBytes) * 8)))
            let two = StableHash.tokenRound(one, second & (UInt64.max &>> UInt64((8 - secondBytes) * 8)))
            return StableHash.tokenFinish(length > 8 ? two : one, length: length)
        }
        var hash = StableHash.TokenHasher.seed
        var index = start
        while end - index >= 8 {
            hash = StableHash.tokenRound(hash, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) | lower)
            index += 8
        }
        let remaining = end - index
        if remaining > 0 {
            var word: UInt64
            if index + 8 <= bytes.count {
                word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            } else {
                word = 0
                for offset in 0..<remaining { word |= UInt64(bytes[index + offset]) &<< UInt64(offset * 8) }
            }
            let mask: UInt64 = (1 &<< UInt64(remaining * 8)) &- 1
            hash = StableHash.tokenRound(hash, (word | lower) & mask)
        }
        return StableHash.tokenFinish(hash, length: end - start)
    }

    /// Appends the token hashes of valid UTF-8 `bytes` (as from `String.withUTF8`).
    ///
    /// A token made of one run of ASCII letters and digits ending at an ASCII separator (nearly
    /// every token of English text) is hashed straight from the buffer, eight bytes at a time.
    /// Tokens that continue across an apostrophe or into non-ASCII scalars are fed byte by byte
    /// to a ``StableHash/TokenHasher``, which gives the same value for the same bytes.
    ///
    /// Cuts for the reference path are made only before an ASCII separator or before a
    /// context-free scalar that starts a token: NFKC never composes or reorders across those, and
    /// no token spans them, so tokens come out exactly as the reference gives them for the
    /// whole text. Reads only inside `bytes` (8-byte loads are made only where 8 bytes remain).
    ///
    /// - Complexity: O(n) in `bytes.count`.
    package static func appendTokenHashes(
        utf8 bytes: UnsafeBufferPointer<UInt8>, to tokens: inout [UInt64], cache: inout ScalarCache
    ) {
        // Hashes go to a small stack buffer first and into `tokens` a block at a time: a plain
        // store per token instead of an array append (uniqueness and capacity checks).
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 256) { pending in
            var pendingCount = 0
            func flush() {
                tokens.append(contentsOf: UnsafeBufferPointer(rebasing: pending[0..<pendingCount]))
                pendingCount = 0
            }
            @inline(__always) func emit(_ hash: UInt64) {
                if pendingCount == pending.count { flush() }
                pending[pendingCount] = hash
                pendingCount &+= 1
            }

            let count = bytes.count
            var index = 0
            var hasher = StableHash.TokenHasher()
            var inToken = false
            var tokenStart = 0
            // A token begun in an 8-byte chunk and still open at its end (chunk path only).
            var chunkTokenStart = -1
            let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)

            /// The tokens ending in the plain-ASCII bytes at `index` (8 or 64 of them, `bytes` the
            /// mask of their positions) given the mask of their word bytes: a token still open
            /// from before (`chunkTokenStart`) ends at the first non-word byte, and one still
            /// open at the end is left in `chunkTokenStart`.
            @inline(__always) func emitTokens(wordMask mask: UInt64, bytes positions: UInt64) {
                let open: UInt64 = chunkTokenStart >= 0 ? 1 : 0
                let before = (mask &<< 1 | open) & positions  // bit k: byte k − 1 is a word byte
                var starts = mask & ~before
                var ends = ~mask & before
                while ends != 0 {
                    let end = index + ends.trailingZeroBitCount
                    ends &= ends &- 1
                    let start: Int
                    if chunkTokenStart >= 0 {
                        start = chunkTokenStart
                        chunkTokenStart = -1
                    } else {
                        start = index + starts.trailingZeroBitCount
                        starts &= starts &- 1
                    }
                    emit(asciiTokenHash(bytes, from: start, to: end))
                }
                if starts != 0 { chunkTokenStart = index + starts.trailingZeroBitCount }
            }

            while index < count {
                // Block path: 64 ASCII bytes without an apostrophe, tokens found from one 64-bit
                // mask of their word bytes (one loop exit per block rather than per 8 bytes).
                // When a chunk of the block is not plain ASCII, the plain chunks before it are
                // taken as a shorter block (the same tokens as taking them one chunk at a time)
                // and the chunk goes to the paths below: a block tried again 8 bytes on would
                // read those chunks again, up to 7 times before passing the byte (an apostrophe
                // or a curly quote comes every few hundred bytes of news text).
                if !inToken && index + 64 <= count {
                    var mask: UInt64 = 0
                    var plainChunks = 8
                    for chunk in 0..<8 {
                        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index + chunk * 8, as: UInt64.self))
                        guard let chunkMask = asciiWordMask(word) else {
                            plainChunks = chunk
                            break
                        }
                        mask |= UInt64(truncatingIfNeeded: chunkMask) &<< UInt64(chunk * 8)
                    }
                    if plainChunks == 8 {
                        emitTokens(wordMask: mask, bytes: .max)
                        index += 64
                        continue
                    }
                    if plainChunks > 0 {
                        emitTokens(wordMask: mask, bytes: (1 &<< UInt64(plainChunks * 8)) &- 1)
                        index += plainChunks * 8
                    }
                }
                // Chunk path: 8 ASCII bytes without an apostrophe, tokens found from a bit mask of
                // their word bytes. Anything else goes byte by byte below, carrying an open token
                // over into the hasher.
                if !inToken {
                    if index + 8 <= count {
                        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                        if let mask = asciiWordMask(word) {
                            emitTokens(wordMask: UInt64(truncatingIfNeeded: mask), bytes: 0xFF)
                            index += 8
                            continue
                        }
                    }
                    if chunkTokenStart >= 0 {
                        // The open token goes on past the chunks: feed what it has so far.
                        inToken = true
                        hasher = StableHash.TokenHasher()
                        tokenStart = chunkTokenStart
                        for offset in chunkTokenStart..<index { hasher.append(asciiClass(bytes[offset])) }
                        chunkTokenStart = -1
                    }
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    let mapped = asciiClass(byte)
                    if mapped > 1 {
                        let runStart = index
                        index += 1
                        while index < count && asciiClass(bytes[index]) > 1 { index += 1 }  // 0 for non-ASCII
                        if !inToken && (index == count || (bytes[index] < 0x80 && bytes[index] != 0x27)) {
                            emit(asciiTokenHash(bytes, from: runStart, to: index))
                            continue
                        }
                        // The token goes on across an apostrophe or into non-ASCII, or began before.
                        if !inToken {
                            inToken = true
                            hasher = StableHash.TokenHasher()
                            tokenStart = runStart
                        }
                        for offset in runStart..<index { hasher.append(asciiClass(bytes[offset])) }
                        continue
                    } else if mapped == 0 && inToken {
                        emit(hasher.finalize())
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
                    if case .contextual = cache.entry(for: scalar) {
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
                                hasher = StableHash.TokenHasher()
                                tokenStart = position
                            }
                            for offset in position..<(position + length) { hasher.append(bytes[offset]) }
                        case .separator:
                            if inToken {
                                emit(hasher.finalize())
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
                                        hasher = StableHash.TokenHasher()
                                        tokenStart = position
                                    }
                                    for wordByte in word { hasher.append(wordByte) }
                                case .separator:
                                    if inToken {
                                        emit(hasher.finalize())
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
                flush()
                appendReferenceTokenHashes(region, to: &tokens)
                index = regionEnd
            }
            if chunkTokenStart >= 0 { emit(asciiTokenHash(bytes, from: chunkTokenStart, to: count)) }
            if inToken { emit(hasher.finalize()) }
            flush()
        }
    }
}
