// Reading the relationship parts of an Open Packaging Conventions package (.xlsx, .docx): which part a source part
// points to, by relationship id or type, with targets resolved to part names inside the ZIP.

/// The relationships of one source part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`).
struct PackageRelationships {
    struct Relationship: Equatable {
        var id: String
        /// The type URI, e.g. `…/relationships/worksheet` (transitional or strict).
        var type: String
        /// The part it points to, resolved to a name in the ZIP (`xl/worksheets/sheet1.xml`); nil for an
        /// external target.
        var part: String?
    }

    var relationships: [Relationship] = []

    /// Where the relationships of `part` are: `_rels/.rels` for the package (""), `dir/_rels/name.rels` else.
    static func partName(for part: String) -> String {
        let (directory, name) = split(part)
        return directory + "_rels/" + name + ".rels"
    }

    /// Reads a relationships part of the source part `source` ("" for the package).
    init(bytes: [UInt8], part: String, source: String) throws(XMLError) {
        var parser = try XMLPullParser(bytes: bytes, part: part)
        _ = try parser.root()
        let base = Self.split(source).directory
        var relationships: [Relationship] = []
        try parser.forEachChild { (parser, tag) throws(XMLError) in
            guard tag.local == "Relationship", let id = parser.attribute("Id"), let target = parser.attribute("Target")
            else { return }
            let external = parser.attribute("TargetMode") == "External"
            relationships.append(
                Relationship(
                    id: id, type: parser.attribute("Type") ?? "",
                    part: external ? nil : Self.resolve(target, from: base)))
        }
        self.relationships = relationships
    }

    init() {}

    func relationship(id: String) -> Relationship? {
        relationships.first { $0.id == id }
    }

    /// The first relationship whose type ends with `/suffix` (`officeDocument`, `sharedStrings`): the transitional
    /// and the strict type URIs end alike.
    func first(typeEndingWith suffix: String) -> Relationship? {
        relationships.first { $0.type.hasSuffix("/" + suffix) }
    }

    /// A target as a part name: relative to `base` (a directory ending in `/`, or ""), or absolute from the
    /// package root (`/xl/…`); `.` and `..` resolved, `%XX` decoded, `\` read as `/`.
    static func resolve(_ target: String, from base: String) -> String {
        let target = Array(percentDecoded(target).utf8)
        let path =
            target.first == UInt8(ascii: "/") || target.first == UInt8(ascii: "\\") ? target : Array(base.utf8) + target
        var segments: [ArraySlice<UInt8>] = []
        for segment in path.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }) {
            if segment.elementsEqual(".".utf8) { continue }
            if segment.elementsEqual("..".utf8) {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        return String(decoding: Array(segments.joined(separator: [UInt8(ascii: "/")])), as: UTF8.self)
    }

    /// `xl/workbook.xml` → (`xl/`, `workbook.xml`).
    static func split(_ part: String) -> (directory: String, name: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[...slash]), String(part[part.index(after: slash)...]))
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
                let value = UInt8(String(decoding: utf8[i + 1...i + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
