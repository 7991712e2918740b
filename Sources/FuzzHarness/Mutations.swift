// Mutators: bytes, JSON values, Mustache tags and markup lines. Each takes the seeded generator, so that a case is
// the same on every run of the same seed.
import Foundation
import JueSuan

/// Texts that the reader, the markup, the writers or a terminal could take for something other than text.
let hostileTexts = [
    "", " ", "{^}", "{<}", "\\{^}", "@p 注入", "@end", "@table", "\\", "a\\", " 前导", "尾随 ", "\u{301}组合", "\u{200D}连接",
    "\u{200C}x", "\u{FE0F}x", "\u{1B}[31m红\u{7}", "<script>alert(1)</script>", "&amp;", "=SUM(A1)", "+1", "-x", "\t制表",
    "换行\n第二行", "CR\r\nLF", "'\"", "{{name}}", "{{>report}}", "]]>", "a\u{0}b", "\u{FFFE}", "\u{FFFF}", "\u{202E}反向",
    "|管道|", "# 标题", "%2F", "甲/乙局", "..", ".", "../x", "CON", "名称\u{85}", String(repeating: "长", count: 300),
    String(repeating: "{{", count: 50), String(repeating: "x", count: 5_000),
]

/// Numbers that exact arithmetic, the range checks or a parser could get wrong.
let hostileNumbers = [
    "0", "-0", "1e400", "-1e400", "1e-400", "12345678901234567890123456789012345678.91", "999999999999999.999999",
    "1000000000000000", "0.0000001", "1.5e-7", "1E+2", "-1", "2147483648", "9223372036854775808", "0.1", "3.14159",
    "1e15", "-999999999999999", "100000000000000000000000000000000000000000000000000",
]

/// A byte-level view of a JSON text: where the values are, for structure-aware changes.
struct JSONValues {
    /// Byte ranges of every value (scalars and containers), in document order.
    var all: [Range<Int>] = []
    var strings: [Range<Int>] = []
    var numbers: [Range<Int>] = []
    /// Array elements, with the range of their array.
    var elements: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        var index = 0
        var stack: [(start: Int, isArray: Bool)] = []
        var expectingKey = false
        func skipString() {
            index += 1
            while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            index += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            let inArray = stack.last?.isArray == true
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append((index, byte == UInt8(ascii: "[")))
                expectingKey = byte == UInt8(ascii: "{")
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let open = stack.popLast() {
                    let range = open.start..<(index + 1)
                    all.append(range)
                    if stack.last?.isArray == true { elements.append(range) }
                }
                expectingKey = false
                index += 1
            case UInt8(ascii: "\""):
                let start = index
                skipString()
                let range = start..<min(index, bytes.count)
                if expectingKey {
                    expectingKey = false
                } else {
                    all.append(range)
                    strings.append(range)
                    if inArray { elements.append(range) }
                }
            case UInt8(ascii: ","):
                expectingKey = stack.last?.isArray == false
                index += 1
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                all.append(start..<index)
                numbers.append(start..<index)
                if inArray { elements.append(start..<index) }
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                let start = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "a"), bytes[index] <= UInt8(ascii: "z") {
                    index += 1
                }
                all.append(start..<index)
                if inArray { elements.append(start..<index) }
            default:
                index += 1
            }
        }
        all.sort { $0.lowerBound < $1.lowerBound }
    }
}

/// JSON text of a string.
func jsonString(_ text: String) -> [UInt8] {
    Array((try? JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed)) ?? Data("\"\"".utf8))
}

enum Mutate {
    /// Changes at the level of bytes: flips, insertions, deletions, copies, truncation, a byte order mark or
    /// bytes that are not UTF-8.
    static func bytes(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else {
            bytes = [random.pick([0x7B, 0x5B, 0x22, 0xFF])]
            return
        }
        let position = random.int(0...(bytes.count - 1))
        switch random.int(0...7) {
        case 0: bytes[position] ^= UInt8(1 << random.int(0...7))
        case 1:
            bytes.insert(
                random.pick([0x00, 0x0A, 0x0D, 0x09, 0x22, 0x5C, 0x2C, 0x7B, 0x7D, 0x5B, 0x5D, 0xFF, 0xC3, 0xE4]),
                at: position)
        case 2: bytes.removeSubrange(position..<min(bytes.count, position + random.int(1...64)))
        case 3:
            let end = min(bytes.count, position + random.int(1...256))
            bytes.insert(contentsOf: bytes[position..<end], at: random.int(0...bytes.count))
        case 4: bytes.removeSubrange(position...)
        case 5: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
        case 6: bytes.insert(contentsOf: [0xED, 0xA0, 0x80], at: position)  // a UTF-16 surrogate, not UTF-8
        default: bytes[position] = UInt8(ascii: "\"")
        }
    }

    /// Changes to one JSON value that keep the rest of the document intact: hostile strings and numbers, values of
    /// the wrong type, deep nesting, many copies of an element, a duplicated or removed element, a swapped value.
    static func json(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let values = JSONValues(bytes)
        guard !values.all.isEmpty else { return Mutate.bytes(&bytes, &random) }
        switch random.int(0...9) {
        case 0, 1, 2:
            guard !values.strings.isEmpty else { return }
            let target = random.pick(values.strings)
            var text = random.pick(hostileTexts)
            if random.chance(30) {
                // A string of the sample itself with a hostile part, so that codes and names stay near valid.
                let original =
                    (try? JSONSerialization.jsonObject(with: Data(bytes[target]), options: .fragmentsAllowed))
                    as? String ?? ""
                text = random.chance(50) ? original + text : text + original
            }
            bytes.replaceSubrange(target, with: jsonString(text))
        case 3, 4:
            guard !values.numbers.isEmpty else { return }
            bytes.replaceSubrange(random.pick(values.numbers), with: Array(random.pick(hostileNumbers).utf8))
        case 5:
            // A value of another type in its place.
            let target = random.pick(values.all)
            let other = random.pick(["null", "true", "[]", "{}", "\"\"", "0", "[[[]]]", "{\"a\":1,\"a\":2}"])
            bytes.replaceSubrange(target, with: Array(other.utf8))
        case 6:
            // Deep nesting around a value (the reader stops at 512 levels).
            let target = random.pick(values.all)
            let depth = random.pick([10, 100, 511, 513, 5_000])
            let open = random.chance(50) ? "[" : "{\"a\":"
            let close = open == "[" ? "]" : "}"
            bytes.replaceSubrange(
                target,
                with: Array(String(repeating: open, count: depth).utf8) + bytes[target]
                    + Array(String(repeating: close, count: depth).utf8))
        case 7:
            // Many copies of an array element: large inputs must stay linear.
            guard !values.elements.isEmpty else { return }
            let target = random.pick(values.elements)
            let copies = random.pick([2, 10, 200, 2_000])
            var copy: [UInt8] = []
            for _ in 0..<copies { copy += [UInt8(ascii: ",")] + bytes[target] }
            bytes.insert(contentsOf: copy, at: target.upperBound)
        case 8:
            // An element removed with the comma before it (the JSON may break: that is a case too).
            guard !values.elements.isEmpty else { return }
            let target = random.pick(values.elements)
            var start = target.lowerBound
            while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n") {
                start -= 1
            }
            if start > 0, bytes[start - 1] == UInt8(ascii: ",") { start -= 1 }
            bytes.removeSubrange(start..<target.upperBound)
        default:
            // One value copied over another.
            let source = random.pick(values.all)
            let target = random.pick(values.all)
            guard !source.overlaps(target) else { return }
            bytes.replaceSubrange(target, with: Array(bytes[source]))
        }
    }

    /// Tags and tag-like text for templates.
    static let tags = [
        "{{", "}}", "{{{", "}}}", "{{#department}}", "{{/department}}", "{{^department}}", "{{#year}}", "{{/year}}",
        "{{department}}", "{{{department}}}", "{{&year}}", "{{.}}", "{{!注释}}", "{{!", "{{=<% %>=}}", "<%year%>",
        "{{=| |=}}", "{{>report}}", "{{>standard}}", "{{>parts/toc}}", "{{>tables/t01}}", "{{<standard}}",
        "{{/standard}}", "{{$s7}}", "{{/s7}}", "{{$part1}}x{{/part1}}", "{{>*department}}", "{{>../x}}", "{{>/etc/x}}",
        "{{>nope}}", "{{#nope}}", "{{/nope}}", "{{a.b.c}}", "{{a..b}}", "{{ year }}", "{{#part3.s1}}", "{{/part3.s1}}",
        "{{#tables}}", "{{/tables}}", "{{#rows}}{{#rows}}", "{{/rows}}{{/rows}}", "{{*x}}", "{{/*x}}", "\r\n", "\r",
    ]

    /// Mustache-level changes: tags inserted, text removed or duplicated (a duplicated partial tag doubles the work
    /// of its level), ranges wrapped in deep sections, delimiter changes.
    static func template(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : random.int(0...bytes.count)
        switch random.int(0...7) {
        case 0, 1, 2: bytes.insert(contentsOf: Array(random.pick(tags).utf8), at: position)
        case 3:
            guard !bytes.isEmpty else { return }
            let start = random.int(0...(bytes.count - 1))
            bytes.removeSubrange(start..<min(bytes.count, start + random.int(1...80)))
        case 4:
            guard !bytes.isEmpty else { return }
            let start = random.int(0...(bytes.count - 1))
            let end = min(bytes.count, start + random.int(1...400))
            let copies = random.pick([1, 2, 8])
            for _ in 0..<copies { bytes.insert(contentsOf: bytes[start..<end], at: end) }
        case 5:
            let depth = random.pick([2, 50, 256, 257, 2_000, 12_100])
            let name = random.pick(["department", "year", "nope", "tables", "part3"])
            let end = min(bytes.count, position + random.int(0...200))
            bytes.insert(contentsOf: Array(String(repeating: "{{/\(name)}}", count: depth).utf8), at: end)
            bytes.insert(contentsOf: Array(String(repeating: "{{#\(name)}}", count: depth).utf8), at: position)
        case 6:
            bytes.insert(
                contentsOf: Array("{{>\(random.pick(["report", "standard", "parts/part5", "shared/block"]))}}".utf8),
                at: position)
        default: Mutate.bytes(&bytes, &random)
        }
    }

    /// Markup lines (docs/MARKUP.md) with mistakes and edge cases.
    static let markupLines = [
        "@table", "@end", "@table sheet=公开01表", "@table sheet=a/b id=t01", "@table landscape landscape", "@columns l l",
        "@columns rn:0 c:-1", "@columns", "@head 甲\t{<}", "@row {^}\t{<}", "@row a\tb\tc\td\te", "@row", "@caption",
        "@pre 前言", "@note", "@h1#x 标题", "@h1#x 重复锚点", "@toc1#missing 目录", "@title", "@p", "@pagebreak x",
        "@property date 2025", "@property title", "@property title 重复", "@property nope x", "@h4 x", "@P x", "@p\tx",
        "\t@p 缩进", "不是指令", "@", "@row \u{301}x\t\u{200D}y", "@center  ", "@p \\ ", "@p \\{^}",
    ]

    /// Markup-level changes to a template: directive lines inserted, removed, duplicated or split.
    static func markup(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let position = random.int(0...lines.count)
        switch random.int(0...5) {
        case 0, 1, 2: lines.insert(random.pick(markupLines), at: position)
        case 3: if position < lines.count { lines.remove(at: position) }
        case 4: if position < lines.count { lines.insert(lines[position], at: position) }
        default:
            if position < lines.count, !lines[position].isEmpty {
                var line = Array(lines[position].utf8)
                line.insert(random.pick([0x09, 0x0D, 0x20]), at: random.int(0...line.count))
                lines[position] = String(decoding: line, as: UTF8.self)
            }
        }
        bytes = Array(lines.joined(separator: "\n").utf8)
    }
}
