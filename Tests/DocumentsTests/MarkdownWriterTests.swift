import Documents
import Testing

@Suite("Markdown writer") struct MarkdownWriterTests {
    @Test("a small document: anchors, headings, TOC links, flattened table header, notes")
    func smallDocument() {
        let expected = [
            "<a id=\"top\"></a>",
            "# 景德镇市人大办公室 2024 年度部门决算",
            "",
            "目 录",
            "",
            "[第一部分 景德镇市人大办公室概况](#part1)",
            "",
            "- [一、部门主要职责](#s1)",
            "- 二、机构设置及人员情况",
            "",
            "[第二部分 2024 年度部门决算表](#part2)",
            "",
            "注：本报告因金额单位转换原因可能存在尾数误差。",
            "",
            "<a id=\"part1\"></a>",
            "## 第一部分 景德镇市人大办公室概况",
            "",
            "<a id=\"s1\"></a>",
            "### 一、部门主要职责",
            "",
            "1、负责人大会议、常委会、主任会及其它重要会议筹备。",
            "",
            "<a id=\"part2\"></a>",
            "## 第二部分 2024 年度部门决算表",
            "",
            "<a id=\"t01\"></a>",
            "**收入支出决算总表**",
            "",
            "公开 01 表",
            "",
            "金额单位：万元",
            "",
            "| 收入 / 项 目 / 栏 次 | 收入 / 行次 / 栏 次 | 收入 / 金 额 / 1 | 支出 / 项目（按功能分类） / 栏 次 | 支出 / 行次 / 栏 次 | 支出 / 金 额 / 2 |",
            "| --- | :---: | ---: | --- | :---: | ---: |",
            "| 一、一般公共预算财政拨款收入 | 1 | 2,443.08 | 一、一般公共服务支出 | 32 | 1,861.26 |",
            "| | 9 | | 九、卫生健康支出 | 40 | 93.15 |",
            "| | 30 | | | 61 | |",
            "",
            "注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。",
            "",
            "2\\. 本套报表金额单位转换时可能存在尾数误差。",
            "",
            "景德镇市人大常委会",
            "",
        ].joined(separator: "\n")
        #expect(MarkdownWriter.write(sampleDocument) == expected)
    }

    @Test("header flattening: merged texts count for every position they cover, empty and repeated parts go")
    func flattenedHeader() {
        let table = Table(
            columns: [Column(), Column(), Column(), Column()],
            header: [
                [Cell("项 目", colSpan: 2), Cell("本年支出", colSpan: 2)],
                [Cell("科目编码", rowSpan: 2), Cell("科目名称", rowSpan: 2), Cell("基本支出"), Cell("")],
                [Cell("1"), Cell("2")],
            ])
        let lines = MarkdownWriter.write(Document(blocks: [.table(table)])).split(separator: "\n")
        #expect(lines.first == "| 项 目 / 科目编码 | 项 目 / 科目名称 | 本年支出 / 基本支出 / 1 | 本年支出 / 2 |")
    }

    @Test("department text never becomes Markdown syntax")
    func escaping() {
        func markdown(_ text: String) -> String {
            String(MarkdownWriter.write(Document(blocks: [.paragraph(Paragraph(text))])).dropLast())
        }
        #expect(
            markdown("含 *强调* _x_ `code` [链接](u) <b>粗</b> a|b ~删~ \\ &amp; & 1.5")
                == "含 \\*强调\\* \\_x\\_ \\`code\\` \\[链接\\](u) \\<b>粗\\</b> a\\|b \\~删\\~ \\\\ \\&amp; & 1.5")
        #expect(markdown("# 标题") == "\\# 标题")
        #expect(markdown("- 列表") == "\\- 列表")
        #expect(markdown("+ 列表") == "\\+ 列表")
        #expect(markdown("> 引用") == "\\> 引用")
        #expect(markdown("1. 第一") == "1\\. 第一")
        #expect(markdown("2) 第二") == "2\\) 第二")
        #expect(markdown("---") == "\\---")
        #expect(markdown("* * *") == "\\* \\* \\*")
        #expect(markdown("    缩进") == "缩进")
        #expect(markdown("2024 年度") == "2024 年度")
        #expect(markdown("1.5 亿元") == "1.5 亿元")
        #expect(markdown("第一行\n第二行") == "第一行 第二行")
        // A mark with a combining character after it is still the mark to a Markdown reader: escaped.
        #expect(markdown("a*\u{301}b*") == "a\\*\u{301}b\\*")
        #expect(markdown("&#x4E00; &#12; &; &a") == "\\&#x4E00; \\&#12; &; &a")
        let heading = MarkdownWriter.write(Document(blocks: [.heading(Heading(level: 3, text: "C# 与 F#"))]))
        #expect(heading == "#### C# 与 F\\#\n")
        let cell = MarkdownWriter.write(
            Document(blocks: [.table(Table(columns: [Column()], header: [[Cell("a|b")]], body: [[Cell("- 1|2")]]))]))
        #expect(cell == "| a\\|b |\n| --- |\n| - 1\\|2 |\n")
        let toc = MarkdownWriter.write(Document(blocks: [.tocEntry(TOCEntry(level: 2, text: "[附件]", target: "a-1"))]))
        #expect(toc == "- [\\[附件\\]](#a-1)\n")
    }
}
