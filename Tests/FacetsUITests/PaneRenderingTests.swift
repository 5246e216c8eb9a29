import FacetsCore
import Testing
@testable import FacetsUI

/// What each pane shows, in every theme and in ASCII.
@Suite("Panes render")
struct PaneRenderingTests {
    @Test("The tree shows every section with its entry count")
    func treeShowsSectionsWithCounts() throws {
        let e = Explorer(120, 40)
        #expect(e.layout.arrangement == .threeColumns)
        #expect(e.titleRow(.tree).contains("Facets"))
        let tree = e.tree
        for section in bundledVault.tree.children {
            let row = try #require(tree.first { $0.contains(section.title) }, "no tree row for \(section.title)")
            #expect(row.hasSuffix(" \(section.entries.count)"), "row \(row.debugDescription) should end in \(section.entries.count)")
        }
        // The counts a newcomer sees first.
        #expect(tree.contains { $0.contains("Practices") && $0.hasSuffix(" 12") })
        #expect(tree.contains { $0.contains("Challenges") && $0.hasSuffix(" 15") })
        #expect(tree.contains { $0.contains("All notes") && $0.hasSuffix(" 58") })
        // Challenges is open, showing its five groups indented below it.
        let challenges = try #require(tree.firstIndex { $0.contains("Challenges") })
        #expect(tree[challenges].contains("▾"))
        #expect(tree[challenges + 1].hasPrefix("    "))
        // At 80x24 the tree is shorter but still starts with the sections and their counts.
        let small = Explorer()
        #expect(small.tree.first?.contains("Start here") == true)
        #expect(small.tree.contains { $0.contains("Practices") && $0.hasSuffix(" 12") })
    }

    @Test("Moving in the tree moves the tree's selection bar")
    func treeSelectionIsDrawn() throws {
        let e = Explorer().selectTreeRow(titled: "Practices")
        let screen = e.screen
        let area = e.layout[.tree].content
        let row = area.y + e.state.tree.cursor - e.state.tree.scroll
        #expect(Explorer.text(of: Rect(x: area.x, y: row, width: area.width, height: 1), in: screen)[0].contains("Practices"))
        #expect(screen[row, area.x + 3].style.selected, "the cursor row of the focused tree is drawn selected")
        #expect(!screen[area.y, area.x + 3].style.selected, "other rows are not")
    }

    @Test("The list shows the entries of the selected node, one per row")
    func listShowsEntriesOfSelectedNode() throws {
        let e = Explorer(120, 40).selectTreeRow(titled: "Practices")
        let practices = try #require(bundledVault.tree.find(id: "kind:practice"))
        let titles = practices.entries.map { bundledVault.notes[$0].title }
        #expect(titles.count == 12)
        #expect(e.titleRow(.list).contains("Practices (12)"))
        #expect(e.state.list.entries == practices.entries)
        let rows = e.list
        for (k, title) in titles.enumerated() {
            let shown = rows.indices.contains(k) ? rows[k] : ""
            #expect(
                shown.hasPrefix(String(title.prefix(20))),
                "list row \(k) should show \(title.debugDescription), shows \(shown.debugDescription)")
        }
        #expect(rows.dropFirst(titles.count).allSatisfy { $0.isEmpty })
    }

    @Test("The focused list draws its selection bar on the selected row")
    func listSelectionIsDrawnOnItsRow() throws {
        let e = Explorer(120, 40).selectTreeRow(titled: "Practices").press(.enter, .character("j"), .character("j"))
        #expect(e.state.focus == .list)
        #expect(e.selectedTitle == "Collaboration across silos")
        let area = e.layout[.list].content
        let screen = e.screen
        let selectedRow = area.y + e.state.list.cursor - e.state.list.scroll
        let rowText = Explorer.text(of: Rect(x: area.x, y: selectedRow, width: area.width, height: 1), in: screen)[0]
        #expect(rowText.hasPrefix("Collaboration across silos"), "selected row shows \(rowText.debugDescription)")
        #expect(screen[selectedRow, area.x].style.selected)
        #expect(!screen[area.y, area.x].style.selected, "the first row is not the selected one")
    }

    @Test("The detail pane shows the title, numbered links, timestamps, backlinks and what is said around")
    func detailShowsTheWholeNote() throws {
        let e = Explorer().selectTreeRow(titled: "Practices").press(.enter)
            .selectListEntry(titled: "Safe experimental spaces").press(.enter)
        #expect(e.state.focus == .detail)
        #expect(e.titleRow(.detail).contains("Safe experimental spaces"))
        let detail = e.detail
        #expect(detail.first?.contains("Safe experimental spaces") == true)
        #expect(detail.anyContains("practice"), "the facts line names the kind")
        #expect(detail.anyContains("▸00:48:01[1]"), "timestamps are drawn as ▸HH:MM:SS[n]:\n\(detail.joined(separator: "\n"))")
        // A timestamp's number is in the timestamp's look (one colour for the whole "▸00:48:01[1]"); a
        // link's number is dim beside it.
        let spans = e.state.detail.document.lines.flatMap(\.spans)
        let stamp = try #require(spans.firstIndex { $0.role == .timestamp && $0.text.hasPrefix("▸") })
        #expect(spans[stamp + 1].text == "[\((spans[stamp].ref ?? -1) + 1)]" && spans[stamp + 1].role == .timestamp)
        let link = try #require(spans.indices.dropLast().first { spans[$0].role == .link && spans[$0 + 1].role != .link })
        #expect(spans[link + 1].role == .linkNumber, "\(spans[link]) then \(spans[link + 1])")
        let pages = e.detailPages()
        let denmark = try #require(e.refNumber(toNote: "free_municipalities_denmark"))
        #expect(pages.anyContains("Denmark's free municipalities[\(denmark)]"), "links carry their number")
        let risk = try #require(e.refNumber(toNote: "risk_avoidance"))
        #expect(pages.anyContains("Risk avoidance[\(risk)]"))
        // Numbers run 1, 2, 3... down the note: every one of them (up to "Said around", which changes
        // with the cursor's moment while paging) is on some page.
        let saidAround = try #require(e.documentRow(containing: "Said around "))
        let numbered = e.state.detail.document.refs.filter { $0.row < saidAround }.count
        #expect(numbered > 20)
        for n in 1...numbered {
            #expect(pages.anyContains("[\(n)]"), "link number \(n) is never shown")
        }
        let backlinks = bundledVault.backlinks[noteIndex("safe_experimental_spaces")].count
        #expect(backlinks > 0)
        #expect(pages.anyContains("Backlinks (\(backlinks))"))
        // What is said around follows the cursor's moment: at the top, the note's first.
        #expect(e.state.detail.document.lines.contains { $0.text.hasPrefix("Said around 00:48:01 (") })
        #expect(pages.anyContains("Said around "))
        #expect(e.statusLine.contains("Practices ›"))
    }

    @Test("Every note opens and its pages render within the pane")
    func everyNoteRenders() throws {
        let e = Explorer(120, 40).selectTreeRow(titled: "All notes").press(.enter)
        #expect(e.state.list.entries.count == bundledVault.notes.count)
        for k in 0..<e.state.list.entries.count {
            if k > 0 { e.press(.character("j")) }
            let title = try #require(e.selectedTitle)
            let opened = e.copy().press(.enter)
            #expect(opened.subjectTitle == title)
            #expect(opened.titleRow(.detail).contains(String(title.prefix(20))))
            let pages = opened.detailPages()
            #expect(pages.anyContains("Backlinks ("), "\(title) has a backlinks section")
            let width = opened.layout[.detail].content.width
            #expect(pages.allSatisfy { DisplayWidth.of($0) <= width })
        }
    }

    // MARK: Themes

    @Test("Every theme draws every kind of screen", arguments: Theme.Name.allCases)
    func themesRender(_ name: Theme.Name) throws {
        let theme = Theme(name)
        var screens: [ScreenBuffer] = []
        let e = Explorer(theme: name)
        screens.append(e.screen)
        e.selectTreeRow(titled: "Practices").press(.enter).selectListEntry(titled: "Safe experimental spaces")
        screens.append(e.screen)
        e.press(.enter)
        screens.append(e.screen)
        screens.append(e.copy().type("/experiment").screen)
        screens.append(e.copy().press(.character("?")).screen)
        screens.append(e.copy().press(.control("f")).type("silo").screen)
        screens.append(e.copy().press(.character("t")).screen)
        screens.append(Explorer(120, 40, theme: name).screen)
        screens.append(Explorer(10, 3, theme: name).screen)
        #expect(e.state.theme.name == name)
        var roles = Set<Role>()
        for screen in screens {
            for cell in screen.cells {
                _ = theme.appearance(cell.style)
                roles.insert(cell.style.role)
            }
        }
        #expect(roles.isSuperset(of: [.border, .borderFocused, .title, .link, .linkNumber, .timestamp, .status, .statusKey]))
        // The selection stands out from plain text in every theme.
        #expect(theme.appearance(CellStyle(.normal, selected: true)) != theme.appearance(CellStyle(.normal)))
        #expect(theme.appearance(CellStyle(.selection)) != theme.appearance(CellStyle(.normal)))
        #expect(theme.appearance(CellStyle(.match)) != theme.appearance(CellStyle(.normal)))
    }

    @Test("The four themes give the selection four different looks")
    func themesDiffer() {
        let names = Theme.Name.allCases
        #expect(names.count == 4)
        for (i, a) in names.enumerated() {
            for b in names.dropFirst(i + 1) {
                #expect(Theme(a).appearance(CellStyle(.selection)) != Theme(b).appearance(CellStyle(.selection)), "\(a) vs \(b)")
                #expect(
                    Theme(a).appearance(CellStyle(.normal, selected: true)) != Theme(b).appearance(CellStyle(.normal, selected: true)),
                    "\(a) vs \(b)")
            }
        }
    }

    @Test("Monochrome uses attributes only, never a colour")
    func monochromeHasNoColour() {
        let theme = Theme(.monochrome)
        #expect(!theme.usesColor)
        for role in Role.allCases {
            for selected in [false, true] {
                for highlighted in [false, true] {
                    let a = theme.appearance(CellStyle(role, selected: selected, highlighted: highlighted))
                    #expect(a.foreground == .default && a.background == .default, "\(role) selected:\(selected) highlighted:\(highlighted)")
                }
            }
        }
    }

    @Test("c cycles dark, light, high-contrast, monochrome and back, asking for a full redraw")
    func cycleThemes() {
        let e = Explorer()
        var seen: [Theme.Name] = [e.state.theme.name]
        for _ in 0..<4 {
            e.press(.character("c"))
            #expect(e.lastEffects == [.redrawAll])
            #expect(e.statusLine.contains("Theme: \(e.state.theme.name.rawValue)"))
            seen.append(e.state.theme.name)
        }
        #expect(seen == [.dark, .light, .highContrast, .monochrome, .dark])
    }

    // MARK: ASCII

    static let screensInASCII = asciiScreens()

    /// Screens of every kind with ASCII glyphs.
    static func asciiScreens() -> [(String, ScreenBuffer)] {
        var out: [(String, ScreenBuffer)] = []
        for (w, h) in [(80, 24), (120, 40), (40, 15), (25, 6), (19, 4)] {
            let e = Explorer(w, h, ascii: true)
            out.append(("start \(w)x\(h)", e.screen))
            e.press(.enter)
            out.append(("list \(w)x\(h)", e.screen))
            e.press(.enter)
            out.append(("detail \(w)x\(h)", e.screen))
            out.append(("help \(w)x\(h)", e.copy().press(.character("?")).screen))
            out.append(("search all \(w)x\(h)", e.copy().press(.control("f")).type("denmark").screen))
            out.append(("find \(w)x\(h)", e.copy().type("/the").screen))
            out.append(("filter \(w)x\(h)", e.copy().press(.character("1")).type("/silo").screen))
            out.append(("timeline \(w)x\(h)", e.copy().press(.character("t")).screen))
            out.append(("zoomed \(w)x\(h)", e.copy().press(.character("z")).screen))
        }
        // Every note, every page, at 120x40.
        let all = Explorer(120, 40, ascii: true).selectTreeRow(titled: "All notes").press(.enter)
        for k in 0..<all.state.list.entries.count {
            if k > 0 { all.press(.character("j")) }
            let note = all.copy().press(.enter)
            out.append(("note \(k)", note.screen))
            while true {
                let before = note.state.detail.cursor
                note.press(.pageDown)
                if note.state.detail.cursor == before { break }
                out.append(("note \(k) scroll \(note.state.detail.scroll)", note.screen))
            }
        }
        return out
    }

    @Test("--ascii draws no box-drawing character on any screen")
    func asciiHasNoBoxDrawing() {
        let screens = Self.screensInASCII
        #expect(screens.count > 100)
        for (name, screen) in screens {
            let offending = screen.text.unicodeScalars.filter { boxDrawing.contains($0.value) }
            #expect(offending.isEmpty, "\(name): \(String(String.UnicodeScalarView(offending)))\n\(screen.text)")
        }
        // The markers that replace them are there.
        let start = Explorer(80, 24, ascii: true)
        #expect(start.lines[0].hasPrefix("+-"))
        #expect(start.tree.anyContains("v Challenges"))
    }

    /// The bundled notes are plain ASCII, so on an `--ascii` screen anything else is the explorer's own
    /// chrome. Under a non-UTF-8 locale the adapter turns such characters into `?`.
    @Test("--ascii chrome is ASCII too (truncation marks, separators, key hints)")
    func asciiChromeIsASCII() {
        #expect(BundledNotesAreASCII.check())
        var offenders: [String: String] = [:]
        for (name, screen) in Self.screensInASCII {
            for scalar in screen.text.unicodeScalars where !scalar.isASCII {
                offenders[String(scalar), default: name] = offenders[String(scalar)] ?? name
            }
        }
        #expect(offenders.isEmpty, "non-ASCII characters on --ascii screens (first screen seen): \(offenders.sorted { $0.key < $1.key })")
    }
}

enum BundledNotesAreASCII {
    static func check() -> Bool {
        bundledVault.notes.allSatisfy { note in
            note.title.unicodeScalars.allSatisfy(\.isASCII) && note.readBody().unicodeScalars.allSatisfy(\.isASCII)
        }
    }
}
