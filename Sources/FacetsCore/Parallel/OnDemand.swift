import Synchronization

/// A value built the first time anyone asks for it, once, on the thread that asks: a part of a vault
/// that some commands never read is not built for them (`facets check` shows no browse tree).
final class OnDemand<Value: Sendable>: Sendable {
    private let state: Mutex<Value?>
    private let build: @Sendable () -> Value

    /// A value built already.
    init(built value: Value) {
        state = Mutex(Optional(value))
        build = { value }
    }

    /// A value `build` makes when first asked for.
    init(_ build: @escaping @Sendable () -> Value) {
        state = Mutex(nil)
        self.build = build
    }

    /// The value, built now if nobody asked before (other askers wait for it).
    var value: Value {
        state.withLock { stored in
            if let stored { return stored }
            let made = build()
            stored = made
            return made
        }
    }
}
