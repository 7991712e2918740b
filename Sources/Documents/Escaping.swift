// Escaping shared by the HTML, docx and xlsx writers.

public enum XMLText {
    /// Whether a Unicode scalar may appear in XML 1.0 text.
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Removes characters XML 1.0 forbids (control characters other than TAB, LF, CR; U+FFFE; U+FFFF).
    public static func sanitize(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isAllowed) { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) { result.append(scalar) }
        return String(result)
    }

    /// Whether `text` has nothing to remove or escape: no control character other than TAB, LF and CR, no U+FFFE
    /// or U+FFFF (UTF-8 `EF BF BE` / `EF BF BF`) and none of `&` `<` `>` `"` `'`. One pass over the bytes; most
    /// texts are like this.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes {
                switch byte {
                case 0x09, 0x0A, 0x0D: break
                case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
                    UInt8(ascii: "'"):
                    return false
                case 0xBE...0xBF where previous == (0xEF, 0xBF): return false
                default: break
                }
                previous = (previous.1, byte)
            }
            return true
        }
    }

    /// Appends `escape(text)`.
    static func appendEscaped(_ text: String, to output: inout String) {
        if isPlain(text) {
            output += text
        } else {
            output += escape(text)
        }
    }

    /// Sanitises and escapes text for an XML/HTML text node or a double-quoted attribute value.
    public static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        let clean = sanitize(text)
        guard
            clean.utf8.contains(where: {
                $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                    || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
            })
        else {
            return clean
        }
        // By scalar, not by Character: `&` followed by a combining mark is one Character but still an `&` to XML.
        var result = String.UnicodeScalarView()
        for scalar in clean.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&apos;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
