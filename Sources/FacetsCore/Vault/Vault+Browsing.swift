extension Vault {
    /// What the browse tree's groupings are built from.
    public var browseInput: BrowseInput { BrowseInput(notes: notes, talks: talks, attachments: attachments) }

    /// The folder the notes were read from (as given); nil for notes held in memory (the bundled content).
    public var folder: String? {
        if case .folder(let directory) = loadedFrom.source { return directory }
        return nil
    }

    /// Where an attachment is on disk, for the system opener; nil when the vault has no folder.
    public func filePath(of attachment: Attachment) -> String? {
        folder.map { $0 + "/" + attachment.path }
    }
}
