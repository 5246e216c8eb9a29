/// Which notes carry which tags: `#tag` in the body (`TagSyntax`) and front matter `tags:`/`tag:` (a list,
/// or a string of names split at commas and spaces). Built on demand (`Vault.tagIndex()`), reading every
/// note's file on both cores: the load does not look for tags, so a vault without any costs nothing.
public struct TagIndex: Sendable {
    /// A tag as first spelled, with the notes that carry exactly it (nested tags are tags of their own).
    public struct Tag: Sendable, Hashable {
        public var name: String
        /// In vault order, each once.
        public var notes: [Int]
    }

    /// Every tag, sorted by `TagSyntax.key` (so `#a` comes before `#a/b`, and `#A` and `#a` are one).
    public let tags: [Tag]

    public init(notes: [Note]) {
        let perNote = Parallel.map(count: notes.count) { index in Self.tags(of: notes[index]) }
        var byKey: [String: Tag] = [:]
        for (index, names) in perNote.enumerated() {
            for name in names {
                byKey[TagSyntax.key(name), default: Tag(name: name, notes: [])].notes.append(index)
            }
        }
        tags = byKey.sorted { $0.key < $1.key }.map(\.value)
    }

    /// A note's tags, front matter first, then the body's in order; each once (by `TagSyntax.key`).
    public static func tags(of note: Note) -> [String] {
        var names: [String] = []
        for key in ["tags", "tag"] {
            for value in note.frontMatter.strings(key) {
                for part in value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                    if let name = TagSyntax.cleaned(String(part)) { names.append(name) }
                }
            }
        }
        let bytes = note.readBytes()
        let offset = note.readBodyOffset()
        names += bytes.withUnsafeBufferPointer { TagSyntax.tags(in: $0, from: min(offset, $0.count)) }
        var seen = Set<String>()
        return names.filter { seen.insert(TagSyntax.key($0)).inserted }
    }

    /// The notes with this tag or one nested below it (`project` finds `#project/alpha`), in vault
    /// order, each once; the name is matched ignoring case and a leading `#`.
    public func notes(tagged name: String) -> [Int] {
        guard let wanted = TagSyntax.cleaned(name).map(TagSyntax.key) else { return [] }
        var found = Set<Int>()
        for tag in tags {
            let key = TagSyntax.key(tag.name)
            if key == wanted || key.hasPrefix(wanted + "/") { found.formUnion(tag.notes) }
        }
        return found.sorted()
    }
}

extension Vault {
    /// The vault's tags, read now from every note (see `TagIndex`): callers keep it.
    public func tagIndex() -> TagIndex { TagIndex(notes: notes) }
}
