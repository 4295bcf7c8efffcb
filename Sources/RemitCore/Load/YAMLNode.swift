/// A YAML value as Remit reads it: scalars stay text (each field decides what a
/// scalar means), and every node keeps its place in the *file*.
public struct YAMLNode: Sendable {
    public enum Value: Sendable {
        case null
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public var value: Value
    public var location: SourceLocation

    public var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    /// A name for the kind of value, for "expected a list, found text" messages.
    public var kindDescription: String {
        switch value {
        case .null: "nothing"
        case .scalar: "text"
        case .sequence: "a list"
        case .mapping: "a map"
        }
    }
}

public struct YAMLEntry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode
}
