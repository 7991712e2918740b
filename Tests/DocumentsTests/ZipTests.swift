import Documents
import Foundation
import TestSupport
import Testing

@Suite struct ZipTests {
    @Test func crc32KnownVectors() {
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32([UInt8]()) == 0)
        #expect(ZipArchive.crc32(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(ZipArchive.crc32([0]) == 0xD202_EF8D)
        // Contiguous bytes take eight at a time; any other sequence one at a time: the same CRC for every length.
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }
        for count in 0...bytes.count {
            #expect(ZipArchive.crc32(bytes.prefix(count)) == ZipArchive.crc32(bytes.prefix(count).lazy.map { $0 }))
        }
    }

    static let entries: [ZipArchive.Entry] = [
        .init(name: "[Content_Types].xml", data: Array("<Types/>".utf8)),
        .init(name: "目录/文件.txt", data: Array("收入支出决算总表 & <表>".utf8)),
        .init(name: "empty", data: []),
        .init(name: "binary.bin", data: (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
        .init(
            name: "word/document.xml",
            data: Array(String(repeating: "<w:p><w:r><w:t>一般公共服务支出 1,861.26</w:t></w:r></w:p>", count: 2000).utf8)),
    ]

    @Test func layoutByHand() throws {
        let bytes = try ZipArchive(entries: [.init(name: "a", data: Array("hi".utf8))]).bytes()
        // Local header (30 + 1 name + 2 data) + central header (46 + 1) + end record (22).
        #expect(bytes.count == 33 + 47 + 22)
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(Array(bytes[6..<8]) == [0x00, 0x08])  // UTF-8 names
        #expect(Array(bytes[8..<10]) == [0, 0])  // stored
        #expect(Array(bytes[10..<14]) == [0x00, 0x00, 0x21, 0x00])  // 00:00, 1980-01-01
        #expect(Array(bytes[bytes.count - 22..<bytes.count - 18]) == [0x50, 0x4B, 0x05, 0x06])
        #expect(try ZipArchive().bytes().count == 22)
    }

    @Test func sameEntriesSameBytes() throws {
        #expect(try ZipArchive(entries: Self.entries).bytes() == ZipArchive(entries: Self.entries).bytes())
        let compressed = ZipArchive(entries: Self.entries, compression: .default)
        #expect(try compressed.bytes() == compressed.bytes())
    }

    /// Compressed, the repetitive entry shrinks many times; entries DEFLATE cannot shrink (short ones) stay stored.
    @Test func compressesOnlyWhatGetsSmaller() throws {
        let stored = try ZipArchive(entries: Self.entries).bytes()
        let compressed = try ZipArchive(entries: Self.entries, compression: .default).bytes()
        #expect(compressed.count * 20 < stored.count)
        // The first entry, 8 bytes, is stored (method 0) with its size twice.
        #expect(Array(compressed[8..<10]) == [0, 0])
        #expect(Array(compressed[18..<26]) == [8, 0, 0, 0, 8, 0, 0, 0])
    }

    @Test func refusesWhatZip32CannotHold() {
        var many = ZipArchive()
        for i in 0..<65_536 { many.add("f\(i)", []) }
        #expect(throws: ZipArchive.Failure.tooManyEntries(65_536)) { try many.bytes() }
        #expect(throws: ZipArchive.Failure.duplicateName("a")) {
            try ZipArchive(entries: [.init(name: "a", data: []), .init(name: "a", data: [1])]).bytes()
        }
        #expect(throws: ZipArchive.Failure.invalidName("")) {
            try ZipArchive(entries: [.init(name: "", data: [])]).bytes()
        }
        #expect(throws: ZipArchive.Failure.invalidName("/abs")) {
            try ZipArchive(entries: [.init(name: "/abs", data: [])]).bytes()
        }
    }

    struct Listing: Decodable {
        let name: String
        let method: Int
        let flags: Int
        let date: [Int]
        let crc: UInt32
        let size: Int
        let data: String
    }

    /// Python's zipfile reads the archive back, stored and compressed: names in order, method, UTF-8 flag,
    /// 1980-01-01 00:00, CRCs, data.
    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"), arguments: [false, true])
    func pythonZipfileReadsIt(compressed: Bool) throws {
        try Checker.require(Checker.python, "python3")
        let directory = try outputDirectory("zip-\(compressed)")
        let file = directory.appendingPathComponent("test.zip")
        try Data(ZipArchive(entries: Self.entries, compression: compressed ? .default : nil).bytes()).write(to: file)

        let test = try run("python3", ["-m", "zipfile", "-t", file.path])
        #expect(test.status == 0, "\(test.output) \(test.stderr)")

        let script = """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                print(json.dumps([{"name": i.filename, "method": i.compress_type, "flags": i.flag_bits,
                    "date": list(i.date_time), "crc": i.CRC, "size": i.file_size,
                    "data": z.read(i).hex()} for i in z.infolist()], ensure_ascii=False))
            """
        let result = try run("python3", ["-c", script, file.path])
        try #require(result.status == 0, "\(result.stderr)")
        let listing = try JSONDecoder().decode([Listing].self, from: result.stdout)
        #expect(listing.map(\.name) == Self.entries.map(\.name))
        for (item, entry) in zip(listing, Self.entries) {
            // Deflated (8) when compressed, except entries that DEFLATE does not make smaller.
            #expect(item.method == (compressed && entry.data.count > 100 ? 8 : 0), "\(entry.name)")
            #expect(item.flags & 0x800 != 0)
            #expect(item.date == [1980, 1, 1, 0, 0, 0])
            #expect(item.crc == ZipArchive.crc32(entry.data))
            #expect(item.size == entry.data.count)
            #expect(item.data == entry.data.map { String(format: "%02x", $0) }.joined())
        }
    }
}
