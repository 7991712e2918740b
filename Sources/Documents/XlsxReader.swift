// Reads an .xlsx workbook (SpreadsheetML, transitional or strict) as Excel, WPS, LibreOffice and openpyxl save it,
// into a `SpreadsheetWorkbook`: the package relationships lead to the workbook part, its relationships to the
// sheets and the shared strings. Styles, drawings, comments and everything else are ignored. Limits on sheets,
// cells, strings and part sizes keep a hostile file from exhausting memory.

public enum XlsxReader {
    public struct Limits: Sendable, Equatable {
        public var sheets: Int
        /// Cells with a value or formula, over all sheets.
        public var cells: Int
        public var sharedStrings: Int
        /// The uncompressed size of one XML part.
        public var partSize: Int
        public var zip: ZipReader.Limits
        public var xml: XMLLimits

        /// 1,000 sheets, 5 million cells, 1 million shared strings, 256 MiB a part: far above a department's
        /// workbook (ten-odd sheets, a few thousand cells), far below what would exhaust a machine.
        public init(
            sheets: Int = 1_000, cells: Int = 5_000_000, sharedStrings: Int = 1_000_000, partSize: Int = 256 << 20,
            zip: ZipReader.Limits = ZipReader.Limits(), xml: XMLLimits = XMLLimits()
        ) {
            self.sheets = sheets
            self.cells = cells
            self.sharedStrings = sharedStrings
            self.partSize = partSize
            self.zip = zip
            self.xml = xml
        }
    }

    /// The workbook in `bytes` (the whole .xlsx file).
    public static func read(bytes: [UInt8], limits: Limits = Limits()) throws(XlsxReadError) -> SpreadsheetWorkbook {
        let package = try XlsxPackage(bytes: bytes, limits: limits)
        let workbookPart =
            try package.relationships(of: "").first(typeEndingWith: "officeDocument")?.part
            ?? "xl/workbook.xml"
        guard let (workbookName, workbookBytes) = try package.part(workbookPart) else {
            throw .missingPart(workbookPart)
        }
        let relationships = try package.relationships(of: workbookName)
        let workbook = try WorkbookPart(bytes: workbookBytes, part: workbookName, limits: limits)

        var sharedStrings: [String] = []
        if let stringsPart = relationships.first(typeEndingWith: "sharedStrings")?.part {
            guard let (name, bytes) = try package.part(stringsPart) else { throw .missingPart(stringsPart) }
            sharedStrings = try SharedStringsPart.read(bytes: bytes, part: name, limits: limits)
        }

        var cellBudget = limits.cells
        var sheets: [SpreadsheetSheet] = []
        for entry in workbook.sheets {
            guard let relationship = relationships.relationship(id: entry.relationshipId) else {
                throw .content(entry.location, .unknownRelationship(entry.relationshipId))
            }
            guard relationship.type.hasSuffix("/worksheet") else {
                sheets.append(SpreadsheetSheet(name: entry.name, visibility: entry.visibility, kind: .other))
                continue
            }
            guard let target = relationship.part, let (part, bytes) = try package.part(target) else {
                throw .missingSheet(sheet: entry.name, part: relationship.part ?? "")
            }
            var sheet = try WorksheetPart.read(
                bytes: bytes, part: part, sheet: entry.name, sharedStrings: sharedStrings, cellBudget: &cellBudget,
                limits: limits)
            sheet.visibility = entry.visibility
            sheets.append(sheet)
        }
        return SpreadsheetWorkbook(sheets: sheets, date1904: workbook.date1904)
    }
}

/// The ZIP of an .xlsx file, its parts looked up by name the way OPC compares them (ASCII case ignored).
struct XlsxPackage {
    let zip: ZipReader
    let limits: XlsxReader.Limits
    private let entriesByLowercasedName: [String: ZipReader.Entry]

    init(bytes: [UInt8], limits: XlsxReader.Limits) throws(XlsxReadError) {
        do {
            zip = try ZipReader(bytes: bytes, limits: limits.zip)
        } catch {
            throw .zip(error)
        }
        self.limits = limits
        var entries: [String: ZipReader.Entry] = [:]
        for entry in zip.entries { entries[entry.name.lowercased()] = entries[entry.name.lowercased()] ?? entry }
        entriesByLowercasedName = entries
    }

    /// The part `name` (its name as the ZIP spells it) and its bytes, or nil when the package has no such part.
    func part(_ name: String) throws(XlsxReadError) -> (name: String, bytes: [UInt8])? {
        guard let entry = zip.entry(named: name) ?? entriesByLowercasedName[name.lowercased()] else { return nil }
        guard entry.uncompressedSize <= limits.partSize else {
            throw .content(.init(part: entry.name, line: 1, column: 1), .partTooLarge(limit: limits.partSize))
        }
        do {
            return (entry.name, try zip.data(of: entry))
        } catch {
            throw .zip(error)
        }
    }

    /// The relationships of `source` ("" for the package); none when it has no relationships part.
    func relationships(of source: String) throws(XlsxReadError) -> PackageRelationships {
        guard let (name, bytes) = try part(PackageRelationships.partName(for: source)) else {
            return PackageRelationships()
        }
        do {
            return try PackageRelationships(bytes: bytes, part: name, source: source)
        } catch {
            throw .xml(error)
        }
    }
}

extension XlsxReadError: XMLReadingError {
    public init(_ error: XMLError) { self = .xml(error) }
}

/// `xl/workbook.xml`: the sheets in order, with name, state and relationship id.
struct WorkbookPart {
    struct Sheet {
        var name: String
        var visibility: SpreadsheetSheet.Visibility
        var relationshipId: String
        var location: XlsxReadError.Location
    }

    var sheets: [Sheet] = []
    var date1904 = false

    init(bytes: [UInt8], part: String, limits: XlsxReader.Limits) throws(XlsxReadError) {
        var parser = try XMLPullParser.reading(bytes, part: part, limits: limits.xml)
        let root = try XlsxReadError.xml { () throws(XMLError) in try parser.root() }
        guard root.local == "workbook" else {
            throw .content(parser.location(of: root), .notAWorkbook(root: root.local))
        }
        var sheets: [Sheet] = []
        var date1904 = false
        var names = Set<String>()
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            switch tag.local {
            case "workbookPr":
                date1904 = XlsxValue.bool(parser.attribute(static: "date1904")) ?? false
            case "sheets":
                try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
                    guard tag.local == "sheet" else { return }
                    let location = parser.location(of: tag)
                    guard let name = parser.attribute("name") else {
                        throw .content(location, .missingAttribute(element: "sheet", attribute: "name"))
                    }
                    // r:id, in the relationships namespace (transitional or strict).
                    guard let id = parser.attributes.first(where: { $0.local == "id" && !$0.namespace.isEmpty })?.value
                    else { throw .content(location, .missingAttribute(element: "sheet", attribute: "r:id")) }
                    guard names.insert(name.lowercased()).inserted else {
                        throw .content(location, .duplicateSheetName(name))
                    }
                    guard sheets.count < limits.sheets else {
                        throw .content(location, .tooManySheets(limit: limits.sheets))
                    }
                    let visibility: SpreadsheetSheet.Visibility =
                        switch parser.attribute("state") {
                        case "hidden": .hidden
                        case "veryHidden": .veryHidden
                        default: .visible
                        }
                    sheets.append(Sheet(name: name, visibility: visibility, relationshipId: id, location: location))
                }
            default:
                return
            }
        }
        guard !sheets.isEmpty else { throw .content(parser.location(of: root), .noSheets) }
        self.sheets = sheets
        self.date1904 = date1904
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, rich-text runs joined, phonetic runs left out.
enum SharedStringsPart {
    static func read(bytes: [UInt8], part: String, limits: XlsxReader.Limits) throws(XlsxReadError) -> [String] {
        var parser = try XMLPullParser.reading(bytes, part: part, limits: limits.xml)
        _ = try XlsxReadError.xml { () throws(XMLError) in try parser.root() }
        var strings: [String] = []
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            guard tag.local == "si" else { return }
            guard strings.count < limits.sharedStrings else {
                throw .content(parser.location(of: tag), .tooManyStrings(limit: limits.sharedStrings))
            }
            strings.append(try XlsxValue.richText(&parser))
        }
        return strings
    }
}

/// Reading values the SpreadsheetML way.
enum XlsxValue {
    /// A row number's digits (no sign, no leading zero, at most 7 digits) as a number; nil for anything else.
    static func positiveInteger(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 7, digits[0] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// `1`/`true` or `0`/`false`; nil for anything else or no attribute.
    static func bool(_ text: String?) -> Bool? {
        switch text {
        case "1", "true": true
        case "0", "false": false
        default: nil
        }
    }

    /// After the start of a string item (`<si>`, `<is>`): its text, from `<t>` or the `<t>` of each run `<r>`;
    /// phonetic runs (`<rPh>`) and properties are skipped. `_xHHHH_` escapes are decoded.
    static func richText(_ parser: inout XMLPullParser) throws(XlsxReadError) -> String {
        var text = ""
        try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
            switch tag.local {
            case "t":
                text += try XlsxReadError.xml { () throws(XMLError) in try parser.elementText() }
            case "r":
                try parser.forEachChild { (parser, tag) throws(XlsxReadError) in
                    guard tag.local == "t" else { return }
                    text += try XlsxReadError.xml { () throws(XMLError) in try parser.elementText() }
                }
            default:
                return
            }
        }
        return unescaped(text)
    }

    /// Decodes `_xHHHH_` (a UTF-16 code unit, as Excel writes control characters; `_x005F_` is `_`). A pair of
    /// escapes may be a surrogate pair; an escape that is no character is left as it is.
    static func unescaped(_ text: String) -> String {
        var text = text
        guard text.utf8.count >= 7, text.withUTF8({ $0.contains(UInt8(ascii: "_")) }) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 0
        func unit(at i: Int) -> UInt16? {
            guard i + 7 <= bytes.count, bytes[i] == UInt8(ascii: "_"), bytes[i + 1] == UInt8(ascii: "x"),
                bytes[i + 6] == UInt8(ascii: "_")
            else { return nil }
            return UInt16(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16)
        }
        while i < bytes.count {
            if let first = unit(at: i) {
                if UTF16.isLeadSurrogate(first), let second = unit(at: i + 7), UTF16.isTrailSurrogate(second) {
                    let value = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
                    output.append(contentsOf: String(Unicode.Scalar(value)!).utf8)
                    i += 14
                    continue
                }
                if let scalar = Unicode.Scalar(first) {
                    output.append(contentsOf: String(scalar).utf8)
                    i += 7
                    continue
                }
            }
            output.append(bytes[i])
            i += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension XMLPullParser {
    static func reading(_ bytes: [UInt8], part: String, limits: XMLLimits) throws(XlsxReadError) -> XMLPullParser {
        try XlsxReadError.xml { () throws(XMLError) in try XMLPullParser(bytes: bytes, part: part, limits: limits) }
    }

    /// Where `tag` is, for an error.
    func location(of tag: XMLStartTag, sheet: String? = nil, cell: CellAddress? = nil) -> XlsxReadError.Location {
        let (line, column) = location(of: tag.offset)
        return XlsxReadError.Location(part: part, line: line, column: column, sheet: sheet, cell: cell)
    }
}

extension XlsxReadError {
    /// Runs a parser call, its errors as `.xml`.
    static func xml<T>(_ body: () throws(XMLError) -> T) throws(XlsxReadError) -> T {
        do { return try body() } catch { throw .xml(error) }
    }
}
