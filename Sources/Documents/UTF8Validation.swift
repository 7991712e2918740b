// Checking bytes for well-formed UTF-8 (RFC 3629) before they become a string: Swift's `String(decoding:)` repairs
// silently, and `String(validating:)` is not specialised (a third of the XML parse went to its generic code).

enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8: no stray continuation bytes, overlong forms, surrogates or code
    /// points past U+10FFFF.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let end = bytes.count
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let count: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 1
            case 0xE0:
                count = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED:
                count = 2
                high = 0x9F
            case 0xF0:
                count = 3
                low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4:
                count = 3
                high = 0x8F
            default: return false
            }
            guard end - i > count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
            var k = 2
            while k <= count {
                if bytes[i + k] & 0xC0 != 0x80 { return false }
                k += 1
            }
            i += count + 1
        }
        return true
    }
}
