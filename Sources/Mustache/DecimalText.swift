import Foundation

/// Writes a `Decimal`'s text (exactly what `description` gives) into a byte buffer without the cost of
/// `description`, which builds and reverses intermediate strings and dominated render time with many numbers.
///
/// `Decimal` is 20 bytes: one byte of exponent, one byte holding the mantissa length (in 16-bit words) and the
/// sign, two reserved bytes, then eight 16-bit mantissa words, least significant first. How the second byte is
/// packed differs between swift-foundation (Linux: length in the high nibble, sign in bit 3) and the classic
/// NSDecimal layout (length in the low nibble, sign in bit 4). The fast path reads the mantissa when it fits in
/// 64 bits, using whichever packing reproduces `description` on sample values, checked once; if neither does,
/// or for longer mantissas, it falls back to `description`.
enum DecimalText {
    private struct Packing {
        let lengthShift: UInt8
        let negativeBit: UInt8
    }

    private static let packings = [
        Packing(lengthShift: 4, negativeBit: 0x08),  // swift-foundation
        Packing(lengthShift: 0, negativeBit: 0x10),  // NSDecimal
    ]

    static func append(_ value: Decimal, to output: OutputBuffer) {
        if let packing, appendFast(value, packing, to: output) { return }
        output.append(value.description)
    }

    static func string(_ value: Decimal) -> String {
        let output = OutputBuffer(capacity: 24)
        append(value, to: output)
        return output.string()
    }

    /// Whether the fast path is in use on this platform.
    static var isFast: Bool { packing != nil }

    private static let packing: Packing? = {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let samples = [
            "0", "1", "-1", "1.21", "-12.345", "0.001", "-0.5", "1000", "1e20", "65536", "-4294967296",
            "18446744073709551615", "123.456e-10",
        ].compactMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        return packings.first { packing in
            samples.count == 13
                && samples.allSatisfy { value in
                    let output = OutputBuffer(capacity: 24)
                    return appendFast(value, packing, to: output) && output.string() == value.description
                }
        }
    }()

    private static func appendFast(_ value: Decimal, _ packing: Packing, to output: OutputBuffer) -> Bool {
        withUnsafeBytes(of: value) { raw -> Bool in
            let exponent = Int(Int8(bitPattern: raw[0]))
            let length = Int((raw[1] >> packing.lengthShift) & 0x0F)
            let isNegative = raw[1] & packing.negativeBit != 0
            guard length <= 4 else { return false }
            var mantissa: UInt64 = 0
            for word in 0..<length {
                mantissa |= UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * word, as: UInt16.self)) << (16 * word)
            }
            if mantissa == 0 {
                // Length 0 with the sign set is NaN.
                guard !isNegative else { return false }
                output.append(UInt8(ascii: "0"))
                return true
            }
            // Digits, least significant first.
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                while mantissa > 0 {
                    buffer[count] = UInt8(truncatingIfNeeded: mantissa % 10) + UInt8(ascii: "0")
                    mantissa /= 10
                    count += 1
                }
            }
            if isNegative { output.append(UInt8(ascii: "-")) }
            withUnsafeBytes(of: &digits) { buffer in
                if exponent >= 0 {
                    for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
                    for _ in 0..<exponent { output.append(UInt8(ascii: "0")) }
                    return
                }
                let fractionDigits = -exponent
                if count > fractionDigits {
                    for index in stride(from: count - 1, through: fractionDigits, by: -1) {
                        output.append(buffer[index])
                    }
                    output.append(UInt8(ascii: "."))
                    for index in stride(from: fractionDigits - 1, through: 0, by: -1) { output.append(buffer[index]) }
                } else {
                    output.append(UInt8(ascii: "0"))
                    output.append(UInt8(ascii: "."))
                    for _ in 0..<(fractionDigits - count) { output.append(UInt8(ascii: "0")) }
                    for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
                }
            }
            return true
        }
    }
}
