// Pieces shared by the .docx and .xlsx writers: the Open Packaging Conventions parts (content types, package
// relationships, core and app properties) and the ZIP layout with `[Content_Types].xml` first.

enum OfficePackage {
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// A part of the package: its path inside the ZIP and its XML.
    struct Part {
        var name: String
        var contentType: String?
        var xml: String
    }

    static let relationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml"
    static let officeDocumentRelationship =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Zips `parts` after `[Content_Types].xml` (built from their content types), `_rels/.rels` and docProps,
    /// compressed with `compression` (nil: stored).
    static func zip(
        mainPart: String, parts: [Part], properties: DocumentProperties, application: String,
        compression: Deflate.Level?
    ) throws(ZipArchive.Failure) -> [UInt8] {
        let all =
            parts + [
                Part(
                    name: "docProps/core.xml",
                    contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                    xml: coreProperties(properties)),
                Part(
                    name: "docProps/app.xml",
                    contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                    xml: appProperties(application: application)),
            ]
        var types = xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"\(relationshipsContentType)\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for part in all {
            if let type = part.contentType { types += "<Override PartName=\"/\(part.name)\" ContentType=\"\(type)\"/>" }
        }
        types += "</Types>"

        let rels = relationships([
            (officeDocumentRelationship, mainPart),
            (
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml"
            ),
            (relationshipNamespace + "/extended-properties", "docProps/app.xml"),
        ])

        var archive = ZipArchive(compression: compression)
        archive.add("[Content_Types].xml", text: types)
        archive.add("_rels/.rels", text: rels)
        for part in all { archive.add(part.name, text: part.xml) }
        return try archive.bytes()
    }

    /// A relationships part; ids are `rId1`, `rId2`, … in the order given.
    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        var xml = xmlDeclaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, relationship) in targets.enumerated() {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationship.type)\""
            xml += " Target=\"\(XMLText.escape(relationship.target))\"/>"
        }
        xml += "</Relationships>"
        return xml
    }

    static func coreProperties(_ properties: DocumentProperties) -> String {
        var xml = xmlDeclaration
        xml += "<cp:coreProperties"
        xml += " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
        xml += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if !properties.title.isEmpty { xml += "<dc:title>\(XMLText.escape(properties.title))</dc:title>" }
        if !properties.subject.isEmpty { xml += "<dc:subject>\(XMLText.escape(properties.subject))</dc:subject>" }
        if !properties.author.isEmpty { xml += "<dc:creator>\(XMLText.escape(properties.author))</dc:creator>" }
        if !properties.keywords.isEmpty {
            xml += "<cp:keywords>\(XMLText.escape(properties.keywords))</cp:keywords>"
        }
        if let date = w3cDate(properties.date) {
            xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(date)</dcterms:created>"
            xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(date)</dcterms:modified>"
        }
        xml += "</cp:coreProperties>"
        return xml
    }

    static func appProperties(application: String) -> String {
        var xml = xmlDeclaration
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        xml += " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        xml += "<Application>\(XMLText.escape(application))</Application><DocSecurity>0</DocSecurity>"
        xml += "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        xml += "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
        return xml
    }

    /// `date` as a W3CDTF timestamp for `dcterms:created`, or nil when it is not one: `YYYY-MM-DD` gets
    /// `T00:00:00Z`; `YYYY-MM-DDThh:mm[:ss[.s]]` needs `Z` or `±hh:mm`. Readers reject other forms.
    static func w3cDate(_ date: String) -> String? {
        let s = Array(date.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= s.count && s[range].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        func at(_ i: Int, _ c: Character) -> Bool { i < s.count && s[i] == c.asciiValue }
        guard digits(0..<4), at(4, "-"), digits(5..<7), at(7, "-"), digits(8..<10) else { return nil }
        if s.count == 10 { return date + "T00:00:00Z" }
        guard at(10, "T"), digits(11..<13), at(13, ":"), digits(14..<16) else { return nil }
        var i = 16
        if at(i, ":") {
            guard digits(i + 1..<i + 3) else { return nil }
            i += 3
            if at(i, ".") {
                i += 1
                let start = i
                while digits(i..<i + 1) { i += 1 }
                guard i > start else { return nil }
            }
        }
        if at(i, "Z") && i + 1 == s.count { return date }
        if (at(i, "+") || at(i, "-")) && digits(i + 1..<i + 3) && at(i + 3, ":") && digits(i + 4..<i + 6)
            && i + 6 == s.count
        {
            return date
        }
        return nil
    }
}
