import Documents
import Foundation
import TestSupport

// MARK: - The sample report

/// A document shaped like a real 部门决算 report: title, linked table of contents, headings, body text with CJK,
/// `& < >` and an XML-illegal control character, a 公开01表-like table (6 columns, 3 header rows with merges,
/// 31 body rows, two notes, landscape), a 9-column table like 公开06表, a table with a vertical merge, page breaks.
enum OfficeSample {
    static let department = "景德镇市测试办公室"

    static let document: Document = {
        var blocks: [Block] = [
            .heading(Heading(level: 0, text: "\(department) 2024 年度部门决算")),
            .paragraph(Paragraph("目 录", style: .center)),
            .tocEntry(TOCEntry(level: 1, text: "第一部分 \(department)概况", target: "part1")),
            .tocEntry(TOCEntry(level: 2, text: "一、部门主要职责", target: "duties")),
            .tocEntry(TOCEntry(level: 1, text: "第二部分 2024 年度部门决算表", target: "part2")),
            .tocEntry(TOCEntry(level: 2, text: "一、收入支出决算总表", target: "t01")),
            .tocEntry(TOCEntry(level: 2, text: "六、一般公共预算财政拨款基本支出决算表", target: "t06")),
            .tocEntry(TOCEntry(level: 2, text: "附表、人员情况表", target: "no-such-anchor")),
            .paragraph(Paragraph("注：本报告因金额单位转换原因可能存在尾数误差。", style: .note)),
            .pageBreak,
            .heading(Heading(level: 1, text: "第一部分 \(department)概况", id: "part1")),
            .heading(Heading(level: 2, text: "一、部门主要职责", id: "duties")),
            .paragraph(Paragraph("1、负责人大会议、常委会、主任会及其它重要会议筹备、会务、有关文稿起草。")),
            .paragraph(Paragraph("2、编辑印发《公报》& <瓷都人大> 等刊物，\u{1}组织开展“人大宣传”工作。")),
            .heading(Heading(level: 3, text: "（一）机构设置")),
            .paragraph(
                Paragraph("本部门年末编制内实有人员 66 人，其他人员 0 人。离退休人员 80 人，其中：单位发放离退休费的人员 0 人。")),
            .paragraph(Paragraph("景德镇市测试办公室", style: .right)),
            .pageBreak,
            .heading(Heading(level: 1, text: "第二部分 2024 年度部门决算表", id: "part2")),
            .table(table01),
            .table(table06),
            .table(mergedTable),
            .pageBreak,
            .heading(Heading(level: 1, text: "第三部分 2024 年度部门决算情况说明")),
            .paragraph(Paragraph("本部门 2024 年度收入总计 2483.65 万元，比上年增加 9.23 万元，增长 0.37%。")),
            .table(Table(columns: [Column(), Column(numeric: true)], body: [[Cell("未导出的表"), Cell("1.00")]])),
        ]
        blocks.append(.paragraph(Paragraph("（完）", style: .center)))
        return Document(
            properties: DocumentProperties(
                title: "\(department) 2024 年度部门决算", subject: "部门决算公开", author: department,
                keywords: "2024", date: "2025-06-30T08:00:00Z"),
            blocks: blocks)
    }()

    static let table01: Table = {
        let left = [
            "一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入", "四、上级补助收入", "五、事业收入",
            "六、经营收入", "七、附属单位上缴收入", "八、其他收入",
        ]
        let right = [
            "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出", "社会保障和就业支出",
            "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
            "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出",
            "债务还本支出", "债务付息支出", "抗疫特别国债安排的支出",
        ]
        let numerals = [
            "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九",
            "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
        ]
        let leftAmounts = ["2,443.08", "", "", "0.00", "0.00", "0.00", "0.00", "31.35"]
        var rightAmounts = [String](repeating: "", count: 26)
        rightAmounts[0] = "1,861.26"
        rightAmounts[7] = "361.15"
        rightAmounts[8] = "93.15"
        rightAmounts[18] = "127.52"
        rightAmounts[22] = "15.25"
        var body: [[Cell]] = []
        for i in 0..<26 {
            body.append([
                Cell(i < 8 ? left[i] : ""), Cell("\(i + 1)"), Cell(i < 8 ? leftAmounts[i] : ""),
                Cell("\(numerals[i])、\(right[i])"), Cell("\(i + 32)"), Cell(rightAmounts[i]),
            ])
        }
        let tail: [(String, String, String, String)] = [
            ("本年收入合计", "2,474.42", "本年支出合计", "2,458.33"),
            ("使用非财政拨款结余（含专用结余）", "", "结余分配", ""),
            ("年初结转和结余", "9.23", "年末结转和结余", "25.32"),
            ("", "", "", ""),
            ("总计", "2,483.65", "总计", "2,483.65"),
        ]
        for (offset, row) in tail.enumerated() {
            body.append([
                Cell(row.0), Cell("\(27 + offset)"), Cell(row.1), Cell(row.2), Cell("\(58 + offset)"), Cell(row.3),
            ])
        }
        return Table(
            sheetName: "公开01表", id: "t01", title: "收入支出决算总表",
            preamble: ["公开 01 表", "部门：\(department)", "2024 年度", "金额单位：万元"],
            columns: [
                Column(width: 5), Column(alignment: .center, width: 1),
                Column(alignment: .right, numeric: true, width: 2),
                Column(width: 5), Column(alignment: .center, width: 1),
                Column(alignment: .right, numeric: true, width: 2),
            ],
            header: [
                [Cell("收入", colSpan: 3), Cell("支出", colSpan: 3)],
                [Cell("项 目"), Cell("行次"), Cell("金 额"), Cell("项目（按功能分类）"), Cell("行次"), Cell("金 额")],
                [Cell("栏 次", colSpan: 2), Cell("1"), Cell("栏 次", colSpan: 2), Cell("2")],
            ],
            body: body,
            notes: ["注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。", "2. 本套报表金额单位转换时可能存在尾数误差。"],
            landscape: true)
    }()

    static let table06: Table = {
        let rows: [[String]] = [
            ["301", "工资福利支出", "1,416.04", "302", "商品和服务支出", "152.03", "307", "债务利息及费用支出", "0.00"],
            ["30101", "基本工资", "286.86", "30201", "办公费", "12.50", "30701", "国内债务付息", "0.00"],
            ["30102", "津贴补贴", "455.42", "30202", "印刷费", "0.00", "30702", "国外债务付息", "0.00"],
            ["30108", "机关事业单位基本养老保险缴费", "120.77", "30231", "公务用车运行维护费", "9.35", "310", "资本性支出", "7.52"],
            ["30113", "住房公积金", "96.54", "30299", "其他商品和服务支出", "5.17", "39908", "对民间非营利组织和群众性自治组织补贴", "0.00"],
            ["", "", "", "30299", "其他商品和服务支出", "5.17", "39999", "其他支出", "0.00"],
        ]
        var body = rows.map { $0.map { Cell($0) } }
        body.append([
            Cell("人员经费合计", colSpan: 2), Cell("1,416.04"), Cell("公用经费合计", colSpan: 5), Cell("159.55"),
        ])
        let group = [
            Column(alignment: .center, width: 2), Column(width: 4), Column(alignment: .right, numeric: true, width: 2),
        ]
        return Table(
            sheetName: "公开06表", id: "t06", title: "一般公共预算财政拨款基本支出决算表",
            preamble: ["公开 06 表", "部门：\(department)", "2024 年度", "金额单位：万元"],
            columns: group + group + group,
            header: [
                [Cell("人员经费", colSpan: 3), Cell("公用经费", colSpan: 6)],
                [
                    Cell("经济分类科目编码"), Cell("科目名称"), Cell("金额"), Cell("经济分类科目编码"), Cell("科目名称"), Cell("金额"),
                    Cell("经济分类科目编码"), Cell("科目名称"), Cell("金额"),
                ],
            ],
            body: body,
            notes: ["注：本表反映部门(单位)本年度一般公共预算财政拨款基本支出明细情况。"],
            landscape: true)
    }()

    /// A portrait table with cells merged down: `项目` and `栏次` span two header rows, a body label spans two rows.
    static let mergedTable = Table(
        sheetName: "公开09表", id: "t09", title: "财政拨款“三公”经费支出决算表",
        preamble: ["公开 09 表", "金额单位：万元"],
        columns: [
            Column(width: 6), Column(alignment: .center, width: 1), Column(alignment: .right, numeric: true, width: 2),
            Column(alignment: .right, numeric: true, width: 2), Column(alignment: .right, numeric: true, width: 2),
        ],
        header: [
            [Cell("项目", rowSpan: 2), Cell("栏次", rowSpan: 2), Cell("预算数", colSpan: 2), Cell("决算数", rowSpan: 2)],
            [Cell("年初"), Cell("全年")],
        ],
        body: [
            [Cell("一、“三公”经费支出"), Cell("1"), Cell("16.00"), Cell("16.00"), Cell("9.35")],
            [Cell("1.因公出国（境）费"), Cell("2"), Cell("0.00"), Cell("0.00"), Cell("0.00")],
            [Cell("2.公务用车购置及运行维护费", rowSpan: 2), Cell("3"), Cell("16.00"), Cell("16.00"), Cell("9.35")],
            [Cell("4"), Cell("---"), Cell("---"), Cell("-3")],
            [Cell("5.国内公务接待批次（个）"), Cell("5"), Cell("---"), Cell("---"), Cell("12")],
            [Cell("6.大额"), Cell("6"), Cell("12,345,678.5"), Cell("2336.27"), Cell("1,000")],
        ],
        notes: [
            "注：1. 本表反映部门本年度财政拨款“三公”经费支出预决算情况。财政拨款包括一般公共预算财政拨款和政府性基金预算财政拨款。年初预算数为年初“三公”经费部门预算数；全年预算数为按规定程序调整调剂后的全年“三公”经费部门预算数；决算数为当年实际支出数。",
            "2. 当此表数据为空时，即本部门（单位）无财政拨款“三公”经费支出。",
        ])
}
