import Documents
import Foundation

// 第三部分 九 预算绩效情况: the summary figures and lists (绩效), the self-evaluation tables (自评表, one block per
// project, laid out like the printed 项目支出绩效自评表), and the department's own text (自评说明, as content blocks).

/// 绩效: the self-evaluation summary, the department evaluation, the overall evaluation and the closing notes.
enum PerformanceSheet {
    static let name = "绩效"

    static let selfEvaluationTitle = "一、项目绩效自评"
    static let departmentTitle = "二、部门评价"
    static let departmentProjectsHeader = "部门评价项目名称"
    static let overallTitle = "三、部门整体支出绩效评价"
    static let notesTitle = "四、项目部门评价的补充说明（印在“项目部门评价报告见第五部分附件。”之后）"

    static let selfEvaluationFields: [FormField] = [
        FormField("自评结果为“优”的项目数", ["performance", "selfEvaluation", "grades", "excellent"], .count),
        FormField("自评结果为“良”的项目数", ["performance", "selfEvaluation", "grades", "good"], .count),
        FormField("自评结果为“中”的项目数", ["performance", "selfEvaluation", "grades", "fair"], .count),
        FormField("自评结果为“差”的项目数", ["performance", "selfEvaluation", "grades", "poor"], .count),
        FormField("自评项目共涉及资金", ["performance", "selfEvaluation", "amount"], .amount),
        FormField(
            "项目支出总额（计算占比用）", ["performance", "selfEvaluation", "projectExpenditureTotal"], .amount,
            note: "不填时为公开03表项目支出合计。"),
        FormField(
            "等级的说法", ["performance", "selfEvaluation", "gradeSentence"],
            .choice(GradeSentence.allCases.map(\.rawValue)),
            note: "不填为“各档个数”（其中，X 个项目评价结果为“优”，…“良”…）；“有项目的档”只说有项目的等级；“单个项目”说“其中，某项目评价结果为“优””。"),
        FormField(
            "自评表前的引导语", ["performance", "tablesLeadIn"], .choice(TablesLeadIn.allCases.map(\.rawValue)),
            note: "不填为“…项目支出绩效自评表如下：”；“自评结果”为“…自评结果如下：”；“无”不写这一句。"),
    ]

    static let departmentFields: [FormField] = [
        FormField("涉及一般公共预算支出", ["performance", "departmentEvaluation", "generalBudget"], .amount),
        FormField("涉及政府性基金预算支出", ["performance", "departmentEvaluation", "governmentFund"], .amount),
        FormField("涉及国有资本经营预算支出", ["performance", "departmentEvaluation", "stateCapital"], .amount),
        FormField(
            "评价结论（“从评价情况看，”之后）", ["performance", "departmentEvaluation", "assessment"], .text,
            note: "没有部门评价项目时本节全部不填。"),
    ]

    static let overallFields: [FormField] = [
        FormField("涉及一般公共预算支出", ["performance", "overallEvaluation", "generalBudget"], .amount),
        FormField("涉及政府性基金预算支出", ["performance", "overallEvaluation", "governmentFund"], .amount),
        FormField("评价结果", ["performance", "overallEvaluation", "grade"], .choice(["优", "良", "中", "差"])),
        FormField(
            "评价结论（“从评价情况看，”之后）", ["performance", "overallEvaluation", "assessment"], .text,
            note: "没有开展部门整体支出绩效评价时本节全部不填。"),
    ]

    static func make(_ input: DepartmentInput, tree: JSONNode?, blank: Bool, unit: InputUnit) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 3, columnWidths: [36, 60, 30])
        builder.heading(
            "预算绩效情况（第三部分 九）",
            instructions: [
                "在黄色单元格中填写，金额单位为\(unit.rawValue)。项目支出绩效自评表在“自评表”表填写，自评情况的文字在“自评说明”表填写。"
            ])
        builder.section(selfEvaluationTitle)
        for field in selfEvaluationFields { builder.field(field, tree: tree) }
        builder.skip()
        builder.section(departmentTitle)
        for field in departmentFields { builder.field(field, tree: tree) }
        ListBlock.write(
            header: ["序号", departmentProjectsHeader],
            rows: (input.performance.departmentEvaluation?.projects ?? []).map { [$0] }, spare: blank ? 5 : 2,
            styles: [WorkbookStyle.inputText], into: &builder)
        builder.skip()
        builder.section(overallTitle)
        for field in overallFields { builder.field(field, tree: tree) }
        builder.skip()
        builder.section(notesTitle)
        ListBlock.write(
            header: ["序号", "段落"], rows: (input.performance.departmentEvaluationNotes ?? []).map { [$0] },
            spare: blank ? 5 : 2, styles: [WorkbookStyle.inputText], into: &builder)
        return builder.finish()
    }
}

/// 自评表: 项目支出绩效自评表, one block per project.
enum SelfEvaluationSheet {
    static let name = "自评表"

    static let projectLabel = "项目名称"
    static let supervisorLabel = "主管部门"
    static let implementerLabel = "实施单位"
    static let fundsLabel = "项目资金"
    static let fiscalLabel = "财政拨款"
    static let otherLabel = "其他资金"
    static let deviationLabel = "资金偏差原因及整改措施"
    static let goalLabel = "年度总体目标"
    static let indicatorHeader = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    static let totalLabel = "总分（核对用）"
    static let fundsHeader = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]

    static func make(_ input: DepartmentInput, blank: Bool, unit: InputUnit) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 8, columnWidths: [14, 14, 24, 16, 16, 8, 8, 30])
        builder.heading(
            "项目支出绩效自评表",
            instructions: [
                "每个项目一块，从“项目名称”行开始，到“总分”行结束；要加项目时复制整块粘贴到下面。资金单位为\(unit.rawValue)。绩效指标每行一个，行不够时插入行。"
                    + "“执行率”是公式；“总分（核对用）”可不填，填写时须等于各项得分之和。"
            ])
        let tables = input.performance.selfEvaluationTables
        // At least one block to copy, three in an empty workbook.
        let count = max(tables.count, blank ? 3 : 1)
        for index in 0..<count {
            write(index < tables.count ? tables[index] : nil, blank: blank, unit: unit, into: &builder)
            builder.skip()
        }
        return builder.finish(landscape: true)
    }

    static func write(_ table: SelfEvaluationTable?, blank: Bool, unit: InputUnit, into builder: inout SheetBuilder) {
        func labelRow(_ label: String, _ value: String?, span: ClosedRange<Int> = 2...8) {
            let r = builder.nextRow()
            builder.set(1, .text(label), WorkbookStyle.header)
            builder.set(span.lowerBound, CellValues.text(value), WorkbookStyle.inputText)
            for column in span.dropFirst() { builder.set(column, .empty, WorkbookStyle.inputText) }
            builder.sheet.merges.append(CellRange(rows: r...r, columns: span))
        }
        labelRow(projectLabel, table?.projectName)
        let r = builder.nextRow()
        builder.set(1, .text(supervisorLabel), WorkbookStyle.header)
        builder.set(2, CellValues.text(table?.supervisor), WorkbookStyle.inputText)
        builder.set(3, .empty, WorkbookStyle.inputText)
        builder.sheet.merges.append(CellRange(rows: r...r, columns: 2...3))
        builder.set(4, .text(implementerLabel), WorkbookStyle.header)
        builder.set(5, CellValues.text(table?.implementer), WorkbookStyle.inputText)
        for column in 6...8 { builder.set(column, .empty, WorkbookStyle.inputText) }
        builder.sheet.merges.append(CellRange(rows: r...r, columns: 5...8))

        builder.nextRow()
        builder.set(1, .text(fundsLabel), WorkbookStyle.header)
        builder.set(2, .empty, WorkbookStyle.header)
        for (offset, text) in fundsHeader.enumerated() { builder.set(offset + 3, .text(text), WorkbookStyle.header) }
        func fundsRow(_ label: String, _ funds: ProjectFunds?, scored: Bool) {
            let r = builder.nextRow()
            builder.set(1, .empty, WorkbookStyle.header)
            builder.set(2, .text(label), WorkbookStyle.label)
            builder.set(3, CellValues.amount(funds?.initialBudget, unit: unit), WorkbookStyle.inputAmount)
            builder.set(4, CellValues.amount(funds?.adjustedBudget, unit: unit), WorkbookStyle.inputAmount)
            builder.set(5, CellValues.amount(funds?.executed, unit: unit), WorkbookStyle.inputAmount)
            builder.set(
                7, .formula("IF(N(D\(r))=0,\"\",E\(r)/D\(r))", cached: nil), WorkbookStyle.computedPercent)
            if scored {
                builder.set(6, score(table?.fundsWeight), WorkbookStyle.inputScore)
                builder.set(8, score(table?.fundsScore), WorkbookStyle.inputScore)
            } else {
                builder.set(6, .empty, WorkbookStyle.computedText)
                builder.set(8, .empty, WorkbookStyle.computedText)
            }
        }
        let fundsFirst = builder.row
        fundsRow(fiscalLabel, table?.fiscalFunds, scored: true)
        fundsRow(otherLabel, table?.otherFunds, scored: false)
        builder.sheet.merges.append(CellRange(rows: fundsFirst...builder.row, columns: 1...1))
        labelRow(deviationLabel, table?.fundsDeviation)

        let g = builder.nextRow()
        builder.set(1, .text(goalLabel), WorkbookStyle.header)
        builder.set(2, .text("预期目标"), WorkbookStyle.header)
        builder.set(3, .empty, WorkbookStyle.header)
        builder.set(4, .empty, WorkbookStyle.header)
        builder.set(5, .text("实际完成情况"), WorkbookStyle.header)
        for column in 6...8 { builder.set(column, .empty, WorkbookStyle.header) }
        builder.sheet.merges.append(CellRange(rows: g...g, columns: 2...4))
        builder.sheet.merges.append(CellRange(rows: g...g, columns: 5...8))
        let v = builder.nextRow()
        builder.set(1, .empty, WorkbookStyle.header)
        builder.set(2, CellValues.text(table?.goal), WorkbookStyle.inputText)
        builder.set(3, .empty, WorkbookStyle.inputText)
        builder.set(4, .empty, WorkbookStyle.inputText)
        builder.set(5, CellValues.text(table?.result), WorkbookStyle.inputText)
        for column in 6...8 { builder.set(column, .empty, WorkbookStyle.inputText) }
        builder.sheet.merges.append(CellRange(rows: g...v, columns: 1...1))
        builder.sheet.merges.append(CellRange(rows: v...v, columns: 2...4))
        builder.sheet.merges.append(CellRange(rows: v...v, columns: 5...8))
        builder.sheet.rowHeights[v] = max(
            30, SheetBuilder.height(of: table?.goal ?? "", width: 50),
            SheetBuilder.height(of: table?.result ?? "", width: 58))

        builder.nextRow()
        for (offset, text) in indicatorHeader.enumerated() {
            builder.set(offset + 1, .text(text), WorkbookStyle.header)
        }
        let indicators = table?.indicators ?? []
        let first = builder.row + 1
        for index in 0..<(indicators.count + (table == nil ? 10 : 0)) {
            let indicator = index < indicators.count ? indicators[index] : nil
            let r = builder.nextRow()
            builder.set(1, CellValues.text(indicator?.level1), WorkbookStyle.inputText)
            builder.set(2, CellValues.text(indicator?.level2), WorkbookStyle.inputText)
            builder.set(3, CellValues.text(indicator?.name), WorkbookStyle.inputText)
            builder.set(4, CellValues.text(indicator?.target), WorkbookStyle.inputText)
            builder.set(5, CellValues.text(indicator?.actual), WorkbookStyle.inputText)
            builder.set(6, score(indicator?.weight), WorkbookStyle.inputScore)
            builder.set(7, score(indicator?.score), WorkbookStyle.inputScore)
            builder.set(8, CellValues.text(indicator?.deviation), WorkbookStyle.inputText)
            let longest = [indicator?.name, indicator?.target, indicator?.actual].compactMap { $0 }.max {
                $0.count < $1.count
            }
            builder.sheet.rowHeights[r] = max(18, SheetBuilder.height(of: longest ?? "", width: 16))
        }
        let t = builder.nextRow()
        builder.set(1, .text(totalLabel), WorkbookStyle.header)
        for column in 2...5 { builder.set(column, .empty, WorkbookStyle.header) }
        builder.sheet.merges.append(CellRange(rows: t...t, columns: 1...5))
        builder.set(
            6, .formula("SUM(F\(fundsFirst + 1),F\(first):F\(t - 1))", cached: nil), WorkbookStyle.computedAmount)
        builder.set(7, score(table?.suppliedTotalScore), WorkbookStyle.inputScore)
        builder.set(8, .text("分值合计（公式）；得分格可填自评表上的总分，用于核对"), WorkbookStyle.instruction)
    }

    static func score(_ value: Decimal?) -> Spreadsheet.Value {
        value.map { .number(CellValues.decimalText($0)) } ?? .empty
    }
}
