import Documents
import Foundation

// 表文一致: after rendering, the figures of 第三部分 are read back from the rendered text and compared with the
// rendered tables (amounts, counts) or with the computed figures (shares, completion rates, year-on-year phrases).
// These rules guard the templates: with the standard templates they never fire; a template that puts the wrong
// figure in a sentence is caught before anything is published.

extension Validator {
    /// The table-to-text findings of a rendered report.
    public static func textFindings(document: Document, accounts: Accounts, view: ReportView) -> [Finding] {
        var checker = TextChecker(document: document, accounts: accounts, view: view)
        checker.run()
        return checker.findings
    }
}

/// The rendered document, searchable by section and table.
struct RenderedDocument {
    let document: Document
    /// The body cell texts of each exported table, by sheet name (the first table of a name).
    private let grids: [String: [[String]]]

    init(document: Document) {
        self.document = document
        var grids: [String: [[String]]] = [:]
        for case .table(let table) in document.blocks {
            guard let sheet = table.sheetName, grids[sheet] == nil else { continue }
            grids[sheet] = TableGrid(rows: table.body, columnCount: table.columns.count).texts
        }
        self.grids = grids
    }

    /// The paragraphs under the level-2 heading whose text contains `title`, up to the next heading of level ≤ 2.
    func section(_ title: String) -> [String]? {
        var collecting = false
        var found = false
        var texts: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let heading) where heading.level <= 2:
                if collecting { return texts }
                if heading.level == 2 && TextSearch.contains(heading.text, title) {
                    collecting = true
                    found = true
                }
            case .paragraph(let paragraph) where collecting:
                texts.append(paragraph.text)
            default:
                break
            }
        }
        return found ? texts : nil
    }

    /// The table exported as `sheet` (e.g. `公开01表`).
    func table(_ sheet: String) -> Table? {
        for case .table(let table) in document.blocks where table.sheetName == sheet { return table }
        return nil
    }

    /// The text of body cell `column` in the first body row whose cell `labelColumn` satisfies `matches`; a blank
    /// cell reads as `0.00` (or `0` for counts).
    func cell(_ sheet: String, labelColumn: Int, _ matches: (String) -> Bool, column: Int) -> String? {
        guard let grid = grids[sheet] else { return nil }
        guard let row = grid.first(where: { $0.indices.contains(labelColumn) && matches($0[labelColumn]) }),
            row.indices.contains(column)
        else { return nil }
        return row[column].replacingOccurrences(of: ",", with: "")
    }
}

struct TextChecker {
    let rendered: RenderedDocument
    let accounts: Accounts
    let view: ReportView
    var findings: [Finding] = []

    init(document: Document, accounts: Accounts, view: ReportView) {
        rendered = RenderedDocument(document: document)
        self.accounts = accounts
        self.view = view
    }

    private mutating func add(_ rule: Rule, _ place: String, _ message: String) {
        findings.append(rule.finding(FindingLocation(place: place), message))
    }

    /// Checks that `label` in the section is followed by the number `expected` (then `unit`).
    private mutating func amount(
        _ section: String, _ text: String, label: String, expected: String?, unit: String = "万元", source: String
    ) {
        let place = "第三部分 \(section)"
        guard let expected else {
            return add(RuleCatalogue.textMatchesTables, place, "找不到“\(label)”的表格数据（\(source)）")
        }
        let normalised = expected.isEmpty ? (unit == "万元" ? "0.00" : "0") : expected
        guard let actual = Self.number(after: label, before: unit, in: text) else {
            return add(RuleCatalogue.textMatchesTables, place, "正文中找不到“\(label) … \(unit)”（\(source)：\(normalised)）")
        }
        if actual != normalised {
            add(RuleCatalogue.textMatchesTables, place, "“\(label)”：正文 \(actual) \(unit)，\(source)为 \(normalised)")
        }
    }

    /// The last section text checked and whether it is plain (`TextSearch.isPlain`): a section's clauses are
    /// checked one after another against the same text.
    private var plainText: (text: String, plain: Bool)?

    private mutating func isPlain(_ text: String) -> Bool {
        if let plainText, plainText.text == text { return plainText.plain }
        let plain = TextSearch.isPlain(text)
        plainText = (text, plain)
        return plain
    }

    /// The number written between the first `label` and `unit` that have one between them: what the regular
    /// expression `label ?(-?[0-9][0-9,]*(?:\.[0-9]+)?) ?unit` captures (label and unit literal). Matched on UTF-8
    /// bytes, as the regular expression matches code points.
    static func number(after label: String, before unit: String, in text: String) -> String? {
        let bytes = Array(text.utf8)
        let label = Array(label.utf8)
        let unit = Array(unit.utf8)
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        func at(_ i: Int, _ byte: UInt8) -> Bool { i < bytes.count && bytes[i] == byte }
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= bytes.count && bytes[i..<i + pattern.count].elementsEqual(pattern)
        }
        /// The number's range when the rest of the pattern matches at `i`, tried in the order the regular
        /// expression backtracks (greedy parts longest first).
        func number(at i: Int) -> Range<Int>? {
            for start in at(i, 0x20) ? [i + 1, i] : [i] {
                var end = start
                if at(end, UInt8(ascii: "-")) { end += 1 }
                guard isDigit(end) else { continue }
                end += 1
                while isDigit(end) || at(end, UInt8(ascii: ",")) { end += 1 }
                // The greedy match, then what backtracking could give back; the unit decides.
                var ends: [Int] = []
                if at(end, UInt8(ascii: ".")) && isDigit(end + 1) {
                    var fraction = end + 2
                    while isDigit(fraction) { fraction += 1 }
                    ends += (end + 2...fraction).reversed()
                }
                ends += (start + (at(start, UInt8(ascii: "-")) ? 2 : 1)...end).reversed()
                for candidate in ends {
                    if matches(unit, at: candidate) || (at(candidate, 0x20) && matches(unit, at: candidate + 1)) {
                        return start..<candidate
                    }
                }
            }
            return nil
        }
        var i = 0
        while i + label.count <= bytes.count {
            if matches(label, at: i), let range = number(at: i + label.count) {
                return String(decoding: bytes[range], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    /// Checks that the section contains `expected` (a clause with a computed percentage or phrase).
    private mutating func clause(_ section: String, _ text: String, _ expected: String, what: String) {
        if !TextSearch.contains(text, expected, textIsPlain: isPlain(text)) {
            add(RuleCatalogue.textMatchesFigures, "第三部分 \(section)", "“\(what)”应为“\(expected)”，正文中没有这句")
        }
    }

    private func sectionText(_ title: String) -> String? {
        rendered.section(title)?.joined(separator: "\n")
    }

    mutating func run() {
        incomeSection()
        expenditureSection()
        fiscalSection()
        basicSection()
        threePublicSection()
        operatingCostsSection()
        assetsSection()
        zeroBudgetRates()
    }

    private mutating func missingSection(_ number: String, _ title: String) {
        add(RuleCatalogue.textMatchesTables, "第三部分 \(number)", "报告中找不到“\(title)”一节")
    }

    private func t01(_ label: String, right: Bool = false) -> String? {
        rendered.cell("公开01表", labelColumn: right ? 3 : 0, { $0 == label }, column: right ? 5 : 2)
    }

    private mutating func incomeSection() {
        guard let text = sectionText("收入决算情况说明") else { return missingSection("一", "收入决算情况说明") }
        amount("一", text, label: "收入总计", expected: t01("总计"), source: "公开01表 总计（行 31）")
        amount("一", text, label: "年初结转和结余", expected: t01("年初结转和结余"), source: "公开01表 行 29")
        amount(
            "一", text, label: "使用非财政拨款结余（含专用结余）", expected: t01("使用非财政拨款结余（含专用结余）"),
            source: "公开01表 行 28")
        amount("一", text, label: "本年收入合计", expected: t01("本年收入合计"), source: "公开01表 行 27")
        for (label, row) in [
            ("事业收入", "五、事业收入"), ("经营收入", "六、经营收入"), ("上级补助收入", "四、上级补助收入"),
            ("附属单位上缴收入", "七、附属单位上缴收入"), ("其他收入", "八、其他收入"),
        ] {
            amount("一", text, label: label, expected: t01(row), source: "公开01表 \(row)")
        }
        let income = accounts.total.income
        let total = accounts.incomeTotal
        amount("一", text, label: "财政拨款收入", expected: Format.amount(income.fiscal), source: "公开01表 行 1–3 之和")
        for (label, part) in [
            ("财政拨款收入", income.fiscal), ("事业收入", income.business), ("经营收入", income.operating),
            ("上级补助收入", income.superiorSubsidy), ("附属单位上缴收入", income.affiliated), ("其他收入", income.other),
        ] {
            clause(
                "一", text, "\(label) \(Format.amount(part)) 万元，占 \(Format.percent(Ratio.share(part, of: total)))",
                what: "\(label)占本年收入合计的比例")
        }
        let prior = accounts.input.priorYear
        for (label, current, priorValue) in [
            ("年初结转和结余", accounts.carryIn, prior.carryIn), ("本年收入合计", total, prior.income),
        ] {
            let phrase = ChangeView(YearOnYear(current: current, prior: priorValue.orZero)).phrase
            clause("一", text, "\(label) \(Format.amount(current)) 万元，\(phrase)", what: "\(label)比上年")
        }
    }

    private mutating func expenditureSection() {
        guard let text = sectionText("支出决算情况说明") else { return missingSection("二", "支出决算情况说明") }
        amount("二", text, label: "支出总计", expected: t01("总计", right: true), source: "公开01表 总计（行 62）")
        amount("二", text, label: "本年支出合计", expected: t01("本年支出合计", right: true), source: "公开01表 行 58")
        amount("二", text, label: "结余分配", expected: t01("结余分配", right: true), source: "公开01表 行 59")
        amount("二", text, label: "年末结转和结余", expected: t01("年末结转和结余", right: true), source: "公开01表 行 60")
        for (label, column) in [("基本支出", 5), ("项目支出", 6), ("上缴上级支出", 7), ("经营支出", 8), ("对附属单位补助支出", 9)] {
            amount(
                "二", text, label: label,
                expected: rendered.cell("公开03表", labelColumn: 0, { $0 == "合计" }, column: column),
                source: "公开03表 合计 \(label)")
        }
        let spending = accounts.total.expenditure
        let total = accounts.expenditureTotal
        for (label, part) in [("基本支出", spending.basic), ("项目支出", spending.project)] {
            clause(
                "二", text, "\(label) \(Format.amount(part)) 万元，占 \(Format.percent(Ratio.share(part, of: total)))",
                what: "\(label)占本年支出合计的比例")
        }
        let prior = accounts.input.priorYear
        for (label, current, priorValue) in [
            ("本年支出合计", total, prior.expenditure), ("年末结转和结余", accounts.carryOut, prior.carryOut),
        ] {
            let phrase = ChangeView(YearOnYear(current: current, prior: priorValue.orZero)).phrase
            clause("二", text, "\(label) \(Format.amount(current)) 万元，\(phrase)", what: "\(label)比上年")
        }
    }

    private mutating func fiscalSection() {
        guard let text = sectionText("财政拨款支出决算情况说明") else { return missingSection("三", "财政拨款支出决算情况说明") }
        let budgets = accounts.input.fiscalInitialBudget.byCategory
        amount(
            "三", text, label: "财政拨款本年支出年初预算数 \(Format.amount(accounts.fiscalInitialBudgetTotal)) 万元，决算数",
            expected: rendered.cell("公开04表", labelColumn: 3, { $0 == "本年支出合计" }, column: 5),
            source: "公开04表 本年支出合计（行 59）")
        for line in accounts.subjectLines where line.level == .category && !line.fiscalExpenditure.isZero {
            let budget = budgets[line.code].orZero
            amount(
                "三", text, label: "\(line.name)（类）年初预算数 \(Format.amount(budget)) 万元，决算数",
                expected: rendered.cell("公开04表", labelColumn: 3, { $0.hasSuffix("、" + line.name) }, column: 5),
                source: "公开04表 \(line.name) 合计")
            if let rate = Ratio.completion(line.fiscalExpenditure, of: budget) {
                clause(
                    "三", text,
                    "\(line.name)（类）年初预算数 \(Format.amount(budget)) 万元，决算数 \(Format.amount(line.fiscalExpenditure)) 万元，完成年初预算的 \(Format.percent(rate))",
                    what: "\(line.name) 完成年初预算的比例")
            }
        }
    }

    private mutating func basicSection() {
        guard let text = sectionText("一般公共预算财政拨款基本支出决算情况说明") else {
            return missingSection("四", "一般公共预算财政拨款基本支出决算情况说明")
        }
        amount(
            "四", text, label: "一般公共预算财政拨款基本支出",
            expected: rendered.cell("公开05表", labelColumn: 0, { $0 == "合计" }, column: 5), source: "公开05表 合计 基本支出")
        for (label, code) in [("工资福利支出", "301"), ("商品和服务支出", "302"), ("对个人和家庭补助支出", "303"), ("资本性支出", "310")] {
            amount(
                "四", text, label: label, expected: economicCell(code), source: "公开06表 \(code)")
        }
    }

    /// The amount of economic code `code` in table 06 (three code/name/amount column groups).
    private func economicCell(_ code: String) -> String? {
        for column in [0, 3, 6] {
            if let value = rendered.cell("公开06表", labelColumn: column, { $0 == code }, column: column + 2) {
                return value
            }
        }
        return nil
    }

    private mutating func threePublicSection() {
        guard let text = sectionText("财政拨款“三公”经费支出决算情况说明") else {
            return missingSection("五", "财政拨款“三公”经费支出决算情况说明")
        }
        func t09(_ prefix: String, _ column: Int) -> String? {
            rendered.cell("公开09表", labelColumn: 0, { $0.hasPrefix(prefix) }, column: column)
        }
        let items: [(String, String, String)] = [
            ("“三公”经费支出全年预算数", "一、“三公”经费支出", "行 1"),
            ("因公出国（境）费全年预算数", "1.因公出国（境）费", "行 2"),
            ("公务用车购置及运行维护费全年预算数", "2.公务用车购置及运行维护费", "行 3"),
            ("公务用车购置全年预算数", "（1）公务用车购置费", "行 4"),
            ("公务用车运行维护费全年预算数", "（2）公务用车运行维护费", "行 5"),
            ("公务接待费全年预算数", "3.公务接待费", "行 6"),
        ]
        for (label, row, rowName) in items {
            amount("五", text, label: label, expected: t09(row, 3), source: "公开09表 \(rowName) 全年预算数")
            let budget = t09(row, 3).map { $0.isEmpty ? "0.00" : $0 } ?? ""
            amount(
                "五", text, label: "\(label) \(budget) 万元，决算数", expected: t09(row, 4), source: "公开09表 \(rowName) 决算数")
        }
        for (label, unit, row, rowName) in [
            ("全年安排因公出国（境）团组", "个", "1.因公出国（境）团组数", "行 11"),
            ("个，累计", "人次", "2.因公出国（境）人次数", "行 12"),
            ("全年使用财政拨款购置公务用车", "辆", "3.公务用车购置数", "行 13"),
            ("公务用车保有量", "辆", "4.公务用车保有量", "行 14"),
            ("全年国内公务接待", "批", "5.国内公务接待批次", "行 15"),
            ("累计接待", "人次", "6.国内公务接待人次", "行 17"),
        ] {
            amount("五", text, label: label, expected: t09(row, 4), unit: unit, source: "公开09表 \(rowName)")
        }
    }

    private mutating func operatingCostsSection() {
        guard let text = sectionText("机关运行经费支出情况说明") else { return missingSection("六", "机关运行经费支出情况说明") }
        if accounts.input.operatingCosts == nil {
            amount(
                "六", text, label: "机关运行经费支出",
                expected: rendered.cell("公开06表", labelColumn: 3, { $0 == "公用经费合计" }, column: 8),
                source: "公开06表 公用经费合计")
        }
    }

    private mutating func assetsSection() {
        guard let text = sectionText("国有资产占用情况说明") else { return missingSection("八", "国有资产占用情况说明") }
        func t10(_ row: String) -> String? { rendered.cell("公开10表", labelColumn: 1, { $0 == row }, column: 2) }
        amount("八", text, label: "本部门共有车辆", expected: t10("1"), unit: "辆", source: "公开10表 行 1")
        for (index, label) in [
            "副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车",
            "离退休干部服务用车", "其他用车",
        ].enumerated() {
            amount("八", text, label: label, expected: t10(String(index + 2)), unit: "辆", source: "公开10表 行 \(index + 2)")
        }
        amount("八", text, label: "（不含车辆）", expected: t10("10"), unit: "台", source: "公开10表 行 10")
    }

    /// N-01: no completion rate on a zero budget anywhere in 第三部分.
    private mutating func zeroBudgetRates() {
        let pattern = "预算数 0\\.00 万元，决算数 [0-9.]+ 万元，完成"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return }
        var inPart3 = false
        for block in rendered.document.blocks {
            if case .heading(let heading) = block, heading.level == 1 { inPart3 = heading.text.hasPrefix("第三部分") }
            guard inPart3, case .paragraph(let paragraph) = block else { continue }
            let text = paragraph.text
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                add(RuleCatalogue.zeroBudgetRate, "第三部分", "预算数为 0 时写了完成率：“\(String(text.prefix(60)))…”")
            }
        }
    }
}

/// Foundation's `contains` for report sentences without its cost: it searches by composed characters with canonical
/// equivalence (through CFString), which for texts made only of characters that have no decomposition and that join
/// no neighbour is the same as finding the UTF-8 bytes.
enum TextSearch {
    /// `text.contains(part)` as Foundation answers it.
    static func contains(_ text: String, _ part: String, textIsPlain: Bool? = nil) -> Bool {
        guard !part.isEmpty, isPlain(part), textIsPlain ?? isPlain(text) else { return text.contains(part) }
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard needle.count <= haystack.count else { return false }
                for start in 0...(haystack.count - needle.count)
                where haystack[start] == needle[0]
                    && memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0
                {
                    return true
                }
                return false
            }
        }
    }

    /// Only LF, printable ASCII, CJK ideographs, CJK and full-width punctuation and the quotes, dashes and ellipsis
    /// of Chinese text: characters without a canonical decomposition that never join a neighbour.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0A, 0x20...0x7E, 0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF5E: return true
            case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026: return true
            default: return false
            }
        }
    }
}
