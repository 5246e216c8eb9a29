import Foundation
import Testing

/// The binary starts on the bundled content from the notes parsed when it was built, and shows what
/// parsing them shows.
@Suite("Bundled start")
struct BundledStartTests {
    @Test("the bundled content is loaded from its prebuilt form, not parsed")
    func loadsPrebuiltForm() throws {
        let result = try runProcess(try Facets.requireBinary(), ["bench", "load"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("prebuilt notes"), "\(result.stdout)")
        #expect(!result.stdout.contains("read and parse"), "the bundled notes were parsed at start:\n\(result.stdout)")
    }

    @Test("`facets list` on the bundled content prints what it prints for Data/ parsed from disk")
    func listsWhatParsingLists() throws {
        let binary = try Facets.requireBinary()
        let data = Facets.packageRoot.appendingPathComponent("Data").path
        let bundled = try runProcess(binary, ["list", "--json"])
        let parsed = try runProcess(binary, ["list", "--json", "--vault", data])
        #expect(bundled.status == 0 && parsed.status == 0)
        #expect(!bundled.stdout.isEmpty)
        #expect(bundled.stdout == parsed.stdout)
    }
}
