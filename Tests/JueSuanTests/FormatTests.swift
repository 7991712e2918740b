import Foundation
import Testing

@testable import JueSuan

@Suite struct FormatTests {
    @Test(arguments: [
        ("1.005", "1.01"), ("1.015", "1.02"), ("2.675", "2.68"), ("1.0049999", "1.00"), ("1.004", "1.00"),
        ("0.125", "0.13"), ("-1.005", "-1.01"), ("-2.675", "-2.68"), ("-0.004", "0.00"), ("-0.005", "-0.01"),
        ("0", "0.00"), ("0.1", "0.10"), ("7", "7.00"), ("2443.08", "2443.08"), ("72.95186", "72.95"),
        ("1000000000000", "1000000000000.00"), ("1000000000000.005", "1000000000000.01"),
        ("999999999999.995", "1000000000000.00"),
    ])
    func halfAwayFromZeroAtTwoDecimals(input: String, expected: String) {
        #expect(Format.amount(Amount(stringLiteral: input)) == expected)
    }

    @Test(arguments: [
        ("2443.08", "2,443.08"), ("999.99", "999.99"), ("1000", "1,000.00"), ("-1234567.891", "-1,234,567.89"),
        ("1000000000000", "1,000,000,000,000.00"), ("0", "0.00"), ("123456.785", "123,456.79"),
    ])
    func thousandsSeparators(input: String, expected: String) {
        #expect(Format.amount(Amount(stringLiteral: input), grouping: true) == expected)
    }

    @Test func percentages() {
        #expect(Format.percent(Decimal(string: "174.3228602383531")!) == "174.32%")
        #expect(Format.percent(Decimal(string: "98.7330")!) == "98.73%")
        #expect(Format.percent(Decimal(string: "0.004")!) == "0.00%")
        #expect(Format.percent(Decimal(100)) == "100.00%")
        #expect(Format.percent(Decimal(string: "22.365")!) == "22.37%")
    }

    @Test func exactLiteralsOnly() {
        #expect(Amount(exactly: "2443.08") == "2443.08")
        #expect(Amount(exactly: "-3") == Amount(-3))
        #expect(Amount(exactly: "---") == nil)
        #expect(Amount(exactly: "12abc") == nil)
        #expect(Amount(exactly: "1,234.5") == nil)
        #expect(Amount(exactly: ".5") == nil)
        #expect(Amount(exactly: "") == nil)
    }

    @Test func yuanConvertsExactly() {
        let amount = Amount(Decimal(string: "24430800.5")! / 10_000)
        #expect(amount == "2443.08005")
        #expect(Format.amount(amount) == "2443.08")
        #expect(Format.amount(Amount(Decimal(string: "50")! / 10_000)) == "0.01")
        #expect(Format.amount(Amount(Decimal(string: "49.99")! / 10_000)) == "0.00")
    }
}

@Suite struct ReasonTests {
    @Test func aTrailingFullStopIsNotDoubled() {
        #expect(ReasonView("工作量增加。", expected: true).text == "工作量增加")
        #expect(ReasonView("工作量增加。增加交流活动工作。 ", expected: false).text == "工作量增加。增加交流活动工作")
        #expect(ReasonView("厉行节约", expected: false).text == "厉行节约")
    }

    @Test func aMissingExpectedReasonPrintsThePlaceholder() {
        let missing = ReasonView(nil, expected: true)
        #expect(missing.show && missing.missing)
        #expect(missing.text == "（此处请补充内容）")
        let blank = ReasonView("  。", expected: true)
        #expect(blank.missing)
        let notExpected = ReasonView(nil, expected: false)
        #expect(!notExpected.show && !notExpected.missing)
    }

    @Test func yearOnYearForms() {
        #expect(ChangeView(YearOnYear(current: "9.23", prior: "28.95")).phrase == "比上年减少 19.72 万元，下降 68.12%")
        #expect(ChangeView(YearOnYear(current: "12.60", prior: 0)).phrase == "比上年增加 12.60 万元")
        #expect(ChangeView(YearOnYear(current: 0, prior: "149.97")).phrase == "比上年减少 149.97 万元，下降 100.00%")
        #expect(ChangeView(YearOnYear(current: 0, prior: 0)).phrase == "与上年持平")
        #expect(ChangeView(YearOnYear(current: "25.32", prior: "9.23")).phrase == "比上年增加 16.09 万元，增长 174.32%")
        // Equal at the printed precision is 持平 (amounts from 元 that round to the same cents).
        #expect(YearOnYear(current: "10.001", prior: "10.004") == .same)
        #expect(YearOnYear(current: "110", prior: "100").needsReason)
        #expect(!YearOnYear(current: "109.99", prior: "100").needsReason)
        #expect(YearOnYear(current: "1", prior: 0).needsReason)
    }
}

@Suite struct ChineseNumeralTests {
    @Test(arguments: [
        (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (15, "十五"), (20, "二十"), (21, "二十一"), (99, "九十九"),
        (100, "一百"), (101, "一百零一"), (110, "一百一十"), (115, "一百一十五"), (1000, "一千"), (1010, "一千零一十"),
        (1001, "一千零一"), (9999, "九千九百九十九"), (10_000, "10000"),
    ])
    func ordinals(value: Int, expected: String) {
        #expect(ChineseNumeral.of(value) == expected)
    }
}

/// `Format.number` rounds the decimal digits as text; it must give what rounding the `Decimal` gives.
@Suite struct FormatDigitsTests {
    @Test("Decimal's parts are read on this platform, so that the fast path is what the other test checks")
    func partsAreRead() throws {
        let parts = try #require(DecimalParts(Decimal(string: "-2443.085")!))
        #expect(parts.negative && parts.mantissa == 2_443_085 && parts.exponent == -3)
        #expect(DecimalParts(Decimal.nan) == nil)
        #expect(DecimalParts(Decimal(string: "123456789012345678901234567890")!) == nil)
        #expect(parts.scaledMagnitude(places: 2) == 244_309)
    }

    @Test("the same text as Decimal arithmetic for many values, places and grouping")
    func sameAsArithmetic() {
        var values = [
            "0", "-0.004", "-0.005", "0.5", "-0.5", "9.995", "-9.995", "99999.995", "0.0000001", "1e20", "-1e-20",
        ]
        values += ["123456789012345678901234567890.125", "-5e-3", "5e-3", "4.9999999999999999999999999999999999"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for _ in 0..<3000 {
            var digits = String(next(10) + 1)
            for _ in 0..<next(37) { digits += String(next(10)) }
            if next(3) == 0 { digits += "5" }  // ties
            let exponent = Int(next(30)) - 20
            values.append((next(2) == 0 ? "-" : "") + digits + "e\(exponent)")
        }
        for text in values {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                Issue.record("not a decimal: \(text)")
                continue
            }
            for places in 0...4 {
                for grouping in [false, true] {
                    #expect(
                        Format.number(value, places: places, grouping: grouping)
                            == Format.numberByArithmetic(value, places: places, grouping: grouping),
                        "\(text) places \(places) grouping \(grouping)")
                }
            }
        }
    }
}

/// Amounts in 万元 skip `Decimal` division by 1 where it changes nothing; it must give the division's bits.
@Suite struct AmountUnitTests {
    @Test("dividedByOne gives the bits of value / 1")
    func sameBitsAsDivision() {
        func bits(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        var texts = ["0", "-0", "0.00", "0e5", "1", "-1", "2443.08", "2443.10", "100", "1e3", "7.00", "-0.5", "1e-128"]
        texts += [
            "12345678901234567890123456789012345678", "18446744073709551615", "18446744073709551617", "1e30", "1e-30",
        ]
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for _ in 0..<5000 {
            var text = (next(2) == 0 ? "-" : "") + String(next(9) + 1)
            for _ in 0..<next(24) { text += String(next(10)) }
            if next(2) == 0 { text += "." + String(next(1000)) + (next(2) == 0 ? "0" : "") }
            if next(4) == 0 { text += "e\(Int(next(70)) - 35)" }
            texts.append(text)
        }
        for text in texts {
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { continue }
            #expect(bits(Amount.dividedByOne(value)) == bits(value / 1), "\(text)")
        }
    }
}

/// `Format.exact` is what the formatting helpers read back: every value, exactly (at most 20 decimals).
@Suite struct FormatExactTests {
    @Test func exactTextsReadBackAsTheSameValue() throws {
        var values = ["0", "-0.004", "2443.08", "2443.80", "1e20", "-1e-20", "0.00001", "12345678901234567890.5"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        for _ in 0..<2000 {
            var digits = next(2) == 0 ? "-" : ""
            digits += String(next(100_000_000))
            if next(2) == 0 { digits += "." + String(next(1_000_000)) }
            values.append(digits)
        }
        for text in values {
            let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
            let exact = Format.exact(value)
            #expect(Decimal(string: exact, locale: Locale(identifier: "en_US_POSIX")) == value, "\(text) → \(exact)")
            #expect(!exact.contains("e") && !exact.contains("E"), "\(exact)")
        }
        // A ratio is rounded at 20 decimals, once.
        #expect(Format.exact(Decimal(1) / Decimal(3)) == "0.33333333333333333333")
        #expect(Format.exact(Decimal(2) / Decimal(3)) == "0.66666666666666666667")
    }
}
