import Testing
import WiretraceCore

@testable import WiretraceQuotes

@Suite struct FeatureRowTableTests {
    /// The batched lookup the tagger uses gives each key's row as the one-key lookup and the
    /// dictionary do, for keys in the table, keys not in it, and the extreme 40-bit keys.
    @Test func batchedRowsAgreeWithTheDictionary() {
        var random = SplitMix64(seed: 11)
        var rows: [UInt64: Int32] = [0: 5, 0xFF_FFFF_FFFF: 6]
        for index in 7..<3_000 { rows[random.next() & 0xFF_FFFF_FFFF] = Int32(index) }
        let table = FeatureRowTable(rows)
        var keys = Array(rows.keys)
        for _ in 0..<3_000 { keys.append(random.next() & 0xFF_FFFF_FFFF) }
        let batched = table.rows(keys)
        #expect(batched.count == keys.count)
        for (key, row) in zip(keys, batched) {
            #expect(row == (rows[key] ?? -1))
            #expect(table.row(key) == row)
        }
        #expect(table.row(0xFF_FFFF_FFFF) == 6)
        #expect(table.row(0) == 5)
        // The empty slots' marker is no key: an all-ones 40-bit key absent from a table is not found.
        #expect(FeatureRowTable([1: 0]).rows([0xFF_FFFF_FFFF, 1, 2]) == [-1, 0, -1])
    }
}
