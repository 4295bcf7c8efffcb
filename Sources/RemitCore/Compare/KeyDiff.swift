/// Which elements of two sequences of hashes (words, paragraphs) were taken
/// out of the first and put into the second: a shortest edit script, by
/// Myers' greedy algorithm. The standard library's `difference(from:)` finds
/// the same, but it runs unspecialised, looking up type metadata for every
/// step, and it was a fifth of what comparing a page's versions cost. Edits
/// are mostly small, so this gives up past `limit` differences and leaves
/// those to the standard library, whose space is linear.
struct KeyDiff {
    /// `removed[i]`: `old[i]` is not in the new sequence; one extra `false` at the end.
    var removed: [Bool]
    /// `inserted[j]`: `new[j]` is not in the old sequence; one extra `false` at the end.
    var inserted: [Bool]

    static let limit = 256

    init(old: ArraySlice<UInt64>, new: ArraySlice<UInt64>) {
        removed = [Bool](repeating: false, count: old.count + 1)
        inserted = [Bool](repeating: false, count: new.count + 1)
        let a = Array(old)
        let b = Array(new)
        if !Self.greedy(a, b, removed: &removed, inserted: &inserted) {
            for change in b.difference(from: a) {
                switch change {
                case .remove(let offset, _, _): removed[offset] = true
                case .insert(let offset, _, _): inserted[offset] = true
                }
            }
        }
    }

    /// Myers' forward search, keeping each round's furthest points to walk
    /// back along; false when more than `limit` differences are needed.
    private static func greedy(_ a: [UInt64], _ b: [UInt64], removed: inout [Bool], inserted: inout [Bool]) -> Bool {
        let n = a.count
        let m = b.count
        let most = min(n + m, limit)
        let offset = most + 1
        // `furthest[offset + k]`: the furthest x reached on diagonal k (x - y).
        var furthest = [Int](repeating: 0, count: 2 * most + 3)
        var rounds: [[Int]] = []
        for d in 0...most {
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && furthest[offset + k - 1] < furthest[offset + k + 1])
                    ? furthest[offset + k + 1] : furthest[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                furthest[offset + k] = x
                if x >= n, y >= m {
                    rounds.append(furthest)
                    walkBack(rounds, offset: offset, n: n, m: m, removed: &removed, inserted: &inserted)
                    return true
                }
            }
            rounds.append(furthest)
        }
        return false
    }

    /// From the end back to the start, one round at a time: each round's step
    /// was a removal (from diagonal k - 1) or an insertion (from k + 1).
    private static func walkBack(_ rounds: [[Int]], offset: Int, n: Int, m: Int, removed: inout [Bool], inserted: inout [Bool]) {
        var x = n
        var y = m
        for d in stride(from: rounds.count - 1, to: 0, by: -1) {
            let before = rounds[d - 1]
            let k = x - y
            let down = k == -d || (k != d && before[offset + k - 1] < before[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = before[offset + previousK]
            let previousY = previousX - previousK
            if down {
                inserted[previousY] = true
            } else {
                removed[previousX] = true
            }
            x = previousX
            y = previousY
        }
    }
}
