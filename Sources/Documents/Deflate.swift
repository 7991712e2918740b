// A DEFLATE encoder (RFC 1951) for the entries of .docx and .xlsx packages: LZ77 matches found through a hash of
// the next four bytes, then each block written with whichever of a dynamic Huffman code, the fixed code or no
// compression takes fewest bits. Raw DEFLATE only, no zlib or gzip wrapper. Deterministic: the same bytes and
// level always give the same output (no clock, no randomness, ties broken by position and symbol).

/// Compresses bytes as raw DEFLATE.
public enum Deflate {
    /// How hard the encoder looks for matches.
    public struct Level: Sendable, Equatable, CustomStringConvertible {
        /// How many earlier positions with the same hash are tried for a match (1: only the latest).
        public var chainLength: Int
        /// Whether a match may wait one byte for a longer one starting at the next position.
        public var lazy: Bool
        /// A match at least this long is taken without trying further positions.
        public var niceLength: Int
        /// After a match longer than this the positions inside it are not hashed (faster on long repeats).
        public var insertLimit: Int

        public init(chainLength: Int, lazy: Bool, niceLength: Int, insertLimit: Int) {
            self.chainLength = max(1, chainLength)
            self.lazy = lazy
            self.niceLength = min(max(niceLength, 4), Deflate.maxMatch)
            self.insertLimit = max(0, insertLimit)
        }

        /// What .docx and .xlsx packages are written with: up to 16 earlier positions per hash, greedy. On the
        /// XML of a report about as fast as `fast` (long matches end the search early) and a tenth smaller.
        public static let `default` = Level(chainLength: 16, lazy: false, niceLength: 64, insertLimit: 32)

        /// Only the latest position per hash, greedy.
        public static let fast = Level(chainLength: 1, lazy: false, niceLength: 258, insertLimit: 16)
        /// A few positions per hash and lazy matching: about zlib's default compression.
        public static let balanced = Level(chainLength: 16, lazy: true, niceLength: 128, insertLimit: 258)
        /// Long hash chains: a little smaller, several times slower.
        public static let thorough = Level(chainLength: 256, lazy: true, niceLength: 258, insertLimit: 258)

        public var description: String {
            "chain \(chainLength), \(lazy ? "lazy" : "greedy"), nice \(niceLength), insert ≤ \(insertLimit)"
        }
    }

    static let minMatch = 4
    static let maxMatch = 258
    static let window = DeflateFormat.windowSize
    static let windowBits = 15
    static let hashBits = 15
    /// Literals and matches collected before a block is written.
    static let blockItems = 1 << 15
    /// Inputs are matched in segments that positions of 32 bits always reach.
    static let segment = 1 << 30

    /// `input` compressed as one raw DEFLATE stream.
    public static func compress(_ input: [UInt8], level: Level = .default) -> [UInt8] {
        input.withUnsafeBufferPointer { compress($0, level: level) }
    }

    public static func compress(_ input: UnsafeBufferPointer<UInt8>, level: Level = .default) -> [UInt8] {
        compress(input, level: level, segment: segment)
    }

    /// With segments of `segment` bytes (tests use small ones to reach the code that starts a new segment).
    static func compress(_ input: UnsafeBufferPointer<UInt8>, level: Level, segment: Int) -> [UInt8] {
        var encoder = DeflateEncoder(input: input, level: level, segment: segment)
        defer { encoder.deallocate() }
        encoder.run()
        return encoder.writer.finish()
    }
}

/// One compression: the matcher's hash tables, the collected items of the current block and the output. The
/// tables are raw memory owned by the encoder (`deallocate()` frees them): the inner loop runs without the
/// uniqueness and bounds checks of arrays.
struct DeflateEncoder {
    let input: UnsafeBufferPointer<UInt8>
    let level: Deflate.Level
    var writer = DeflateBitWriter()
    /// Bits of the hash, fewer for a small input (the tables are made per input: the small parts of a package
    /// should not pay for clearing tables sized for megabytes).
    let hashBits: Int
    /// Per hash, the latest position (relative to the segment start) + 1; 0 for none.
    let head: UnsafeMutablePointer<UInt32>
    /// `previous` holds one entry per position of the window, or of the whole input when that is smaller.
    let chainMask: Int
    /// Per position modulo the window, the previous position with the same hash + 1.
    let previous: UnsafeMutablePointer<UInt32>
    /// The current block: literals (`< 256`) and matches (`1 << 31 | distance << 9 | length`).
    let items: UnsafeMutablePointer<UInt32>
    let itemCapacity: Int
    var itemCount = 0
    let literalLengthFrequencies: UnsafeMutablePointer<Int>
    let distanceFrequencies: UnsafeMutablePointer<Int>
    /// The input bytes of the current block start here (for a stored block).
    var blockStart = 0
    /// Matches do not reach back across the start of a segment of this many bytes.
    let segment: Int

    init(input: UnsafeBufferPointer<UInt8>, level: Deflate.Level, segment: Int = Deflate.segment) {
        self.input = input
        self.level = level
        self.segment = max(1, segment)
        let sizeBits = Int.bitWidth - max(input.count - 1, 1).leadingZeroBitCount
        hashBits = min(Deflate.hashBits, max(8, sizeBits))
        chainMask = (1 << min(Deflate.windowBits, sizeBits)) - 1
        head = .allocate(capacity: 1 << hashBits)
        head.initialize(repeating: 0, count: 1 << hashBits)
        previous = .allocate(capacity: chainMask + 1)
        previous.initialize(repeating: 0, count: chainMask + 1)
        itemCapacity = min(Deflate.blockItems, input.count + 1)
        items = .allocate(capacity: itemCapacity)
        literalLengthFrequencies = .allocate(capacity: DeflateFormat.literalLengthSymbols)
        literalLengthFrequencies.initialize(repeating: 0, count: DeflateFormat.literalLengthSymbols)
        distanceFrequencies = .allocate(capacity: DeflateFormat.distanceSymbols)
        distanceFrequencies.initialize(repeating: 0, count: DeflateFormat.distanceSymbols)
        writer.reserve(input.count / 4 + 64)
    }

    func deallocate() {
        writer.deallocate()
        head.deallocate()
        previous.deallocate()
        items.deallocate()
        literalLengthFrequencies.deallocate()
        distanceFrequencies.deallocate()
    }

    mutating func run() {
        guard input.count > 0 else {
            // An empty stream: one final fixed block with only its end (3 + 7 bits).
            writer.write(0b011, 3)
            writer.write(0, 7)
            return
        }
        var start = 0
        while start < input.count {
            let end = min(input.count, start + segment)
            if start > 0 {
                head.update(repeating: 0, count: 1 << hashBits)
                previous.update(repeating: 0, count: chainMask + 1)
            }
            matchSegment(start..<end)
            start = end
        }
        flushBlock(end: input.count, final: true)
    }

    // MARK: - Matching

    @inline(__always)
    static func hash(_ word: UInt32, bits: Int) -> Int {
        Int((word &* 0x1E35_A7BD) >> UInt32(32 - bits))
    }

    /// Finds matches in `range` (positions before it are not referred to) and collects literals and matches,
    /// writing a block whenever enough are collected.
    mutating func matchSegment(_ range: Range<Int>) {
        guard let start = input.baseAddress else { return }
        let raw = UnsafeRawPointer(start)
        let end = range.upperBound
        // Four bytes can be read at p while p + 4 <= end.
        let lastHashed = end - Deflate.minMatch
        let head = head
        let previous = previous
        let chainMask = chainMask
        let hashShift = UInt32(32 - hashBits)
        let chainLength = level.chainLength
        let niceLength = level.niceLength
        let origin = range.lowerBound - 1

        /// Hashes position `p` and returns the previous position with the same hash (+ 1, 0 for none).
        @inline(__always)
        func insert(_ p: Int) -> UInt32 {
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)
            let h = Int((word &* 0x1E35_A7BD) >> hashShift)
            let candidate = head[h]
            head[h] = UInt32(truncatingIfNeeded: p - origin)
            previous[p & chainMask] = candidate
            return candidate
        }

        /// The longest match for position `p` longer than `minimum`, among the chain starting at `candidate`
        /// (+ 1): (length, distance), or (0, 0).
        @inline(__always)
        func longest(_ p: Int, _ candidate: UInt32, longerThan minimum: Int) -> (Int, Int) {
            var best = minimum
            var bestDistance = 0
            let limit = min(Deflate.maxMatch, end - p)
            guard limit > best else { return (0, 0) }
            var next = candidate
            var tries = chainLength
            var lastPosition = p
            while next != 0 && tries > 0 {
                let q = origin + Int(next)
                let distance = p - q
                if q >= lastPosition || distance > Deflate.window { break }
                lastPosition = q
                // Quick reject: the byte that would make this match longer than the best must agree.
                if start[q + best] == start[p + best] {
                    let length = Self.matchLength(raw, q, p, limit)
                    if length > best {
                        best = length
                        bestDistance = distance
                        if length >= niceLength || length == limit { break }
                    }
                }
                next = previous[q & chainMask]
                tries -= 1
            }
            return bestDistance == 0 ? (0, 0) : (best, bestDistance)
        }

        var p = range.lowerBound
        if level.lazy {
            // The match found at the position before, waiting to see whether this position has a longer one.
            var pendingLength = 0
            var pendingDistance = 0
            while p < end {
                var length = 0
                var distance = 0
                if p <= lastHashed {
                    let candidate = insert(p)
                    if pendingLength < niceLength {
                        (length, distance) = longest(
                            p, candidate, longerThan: max(pendingLength, Deflate.minMatch - 1))
                    }
                }
                if pendingLength > 0 && length <= pendingLength {
                    // The match of the position before wins: it started at p − 1.
                    let matchEnd = p - 1 + pendingLength
                    addMatch(length: pendingLength, distance: pendingDistance, end: matchEnd)
                    p += 1
                    while p < matchEnd {
                        if p <= lastHashed { _ = insert(p) }
                        p += 1
                    }
                    pendingLength = 0
                    continue
                }
                if pendingLength > 0 {
                    // This position's match is longer: the byte before goes out as a literal.
                    addLiteral(start[p - 1], end: p)
                }
                if length > 0 {
                    pendingLength = length
                    pendingDistance = distance
                } else {
                    pendingLength = 0
                    addLiteral(start[p], end: p + 1)
                }
                p += 1
            }
            if pendingLength > 0 {
                addMatch(length: pendingLength, distance: pendingDistance, end: p - 1 + pendingLength)
            }
        } else {
            let insertLimit = level.insertLimit
            while p < end {
                guard p <= lastHashed else {
                    addLiteral(start[p], end: p + 1)
                    p += 1
                    continue
                }
                let (length, distance) = longest(p, insert(p), longerThan: Deflate.minMatch - 1)
                guard length > 0 else {
                    addLiteral(start[p], end: p + 1)
                    p += 1
                    continue
                }
                let matchEnd = p + length
                addMatch(length: length, distance: distance, end: matchEnd)
                p += 1
                if length <= insertLimit {
                    while p < matchEnd {
                        if p <= lastHashed { _ = insert(p) }
                        p += 1
                    }
                } else {
                    p = matchEnd
                }
            }
        }
    }

    /// How many bytes at `a` and `b` agree, at most `limit` (`b + limit` is within the input).
    @inline(__always)
    static func matchLength(_ raw: UnsafeRawPointer, _ a: Int, _ b: Int, _ limit: Int) -> Int {
        var length = 0
        while length + 8 <= limit {
            let x = raw.loadUnaligned(fromByteOffset: a + length, as: UInt64.self)
            let y = raw.loadUnaligned(fromByteOffset: b + length, as: UInt64.self)
            let difference = x ^ y
            if difference != 0 { return length + (difference.littleEndian.trailingZeroBitCount >> 3) }
            length += 8
        }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        while length < limit && bytes[a + length] == bytes[b + length] { length += 1 }
        return length
    }

    // MARK: - Blocks

    @inline(__always)
    mutating func addLiteral(_ byte: UInt8, end: Int) {
        items[itemCount] = UInt32(byte)
        itemCount += 1
        literalLengthFrequencies[Int(byte)] += 1
        if itemCount == itemCapacity { flushBlock(end: end, final: false) }
    }

    @inline(__always)
    mutating func addMatch(length: Int, distance: Int, end: Int) {
        items[itemCount] = 1 << 31 | UInt32(distance) << 9 | UInt32(length)
        itemCount += 1
        literalLengthFrequencies[257 + Int(DeflateSymbols.lengthSymbol[length])] += 1
        distanceFrequencies[DeflateSymbols.distanceSymbol(distance)] += 1
        if itemCount == itemCapacity { flushBlock(end: end, final: false) }
    }

    /// Writes the collected items as one block (or, stored, as several) covering input `blockStart..<end`.
    mutating func flushBlock(end: Int, final: Bool) {
        literalLengthFrequencies[DeflateFormat.endOfBlock] += 1
        let literalLengths = Array(
            UnsafeBufferPointer(start: literalLengthFrequencies, count: DeflateFormat.literalLengthSymbols))
        let distances = Array(UnsafeBufferPointer(start: distanceFrequencies, count: DeflateFormat.distanceSymbols))
        let dynamic = DynamicCode(literalLengthFrequencies: literalLengths, distanceFrequencies: distances)
        let extraBits = DeflateSymbols.extraBits(
            literalLengthFrequencies: literalLengths, distanceFrequencies: distances)
        let dynamicBits = dynamic.headerBits + dynamic.dataBits + extraBits
        let fixedBits =
            DeflateSymbols.cost(literalLengths, DeflateSymbols.fixedCode.literalLengthLengths)
            + DeflateSymbols.cost(distances, DeflateSymbols.fixedCode.distanceLengths) + extraBits
        let bytes = end - blockStart
        // Stored: the header bits, padding to a byte, four bytes of length per 65,535 bytes.
        let storedBits = 8 * (bytes + 5 * max(1, (bytes + 65_534) / 65_535))

        if storedBits <= min(dynamicBits, fixedBits) + 3 {
            writeStored(blockStart..<end, final: final)
        } else if fixedBits <= dynamicBits {
            writer.reserve((fixedBits + 3) / 8 + 16)
            writer.write(final ? 0b011 : 0b010, 3)
            writeItems(DeflateSymbols.fixedCode)
        } else {
            writer.reserve((dynamicBits + 3) / 8 + 16)
            writer.write(final ? 0b101 : 0b100, 3)
            dynamic.writeHeader(&writer)
            writeItems(dynamic.code)
        }
        itemCount = 0
        literalLengthFrequencies.update(repeating: 0, count: DeflateFormat.literalLengthSymbols)
        distanceFrequencies.update(repeating: 0, count: DeflateFormat.distanceSymbols)
        blockStart = end
    }

    mutating func writeStored(_ range: Range<Int>, final: Bool) {
        var position = range.lowerBound
        repeat {
            let count = min(65_535, range.upperBound - position)
            let last = position + count == range.upperBound
            writer.reserve(count + 16)
            writer.write(final && last ? 1 : 0, 3)
            writer.alignToByte()
            writer.write(UInt64(count), 16)
            writer.write(UInt64(~UInt16(count)), 16)
            writer.copy(UnsafeBufferPointer(rebasing: input[position..<position + count]))
            position += count
        } while position < range.upperBound
    }

    mutating func writeItems(_ code: DeflateSymbols.Code) {
        let literalLength = code.literalLengthCodes
        let distance = code.distanceCodes
        for item in UnsafeBufferPointer(start: items, count: itemCount) {
            if item < 256 {
                writer.writeCode(literalLength[Int(item)])
            } else {
                let length = Int(item & 0x1FF)
                let distanceValue = Int((item >> 9) & 0xFFFF)
                let lengthIndex = Int(DeflateSymbols.lengthSymbol[length])
                let lengthCode = literalLength[257 + lengthIndex]
                let lengthExtra = Int(DeflateFormat.lengthExtraBits[lengthIndex])
                let distanceIndex = DeflateSymbols.distanceSymbol(distanceValue)
                let distanceCode = distance[distanceIndex]
                let distanceExtra = Int(DeflateFormat.distanceExtraBits[distanceIndex])
                // Code and extra bits of length and distance: at most 15 + 5 + 15 + 13 bits, one write.
                var bits = UInt64(lengthCode & 0xFFFF)
                var count = Int(lengthCode >> 16)
                bits |= UInt64(length - Int(DeflateFormat.lengthBase[lengthIndex])) << count
                count += lengthExtra
                bits |= UInt64(distanceCode & 0xFFFF) << count
                count += Int(distanceCode >> 16)
                bits |= UInt64(distanceValue - Int(DeflateFormat.distanceBase[distanceIndex])) << count
                count += distanceExtra
                writer.write(bits, count)
            }
        }
        writer.writeCode(literalLength[DeflateFormat.endOfBlock])
    }
}

/// Symbol tables of the encoder: which length and distance symbol stands for a value, and Huffman codes as the
/// writer uses them.
enum DeflateSymbols {
    /// Length 3…258 → its symbol minus 257 (index into `DeflateFormat.lengthBase`).
    static let lengthSymbol: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Deflate.maxMatch + 1)
        for length in 3...Deflate.maxMatch {
            var index = DeflateFormat.lengthBase.count - 1
            while Int(DeflateFormat.lengthBase[index]) > length { index -= 1 }
            table[length] = UInt8(index)
        }
        return table
    }()

    /// Distance − 1 below 256 → symbol; above, (distance − 1) >> 7 at 256 + that (distance symbols past 15 cover
    /// whole multiples of 128).
    static let distanceTable: [UInt8] = {
        func symbol(_ distance: Int) -> UInt8 {
            var index = DeflateFormat.distanceBase.count - 1
            while Int(DeflateFormat.distanceBase[index]) > distance { index -= 1 }
            return UInt8(index)
        }
        var table = [UInt8](repeating: 0, count: 512)
        for d in 0..<256 { table[d] = symbol(d + 1) }
        for k in 2..<256 { table[256 + k] = symbol((k << 7) + 1) }
        return table
    }()

    @inline(__always)
    static func distanceSymbol(_ distance: Int) -> Int {
        let d = distance - 1
        return Int(d < 256 ? distanceTable[d] : distanceTable[256 + (d >> 7)])
    }

    /// A code as the writer uses it: per symbol its bits, reversed for LSB-first output, with the length at
    /// bits 16…: `reversedCode | length << 16`.
    struct Code {
        var literalLengthLengths: [UInt8]
        var distanceLengths: [UInt8]
        var literalLengthCodes: [UInt32]
        var distanceCodes: [UInt32]

        init(literalLengthLengths: [UInt8], distanceLengths: [UInt8]) {
            self.literalLengthLengths = literalLengthLengths
            self.distanceLengths = distanceLengths
            literalLengthCodes = Self.writerCodes(literalLengthLengths)
            distanceCodes = Self.writerCodes(distanceLengths)
        }

        static func writerCodes(_ lengths: [UInt8]) -> [UInt32] {
            let codes = HuffmanCode.canonicalCodes(lengths)
            return zip(codes, lengths).map { code, length in
                UInt32(HuffmanCode.reversed(code, length: Int(length))) | UInt32(length) << 16
            }
        }
    }

    static let fixedCode = Code(
        literalLengthLengths: DeflateFormat.fixedLiteralLengthLengths,
        distanceLengths: DeflateFormat.fixedDistanceLengths)

    /// Σ frequency × length.
    static func cost(_ frequencies: [Int], _ lengths: [UInt8]) -> Int {
        var total = 0
        for (frequency, length) in zip(frequencies, lengths) { total += frequency * Int(length) }
        return total
    }

    /// The extra bits of the block's lengths and distances (the same under every code).
    static func extraBits(literalLengthFrequencies: [Int], distanceFrequencies: [Int]) -> Int {
        var total = 0
        for (index, extra) in DeflateFormat.lengthExtraBits.enumerated() {
            total += literalLengthFrequencies[257 + index] * Int(extra)
        }
        for (index, extra) in DeflateFormat.distanceExtraBits.enumerated() {
            total += distanceFrequencies[index] * Int(extra)
        }
        return total
    }
}

/// The dynamic Huffman code of one block and its header (RFC 1951 §3.2.7): the code lengths, run-length coded
/// with symbols 16–18 and themselves Huffman coded.
struct DynamicCode {
    var code: DeflateSymbols.Code
    /// Literal/length and distance lengths to send (HLIT + 257, HDIST + 1 of them).
    var literalLengthCount: Int
    var distanceCount: Int
    /// The run-length coded lengths: symbol 0…18 and its extra-bits value.
    var runs: [(symbol: Int, extra: Int)]
    var codeLengthLengths: [UInt8]
    var codeLengthCodes: [UInt32]
    /// How many code-length code lengths are sent (HCLEN + 4), in `DeflateFormat.codeLengthOrder`.
    var codeLengthCount: Int
    var headerBits: Int
    /// Bits of the literal, length and distance codes (without extra bits).
    var dataBits: Int

    init(literalLengthFrequencies: [Int], distanceFrequencies: [Int]) {
        let literalLengthLengths = Self.treeLengths(literalLengthFrequencies)
        let distanceLengths = Self.treeLengths(distanceFrequencies)
        code = DeflateSymbols.Code(literalLengthLengths: literalLengthLengths, distanceLengths: distanceLengths)
        literalLengthCount = 257
        for symbol in 257..<literalLengthLengths.count where literalLengthLengths[symbol] > 0 {
            literalLengthCount = symbol + 1
        }
        distanceCount = 1
        for symbol in 1..<distanceLengths.count where distanceLengths[symbol] > 0 { distanceCount = symbol + 1 }
        runs = Self.runLengths(
            Array(literalLengthLengths[0..<literalLengthCount]) + Array(distanceLengths[0..<distanceCount]))

        var frequencies = [Int](repeating: 0, count: 19)
        for run in runs { frequencies[run.symbol] += 1 }
        codeLengthLengths = HuffmanCode.lengths(frequencies: frequencies, limit: 7)
        codeLengthCodes = DeflateSymbols.Code.writerCodes(codeLengthLengths)
        codeLengthCount = 4
        for (position, symbol) in DeflateFormat.codeLengthOrder.enumerated() where codeLengthLengths[symbol] > 0 {
            codeLengthCount = max(codeLengthCount, position + 1)
        }
        var bits = 5 + 5 + 4 + 3 * codeLengthCount
        for run in runs {
            bits += Int(codeLengthLengths[run.symbol])
            bits += run.symbol == 16 ? 2 : run.symbol == 17 ? 3 : run.symbol == 18 ? 7 : 0
        }
        headerBits = bits
        dataBits =
            DeflateSymbols.cost(literalLengthFrequencies, literalLengthLengths)
            + DeflateSymbols.cost(distanceFrequencies, distanceLengths)
    }

    /// Lengths limited to 15 bits, with at least two codes (a one-symbol code would have a code of zero bits,
    /// which some decoders reject; zlib always sends two).
    static func treeLengths(_ frequencies: [Int]) -> [UInt8] {
        var lengths = HuffmanCode.lengths(frequencies: frequencies, limit: HuffmanCode.maxLength)
        let used = lengths.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        if used < 2 {
            // The used symbol (if any) and symbol 0 or 1 get one bit each.
            let other = lengths[0] > 0 ? 1 : 0
            lengths[other] = 1
            if used == 0 { lengths[1 - other] = 1 }
        }
        return lengths
    }

    /// Code lengths as the header sends them: 16 repeats the previous length 3–6 times, 17 a zero 3–10 times,
    /// 18 a zero 11–138 times.
    static func runLengths(_ lengths: [UInt8]) -> [(symbol: Int, extra: Int)] {
        var runs: [(symbol: Int, extra: Int)] = []
        var i = 0
        while i < lengths.count {
            let length = lengths[i]
            var run = 1
            while i + run < lengths.count && lengths[i + run] == length { run += 1 }
            i += run
            if length == 0 {
                while run >= 11 {
                    let count = min(run, 138)
                    runs.append((18, count - 11))
                    run -= count
                }
                if run >= 3 {
                    runs.append((17, run - 3))
                    run = 0
                }
                for _ in 0..<run { runs.append((0, 0)) }
            } else {
                runs.append((Int(length), 0))
                run -= 1
                while run >= 3 {
                    let count = min(run, 6)
                    runs.append((16, count - 3))
                    run -= count
                }
                for _ in 0..<run { runs.append((Int(length), 0)) }
            }
        }
        return runs
    }

    func writeHeader(_ writer: inout DeflateBitWriter) {
        writer.write(UInt64(literalLengthCount - 257), 5)
        writer.write(UInt64(distanceCount - 1), 5)
        writer.write(UInt64(codeLengthCount - 4), 4)
        for symbol in DeflateFormat.codeLengthOrder.prefix(codeLengthCount) {
            writer.write(UInt64(codeLengthLengths[symbol]), 3)
        }
        for run in runs {
            writer.writeCode(codeLengthCodes[run.symbol])
            switch run.symbol {
            case 16: writer.write(UInt64(run.extra), 2)
            case 17: writer.write(UInt64(run.extra), 3)
            case 18: writer.write(UInt64(run.extra), 7)
            default: break
            }
        }
    }
}

/// Bits packed least significant first into bytes, as DEFLATE stores them. Space is reserved before each block,
/// so writing is a store of eight bytes at a time without bounds checks per bit. Its memory is freed by
/// `deallocate()`.
struct DeflateBitWriter {
    private var buffer: UnsafeMutablePointer<UInt8> = .allocate(capacity: 64)
    private var capacity = 64
    /// Bytes written so far.
    private var count = 0
    private var bits: UInt64 = 0
    private var bitCount = 0

    /// Makes room for `extra` more bytes (and the eight a store may write past them).
    mutating func reserve(_ extra: Int) {
        let needed = count + extra + 16
        guard capacity < needed else { return }
        let newCapacity = max(needed, capacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = grown
        capacity = newCapacity
    }

    /// Appends the low `n` bits of `value` (n ≤ 56; higher bits of `value` must be zero).
    @inline(__always)
    mutating func write(_ value: UInt64, _ n: Int) {
        bits |= value << UInt64(bitCount)
        bitCount += n
        if bitCount >= 8 {
            // All eight bytes are stored; only the whole ones count, the rest are written again later.
            UnsafeMutableRawPointer(buffer + count).storeBytes(of: bits.littleEndian, as: UInt64.self)
            let whole = bitCount >> 3
            count += whole
            bits = bits >> UInt64(whole * 8)
            bitCount &= 7
        }
    }

    /// A code as `DeflateSymbols.Code` stores it.
    @inline(__always)
    mutating func writeCode(_ code: UInt32) {
        write(UInt64(code & 0xFFFF), Int(code >> 16))
    }

    /// Pads with zero bits to the next byte boundary.
    mutating func alignToByte() {
        if bitCount > 0 { write(0, 8 - bitCount) }
    }

    /// Appends whole bytes (the writer must be at a byte boundary).
    mutating func copy(_ source: UnsafeBufferPointer<UInt8>) {
        precondition(bitCount == 0)
        if let from = source.baseAddress { (buffer + count).update(from: from, count: source.count) }
        count += source.count
    }

    /// The bytes, the last one padded with zero bits.
    mutating func finish() -> [UInt8] {
        alignToByte()
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    func deallocate() {
        buffer.deallocate()
    }
}
