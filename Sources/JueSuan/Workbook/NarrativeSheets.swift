import Documents

// The sheets behind 第三部分's comparisons: 上年数 (last year's figures beside this year's), 年初预算 (per 类, with the
// 决算数 and completion beside it) and 原因说明 (every reason slot with the figure it explains, its comparison and
// whether a reason is expected). This year's figures are formulas over the table sheets, so they follow the clerk's
// edits; the report itself never uses them (it derives everything again).

/// Cells of the table sheets that other sheets show: this year's figures.
struct FigureCells {
    /// `'公开01表'!$C$36` by figure name, with the figure's value for the data written.
    var cells: [String: (reference: String, cached: Spreadsheet.Value.Cached)] = [:]

    mutating func add(
        _ name: String, sheet: String, _ position: CellAddress, _ cached: Spreadsheet.Value.Cached
    ) {
        cells[name] = (Spreadsheet.quotedSheetName(sheet) + "!" + position.absolute, cached)
    }

    func formula(_ name: String) -> Spreadsheet.Value {
        guard let cell = cells[name] else { return .empty }
        return .formula(cell.reference, cached: cell.cached)
    }
}

/// A figure compared with another, and the reason slot (if any) it calls for.
struct ComparedRow {
    let label: String
    /// This year's figure: a name in `FigureCells`.
    let current: String
    /// Last year's figure: a field of `priorYear`.
    let prior: FormField
}

/// 上年数: last year's figures, entered (or filled from last year's file by `--prior`).
enum PriorYearSheet {
    static let name = "上年数"

    static let rows: [ComparedRow] = [
        ComparedRow(label: "年初结转和结余", current: "carryIn", prior: field("年初结转和结余", ["carryIn"])),
        ComparedRow(
            label: "使用非财政拨款结余（含专用结余）", current: "nonFiscalBalanceUsed",
            prior: field("使用非财政拨款结余（含专用结余）", ["nonFiscalBalanceUsed"])),
        ComparedRow(label: "本年收入合计", current: "income", prior: field("本年收入合计", ["income"])),
        ComparedRow(label: "本年支出合计", current: "expenditure", prior: field("本年支出合计", ["expenditure"])),
        ComparedRow(label: "结余分配", current: "surplusDistribution", prior: field("结余分配", ["surplusDistribution"])),
        ComparedRow(label: "年末结转和结余", current: "carryOut", prior: field("年末结转和结余", ["carryOut"])),
        ComparedRow(label: "基本支出：工资福利支出", current: "301", prior: field("工资福利支出", ["basic", "wages"])),
        ComparedRow(
            label: "基本支出：商品和服务支出", current: "302", prior: field("商品和服务支出", ["basic", "goodsAndServices"])),
        ComparedRow(
            label: "基本支出：对个人和家庭的补助", current: "303", prior: field("对个人和家庭的补助", ["basic", "subsidies"])),
        ComparedRow(label: "基本支出：资本性支出", current: "310", prior: field("资本性支出", ["basic", "capital"])),
        ComparedRow(
            label: "“三公”经费：因公出国（境）费", current: "abroad", prior: field("因公出国（境）费", ["threePublic", "abroad"])),
        ComparedRow(
            label: "“三公”经费：公务用车购置费", current: "vehiclePurchase",
            prior: field("公务用车购置费", ["threePublic", "vehiclePurchase"])),
        ComparedRow(
            label: "“三公”经费：公务用车运行维护费", current: "vehicleOperation",
            prior: field("公务用车运行维护费", ["threePublic", "vehicleOperation"])),
        ComparedRow(
            label: "“三公”经费：公务接待费", current: "reception", prior: field("公务接待费", ["threePublic", "reception"])),
        ComparedRow(
            label: "“三公”经费合计（核对用）", current: "threePublicTotal",
            prior: field("“三公”经费合计", ["threePublic", "total"])),
        ComparedRow(label: "机关运行经费", current: "operatingCosts", prior: field("机关运行经费", ["operatingCosts"])),
    ]

    static func field(_ label: String, _ path: [String]) -> FormField {
        FormField(label, ["priorYear"] + path, .amount)
    }

    /// Where each prior figure's cell is, for 原因说明: `'上年数'!$B$5` by the `current` name.
    static func references() -> [String: String] {
        var references: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            references[row.current] = Spreadsheet.quotedSheetName(name) + "!$B$\(firstRow + index)"
        }
        return references
    }

    static let firstRow = 4

    static func make(tree: JSONNode?, figures: FigureCells, unit: InputUnit) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 6, columnWidths: [34, 16, 16, 16, 12, 40])
        builder.heading(
            "上年决算数（用于“比上年增减”）",
            instructions: [
                "在黄色单元格中填写上年决算报告中的数字，单位为\(unit.rawValue)；为 0 的可不填。用 juesuan workbook --prior 上年文件 生成的工作簿已由上年数据自动填好。"
                    + "“本年决算数”“增减”是公式，随各表变化。“三公”经费合计（核对用）可不填；填写时须等于四项之和。"
            ])
        builder.header(["项目", "上年决算数", "本年决算数", "增减额", "增减率", "说明"])
        builder.freezeHere()
        for row in rows {
            let r = builder.nextRow()
            builder.set(1, .text(row.label), WorkbookStyle.label)
            builder.set(2, row.prior.value(in: tree), WorkbookStyle.inputAmount)
            builder.set(3, figures.formula(row.current), WorkbookStyle.computedAmount)
            builder.set(4, .formula("IF(C\(r)=\"\",\"\",C\(r)-B\(r))", cached: nil), WorkbookStyle.computedAmount)
            builder.set(
                5, .formula("IF(N(B\(r))=0,\"\",(C\(r)-B\(r))/B\(r))", cached: nil), WorkbookStyle.computedPercent)
            builder.set(6, .empty, WorkbookStyle.label)
        }
        return builder.finish()
    }
}

/// 年初预算: 财政拨款支出 年初预算数 per 类 (第三部分 三).
enum BudgetSheet {
    static let name = "年初预算"
    static let totalLabel = "合计（核对用）"

    static func codes(_ input: DepartmentInput) -> [String] {
        let standard = FunctionalCategories.all.map(\.code)
        return standard + input.fiscalInitialBudget.byCategory.keys.filter { !standard.contains($0) }.sorted()
    }

    /// Where each 类's budget cell is, for 原因说明.
    static func references(_ input: DepartmentInput) -> [String: String] {
        var references: [String: String] = [:]
        for (index, code) in codes(input).enumerated() {
            references[code] = Spreadsheet.quotedSheetName(name) + "!$C$\(firstRow + index)"
        }
        return references
    }

    static let firstRow = 4

    static func make(_ input: DepartmentInput, figures: FigureCells, unit: InputUnit) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 5, columnWidths: [10, 30, 18, 18, 12])
        builder.heading(
            "财政拨款支出年初预算数（按功能分类 类级）",
            instructions: [
                "在黄色单元格中填写各类财政拨款支出的年初预算数，单位为\(unit.rawValue)；没有的不填。“决算数”“完成率”是公式，取自公开04表。"
                    + "最后一行“合计（核对用）”可不填；填写时须等于各类之和。"
            ])
        builder.header(["类级科目编码", "科目名称", "年初预算数", "决算数", "完成率"])
        builder.freezeHere()
        let budgets = input.fiscalInitialBudget.byCategory
        let list = codes(input)
        for code in list {
            let r = builder.nextRow()
            builder.set(1, .text(code), WorkbookStyle.centered)
            builder.set(2, .text(FunctionalCategories.named(code)?.name ?? ""), WorkbookStyle.label)
            builder.set(3, CellValues.amount(budgets[code], unit: unit), WorkbookStyle.inputAmount)
            builder.set(4, figures.formula("category:" + code), WorkbookStyle.computedAmount)
            builder.set(5, .formula("IF(N(C\(r))=0,\"\",D\(r)/C\(r))", cached: nil), WorkbookStyle.computedPercent)
        }
        let r = builder.nextRow()
        builder.set(1, .text(totalLabel), WorkbookStyle.label)
        builder.sheet.merges.append(CellRange(rows: r...r, columns: 1...2))
        builder.set(2, .empty, WorkbookStyle.label)
        let first = firstRow
        let last = r - 1
        if let total = input.fiscalInitialBudget.suppliedTotal {
            builder.set(3, CellValues.amount(total, unit: unit), WorkbookStyle.inputAmount)
        } else {
            builder.set(
                3,
                CellValues.formula("SUM(C\(first):C\(last))", amount: input.fiscalInitialBudget.total, unit: unit),
                WorkbookStyle.computedAmount)
        }
        builder.set(4, .formula("SUM(D\(first):D\(last))", cached: nil), WorkbookStyle.computedAmount)
        builder.set(5, .formula("IF(N(C\(r))=0,\"\",D\(r)/C\(r))", cached: nil), WorkbookStyle.computedPercent)
        return builder.finish()
    }
}

/// 原因说明: one row per reason slot of 第三部分.
enum ReasonsSheet {
    static let name = "原因说明"

    /// What the figure beside a reason is compared with.
    enum Comparison {
        /// 比上年: this year's figure and last year's (a cell of 上年数).
        case priorYear(String)
        /// 预算执行: the 决算数 and the 全年预算数 (a figure name).
        case budget(String)
        /// 类 预决算差异: the 决算数 and the 年初预算数 (a cell of 年初预算).
        case initialBudget(String)
        /// A count that calls for the text when above 0 (团组数, 接待批次, 其他用车).
        case count
    }

    struct Slot {
        let label: String
        let path: [String]
        let current: String
        let comparison: Comparison
    }

    static func slots(_ input: DepartmentInput) -> [Slot] {
        let prior = PriorYearSheet.references()
        func item(_ key: String, _ title: String, describedBy count: String?) -> [Slot] {
            var slots = [
                Slot(
                    label: "\(title)：决算数与全年预算数差异原因", path: ["threePublic", key, "budget"], current: key,
                    comparison: .budget(key + ":budget")),
                Slot(
                    label: "\(title)：比上年变动原因", path: ["threePublic", key, "change"], current: key,
                    comparison: .priorYear(prior[key]!)),
            ]
            if let count {
                slots.append(
                    Slot(
                        label: "\(title)：主要用途（“主要是”后的内容）", path: ["threePublic", key, "description"],
                        current: count, comparison: .count))
            }
            return slots
        }
        var slots = [
            Slot(
                label: "本年收入合计：比上年变动原因", path: ["income"], current: "income",
                comparison: .priorYear(prior["income"]!)),
            Slot(
                label: "本年支出合计：比上年变动原因", path: ["expenditure"], current: "expenditure",
                comparison: .priorYear(prior["expenditure"]!)),
            Slot(
                label: "年末结转和结余：比上年变动原因", path: ["carryOut"], current: "carryOut",
                comparison: .priorYear(prior["carryOut"]!)),
            Slot(
                label: "工资福利支出：比上年变动原因", path: ["basic", "wages"], current: "301",
                comparison: .priorYear(prior["301"]!)),
            Slot(
                label: "商品和服务支出：比上年变动原因", path: ["basic", "goodsAndServices"], current: "302",
                comparison: .priorYear(prior["302"]!)),
            Slot(
                label: "对个人和家庭的补助：比上年变动原因", path: ["basic", "subsidies"], current: "303",
                comparison: .priorYear(prior["303"]!)),
            Slot(
                label: "资本性支出：比上年变动原因", path: ["basic", "capital"], current: "310",
                comparison: .priorYear(prior["310"]!)),
        ]
        slots += item("abroad", "因公出国（境）费", describedBy: "abroadGroups")
        slots += item("vehiclePurchase", "公务用车购置费", describedBy: nil)
        slots += item("vehicleOperation", "公务用车运行维护费", describedBy: nil)
        slots += item("reception", "公务接待费", describedBy: "receptionBatches")
        slots += [
            Slot(
                label: "机关运行经费：比上年变动原因", path: ["operatingCosts"], current: "operatingCosts",
                comparison: .priorYear(prior["operatingCosts"]!)),
            Slot(label: "其他用车主要是用于", path: ["otherVehiclesUse"], current: "otherVehicles", comparison: .count),
        ]
        let budgets = BudgetSheet.references(input)
        for code in BudgetSheet.codes(input)
            + (input.reasons.categories ?? [:]).keys.filter({ budgets[$0] == nil })
            .sorted()
        {
            let name = FunctionalCategories.named(code)?.name ?? ""
            slots.append(
                Slot(
                    label: "\(code) \(name)（类）：决算数与年初预算数差异原因", path: ["categories", code],
                    current: "category:" + code, comparison: .initialBudget(budgets[code] ?? "0")))
        }
        return slots
    }

    /// Each slot's reason path by its label as compared (the 26 standard 类 included), for reading.
    static let pathsByLabel: [String: [String]] = {
        var byLabel: [String: [String]] = [:]
        for slot in slots(DepartmentInput.blank(year: 2000)) { byLabel[Labels.normalized(slot.label)] = slot.path }
        return byLabel
    }()

    static func make(_ input: DepartmentInput, tree: JSONNode?, figures: FigureCells) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 7, columnWidths: [44, 14, 14, 14, 11, 10, 60])
        builder.heading(
            "原因说明（第三部分）",
            instructions: [
                "在黄色单元格中填写原因，句末的“。”可写可不写。“是否需要说明”按报告的规则提示：比上年增减达到 10% 或从 0 变为非 0、决算数与预算数不同、有出国团组或接待批次或其他用车时需要说明；"
                    + "需要而未填写时，报告中印“（此处请补充内容）”，juesuan validate 给出警告。不需要说明的原因不会印出。"
            ])
        builder.header(["说明项", "本年数", "比较数", "增减额", "增减率/完成率", "是否需要说明", "原因（填写）"])
        builder.freezeHere()
        for slot in slots(input) {
            let r = builder.nextRow()
            builder.set(1, .text(slot.label), WorkbookStyle.label)
            builder.set(2, figures.formula(slot.current), WorkbookStyle.computedAmount)
            let reasonField = FormField(slot.label, ["reasons"] + slot.path, .text)
            switch slot.comparison {
            case .priorYear(let reference), .initialBudget(let reference):
                builder.set(3, .formula(reference, cached: nil), WorkbookStyle.computedAmount)
            case .budget(let name):
                builder.set(3, figures.formula(name), WorkbookStyle.computedAmount)
            case .count:
                builder.sheet.set(r, 2, figures.formula(slot.current), WorkbookStyle.computedCount)
                builder.set(3, .empty, WorkbookStyle.computedText)
            }
            if case .count = slot.comparison {
                builder.set(4, .empty, WorkbookStyle.computedText)
                builder.set(5, .empty, WorkbookStyle.computedText)
                builder.set(6, .formula("IF(N(B\(r))>0,\"需要\",\"\")", cached: nil), WorkbookStyle.computedText)
            } else {
                builder.set(4, .formula("B\(r)-C\(r)", cached: nil), WorkbookStyle.computedAmount)
                let isChange: Bool
                if case .priorYear = slot.comparison { isChange = true } else { isChange = false }
                builder.set(
                    5,
                    .formula(
                        isChange ? "IF(N(C\(r))=0,\"\",(B\(r)-C\(r))/ABS(C\(r)))" : "IF(N(C\(r))=0,\"\",B\(r)/C\(r))",
                        cached: nil), WorkbookStyle.computedPercent)
                let flag =
                    isChange
                    ? "IF(ROUND(B\(r)-C\(r),6)=0,\"\",IF(ROUND(C\(r),6)=0,\"需要\",IF(ABS(B\(r)-C\(r))/ABS(C\(r))>=0.1,\"需要\",\"\")))"
                    : "IF(ROUND(B\(r)-C\(r),6)=0,\"\",\"需要\")"
                builder.set(6, .formula(flag, cached: nil), WorkbookStyle.computedText)
            }
            builder.set(7, reasonField.value(in: tree), WorkbookStyle.inputText)
            builder.sheet.rowHeights[r] = max(
                20, SheetBuilder.height(of: slot.label, width: 44),
                SheetBuilder.height(of: reasonText(tree, reasonField), width: 60))
        }
        return builder.finish(landscape: true)
    }

    static func reasonText(_ tree: JSONNode?, _ field: FormField) -> String {
        if case .text(let text) = field.value(in: tree) { return text }
        return ""
    }
}
