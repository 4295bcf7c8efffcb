extension Hasher {
    /// One hash for a collection's elements whatever their order: the sum of
    /// each element's own hash, so a dictionary's entries or a set need no
    /// sorting first (sorting the pages was a twentieth of a title edit).
    /// The count is hashed too, so a repeated element does not cancel out.
    static func unordered<Elements: Collection>(_ elements: Elements, _ hash: (Elements.Element, inout Hasher) -> Void) -> Int {
        var sum = 0
        for element in elements {
            var hasher = Hasher()
            hash(element, &hasher)
            sum &+= hasher.finalize()
        }
        var hasher = Hasher()
        hasher.combine(sum)
        hasher.combine(elements.count)
        return hasher.finalize()
    }
}
