import Documents
import Foundation

// Sheets of free text: 名词解释 (第四部分), the department's own content blocks (附件 = 第五部分, 自评说明 = 九（二）),
// and 填写说明, the guide that opens the workbook.

/// 名词解释: income terms and expenditure terms, each a term and its explanation.
enum GlossarySheet {
    static let name = "名词解释"
    static let incomeTitle = "一、收入科目"
    static let expenditureTitle = "二、支出科目"

    /// The 序号 cell of a sub-entry (a 项 under a 类/款 entry) in the 支出科目 list.
    static let subEntryMark = "子条目"

    static let fields: [FormField] = [
        FormField(
            "编号样式", ["glossary", "numbering"], .choice(DutyNumbering.allCases.map(\.rawValue)),
            note: "每个名词前的编号，不填为“（一）”。"),
        FormField(
            "子条目编号样式", ["glossary", "subNumbering"], .choice(DutyNumbering.allCases.map(\.rawValue)),
            note: "两级名词解释中子条目的编号，不填为“1.”。"),
        FormField(
            "名词后的标点", ["glossary", "separator"], .choice(GlossarySeparator.allCases.map(\.rawValue)),
            note: "名词与解释之间的标点，不填为“：”。"),
    ]

    static func make(_ input: DepartmentInput, tree: JSONNode?, blank: Bool) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 3, columnWidths: [10, 40, 80])
        builder.heading(
            "名词解释（第四部分）",
            instructions: [
                "每个名词一行：名词、解释。两部分都不填时，由程序根据本部门的收入和支出科目生成标准的名词解释；只填一部分时，另一部分也由程序生成。"
                    + "支出科目可以分两级：类、款一行（解释可空），其下各项各一行，序号栏写“\(subEntryMark)”。"
            ])
        for field in fields { builder.field(field, tree: tree) }
        builder.skip()
        builder.section(incomeTitle)
        ListBlock.write(
            header: ["序号", "名词", "解释"], rows: (input.glossary?.income ?? []).map { [$0.term, $0.definition ?? ""] },
            spare: blank ? 12 : 2, styles: [WorkbookStyle.inputText, WorkbookStyle.inputText], into: &builder)
        builder.skip()
        builder.section(expenditureTitle)
        var rows: [(mark: String?, term: String, definition: String)] = []
        for entry in input.glossary?.expenditure ?? [] {
            rows.append((nil, entry.term, entry.definition ?? ""))
            for sub in entry.entries ?? [] { rows.append((subEntryMark, sub.term, sub.definition ?? "")) }
        }
        builder.header(["序号", "名词", "解释"])
        var number = 0
        for row in rows + Array(repeating: (nil, "", ""), count: blank ? 20 : 2) {
            builder.nextRow()
            if let mark = row.mark {
                builder.set(1, .text(mark), WorkbookStyle.inputChoice)
            } else {
                number += 1
                builder.set(1, .number(String(number)), WorkbookStyle.inputChoice)
            }
            builder.set(2, row.term.isEmpty ? .empty : .text(row.term), WorkbookStyle.inputText)
            builder.set(3, row.definition.isEmpty ? .empty : .text(row.definition), WorkbookStyle.inputText)
        }
        return builder.finish()
    }
}

/// A list of content blocks (headings, paragraphs, centred and right-aligned lines, tables), one per row.
enum ContentBlocksSheet {
    static let annexName = "附件"
    static let selfEvaluationTextName = "自评说明"

    /// The 类型 column's words.
    enum Kind: String, CaseIterable {
        case heading = "标题"
        case paragraph = "段落"
        case center = "居中"
        case right = "右对齐"
        case table = "表格"
        case tableHeader = "表头"
        case tableRow = "表行"
    }

    static let header = ["类型", "内容（表格的每格一列）"]
    /// On a 表格 row after the caption: `列宽：2,1,1`, `合并：A1:C1,B2:B3`, `工作表：表1`.
    static let widthsPrefix = "列宽："
    static let mergesPrefix = "合并："
    static let sheetPrefix = "工作表："

    static func make(name: String, title: String, blocks: [ContentBlock], blank: Bool) -> Spreadsheet.Sheet {
        let cellColumns = max(
            8,
            blocks.map { if case .table(let t) = $0 { return t.rows.map(\.count).max() ?? 0 } else { return 0 } }.max()
                ?? 0)
        var widths: [Double] = [8, 90]
        widths += Array(repeating: 18, count: cellColumns - 1)
        var builder = SheetBuilder(name: name, width: 2, columnWidths: widths)
        builder.heading(
            title,
            instructions: [
                "每行一块内容：先在 A 列选类型（标题、段落、居中、右对齐），再在 B 列写文字。表格：一行“表格”（B 列写表题，可不写；"
                    + "其后各格可写“列宽：2,1,1”“合并：A1:C1,B2:B3”“工作表：表名”），接着每个表头行一行“表头”、每个表体行一行“表行”，"
                    + "每格一列从 B 列写起，合并单元格中被合并的格留空。从 Word 复制时可整段粘贴到 B 列。"
            ])
        builder.nextRow()
        builder.set(1, .text(header[0]), WorkbookStyle.header)
        builder.set(2, .text(header[1]), WorkbookStyle.header)
        builder.freezeHere()
        let choices = Kind.allCases.map(\.rawValue)
        let first = builder.row + 1
        func row(_ kind: Kind?, _ cells: [String]) {
            let r = builder.nextRow()
            builder.set(1, kind.map { .text($0.rawValue) } ?? .empty, WorkbookStyle.inputChoice)
            for column in 0..<max(1, cells.count) {
                let text = column < cells.count ? cells[column] : ""
                builder.set(column + 2, text.isEmpty ? .empty : .text(text), WorkbookStyle.inputText)
            }
            if let text = cells.first, cells.count == 1 {
                builder.sheet.rowHeights[r] = max(18, SheetBuilder.height(of: text, width: 90))
            }
        }
        for block in blocks {
            switch block {
            case .heading(let text): row(.heading, [text])
            case .paragraph(let text): row(.paragraph, [text])
            case .center(let text): row(.center, [text])
            case .right(let text): row(.right, [text])
            case .table(let table):
                var cells = [table.caption ?? ""]
                if let widths = table.widths {
                    cells.append(Self.widthsPrefix + widths.map(CellValues.decimalText).joined(separator: ","))
                }
                if let merges = table.merges { cells.append(Self.mergesPrefix + merges.joined(separator: ",")) }
                if let sheet = table.sheet { cells.append(Self.sheetPrefix + sheet) }
                row(.table, cells)
                let headerRows = table.headerRows ?? 1
                for (index, cells) in table.rows.enumerated() {
                    row(index < headerRows ? .tableHeader : .tableRow, cells)
                }
            }
        }
        for _ in 0..<(blank ? 40 : 5) { row(nil, []) }
        builder.sheet.choices.append(
            Spreadsheet.Choice(
                range: CellRange(rows: first...builder.row, columns: 1...1), values: choices,
                message: "类型请选择：" + choices.joined(separator: "、")))
        return builder.finish(printColumns: cellColumns + 1)
    }
}

/// 填写说明: what the workbook is and how to fill it. Not read.
enum GuideSheet {
    static let name = "填写说明"

    static func make(year: Int, sheets: [(String, String)]) -> Spreadsheet.Sheet {
        var builder = SheetBuilder(name: name, width: 2, columnWidths: [22, 100])
        builder.sheet.protected = false
        builder.line("\(year) 年度部门决算公开 · 数据填报工作簿", style: WorkbookStyle.title, height: 30)
        let lines = [
            "1. 本工作簿的数据用于生成部门决算公开报告（第一部分 概况、第二部分 公开01–10表、第三部分 情况说明、第四部分 名词解释、第五部分 附件）。",
            "2. 黄色单元格由您填写或粘贴；灰色单元格是公式，由程序汇总，不用填（工作表已保护以免误改，需要时可在“审阅”中撤销保护，无密码）。",
            "3. 只填明细，不填合计：报告中的每一个合计、占比、增减、完成率都由程序计算。个别标有“核对用”的合计可以照抄决算软件的数，程序只用它核对。",
            "4. 金额可以是数字，也可以是带千位分隔符的文字（如 1,234.56）；空白表示 0。金额单位在“基本信息”表选择（万元 或 元）。",
            "5. 公开02–08表可以直接粘贴部门决算软件导出的表：程序按科目编码找行、按表头文字找列，表中的合计只用于核对。",
            "6. 填好后生成报告：juesuan render 本文件.xlsx --format all；检查数据：juesuan validate 本文件.xlsx（问题会指出工作表和单元格）。",
        ]
        for line in lines {
            builder.line(
                line, style: WorkbookStyle.instruction, height: SheetBuilder.height(of: line, width: 120, points: 10))
        }
        builder.skip()
        builder.nextRow()
        builder.set(1, .text("工作表"), WorkbookStyle.header)
        builder.set(2, .text("填写内容"), WorkbookStyle.header)
        for (sheet, what) in sheets {
            builder.nextRow()
            builder.set(1, .text(sheet), WorkbookStyle.label)
            builder.set(2, .text(what), WorkbookStyle.label)
        }
        return builder.finish()
    }
}

/// 地方数据: the department's `local` object (a locality's own data for its templates) as JSON text, one line a row,
/// so that a department file with local data becomes a workbook and back without losing it. Written only when the
/// department has local data; a workbook without the sheet has none.
enum LocalDataSheet {
    static let name = "地方数据"
    static let header = "地方数据（JSON，每行一段）"

    static func make(_ local: LocalData) -> Spreadsheet.Sheet? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(local) else { return nil }
        var builder = SheetBuilder(name: name, width: 1, columnWidths: [80])
        builder.sheet.protected = false
        builder.heading(
            "地方数据（local）",
            instructions: [
                "本地格式的模板使用的数据（如联系方式、会议费），原样交给模板，程序不检查、不计算。可以修改，但整张表合起来须是有效的 JSON；"
                    + "每行一段，行首的空格可有可无。本地模板不用这些数据时，可删除本表。"
            ])
        builder.header([header])
        builder.sheet.rowHeights[builder.row] = 20  // one line: the header's cell is as wide as the sheet
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            builder.nextRow()
            builder.set(1, .text(String(line)), WorkbookStyle.inputText)
        }
        return builder.finish()
    }
}
