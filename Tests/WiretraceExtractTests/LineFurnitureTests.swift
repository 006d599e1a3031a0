import Testing
import WiretraceExtract

@Suite struct LineFurnitureTests {
    @Test(arguments: [
        "Jane Roe | AFP | Getty Images",
        "(AP Photo/Jane Roe)",
        "By The Associated Press",
        "By JANE ROE and JOHN DOE / AP",
        "Von Anna Berger, dpa",
        "Share on Facebook Share on Twitter",
    ])
    func furnitureLines(line: String) {
        #expect(LineFurniture.contains(line))
    }

    @Test(arguments: [
        "Harbour board votes to rebuild storm-hit pier",
        "By the end of the week the harbour board had voted to rebuild the pier.",
        "The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two.",
    ])
    func headlinesAndProseAreNot(line: String) {
        #expect(!LineFurniture.contains(line))
    }

    @Test func aPhotoCreditStandsAloneAndIsShort() {
        #expect(LineFurniture.isPhotoCredit("AP Photo/Jane Roe"))
        #expect(LineFurniture.isPhotoCredit("REUTERS/John Doe"))
        #expect(LineFurniture.isPhotoCredit("Photo: Coast Courier"))
        // A caption that carries its credit at the end is furniture, but not a credit line alone.
        #expect(!LineFurniture.isPhotoCredit(
            "A crane lifts a section of the broken pier onto a barge in the harbour on Sunday. (AP Photo/Jane Roe)"))
        #expect(!LineFurniture.isPhotoCredit("Harbour board votes to rebuild storm-hit pier"))
    }
}
