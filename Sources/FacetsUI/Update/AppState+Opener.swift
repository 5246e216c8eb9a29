import FacetsCore

/// The tree's groupings and what opens outside the explorer: the talk at a moment, a file. The update
/// only asks (an `Effect`); the terminal layer opens, or falls back where opening is not allowed.
extension AppState {
    /// The next grouping of the tree that applies (facets, folders, talks...), the list following it.
    mutating func nextTreeGrouping() -> [Effect] {
        let input = browseInput
        guard let grouping = update(.tree, as: TreeView.self, { $0.nextGrouping(input: input) }) ?? nil else {
            message = "This vault has one way of grouping its tree"
            return []
        }
        let effects = apply([.selectNode(tree.selectedNodeID)], from: .tree)
        message = "Tree: \(grouping.title.lowercased())" + hint(.treeGrouping, "groups it another way")
        return effects
    }

    /// Opens the talk at the moment selected in the detail pane.
    mutating func openMoment() -> [Effect] {
        guard let url = detail.momentURL(vault: vault) else {
            message = "No moment here · in the detail pane, move to a line with a timestamp"
            return []
        }
        return [.openExternally(url)]
    }

    /// Opens the file selected in the tree.
    mutating func openFile() -> [Effect] {
        guard let file = tree.selectedAttachment, let attachment = vault.attachments[safe: file] else {
            message = "No file selected · select an image, PDF or other file in the tree"
            return []
        }
        guard let path = vault.filePath(of: attachment) else {
            message = "\(TerminalSafeText.sanitize(attachment.name)) is not on disk"
            return []
        }
        return [.openExternally(path)]
    }
}
