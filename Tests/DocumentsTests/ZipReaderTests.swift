import Documents
import Foundation
import TestSupport
import Testing

@Suite struct ZipReaderTests {
    /// Archives written by Python's zipfile, in `directory`: stored, deflated, data descriptors (written to a
    /// stream that cannot seek), a comment, a directory entry, Zip64 records, duplicate names, a zip bomb.
    static func pythonArchives() throws -> URL {
        let directory = try outputDirectory("zip-reader-python")
        let script = """
            import io, os, sys, zipfile
            d = sys.argv[1]
            files = [('[Content_Types].xml', b'<Types/>'), ('xl/worksheets/sheet1.xml', b'<sheetData>' + b'<row/>' * 5000 + b'</sheetData>'),
                     ('目录/说明.txt', '收入支出决算总表'.encode()), ('empty', b''), ('random.bin', os.urandom(3000))]
            def write(name, compression, **kw):
                with zipfile.ZipFile(os.path.join(d, name), 'w', compression, **kw) as z:
                    for n, data in files: z.writestr(n, data)
            write('stored.zip', zipfile.ZIP_STORED)
            write('deflated.zip', zipfile.ZIP_DEFLATED, compresslevel=9)
            class Stream(io.RawIOBase):
                def __init__(self): self.out = bytearray()
                def writable(self): return True
                def seekable(self): return False
                def write(self, b): self.out += b; return len(b)
            s = Stream()
            with zipfile.ZipFile(s, 'w', zipfile.ZIP_DEFLATED) as z:
                for n, data in files: z.writestr(n, data)
            open(os.path.join(d, 'descriptors.zip'), 'wb').write(bytes(s.out))
            with zipfile.ZipFile(os.path.join(d, 'comment.zip'), 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('xl/', b'')
                for n, data in files: z.writestr(n, data)
                # Python's own reader takes the last end-record signature and cannot read this back.
                z.comment = b'PK\\x05\\x06 a comment that looks like an end record ' * 40
            zipfile.ZIP64_LIMIT = 16
            zipfile.ZIP_FILECOUNT_LIMIT = 2
            write('zip64.zip', zipfile.ZIP_DEFLATED)
            zipfile.ZIP64_LIMIT = (1 << 31) - 1
            zipfile.ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
            import warnings
            warnings.simplefilter('ignore')
            with zipfile.ZipFile(os.path.join(d, 'duplicate.zip'), 'w') as z:
                z.writestr('a', b'1'); z.writestr('a', b'2')
            with zipfile.ZipFile(os.path.join(d, 'bomb.zip'), 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
                z.writestr('zeros', bytes(20 << 20))
            """
        let result = try run("python3", ["-c", script, directory.path])
        guard result.status == 0 else { throw CheckerFailure("python zipfile failed: \(result.stderr)") }
        return directory
    }

    static func read(_ url: URL, limits: ZipReader.Limits = .init()) throws -> ZipReader {
        try ZipReader(bytes: Array(try Data(contentsOf: url)), limits: limits)
    }

    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func readsWhatPythonWrites() throws {
        try Checker.require(Checker.python, "python3")
        let directory = try Self.pythonArchives()
        let sheet =
            Array("<sheetData>".utf8) + Array(repeating: Array("<row/>".utf8), count: 5000).flatMap { $0 }
            + Array("</sheetData>".utf8)
        for (name, method, flags) in [
            ("stored", 0, 0), ("deflated", 8, 0), ("descriptors", 8, 8), ("comment", 8, 0), ("zip64", 8, 0),
        ] {
            let zip = try Self.read(directory.appendingPathComponent("\(name).zip"))
            let names = zip.entries.map(\.name).filter { $0 != "xl/" }
            #expect(
                names == ["[Content_Types].xml", "xl/worksheets/sheet1.xml", "目录/说明.txt", "empty", "random.bin"],
                "\(name)")
            #expect(try zip.data(named: "[Content_Types].xml") == Array("<Types/>".utf8))
            #expect(try zip.data(named: "xl/worksheets/sheet1.xml") == sheet, "\(name)")
            #expect(try zip.data(named: "目录/说明.txt") == Array("收入支出决算总表".utf8))
            #expect(try zip.data(named: "empty") == [])
            #expect(try zip.data(named: "random.bin")?.count == 3000)
            #expect(try zip.data(named: "nothing") == nil)
            let sheetEntry = try #require(zip.entry(named: "xl/worksheets/sheet1.xml"))
            #expect(sheetEntry.method == method, "\(name)")
            #expect(sheetEntry.flags & 8 == flags, "\(name)")
            #expect(sheetEntry.uncompressedSize == sheet.count)
            if method == 8 { #expect(sheetEntry.compressedSize < 200) }
        }
        let commented = try Self.read(directory.appendingPathComponent("comment.zip"))
        #expect(commented.comment.count == 40 * 45)
        #expect(commented.entry(named: "xl/")?.isDirectory == true)
        #expect(try commented.data(named: "xl/") == [])

        // Zip64: every size and offset over the (patched) limit is in the Zip64 extra field, and there is a Zip64
        // end record.
        let zip64 = Array(try Data(contentsOf: directory.appendingPathComponent("zip64.zip")))
        #expect(zip64.indices.dropLast(4).contains { zip64[$0..<$0 + 4] == [0x50, 0x4B, 0x06, 0x06] })
    }

    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func refusesWhatItMustNotRead() throws {
        try Checker.require(Checker.python, "python3")
        let directory = try Self.pythonArchives()
        #expect(throws: ZipReadError.duplicateName("a")) {
            try Self.read(directory.appendingPathComponent("duplicate.zip"))
        }
        let bomb = directory.appendingPathComponent("bomb.zip")
        #expect(throws: ZipReadError.suspiciousRatio(entry: "zeros", ratio: 1000)) { try Self.read(bomb) }
        #expect(throws: ZipReadError.tooLarge(entry: nil, limit: 10 << 20)) {
            try Self.read(bomb, limits: .init(totalUncompressedSize: 10 << 20, compressionRatio: 2000))
        }
        #expect(try Self.read(bomb, limits: .init(compressionRatio: 2000)).data(named: "zeros")?.count == 20 << 20)
        let deflated = directory.appendingPathComponent("deflated.zip")
        #expect(throws: ZipReadError.tooManyEntries(count: 5, limit: 4)) {
            try Self.read(deflated, limits: .init(entries: 4))
        }
    }

    @Test func readsWhatZipArchiveWrites() throws {
        let entries = [
            ZipArchive.Entry(name: "[Content_Types].xml", data: Array("<Types/>".utf8)),
            ZipArchive.Entry(name: "xl/工作表.xml", data: Array(repeating: 7, count: 70_000)),
            ZipArchive.Entry(name: "empty", data: []),
        ]
        let zip = try ZipReader(bytes: try ZipArchive(entries: entries).bytes())
        #expect(zip.entries.map(\.name) == entries.map(\.name))
        for entry in entries { #expect(try zip.data(named: entry.name) == entry.data) }
        #expect(zip.comment == [])
        #expect(try ZipReader(bytes: try ZipArchive().bytes()).entries == [])
    }

    /// A one-entry archive from `ZipArchive`, with `patch` applied to its bytes.
    static func patched(_ data: [UInt8], name: String = "xl/worksheets/sheet1.xml", _ patch: (inout [UInt8]) -> Void)
        throws -> [UInt8]
    {
        var bytes = try ZipArchive(entries: [.init(name: name, data: data)]).bytes()
        patch(&bytes)
        return bytes
    }

    @Test func namesWithoutTheUTF8FlagAreCP437() throws {
        let bytes = try Self.patched(Array("x".utf8), name: "a\u{7F}b") { bytes in
            let central = Int(bytes[bytes.count - 6]) | Int(bytes[bytes.count - 5]) << 8
            for header in [0, central] {
                bytes[header + (header == 0 ? 7 : 9)] = 0  // clear the UTF-8 flag (bit 11)
                bytes[header + (header == 0 ? 31 : 47)] = 0x82  // the name's second byte: é in CP437
            }
        }
        let zip = try ZipReader(bytes: bytes)
        #expect(zip.entries.map(\.name) == ["aéb"])
        #expect(try zip.data(named: "aéb") == Array("x".utf8))
    }

    @Test func damageHasItsError() throws {
        let xml = Array("<worksheet>收入</worksheet>".utf8)
        func central(_ bytes: [UInt8]) -> Int { Int(bytes[bytes.count - 6]) | Int(bytes[bytes.count - 5]) << 8 }
        func expectError(_ error: ZipReadError, _ bytes: [UInt8], _ comment: Comment) {
            #expect(throws: error, comment) {
                let zip = try ZipReader(bytes: bytes)
                for entry in zip.entries { _ = try zip.data(of: entry) }
            }
        }
        let good = try Self.patched(xml) { _ in }
        expectError(.notZip, Array("收入,支出\n1,2\n".utf8), "a CSV file")
        expectError(.notZip, [], "nothing")
        expectError(.truncated, Array(good.prefix(good.count - 1)), "the last byte missing")
        expectError(.truncated, Array(good.prefix(40)), "the first 40 bytes")
        expectError(
            .checksumMismatch(entry: "xl/worksheets/sheet1.xml"), try Self.patched(xml) { $0[30 + 24 + 3] ^= 1 },
            "a flipped data byte")
        expectError(
            .encrypted(entry: "xl/worksheets/sheet1.xml"), try Self.patched(xml) { $0[central($0) + 8] |= 1 },
            "encrypted")
        expectError(
            .unsupportedMethod(entry: "xl/worksheets/sheet1.xml", method: 12),
            try Self.patched(xml) { $0[central($0) + 10] = 12 }, "bzip2")
        expectError(
            .sizeMismatch(entry: "xl/worksheets/sheet1.xml"), try Self.patched(xml) { $0[central($0) + 24] += 1 },
            "stored, sizes differ")
        expectError(
            .damaged("xl/worksheets/sheet1.xml 的本地文件头不在目录所记的位置"),
            try Self.patched(xml) { $0[central($0) + 42] = 1 }, "local header offset off by one")
        expectError(.damaged("中央目录的文件头缺失或错位"), try Self.patched(xml) { $0[central($0)] = 0 }, "directory signature")
        expectError(.multipleDisks, try Self.patched(xml) { $0[$0.count - 18] = 1 }, "disk 1")
        // Deflated data: a fixed block with a match before any output, in place of the stored bytes.
        let badStream: [UInt8] = [0x03, 0x02, 0x00]  // last fixed block: length 3 at distance 1, with no output
        let deflatedBad = try Self.patched(badStream) { bytes in
            bytes[8] = 8
            bytes[central(bytes) + 10] = 8
            bytes[central(bytes) + 24] = 3
        }
        expectError(
            .corruptData(entry: "xl/worksheets/sheet1.xml", reason: .distanceTooFar), deflatedBad, "bad deflate data")
        #expect(
            ZipReadError.corruptData(entry: "xl/worksheets/sheet1.xml", reason: .distanceTooFar).description
                == "压缩数据已损坏：xl/worksheets/sheet1.xml（压缩数据的回溯距离超出已解压的数据）")
        #expect(ZipReadError.truncated.description == "ZIP 文件不完整（可能只复制了一部分）")
    }

    /// Every prefix and random flips of a real archive: an error or the data, never a crash or a hang.
    @Test(.enabled(if: Checker.python || Checker.isCI, "python3 not installed"))
    func damagedArchivesNeverCrash() throws {
        try Checker.require(Checker.python, "python3")
        let directory = try Self.pythonArchives()
        var random = TestRandom(state: 3)
        var errors = 0
        for name in ["deflated", "descriptors", "zip64"] {
            let archive = Array(try Data(contentsOf: directory.appendingPathComponent("\(name).zip")))
            for length in stride(from: 0, to: archive.count, by: 7) {
                #expect(throws: ZipReadError.self) {
                    let zip = try ZipReader(bytes: Array(archive.prefix(length)))
                    for entry in zip.entries { _ = try zip.data(of: entry) }
                }
            }
            for _ in 0..<500 {
                var damaged = archive
                for _ in 0..<(1 + random.below(4)) {
                    damaged[random.below(damaged.count)] ^= UInt8(1 << random.below(8))
                }
                do {
                    let zip = try ZipReader(bytes: damaged)
                    for entry in zip.entries { _ = try zip.data(of: entry) }
                } catch {
                    errors += 1
                }
            }
        }
        #expect(errors > 300)
    }
}
