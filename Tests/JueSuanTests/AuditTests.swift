import Documents
import Foundation
import Testing

@testable import JueSuan

/// `juesuan audit` on the three published seeds (every arithmetic error docs/fidelity lists is found with its
/// figures, no rounding tail is an error), on reports the generator wrote (the generator and the auditor agree),
/// and on reports with one figure changed (exactly one error, at that figure).
@Suite struct AuditTests {
    static let seeds = packageRoot.appendingPathComponent("../shared/seeds")

    static func seedPath(_ name: String) -> String { seeds.appendingPathComponent(name).path }
    static let s0 = seedPath("000_dad47c244a55f3db.txt")
    static let s2 = seedPath("002_fd22b88f1956ab5b.txt")
    static let s4 = seedPath("004_1a888e04f9942a64.txt")

    static func audit(_ path: String) throws -> AuditResult {
        try Auditor.audit(path: path).get()
    }

    static func audit(text: String, name: String = "report.txt") throws -> AuditResult {
        try Auditor.audit(PublishedReport(ReportFile.read(bytes: Array(text.utf8), name: name).get()))
    }

    /// `rule line stated→expected` of every finding of `severity`.
    static func summary(_ result: AuditResult, _ severity: Severity) -> [String] {
        result.findings.filter { $0.severity == severity }.map {
            "\($0.rule) \($0.line) \($0.stated ?? "")→\($0.expected ?? "")"
        }
    }

    // MARK: - The seeds, in full

    @Test func s0FindsItsFiveArithmeticErrors() throws {
        let result = try Self.audit(Self.s0)
        #expect(
            Self.summary(result, .fatal) == [
                "AU-04 458 14.39%→174.32%",  // §二 年末结转和结余: 16.09 ÷ (25.32 − 16.09)
                "AU-03 466 2354.95→2324.95",  // §三 年初预算数: the four 类 add up to 2324.95
                "AU-04 468 99.97%→99.75%",  // §三（一）1861.26 ÷ 1865.88
                "AU-04 482 9.97%→2.10%",  // §四（一）32.87 ÷ (1534.50 + 32.87)
                "AU-04 486 151.07%→228.75%",  // §四（三）361.15 ÷ (519.03 − 361.15)
            ])
        #expect(Self.summary(result, .warning) == ["AU-08 526 2→1"])  // 2 projects evaluated, 1 自评表
        #expect(result.count(.info) == 12)
        #expect(result.unread.isEmpty)
        let first = try #require(result.findings.first)
        #expect(first.place == "第三部分 二 年末结转和结余 比上年")
        #expect(first.computation == "16.09 ÷（25.32 − 16.09）× 100 = 174.32%")
        #expect(first.message == "第三部分 二 年末结转和结余 比上年：正文 14.39%，应为 174.32%（16.09 ÷（25.32 − 16.09）× 100 = 174.32%）")
    }

    @Test func s2FindsItsArithmeticErrorsAndReadsNotTheDuplicatedRows() throws {
        let result = try Self.audit(Self.s2)
        #expect(
            Self.summary(result, .fatal) == [
                "AU-04 428 0.00%→100.00%",  // §一 财政拨款收入 is all the income
                "AU-04 460 1%→0.22%",  // §四（三）0.21 ÷ (97.23 + 0.21)
                "AU-04 478 16.03%→19.09%",  // §五（三）0.21 ÷ (1.31 − 0.21), not ÷ 1.31
                "AU-08 573 100→97",  // 自评表 1 总分 分值
                "AU-08 573 96→99",  // 自评表 1 总分 得分
            ])
        #expect(Self.summary(result, .warning) == ["AU-08 551 5→≤ 3", "AU-08 572 97→100"])
        #expect(result.count(.info) == 14)
        // 公开05表 prints six rows twice, shifted by one (format-spec §8): listed, not read.
        #expect(result.unread.map(\.line) == [270, 271, 272, 273, 274, 275])
        #expect(result.unread.allSatisfy { $0.place == "公开05表" && $0.reason.contains("表内重复行") })
    }

    @Test func s4HasNoArithmeticErrorAndOneBaseWarning() throws {
        let result = try Self.audit(Self.s4)
        #expect(Self.summary(result, .fatal) == [])
        // 212.91 万元 “占项目支出总额的 100%”, while 公开03表 项目支出 is 182.84.
        #expect(Self.summary(result, .warning) == ["AU-08 484 100%→116.45%"])
        #expect(result.count(.info) == 26)
        #expect(result.unread.isEmpty)
    }

    /// Every line docs/fidelity marks 算术: a seed error is an error with its figures; a percentage computed from
    /// 元 data (a rounding tail) is at most a 提示.
    @Test(arguments: [
        // S0 (docs/fidelity/S0.md)
        ("000", "14.39%", "174.32%", true),  // 26
        ("000", "2354.95", "2324.95", true),  // 27
        ("000", "99.97%", "99.75%", true),  // 27
        ("000", "9.97%", "2.10%", true),  // 29
        ("000", "151.07%", "228.75%", true),  // 29
        ("000", "74.46%", "74.42%", false),  // 30
        ("000", "22.37%", "22.38%", false),  // 30
        ("000", "72.32%", "72.36%", false),  // 32
        ("000", "20.94%", "20.96%", false),  // 32
        ("000", "32.88%", "32.70%", false),  // 32
        // S2 (docs/fidelity/S2.md)
        ("002", "338.43", "338.44", false),  // 6, 14, 34: 01/04 类 208 against its printed 项
        ("002", "0.00%", "100.00%", true),  // 32
        ("002", "1%", "0.22%", true),  // 37
        ("002", "16.03%", "19.09%", true),  // 40
        ("002", "100", "97", true),  // 57
        ("002", "96", "99", true),  // 57
        // S4 (docs/fidelity/S4.md)
        // 25: 0.07 ÷ 14.82 = 0.47%, but 0.51% is reachable: 148851 元 this year, 148102 元 last year give a
        // change of 749 元 (0.07 万元) and 0.5057% (0.51%), last year printing 14.81.
        ("004", "0.51%", "0.47%", false),
        ("004", "35.34%", "35.33%", false),  // 26
        ("004", "134.47%", "134.44%", false),  // 28
        ("004", "142.95%", "143.15%", false),  // 29, 34
        ("004", "27.32%", "27.31%", false),  // 29
        ("004", "59.28%", "59.30%", false),  // 30
        ("004", "780.50%", "778.79%", false),  // 30
        ("004", "99.60%", "99.64%", false),  // 30
        ("004", "7.46%", "7.48%", false),  // 33
    ])
    func fidelityArithmetic(seed: String, stated: String, expected: String, isError: Bool) throws {
        let path = try #require([Self.s0, Self.s2, Self.s4].first { $0.contains("/\(seed)_") })
        let result = try Self.audit(path)
        let matching = result.findings.filter { $0.stated == stated && $0.expected == expected }
        #expect(!matching.isEmpty, "\(stated) → \(expected) not found")
        if isError {
            #expect(matching.contains { $0.severity == .fatal })
        } else {
            #expect(matching.allSatisfy { $0.severity == .info })
        }
    }

    // MARK: - The generator and the auditor agree

    /// Reports the generator wrote from synthetic departments: no error, nothing unread, and exactly the reasons the
    /// department left out (the validator's R-01…R-04) as warnings.
    @Test(arguments: Array(1...24))
    func renderedSyntheticReportHasNoError(index: Int) throws {
        let generated = SyntheticDepartments.generate(index: index, seed: 1)
        let checked = CheckedReport(generated.input)
        let report = try #require(checked.rendered)
        let text = String(decoding: try report.bytes(.txt), as: UTF8.self)
        let result = try Self.audit(text: text)
        #expect(result.count(.fatal) == 0, "\(Self.summary(result, .fatal))")
        #expect(result.unread.isEmpty, "\(result.unread)")
        #expect(result.tablesRead == 10)
        let reasons = result.findings.filter { $0.rule == AuditRules.reasons.id }
        #expect(reasons.count == generated.omittedReasons.count, "\(reasons.map(\.message))")
    }

    @Test(arguments: samplePaths())
    func renderedSampleHasNoError(path: String) throws {
        let checked = CheckedReport(try InputLoader.load(path: path).get())
        let report = try #require(checked.rendered)
        let result = try Self.audit(text: String(decoding: try report.bytes(.txt), as: UTF8.self))
        #expect(result.count(.fatal) == 0, "\(Self.summary(result, .fatal))")
        #expect(result.unread.isEmpty)
        // The warnings are the validator's (E-05, E-01, E-02, R-02 of the samples) — and S4's 项目支出总额 base.
        let warnings = checked.findings.filter { $0.severity == .warning }.count
        let baseWarnings = result.findings.filter { $0.place.contains("占项目支出总额") }.count
        #expect(result.count(.warning) == warnings + baseWarnings)
    }

    /// A report of another built-in format is read as far as its layout is the standard one and gives no false
    /// error: the central set's 三公 table, laid out across the page (预算数 and 决算数 side by side, no 行次), is
    /// listed as unread as a whole instead of its column-number row being read as 行次 1.
    /// The parts are told by their titles, not their numbers: the sichuan set's 第五部分 附表 holds the tables
    /// and its 第二部分 the 情况说明, and they are read as the standard set's are.
    @Test(arguments: samplePaths(), ["central", "sichuan"])
    func otherFormatsGiveNoFalseError(path: String, set: String) throws {
        let input = try InputLoader.load(path: path).get()
        let report = try #require(CheckedReport(input, templates: try ReportTemplates.builtIn(set)).rendered)
        let result = try Self.audit(text: String(decoding: try report.bytes(.txt), as: UTF8.self))
        #expect(result.count(.fatal) == 0, "\(Self.summary(result, .fatal))")
        // Places are in the report's own names: sichuan prints its tables as 附表1–9 and 情况说明 as 第二部分.
        let table09Name = set == "sichuan" ? "附表9" : "公开09表"
        let table09 = result.unread.filter { $0.place == table09Name }
        #expect(table09.count == 1)
        #expect(table09.first?.reason.contains("没有“项目、行次”排成的行") == true)
        // Tables 01–08 are found and read (table 10 is not in these nine-table formats).
        let unreadTables = Set(result.unread.map(\.place)).filter { $0.hasPrefix("公开") || $0.hasPrefix("附表") }
        #expect(unreadTables == [table09Name, PublicTable.t10.label])
        #expect(result.report.tables.keys.sorted() == [.t01, .t02, .t03, .t04, .t05, .t06, .t07, .t08])
        #expect(result.report.kind == (set == "sichuan" ? "单位决算" : "部门决算"))
        let notes = set == "sichuan" ? "第二部分" : "第三部分"
        let narrative = result.unread.filter { $0.place.hasPrefix("第") }
        #expect(!narrative.isEmpty && narrative.allSatisfy { $0.place.hasPrefix(notes) }, "\(narrative.map(\.place))")
    }

    /// The same report as a Word document reads as its text does.
    @Test func wordDocumentReadsAsTheText() throws {
        let checked = CheckedReport(try InputLoader.load(path: samplePaths()[0]).get())
        let report = try #require(checked.rendered)
        let text = try Self.audit(text: String(decoding: try report.bytes(.txt), as: UTF8.self))
        let docx = Auditor.audit(
            PublishedReport(try ReportFile.read(bytes: try report.bytes(.docx), name: "r.docx").get()))
        #expect(docx.report.file.kind == .docx)
        #expect(docx.tablesRead == 10)
        #expect(docx.unread.isEmpty)
        func key(_ finding: AuditFinding) -> String {
            "\(finding.rule) \(finding.severity) \(finding.place) \(finding.stated ?? "") \(finding.expected ?? "")"
        }
        #expect(docx.findings.map(key) == text.findings.map(key))
        #expect(docx.report.clauses.count == text.report.clauses.count)
        #expect(docx.report.file.lineText(12) == "第 12 段")
    }

    // MARK: - One figure changed

    /// A synthetic department's report with one figure replaced on the line `where` finds: exactly one error, on
    /// that line, at a place naming `place`.
    @Test(arguments: [
        ("02 表项级科目的财政拨款收入", "公开02表", 0),
        ("06 表 301 工资福利支出", "公开06表 301", 1),
        ("01 表本年收入合计", "公开01表 行 27", 2),
        ("第三部分 一 财政拨款收入占比", "第三部分 一 财政拨款收入 占比", 3),
        ("第三部分 二 基本支出金额", "第三部分 二 基本支出", 4),
        ("10 表主要负责人用车", "公开10表 行 3", 5),
        ("第三部分 五 公务接待费完成率", "第三部分 五 公务接待费 完成率", 6),
    ])
    func oneChangedFigureGivesOneError(what: String, place: String, mutation: Int) throws {
        let generated = SyntheticDepartments.generate(index: 3, seed: 1)
        let report = try #require(CheckedReport(generated.input).rendered)
        var lines = String(decoding: try report.bytes(.txt), as: UTF8.self).components(separatedBy: "\n")
        #expect(try Self.audit(text: lines.joined(separator: "\n")).count(.fatal) == 0)
        let changed = try #require(Self.mutate(&lines, mutation), "\(what)")
        let result = try Self.audit(text: lines.joined(separator: "\n"))
        let errors = result.findings.filter { $0.severity == .fatal }
        #expect(errors.count == 1, "\(what): \(errors.map(\.message))")
        #expect(errors.first?.line == changed, "\(what): \(errors.map(\.message))")
        #expect(errors.first?.place.hasPrefix(place) == true, "\(what): \(errors.map(\.place))")
    }

    /// Changes one figure; returns the (1-based) line changed.
    static func mutate(_ lines: inout [String], _ mutation: Int) -> Int? {
        func index(after marker: String, where predicate: (String) -> Bool) -> Int? {
            guard let start = lines.firstIndex(where: { $0.hasPrefix(marker) }) else { return nil }
            return lines[start...].firstIndex(where: predicate)
        }
        /// Adds `delta` to the `n`-th number (among numbers with a decimal point) of line `i`.
        func bump(_ i: Int, _ n: Int, by delta: Decimal = 10) -> Int? {
            var cells = lines[i].components(separatedBy: "\t")
            var seen = 0
            for (c, cell) in cells.enumerated() {
                guard let number = PrintedNumber(cell, line: 0), cell.contains(".") else { continue }
                if seen == n {
                    cells[c] = Format.amount(Amount(number.value + delta), grouping: cell.contains(","))
                    lines[i] = cells.joined(separator: "\t")
                    return i + 1
                }
                seen += 1
            }
            return nil
        }
        /// Adds `delta` to the number that follows `labels` (found one after the other) and precedes `unit` on line `i`.
        func replaceInText(_ i: Int, after labels: [String], unit: String, delta: Decimal) -> Int? {
            var start = lines[i].startIndex
            for label in labels {
                guard let range = lines[i].range(of: label, range: start..<lines[i].endIndex) else { return nil }
                start = range.upperBound
            }
            guard let unitRange = lines[i].range(of: unit, range: start..<lines[i].endIndex) else { return nil }
            let numberText = lines[i][start..<unitRange.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let number = PrintedNumber(numberText, line: 0) else { return nil }
            let replaced = Format.number(number.value + delta, places: number.places)
            lines[i].replaceSubrange(start..<unitRange.lowerBound, with: " \(replaced)" + (unit == "%" ? "" : " "))
            return i + 1
        }
        switch mutation {
        case 0:
            guard
                let i = index(
                    after: "公开 02 表", where: { $0.range(of: #"^[0-9]{7}\t"#, options: .regularExpression) != nil })
            else { return nil }
            return bump(i, 1)
        case 1:
            guard let i = index(after: "公开 06 表", where: { $0.hasPrefix("301\t") }) else { return nil }
            return bump(i, 0)
        case 2:
            guard let i = index(after: "公开 01 表", where: { $0.hasPrefix("本年收入合计\t") }) else { return nil }
            return bump(i, 0)
        case 3:
            guard let i = lines.firstIndex(where: { $0.hasPrefix("本年收入的具体构成") }) else { return nil }
            return replaceInText(i, after: ["财政拨款收入", "占"], unit: "%", delta: 1)
        case 4:
            guard let i = lines.firstIndex(where: { $0.hasPrefix("本年支出的具体构成") }) else { return nil }
            return replaceInText(i, after: ["基本支出"], unit: "万元", delta: 1)
        case 5:
            guard let i = index(after: "公开 10 表", where: { $0.contains("主要负责人用车\t") }) else { return nil }
            var cells = lines[i].components(separatedBy: "\t")
            guard let last = cells.indices.last, let count = Int(cells[last]) else { return nil }
            cells[last] = String(count + 1)
            lines[i] = cells.joined(separator: "\t")
            return i + 1
        case 6:
            guard let i = lines.firstIndex(where: { $0.hasPrefix("（三）公务接待费全年预算数") }) else { return nil }
            return replaceInText(i, after: ["完成全年预算的"], unit: "%", delta: 3)
        default:
            return nil
        }
    }

    // MARK: - Phrasing, head-counts, last year's chain

    /// S0 with one sentence changed: `replace` → `with` gives exactly the error `expected` (rule, line, stated →
    /// expected) besides the seed's own five.
    @Test(arguments: [
        // 上年不为 0 (12.60 − 2.60 = 10.00): a percentage is due.
        ("比上年增加 12.60 万元，主要原因：上年此项目", "比上年增加 2.60 万元，主要原因：上年此项目", "AU-05 488 比上年增加 2.60 万元→增长 26.00%"),
        // 由 0 增加: no percentage.
        ("比上年增加 12.60 万元，主要原因：上年此项目", "比上年增加 12.60 万元，增长 100.00%，主要原因：上年此项目", "AU-05 488 增长 100.00%→不写百分比"),
        // A completion rate on a zero budget.
        (
            "费全年预算数 0.00 万元，决算数 0.00 万元，主要原因：本年度", "费全年预算数 0.00 万元，决算数 0.00 万元，完成全年预算的 100.00%，主要原因：本年度",
            "AU-05 494 100.00%→不写完成率"
        ),
        // 离退休人员 is the two kinds together.
        ("离退休人员 80 人", "离退休人员 81 人", "AU-07 87 81→80"),
        // Last year's 年末 from 第三部分 二 is 500.00 off this year's 年初 (and last year's balance as much).
        ("比上年增加 16.09 万元，增长 14.39%", "比上年减少 483.91 万元，下降 95.03%", "AU-09 458 减少 483.91→增加 16.09"),
    ])
    func oneSentenceChanged(replace: String, with: String, expected: String) throws {
        let text = try String(contentsOfFile: Self.s0, encoding: .utf8)
        #expect(text.components(separatedBy: replace).count == 2, "\(replace)")
        let result = try Self.audit(text: text.replacingOccurrences(of: replace, with: with))
        let seedErrors = Self.summary(try Self.audit(Self.s0), .fatal)
        let errors = Self.summary(result, .fatal).filter { !seedErrors.contains($0) }
        #expect(errors == [expected])
    }

    // MARK: - Extraction damage and bad input

    /// A table's row printed in the next table (as pages of a PDF can interleave): not guessed, listed as unread.
    @Test func aRowInTheWrongTableIsUnread() throws {
        var lines = try String(contentsOfFile: Self.s0, encoding: .utf8).components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("2010102\t\t一般行政管理事务\t102.95\t102.95\t\t") })
        let moved = lines.remove(at: row)
        let into = try #require(lines.firstIndex { $0.hasPrefix("\t4\t\t四、公共安全支出") })
        lines.insert(moved, at: into)
        let result = try Self.audit(text: lines.joined(separator: "\n"))
        #expect(result.unread.contains { $0.place == "公开04表" && $0.text.hasPrefix("2010102") })
        // 公开03表 lost a row: its 款 no longer adds up, one error there.
        #expect(result.findings.contains { $0.severity == .fatal && $0.place.hasPrefix("公开03表 20101") })
    }

    /// A section heading the PDF split over two lines is still the heading.
    @Test func aSplitHeadingIsFound() throws {
        let text = try String(contentsOfFile: Self.s0, encoding: .utf8)
        let split = text.replacingOccurrences(
            of: "\n四、一般公共预算财政拨款基本支出决算情况说明\n", with: "\n四、一般公共预算财政拨款基本支出决算情况\n\n说明\n")
        #expect(split != text)
        let result = try Self.audit(text: split)
        #expect(result.unread.isEmpty)
        #expect(Self.summary(result, .fatal).count == 5)
        #expect(result.report.clause("s4.wages")?.figures["amount"]?.text == "1534.50")
    }

    @Test func whatIsNotAReportIsSaidClearly() throws {
        // Bytes that are neither UTF-8 nor a Word document.
        let binary = ReportFile.read(bytes: [0xFF, 0x00, 0x81, 0x9C, 0xC3], name: "x.pdf")
        #expect(throws: ReportReadError.self) { try binary.get() }
        if case .failure(let error) = binary { #expect(error.message.contains("不是 UTF-8 编码的文本")) }
        // A ZIP that is not a Word document (a workbook).
        let workbook = try DepartmentWorkbook.bytes(DepartmentWorkbook.blank(year: 2024))
        if case .failure(let error) = ReportFile.read(bytes: workbook, name: "x.docx") {
            #expect(error.message.hasPrefix("无法读取 Word 文档"))
        } else {
            Issue.record("a workbook read as a Word document")
        }
        // Text that is no report: every part listed as not found, nothing audited, no crash.
        let result = try Self.audit(text: "这是一封信。\n\n你好！\n")
        #expect(result.findings.isEmpty)
        #expect(result.unread.filter { $0.reason.contains("找不到") }.count == 5)
        // A report cut short (S0's first 300 lines): the parts that are there are audited.
        let half = try String(contentsOfFile: Self.s0, encoding: .utf8).components(separatedBy: "\n").prefix(300)
        let cut = try Self.audit(text: half.joined(separator: "\n"))
        #expect(cut.count(.fatal) == 0)
        #expect(cut.unread.contains { $0.place.hasPrefix("第三部分") })
    }

    /// Seeds damaged at random (lines dropped, duplicated, cut, cells merged, characters replaced): every one is
    /// read and audited without a crash, every finding has a place and a message, every line it names exists.
    @Test func damagedReportsAreAuditedWithoutACrash() throws {
        var random = SplitMix64(state: 16)
        let seeds = try [Self.s0, Self.s2, Self.s4].map { try String(contentsOfFile: $0, encoding: .utf8) }
        for round in 0..<36 {
            var lines = seeds[round % 3].components(separatedBy: "\n")
            for _ in 0..<random.int(1...40) {
                let index = random.int(0...(lines.count - 1))
                switch random.int(0...5) {
                case 0: lines.remove(at: index)
                case 1: lines.insert(lines[index], at: index)
                case 2: lines[index] = String(lines[index].prefix(random.int(0...max(0, lines[index].count))))
                case 3: lines[index] = lines[index].replacingOccurrences(of: "\t", with: random.chance(50) ? "" : "  ")
                case 4:
                    var characters = Array(lines[index])
                    if !characters.isEmpty {
                        characters[random.int(0...(characters.count - 1))] = random.pick(["9", "。", "\t", "-", "（"])
                    }
                    lines[index] = String(characters)
                default: lines.swapAt(index, random.int(0...(lines.count - 1)))
                }
                if lines.isEmpty { lines = [""] }
            }
            let result = try Self.audit(text: lines.joined(separator: "\n"))
            for finding in result.findings {
                #expect(!finding.place.isEmpty && !finding.message.isEmpty)
                #expect(finding.line >= 0 && finding.line <= lines.count)
            }
            if round % 6 == 0 { _ = ReportImport.department(from: result.report) }
        }
    }

    /// Headings out of order read without a crash (the fuzz harness found one, seed 41 case 26023): 九（三）部门评价
    /// before 九（二）自评情况, and a 自评表 whose 实际完成情况 column comes before its 预期目标 column.
    @Test func headingsOutOfOrderAreReadWithoutACrash() throws {
        let text = try String(contentsOfFile: Self.s0, encoding: .utf8)
        let original = try Self.audit(text: text)
        var lines = text.components(separatedBy: "\n")
        let second = try #require(lines.firstIndex { $0.hasPrefix("（二）") && $0.contains("自评情况") })
        let third = try #require(lines.firstIndex { $0.hasPrefix("（三）") && $0.contains("部门评价") })
        lines.swapAt(second, third)
        let swapped = try Self.audit(text: lines.joined(separator: "\n"))
        #expect(swapped.report.tables.count == original.report.tables.count)
        _ = ReportImport.department(from: swapped.report)
        lines.swapAt(second, third)
        let goal = try #require(lines.firstIndex { $0.contains("预期目标") && $0.contains("实际完成情况") })
        lines[goal] = lines[goal].replacingOccurrences(of: "预期目标", with: "甲")
            .replacingOccurrences(of: "实际完成情况", with: "预期目标").replacingOccurrences(of: "甲", with: "实际完成情况")
        let reversed = try Self.audit(text: lines.joined(separator: "\n"))
        #expect(reversed.report.texts.selfEvaluations.count == original.report.texts.selfEvaluations.count)
        _ = ReportImport.department(from: reversed.report)
    }

    @Test func docsListTheRules() throws {
        let onDisk = try String(contentsOf: packageRoot.appendingPathComponent("docs/AUDIT.md"), encoding: .utf8)
        #expect(onDisk.contains(AuditRules.markdownTable))
        #expect(Set(AuditRules.all.map(\.id)).count == AuditRules.all.count)
    }

    @Test func textWithCarriageReturnsAndAByteOrderMarkReadsTheSame() throws {
        let text = try String(contentsOfFile: Self.s4, encoding: .utf8)
        let windows = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let result = Auditor.audit(PublishedReport(try ReportFile.read(bytes: windows, name: "s4.txt").get()))
        let plain = try Self.audit(Self.s4)
        #expect(Self.summary(result, .warning) == Self.summary(plain, .warning))
        #expect(result.count(.info) == plain.count(.info))
    }
}

extension AuditResult {
    /// How many of the ten tables were found.
    var tablesRead: Int { report.tables.count }
}
