// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks, for the deflated entries of
// ZIP archives (.xlsx and .docx files saved by Excel, WPS, LibreOffice). Raw DEFLATE only, no zlib or gzip
// wrapper. Hostile input cannot crash it, hang it or make it allocate without bound: every code, length and
// distance is checked, a truncated stream is noticed within 64 bits of its end, and the output never grows past
// the limit the caller gives.

/// Why a DEFLATE stream cannot be decompressed.
public enum InflateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data ends before the last block does.
    case truncated
    /// A block header with type 3, which DEFLATE reserves.
    case invalidBlockType
    /// A stored block whose length and its complement disagree.
    case storedLengthMismatch
    /// The code lengths of a dynamic block do not describe a Huffman code (over-subscribed or incomplete, a
    /// repeat with nothing to repeat or past the end, too many symbols, no end-of-block code).
    case invalidCodeLengths
    /// A bit pattern no symbol has, or a symbol DEFLATE does not define (literal/length 286, 287; distance 30, 31).
    case invalidCode
    /// A match reaches back before the start of the data.
    case distanceTooFar
    /// The data decompresses to more than the caller allows.
    case outputLimitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .truncated: "压缩数据不完整"
        case .invalidBlockType: "压缩数据块类型无效"
        case .storedLengthMismatch: "未压缩数据块的长度校验不符"
        case .invalidCodeLengths: "压缩数据的霍夫曼码长无效"
        case .invalidCode: "压缩数据含无效的霍夫曼码"
        case .distanceTooFar: "压缩数据的回溯距离超出已解压的数据"
        case .outputLimitExceeded(let limit): "解压后超过 \(limit) 字节的上限"
        }
    }
}

/// Decompresses raw DEFLATE data.
public enum Inflate {
    /// The decompressed bytes of `input`, a raw DEFLATE stream; throws `.outputLimitExceeded` as soon as the
    /// output would pass `limit` bytes. `expectedSize` (e.g. the size a ZIP header declares) only sizes the first
    /// allocation. Bytes after the final block are ignored.
    public static func decompress(_ input: [UInt8], limit: Int, expectedSize: Int = 0) throws(InflateError)
        -> [UInt8]
    {
        try input.withUnsafeBufferPointer { (bytes) throws(InflateError) in
            try decompress(bytes, limit: limit, expectedSize: expectedSize)
        }
    }

    public static func decompress(_ input: ArraySlice<UInt8>, limit: Int, expectedSize: Int = 0)
        throws(InflateError) -> [UInt8]
    {
        try input.withUnsafeBufferPointer { (bytes) throws(InflateError) in
            try decompress(bytes, limit: limit, expectedSize: expectedSize)
        }
    }

    public static func decompress(_ input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int = 0)
        throws(InflateError) -> [UInt8]
    {
        var decoder = InflateDecoder(input: input, limit: max(0, limit), expectedSize: expectedSize)
        defer { decoder.output.deallocate() }
        try decoder.run()
        return decoder.output.bytes
    }
}

/// The output so far, which is also the window matches copy from. Kept `slack` bytes larger than needed so that
/// matches may be copied eight bytes at a time.
struct InflateOutput {
    static let slack = 16
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0
    let limit: Int

    /// The first allocation is the expected size, but at most 64 MiB: a size a hostile header claims is only
    /// reached by growing, as the data really decompresses.
    init(limit: Int, expectedSize: Int) {
        self.limit = limit
        capacity = min(max(expectedSize, 1024), limit, 64 << 20) + Self.slack
        base = .allocate(capacity: capacity)
    }

    func deallocate() { base.deallocate() }

    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Makes room for `extra` more bytes (plus the slack); throws when they would pass the limit.
    @inline(__always)
    mutating func reserve(_ extra: Int) throws(InflateError) {
        if count + extra + Self.slack > capacity { try grow(extra) }
    }

    private mutating func grow(_ extra: Int) throws(InflateError) {
        guard count + extra <= limit else { throw .outputLimitExceeded(limit: limit) }
        let newCapacity = min(max(capacity * 2, count + extra), limit) + Self.slack
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

/// The state of one decompression: input position, bit buffer, output, the tables of the current block.
struct InflateDecoder {
    let input: UnsafeBufferPointer<UInt8>
    /// The next input byte to load into `bits`; past the end while the stream is padded with zero bytes.
    var position = 0
    /// Loaded bits, the next one least significant. Bits above `bitCount` are zero or the stream's next bits.
    var bits: UInt64 = 0
    var bitCount = 0
    var output: InflateOutput
    var literalLengths = HuffmanDecodingTable(maximumRootBits: 10)
    var distances = HuffmanDecodingTable(maximumRootBits: 8)
    var codeLengths = HuffmanDecodingTable(maximumRootBits: 7)

    init(input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int) {
        self.input = input
        output = InflateOutput(limit: limit, expectedSize: expectedSize)
    }

    /// The tables of block type 1.
    static let fixedTables: (literalLengths: HuffmanDecodingTable, distances: HuffmanDecodingTable) = {
        var literalLengths = HuffmanDecodingTable(maximumRootBits: 10)
        literalLengths.build(
            lengths: DeflateFormat.fixedLiteralLengthLengths, meanings: HuffmanDecodingTable.literalLengthMeanings)
        var distances = HuffmanDecodingTable(maximumRootBits: 8)
        distances.build(lengths: DeflateFormat.fixedDistanceLengths, meanings: HuffmanDecodingTable.distanceMeanings)
        return (literalLengths, distances)
    }()

    mutating func run() throws(InflateError) {
        var last = false
        repeat {
            try refill()
            last = take(1) == 1
            switch take(2) {
            case 0: try storedBlock()
            case 1: try huffmanBlock(Self.fixedTables.literalLengths, Self.fixedTables.distances)
            case 2:
                try readDynamicTables()
                try huffmanBlock(literalLengths, distances)
            default: throw .invalidBlockType
            }
        } while !last
        try checkNotPastEnd()
    }

    // MARK: - Bits

    /// Fills `bits` to at least 56 bits: eight bytes at once while there are eight, else byte by byte, padding with
    /// zero bytes past the end (decoding may look ahead further than the stream goes).
    @inline(__always)
    mutating func refill() throws(InflateError) {
        if position + 8 <= input.count {
            let word = UnsafeRawPointer(input.baseAddress! + position).loadUnaligned(as: UInt64.self)
            bits |= UInt64(littleEndian: word) &<< UInt64(bitCount)
            position += (63 - bitCount) >> 3
            bitCount |= 56
        } else {
            try refillAtEnd()
        }
    }

    private mutating func refillAtEnd() throws(InflateError) {
        try checkNotPastEnd()
        while bitCount <= 56 {
            if position < input.count { bits |= UInt64(input[position]) &<< UInt64(bitCount) }
            position += 1
            bitCount += 8
        }
    }

    /// Throws `.truncated` when the bits used so far include padding.
    mutating func checkNotPastEnd() throws(InflateError) {
        if position * 8 - bitCount > input.count * 8 { throw .truncated }
    }

    /// The next `count` bits (at most 32; `refill` first), removed from the buffer.
    @inline(__always)
    mutating func take(_ count: Int) -> Int {
        let value = Int(truncatingIfNeeded: bits & ((1 &<< UInt64(count)) &- 1))
        bits &>>= UInt64(count)
        bitCount -= count
        return value
    }

    /// Decodes one symbol with `table`: an entry whose code length has been dropped from the buffer.
    @inline(__always)
    mutating func decode(_ table: UnsafeBufferPointer<UInt32>, rootMask: UInt64) -> UInt32 {
        var entry = table[Int(truncatingIfNeeded: bits & rootMask)]
        if entry & HuffmanDecodingTable.linkFlag != 0 {
            _ = take(HuffmanDecodingTable.codeLength(entry))
            let indexMask = (UInt64(1) &<< UInt64(HuffmanDecodingTable.extraBits(entry))) &- 1
            entry = table[HuffmanDecodingTable.value(entry) + Int(truncatingIfNeeded: bits & indexMask)]
        }
        _ = take(HuffmanDecodingTable.codeLength(entry))
        return entry
    }

    // MARK: - Blocks

    /// Block type 0: LEN, NLEN (its ones' complement), then LEN bytes, from the next byte boundary.
    mutating func storedBlock() throws(InflateError) {
        _ = take(bitCount % 8)
        position -= bitCount / 8  // Give back the whole bytes loaded ahead.
        bits = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw .truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw .storedLengthMismatch }
        position += 4
        guard position + length <= input.count else { throw .truncated }
        guard length > 0, let start = input.baseAddress else { return }
        try output.reserve(length)
        (output.base + output.count).update(from: start + position, count: length)
        output.count += length
        position += length
    }

    /// Block type 2's header: how many codes, the code-length code, then the literal/length and distance code
    /// lengths run-length coded with it.
    mutating func readDynamicTables() throws(InflateError) {
        try refill()
        let literalLengthCount = take(5) + 257
        let distanceCount = take(5) + 1
        let codeLengthCount = take(4) + 4
        guard literalLengthCount <= DeflateFormat.literalLengthSymbols,
            distanceCount <= DeflateFormat.distanceSymbols
        else { throw .invalidCodeLengths }

        var codeLengthLengths = [UInt8](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            try refill()
            codeLengthLengths[DeflateFormat.codeLengthOrder[index]] = UInt8(take(3))
        }
        guard HuffmanCode.shape(codeLengthLengths) == .complete else { throw .invalidCodeLengths }
        codeLengths.build(lengths: codeLengthLengths, meanings: HuffmanDecodingTable.codeLengthMeanings)

        let total = literalLengthCount + distanceCount
        var lengths = [UInt8](repeating: 0, count: total)
        let table = codeLengths.entries
        let rootMask = UInt64((1 << codeLengths.rootBits) - 1)
        try table.withUnsafeBufferPointer { (table) throws(InflateError) in
            var index = 0
            while index < total {
                try refill()
                let symbol = HuffmanDecodingTable.value(decode(table, rootMask: rootMask))
                var repeated: UInt8 = 0
                var count = 1
                switch symbol {
                case 0...15:
                    repeated = UInt8(symbol)
                case 16:
                    guard index > 0 else { throw .invalidCodeLengths }
                    repeated = lengths[index - 1]
                    count = 3 + take(2)
                case 17: count = 3 + take(3)
                default: count = 11 + take(7)
                }
                guard index + count <= total else { throw .invalidCodeLengths }
                for i in index..<index + count { lengths[i] = repeated }
                index += count
            }
        }
        try checkNotPastEnd()

        let literalLengthLengths = Array(lengths[0..<literalLengthCount])
        let distanceLengths = Array(lengths[literalLengthCount...])
        guard literalLengthLengths[DeflateFormat.endOfBlock] > 0, Self.usable(literalLengthLengths),
            Self.usable(distanceLengths)
        else { throw .invalidCodeLengths }
        literalLengths.build(lengths: literalLengthLengths, meanings: HuffmanDecodingTable.literalLengthMeanings)
        distances.build(lengths: distanceLengths, meanings: HuffmanDecodingTable.distanceMeanings)
    }

    /// Whether literal/length or distance code lengths may be used, as zlib decides: a complete code, no code at
    /// all (a block without matches), or a single code of one bit.
    static func usable(_ lengths: [UInt8]) -> Bool {
        switch HuffmanCode.shape(lengths) {
        case .complete, .empty: true
        case .incomplete(let codes): codes == 1 && lengths.contains(1)
        case .oversubscribed: false
        }
    }

    /// Literals and matches until the end-of-block code.
    mutating func huffmanBlock(_ literalLengths: HuffmanDecodingTable, _ distances: HuffmanDecodingTable)
        throws(InflateError)
    {
        let literalMask = UInt64((1 << literalLengths.rootBits) - 1)
        let distanceMask = UInt64((1 << distances.rootBits) - 1)
        try literalLengths.entries.withUnsafeBufferPointer { (literalTable) throws(InflateError) in
            try distances.entries.withUnsafeBufferPointer { (distanceTable) throws(InflateError) in
                while true {
                    try refill()
                    let entry = decode(literalTable, rootMask: literalMask)
                    switch HuffmanDecodingTable.kind(entry) {
                    case HuffmanDecodingTable.Kind.literal.rawValue:
                        try output.reserve(1)
                        output.base[output.count] = UInt8(truncatingIfNeeded: HuffmanDecodingTable.value(entry))
                        output.count += 1
                    case HuffmanDecodingTable.Kind.base.rawValue:
                        let length = HuffmanDecodingTable.value(entry) + take(HuffmanDecodingTable.extraBits(entry))
                        let code = decode(distanceTable, rootMask: distanceMask)
                        guard HuffmanDecodingTable.kind(code) == HuffmanDecodingTable.Kind.base.rawValue else {
                            throw .invalidCode
                        }
                        let distance = HuffmanDecodingTable.value(code) + take(HuffmanDecodingTable.extraBits(code))
                        guard distance <= output.count else { throw .distanceTooFar }
                        try output.reserve(length)
                        copyMatch(length: length, distance: distance)
                    case HuffmanDecodingTable.Kind.endOfBlock.rawValue:
                        return
                    default:
                        throw .invalidCode
                    }
                }
            }
        }
    }

    /// Appends `length` bytes starting `distance` back; room is reserved. Eight bytes at a time when the source
    /// is at least eight back (the slack absorbs the overshoot), one at a time for shorter, overlapping repeats.
    @inline(__always)
    mutating func copyMatch(length: Int, distance: Int) {
        let destination = output.base + output.count
        let source = destination - distance
        if distance >= 8 {
            var offset = 0
            while offset < length {
                UnsafeMutableRawPointer(destination + offset).storeBytes(
                    of: UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self), as: UInt64.self)
                offset += 8
            }
        } else if distance == 1 {
            destination.update(repeating: source.pointee, count: length)
        } else {
            for offset in 0..<length { destination[offset] = source[offset] }
        }
        output.count += length
    }
}
