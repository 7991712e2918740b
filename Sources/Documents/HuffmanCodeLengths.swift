// Code lengths for a Huffman code from symbol frequencies, no code longer than a limit: what an encoder needs
// before `HuffmanCode.canonicalCodes` turns lengths into codes. Deterministic: equal frequencies are ordered by
// symbol, so the same frequencies always give the same lengths.

extension HuffmanCode {
    /// The bit length of each symbol's code (0 for a symbol of frequency 0), at most `limit` bits, such that the
    /// lengths describe a prefix code and the total `frequency × length` is as small as a Huffman code makes it
    /// (slightly larger only when the limit cuts the tree). A single used symbol gets length 1.
    static func lengths(frequencies: [Int], limit: Int) -> [UInt8] {
        precondition(limit >= 1 && limit <= 31)
        // Frequencies are counts of symbols in memory: far below 2^(64 − 9).
        var lengths = [UInt8](repeating: 0, count: frequencies.count)
        // The used symbols, least frequent first (ties by symbol: deterministic).
        // Sorted as one integer each, frequency above symbol (a plain integer sort is much cheaper than a
        // comparison closure, and there is one per block).
        let symbolBits = Int.bitWidth - max(frequencies.count - 1, 1).leadingZeroBitCount
        var keys: [Int] = []
        keys.reserveCapacity(frequencies.count)
        for (symbol, frequency) in frequencies.enumerated() where frequency > 0 {
            keys.append(frequency << symbolBits | symbol)
        }
        keys.sort()
        let symbols = keys.map { $0 & (1 << symbolBits - 1) }
        let n = symbols.count
        if n == 0 { return lengths }
        if n == 1 {
            lengths[symbols[0]] = 1
            return lengths
        }
        precondition(n <= 1 << limit, "more symbols than codes of \(limit) bits")

        // Huffman's tree with two queues: the leaves in order, and the inner nodes, made in order of weight.
        // Nodes 0..<n are the leaves, n..<2n−1 the inner nodes; a parent always has the higher index.
        var weight = [Int](repeating: 0, count: 2 * n - 1)
        var parent = [Int](repeating: 0, count: 2 * n - 1)
        for (index, symbol) in symbols.enumerated() { weight[index] = frequencies[symbol] }
        var nextLeaf = 0
        var nextInner = n
        func lightest(before made: Int) -> Int {
            if nextLeaf < n && (nextInner >= made || weight[nextLeaf] <= weight[nextInner]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextInner += 1
            return nextInner - 1
        }
        for node in n..<(2 * n - 1) {
            let a = lightest(before: node)
            let b = lightest(before: node)
            weight[node] = weight[a] + weight[b]
            parent[a] = node
            parent[b] = node
        }
        // Depths from the root down (a parent's depth is known before its children's).
        var depth = [Int](repeating: 0, count: 2 * n - 1)
        var counts = [Int](repeating: 0, count: limit + 1)
        for node in stride(from: 2 * n - 3, through: 0, by: -1) {
            depth[node] = depth[parent[node]] + 1
            if node < n { counts[min(depth[node], limit)] += 1 }
        }

        // Codes cut to the limit over-subscribe the code space: lengthen shorter codes until the Kraft sum is
        // exactly one again (each step frees one slot of `limit` bits).
        var total = 0
        for length in 1...limit { total += counts[length] << (limit - length) }
        while total > 1 << limit {
            counts[limit] -= 1
            for length in stride(from: limit - 1, through: 1, by: -1) where counts[length] > 0 {
                counts[length] -= 1
                counts[length + 1] += 2
                break
            }
            total -= 1
        }

        // The most frequent symbols get the shortest codes.
        var next = n
        for length in 1...limit {
            for _ in 0..<counts[length] {
                next -= 1
                lengths[symbols[next]] = UInt8(length)
            }
        }
        return lengths
    }
}
