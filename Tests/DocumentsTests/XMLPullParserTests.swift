import Documents
import Testing

@Suite struct XMLPullParserTests {
    /// Every event as a line: `start {namespace}local a=v …`, `text "…"`, `end`.
    static func events(_ xml: String, limits: XMLLimits = XMLLimits()) throws(XMLError) -> [String] {
        try events(Array(xml.utf8), limits: limits)
    }

    static func events(_ bytes: [UInt8], limits: XMLLimits = XMLLimits()) throws(XMLError) -> [String] {
        var parser = try XMLPullParser(bytes: bytes, part: "xl/test.xml", limits: limits)
        var lines: [String] = []
        while let event = try parser.next() {
            switch event {
            case .start(let tag):
                let namespace = tag.namespace.isEmpty ? "" : "{\(tag.namespace)}"
                let attributes = parser.attributes.map {
                    " " + ($0.namespace.isEmpty ? "" : "{\($0.namespace)}") + "\($0.local)=\($0.value)"
                }
                lines.append("start \(namespace)\(tag.local)" + attributes.joined())
            case .end: lines.append("end")
            case .text(let text): lines.append("text \"\(text)\"")
            }
        }
        return lines
    }

    static func problem(_ xml: String, limits: XMLLimits = XMLLimits()) -> XMLError? {
        do {
            _ = try events(xml, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func elementsAttributesAndText() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- made by hand -->
            <worksheet xmlns="urn:main" xmlns:r="urn:rels" r:id="rId1" a='单引号'>
              <c r="A1" t="s"><v>12</v></c><c/>
              <t xml:space="preserve"> 收入 &amp; 支出 &lt;&gt;&quot;&apos; &#20013;&#x6587;&#x1F600; </t>
              <t><![CDATA[<b>&amp;</b>]]> and <?pi skipped?>more<!-- comment --></t>
            </worksheet>
            """
        let lines = try Self.events(xml).filter { !$0.hasPrefix("text \"\n") }
        #expect(
            lines == [
                "start {urn:main}worksheet {urn:rels}id=rId1 a=单引号",
                "start {urn:main}c r=A1 t=s", "start {urn:main}v", "text \"12\"", "end", "end",
                "start {urn:main}c", "end",
                "start {urn:main}t {http://www.w3.org/XML/1998/namespace}space=preserve",
                "text \" 收入 & 支出 <>\"' 中文😀 \"", "end",
                "start {urn:main}t", "text \"<b>&amp;</b>\"", "text \" and \"", "text \"more\"", "end",
                "end",
            ])
    }

    @Test func namespacesByPrefixDefaultAndScope() throws {
        // Some tools write `x:` prefixes; strict OOXML uses other namespace names. A declaration holds inside
        // its element only; an unprefixed attribute is in no namespace even under a default namespace.
        let xml = """
            <x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:c r="B2"/>\
            <inner xmlns="urn:d" xmlns:x="urn:other"><x:c/><c/></inner><c/></x:worksheet>
            """
        #expect(
            try Self.events(xml) == [
                "start {http://purl.oclc.org/ooxml/spreadsheetml/main}worksheet",
                "start {http://purl.oclc.org/ooxml/spreadsheetml/main}c r=B2", "end",
                "start {urn:d}inner", "start {urn:other}c", "end", "start {urn:d}c", "end", "end",
                "start c", "end", "end",
            ])
        var parser = try XMLPullParser(bytes: Array(#"<a xmlns:p="urn:p" p:k="1" k="2"/>"#.utf8), part: "p")
        _ = try parser.root()
        #expect(parser.attribute("k") == "2")
        #expect(parser.attribute("k", namespace: "urn:p") == "1")
        #expect(parser.attribute("missing") == nil)
        #expect(
            parser.attributes == [
                XMLAttribute(namespace: "urn:p", local: "k", value: "1"), XMLAttribute(local: "k", value: "2"),
            ])
        // Once the parser reads on, the attributes are gone.
        #expect(try parser.next() == .end)
        #expect(parser.attribute("k") == nil)
    }

    @Test func lineEndsAndAttributeWhiteSpace() throws {
        #expect(
            try Self.events("<a v=\"x\ty\r\nz\">1\r\n2\r3\n</a>") == ["start a v=x y z", "text \"1\n2\n3\n\"", "end"])
        #expect(try Self.events("\u{FEFF}<a>BOM</a>") == ["start a", "text \"BOM\"", "end"])
    }

    @Test func helpersForReadingStructure() throws {
        let xml = "<r><a>1<b>2</b>3</a><skip><x><y/></x></skip><c>4</c><d/></r>"
        var parser = try XMLPullParser(bytes: Array(xml.utf8), part: "p")
        _ = try parser.root()
        var seen: [String] = []
        try parser.forEachChild { (parser, tag) throws(XMLError) in
            switch tag.local {
            case "a", "c": seen.append("\(tag.local)=\(try parser.elementText())")
            case "skip": try parser.skipElement()
            default: seen.append(tag.local)  // left unread: skipped
            }
        }
        #expect(seen == ["a=123", "c=4", "d"])
        #expect(parser.depth == 0)
        #expect(try parser.next() == nil)
    }

    @Test func malformedXMLHasClearErrors() throws {
        func expectProblem(_ xml: String, _ problem: XMLError.Problem, line: Int, column: Int, _ comment: Comment) {
            let error = Self.problem(xml)
            #expect(error == XMLError(part: "xl/test.xml", line: line, column: column, problem: problem), comment)
        }
        expectProblem("<a><b></a>", .mismatchedEndTag(expected: "b", found: "a"), line: 1, column: 7, "crossed tags")
        expectProblem("<a>\n<b>", .unexpectedEnd(openElement: "b"), line: 2, column: 4, "unclosed")
        expectProblem("<a><b", .unexpectedEnd(openElement: "a"), line: 1, column: 6, "cut inside a tag")
        expectProblem("<a>x &nbsp; y</a>", .unknownEntity("nbsp"), line: 1, column: 6, "an HTML entity")
        expectProblem("<a>收入 & 支出</a>", .malformed("“&”后应当是实体名和“;”（文字“&”应写作 &amp;）"), line: 1, column: 7, "a bare &")
        expectProblem("<a>&#0;</a>", .invalidCharacterReference("#0"), line: 1, column: 4, "NUL")
        expectProblem("<a>&#xD800;</a>", .invalidCharacterReference("#xD800"), line: 1, column: 4, "a surrogate")
        expectProblem("<a>&#x110000;</a>", .invalidCharacterReference("#x110000"), line: 1, column: 4, "past Unicode")
        expectProblem(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<a>&lol2;</a>",
            .doctype, line: 2, column: 1, "billion laughs")
        expectProblem("<a><p:b/></a>", .unboundPrefix("p"), line: 1, column: 4, "unbound prefix")
        expectProblem("<a k=\"1\" k='2'/>", .duplicateAttribute("k"), line: 1, column: 10, "duplicate attribute")
        expectProblem("<a k=\"<\"/>", .malformed("属性值中不能有“<”"), line: 1, column: 7, "< in a value")
        expectProblem("<a k=1/>", .malformed("属性值应当用引号括起"), line: 1, column: 6, "unquoted")
        expectProblem("<a/><b/>", .notOneRoot, line: 1, column: 5, "two roots")
        expectProblem("text<a/>", .notOneRoot, line: 1, column: 1, "text before the root")
        expectProblem("  \n ", .notOneRoot, line: 2, column: 2, "no root")
        expectProblem("</a>", .malformed("结束标记 </a> 没有对应的开始标记"), line: 1, column: 1, "end without start")
        expectProblem("<a><!-- no end</a>", .unexpectedEnd(openElement: "a"), line: 1, column: 19, "open comment")
        expectProblem("<a><!ELEMENT a ANY></a>", .malformed("“<!”后应当是注释或 CDATA"), line: 1, column: 4, "a declaration")
        expectProblem(
            "<?xml version=\"1.0\" encoding=\"GB2312\"?><a/>", .unsupportedEncoding("GB2312"), line: 1, column: 1,
            "GB2312")
        expectProblem("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", .utf16, line: 1, column: 1, "declared UTF-16")
        let deep = String(repeating: "<d>", count: 300) + String(repeating: "</d>", count: 300)
        expectProblem(deep, .tooDeep(limit: 256), line: 1, column: 256 * 3 + 1, "300 levels")
        #expect(Self.problem(deep, limits: XMLLimits(depth: 300)) == nil)
        let many = "<a " + (0..<300).map { "k\($0)=\"\($0)\"" }.joined(separator: " ") + "/>"
        #expect(Self.problem(many)?.problem == .tooManyAttributes(limit: 256))
        // A duplicate among many attributes (found through hashes of the names) and among few.
        let manyWithDuplicate = "<a " + (0..<40).map { "k\($0)=\"\($0)\"" }.joined(separator: " ") + " k17=\"x\"/>"
        #expect(Self.problem(manyWithDuplicate)?.problem == .duplicateAttribute("k17"))
        let manyDistinct = "<a " + (0..<200).map { "k\($0)=\"\($0)\"" }.joined(separator: " ") + "/>"
        #expect(Self.problem(manyDistinct) == nil)
        #expect(try Self.events(manyDistinct).first?.hasSuffix(" k199=199") == true)
        #expect(
            Self.problem("<a>\n  <b>\n    <c></b>")?.description
                == "xl/test.xml 第 3 行第 8 列：结束标记 </b> 与开始标记 <c> 不匹配")
    }

    @Test func onlyUTF8IsRead() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(throws: XMLError(part: "x", line: 1, column: 1, problem: .utf16)) {
            try XMLPullParser(bytes: utf16, part: "x")
        }
        let withoutBOM: [UInt8] = Array("<a/>".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(throws: XMLError(part: "x", line: 1, column: 1, problem: .utf16)) {
            try XMLPullParser(bytes: withoutBOM, part: "x")
        }
        #expect(throws: XMLError(part: "xl/test.xml", line: 1, column: 4, problem: .invalidUTF8)) {
            try Self.events(Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8))
        }
        // Overlong, a surrogate, past U+10FFFF, a stray continuation byte, cut short: in text, a value, a name.
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE6, 0x94]] {
            for (before, after) in [("<a>", "</a>"), ("<a k=\"", "\"/>"), ("<a", "/>")] {
                do {
                    _ = try Self.events(Array(before.utf8) + bad + Array(after.utf8))
                    Issue.record("\(bad) after \(before) was read")
                } catch {
                    #expect(error.problem == .invalidUTF8, "\(bad) after \(before)")
                }
            }
        }
        #expect(try Self.events("<收入 金额=\"２４４３.０８\">中文😀</收入>") == ["start 收入 金额=２４４３.０８", "text \"中文😀\"", "end"])
    }

    /// Cut and damaged SpreadsheetML: an error or events, never a crash or a hang.
    @Test func damagedXMLNeverCrashes() {
        var xml = "<?xml version=\"1.0\"?><worksheet xmlns=\"urn:m\" xmlns:r=\"urn:r\"><sheetData>"
        for row in 1...8 {
            xml += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>\(row)</v></c><c r=\"B\(row)\"><f>A\(row)*2</f>"
            xml +=
                "<v>\(row * 2)</v></c><c t=\"inlineStr\"><is><t xml:space=\"preserve\">收入 &amp; \(row)</t></is></c></row>"
        }
        xml += "</sheetData><!-- end --><mergeCells count=\"1\"><mergeCell ref=\"A1:B2\"/></mergeCells></worksheet>"
        let bytes = Array(xml.utf8)
        #expect(throws: Never.self) { try Self.events(bytes) }
        var random = TestRandom(state: 5)
        var errors = 0
        for length in 0..<bytes.count - 1 {
            #expect(throws: XMLError.self) { try Self.events(Array(bytes.prefix(length))) }
        }
        for _ in 0..<2_000 {
            var damaged = bytes
            for _ in 0..<(1 + random.below(3)) { damaged[random.below(damaged.count)] = UInt8(random.below(256)) }
            do { _ = try Self.events(damaged) } catch { errors += 1 }
        }
        #expect(errors > 700)
    }
}
