/// How `{{name}}` escapes what it interpolates (`{{{name}}}` and `{{&name}}` never escape).
public struct Escaping: Sendable {
    enum Kind: Sendable {
        case none
        case html
        case xml
        case custom(@Sendable (String) -> String)
    }

    let kind: Kind

    /// Plain text: nothing is escaped.
    public static let none = Escaping(kind: .none)
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    public static let html = Escaping(kind: .html)
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`.
    public static let xml = Escaping(kind: .xml)

    /// Your own escaper, called once per escaped interpolation.
    public static func custom(_ escape: @escaping @Sendable (String) -> String) -> Escaping {
        Escaping(kind: .custom(escape))
    }

    /// Escapes `text` as an escaped interpolation would.
    public func escape(_ text: String) -> String {
        switch kind {
        case .none: return text
        case .custom(let escape): return escape(text)
        case .html, .xml:
            let output = OutputBuffer(capacity: text.utf8.count + 16)
            appendEscaped(text, to: output)
            return output.string()
        }
    }

    @inline(__always) func appendEscaped(_ text: String, to output: OutputBuffer) {
        switch kind {
        case .none: output.append(text)
        case .html: appendMarkupEscaped(text, to: output, apostrophe: htmlApostrophe)
        case .xml: appendMarkupEscaped(text, to: output, apostrophe: xmlApostrophe)
        case .custom(let escape): output.append(escape(text))
        }
    }
}

private let ampersandEntity = Array("&amp;".utf8)
private let lessThanEntity = Array("&lt;".utf8)
private let greaterThanEntity = Array("&gt;".utf8)
private let quoteEntity = Array("&quot;".utf8)
private let htmlApostrophe = Array("&#39;".utf8)
private let xmlApostrophe = Array("&apos;".utf8)

private func appendMarkupEscaped(_ text: String, to output: OutputBuffer, apostrophe: [UInt8]) {
    var text = text
    text.withUTF8 { buffer in
        var runStart = 0
        var position = 0
        let count = buffer.count
        while position < count {
            let byte = buffer[position]
            // Every special character is below `?` (0x3F); most text is not.
            if byte < 0x3F {
                let entity: [UInt8]?
                switch byte {
                case UInt8(ascii: "&"): entity = ampersandEntity
                case UInt8(ascii: "<"): entity = lessThanEntity
                case UInt8(ascii: ">"): entity = greaterThanEntity
                case UInt8(ascii: "\""): entity = quoteEntity
                case UInt8(ascii: "'"): entity = apostrophe
                default: entity = nil
                }
                if let entity {
                    output.append(UnsafeBufferPointer(rebasing: buffer[runStart..<position]))
                    output.append(entity)
                    runStart = position + 1
                }
            }
            position += 1
        }
        output.append(UnsafeBufferPointer(rebasing: buffer[runStart..<count]))
    }
}
