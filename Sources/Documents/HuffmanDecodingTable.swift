// The lookup table `Inflate` decodes Huffman codes with: the next `rootBits` bits of the stream index a root table;
// a code longer than that continues in a subtable the root entry links to. Each entry says how many bits the
// code takes and what the symbol means, so decoding a symbol is one or two loads.

struct HuffmanDecodingTable {
    /// What a decoded symbol means.
    enum Kind: UInt32 {
        /// A literal byte (or, in the code-length alphabet, the symbol itself): `value`.
        case literal = 0
        /// A match length or distance: `value` is its base, `extraBits` follow the code.
        case base = 1
        case endOfBlock = 2
        /// A bit pattern no symbol has (an incomplete code) or a symbol with no meaning (286, 287, 30, 31).
        case invalid = 3
    }

    /// An entry: bits 0–3 how many bits to drop, 4–7 extra bits (or a subtable's index bits), 8–9 the kind,
    /// bit 10 a link to a subtable, 16–31 the value (or the subtable's offset).
    static let linkFlag: UInt32 = 1 << 10

    @inline(__always) static func codeLength(_ entry: UInt32) -> Int { Int(entry & 0xF) }
    @inline(__always) static func extraBits(_ entry: UInt32) -> Int { Int((entry >> 4) & 0xF) }
    @inline(__always) static func kind(_ entry: UInt32) -> UInt32 { (entry >> 8) & 0x3 }
    @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry >> 16) }

    /// The meaning part of an entry (no code length yet).
    static func meaning(_ kind: Kind, value: Int = 0, extraBits: Int = 0) -> UInt32 {
        UInt32(value) << 16 | kind.rawValue << 8 | UInt32(extraBits) << 4
    }

    static let invalidEntry = meaning(.invalid)

    /// Literal/length symbols 0…287.
    static let literalLengthMeanings: [UInt32] = (0..<288).map { symbol in
        switch symbol {
        case 0..<256: meaning(.literal, value: symbol)
        case DeflateFormat.endOfBlock: meaning(.endOfBlock)
        case 257..<DeflateFormat.literalLengthSymbols:
            meaning(
                .base, value: Int(DeflateFormat.lengthBase[symbol - 257]),
                extraBits: Int(DeflateFormat.lengthExtraBits[symbol - 257]))
        default: invalidEntry
        }
    }

    /// Distance symbols 0…31.
    static let distanceMeanings: [UInt32] = (0..<32).map { symbol in
        symbol < DeflateFormat.distanceSymbols
            ? meaning(
                .base, value: Int(DeflateFormat.distanceBase[symbol]),
                extraBits: Int(DeflateFormat.distanceExtraBits[symbol]))
            : invalidEntry
    }

    /// Code-length symbols 0…18 stand for themselves.
    static let codeLengthMeanings: [UInt32] = (0..<19).map { meaning(.literal, value: $0) }

    /// At most this many bits index the root table.
    let maximumRootBits: Int
    /// How many bits index the root table as built (no more than the longest code).
    private(set) var rootBits = 1
    private(set) var entries: [UInt32] = []

    init(maximumRootBits: Int) {
        self.maximumRootBits = maximumRootBits
    }

    /// Builds the table for `lengths` (symbol i has a code of `lengths[i]` bits, 0 for none) and what each symbol
    /// means. The caller has checked that the lengths are not over-subscribed; patterns an incomplete code leaves
    /// free decode as `.invalid`.
    mutating func build(lengths: [UInt8], meanings: [UInt32]) {
        let codes = HuffmanCode.canonicalCodes(lengths)
        let longest = max(1, Int(lengths.max() ?? 0))
        rootBits = min(maximumRootBits, longest)
        let rootSize = 1 << rootBits
        let rootMask = rootSize - 1
        entries.removeAll(keepingCapacity: true)
        entries.append(contentsOf: repeatElement(Self.invalidEntry, count: rootSize))

        // The longest code under each root pattern: the size of its subtable.
        var subtableLength = [Int](repeating: 0, count: longest > rootBits ? rootSize : 0)
        for (symbol, length) in lengths.enumerated() where Int(length) > rootBits {
            let reversed = Int(HuffmanCode.reversed(codes[symbol], length: Int(length)))
            subtableLength[reversed & rootMask] = max(subtableLength[reversed & rootMask], Int(length))
        }
        for pattern in subtableLength.indices where subtableLength[pattern] > 0 {
            let indexBits = subtableLength[pattern] - rootBits
            entries[pattern] = UInt32(entries.count) << 16 | UInt32(indexBits) << 4 | Self.linkFlag | UInt32(rootBits)
            entries.append(contentsOf: repeatElement(Self.invalidEntry, count: 1 << indexBits))
        }

        for (symbol, length) in lengths.enumerated() where length > 0 {
            let length = Int(length)
            let reversed = Int(HuffmanCode.reversed(codes[symbol], length: length))
            if length <= rootBits {
                let entry = meanings[symbol] | UInt32(length)
                var index = reversed
                while index < rootSize {
                    entries[index] = entry
                    index += 1 << length
                }
            } else {
                let link = entries[reversed & rootMask]
                let start = Self.value(link)
                let size = 1 << Self.extraBits(link)
                let entry = meanings[symbol] | UInt32(length - rootBits)
                var index = reversed >> rootBits
                while index < size {
                    entries[start + index] = entry
                    index += 1 << (length - rootBits)
                }
            }
        }
    }
}
