import Testing
@testable import FacetsCore

@Suite("Navigation history")
struct NavigationHistoryTests {
    @Test("visit, back, forward")
    func backAndForward() {
        var h = NavigationHistory<String>()
        #expect(h.current == nil)
        #expect(!h.canGoBack && !h.canGoForward)
        #expect(h.goBack() == nil)
        h.visit("a")
        h.visit("b")
        h.visit("c")
        #expect(h.current == "c")
        #expect(h.backStack == ["a", "b"])
        #expect(h.goBack() == "b")
        #expect(h.goBack() == "a")
        #expect(h.goBack() == nil)
        #expect(h.current == "a")
        #expect(h.canGoForward)
        #expect(h.goForward() == "b")
        #expect(h.goForward() == "c")
        #expect(h.goForward() == nil)
        #expect(h.current == "c")
        #expect(h.backStack == ["a", "b"])
    }

    @Test("visiting after going back drops the forward half")
    func visitDropsForward() {
        var h = NavigationHistory<Int>()
        for i in 1...4 { h.visit(i) }
        h.goBack()
        h.goBack()
        #expect(h.forwardStack == [4, 3])
        h.visit(9)
        #expect(h.current == 9)
        #expect(!h.canGoForward)
        #expect(h.backStack == [1, 2])
        #expect(h.goBack() == 2)
    }

    @Test("visiting the current place changes nothing")
    func visitSame() {
        var h = NavigationHistory<Int>()
        h.visit(1)
        h.visit(2)
        h.goBack()
        let before = h
        h.visit(1)
        #expect(h == before)
        #expect(h.canGoForward)
    }

    @Test("capacity bounds the back stack, oldest dropped")
    func capacity() {
        var h = NavigationHistory<Int>(capacity: 3)
        for i in 1...10 { h.visit(i) }
        #expect(h.backStack == [7, 8, 9])
        #expect(h.goBack() == 9)
        #expect(h.goBack() == 8)
        #expect(h.goBack() == 7)
        #expect(h.goBack() == nil)
        #expect(NavigationHistory<Int>(capacity: 0).capacity == 1)
        #expect(NavigationHistory<Int>().capacity == 500)
    }

    @Test("replaceCurrent updates where you are without a new step")
    func replaceCurrent() {
        struct Place: Equatable, Sendable {
            var note: Int
            var scroll: Int
        }
        var h = NavigationHistory<Place>()
        h.visit(Place(note: 1, scroll: 0))
        h.visit(Place(note: 2, scroll: 0))
        h.replaceCurrent(Place(note: 2, scroll: 40))
        #expect(h.backStack == [Place(note: 1, scroll: 0)])
        #expect(h.current == Place(note: 2, scroll: 40))
        h.goBack()
        #expect(h.goForward() == Place(note: 2, scroll: 40))
        var empty = NavigationHistory<Int>()
        empty.replaceCurrent(5)
        #expect(empty.current == 5 && !empty.canGoBack)
    }
}
