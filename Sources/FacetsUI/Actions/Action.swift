/// Everything a person can do in the explorer. Keys map to these through a `KeyMap` (defaults: `ActionTable`).
public enum Action: String, Sendable, Hashable, CaseIterable {
    case moveDown, moveUp, pageDown, pageUp, top, bottom
    case nextPane, previousPane, paneLeft, paneRight, focusTree, focusList, focusDetail
    case open, toggleExpand, followNumber, back, forward
    case timeline, copyLink, zoom, help, quit, cancel, redraw, cycleTheme
    case search, globalSearch, nextMatch, previousMatch
    case togglePresenter, startTour, tourNext, tourPrevious, leaveTour, followPresenter
    /// Editing a query (`/`, `:`, the in-entry find); cancelling one is `cancel`'s keys.
    case promptAccept, promptDeleteChar, promptDeleteWord, promptClear, promptNext, promptPrevious
    case promptPageDown, promptPageUp, promptHistoryPrevious, promptHistoryNext
}
