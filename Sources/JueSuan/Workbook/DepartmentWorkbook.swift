import Documents
import Foundation

// The department workbook (部门决算数据填报工作簿): everything the input file holds, as sheets a finance clerk fills
// in Excel or WPS. `DepartmentWorkbook.spreadsheet` writes it (empty, or filled from a department); reading it back
// is `WorkbookReader`. docs/WORKBOOK.md describes every sheet.

public enum DepartmentWorkbook {
    /// The workbook of `input` (all its figures and texts in place, formulas for every total).
    public static func spreadsheet(_ input: DepartmentInput) -> Spreadsheet {
        build(input, blank: false)
    }

    /// An empty workbook for `year`, with spare rows to fill.
    public static func blank(year: Int, unit: InputUnit = .wanYuan) -> Spreadsheet {
        build(DepartmentInput.blank(year: year, unit: unit), blank: true)
    }

    /// The .xlsx bytes of `spreadsheet`.
    public static func bytes(_ spreadsheet: Spreadsheet) throws -> [UInt8] {
        try SpreadsheetWriter.write(spreadsheet)
    }

    static func build(_ input: DepartmentInput, blank: Bool) -> Spreadsheet {
        // Formulas sum the leaves: their values are the figures derived from the leaves (official totals, written
        // as values where the input gives them, are not in them).
        let accounts = Accounts(input).derivedFromLeaves
        let printed = printedTables(year: input.year)
        let context = WorkbookContext(input: input, accounts: accounts, printed: printed, blank: blank)
        let tree = (try? InputLoader.encode(input)).flatMap { try? JSONTreeParser.parse(Array($0)) }
        let unit = input.unit

        var sheets: [String: Spreadsheet.Sheet] = [:]
        var anchors: [SubjectTable: SubjectTableSheet.Anchors] = [:]
        for table in SubjectTable.allCases {
            let (sheet, anchor) = SubjectTableSheet.make(table, context: context)
            sheets[table.sheetName] = sheet
            anchors[table] = anchor
        }
        let set = SubjectAnchorSet(
            t02: anchors[.t02]!, t03: anchors[.t03]!, t05: anchors[.t05]!, t07: anchors[.t07]!, t08: anchors[.t08]!)
        var figures = FigureCells()
        func fixed(_ table: FixedTable, _ cells: @escaping (FixedResolver) -> FixedTable.Cells) -> FixedResolver {
            let (sheet, resolver) = FixedTableSheet.make(table, context: context, tree: tree, cells: cells)
            sheets[table.sheetName] = sheet
            return resolver
        }
        let r01 = fixed(.t01) { FixedTable.cells01($0, set, context) }
        let r04 = fixed(.t04) { FixedTable.cells04($0, set, context) }
        let r06 = fixed(.t06) { FixedTable.cells06($0, context) }
        let r09 = fixed(.t09) { FixedTable.cells09($0, context) }
        let r10 = fixed(.t10) { FixedTable.cells10($0, context) }

        func money(_ amount: Amount) -> Spreadsheet.Value.Cached { .number(CellValues.number(amount, unit: unit)) }
        func count(_ value: Int?) -> Spreadsheet.Value.Cached { .number(String(value ?? 0)) }
        let three = accounts.threePublic
        let statistics = input.threePublic.statistics
        let table06 = accounts.table06
        for (name, key, amount) in [
            ("carryIn", "29", accounts.carryIn), ("nonFiscalBalanceUsed", "28", accounts.nonFiscalBalanceUsed),
            ("income", "27", accounts.incomeTotal), ("expenditure", "58", accounts.expenditureTotal),
            ("surplusDistribution", "59", accounts.surplusDistribution), ("carryOut", "60", accounts.carryOut),
        ] {
            figures.add(name, sheet: FixedTable.t01.sheetName, r01.position(key)!, money(amount))
        }
        for group in ["301", "302", "303", "310"] {
            figures.add(group, sheet: FixedTable.t06.sheetName, r06.position(group)!, money(table06.amount(group)))
        }
        figures.add(
            "publicExpenses", sheet: FixedTable.t06.sheetName, r06.position(FixedTable.publicExpensesTotalKey)!,
            money(table06.publicExpenses))
        for (name, key, row) in [
            ("abroad", "2", three.abroad), ("vehiclePurchase", "4", three.vehiclePurchase),
            ("vehicleOperation", "5", three.vehicleOperation), ("reception", "6", three.reception),
            ("threePublicTotal", "1", three.total),
        ] {
            figures.add(name, sheet: FixedTable.t09.sheetName, r09.position(key, 2)!, money(row.actual))
            figures.add(
                name + ":budget", sheet: FixedTable.t09.sheetName, r09.position(key, 1)!, money(row.adjustedBudget))
        }
        figures.add(
            "abroadGroups", sheet: FixedTable.t09.sheetName, r09.position("11", 2)!, count(statistics.abroadGroups))
        figures.add(
            "receptionBatches", sheet: FixedTable.t09.sheetName, r09.position("15", 2)!,
            count(statistics.domesticReceptionBatches))
        figures.add(
            "otherVehicles", sheet: FixedTable.t10.sheetName, r10.position("9")!, count(input.assets.vehicles.other))
        for (index, category) in FunctionalCategories.all.enumerated() {
            figures.add(
                "category:" + category.code, sheet: FixedTable.t04.sheetName, r04.position(String(33 + index))!,
                money(accounts.fiscalExpenditure(category: category.code).total))
        }
        let operatingIndex = ProcurementSheet.fields.firstIndex { $0.path == ["operatingCosts"] }!
        let operatingCell =
            Spreadsheet.quotedSheetName(ProcurementSheet.name) + "!$B$\(ProcurementSheet.firstRow + operatingIndex)"
        figures.cells["operatingCosts"] = (
            "IF(\(operatingCell)=\"\",\(figures.cells["publicExpenses"]!.reference),\(operatingCell))",
            money(accounts.operatingCosts)
        )

        var order: [(Spreadsheet.Sheet, String)] = [
            (BasicInfoSheet.make(tree: tree), "年度、金额单位、部门名称、政府级次、落款"),
            (OverviewSheet.make(input, tree: tree, blank: blank), "第一部分：部门主要职责、单位、内设机构、人员情况"),
            (sheets["公开01表"]!, "收入支出决算总表：使用非财政拨款结余、年初结转和结余、结余分配"),
            (sheets["公开02表"]!, "收入决算表：项级科目的各项收入"),
            (sheets["公开03表"]!, "支出决算表：项级科目的各项支出"),
            (sheets["公开04表"]!, "财政拨款收入支出决算总表：年初财政拨款结转和结余"),
            (sheets["公开05表"]!, "一般公共预算财政拨款支出决算表：项级科目的基本支出、项目支出"),
            (sheets["公开06表"]!, "一般公共预算财政拨款基本支出决算表：按经济分类科目的金额"),
            (sheets["公开07表"]!, "政府性基金预算财政拨款收入支出决算表（没有则不填）"),
            (sheets["公开08表"]!, "国有资本经营预算财政拨款支出决算表（没有则不填）"),
            (sheets["公开09表"]!, "财政拨款“三公”经费支出决算表：预算数、决算数、相关统计数"),
            (sheets["公开10表"]!, "国有资产占用情况表：车辆数、大型设备数"),
            (PriorYearSheet.make(tree: tree, figures: figures, unit: unit), "上年决算数（比上年增减用）"),
            (BudgetSheet.make(input, figures: figures, unit: unit), "财政拨款支出年初预算数（按类）"),
            (ReasonsSheet.make(input, tree: tree, figures: figures), "第三部分的各项原因说明"),
            (ProcurementSheet.make(tree: tree, unit: unit), "政府采购支出、机关运行经费"),
            (PerformanceSheet.make(input, tree: tree, blank: blank, unit: unit), "第三部分 九：绩效自评结果、部门评价、整体评价"),
            (
                ContentBlocksSheet.make(
                    name: ContentBlocksSheet.selfEvaluationTextName, title: "项目绩效自评情况说明（第三部分 九（二））",
                    blocks: input.performance.selfEvaluationText, blank: blank), "第三部分 九（二）的文字"
            ),
            (SelfEvaluationSheet.make(input, blank: blank, unit: unit), "项目支出绩效自评表，每个项目一块"),
            (GlossarySheet.make(input, tree: tree, blank: blank), "第四部分 名词解释（可不填）"),
            (
                ContentBlocksSheet.make(
                    name: ContentBlocksSheet.annexName, title: "附件（第五部分）", blocks: input.annex, blank: blank),
                "第五部分 附件：绩效评价报告等"
            ),
        ]
        if let local = input.local, let sheet = LocalDataSheet.make(local) {
            order.append((sheet, "地方数据（本地格式模板用的 JSON，没有则无此表）"))
        }
        let guide = GuideSheet.make(year: input.year, sheets: order.map { ($0.0.name, $0.1) })
        var properties = DocumentProperties(
            title: "\(input.department.name) \(input.year) 年度部门决算数据", subject: "部门决算公开 数据填报工作簿",
            keywords: "\(input.year)")
        if input.department.name.isEmpty { properties.title = "\(input.year) 年度部门决算数据" }
        return Spreadsheet(sheets: [guide] + order.map(\.0), properties: properties)
    }
}

extension DepartmentWorkbook {
    /// The standard report's ten tables for an empty department of `year`: their titles, headers, fixed rows and
    /// notes frame the table sheets (the department's own figures never affect the frame, so no data can break it).
    static func printedTables(year: Int) -> [String: Table] {
        var frame = DepartmentInput.blank(year: year)
        frame.department.name = "（部门名称）"
        var printed: [String: Table] = [:]
        guard let report = try? RenderedReport(view: ReportView.build(Accounts(frame))) else {
            preconditionFailure("the standard templates render an empty department")
        }
        for case .table(let table) in report.document.blocks {
            if let name = table.sheetName { printed[name] = table }
        }
        return printed
    }
}

extension ProcurementSheet {
    static let firstRow = 4
}

extension DepartmentInput {
    /// A department with nothing filled in yet: the year and unit, empty lists, no figures.
    public static func blank(year: Int, unit: InputUnit = .wanYuan) -> DepartmentInput {
        DepartmentInput(
            schema: nil, formatVersion: InputSchema.version, year: year, unit: unit,
            department: Department(
                name: "", level: .city, duties: Duties(leadLine: nil, numbering: nil, items: []), units: [],
                internalInstitutions: nil,
                staff: Staff(
                    inPost: 0, other: 0, retiredPaidByUnit: 0, retiredPaidByPensionFund: 0, suppliedRetired: nil)
            ),
            subjects: [], carryOver: CarryOver(start: CarryOverStart()), basicExpenditureByEconomicCode: [],
            threePublic: ThreePublic(
                abroad: BudgetedItem(), vehiclePurchase: BudgetedItem(), vehicleOperation: BudgetedItem(),
                reception: Reception(), statistics: ThreePublicStatistics(), suppliedTotal: nil),
            assets: Assets(vehicles: Vehicles(), equipmentOverOneMillion: nil),
            fiscalInitialBudget: FiscalInitialBudget(byCategory: [:], suppliedTotal: nil), procurement: Procurement(),
            operatingCosts: nil, priorYear: PriorYear(), reasons: Reasons(),
            performance: Performance(
                selfEvaluation: SelfEvaluationSummary(grades: GradeCounts(), amount: .zero),
                departmentEvaluation: nil, overallEvaluation: nil, selfEvaluationText: [], selfEvaluationTables: [],
                departmentEvaluationNotes: nil),
            glossary: nil, annex: [], closingLine: nil)
    }
}
