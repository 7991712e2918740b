import Foundation
import TestSupport
import Testing

@testable import Documents

/// The DEFLATE encoder: Python's zlib (an independent decoder) gives every input back, byte for byte, at every
/// level; the output is deterministic; blocks are stored when compression does not pay; the Huffman lengths are
/// a prefix code within the limit.
@Suite struct DeflateTests {
    static let levels: [Deflate.Level] = [.fast, .default, .balanced, .thorough]

    /// Inputs that exercise the block kinds and the matcher's edges.
    static let inputs: [(name: String, bytes: [UInt8])] = {
        var generator = SplitMix(seed: 42)
        let random = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        // Text with repeats near and far (within and beyond the 32 KiB window).
        var xml = ""
        for i in 0..<6_000 {
            xml += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"\(1000 + i % 37)\" w:type=\"dxa\"/></w:tcPr>"
            xml += "<w:p><w:r><w:t>\(i * 7919 % 100_003).\(i % 100)</w:t></w:r></w:p></w:tc></w:tr>"
            if i % 500 == 0 { xml += "一般公共预算财政拨款基本支出决算表 \(i)" }
        }
        // Few distinct symbols: codes of one symbol, long runs, lengths of exactly 258.
        let runs = [UInt8](repeating: 0x61, count: 100_000) + [UInt8](repeating: 0, count: 70_000)
        // Text with a little noise: many blocks that mix literals and matches.
        let noisy = (0..<300_000).map { i -> UInt8 in
            i % 97 == 0 ? UInt8(truncatingIfNeeded: generator.next()) : UInt8(ascii: "a") + UInt8(i % 7)
        }
        return [
            ("empty", []),
            ("one byte", [0x41]),
            ("four bytes", Array("abab".utf8)),
            ("short repeat", Array("abcabcabcabcabcabcabcabc".utf8)),
            ("random", random),
            ("xml", Array(xml.utf8)),
            ("runs", runs),
            ("noisy", noisy),
            ("random then repeat", Array(random[0..<40_000]) + Array(random[0..<40_000])),
        ]
    }()

    /// Decompresses raw DEFLATE with Python's zlib.
    static func inflate(_ compressed: [UInt8], in directory: URL, name: String) throws -> [UInt8] {
        let file = directory.appendingPathComponent(name + ".deflate")
        try Data(compressed).write(to: file)
        let script = """
            import sys, zlib
            d = zlib.decompressobj(-15)
            out = d.decompress(open(sys.argv[1], 'rb').read()) + d.flush()
            if not d.eof or d.unused_data: sys.exit('stream does not end where the data does')
            sys.stdout.buffer.write(out)
            """
        let result = try run("python3", ["-c", script, file.path])
        guard result.status == 0 else { throw CheckerFailure("zlib: \(result.stderr)") }
        return Array(result.stdout)
    }

    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func zlibDecompressesEveryInputAtEveryLevel() throws {
        try Checker.require(Checker.python, "python3")
        let directory = try outputDirectory("deflate")
        for (levelIndex, level) in Self.levels.enumerated() {
            for (name, bytes) in Self.inputs {
                let compressed = Deflate.compress(bytes, level: level)
                let back = try Self.inflate(compressed, in: directory, name: "\(levelIndex)-\(name)")
                #expect(back == bytes, "\(name) at \(level)")
            }
        }
    }

    /// Inputs longer than a segment (1 GiB) start the matcher afresh at each segment: the same code on small
    /// segments.
    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func segmentsJoinUp() throws {
        try Checker.require(Checker.python, "python3")
        let directory = try outputDirectory("deflate-segments")
        let xml = Self.inputs.first { $0.name == "xml" }!.bytes
        for (segment, count) in [(1, 300), (7, 3_000), (1000, xml.count), (65_536, xml.count)] {
            let input = Array(xml.prefix(count))
            let compressed = input.withUnsafeBufferPointer { Deflate.compress($0, level: .default, segment: segment) }
            #expect(try Self.inflate(compressed, in: directory, name: "segment-\(segment)") == input, "\(segment)")
        }
    }

    @Test func compressesWhatRepeatsAndStoresWhatDoesNot() {
        let inputs = Dictionary(uniqueKeysWithValues: Self.inputs.map { ($0.name, $0.bytes) })
        let xml = inputs["xml"]!
        let random = inputs["random"]!
        // XML compresses at least 4× even at the fastest level; a longer search never makes it larger here.
        let fast = Deflate.compress(xml, level: .fast).count
        let standard = Deflate.compress(xml, level: .default).count
        let balanced = Deflate.compress(xml, level: .balanced).count
        #expect(fast * 4 < xml.count)
        #expect(standard <= fast && balanced <= standard)
        // Random bytes go out stored: 5 bytes of header per block (a block ends after 32,768 literals).
        #expect(Deflate.compress(random).count == random.count + 5 * (random.count / Deflate.blockItems + 1))
        // 170,000 bytes of two runs: a few hundred bytes.
        #expect(Deflate.compress(inputs["runs"]!).count < 1_000)
    }

    @Test func knownSmallStreams() {
        // The empty stream: one final fixed block with only its end.
        #expect(Deflate.compress([]) == [0x03, 0x00])
        // One literal in a fixed block, as zlib writes it too.
        #expect(Deflate.compress(Array("a".utf8)) == [0x4B, 0x04, 0x00])
    }

    @Test func sameInputSameBytes() {
        for (name, bytes) in Self.inputs {
            for level in Self.levels {
                #expect(Deflate.compress(bytes, level: level) == Deflate.compress(bytes, level: level), "\(name)")
            }
        }
    }

    @Test func huffmanLengthsArePrefixCodesWithinTheLimit() {
        // Fibonacci frequencies make the deepest possible tree: 30 symbols would need 29 bits.
        var fibonacci = [1, 1]
        while fibonacci.count < 30 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        for limit in [7, 15] {
            let lengths = HuffmanCode.lengths(frequencies: fibonacci, limit: limit)
            #expect(lengths.allSatisfy { $0 >= 1 && Int($0) <= limit })
            #expect(HuffmanCode.shape(lengths) == .complete)
            // More frequent symbols never get longer codes.
            for i in 1..<lengths.count { #expect(lengths[i] <= lengths[i - 1]) }
        }
        // Without the limit biting, the lengths are Huffman's: 1, 2, 3, 3 for 8, 4, 2, 2 (cost 30).
        #expect(HuffmanCode.lengths(frequencies: [2, 8, 2, 4], limit: 15) == [3, 1, 3, 2])
        #expect(HuffmanCode.lengths(frequencies: [0, 5, 0], limit: 15) == [0, 1, 0])
        #expect(HuffmanCode.lengths(frequencies: [0, 0], limit: 15) == [0, 0])
    }

    @Test func lengthAndDistanceSymbols() {
        #expect(DeflateSymbols.lengthSymbol[3] == 0)
        #expect(DeflateSymbols.lengthSymbol[10] == 7)
        #expect(DeflateSymbols.lengthSymbol[11] == 8)
        #expect(DeflateSymbols.lengthSymbol[12] == 8)
        #expect(DeflateSymbols.lengthSymbol[257] == 27)
        #expect(DeflateSymbols.lengthSymbol[258] == 28)
        for distance in 1...32_768 {
            let symbol = DeflateSymbols.distanceSymbol(distance)
            let base = Int(DeflateFormat.distanceBase[symbol])
            let span = 1 << Int(DeflateFormat.distanceExtraBits[symbol])
            #expect(base <= distance && distance < base + span, "distance \(distance)")
            if !(base <= distance && distance < base + span) { break }
        }
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
