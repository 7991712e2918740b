// The ZIP container for .docx and .xlsx packages: Zip32 only, fixed timestamps, entries stored or compressed with
// our own DEFLATE encoder (`Deflate`), so that the same entries always give the same bytes.

/// A ZIP archive built in memory from named entries, written in the order they were added.
public struct ZipArchive: Sendable, Equatable {
    /// One file in the archive.
    public struct Entry: Sendable, Equatable {
        /// Path inside the archive, `/`-separated (e.g. `word/document.xml`); stored as UTF-8.
        public var name: String
        public var data: [UInt8]

        public init(name: String, data: [UInt8]) {
            self.name = name
            self.data = data
        }
    }

    /// Why an archive cannot be written.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// More entries than Zip32 can count (65,535).
        case tooManyEntries(Int)
        /// An entry, or the archive as a whole, would pass the 4 GiB Zip32 limit.
        case tooLarge(String)
        /// The name is empty, longer than 65,535 UTF-8 bytes, absolute, or has a backslash.
        case invalidName(String)
        case duplicateName(String)

        public var description: String {
            switch self {
            case .tooManyEntries(let count): "ZIP: \(count) entries, Zip32 allows at most 65535"
            case .tooLarge(let name): "ZIP: \(name) passes the 4 GiB Zip32 limit"
            case .invalidName(let name): "ZIP: invalid entry name \"\(name)\""
            case .duplicateName(let name): "ZIP: duplicate entry name \"\(name)\""
            }
        }
    }

    public private(set) var entries: [Entry] = []
    /// How entries are compressed; nil stores them as they are. An entry that DEFLATE would not make smaller is
    /// stored either way.
    public var compression: Deflate.Level?

    public init(entries: [Entry] = [], compression: Deflate.Level? = nil) {
        self.entries = entries
        self.compression = compression
    }

    public mutating func add(_ name: String, _ data: [UInt8]) {
        entries.append(Entry(name: name, data: data))
    }

    public mutating func add(_ name: String, text: String) {
        add(name, Array(text.utf8))
    }

    /// The archive's bytes: local headers and data in entry order, then the central directory.
    public func bytes() throws(Failure) -> [UInt8] {
        guard entries.count <= 0xFFFF else { throw .tooManyEntries(entries.count) }
        var seen = Set<String>()
        for entry in entries {
            let nameLength = entry.name.utf8.count
            if nameLength == 0 || nameLength > 0xFFFF || entry.name.hasPrefix("/") || entry.name.contains("\\") {
                throw .invalidName(entry.name)
            }
            guard seen.insert(entry.name).inserted else { throw .duplicateName(entry.name) }
            guard UInt64(entry.data.count) <= UInt64(UInt32.max) else { throw .tooLarge(entry.name) }
        }

        var out: [UInt8] = []
        let dataSize = entries.reduce(0) { $0 + $1.data.count }
        out.reserveCapacity(
            entries.reduce(22) { $0 + 2 * $1.name.utf8.count + 76 } + (compression == nil ? dataSize : dataSize / 4))
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt64(out.count)
            guard offset <= UInt64(UInt32.max) else { throw .tooLarge(entry.name) }
            let name = Array(entry.name.utf8)
            let crc = Self.crc32(entry.data)
            let size = UInt32(entry.data.count)
            var method = Self.stored
            var stored = entry.data
            if let compression, !entry.data.isEmpty {
                let deflated = Deflate.compress(entry.data, level: compression)
                if deflated.count < entry.data.count {
                    method = Self.deflated
                    stored = deflated
                }
            }
            let storedSize = UInt32(stored.count)
            guard offset + UInt64(30 + name.count + stored.count) <= UInt64(UInt32.max) else {
                throw .tooLarge(entry.name)
            }

            out.appendLE(UInt32(0x0403_4B50))  // local file header signature
            out.appendLE(Self.versionNeeded)
            out.appendLE(Self.utf8NamesFlag)
            out.appendLE(method)
            out.appendLE(Self.dosTime)
            out.appendLE(Self.dosDate)
            out.appendLE(crc)
            out.appendLE(storedSize)  // compressed size
            out.appendLE(size)  // uncompressed size
            out.appendLE(UInt16(name.count))
            out.appendLE(UInt16(0))  // extra field length
            out += name
            out += stored

            central.appendLE(UInt32(0x0201_4B50))  // central directory header signature
            central.appendLE(Self.versionNeeded)  // version made by: MS-DOS attributes, 2.0
            central.appendLE(Self.versionNeeded)
            central.appendLE(Self.utf8NamesFlag)
            central.appendLE(method)
            central.appendLE(Self.dosTime)
            central.appendLE(Self.dosDate)
            central.appendLE(crc)
            central.appendLE(storedSize)
            central.appendLE(size)
            central.appendLE(UInt16(name.count))
            central.appendLE(UInt16(0))  // extra field length
            central.appendLE(UInt16(0))  // comment length
            central.appendLE(UInt16(0))  // disk number start
            central.appendLE(UInt16(0))  // internal attributes
            central.appendLE(UInt32(0))  // external attributes
            central.appendLE(UInt32(offset))
            central += name
        }
        let centralOffset = UInt64(out.count)
        guard centralOffset + UInt64(central.count) <= UInt64(UInt32.max) else { throw .tooLarge("the archive") }
        out += central

        out.appendLE(UInt32(0x0605_4B50))  // end of central directory signature
        out.appendLE(UInt16(0))  // this disk
        out.appendLE(UInt16(0))  // disk with the central directory
        out.appendLE(UInt16(entries.count))
        out.appendLE(UInt16(entries.count))
        out.appendLE(UInt32(central.count))
        out.appendLE(UInt32(centralOffset))
        out.appendLE(UInt16(0))  // comment length
        return out
    }

    /// Compression methods.
    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8
    /// Version 2.0: what stored and deflated entries with the UTF-8 flag need; also "made by" (host 0, MS-DOS).
    static let versionNeeded: UInt16 = 20
    /// General purpose flag bit 11: names are UTF-8.
    static let utf8NamesFlag: UInt16 = 1 << 11
    /// 00:00:00.
    static let dosTime: UInt16 = 0
    /// 1980-01-01: (year − 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// CRC-32 (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320) as ZIP uses it.
    public static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        if let crc = bytes.withContiguousStorageIfAvailable({ crc32(contiguous: $0) }) { return crc }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTables[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Eight bytes a step ("slicing by 8"), then byte by byte.
    private static func crc32(contiguous bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        crcTables.withUnsafeBufferPointer { table in
            var crc: UInt32 = 0xFFFF_FFFF
            var i = 0
            while i + 8 <= bytes.count {
                let low =
                    crc
                    ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
                        | UInt32(bytes[i + 3]) << 24)
                crc =
                    table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(bytes[i + 4])] ^ table[2 * 256 + Int(bytes[i + 5])]
                    ^ table[256 + Int(bytes[i + 6])] ^ table[Int(bytes[i + 7])]
                i += 8
            }
            while i < bytes.count {
                crc = table[Int((crc ^ UInt32(bytes[i])) & 0xFF)] ^ (crc >> 8)
                i += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// Table k (at k × 256) gives the CRC of a byte followed by k zero bytes; table 0 is the classic one.
    private static let crcTables: [UInt32] = {
        var tables = (0..<256).map { n in
            var c = UInt32(n)
            for _ in 0..<8 {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
            }
            return c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let previous = tables[(k - 1) * 256 + n]
                tables.append((previous >> 8) ^ tables[Int(previous & 0xFF)])
            }
        }
        return tables
    }()
}

extension Array where Element == UInt8 {
    /// Appends `value` little-endian, as ZIP stores every number.
    fileprivate mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        Swift.withUnsafeBytes(of: &v) { append(contentsOf: $0) }
    }
}
