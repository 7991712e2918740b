import Documents

// The form sheets of the department workbook: 基本信息, 部门概况, 政府采购 and the parts of 绩效 that are single values
// or lists. Each is a list of `FormField`s and list blocks; `WorkbookReader` reads them back by their labels.

/// 基本信息: year, unit, department name, level, closing line. Its cells are referred to by formulas of the other
/// sheets (the 部门 / 年度 / 金额单位 lines), so its rows are fixed.
enum BasicInfoSheet {
    static let name = "基本信息"

    enum Key: Int, CaseIterable {
        case year = 0
        case unit, name, level, closingLine
    }

    /// The first field row (after title, instruction and header).
    static let firstRow = 4

    static let fields: [FormField] = [
        FormField("决算年度", ["year"], .year, note: "四位数字，如 2024。"),
        FormField(
            "金额单位", ["unit"], .choice(InputUnit.allCases.map(\.rawValue)),
            note: "整个工作簿的金额单位：万元 或 元。选“元”时报告按 1 万元 = 10000 元换算，统一以万元列示。"),
        FormField("部门名称", ["department", "name"], .text, note: "印在报告标题和各表“部门：”行。"),
        FormField(
            "政府级次", ["department", "level"], .choice(GovernmentLevel.allCases.map(\.rawValue)),
            note: "用于名词解释“财政拨款：指市级财政……”。"),
        FormField("落款", ["closingLine"], .text, note: "可不填；填写时印在报告最后一行（右对齐）。"),
    ]

    /// An absolute reference to a field's value cell, for formulas: `'基本信息'!$B$4`.
    static func reference(_ key: Key) -> String {
        Spreadsheet.quotedSheetName(name) + "!$B$\(firstRow + key.rawValue)"
    }

    static func make(tree: JSONNode?) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 3, columnWidths: [18, 30, 70])
        builder.heading(
            "部门基本信息",
            instructions: [
                "在黄色单元格中填写。本工作簿用于生成部门决算公开报告：填好各表后运行 juesuan render 本文件.xlsx。各表的“部门”“年度”“金额单位”行取自本表。"
            ])
        builder.header(["项目", "填写内容", "说明"])
        builder.freezeHere()
        for field in fields { builder.field(field, tree: tree) }
        return builder.finish()
    }
}

/// 部门概况 (第一部分): duties, units, internal institutions, staff.
enum OverviewSheet {
    static let name = "部门概况"

    static let dutiesTitle = "一、部门主要职责"
    static let unitsTitle = "二、纳入决算汇编范围的单位"
    static let institutionsTitle = "三、内设机构（部门本级）"
    static let staffTitle = "四、人员情况"

    static let dutyFields: [FormField] = [
        FormField(
            "职责前加“主要职责是：”", ["department", "duties", "leadLine"], .flag, note: "选“是”时在职责前加引导语“主要职责是：”。"),
        FormField(
            "职责编号样式", ["department", "duties", "numbering"], .choice(DutyNumbering.allCases.map(\.rawValue)),
            note: "每条职责前的编号，不填为“（一）”；条目自带编号时选“无”。"),
    ]

    static let staffFields: [FormField] = [
        FormField("年末编制内实有人员", ["department", "staff", "inPost"], .count, note: "人"),
        FormField("其他人员", ["department", "staff", "other"], .count, note: "人"),
        FormField("单位发放离退休费的人员", ["department", "staff", "retiredPaidByUnit"], .count, note: "人"),
        FormField("养老保险基金发放养老金的人员", ["department", "staff", "retiredPaidByPensionFund"], .count, note: "人"),
        FormField(
            "离退休人员（核对用）", ["department", "staff", "retired"], .count,
            note: "可不填；填写时须等于上面两项之和，报告中始终印两项之和。"),
    ]

    static func make(_ input: DepartmentInput, tree: JSONNode?, blank: Bool) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 3, columnWidths: [26, 70, 24])
        builder.heading(
            "部门概况（第一部分）",
            instructions: [
                "在黄色单元格中填写。职责每条一行，不写编号（编号由程序按所选样式加）；单位、内设机构每个一行。行不够时插入行。"
            ])
        builder.section(dutiesTitle)
        for field in dutyFields { builder.field(field, tree: tree) }
        ListBlock.write(
            header: ["序号", "职责内容"], rows: input.department.duties.items.map { [$0] },
            spare: blank ? 20 : 3, styles: [WorkbookStyle.inputText], into: &builder)
        builder.skip()
        builder.section(unitsTitle)
        ListBlock.write(
            header: ["序号", "单位名称", "预算级次"],
            rows: input.department.units.map { [$0.name, $0.budgetLevel ?? ""] }, spare: blank ? 10 : 3,
            styles: [WorkbookStyle.inputText, WorkbookStyle.inputText], into: &builder)
        builder.skip()
        builder.section(institutionsTitle)
        ListBlock.write(
            header: ["序号", "内设机构名称"], rows: (input.department.internalInstitutions ?? []).map { [$0] },
            spare: blank ? 15 : 3, styles: [WorkbookStyle.inputText], into: &builder)
        builder.skip()
        builder.section(staffTitle)
        for field in staffFields { builder.field(field, tree: tree) }
        return builder.finish()
    }
}

/// A numbered list under a header row: `序号` in column A, the texts from column B.
enum ListBlock {
    static func write(
        header: [String], rows: [[String]], spare: Int, styles: [CellStyle], into builder: inout SheetBuilder
    ) {
        builder.header(header)
        for (index, row) in (rows + Array(repeating: [], count: spare)).enumerated() {
            builder.nextRow()
            builder.set(1, .number(String(index + 1)), WorkbookStyle.centered)
            for (column, style) in styles.enumerated() {
                let text = column < row.count ? row[column] : ""
                builder.set(column + 2, text.isEmpty ? .empty : .text(text), style)
            }
        }
    }
}

/// 政府采购 and 机关运行经费 (第三部分 六、七).
enum ProcurementSheet {
    static let name = "政府采购及运行经费"

    static let fields: [FormField] = [
        FormField("政府采购货物支出", ["procurement", "goods"], .amount),
        FormField("政府采购工程支出", ["procurement", "works"], .amount),
        FormField("政府采购服务支出", ["procurement", "services"], .amount),
        FormField(
            "政府采购支出总额（核对用）", ["procurement", "total"], .amount, note: "可不填；填写时须等于货物、工程、服务之和。"),
        FormField("授予中小企业合同金额：货物", ["procurement", "smeGoods"], .amount),
        FormField("授予中小企业合同金额：工程", ["procurement", "smeWorks"], .amount),
        FormField("授予中小企业合同金额：服务", ["procurement", "smeServices"], .amount),
        FormField("授予小微企业合同金额", ["procurement", "micro"], .amount),
        FormField(
            "机关运行经费", ["operatingCosts"], .amount, note: "不填时等于公开06表“公用经费合计”；与之不同时填写。"),
    ]

    static func make(tree: JSONNode?, unit: InputUnit) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 3, columnWidths: [30, 18, 60])
        builder.heading(
            "政府采购支出和机关运行经费（第三部分 六、七）",
            instructions: ["在黄色单元格中填写金额，单位为\(unit.rawValue)。金额为 0 的可不填。"])
        builder.header(["项目", "金额", "说明"])
        builder.freezeHere()
        for field in fields { builder.field(field, tree: tree) }
        return builder.finish()
    }
}
