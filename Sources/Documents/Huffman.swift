// Canonical Huffman codes as DEFLATE (RFC 1951 §3.2.2) defines them: a code is given by the bit length of each
// symbol's code alone. Shared by the DEFLATE decoder (`Inflate`) and encoder; knows nothing of either.

enum HuffmanCode {
    /// The longest code DEFLATE allows.
    static let maxLength = 15

    /// Whether lengths describe a prefix code, and whether it uses every bit pattern.
    enum Shape: Equatable {
        /// Every bit pattern starts some code (Kraft sum exactly 1).
        case complete
        /// Some bit patterns start no code; `codes` symbols have a length.
        case incomplete(codes: Int)
        /// More codes of some length than there are patterns for: not a prefix code.
        case oversubscribed
        /// No symbol has a length.
        case empty
    }

    /// How many symbols have each length 0…15 (index 0 counts the unused symbols). Lengths above 15 are not
    /// counted; `shape` treats them as over-subscribed.
    static func lengthCounts(_ lengths: some Collection<UInt8>) -> [Int] {
        var counts = [Int](repeating: 0, count: maxLength + 2)
        for length in lengths { counts[min(Int(length), maxLength + 1)] += 1 }
        return counts
    }

    static func shape(_ lengths: some Collection<UInt8>) -> Shape {
        let counts = lengthCounts(lengths)
        if counts[maxLength + 1] > 0 { return .oversubscribed }
        var left = 1
        var codes = 0
        for length in 1...maxLength {
            left = left * 2 - counts[length]
            codes += counts[length]
            if left < 0 { return .oversubscribed }
        }
        if codes == 0 { return .empty }
        return left == 0 ? .complete : .incomplete(codes: codes)
    }

    /// The code of each symbol, first bit most significant as RFC 1951 writes them; 0 for a symbol of length 0.
    /// The lengths must not be over-subscribed (`shape`).
    static func canonicalCodes(_ lengths: [UInt8]) -> [UInt16] {
        let counts = lengthCounts(lengths)
        var next = [Int](repeating: 0, count: maxLength + 1)
        var code = 0
        for length in 1...maxLength {
            // counts[0] counts the unused symbols; RFC 1951 takes bl_count[0] as 0.
            code = (code + (length == 1 ? 0 : counts[length - 1])) << 1
            next[length] = code
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            defer { next[Int(length)] += 1 }
            return UInt16(truncatingIfNeeded: next[Int(length)])
        }
    }

    /// `code` of `length` bits with its bits in reverse order: DEFLATE packs a Huffman code into bytes starting
    /// with its first (most significant) bit at the least significant free position.
    @inline(__always)
    static func reversed(_ code: UInt16, length: Int) -> UInt16 {
        code.bitReversedLow(length)
    }
}

extension UInt16 {
    /// The low `count` bits reversed (the others dropped).
    @inline(__always)
    fileprivate func bitReversedLow(_ count: Int) -> UInt16 {
        var value = self
        value = (value & 0x5555) << 1 | (value >> 1) & 0x5555
        value = (value & 0x3333) << 2 | (value >> 2) & 0x3333
        value = (value & 0x0F0F) << 4 | (value >> 4) & 0x0F0F
        value = value << 8 | value >> 8
        return count == 0 ? 0 : value >> (16 - count)
    }
}
