import Documents

/// The three header rows of 公开 01 表 (收入支出决算总表) as the model holds them.
let table01Header: [[Cell]] = [
    [Cell("收入", colSpan: 3), Cell("支出", colSpan: 3)],
    [Cell("项 目"), Cell("行次"), Cell("金 额"), Cell("项目（按功能分类）"), Cell("行次"), Cell("金 额")],
    [Cell("栏 次", colSpan: 2), Cell("1"), Cell("栏 次", colSpan: 2), Cell("2")],
]

let table01Columns: [Column] = [
    Column(alignment: .left, width: 5), Column(alignment: .center), Column(alignment: .right, numeric: true, width: 2),
    Column(alignment: .left, width: 5), Column(alignment: .center), Column(alignment: .right, numeric: true, width: 2),
]

/// A short document with one block of every kind.
let sampleDocument = Document(
    properties: DocumentProperties(title: "景德镇市人大办公室 2024 年度部门决算"),
    blocks: [
        .heading(Heading(level: 0, text: "景德镇市人大办公室 2024 年度部门决算", id: "top")),
        .paragraph(Paragraph("目 录", style: .center)),
        .tocEntry(TOCEntry(level: 1, text: "第一部分 景德镇市人大办公室概况", target: "part1")),
        .tocEntry(TOCEntry(level: 2, text: "一、部门主要职责", target: "s1")),
        .tocEntry(TOCEntry(level: 2, text: "二、机构设置及人员情况")),
        .tocEntry(TOCEntry(level: 1, text: "第二部分 2024 年度部门决算表", target: "part2")),
        .paragraph(Paragraph("注：本报告因金额单位转换原因可能存在尾数误差。", style: .note)),
        .pageBreak,
        .heading(Heading(level: 1, text: "第一部分 景德镇市人大办公室概况", id: "part1")),
        .heading(Heading(level: 2, text: "一、部门主要职责", id: "s1")),
        .paragraph(Paragraph("1、负责人大会议、常委会、主任会及其它重要会议筹备。")),
        .heading(Heading(level: 1, text: "第二部分 2024 年度部门决算表", id: "part2")),
        .table(
            Table(
                sheetName: "公开01表", id: "t01", title: "收入支出决算总表", preamble: ["公开 01 表", "金额单位：万元"],
                columns: table01Columns, header: table01Header,
                body: [
                    [
                        Cell("一、一般公共预算财政拨款收入"), Cell("1"), Cell("2,443.08"), Cell("一、一般公共服务支出"), Cell("32"),
                        Cell("1,861.26"),
                    ],
                    [Cell(""), Cell("9"), Cell(""), Cell("九、卫生健康支出"), Cell("40"), Cell("93.15")],
                    [Cell(""), Cell("30"), Cell(""), Cell(""), Cell("61"), Cell("")],
                ],
                notes: ["注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。", "2. 本套报表金额单位转换时可能存在尾数误差。"],
                landscape: true)),
        .paragraph(Paragraph("景德镇市人大常委会", style: .right)),
    ])
