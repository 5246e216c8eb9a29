/// What a key does while a query is typed (`/`, `:`, the in-entry find), decided in one place from the
/// key map so prompt keys rebind like any others.
public enum PromptEdit: Sendable, Equatable {
    case insert(Character)
    case deleteChar, deleteWord, clear
    case accept, cancel
    /// Move the selection among the results by this many rows.
    case move(Int)
    /// Move the selection by this many pages.
    case page(Int)
    case historyPrevious, historyNext
    case quit
    /// Keys that mean nothing in a prompt.
    case none
}

public enum PromptKeys {
    /// Printable characters always type; Ctrl-C always quits (a way out whatever the bindings); then the
    /// prompt context's keys, and `cancel`'s keys cancel.
    public static func edit(for key: Key, keyMap: KeyMap) -> PromptEdit {
        if case .character(let c) = key { return .insert(c) }
        if key == .control("c") { return .quit }
        switch keyMap.action(for: key, in: [.prompt, .everywhere]) {
        case .promptAccept: return .accept
        case .cancel: return .cancel
        case .promptDeleteChar: return .deleteChar
        case .promptDeleteWord: return .deleteWord
        case .promptClear: return .clear
        case .promptNext: return .move(1)
        case .promptPrevious: return .move(-1)
        case .promptPageDown: return .page(1)
        case .promptPageUp: return .page(-1)
        case .promptHistoryPrevious: return .historyPrevious
        case .promptHistoryNext: return .historyNext
        default: return .none
        }
    }

    /// The query without its last word (and the spaces after it), as Ctrl-W does in a shell.
    public static func deletingWord(_ query: String) -> String {
        var text = Substring(query)
        while text.last?.isWhitespace == true { text.removeLast() }
        while let last = text.last, !last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
