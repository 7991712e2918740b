// Reads a ZIP archive held in memory, as Excel, WPS, LibreOffice and other programs write them for .xlsx and
// .docx files: the end record (found backwards past an archive comment), Zip64 sizes and offsets, the central
// directory, stored and deflated entries, data descriptors, UTF-8 and CP437 names. Every size and offset is
// checked against the file before it is used; the entry count, the total size and the compression ratio are
// limited so that a hostile archive cannot exhaust memory.

/// Why a ZIP archive or one of its entries cannot be read. The descriptions are for the person who gave the file.
public enum ZipReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No end-of-central-directory record and no ZIP signature at the start: not a ZIP file at all.
    case notZip
    /// The file stops before the archive does (the end record, the directory or an entry's data is missing).
    case truncated
    /// A structure of the archive is inconsistent; the text says which.
    case damaged(String)
    /// One part of an archive split over several files.
    case multipleDisks
    case tooManyEntries(count: Int, limit: Int)
    /// An entry, or all of them together (`entry` nil), would decompress to more than the limit.
    case tooLarge(entry: String?, limit: Int)
    /// An entry decompresses to more than `ratio` times its compressed size (a "zip bomb").
    case suspiciousRatio(entry: String, ratio: Int)
    case encrypted(entry: String)
    case unsupportedMethod(entry: String, method: Int)
    /// The deflated data of the entry is damaged.
    case corruptData(entry: String, reason: InflateError)
    /// The entry's data does not have the CRC-32 the directory gives.
    case checksumMismatch(entry: String)
    /// The entry's data is not as long as the directory says.
    case sizeMismatch(entry: String)
    case duplicateName(String)

    public var description: String {
        switch self {
        case .notZip: "不是 ZIP 文件（.xlsx 文件应当是 ZIP 压缩包；请用 Excel、WPS 或 LibreOffice 另存为 .xlsx）"
        case .truncated: "ZIP 文件不完整（可能只复制了一部分）"
        case .damaged(let what): "ZIP 文件已损坏：\(what)"
        case .multipleDisks: "ZIP 文件是分卷压缩的一部分，无法单独读取"
        case .tooManyEntries(let count, let limit): "ZIP 文件中的条目过多（\(count) 个，上限 \(limit) 个）"
        case .tooLarge(let entry?, let limit): "解压后过大：\(entry)（上限 \(limit) 字节）"
        case .tooLarge(nil, let limit): "ZIP 文件解压后过大（上限 \(limit) 字节）"
        case .suspiciousRatio(let entry, let ratio): "压缩比异常（超过 \(ratio) 倍，可能是恶意文件）：\(entry)"
        case .encrypted(let entry): "文件已加密，无法读取：\(entry)（请取消密码后另存）"
        case .unsupportedMethod(let entry, let method): "不支持的压缩方法 \(method)：\(entry)（请用 Excel、WPS 或 LibreOffice 另存）"
        case .corruptData(let entry, let reason): "压缩数据已损坏：\(entry)（\(reason)）"
        case .checksumMismatch(let entry): "压缩数据已损坏：\(entry)（校验和不符）"
        case .sizeMismatch(let entry): "压缩数据已损坏：\(entry)（大小与目录记载不符）"
        case .duplicateName(let name): "ZIP 文件已损坏：条目 \(name) 出现了两次"
        }
    }
}

/// A ZIP archive read from bytes: its entries (from the central directory) and their data.
public struct ZipReader: Sendable {
    /// One entry of the central directory.
    public struct Entry: Sendable, Equatable {
        /// The path inside the archive, `/`-separated.
        public var name: String
        /// 0 stored, 8 deflated.
        public var method: Int
        /// The general purpose flags (bit 0 encrypted, bit 3 data descriptor, bit 11 UTF-8 name).
        public var flags: Int
        public var crc32: UInt32
        public var compressedSize: Int
        public var uncompressedSize: Int
        /// Where the entry's local header starts.
        public var localHeaderOffset: Int

        /// A directory entry (its name ends with `/`) has no data.
        public var isDirectory: Bool { name.hasSuffix("/") }
    }

    /// What an archive may hold at most.
    public struct Limits: Sendable, Equatable {
        public var entries: Int
        /// The sizes the directory gives for all entries, added.
        public var totalUncompressedSize: Int
        /// Uncompressed ÷ compressed size of one entry; checked for entries larger than `ratioFloor` bytes
        /// (small parts compress as well as they like and cannot do harm).
        public var compressionRatio: Int
        public var ratioFloor: Int

        /// 10,000 entries, 1 GiB in all, ratios up to 1,000 for entries over 1 MiB. A department's workbook has a
        /// few dozen entries and a few MiB; DEFLATE cannot pass about 1,032:1, so the ratio only stops what is
        /// close to that, which no real spreadsheet part is.
        public init(
            entries: Int = 10_000, totalUncompressedSize: Int = 1 << 30, compressionRatio: Int = 1_000,
            ratioFloor: Int = 1 << 20
        ) {
            self.entries = entries
            self.totalUncompressedSize = totalUncompressedSize
            self.compressionRatio = compressionRatio
            self.ratioFloor = ratioFloor
        }
    }

    public let bytes: [UInt8]
    /// In central directory order.
    public private(set) var entries: [Entry] = []
    /// The archive comment at the end of the file.
    public private(set) var comment: [UInt8] = []
    private var indexByName: [String: Int] = [:]

    public init(bytes: [UInt8], limits: Limits = Limits()) throws(ZipReadError) {
        self.bytes = bytes
        let end = try EndRecord(bytes)
        comment = Array(bytes[end.commentRange])
        guard end.entryCount <= limits.entries else {
            throw .tooManyEntries(count: end.entryCount, limit: limits.entries)
        }
        guard end.directoryOffset <= bytes.count, end.directorySize <= bytes.count - end.directoryOffset else {
            throw .truncated
        }
        // At least 46 bytes an entry: a count the directory cannot hold is damage, not a reason to reserve memory.
        guard end.entryCount <= end.directorySize / 46 else { throw .damaged("中央目录的条目数与其大小不符") }

        entries.reserveCapacity(end.entryCount)
        var offset = end.directoryOffset
        let directoryEnd = end.directoryOffset + end.directorySize
        var total = 0
        for _ in 0..<end.entryCount {
            let entry = try Self.directoryEntry(bytes, at: &offset, end: directoryEnd)
            guard indexByName.updateValue(entries.count, forKey: entry.name) == nil else {
                throw .duplicateName(entry.name)
            }
            guard entry.uncompressedSize <= limits.totalUncompressedSize - total else {
                throw .tooLarge(entry: nil, limit: limits.totalUncompressedSize)
            }
            total += entry.uncompressedSize
            if entry.uncompressedSize > limits.ratioFloor,
                entry.uncompressedSize / max(entry.compressedSize, 1) > limits.compressionRatio
            {
                throw .suspiciousRatio(entry: entry.name, ratio: limits.compressionRatio)
            }
            entries.append(entry)
        }
    }

    public func entry(named name: String) -> Entry? {
        indexByName[name].map { entries[$0] }
    }

    /// The data of the entry called `name`, or nil when there is none.
    public func data(named name: String) throws(ZipReadError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try data(of: entry)
    }

    /// The entry's data, decompressed and checked against the size and CRC-32 of the directory.
    public func data(of entry: Entry) throws(ZipReadError) -> [UInt8] {
        if entry.flags & 1 != 0 { throw .encrypted(entry: entry.name) }
        let start = try dataStart(of: entry)
        guard entry.compressedSize <= bytes.count - start else { throw .truncated }
        let compressed = bytes[start..<start + entry.compressedSize]
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw .sizeMismatch(entry: entry.name) }
            data = Array(compressed)
        case 8:
            do {
                data = try Inflate.decompress(
                    compressed, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
            } catch .outputLimitExceeded {
                throw .sizeMismatch(entry: entry.name)
            } catch {
                throw .corruptData(entry: entry.name, reason: error)
            }
        default:
            throw .unsupportedMethod(entry: entry.name, method: entry.method)
        }
        guard data.count == entry.uncompressedSize else { throw .sizeMismatch(entry: entry.name) }
        guard ZipArchive.crc32(data) == entry.crc32 else { throw .checksumMismatch(entry: entry.name) }
        return data
    }

    /// Where the entry's data starts: after its local header, whose name and extra field may differ in length
    /// from the directory's.
    private func dataStart(of entry: Entry) throws(ZipReadError) -> Int {
        let offset = entry.localHeaderOffset
        guard offset <= bytes.count - 30 else { throw .truncated }
        guard bytes.uint32(at: offset) == 0x0403_4B50 else {
            throw .damaged("\(entry.name) 的本地文件头不在目录所记的位置")
        }
        return offset + 30 + bytes.uint16(at: offset + 26) + bytes.uint16(at: offset + 28)
    }

    /// Reads the central directory header at `offset` and moves past it.
    private static func directoryEntry(_ bytes: [UInt8], at offset: inout Int, end: Int) throws(ZipReadError)
        -> Entry
    {
        guard offset <= end - 46, bytes.uint32(at: offset) == 0x0201_4B50 else {
            throw .damaged("中央目录的文件头缺失或错位")
        }
        let flags = bytes.uint16(at: offset + 8)
        let nameLength = bytes.uint16(at: offset + 28)
        let extraLength = bytes.uint16(at: offset + 30)
        let commentLength = bytes.uint16(at: offset + 32)
        let nameStart = offset + 46
        guard nameLength + extraLength + commentLength <= end - nameStart else {
            throw .damaged("中央目录的文件头超出了目录")
        }
        let nameBytes = bytes[nameStart..<nameStart + nameLength]
        var entry = Entry(
            name: flags & (1 << 11) != 0 ? String(decoding: nameBytes, as: UTF8.self) : CP437.decode(nameBytes),
            method: bytes.uint16(at: offset + 10), flags: flags, crc32: bytes.uint32(at: offset + 16),
            compressedSize: Int(bytes.uint32(at: offset + 20)), uncompressedSize: Int(bytes.uint32(at: offset + 24)),
            localHeaderOffset: Int(bytes.uint32(at: offset + 42)))
        let diskStart = bytes.uint16(at: offset + 34)

        // Zip64: the fields that do not fit say 0xFFFFFFFF and follow, in this order, in extra field 0x0001.
        let needs = (
            uncompressed: entry.uncompressedSize == 0xFFFF_FFFF, compressed: entry.compressedSize == 0xFFFF_FFFF,
            offset: entry.localHeaderOffset == 0xFFFF_FFFF
        )
        if needs.uncompressed || needs.compressed || needs.offset {
            let extraStart = nameStart + nameLength
            guard var field = extraField(0x0001, in: bytes, extraStart..<extraStart + extraLength) else {
                throw .damaged("\(entry.name) 缺少 Zip64 扩展字段")
            }
            func next() throws(ZipReadError) -> Int {
                guard field.count >= 8, let value = Int(exactly: bytes.uint64(at: field.lowerBound)) else {
                    throw .damaged("\(entry.name) 的 Zip64 扩展字段不完整")
                }
                field = field.dropFirst(8)
                return value
            }
            if needs.uncompressed { entry.uncompressedSize = try next() }
            if needs.compressed { entry.compressedSize = try next() }
            if needs.offset { entry.localHeaderOffset = try next() }
        }
        // 0xFFFF: the disk number is in the Zip64 field too; it can only be 0 for an archive we can read.
        guard diskStart == 0 || diskStart == 0xFFFF else { throw .multipleDisks }
        guard entry.compressedSize <= bytes.count, entry.localHeaderOffset <= bytes.count else { throw .truncated }
        offset = nameStart + nameLength + extraLength + commentLength
        return entry
    }

    /// The data range of the extra field with `id` in the `extra` bytes (a list of id, size, data), if there is one.
    private static func extraField(_ id: Int, in bytes: [UInt8], _ extra: Range<Int>) -> Range<Int>? {
        var offset = extra.lowerBound
        while offset + 4 <= extra.upperBound {
            let size = bytes.uint16(at: offset + 2)
            guard offset + 4 + size <= extra.upperBound else { return nil }
            if bytes.uint16(at: offset) == id { return offset + 4..<offset + 4 + size }
            offset += 4 + size
        }
        return nil
    }
}

/// The end of central directory record (with the Zip64 one when there is one): where the directory is and how
/// many entries it has.
private struct EndRecord {
    var entryCount: Int
    var directorySize: Int
    var directoryOffset: Int
    var commentRange: Range<Int>

    init(_ bytes: [UInt8]) throws(ZipReadError) {
        let startsLikeZip = bytes.count >= 4 && bytes.uint32(at: 0) == 0x0403_4B50
        guard let offset = Self.find(bytes) else { throw startsLikeZip ? .truncated : .notZip }
        commentRange = offset + 22..<min(bytes.count, offset + 22 + bytes.uint16(at: offset + 20))
        let disk = bytes.uint16(at: offset + 4)
        let directoryDisk = bytes.uint16(at: offset + 6)
        let entriesOnDisk = bytes.uint16(at: offset + 8)
        entryCount = bytes.uint16(at: offset + 10)
        directorySize = Int(bytes.uint32(at: offset + 12))
        directoryOffset = Int(bytes.uint32(at: offset + 16))

        // The Zip64 locator sits just before the end record.
        if offset >= 20, bytes.uint32(at: offset - 20) == 0x0706_4B50 {
            guard let record = Int(exactly: bytes.uint64(at: offset - 12)), record <= offset - 20 - 56,
                bytes.uint32(at: record) == 0x0606_4B50
            else { throw .damaged("Zip64 目录结束记录缺失或错位") }
            guard bytes.uint32(at: record + 16) == 0, bytes.uint32(at: record + 20) == 0,
                bytes.uint64(at: record + 24) == bytes.uint64(at: record + 32)
            else { throw .multipleDisks }
            guard let count = Int(exactly: bytes.uint64(at: record + 32)),
                let size = Int(exactly: bytes.uint64(at: record + 40)),
                let start = Int(exactly: bytes.uint64(at: record + 48))
            else { throw .damaged("Zip64 目录结束记录的数值无效") }
            (entryCount, directorySize, directoryOffset) = (count, size, start)
        } else if disk != 0 || directoryDisk != 0 || entriesOnDisk != entryCount {
            throw .multipleDisks
        }
    }

    /// The end record's offset: searched backwards from the end over at most a 65,535-byte comment. One whose
    /// comment ends exactly at the end of the file wins; else the last one whose comment fits (bytes appended).
    private static func find(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var fallback: Int?
        var offset = bytes.count - 22
        while offset >= lowest {
            if bytes[offset] == 0x50, bytes.uint32(at: offset) == 0x0605_4B50 {
                let end = offset + 22 + bytes.uint16(at: offset + 20)
                if end == bytes.count { return offset }
                if end < bytes.count, fallback == nil { fallback = offset }
            }
            offset -= 1
        }
        return fallback
    }
}

extension Array where Element == UInt8 {
    /// Little-endian numbers at a byte offset the caller has checked.
    @inline(__always) fileprivate func uint16(at offset: Int) -> Int {
        Int(self[offset]) | Int(self[offset + 1]) << 8
    }

    @inline(__always) fileprivate func uint32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }

    @inline(__always) fileprivate func uint64(at offset: Int) -> UInt64 {
        UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
    }
}

/// Code page 437, the IBM PC character set ZIP names are in when the UTF-8 flag is not set.
enum CP437 {
    /// Bytes 0x80…0xFF; 0x00…0x7F are ASCII.
    static let high: [Unicode.Scalar] = Array(
        ("ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
            + "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{A0}").unicodeScalars)

    static func decode(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : high[Int(byte) - 0x80]) }
        return String(scalars)
    }
}
