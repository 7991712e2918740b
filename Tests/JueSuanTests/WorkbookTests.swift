import Documents
import Foundation
import Testing

@testable import JueSuan

/// The department workbook: written from a department and read back, in memory (the .xlsx file itself is
/// exercised in WorkbookFileTests and the command-line tests).
@Suite struct WorkbookTests {
    /// The rules these tests break: an ignored sheet and column (WB-01), a 上年 figure unlike last year's file (WB-02).
    static let rules = ["WB-01", "WB-02"]

    static func load(_ path: String) throws -> DepartmentInput {
        try InputLoader.load(path: path).get()
    }

    static func read(_ grid: SpreadsheetWorkbook, name: String = "单位.xlsx") -> Result<LoadedDepartment, InputLoadError>
    {
        InputLoader.decodeWorkbook(grid, fileName: name)
    }

    /// The input's JSON with what a workbook cannot tell apart from the default said the default way: a table's
    /// `headerRows: 1`, an economic code's name equal to the standard one.
    static func canonical(_ input: DepartmentInput) throws -> String {
        var input = input
        func blocks(_ list: [ContentBlock]) -> [ContentBlock] {
            list.map { block in
                guard case .table(var table) = block else { return block }
                if table.headerRows == 1 { table.headerRows = nil }
                return .table(table)
            }
        }
        input.annex = blocks(input.annex)
        input.performance.selfEvaluationText = blocks(input.performance.selfEvaluationText)
        input.basicExpenditureByEconomicCode = input.basicExpenditureByEconomicCode.map { entry in
            var entry = entry
            if entry.name == EconomicCodes.all.first(where: { $0.code == entry.code })?.name { entry.name = nil }
            return entry
        }.sorted { $0.code < $1.code }
        return String(decoding: try InputLoader.encode(input), as: UTF8.self)
    }

    @Test(arguments: samplePaths())
    func sampleReadsBackAsTheSameDepartment(path: String) throws {
        let input = try Self.load(path)
        let loaded = try Self.read(SpreadsheetWorkbook(DepartmentWorkbook.spreadsheet(input))).get()
        #expect(try Self.canonical(loaded.input) == Self.canonical(input))
        #expect(loaded.notes == [])
        #expect(loaded.pasted == [])
        let fromJSON = try RenderedReport(view: ReportPreparation(input).view)
        let fromWorkbook = try RenderedReport(view: ReportPreparation(loaded.input).view)
        for format in OutputFormat.allCases {
            #expect(try fromWorkbook.bytes(format) == fromJSON.bytes(format), "\(format)")
        }
    }

    @Test func emptyWorkbookSaysWhatIsMissingAndWhere() {
        let grid = SpreadsheetWorkbook(DepartmentWorkbook.blank(year: 2025))
        guard case .failure(let error) = Self.read(grid, name: "空白.xlsx") else {
            Issue.record("an empty workbook must not read as a department")
            return
        }
        #expect(
            error.description.split(separator: "\n") == [
                "空白.xlsx!部门概况!A3: 错误：请至少填写一项：部门主要职责（每条一行）",
                "空白.xlsx!部门概况!A28: 错误：请至少填写一项：纳入决算汇编范围的单位",
                "空白.xlsx!基本信息!B6: 错误：未填写“部门名称”",
                "空白.xlsx!公开02表: 错误：请至少填写一项：支出功能分类科目（公开02、03、05表的科目编码、名称和金额）",
            ])
    }

    // MARK: - A clerk's edits

    /// S0's workbook as a grid, to edit cells by sheet and label.
    static func s0Grid() throws -> SpreadsheetWorkbook {
        SpreadsheetWorkbook(
            DepartmentWorkbook.spreadsheet(
                try load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)))
    }

    static func set(
        _ grid: inout SpreadsheetWorkbook, sheet: String, label: String, column: Int, _ value: SpreadsheetCell.Value,
        labelColumn: Int = 1
    ) {
        guard let index = grid.sheets.firstIndex(where: { $0.name == sheet }),
            let found = grid.sheets[index].cells.first(where: {
                $0.value == .text(label) && $0.address.column == labelColumn
            })
        else {
            Issue.record("no \(label) in \(sheet)")
            return
        }
        grid.set(sheet: sheet, CellAddress(row: found.address.row, column: column), value)
    }

    @Test func amountsMayBeTextWithThousandsSeparators() throws {
        var grid = try Self.s0Grid()
        Self.set(&grid, sheet: "公开02表", label: "2010101", column: 6, .text("1,758.31"))
        Self.set(&grid, sheet: "公开03表", label: "2010101", column: 6, .text(" 1528.31 "))
        let loaded = try Self.read(grid).get()
        let subject = try #require(loaded.input.subjects.first { $0.code == "2010101" })
        #expect(subject.income?.generalBudget == "1758.31")
        #expect(subject.expenditure?.basic == "1528.31")
    }

    @Test func aWrongAmountNamesItsCellAndSaysWhatToWrite() throws {
        var grid = try Self.s0Grid()
        Self.set(&grid, sheet: "公开02表", label: "2010101", column: 6, .text("一千七百"))
        Self.set(&grid, sheet: "公开03表", label: "2010101", column: 6, .text("1528,31"))
        guard case .failure(let error) = Self.read(grid) else {
            Issue.record("must fail")
            return
        }
        #expect(
            error.description.split(separator: "\n") == [
                "单位.xlsx!公开02表!F13: 错误：财政拨款收入：“一千七百”不是金额：请填写数字，如 1234.56 或 1,234.56，空白表示 0",
                "单位.xlsx!公开03表!F13: 错误：基本支出：“1528,31”中的逗号不是千位分隔符：小数点请写“.”，如 1528.31",
            ])
    }

    /// A department's `local` data (a locality's own JSON for its templates) is written to the 地方数据 sheet and
    /// reads back the same; a workbook of a department without it has no such sheet; JSON broken in the sheet is
    /// named at its row.
    @Test func localDataReadsBackAndBrokenJSONIsNamedAtItsRow() throws {
        var input = try Self.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        #expect(!DepartmentWorkbook.spreadsheet(input).sheets.contains { $0.name == "地方数据" })
        input.local = .object([
            ("联系方式", .string("0798-1234567")), ("会议费", .number(Decimal(string: "1.50")!)),
            ("培训", .array([.bool(true), .null, .object([("人次", .number(12))])])),
        ])
        let spreadsheet = DepartmentWorkbook.spreadsheet(input)
        #expect(spreadsheet.sheets.contains { $0.name == "地方数据" })
        var grid = SpreadsheetWorkbook(spreadsheet)
        let loaded = try Self.read(grid).get()
        #expect(loaded.input.local == input.local)
        #expect(loaded.notes == [])

        let sheet = try #require(grid.sheets.first { $0.name == "地方数据" })
        let line = try #require(
            sheet.cells.first { if case .text(let text) = $0.value { text.contains("\"会议费\"") } else { false } })
        grid.set(sheet: "地方数据", line.address, .text("\"会议费\": 1.5,,"))
        guard case .failure(let error) = Self.read(grid) else {
            Issue.record("must fail")
            return
        }
        #expect(error.description.hasPrefix("单位.xlsx!地方数据!A\(line.address.row): 错误：地方数据不是有效的 JSON"))
    }

    @Test func aSchemaProblemNamesTheCell() throws {
        var grid = try Self.s0Grid()
        Self.set(&grid, sheet: "部门概况", label: "年末编制内实有人员", column: 2, .number("66.5"))
        Self.set(&grid, sheet: "基本信息", label: "政府级次", column: 2, .text("乡级"))
        guard case .failure(let error) = Self.read(grid) else {
            Issue.record("must fail")
            return
        }
        #expect(
            error.description.split(separator: "\n") == [
                "单位.xlsx!部门概况!B40: 错误：年末编制内实有人员：应填整数，实际为 66.5"
            ])
        Self.set(&grid, sheet: "部门概况", label: "年末编制内实有人员", column: 2, .number("66"))
        guard case .failure(let level) = Self.read(grid) else {
            Issue.record("must fail")
            return
        }
        #expect(level.problems.map(\.cell) == ["基本信息!B7"])
        #expect(level.problems.first?.message.contains("乡级") == true)
    }

    @Test func aTableTotalInTheWorkbookIsTheOfficialTotal() throws {
        var grid = try Self.s0Grid()
        // The clerk types the software's 合计 of 公开02表 with one figure off by 1.00.
        Self.set(&grid, sheet: "公开02表", label: "合计", column: 5, .number("2475.43"))
        let loaded = try Self.read(grid).get()
        #expect(loaded.input.subjectTotals?.income?.total == "2475.43")
        let checked = CheckedReport(loaded)
        let finding = try #require(checked.findings.first { $0.rule == "IN-08" && $0.severity == .fatal })
        #expect(finding.location.inputPath == "公开02表!E10")
        #expect(checked.rendered == nil)
    }

    @Test func aTotalWhereTheInputHasNoFieldIsCheckedNotUsed() throws {
        var grid = try Self.s0Grid()
        // 公开01表 本年收入合计 (行次 27) typed over its formula: the leaves give 2474.43.
        Self.set(&grid, sheet: "公开01表", label: "本年收入合计", column: 3, .text("2,474.43"))
        let agreeing = try Self.read(grid).get()
        #expect(agreeing.pasted.map(\.cell) == ["公开01表!C36"])
        #expect(Validator.pastedTotalFindings(agreeing.pasted, accounts: Accounts(agreeing.input)) == [])
        Self.set(&grid, sheet: "公开01表", label: "本年收入合计", column: 3, .text("2,475.43"))
        let loaded = try Self.read(grid).get()
        let findings = Validator.pastedTotalFindings(loaded.pasted, accounts: Accounts(loaded.input))
        #expect(findings.map(\.location.inputPath) == ["公开01表!C36"])
        #expect(findings.map(\.severity) == [.fatal])
        #expect(findings.first?.location.place == "公开01表 行次 27 本年收入合计")
        #expect(findings.first?.message.hasPrefix("表中的合计 2475.43 万元，明细计算为 2474.43 万元；相差 1.00 万元，超出舍入误差范围") == true)
        #expect(findings.first?.message.hasSuffix("：请核对明细，或删去这个合计（由程序计算）") == true)
        #expect(CheckedReport(loaded).rendered == nil)
    }

    @Test func findingsNameTheCellOfTheInputTheyAreAbout() throws {
        var grid = try Self.s0Grid()
        Self.set(&grid, sheet: "原因说明", label: "年末结转和结余：比上年变动原因", column: 7, .empty)
        let loaded = try Self.read(grid).get()
        let finding = try #require(CheckedReport(loaded).findings.first { $0.rule == "R-01" })
        #expect(finding.location.inputPath.hasPrefix("原因说明!G"))
    }

    @Test func aSheetsOwnUnitLineConvertsItsAmounts() throws {
        var grid = try Self.s0Grid()
        // 公开06表 pasted in 元: its unit line says so, its amounts are 10,000 times larger.
        let index = try #require(grid.sheets.firstIndex { $0.name == "公开06表" })
        let unitCell = try #require(
            grid.sheets[index].cells.first {
                if case .text(let t) = $0.value { t.hasPrefix("金额单位") } else { false }
            })
        grid.set(sheet: "公开06表", unitCell.address, .text("金额单位：元"))
        for cell in grid.sheets[index].cells where cell.formula == nil {
            if case .number(let n) = cell.value, let value = Decimal(string: n) {
                grid.set(sheet: "公开06表", cell.address, .number("\(value * 10_000)"))
            }
        }
        let loaded = try Self.read(grid).get()
        let input = try Self.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        #expect(Accounts(loaded.input).table06.total == Accounts(input).table06.total)
    }

    @Test func extraSheetsAndColumnsAreNotedAndIgnored() throws {
        var grid = try Self.s0Grid()
        grid.sheets.append(
            SpreadsheetSheet(
                name: "草稿", cells: [SpreadsheetCell(address: CellAddress(row: 1, column: 1), value: .text("x"))]))
        grid.set(sheet: "公开03表", CellAddress(row: 8, column: 12), .text("备注"))
        let loaded = try Self.read(grid).get()
        #expect(
            loaded.notes == [
                "公开03表 的 L 列（“备注”）不是本表的栏目，已忽略", "工作表“草稿”不是本工作簿的表，已忽略",
            ])
        #expect(CheckedReport(loaded).findings.filter { $0.rule == "WB-01" }.count == 2)
    }

    // MARK: - Next year

    @Test func nextYearStartsWithLastYearsComputedFigures() throws {
        let last = try Self.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        let next = NextYear.start(from: last, year: 2025)
        let accounts = Accounts(last)
        #expect(next.year == 2025)
        #expect(next.priorYear.income == accounts.incomeTotal)
        // Last year's figures as its report printed them (S0 gives its published totals).
        #expect(next.priorYear.income == "2474.42")
        #expect(next.priorYear.expenditure == "2458.33")
        #expect(next.priorYear.carryIn == "9.23")
        #expect(next.priorYear.carryOut == "25.32")
        #expect(next.priorYear.basic?.wages == "1534.50")
        #expect(next.priorYear.basic?.goodsAndServices == "146.95")
        #expect(next.priorYear.threePublic?.vehicleOperation == "9.24")
        #expect(next.priorYear.operatingCosts == accounts.operatingCosts)
        #expect(next.department == last.department)
        #expect(next.annex == last.annex)
        #expect(next.subjects.isEmpty)
        // And it survives the workbook: 上年数 read back as computed.
        let spreadsheet = DepartmentWorkbook.spreadsheet(next)
        if case .failure(let error) = Self.read(SpreadsheetWorkbook(spreadsheet)) {
            #expect(error.problems.allSatisfy { !($0.cell ?? "").hasPrefix("上年数") })
        }
    }

    @Test func aPriorFigureThatDiffersFromLastYearsFileIsAWarning() throws {
        let last = try Self.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        var input = last
        input.year = 2025
        input.priorYear = PriorYear(computedFrom: Accounts(last))
        input.priorYear.income = "2474.53"
        let findings = Validator.priorFileFindings(input, prior: last, file: "2024.json")
        #expect(findings.map(\.rule) == ["WB-02"])
        #expect(findings.first?.message == "上年数 本年收入合计：填写 2474.53 万元，上年文件（2024.json）计算为 2474.42 万元")
        #expect(findings.first?.location.inputPath == "$.priorYear.income")
    }

    // MARK: - Numbers as files store them

    @Test func storedNumbersAreTheDecimalsTyped() {
        #expect(ExcelNumber.decimalText("72.951859999999996") == "72.95186")
        #expect(ExcelNumber.decimalText("0.30000000000000004") == "0.3")
        #expect(ExcelNumber.decimalText("1758.31") == "1758.31")
        #expect(ExcelNumber.decimalText("1E-3") == "0.001")
        #expect(ExcelNumber.decimalText("2.4430800000000001E+7") == "24430800")
        #expect(ExcelNumber.decimalText("-3") == "-3")
        #expect(ExcelNumber.decimalText("0") == "0")
        #expect(ExcelNumber.decimalText("99999999999999999") == "100000000000000000")
        #expect(ExcelNumber.decimalText("abc") == nil)
        #expect(ExcelNumber.decimalText("") == nil)
    }

    @Test func amountTexts() throws {
        #expect(try CellValue.amount(text: "1,240.53") == "1240.53")
        #expect(try CellValue.amount(text: "１２４０．５３") == "1240.53")
        #expect(try CellValue.amount(text: "-12") == "-12")
        #expect(try CellValue.amount(text: "---") == nil)
        #expect(try CellValue.amount(text: "") == nil)
        #expect(throws: CellProblem.self) { try CellValue.amount(text: "1,24.5") }
        #expect(throws: CellProblem.self) { try CellValue.amount(text: "12元") }
    }
}

/// 公开表 pasted from the 部门决算 software's export over the workbook's own sheets.
@Suite struct PastedTableTests {
    /// S0's 公开05表 as the software exports it: title lines, three header rows, codes split into 类/款/项 columns
    /// (款 and 项 rows give only their own two digits), 类/款 rows and the 合计 row with their totals, amounts as text
    /// with thousands separators.
    static func exported05(_ accounts: Accounts, splitCodes: Bool, change: (CellAddress, String)? = nil)
        -> SpreadsheetSheet
    {
        var cells: [CellAddress: SpreadsheetCell] = [:]
        func put(_ row: Int, _ column: Int, _ text: String) {
            guard !text.isEmpty else { return }
            let address = CellAddress(row: row, column: column)
            cells[address] = SpreadsheetCell(address: address, value: .text(text))
        }
        put(1, 1, "一般公共预算财政拨款支出决算表")
        put(2, 7, "公开05表")
        put(3, 1, "部门：景德镇市人大办公室")
        put(3, 7, "金额单位：万元")
        put(4, 1, "项目")
        put(4, 5, "本年支出合计")
        put(4, 6, "基本支出")
        put(4, 7, "项目支出")
        put(5, 1, "支出功能分类科目编码")
        put(5, 4, "科目名称")
        put(6, 1, "类")
        put(6, 2, "款")
        put(6, 3, "项")
        put(6, 4, "栏次")
        put(6, 5, "1")
        put(6, 6, "2")
        put(6, 7, "3")
        put(7, 1, "合计")
        func money(_ amount: Amount) -> String { Format.amount(amount, grouping: true) }
        put(7, 5, money(accounts.total.generalBudget.total))
        put(7, 6, money(accounts.total.generalBudget.basic))
        put(7, 7, money(accounts.total.generalBudget.project))
        var row = 8
        for line in accounts.subjectLines where !line.generalBudget.isZero {
            if splitCodes {
                switch line.level {
                case .category: put(row, 1, line.code)
                case .section: put(row, 2, String(line.code.suffix(2)))
                case .item: put(row, 3, String(line.code.suffix(2)))
                }
            } else {
                put(row, 1, line.code)
            }
            put(row, 4, line.name)
            put(row, 5, money(line.generalBudget.total))
            put(row, 6, money(line.generalBudget.basic))
            put(row, 7, line.generalBudget.project.isZero ? "" : money(line.generalBudget.project))
            row += 1
        }
        put(row + 1, 1, "注：本表反映部门（单位）本年度一般公共预算财政拨款支出情况。")
        if let (address, text) = change { cells[address] = SpreadsheetCell(address: address, value: .text(text)) }
        return SpreadsheetSheet(
            name: "公开05表", cells: Array(cells.values),
            mergedRanges: [
                CellRange(rows: 4...5, columns: 5...5), CellRange(rows: 4...4, columns: 1...4),
                CellRange(rows: 5...5, columns: 1...3),
            ])
    }

    @Test(arguments: [true, false])
    func anExported05ReadsAsTheSameDepartment(splitCodes: Bool) throws {
        let input = try WorkbookTests.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        var grid = SpreadsheetWorkbook(DepartmentWorkbook.spreadsheet(input))
        let index = try #require(grid.sheets.firstIndex { $0.name == "公开05表" })
        grid.sheets[index] = Self.exported05(Accounts(input), splitCodes: splitCodes)
        let loaded = try WorkbookTests.read(grid).get()
        // The pasted 合计 and 类/款 figures are the department's official totals, each 项's 本年支出合计 its 核对用
        // total: without them it is the same department, and they all agree with the leaves.
        var read = loaded.input
        #expect(read.subjectTotals?.generalBudgetExpenditure?.total == "2443.08")
        #expect(read.subjects.first { $0.code == "201" }?.generalBudgetExpenditure?.total == "1861.26")
        read.subjectTotals?.generalBudgetExpenditure = input.subjectTotals?.generalBudgetExpenditure
        for index in read.subjects.indices where read.subjects[index].generalBudgetExpenditure != nil {
            let code = read.subjects[index].code
            if code.count == 7 {
                let split = read.subjects[index].generalBudgetExpenditure!
                #expect(split.total == split.basic.orZero + split.project.orZero, "\(code)")
                read.subjects[index].generalBudgetExpenditure?.total = nil
            } else {
                read.subjects[index].generalBudgetExpenditure = input.subjects[index].generalBudgetExpenditure
            }
        }
        #expect(try WorkbookTests.canonical(read) == WorkbookTests.canonical(input))
        #expect(loaded.pasted == [])
        #expect(CheckedReport(loaded).fatal == [])
    }

    @Test func aPastedTotalThatDisagreesIsFound() throws {
        let input = try WorkbookTests.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        var grid = SpreadsheetWorkbook(DepartmentWorkbook.spreadsheet(input))
        let index = try #require(grid.sheets.firstIndex { $0.name == "公开05表" })
        grid.sheets[index] = Self.exported05(
            Accounts(input), splitCodes: true, change: (CellAddress(row: 8, column: 5), "1,861.36"))
        let loaded = try WorkbookTests.read(grid).get()
        let finding = try #require(CheckedReport(loaded).fatal.first { $0.rule == "IN-08" })
        #expect(finding.location.inputPath == "公开05表!E8")
    }
}

extension SpreadsheetWorkbook {
    /// Writes `value` into a cell of sheet `name`, as a clerk would.
    mutating func set(sheet name: String, _ address: CellAddress, _ value: SpreadsheetCell.Value) {
        guard let index = sheets.firstIndex(where: { $0.name == name }) else { return }
        let sheet = sheets[index]
        sheets[index] = SpreadsheetSheet(
            name: sheet.name,
            cells: sheet.cells.filter { $0.address != address } + [SpreadsheetCell(address: address, value: value)],
            mergedRanges: sheet.mergedRanges)
    }
}

@Suite struct ExcelNumberTests {
    /// The fast path gives what the full conversion gives.
    @Test(arguments: [
        "0", "12", "-3", "1758.31", "0.05", "72.951859999999996", "1.50", "007", "-0", "-0.0", "1E-3", "1.", ".5",
        "123456789012345", "1234567890123456", "-12.5", "", "-", "1-2",
    ])
    func plainNumbersAreTakenAsStored(_ text: String) {
        #expect(ExcelNumber.decimalText(text) == SpreadsheetNumber.decimal(text).map(CellValues.decimalText), "\(text)")
    }
}

@Suite struct LabelTests {
    @Test func labelsCompareAsAPersonReadsThem() {
        #expect(Labels.normalized("项 目") == "项目")
        #expect(Labels.normalized("（一）国内接待费") == "(一)国内接待费")
        #expect(Labels.normalized("“三公”经费\u{3000}合计") == "\"三公\"经费合计")
        #expect(Labels.normalized("１２３．４５") == "123.45")
        #expect(Labels.normalized("ａｂｃ～") == "abc~")
        #expect(Labels.normalized("金额单位：万元") == "金额单位:万元")
        #expect(Labels.normalized("\u{00A0}合\u{2003}计\u{202F}") == "合计")
        #expect(Labels.normalized("‘单’") == "'单'")
        #expect(Labels.normalized("—…") == "—…")
        #expect(Labels.normalized("") == "")
    }
}

@Suite struct WorkbookWordingTests {
    /// Every field a department may choose its wording with, and every official total, survives the workbook.
    @Test func everyOptionReadsBack() throws {
        var input = try WorkbookTests.load(packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
        input.performance.tablesLeadIn = .results
        input.performance.selfEvaluation.gradeSentence = .gradesWithProjects
        input.department.duties.numbering = .arabicDot
        input.glossary = Glossary(
            income: [GlossaryEntry(term: "财政拨款", definition: "指市级财政当年拨付的资金。")],
            expenditure: [
                GlossaryEntry(
                    term: "一般公共服务支出（类）人大事务（款）", definition: nil,
                    entries: [
                        GlossaryEntry(term: "行政运行（项）", definition: "反映行政单位的基本支出。"),
                        GlossaryEntry(term: "一般行政管理事务（项）", definition: "反映行政单位未单独设置项级科目的其他项目支出。"),
                    ])
            ], numbering: .arabicComma, subNumbering: .arabicParenthesized, separator: .semicolon)
        input.annex.append(
            .table(
                ContentTable(
                    caption: "表 1", headerRows: 1, rows: [["指标", "", "完成"], ["产出", "数量", "100%"]],
                    widths: [2, 1, 1.5], merges: ["A1:B1"], sheet: "附表1")))
        input.basicExpenditureTotals = BasicExpenditureTotals(personnel: "2053.53", publicExpenses: "159.54")
        let loaded = try WorkbookTests.read(SpreadsheetWorkbook(DepartmentWorkbook.spreadsheet(input))).get()
        #expect(try WorkbookTests.canonical(loaded.input) == WorkbookTests.canonical(input))
        #expect(loaded.input.glossary?.expenditure?.first?.entries?.count == 2)
        #expect(loaded.input.basicExpenditureTotals?.personnel == "2053.53")
    }
}
