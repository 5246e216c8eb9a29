import Foundation
import Testing
@testable import FacetsUI

@Suite("README")
struct ReadmeKeyTableTests {
    @Test("the README's key table is the action table's (regenerate with `facets keys --markdown`)")
    func keyTableIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let table = ActionTable.markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(readme.contains(table), "README.md's key table differs from ActionTable.markdown")
        for row in ActionTable.rows { #expect(readme.contains(row.description), "\(row.description) missing from the README") }
    }
}
