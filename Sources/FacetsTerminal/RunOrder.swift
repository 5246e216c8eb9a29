/// The order a frame's runs are written in, found on a table of what each step between two runs costs
/// (a cursor move, or a tab and the unchanged letters before the run, plus a look change): the cheapest
/// next run each time, then chains of up to three runs moved to after one of the places cheapest to
/// reach them from, where that costs less (Or-opt). The greedy order's last picks are its worst: a run
/// passed over early is reached at the end by a long move and two look changes, where the improvement
/// slots it in beside its neighbours.
struct RunOrder {
    /// Past this many runs only the greedy order is used (the improvement's table is n² steps).
    static let mostRunsToImprove = 200
    /// Improvement passes over the order at most; each moves what it can, and they stop when one moves nothing.
    static let passes = 3
    /// The longest chain of runs moved at once.
    static let longestChain = 3
    /// Places a chain is tried after: those its first run is cheapest to reach from.
    static let entriesTried = 8

    let count: Int
    private let runs: [FrameEncoder.Run]
    private let encoder: FrameEncoder
    /// Where the cursor is, whether its column is exact, and the look's number: at the start (index
    /// `count`) and after each run.
    private let places: [(position: (row: Int, column: Int)?, exact: Bool, look: Int)]
    /// Per run, its look's number and the tab stops before it worth starting from (`FrameEncoder.tabStarts`).
    private let runLooks: [Int]
    private let tabStarts: [[(stop: Int, bytes: Int)]]
    /// Bytes of each look change, `lookCount²`.
    private let changes: [Int32]
    private let lookCount: Int
    /// `(count + 1)²` steps worked out once, when the order is to be improved (which asks for each many
    /// times): from the start (row `count`) or after run `a`, to run `b` or the end (column `count`,
    /// free: the last look stays set for the next frame).
    private var table: [Int32] = []

    /// The steps between `runs` of `frame`, from where the cursor and the look are before the first;
    /// worked out into a table when `improving` an order (and there are not too many runs).
    init(
        _ runs: [FrameEncoder.Run], of frame: TerminalFrame, encoder: FrameEncoder, from start: (row: Int, column: Int)?,
        columnExact startExact: Bool, look startLook: TerminalLook, improving: Bool
    ) {
        count = runs.count
        self.runs = runs
        self.encoder = encoder
        // Looks as small numbers, their changes counted once each.
        var lookNumbers: [TerminalLook: Int] = [startLook: 0]
        var looks: [TerminalLook] = [startLook]
        runLooks = runs.map { run -> Int in
            if let known = lookNumbers[run.look] { return known }
            lookNumbers[run.look] = looks.count
            looks.append(run.look)
            return looks.count - 1
        }
        lookCount = looks.count
        var changes = [Int32](repeating: 0, count: looks.count * looks.count)
        for (from, fromLook) in looks.enumerated() {
            for (to, toLook) in looks.enumerated() where from != to {
                changes[from * looks.count + to] = Int32(fromLook.transition(to: toLook).utf8.count)
            }
        }
        self.changes = changes
        tabStarts = runs.map { encoder.tabStarts(of: $0, in: frame) }
        let width = frame.width
        places =
            zip(runs, runLooks).map { run, look in (encoder.after(run, width: width), run.end < width, look) } + [(start, startExact, 0)]
        if improving, count <= Self.mostRunsToImprove {
            var table = [Int32](repeating: 0, count: (count + 1) * (count + 1))
            for from in 0...count {
                for to in 0...count { table[from * (count + 1) + to] = Int32(worked(from, to)) }
            }
            self.table = table
        }
    }

    /// A step worked out: from place `from` (`count`: the start) to run `to` (`count`: the end).
    private func worked(_ from: Int, _ to: Int) -> Int {
        let place = places[from]
        guard to < count else { return 0 }
        let cost = encoder.reach(runs[to], from: place.position, columnExact: place.exact, starts: tabStarts[to]).cost
        return cost + Int(changes[place.look * lookCount + runLooks[to]])
    }

    /// From the start (`a` nil) or after run `a`, to run `b` or the end (`b` nil).
    func step(_ a: Int?, _ b: Int?) -> Int {
        let from = a ?? count, to = b ?? count
        return table.isEmpty ? worked(from, to) : Int(table[from * (count + 1) + to])
    }

    /// What the steps of `order` add up to, from the start to the end.
    func cost(of order: [Int]) -> Int {
        var total = 0
        var last: Int?
        for run in order {
            total += step(last, run)
            last = run
        }
        return total + step(last, nil)
    }

    /// The cheapest next run each time.
    func greedy() -> [Int] {
        var left = Array(0..<count)
        var order: [Int] = []
        order.reserveCapacity(count)
        var last: Int?
        while !left.isEmpty {
            var best = 0
            var bestCost = Int.max
            for (index, run) in left.enumerated() {
                let cost = step(last, run)
                if cost < bestCost {
                    best = index
                    bestCost = cost
                    if cost == 0 { break }
                }
            }
            last = left.remove(at: best)
            order.append(last ?? 0)
        }
        return order
    }

    /// `order` with chains of runs moved to where the steps around them cost less, until none is (or
    /// after `passes`); as it is past `mostRunsToImprove` runs.
    func improved(_ order: [Int]) -> [Int] {
        var order = order
        guard order.count > 2, !table.isEmpty else { return order }
        // A chain is tried only after the places it is cheapest to reach (the start among them): a slot
        // after anything else costs the move into it that those save.
        let entries = cheapestEntries()
        var place = [Int](repeating: 0, count: count)
        for (index, run) in order.enumerated() { place[run] = index }
        for _ in 0..<Self.passes {
            var moved = false
            for length in 1...Self.longestChain {
                var index = 0
                while index + length <= order.count {
                    let last = index + length - 1
                    let before = index > 0 ? order[index - 1] : nil
                    let after = last + 1 < order.count ? order[last + 1] : nil
                    let head = order[index], tail = order[last]
                    let saved = step(before, head) + step(tail, after) - step(before, after)
                    var bestGain = 0
                    var bestSlot = -1
                    // Between `slot - 1` and `slot` of the order as it is, outside the chain.
                    for entry in entries[head] {
                        let slot = entry == count ? 0 : place[entry] + 1
                        guard slot < index || slot > last + 1 else { continue }
                        let previous = slot > 0 ? order[slot - 1] : nil
                        let next = slot < order.count ? order[slot] : nil
                        let gain = saved - (step(previous, head) + step(tail, next) - step(previous, next))
                        if gain > bestGain {
                            bestGain = gain
                            bestSlot = slot
                        }
                    }
                    if bestSlot >= 0 {
                        let chain = Array(order[index...last])
                        order.removeSubrange(index...last)
                        order.insert(contentsOf: chain, at: bestSlot > index ? bestSlot - length : bestSlot)
                        for (index, run) in order.enumerated() { place[run] = index }
                        moved = true
                    } else {
                        index += 1
                    }
                }
            }
            if !moved { break }
        }
        return order
    }

    /// Per run, the `entriesTried` places (runs, or the start as `count`) it costs least to reach it from.
    private func cheapestEntries() -> [[Int]] {
        (0..<count).map { run in
            var entries: [(from: Int, cost: Int)] = []
            entries.reserveCapacity(Self.entriesTried + 1)
            for from in 0...count where from != run {
                let cost = Int(table[from * (count + 1) + run])
                guard entries.count < Self.entriesTried || cost < entries[entries.count - 1].cost else { continue }
                let at = entries.firstIndex { $0.cost > cost } ?? entries.count
                entries.insert((from, cost), at: at)
                if entries.count > Self.entriesTried { entries.removeLast() }
            }
            return entries.map(\.from)
        }
    }
}
