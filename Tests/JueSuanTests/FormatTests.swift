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
