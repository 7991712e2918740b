import Documents
import Foundation
import TestSupport
import Testing

/// A deterministic random source for test data (SplitMix64).
struct TestRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

/// Writes bits least significant first, as DEFLATE packs them, to hand-make streams.
struct BitWriter {
    var bytes: [UInt8] = []
    var bitCount = 0

    mutating func bits(_ value: Int, _ count: Int) {
        for i in 0..<count {
            if bitCount % 8 == 0 { bytes.append(0) }
            if (value >> i) & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
            bitCount += 1
        }
    }

    /// A Huffman code: its first (most significant) bit first.
    mutating func code(_ value: Int, _ length: Int) {
        for i in (0..<length).reversed() { bits((value >> i) & 1, 1) }
    }
}

/// Raw DEFLATE streams made by Python's zlib (`compressobj(level, DEFLATED, -15, memLevel, strategy)`).
enum PythonDeflate {
    struct Setting: CustomStringConvertible {
        var level: Int
        var memLevel = 8
        /// 0 default, 1 Z_FILTERED, 2 Z_HUFFMAN_ONLY, 3 Z_RLE, 4 Z_FIXED.
        var strategy = 0
        var description: String { "level \(level) memLevel \(memLevel) strategy \(strategy)" }
    }

    static let settings: [Setting] = [
        Setting(level: 0),  // stored blocks
        Setting(level: 6, strategy: 4),  // fixed Huffman
        Setting(level: 1),
        Setting(level: 6),
        Setting(level: 9, memLevel: 9),
        Setting(level: 9, memLevel: 1),  // small blocks: many dynamic blocks
        Setting(level: 6, strategy: 1),
        Setting(level: 6, strategy: 2),  // Huffman only: literals
        Setting(level: 6, strategy: 3),  // run lengths: distance 1
    ]

    /// `compressed[i][j]` is input i compressed with setting j.
    static func compress(_ inputs: [[UInt8]], _ settings: [Setting]) throws -> [[[UInt8]]] {
        let directory = try outputDirectory("inflate-python")
        for (i, input) in inputs.enumerated() {
            try Data(input).write(to: directory.appendingPathComponent("in\(i)"))
        }
        let script = """
            import sys, zlib, os
            d = sys.argv[1]
            settings = [tuple(map(int, s.split(','))) for s in sys.argv[3:]]
            for i in range(int(sys.argv[2])):
                data = open(os.path.join(d, 'in%d' % i), 'rb').read()
                for j, (level, mem, strategy) in enumerate(settings):
                    c = zlib.compressobj(level, zlib.DEFLATED, -15, mem, strategy)
                    open(os.path.join(d, 'out%d-%d' % (i, j)), 'wb').write(c.compress(data) + c.flush())
            """
        let result = try run(
            "python3",
            ["-c", script, directory.path, "\(inputs.count)"]
                + settings.map { "\($0.level),\($0.memLevel),\($0.strategy)" })
        guard result.status == 0 else { throw CheckerFailure("python zlib failed: \(result.stderr)") }
        return try inputs.indices.map { i in
            try settings.indices.map { j in
                Array(try Data(contentsOf: directory.appendingPathComponent("out\(i)-\(j)")))
            }
        }
    }
}

@Suite struct InflateTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Inputs that exercise every path: empty, one byte, random (incompressible), long matches, matches 32 KiB
    /// back, and real files (sources, a sample department, the XML of a rendered .docx).
    static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        var random = TestRandom(state: 12)
        let block = random.bytes(32_768)
        var farMatches = block + block  // every match exactly 32 KiB back
        farMatches[40_000] ^= 0xFF
        var shortRepeats: [UInt8] = []
        for _ in 0..<5_000 {  // matches of every length and of short, overlapping distances
            let word = random.bytes(1 + random.below(9))
            for _ in 0..<(1 + random.below(40)) { shortRepeats += word }
        }
        let source = try Data(contentsOf: repository.appendingPathComponent("Sources/Documents/DocxWriter.swift"))
        let sample = try Data(contentsOf: repository.appendingPathComponent("Samples/s0-rendaban.json"))
        let docx = try DocxWriter.write(OfficeSample.document)
        return [
            ("empty", []),
            ("one byte", [0x41]),
            ("random", random.bytes(200_000)),
            (
                "long matches",
                [UInt8](repeating: 0x61, count: 100_000) + Array("abc".utf8) + [UInt8](repeating: 0, count: 70_000)
            ),
            ("32 KiB back", farMatches),
            ("short repeats", shortRepeats),
            ("source", Array(source)),
            ("sample", Array(sample)),
            ("docx", docx),
        ]
    }

    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func matchesPythonZlib() throws {
        try Checker.require(Checker.python, "python3")
        let inputs = try Self.inputs()
        let compressed = try PythonDeflate.compress(inputs.map(\.bytes), PythonDeflate.settings)
        for (i, input) in inputs.enumerated() {
            for (j, setting) in PythonDeflate.settings.enumerated() {
                let stream = compressed[i][j]
                let output = try Inflate.decompress(stream, limit: input.bytes.count)
                #expect(output == input.bytes, "\(input.name), \(setting)")
                // A slice not starting at 0, and no size hint: the same.
                let padded = [0xAA, 0xBB] + stream + [0xCC]
                #expect(try Inflate.decompress(padded[2..<(2 + stream.count)], limit: .max) == input.bytes)
            }
        }
        // Each setting made the block type it is there for: stored (00), fixed (01), dynamic (10). (zlib stores
        // random data whatever the strategy: stored is smaller.)
        let source = compressed[6]
        #expect(source[0][0] & 0b110 == 0b000)
        #expect(source[1][0] & 0b110 == 0b010)
        #expect(source[3][0] & 0b110 == 0b100)
        #expect(compressed[2][3][0] & 0b110 == 0b000)
    }

    @Test func handMadeStoredAndFixedBlocks() throws {
        // A stored block "hi" that is not the last, then a last fixed block with 'a' and a match of 4, distance 1.
        var w = BitWriter()
        w.bits(0, 1)
        w.bits(0, 2)
        w.bits(0, 5)  // to the byte boundary
        w.bytes += [2, 0, 0xFD, 0xFF] + Array("hi".utf8)
        w.bitCount = w.bytes.count * 8
        w.bits(1, 1)
        w.bits(1, 2)
        w.code(0x30 + 0x61, 8)  // literal 'a'
        w.code(2, 7)  // length symbol 258: length 4
        w.code(0, 5)  // distance symbol 0: distance 1
        w.code(0, 7)  // end of block
        #expect(try Inflate.decompress(w.bytes, limit: 100) == Array("hiaaaaa".utf8))
        // An empty last stored block, and an empty last fixed block.
        #expect(try Inflate.decompress([0x01, 0x00, 0x00, 0xFF, 0xFF], limit: 0) == [])
        #expect(try Inflate.decompress([0x03, 0x00], limit: 0) == [])
    }

    /// A last fixed-Huffman block with the given codes (value, length) after the header.
    static func fixedBlock(_ codes: [(Int, Int)]) -> [UInt8] {
        var w = BitWriter()
        w.bits(1, 1)
        w.bits(1, 2)
        for (value, length) in codes { w.code(value, length) }
        return w.bytes
    }

    /// The header of a last dynamic block: counts and the code-length code's lengths (in the format's order).
    static func dynamicHeader(literals: Int, distances: Int, codeLengthLengths: [Int]) -> BitWriter {
        var w = BitWriter()
        w.bits(1, 1)
        w.bits(2, 2)
        w.bits(literals - 257, 5)
        w.bits(distances - 1, 5)
        w.bits(codeLengthLengths.count - 4, 4)
        for length in codeLengthLengths { w.bits(length, 3) }
        return w
    }

    @Test func everyErrorHasItsType() {
        func expectError(_ error: InflateError, _ stream: [UInt8], limit: Int = 1000, _ comment: Comment) {
            #expect(throws: error, comment) { try Inflate.decompress(stream, limit: limit) }
        }
        expectError(.invalidBlockType, [0x07], "block type 3")
        expectError(.invalidBlockType, [0x06], "block type 3, not last")
        expectError(.storedLengthMismatch, [0x01, 0x05, 0x00, 0x00, 0x00], "LEN 5, NLEN 0")
        expectError(.truncated, [0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41], "5 bytes announced, 1 there")
        expectError(.truncated, [0x01, 0x05, 0x00], "stored header cut")
        expectError(.truncated, [], "nothing")
        expectError(.truncated, [0x00, 0x00, 0x00, 0xFF, 0xFF], "a block that is not the last, then nothing")
        expectError(.truncated, Array(Self.fixedBlock([(0x30 + 0x61, 8)]).prefix(1)), "no end of block")
        expectError(.distanceTooFar, Self.fixedBlock([(1, 7), (0, 5), (0, 7)]), "a match before any output")
        expectError(
            .distanceTooFar, Self.fixedBlock([(0x30 + 0x61, 8), (1, 7), (1, 5), (0, 7)]), "distance 2 after one byte")
        expectError(.invalidCode, Self.fixedBlock([(0xC6, 8)]), "literal/length symbol 286")
        expectError(.invalidCode, Self.fixedBlock([(0xC7, 8)]), "literal/length symbol 287")
        expectError(.invalidCode, Self.fixedBlock([(0x30 + 0x61, 8), (1, 7), (30, 5)]), "distance symbol 30")
        expectError(
            .outputLimitExceeded(limit: 4), Self.fixedBlock([(0x30 + 0x61, 8), (2, 7), (0, 5), (0, 7)]), limit: 4,
            "5 bytes, limit 4")
        expectError(
            .outputLimitExceeded(limit: 1), [0x01, 0x02, 0x00, 0xFD, 0xFF, 0x41, 0x42], limit: 1, "stored 2, limit 1")

        // Code-length code: nineteen lengths of 1 are over-subscribed; a single length of 1 is incomplete.
        var w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [Int](repeating: 1, count: 19))
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "over-subscribed code-length code")
        w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [0, 0, 0, 1])
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "incomplete code-length code")
        // 287 literal/length codes (HLIT 30) and 31 distance codes are more than the format has.
        w = Self.dynamicHeader(literals: 287, distances: 1, codeLengthLengths: [1, 1, 0, 0])
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "HLIT 30")
        w = Self.dynamicHeader(literals: 257, distances: 31, codeLengthLengths: [1, 1, 0, 0])
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "HDIST 31")
        // Code-length symbols 16 (code 0) and 17 (code 1), each one bit: a repeat of nothing first.
        w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [1, 1, 0, 0])
        w.code(0, 1)
        w.bits(0, 2)
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "repeat with no previous length")
        // Symbols 8 (code 0) and 18 (code 1, 11–138 zeros): 138 + 138 zeros pass the 258 lengths.
        let eightAndEighteen = [0, 0, 1, 0, 1]  // in the order 16, 17, 18, 0, 8
        w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: eightAndEighteen)
        w.code(1, 1)
        w.bits(127, 7)
        w.code(1, 1)
        w.bits(127, 7)
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "zeros past the end")
        // All 258 lengths 8: 256 codes of 8 bits are complete, 258 over-subscribed.
        w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: eightAndEighteen)
        for _ in 0..<258 { w.code(0, 1) }
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "258 codes of 8 bits")
        // Symbols 0 (code 0) and 8 (code 1): 256 literals of 8 bits, then no end-of-block code and one distance.
        w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [0, 0, 0, 1, 1])
        for _ in 0..<256 { w.code(1, 1) }
        w.code(0, 1)
        w.code(0, 1)
        expectError(.invalidCodeLengths, w.bytes + [0, 0, 0], "no end-of-block code")
        // The same with an end-of-block code of 8 bits too: over-subscribed, while 255 literals and it are fine.
        w = Self.dynamicHeader(literals: 257, distances: 1, codeLengthLengths: [0, 0, 0, 1, 1])
        for _ in 0..<255 { w.code(1, 1) }
        w.code(0, 1)
        w.code(1, 1)  // end of block: 8 bits
        w.code(0, 1)  // no distance code
        w.code(0xFF, 8)  // the end-of-block code: the last of the 8-bit codes
        #expect(throws: Never.self) { try Inflate.decompress(w.bytes, limit: 0) }
    }

    /// Every prefix of a valid stream and random byte flips in it: an error or some output, never a crash, a
    /// hang or more output than the limit.
    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func damagedStreamsNeverCrash() throws {
        try Checker.require(Checker.python, "python3")
        let source = try Data(contentsOf: Self.repository.appendingPathComponent("Sources/Documents/XlsxWriter.swift"))
        let input = Array(source.prefix(20_000))
        let settings = [
            PythonDeflate.Setting(level: 0), PythonDeflate.Setting(level: 6, strategy: 4),
            PythonDeflate.Setting(level: 6),
        ]
        let streams = try PythonDeflate.compress([input], settings)[0]
        var random = TestRandom(state: 7)
        var failures = 0
        for stream in streams {
            for length in stride(from: 0, to: stream.count, by: max(1, stream.count / 300)) {
                #expect(throws: InflateError.self) { try Inflate.decompress(stream.prefix(length), limit: 1 << 20) }
            }
            for _ in 0..<700 {
                var damaged = stream
                for _ in 0..<(1 + random.below(3)) {
                    damaged[random.below(damaged.count)] ^= UInt8(1 << random.below(8))
                }
                do {
                    let output = try Inflate.decompress(damaged, limit: 30_000)
                    #expect(output.count <= 30_000)
                } catch {
                    failures += 1
                }
            }
        }
        #expect(failures > 100)  // the flips did reach the decoder's checks
    }

    @Test func outputLimitStopsAZipBomb() throws {
        // A fixed block of one literal and then matches of 258 bytes at distance 1: ~ 1,000 × the input size.
        var codes: [(Int, Int)] = [(0x30, 8)]
        for _ in 0..<4_000 { codes += [(0xC5, 8), (0, 5)] }  // symbol 285: length 258
        codes.append((0, 7))
        let bomb = Self.fixedBlock(codes)
        #expect(try Inflate.decompress(bomb, limit: 1 + 4_000 * 258).count == 1 + 4_000 * 258)
        #expect(throws: InflateError.outputLimitExceeded(limit: 1_000_000)) {
            try Inflate.decompress(bomb, limit: 1_000_000)
        }
    }

    @Test func errorsSayWhatIsWrongInChinese() {
        #expect(InflateError.truncated.description == "压缩数据不完整")
        #expect(InflateError.outputLimitExceeded(limit: 10).description == "解压后超过 10 字节的上限")
    }
}
