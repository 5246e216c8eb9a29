/// The top of a note's body as blocks, for a preview that shows its first screens: a 300 KB note is
/// then parsed a few kilobytes deep on each move through a list, not whole.
extension Note {
    /// The blocks of the body's first `limit` bytes, cut at a line end, and whether that was the whole
    /// body. The last blocks of a cut body may read differently once the rest follows (a list or a
    /// paragraph that goes on, a table's rule line); callers trust only the blocks before them.
    public func readLeadingBlocks(bytes limit: Int) -> (blocks: [Block], whole: Bool) {
        let (bytes, bodyOffset) = content.current
        let leading: String? = bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count - bodyOffset > limit, limit > 0 else { return nil }
            var end = bodyOffset + limit
            while end > bodyOffset, buffer[end - 1] != Byte.newline { end -= 1 }
            guard end > bodyOffset else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[bodyOffset..<end]), as: UTF8.self)
        }
        guard let leading else { return (readBlocks(), true) }
        return (BlockParser.parse(leading, firstLine: bodyFirstLine), false)
    }
}
