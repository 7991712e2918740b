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
