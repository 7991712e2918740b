import Foundation
import Testing

@testable import JueSuan

/// Each class of bad input gets one clear message naming the JSON path and line:column.
@Suite struct InputLoaderTests {
    let minimal: String

    init() throws {
        minimal = try fixtureText("minimal.json")
    }

    /// Decodes `text` and returns the problems as printed.
    func problems(_ text: String) -> [String] {
        switch decodeInput(text, name: "dept.json") {
        case .success: return []
        case .failure(let error): return error.description.components(separatedBy: "\n")
        }
    }

    @Test func minimalFileDecodes() throws {
        let input = try decodeInput(minimal).get()
        #expect(input.year == 2024)
        #expect(input.department.name == "测试部门")
        #expect(input.subjects[0].income?.generalBudget == "10.5")
    }

    @Test("the checked tree decodes to what JSONDecoder decodes from the text, down to every Decimal's digits")
    func treeDecoderMatchesJSONDecoder() throws {
        let paths =
            samplePaths()
            + ["minimal.json", "kitchen-sink.json"].map { fixturesDirectory.appendingPathComponent($0).path }
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let fromTree = try InputLoader.decode(Array(data), fileName: path).get()
            let decoder = JSONDecoder()
            decoder.userInfo[.inputUnit] = fromTree.unit
            let fromText = try decoder.decode(DepartmentInput.self, from: data)
            #expect(fromTree == fromText, "\(path)")
            // Equal Decimals may still be stored differently (2443.1 / 2443.10); written out, they would differ.
            #expect(try InputLoader.encode(fromTree) == InputLoader.encode(fromText), "\(path)")
        }
    }

    @Test func malformedJSON() throws {
        #expect(problems("{\"year\": 2024,}") == ["dept.json:1:15: 错误：JSON 格式错误：“}”之前多了一个逗号"])
        #expect(
            problems("{\"year\": 2024\n\"unit\": 1}") == ["dept.json:2:1: 错误：JSON 格式错误：缺少逗号或“}”，实际是 “\"unit\": 1}”"])
        #expect(problems("") == ["dept.json:1:1: 错误：JSON 格式错误：文件为空，没有 JSON 内容"])
        #expect(problems("{\"a\": 1, \"a\": 2}") == ["dept.json:1:10: 错误：JSON 格式错误：字段 \"a\" 重复出现（第一次在 1:2）"])
        let keys = (1...20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(problems("{\(keys), \"k7\": 0}") == ["dept.json:1:204: 错误：JSON 格式错误：字段 \"k7\" 重复出现（第一次在 1:56）"])
        #expect(
            try JSONTreeParser.parse(#"["a\"b\u00e9\tc", "x\ny"]"#)
                == .array(
                    [
                        .string("a\"bé\tc", SourcePosition(line: 1, column: 2)),
                        .string("x\ny", SourcePosition(line: 1, column: 19)),
                    ],
                    SourcePosition(line: 1, column: 1)))
        // A syntax error inside a value names the value's path.
        #expect(problems("{\"a\": 012}") == ["dept.json:1:8: 错误：$.a：JSON 格式错误：数字格式错误：不能以 0 开头（如 012）"])
        #expect(
            problems("{\"a\": \"x\ny\"}") == ["dept.json:1:9: 错误：$.a：JSON 格式错误：字符串中不能直接换行（请写成 \\n），字符串从 1:7 开始"])
        #expect(
            problems("{\"a\": [1, {\"b\": tru}]}")
                == ["dept.json:1:17: 错误：$.a[1].b：JSON 格式错误：无法识别的值 “tru}]}”（字符串要用英文双引号括起来）"])
    }

    /// Numbers copied from a spreadsheet: JSON reads the comma as the end of the number, so without help the clerk
    /// would see an error about a field name. The message says what to write, at the number, with its path.
    @Test func thousandsSeparatorsAndDecimalCommas() {
        func amount(_ written: String) -> [String] {
            problems(minimal.replacingOccurrences(of: "\"generalBudget\": 10.5", with: "\"generalBudget\": \(written)"))
        }
        let at = "dept.json:5:80: 错误：$.subjects[0].income.generalBudget：JSON 格式错误：数字"
        #expect(amount("1,240.53") == [at + "“1,240.53”中有千位分隔符“,”：数字不加千位分隔符，写成 1240.53"])
        #expect(amount("12,345,678.90") == [at + "“12,345,678.90”中有千位分隔符“,”：数字不加千位分隔符，写成 12345678.90"])
        #expect(amount("1240,53") == [at + "“1240,53”用逗号作小数点：小数点要用“.”，写成 1240.53"])
        #expect(
            amount("1,240")
                == [at + "“1,240”中有千位分隔符“,”：数字不加千位分隔符，写成 1240（如果逗号是小数点，写成 1.240）"])
        // In quotes it is a string where a number belongs: the same advice.
        #expect(
            amount("\"1240,53\"")
                == [
                    "dept.json:5:80: 错误：$.subjects[0].income.generalBudget：类型错误：应为数字（金额），实际为字符串 \"1240,53\"："
                        + "数字不加引号；“1240,53”用逗号作小数点：小数点要用“.”，写成 1240.53"
                ])
        // A comma between numbers in an array is JSON's own.
        #expect(NumberTypo.advice("1240") == nil)
    }

    @Test func wrongType() {
        let text = minimal.replacingOccurrences(of: "\"inPost\": 1", with: "\"inPost\": \"66\"")
        #expect(
            problems(text) == [
                "dept.json:4:26: 错误：$.department.staff.inPost：类型错误：应为整数，实际为字符串 \"66\"：数字不加引号，写成 66"
            ])
        let amount = minimal.replacingOccurrences(
            of: "\"generalBudget\": 10.5", with: "\"generalBudget\": \"1,234.50\"")
        #expect(
            problems(amount) == [
                "dept.json:5:80: 错误：$.subjects[0].income.generalBudget：类型错误：应为数字（金额），实际为字符串 \"1,234.50\"："
                    + "数字不加引号；“1,234.50”中有千位分隔符“,”：数字不加千位分隔符，写成 1234.50"
            ])
    }

    @Test func missingRequiredField() {
        let text = minimal.replacingOccurrences(of: "\"year\": 2024, ", with: "")
        #expect(problems(text) == ["dept.json:1:1: 错误：缺少必填字段 \"year\"（决算年度）"])
        let nested = minimal.replacingOccurrences(of: "\"other\": 0, ", with: "")
        #expect(problems(nested) == ["dept.json:4:15: 错误：$.department.staff：缺少必填字段 \"other\"（其他人员）"])
    }

    @Test func unknownFieldSuggestsTheIntendedOne() {
        let text = minimal.replacingOccurrences(of: "\"year\"", with: "\"yaer\"")
        #expect(
            problems(text) == [
                "dept.json:1:1: 错误：缺少必填字段 \"year\"（决算年度）",
                "dept.json:2:23: 错误：$.yaer：未知字段 \"yaer\"（是否应为 \"year\"（决算年度）？）",
            ])
        let far = minimal.replacingOccurrences(of: "\"procurement\": {}", with: "\"procurement\": {\"zzz\": 1}")
        #expect(
            problems(far).first?.hasPrefix("dept.json:11:19: 错误：$.procurement.zzz：未知字段 \"zzz\"（可用字段：goods、works、")
                == true)
    }

    @Test func negativeCount() {
        let text = minimal.replacingOccurrences(of: "\"inPost\": 1", with: "\"inPost\": -1")
        #expect(problems(text) == ["dept.json:4:26: 错误：$.department.staff.inPost：不能为负数：-1"])
        let fraction = minimal.replacingOccurrences(of: "\"inPost\": 1", with: "\"inPost\": 1.5")
        #expect(problems(fraction) == ["dept.json:4:26: 错误：$.department.staff.inPost：应为整数，实际为 1.5"])
    }

    @Test func malformedSubjectCode() {
        let text = minimal.replacingOccurrences(of: "\"2010101\"", with: "\"20101a\"")
        #expect(problems(text) == ["dept.json:5:25: 错误：$.subjects[0].code：格式错误：应为 3、5 或 7 位数字的科目编码，实际为 \"20101a\""])
        let six = minimal.replacingOccurrences(of: "\"2010101\"", with: "\"201010\"")
        #expect(problems(six).count == 1)
    }

    @Test func unknownUnit() {
        let text = minimal.replacingOccurrences(of: "\"万元\"", with: "\"千元\"")
        #expect(problems(text) == ["dept.json:2:45: 错误：$.unit：取值只能是 \"万元\"、\"元\"，实际为 \"千元\""])
    }

    @Test func allProblemsAreReportedInFileOrder() {
        let text = minimal.replacingOccurrences(of: "\"万元\"", with: "\"千元\"")
            .replacingOccurrences(of: "\"inPost\": 1", with: "\"inPost\": -1")
        #expect(problems(text).count == 2)
        #expect(problems(text)[0].hasPrefix("dept.json:2:45"))
        #expect(problems(text)[1].hasPrefix("dept.json:4:26"))
    }

    @Test func unreadableFile() {
        guard case .failure(let error) = InputLoader.load(path: "/nonexistent/dept.json") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.description == "/nonexistent/dept.json: 错误：无法读取文件：文件不存在")
    }

    @Test func contentBlockWithTwoKeys() {
        let text = minimal.replacingOccurrences(
            of: "\"annex\": []", with: "\"annex\": [{\"heading\": \"a\", \"paragraph\": \"b\"}]")
        #expect(
            problems(text) == [
                "dept.json:15:13: 错误：$.annex[0]：内容块只能有一个字段（\"heading\"、\"paragraph\"、\"center\"、\"right\"、\"table\" 之一），实际有 2 个"
            ])
    }

    @Test func amountsInYuanConvertExactlyToWanYuan() throws {
        let text = minimal.replacingOccurrences(of: "\"万元\"", with: "\"元\"")
            .replacingOccurrences(of: "\"generalBudget\": 10.5", with: "\"generalBudget\": 24430800.01")
        let input = try decodeInput(text).get()
        #expect(input.subjects[0].income?.generalBudget == "2443.080001")
        // Round trip writes the amount back in 元.
        let encoded = String(decoding: try InputLoader.encode(input), as: UTF8.self)
        #expect(encoded.contains("\"generalBudget\" : 24430800.01"))
    }

    // Issue 14, row 7: an amount with more digits than `Decimal` keeps (38) was accepted and printed rounded
    // (…678.91 as …678.90). Amounts and scores are bounded where exact arithmetic still holds, with their place.
    @Test func amountsBeyondExactArithmeticAreRefusedWithTheirPlace() throws {
        func withAmount(_ amount: String) -> String {
            minimal.replacingOccurrences(of: "\"generalBudget\": 10.5", with: "\"generalBudget\": \(amount)")
        }
        let path = "dept.json:5:80: 错误：$.subjects[0].income.generalBudget："
        #expect(
            problems(withAmount("12345678901234567890123456789012345678.91"))
                == [path + "数字太大：整数部分最多 15 位，实际为 12345678901234567890123456789012345678.91"])
        #expect(problems(withAmount("1e200")) == [path + "数字太大：整数部分最多 15 位，实际为 1e200"])
        #expect(problems(withAmount("0.0000001")) == [path + "小数位太多：最多 6 位小数，实际为 0.0000001"])
        #expect(problems(withAmount("1e-99999999999")) == [path + "数字超出范围：1e-99999999999"])
        // The largest accepted amount stays exact, to the last digit.
        let largest = try decodeInput(withAmount("999999999999999.999999")).get()
        #expect(largest.subjects[0].income?.generalBudget == "999999999999999.999999")
        // Trailing zeros and exponents count by value, not by how they are written.
        #expect(problems(withAmount("10.500000000")) == [])
        #expect(problems(withAmount("1.5e14")) == [])
    }

    @Test func numberDigitsAreReadFromTheText() throws {
        let cases: [(String, Int, Int, Int)] = [
            ("0", 0, 0, 0), ("-0.000", 0, 0, 0), ("1234.5", 5, 4, 1), ("0.05", 1, 0, 2), ("1e3", 1, 4, 0),
            ("1.50", 2, 1, 1), ("1e-3", 1, 0, 3), ("120", 2, 3, 0), ("-12.340e+5", 4, 7, 0), ("12.34E-1", 4, 1, 3),
        ]
        for (text, significant, integer, fraction) in cases {
            let digits = try #require(NumberDigits(json: text), "\(text)")
            let counts: [Int] = [digits.significant, digits.integerDigits, digits.fractionDigits]
            #expect(counts == [significant, integer, fraction], "\(text)")
        }
        for text in ["", "-", "1.", ".5", "1e", "1e+", "0x1", "1 ", "1e1000000000"] {
            #expect(NumberDigits(json: text) == nil, "\(text)")
        }
        #expect(NumberDigits(json: "-12.340e+5")?.decimal == Decimal(-1_234_000))
        let exact = "12345678901234567890123456789012345678"
        #expect(NumberDigits(json: exact)?.decimal?.description == exact)
        #expect(NumberDigits(json: exact + "9")?.decimal == nil)
        #expect(NumberDigits(json: "1e127")?.decimal != nil)
        #expect(NumberDigits(json: "1e128")?.decimal == nil)
    }
}
