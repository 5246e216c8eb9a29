/// A talk's timeline as a strip of cells, one per column, for pictures of where a talk is cited:
/// each cell covers an equal stretch of the talk and holds the moments cited in it, with a density
/// level (darker where more is said). Pure arithmetic on seconds; the explorer and `facets timeline
/// --strip` draw it.
public struct TimelineStrip: Sendable, Equatable {
    /// One cell of the strip.
    public struct Bucket: Sendable, Equatable {
        /// The stretch of the talk the cell covers, in seconds: `start..<end` (the last cell also holds
        /// its end and anything cited past it).
        public var start: Int
        public var end: Int
        /// The moments cited in the cell, as indexes into the seconds the strip was made from.
        public var moments: [Int]
        /// 0 for an empty cell, else 1 to `TimelineStrip.levels`, relative to the densest cell.
        public var level: Int

        public var count: Int { moments.count }
    }

    /// Density levels of a cell with moments (four shades: ░▒▓█, or `.:=#` in ASCII).
    public static let levels = 4

    /// The talk's length in seconds as the strip spans it.
    public let length: Int
    public let buckets: [Bucket]
    /// Moments cited after `length` (they are counted in the last cell).
    public let pastEnd: Int

    /// The strip of moments `seconds` (any order) over a talk of `length` seconds in `cells` cells.
    /// No cells gives an empty strip; a zero length puts every moment in the first cell.
    public init(seconds: [Int], length: Int, cells: Int) {
        let length = max(0, length)
        let cells = max(0, cells)
        self.length = length
        guard cells > 0 else {
            buckets = []
            pastEnd = seconds.filter { $0 > length }.count
            return
        }
        var moments = [[Int]](repeating: [], count: cells)
        var past = 0
        for (index, second) in seconds.enumerated() {
            if second > length { past += 1 }
            moments[Self.cell(forSecond: second, length: length, cells: cells)].append(index)
        }
        let densest = moments.map(\.count).max() ?? 0
        buckets = (0..<cells).map { cell in
            let count = moments[cell].count
            return Bucket(
                start: Self.start(ofCell: cell, length: length, cells: cells),
                end: cell == cells - 1 ? length : Self.start(ofCell: cell + 1, length: length, cells: cells),
                moments: moments[cell],
                level: count == 0 ? 0 : max(1, (count * Self.levels + densest - 1) / densest))
        }
        pastEnd = past
    }

    /// The cell a second falls in (before the start: the first; past the end: the last).
    public static func cell(forSecond second: Int, length: Int, cells: Int) -> Int {
        guard cells > 0 else { return 0 }
        let clamped = min(max(0, second), max(0, length))
        return min(cells - 1, clamped * cells / max(1, length))
    }

    /// The first second of a cell: the least `s` with `s * cells / length == cell`.
    static func start(ofCell cell: Int, length: Int, cells: Int) -> Int {
        (cell * length + cells - 1) / cells
    }

    public func cell(forSecond second: Int) -> Int? {
        buckets.isEmpty ? nil : Self.cell(forSecond: second, length: length, cells: buckets.count)
    }

    /// The next cell after `cell` with moments, if any.
    public func cellWithMoments(after cell: Int) -> Int? {
        buckets.indices.first { $0 > cell && buckets[$0].count > 0 }
    }

    /// The last cell before `cell` with moments, if any.
    public func cellWithMoments(before cell: Int) -> Int? {
        buckets.indices.last { $0 < cell && buckets[$0].count > 0 }
    }

    /// The cells as text, one character each: an empty cell `empty`, else its level's shade.
    public func picture(shades: [String] = ["░", "▒", "▓", "█"], empty: String = "─") -> String {
        buckets.map { $0.level == 0 || shades.isEmpty ? empty : shades[min(shades.count, $0.level) - 1] }.joined()
    }

    /// The shades in ASCII, lightest first.
    public static let asciiShades = [".", ":", "=", "#"]
    public static let unicodeShades = ["░", "▒", "▓", "█"]
}
