/// A problem that cannot be solved as stated: an unknown identifier, a day outside the horizon,
/// a negative length. Raised by `CompiledProblem.init`, so that nothing inconsistent reaches the solver.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public var messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}
