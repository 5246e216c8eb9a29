import Synchronization

/// A value passed to another thread to be taken once, so that whoever takes it holds the only
/// reference and can free it as soon as it is done: a value captured by two closures lives as long
/// as the longer of them. The loader hands its link hints to the link graph this way, and they are
/// freed while the browse tree is still being built beside it.
final class Handoff<Value: Sendable>: Sendable {
    private let value: Mutex<Value?>

    init(_ value: consuming Value) { self.value = Mutex(Optional(value)) }

    /// The value, the first time; nil after.
    func take() -> Value? { value.withLock { $0.take() } }
}
