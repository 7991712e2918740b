// Which equalities a published report's figures must satisfy: within each table, between the tables, and between
// the text of 第三部分 and the tables (format-spec §3 and §4: every narrative amount is a table figure).

extension FigureKey {
    static func c(_ table: PublicTable, _ row: String, _ column: String) -> FigureKey {
        .cell(TableCell(table, row, column))
    }

    static func t(_ clause: String, _ name: String = "amount") -> FigureKey { .text(clause, name) }
}

struct IdentityBuilder {
    let report: PublishedReport
    var identities: [Identity] = []

    init(_ report: PublishedReport) {
        self.report = report
    }

    static func build(_ report: PublishedReport) -> [Identity] {
        var builder = IdentityBuilder(report)
        builder.subjectTables()
        builder.table06()
        builder.table09And10()
        builder.tables01And04()
        builder.crossTables()
        builder.textAndTables()
        return builder.identities
    }

    private mutating func add(
        _ rule: AuditRule, _ total: FigureKey, _ parts: [FigureKey], minus: [FigureKey] = [], _ what: String,
        exact: Bool = false
    ) {
        identities.append(Identity(rule, total, parts, minus: minus, what, exact: exact))
    }

    /// Whether a figure is a count (10 表, 09 表 statistics, the counts of 第三部分 五、八).
    static func isCount(_ key: FigureKey) -> Bool {
        switch key {
        case .cell(let cell): return cell.table == .t10 || (cell.table == .t09 && (Int(cell.row) ?? 0) >= 10)
        case .text(let clause, let name):
            return clause == "s8.assets" || ["groups", "persons", "purchased", "held", "batches"].contains(name)
        }
    }

    // MARK: - Subject tables (02, 03, 05, 07, 08)

    /// The rows a 类/款 row (or 合计, "") adds in a subject table: its 款 (or its 项 where it prints no 款), or for 合计
    /// its 类 (or the 款 or 项 where the table prints no 类).
    static func children(of row: String, in rows: [String]) -> [String] {
        let coded = rows.filter { !$0.isEmpty }
        for length in [3, 5, 7] where length > row.count {
            let children = coded.filter { $0.count == length && $0.hasPrefix(row) }
            if !children.isEmpty { return children }
        }
        return []
    }

    private mutating func subjectTables() {
        for table in [PublicTable.t02, .t03, .t05, .t07, .t08] {
            guard let printed = report.tables[table] else { continue }
            let columns = SubjectTableColumns.columns(table).map(\.key)
            // Each row: its total column = the sum of the others.
            let rowParts: [String] =
                switch table {
                case .t07: ["basic", "project"]
                default: Array(columns.dropFirst())
                }
            for row in printed.rows {
                let label = row.isEmpty ? "合计" : "\(row) \(printed.labels[row] ?? "")"
                add(
                    AuditRules.tableSums, .c(table, row, "total"), rowParts.map { .c(table, row, $0) },
                    "\(table.label) \(label) 行：\(table == .t07 ? "本年支出小计 = 基本支出 + 项目支出" : "合计 = 各栏之和")")
                if table == .t07 {
                    add(
                        AuditRules.tableSums, .c(table, row, "carryOut"),
                        [.c(table, row, "carryIn"), .c(table, row, "income")],
                        minus: [.c(table, row, "total")], "\(table.label) \(label) 行：年末结转和结余 = 年初 + 本年收入 − 本年支出")
                }
            }
            // Each column: a 类/款/合计 row = the sum of the rows under it.
            for row in printed.rows where row.count < 7 {
                let children = Self.children(of: row, in: printed.rows)
                guard !children.isEmpty else { continue }
                let level = row.isEmpty ? "合计" : row.count == 3 ? "类 \(row)" : "款 \(row)"
                let childLevel = children[0].count == 3 ? "类" : children[0].count == 5 ? "款" : "项"
                for column in columns {
                    add(
                        AuditRules.tableSums, .c(table, row, column), children.map { .c(table, $0, column) },
                        "\(table.label) \(level) \(FigureBook.columnName(table, column)) = 所属各\(childLevel)之和")
                }
            }
        }
    }

    // MARK: - Table 06

    private mutating func table06() {
        guard let printed = report.tables[.t06] else { return }
        for group in EconomicCodes.groups where printed.rowLines[group] != nil {
            let leaves = EconomicCodes.all.filter { !$0.isGroup && $0.groupCode == group }.map(\.code)
                .filter { printed.rowLines[$0] != nil }
            guard !leaves.isEmpty else { continue }
            add(
                AuditRules.tableSums, .c(.t06, group, "amount"), leaves.map { .c(.t06, $0, "amount") },
                "公开06表 \(group) \(EconomicCodes.named(group)?.name ?? "") = 所属明细之和")
        }
        func groupsOrLeaves(_ groups: [String]) -> [FigureKey] {
            groups.flatMap { group -> [FigureKey] in
                if printed.rowLines[group] != nil { return [.c(.t06, group, "amount")] }
                return EconomicCodes.all.filter {
                    !$0.isGroup && $0.groupCode == group && printed.rowLines[$0.code] != nil
                }
                .map { .c(.t06, $0.code, "amount") }
            }
        }
        if printed.rowLines["personnel"] != nil {
            add(
                AuditRules.tableSums, .c(.t06, "personnel", "amount"), groupsOrLeaves(["301", "303"]),
                "公开06表 人员经费合计 = 301 + 303")
        }
        if printed.rowLines["publicExpenses"] != nil {
            add(
                AuditRules.tableSums, .c(.t06, "publicExpenses", "amount"),
                groupsOrLeaves(["302", "307", "310", "399"]),
                "公开06表 公用经费合计 = 302 + 307 + 310 + 399")
        }
    }

    // MARK: - Tables 09 and 10

    private mutating func table09And10() {
        if report.tables[.t09] != nil {
            for (column, name) in [("initialBudget", "年初预算数"), ("adjustedBudget", "全年预算数"), ("actual", "决算数")] {
                add(
                    AuditRules.tableSums, .c(.t09, "1", column), ["2", "3", "6"].map { .c(.t09, $0, column) },
                    "公开09表 \(name) 行1 = 行2 + 行3 + 行6")
                add(
                    AuditRules.tableSums, .c(.t09, "3", column), ["4", "5"].map { .c(.t09, $0, column) },
                    "公开09表 \(name) 行3 = 行4 + 行5")
            }
            add(
                AuditRules.tableSums, .c(.t09, "6", "actual"), ["7", "9"].map { .c(.t09, $0, "actual") },
                "公开09表 决算数 行6 = 行7 + 行9")
        }
        if report.tables[.t10] != nil {
            add(
                AuditRules.tableSums, .c(.t10, "1", "value"), (2...9).map { .c(.t10, String($0), "value") },
                "公开10表 车辆数合计 = 行 2–9 之和", exact: true)
        }
    }

    // MARK: - Tables 01 and 04

    /// The 行次 of a functional category in table 01 (32…) or 04 (33…).
    static func categoryRow(_ code: String, table: PublicTable) -> String? {
        guard let index = FunctionalCategories.all.firstIndex(where: { $0.code == code }) else { return nil }
        return String((table == .t01 ? 32 : 33) + index)
    }

    private mutating func tables01And04() {
        if report.tables[.t01] != nil {
            let r = { (row: Int) -> FigureKey in .c(.t01, String(row), "amount") }
            add(AuditRules.tableSums, r(27), (1...8).map(r), "公开01表 本年收入合计（行 27）= 行 1–8 之和")
            add(AuditRules.tableSums, r(31), [r(27), r(28), r(29)], "公开01表 收入总计（行 31）= 行 27 + 28 + 29")
            add(AuditRules.tableSums, r(58), (32...57).map(r), "公开01表 本年支出合计（行 58）= 各类支出之和")
            add(AuditRules.tableSums, r(62), [r(58), r(59), r(60)], "公开01表 支出总计（行 62）= 行 58 + 59 + 60")
            add(AuditRules.tableSums, r(62), [r(31)], "公开01表 收入总计（行 31）= 支出总计（行 62）")
        }
        if report.tables[.t04] != nil {
            let left = { (row: Int) -> FigureKey in .c(.t04, String(row), "amount") }
            add(AuditRules.tableSums, left(27), [left(1), left(2), left(3)], "公开04表 本年收入合计（行 27）= 行 1–3 之和")
            add(AuditRules.tableSums, left(28), [left(29), left(30), left(31)], "公开04表 年初财政拨款结转和结余（行 28）= 行 29–31 之和")
            add(AuditRules.tableSums, left(32), [left(27), left(28)], "公开04表 收入总计（行 32）= 行 27 + 28")
            let columns = [("total", "合计"), ("general", "一般公共预算"), ("fund", "政府性基金"), ("capital", "国有资本经营")]
            for (column, name) in columns {
                let right = { (row: Int) -> FigureKey in .c(.t04, String(row), column) }
                add(AuditRules.tableSums, right(59), (33...58).map(right), "公开04表 \(name) 本年支出合计（行 59）= 各类之和")
                add(AuditRules.tableSums, right(64), [right(59), right(60)], "公开04表 \(name) 支出总计（行 64）= 行 59 + 60")
            }
            for row in [59, 60, 64] + Array(33...58) where report.tables[.t04]?[String(row), "total"] != nil {
                add(
                    AuditRules.tableSums, .c(.t04, String(row), "total"),
                    ["general", "fund", "capital"].map { .c(.t04, String(row), $0) },
                    "公开04表 行 \(row)：合计 = 一般公共预算 + 政府性基金 + 国有资本经营")
            }
            add(AuditRules.tableSums, .c(.t04, "64", "total"), [left(32)], "公开04表 收入总计（行 32）= 支出总计（行 64）")
            // 年末财政拨款结转和结余 per source = 年初 + 收入 − 支出.
            for (column, start, income, name) in [
                ("general", 29, 1, "一般公共预算"), ("fund", 30, 2, "政府性基金"), ("capital", 31, 3, "国有资本经营"),
            ] {
                add(
                    AuditRules.tableSums, .c(.t04, "60", column), [left(start), left(income)],
                    minus: [.c(.t04, "59", column)], "公开04表 \(name) 年末财政拨款结转和结余 = 年初 + 本年收入 − 本年支出")
            }
        }
    }

    // MARK: - Between tables

    /// The figure of a subject table for a 类 (or 合计, ""): its row, or the sum of its rows below where the table
    /// prints no such row.
    private func subjectFigure(_ table: PublicTable, _ row: String, _ column: String) -> [FigureKey]? {
        guard let printed = report.tables[table] else { return nil }
        if printed.rowLines[row] != nil { return [.c(table, row, column)] }
        let children = Self.children(of: row, in: printed.rows)
        if children.isEmpty { return printed.rows.isEmpty && row.isEmpty ? nil : [] }
        return children.flatMap { subjectFigure(table, $0, column) ?? [] }
    }

    private mutating func crossTables() {
        let rule = AuditRules.crossTables
        let t01 = { (row: Int) -> FigureKey in .c(.t01, String(row), "amount") }
        let t04 = { (row: Int) -> FigureKey in .c(.t04, String(row), "amount") }
        if report.tables[.t01] != nil && report.tables[.t04] != nil {
            for row in 1...3 {
                add(rule, t04(row), [t01(row)], "公开04表 行 \(row) = 公开01表 行 \(row)（财政拨款收入）")
            }
        }
        if report.tables[.t01] != nil, let total = subjectFigure(.t02, "", "total"), !total.isEmpty {
            if total.count == 1 {
                add(rule, total[0], [t01(27)], "公开02表 合计 本年收入合计 = 公开01表 本年收入合计（行 27）")
            }
            if let fiscal = subjectFigure(.t02, "", "fiscal"), fiscal.count == 1 {
                add(rule, fiscal[0], [t01(1), t01(2), t01(3)], "公开02表 合计 财政拨款收入 = 公开01表 行 1–3 之和")
            }
            for (column, row) in [("superior", 4), ("business", 5), ("operating", 6), ("affiliated", 7), ("other", 8)] {
                if let figure = subjectFigure(.t02, "", column), figure.count == 1 {
                    add(
                        rule, figure[0], [t01(row)],
                        "公开02表 合计 \(FigureBook.columnName(.t02, column)) = 公开01表 行 \(row)")
                }
            }
        }
        if report.tables[.t01] != nil, let total = subjectFigure(.t03, "", "total"), total.count == 1 {
            add(rule, total[0], [t01(58)], "公开03表 合计 本年支出合计 = 公开01表 本年支出合计（行 58）")
        }
        for category in FunctionalCategories.all {
            let code = category.code
            if report.tables[.t01] != nil, let row = Self.categoryRow(code, table: .t01),
                let figures = subjectFigure(.t03, code, "total"), !figures.isEmpty
            {
                add(
                    rule, .c(.t01, row, "amount"), figures,
                    "公开01表 \(category.name)（行 \(row)）= 公开03表 类 \(code) 本年支出合计")
            }
            guard report.tables[.t04] != nil, let row = Self.categoryRow(code, table: .t04) else { continue }
            for (table, column, name) in [
                (PublicTable.t05, "general", "一般公共预算"), (.t07, "fund", "政府性基金"), (.t08, "capital", "国有资本经营"),
            ] {
                if let figures = subjectFigure(table, code, "total"), !figures.isEmpty {
                    add(
                        rule, .c(.t04, row, column), figures,
                        "公开04表 \(category.name) \(name)财政拨款支出 = \(table.label) 类 \(code) 合计")
                }
            }
        }
        if report.tables[.t04] != nil {
            for (table, column, name) in [
                (PublicTable.t05, "general", "一般公共预算"), (.t07, "fund", "政府性基金"), (.t08, "capital", "国有资本经营"),
            ] {
                if let figures = subjectFigure(table, "", "total"), figures.count == 1 {
                    add(rule, .c(.t04, "59", column), figures, "公开04表 本年支出合计 \(name) = \(table.label) 合计")
                }
            }
            if let carryIn = subjectFigure(.t07, "", "carryIn"), carryIn.count == 1 {
                add(rule, t04(30), carryIn, "公开04表 年初政府性基金预算财政拨款结转和结余（行 30）= 公开07表 合计 年初结转和结余")
            }
        }
        if let basic = subjectFigure(.t05, "", "basic"), basic.count == 1,
            report.tables[.t06]?.rowLines["personnel"] != nil,
            report.tables[.t06]?.rowLines["publicExpenses"] != nil
        {
            add(
                rule, basic[0], [.c(.t06, "personnel", "amount"), .c(.t06, "publicExpenses", "amount")],
                "公开05表 合计 基本支出 = 公开06表 人员经费合计 + 公用经费合计")
        }
    }

    // MARK: - Text and tables

    /// The table figures a clause's figure prints (its sum where it is several).
    static func tableFigures(_ clause: String, _ name: String) -> [FigureKey]? {
        let t01 = { (row: Int) -> FigureKey in .c(.t01, String(row), "amount") }
        let t09 = { (row: Int, column: String) -> FigureKey in .c(.t09, String(row), column) }
        switch (clause, name) {
        case ("s1.total", "amount"): return [t01(31)]
        case ("s1.carryIn", "amount"): return [t01(29)]
        case ("s1.nonFiscal", "amount"): return [t01(28)]
        case ("s1.income", "amount"): return [t01(27)]
        case ("s1.share.fiscal", "amount"): return [t01(1), t01(2), t01(3)]
        case ("s1.share.superior", "amount"): return [t01(4)]
        case ("s1.share.business", "amount"): return [t01(5)]
        case ("s1.share.operating", "amount"): return [t01(6)]
        case ("s1.share.affiliated", "amount"): return [t01(7)]
        case ("s1.share.other", "amount"): return [t01(8)]
        case ("s2.total", "amount"): return [t01(62)]
        case ("s2.expenditure", "amount"): return [t01(58)]
        case ("s2.surplus", "amount"): return [t01(59)]
        case ("s2.carryOut", "amount"): return [t01(60)]
        case ("s2.share.basic", "amount"): return [.c(.t03, "", "basic")]
        case ("s2.share.project", "amount"): return [.c(.t03, "", "project")]
        case ("s2.share.operating", "amount"): return [.c(.t03, "", "operating")]
        case ("s2.share.toSuperior", "amount"): return [.c(.t03, "", "toSuperior")]
        case ("s2.share.toAffiliated", "amount"): return [.c(.t03, "", "toAffiliated")]
        case ("s3.total", "actual"): return [.c(.t04, "59", "total")]
        case ("s4.total", "amount"): return [.c(.t05, "", "basic")]
        case ("s4.wages", "amount"): return [.c(.t06, "301", "amount")]
        case ("s4.goodsAndServices", "amount"): return [.c(.t06, "302", "amount")]
        case ("s4.subsidies", "amount"): return [.c(.t06, "303", "amount")]
        case ("s4.capital", "amount"): return [.c(.t06, "310", "amount")]
        case ("s5.total", "budget"): return [t09(1, "adjustedBudget")]
        case ("s5.total", "actual"): return [t09(1, "actual")]
        case ("s5.abroad", "budget"): return [t09(2, "adjustedBudget")]
        case ("s5.abroad", "actual"): return [t09(2, "actual")]
        case ("s5.abroad", "groups"): return [t09(11, "actual")]
        case ("s5.abroad", "persons"): return [t09(12, "actual")]
        case ("s5.vehicles", "budget"): return [t09(3, "adjustedBudget")]
        case ("s5.vehicles", "actual"): return [t09(3, "actual")]
        case ("s5.vehiclePurchase", "budget"): return [t09(4, "adjustedBudget")]
        case ("s5.vehiclePurchase", "actual"): return [t09(4, "actual")]
        case ("s5.vehiclePurchase", "purchased"): return [t09(13, "actual")]
        case ("s5.vehicleOperation", "budget"): return [t09(5, "adjustedBudget")]
        case ("s5.vehicleOperation", "actual"): return [t09(5, "actual")]
        case ("s5.vehicleOperation", "held"): return [t09(14, "actual")]
        case ("s5.reception", "budget"): return [t09(6, "adjustedBudget")]
        case ("s5.reception", "actual"): return [t09(6, "actual")]
        case ("s5.reception", "batches"): return [t09(15, "actual")]
        case ("s5.reception", "persons"): return [t09(17, "actual")]
        case ("s8.assets", "vehicles"): return [.c(.t10, "1", "value")]
        case ("s8.assets", "equipment"): return [.c(.t10, "10", "value")]
        default:
            if clause == "s8.assets", let index = NarrativeReader.vehicleKinds.firstIndex(where: { $0.0 == name }) {
                return [.c(.t10, String(index + 2), "value")]
            }
            if clause.hasPrefix("s3."), clause.count == 6, name == "actual",
                let row = categoryRow(String(clause.dropFirst(3)), table: .t04)
            {
                return [.c(.t04, row, "total")]
            }
            return nil
        }
    }

    private mutating func textAndTables() {
        let rule = AuditRules.textAmounts
        for clause in report.clauses {
            for (name, _) in clause.figures.sorted(by: { $0.key < $1.key }) {
                guard let figures = Self.tableFigures(clause.key, name) else { continue }
                let what = figures.count == 1 ? "正文的数与表格相同" : "正文的数 = 表格中各项之和"
                let key = FigureKey.t(clause.key, name)
                identities.append(Identity(rule, key, figures, what, exact: Self.isCount(key)))
            }
        }
        // Sums stated in the text.
        let items = report.clauses.filter { $0.key.hasPrefix("s3.") && $0.key != "s3.total" }
        if !items.isEmpty {
            add(
                rule, .t("s3.total", "budget"), items.map { .t($0.key, "budget") },
                "第三部分 三 财政拨款本年支出年初预算数 = 各类年初预算数之和")
        }
        add(
            rule, .t("s7.total"), [.t("s7.goods"), .t("s7.works"), .t("s7.services")],
            "第三部分 七 政府采购支出总额 = 货物 + 工程 + 服务")
        add(
            rule, .t("s5.vehicles", "budget"),
            [.t("s5.vehiclePurchase", "budget"), .t("s5.vehicleOperation", "budget")],
            "第三部分 五（二）公务用车购置及运行维护费全年预算数 = 购置 + 运行维护")
        add(
            rule, .t("s5.vehicles", "actual"),
            [.t("s5.vehiclePurchase", "actual"), .t("s5.vehicleOperation", "actual")],
            "第三部分 五（二）公务用车购置及运行维护费决算数 = 购置 + 运行维护")
    }
}
