/// SplitMix64: a small, fast, seeded random number generator. The same seed gives the same sequence on every
/// machine and every run, which is what synthetic departments and property tests need (the system generator and
/// unseeded `shuffled()` would not be reproducible).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (modulo reduction: the tiny bias does not matter for test data).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool {
        int(0...99) < percent
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// `items` in a random order (Fisher–Yates with this generator, so the order does not depend on the standard
    /// library's shuffling algorithm).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, int(0...index))
        }
        return result
    }

    /// `count` distinct elements of `items`, in their original order.
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        let chosen = Set(shuffled(Array(items.indices)).prefix(max(0, min(count, items.count))))
        return items.indices.filter { chosen.contains($0) }.map { items[$0] }
    }
}
