import Foundation

/// The sign, mantissa and exponent of a `Decimal` whose mantissa fits in 64 bits (amounts of money do), for
/// formatting without `Decimal` arithmetic or `description` (which divide the mantissa by ten for every digit).
///
/// Foundation does not make these parts public, so they are read from the 20-byte storage: one byte of exponent,
/// one byte holding the mantissa length (in 16-bit words) and the sign, two reserved bytes, then eight 16-bit
/// mantissa words, least significant first. How the second byte is packed differs between swift-foundation (length
/// in the high nibble, sign in bit 3) and the classic NSDecimal layout (length in the low nibble, sign in bit 4); the
/// packing that reproduces sample values is found once, and without one every `init` gives nil (callers then use
/// `Decimal` arithmetic). `Mustache.DecimalText` reads numbers the same way for the template engine.
struct DecimalParts: Equatable {
    var negative: Bool
    var mantissa: UInt64
    /// value = ±mantissa × 10^exponent.
    var exponent: Int

    private struct Packing {
        let lengthShift: UInt8
        let negativeBit: UInt8
    }

    private static let packings = [
        Packing(lengthShift: 4, negativeBit: 0x08),  // swift-foundation
        Packing(lengthShift: 0, negativeBit: 0x10),  // NSDecimal
    ]

    /// The packing of this platform, checked against values built from their parts.
    private static let packing: Packing? = {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        let samples: [(String, DecimalParts)] = [
            ("0", DecimalParts(negative: false, mantissa: 0, exponent: 0)),
            ("1.21", DecimalParts(negative: false, mantissa: 121, exponent: -2)),
            ("-12.345", DecimalParts(negative: true, mantissa: 12345, exponent: -3)),
            ("65536", DecimalParts(negative: false, mantissa: 65536, exponent: 0)),
            ("-4294967296.5", DecimalParts(negative: true, mantissa: 42_949_672_965, exponent: -1)),
            ("18446744073709551615", DecimalParts(negative: false, mantissa: UInt64.max, exponent: 0)),
            ("1e20", DecimalParts(negative: false, mantissa: 1, exponent: 20)),
        ]
        return packings.first { packing in
            samples.allSatisfy { text, parts in
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
                    let read = DecimalParts(value, packing)
                else { return false }
                // Equal values may be stored with trailing zeros in the mantissa: compare the values.
                return read == parts || read.normalized == parts
            }
        }
    }()

    /// nil for a mantissa longer than 64 bits, NaN, or an unknown storage layout.
    init?(_ value: Decimal) {
        guard let packing = Self.packing else { return nil }
        self.init(value, packing)
    }

    private init(negative: Bool, mantissa: UInt64, exponent: Int) {
        self.negative = negative
        self.mantissa = mantissa
        self.exponent = exponent
    }

    private init?(_ value: Decimal, _ packing: Packing) {
        guard
            let parts = withUnsafeBytes(
                of: value,
                { raw -> DecimalParts? in
                    let length = Int((raw[1] >> packing.lengthShift) & 0x0F)
                    let negative = raw[1] & packing.negativeBit != 0
                    guard length <= 4, length > 0 || !negative else { return nil }  // length 0 with the sign: NaN
                    var mantissa: UInt64 = 0
                    for word in 0..<length {
                        mantissa |=
                            UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * word, as: UInt16.self)) << (16 * word)
                    }
                    return DecimalParts(negative: negative, mantissa: mantissa, exponent: Int(Int8(bitPattern: raw[0])))
                })
        else { return nil }
        self = parts
    }

    /// Without trailing zeros in the mantissa.
    private var normalized: DecimalParts {
        var parts = self
        while parts.mantissa != 0 && parts.mantissa % 10 == 0 {
            parts.mantissa /= 10
            parts.exponent += 1
        }
        return parts
    }

    /// |value| × 10^places rounded half away from zero to an integer; nil if that passes 64 bits.
    func scaledMagnitude(places: Int) -> UInt64? {
        let shift = exponent + places
        if shift >= 0 {
            var result = mantissa
            for _ in 0..<shift {
                let (product, overflow) = result.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                result = product
            }
            return result
        }
        // Dividing by 10^20 or more leaves 0 and a remainder below half (the mantissa is below 1.9 × 10^19).
        guard -shift < 20 else { return 0 }
        var divisor: UInt64 = 1
        for _ in 0..<(-shift) { divisor *= 10 }
        let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
        return remainder >= divisor - remainder ? quotient + 1 : quotient
    }
}
