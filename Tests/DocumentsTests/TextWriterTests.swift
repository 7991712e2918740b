import Documents
import Testing

@Suite("Plain-text writer") struct TextWriterTests {
    @Test("a small document reads like the seeds")
    func smallDocument() {
        let expected = [
            "景德镇市人大办公室 2024 年度部门决算",
            "",
            "目 录",
            "",
            "第一部分 景德镇市人大办公室概况",
            "",
            "- 一、部门主要职责",
            "- 二、机构设置及人员情况",
            "",
            "第二部分 2024 年度部门决算表",
            "",
            "注：本报告因金额单位转换原因可能存在尾数误差。",
            "",
            "第一部分 景德镇市人大办公室概况",
            "",
            "一、部门主要职责",
            "",
            "1、负责人大会议、常委会、主任会及其它重要会议筹备。",
            "",
            "第二部分 2024 年度部门决算表",
            "",
            "收入支出决算总表",
            "",
            "公开 01 表",
            "",
            "金额单位：万元",
            "",
            "收入\t\t\t支出\t\t",
            "项 目\t行次\t金 额\t项目（按功能分类）\t行次\t金 额",
            "栏 次\t\t1\t栏 次\t\t2",
            "一、一般公共预算财政拨款收入\t1\t2,443.08\t一、一般公共服务支出\t32\t1,861.26",
            "\t9\t\t九、卫生健康支出\t40\t93.15",
            "\t30\t\t\t61\t",
            "",
            "注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。",
            "",
            "2. 本套报表金额单位转换时可能存在尾数误差。",
            "",
            "景德镇市人大常委会",
            "",
        ].joined(separator: "\n")
        #expect(TextWriter.write(sampleDocument) == expected)
    }

    @Test("merged cells: covered positions are empty, every row has all columns, rows below a row span too")
    func mergedCells() {
        let table = Table(
            columns: [Column(), Column(), Column()],
            header: [[Cell("项目", rowSpan: 2), Cell("金额", colSpan: 2)], [Cell("基本"), Cell("项目")]],
            body: [[Cell("合计")]])
        #expect(TextWriter.write(Document(blocks: [.table(table)])) == "项目\t金额\t\n\t基本\t项目\n合计\t\t\n")
    }

    @Test("line breaks and TABs inside texts stay on their line and cell; no trailing spaces")
    func flattening() {
        let document = Document(blocks: [
            .paragraph(Paragraph("甲\n乙\t丙  ")),
            .pageBreak,
            .paragraph(Paragraph("")),
            .table(Table(columns: [Column(), Column()], body: [[Cell("a\tb"), Cell("c\r\nd ")]])),
        ])
        #expect(TextWriter.write(document) == "甲 乙 丙\n\na b\tc d\n")
    }

    @Test("an empty document is an empty text")
    func empty() {
        #expect(TextWriter.write(Document()) == "")
        #expect(TextWriter.write(Document(blocks: [.pageBreak])) == "")
    }
}
