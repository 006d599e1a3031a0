import Testing
@testable import WiretraceDedup

@Suite struct ShinglerTests {
    @Test func emptyTextHasNoShingles() {
        #expect(Shingler.shingles("", size: 5).isEmpty)
        #expect(Shingler.shingles(" — “ ” ", size: 5).isEmpty)
    }

    @Test func shortTextGivesOneShingleOfAllItsWords() {
        let shingles = Shingler.shingles("Shoigu met Hlaing", size: 5)
        #expect(shingles.count == 1)
        #expect(shingles == Shingler.shingles("SHOIGU — met ‘Hlaing’", size: 5))
        #expect(shingles != Shingler.shingles("Hlaing met Shoigu", size: 5), "word order matters")
        #expect(Shingler.shingles("Shoigu met Hlaing", size: 3).count == 1)
    }

    @Test func countsSortedAndUnique() {
        // 7 words, size 3: 5 windows, one repeated ("the army the" vs ...).
        let text = "the army and the army and navy"
        let shingles = Shingler.shingles(text, size: 3)
        // windows: the army and | army and the | and the army | the army and (repeat) | army and navy
        #expect(shingles.count == 4)
        #expect(shingles == shingles.sorted())
        #expect(Set(shingles).count == shingles.count)
    }

    @Test func sameWordsSameShinglesAcrossFormatting() {
        let a = "Russia's Defence Minister Sergei Shoigu said military cooperation was important."
        let b = "RUSSIA’S defence minister — Sergei Shoigu — said: military cooperation was “important”"
        #expect(Shingler.shingles(a, size: 5) == Shingler.shingles(b, size: 5))
    }

    @Test func sizeOneIsTheSetOfWords() {
        let shingles = Shingler.shingles("junta junta leader thanks Russia", size: 1)
        #expect(shingles.count == 4)
    }
}
