/// How `{{name}}` escapes what it interpolates (`{{{name}}}` and `{{&name}}` never escape).
public struct Escaping: Sendable {
    enum Kind: Sendable {
        case none
        /// Replacements for ASCII bytes, indexed by byte (nil: kept).
        case table(ReplacementTable)
        case custom(@Sendable (String) -> String)
    }

    let kind: Kind

    /// Plain text: nothing is escaped.
    public static let none = Escaping(kind: .none)
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    public static let html = replacing(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
    /// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`.
    public static let xml = replacing(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"])

    /// Replaces single ASCII characters (e.g. `["\t": " ", "\r": " ", "\n": " "]`), as fast as `.html`: no closure
    /// call and no intermediate string per interpolation. Keys must be ASCII.
    public static func replacing(_ replacements: [Unicode.Scalar: String]) -> Escaping {
        var table = [[UInt8]?](repeating: nil, count: 128)
        for (scalar, replacement) in replacements {
            precondition(scalar.isASCII, "Escaping.replacing: \(scalar.escaped(asASCII: true)) is not ASCII")
            table[Int(scalar.value)] = Array(replacement.utf8)
        }
        return Escaping(kind: .table(ReplacementTable(table)))
    }

    /// Your own escaper, called once per escaped interpolation.
    public static func custom(_ escape: @escaping @Sendable (String) -> String) -> Escaping {
        Escaping(kind: .custom(escape))
    }

    /// Escapes `text` as an escaped interpolation would.
    public func escape(_ text: String) -> String {
        switch kind {
        case .none: return text
        case .custom(let escape): return escape(text)
        case .table:
            let output = OutputBuffer(capacity: text.utf8.count + 16)
            appendEscaped(text, to: output)
            return output.string()
        }
    }

    @inline(__always) func appendEscaped(_ text: String, to output: OutputBuffer) {
        switch kind {
        case .none: output.append(text)
        case .table(let table): table.appendEscaped(text, to: output)
        case .custom(let escape): output.append(escape(text))
        }
    }
}

/// Replacements for ASCII bytes. UTF-8 continuation and lead bytes are never ASCII, so a byte-wise scan is safe.
final class ReplacementTable: Sendable {
    private let replacements: [[UInt8]?]
    /// The smallest byte that has a replacement: most text is above it and is skipped with one comparison.
    private let lowest: UInt8
    private let highest: UInt8

    init(_ replacements: [[UInt8]?]) {
        self.replacements = replacements
        let bytes = replacements.indices.filter { replacements[$0] != nil }
        lowest = UInt8(bytes.min() ?? 128)
        highest = UInt8(bytes.max() ?? 0)
    }

    func appendEscaped(_ text: String, to output: OutputBuffer) {
        var text = text
        text.withUTF8 { buffer in
            var runStart = 0
            var position = 0
            let count = buffer.count
            while position < count {
                let byte = buffer[position]
                if byte >= lowest && byte <= highest, let replacement = replacements[Int(byte)] {
                    output.append(UnsafeBufferPointer(rebasing: buffer[runStart..<position]))
                    output.append(replacement)
                    runStart = position + 1
                }
                position += 1
            }
            output.append(UnsafeBufferPointer(rebasing: buffer[runStart..<count]))
        }
    }
}
