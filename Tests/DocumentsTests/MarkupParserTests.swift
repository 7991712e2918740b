import Documents
import TestSupport
import Testing

/// Parses markup written as lines (joined with LF).
private func parse(_ lines: [String]) throws(MarkupError) -> Document {
    try Markup.parse(lines.joined(separator: "\n"))
}

/// The problems the parser reports for `lines`, as `markup:LINE: message` strings.
private func problems(_ lines: [String]) -> [String] {
    do {
        let document = try parse(lines)
        Issue.record("expected errors, parsed \(document.blocks.count) blocks")
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

@Suite("Markup parser") struct MarkupParserTests {
    @Test("every directive outside a table")
    func directivesOutsideTables() throws {
        let document = try parse([
            "@property title 景德镇市人大办公室 2024 年度部门决算",
            "@property subject 部门决算公开",
            "@property author 景德镇市人大办公室",
            "@property keywords 2024",
            "@property date 2025-06-30T00:00:00Z",
            "@title#top 景德镇市人大办公室 2024 年度部门决算",
            "@center 目 录",
            "@toc1#part1 第一部分 景德镇市人大办公室概况",
            "@toc2#s1 一、部门主要职责",
            "@toc2 二、机构设置及人员情况",
            "@note 注：本报告因金额单位转换原因可能存在尾数误差。",
            "@pagebreak",
            "@h1#part1 第一部分 景德镇市人大办公室概况",
            "@h2#s1 一、部门主要职责",
            "@h3 （一）职责",
            "@p 负责人大会议、常委会、主任会及其它重要会议筹备。",
            "@right 景德镇市人大常委会",
        ])
        #expect(
            document.properties
                == DocumentProperties(
                    title: "景德镇市人大办公室 2024 年度部门决算", subject: "部门决算公开", author: "景德镇市人大办公室",
                    keywords: "2024", date: "2025-06-30T00:00:00Z"))
        #expect(
            document.blocks == [
                .heading(Heading(level: 0, text: "景德镇市人大办公室 2024 年度部门决算", id: "top")),
                .paragraph(Paragraph("目 录", style: .center)),
                .tocEntry(TOCEntry(level: 1, text: "第一部分 景德镇市人大办公室概况", target: "part1")),
                .tocEntry(TOCEntry(level: 2, text: "一、部门主要职责", target: "s1")),
                .tocEntry(TOCEntry(level: 2, text: "二、机构设置及人员情况")),
                .paragraph(Paragraph("注：本报告因金额单位转换原因可能存在尾数误差。", style: .note)),
                .pageBreak,
                .heading(Heading(level: 1, text: "第一部分 景德镇市人大办公室概况", id: "part1")),
                .heading(Heading(level: 2, text: "一、部门主要职责", id: "s1")),
                .heading(Heading(level: 3, text: "（一）职责")),
                .paragraph(Paragraph("负责人大会议、常委会、主任会及其它重要会议筹备。")),
                .paragraph(Paragraph("景德镇市人大常委会", style: .right)),
            ])
    }

    @Test("blank lines, indentation, CR LF line ends and surrounding spaces are layout only")
    func layoutIsFree() throws {
        let document = try Markup.parse(
            "\r\n  @p  甲  \r\n\t \r\n\t@table\r\n  @columns l r\r\n   @row 乙 \t 1 \r\n@end\r\n")
        #expect(
            document.blocks == [
                .paragraph(Paragraph("甲")),
                .table(Table(columns: [Column(), Column(alignment: .right)], body: [[Cell("乙"), Cell("1")]])),
            ])
    }

    @Test("a table with every directive and attribute")
    func fullTable() throws {
        let document = try parse([
            "@table sheet=公开09表 id=t09 landscape",
            "@caption 财政拨款“三公”经费支出决算表",
            "@pre 公开 09 表",
            "@pre 金额单位：万元",
            "@columns l:4 c rn:1.5 cn ln:2",
            "@head 项目\t栏次\t年初预算数\t全年预算数\t决算数",
            "@row 一、“三公”经费支出\t1\t2.00\t16.00",
            "@row",
            "@note 注：1. 本表反映部门本年度财政拨款“三公”经费支出预决算情况。",
            "@note 2. 当此表数据为空时，即本部门（单位）无财政拨款“三公”经费支出。",
            "@end",
        ])
        let empty = Cell("")
        #expect(
            document.blocks == [
                .table(
                    Table(
                        sheetName: "公开09表", id: "t09", title: "财政拨款“三公”经费支出决算表",
                        preamble: ["公开 09 表", "金额单位：万元"],
                        columns: [
                            Column(alignment: .left, width: 4), Column(alignment: .center),
                            Column(alignment: .right, numeric: true, width: 1.5),
                            Column(alignment: .center, numeric: true),
                            Column(alignment: .left, numeric: true, width: 2),
                        ],
                        header: [[Cell("项目"), Cell("栏次"), Cell("年初预算数"), Cell("全年预算数"), Cell("决算数")]],
                        body: [
                            [Cell("一、“三公”经费支出"), Cell("1"), Cell("2.00"), Cell("16.00"), empty],
                            [empty, empty, empty, empty, empty],
                        ],
                        notes: [
                            "注：1. 本表反映部门本年度财政拨款“三公”经费支出预决算情况。",
                            "2. 当此表数据为空时，即本部门（单位）无财政拨款“三公”经费支出。",
                        ],
                        landscape: true))
            ])
    }

    @Test("{<} grows the column span, {^} the row span, and both make a block")
    func merges() throws {
        let document = try parse([
            "@table",
            "@columns l l l l",
            "@head 收入\t{<}\t{<}\t支出",
            "@head 项目\t金额\t{<}\t{^}",
            "@head {^}\t{^}\t{^}\t{^}",
            "@row 甲\t{<}\t乙\t丙",
            "@row {^}\t{<}\t{^}\t丁",
            "@end",
        ])
        guard case .table(let table) = document.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(
            table.header == [
                [Cell("收入", colSpan: 3), Cell("支出", rowSpan: 3)],
                [Cell("项目", rowSpan: 2), Cell("金额", colSpan: 2, rowSpan: 2)],
                [],
            ])
        #expect(table.body == [[Cell("甲", colSpan: 2, rowSpan: 2), Cell("乙", rowSpan: 2), Cell("丙")], [Cell("丁")]])
        #expect(
            TableGrid(rows: table.header, columnCount: 4).texts == [
                ["收入", "", "", "支出"], ["项目", "金额", "", ""], ["", "", "", ""],
            ])
    }

    @Test("the directive and its argument are split on bytes: a text may start with a mark that joins the space")
    func directiveSplitting() throws {
        // U+0301 after the separating space forms one Character with it; the space still separates (issue 14 row 6:
        // a department name starting with U+200C, U+200D, U+0301 or U+FE0F failed the markup).
        #expect(try parse(["@p \u{301}x"]).blocks == [.paragraph(Paragraph("\u{301}x"))])
        #expect(try parse(["@p \u{200D}x"]).blocks == [.paragraph(Paragraph("\u{200D}x"))])
        #expect(try parse(["@p  两个空格"]).blocks == [.paragraph(Paragraph("两个空格"))])
        #expect(try parse(["@p x\u{301} 甲"]).blocks == [.paragraph(Paragraph("x\u{301} 甲"))])
        #expect(problems(["@p\t甲"]) == ["markup:1: @p 与参数之间应为一个空格，不能是 TAB"])
        #expect(problems(["@p"]) == ["markup:1: @p 缺少文本"])
        #expect(problems(["@ p"]) == ["markup:1: 未知指令 @"])
        #expect(problems(["@\u{301}p 甲"]) == ["markup:1: 未知指令 @\u{301}p"])
        #expect(problems(["@pé 甲"]) == ["markup:1: 未知指令 @pé"])
        #expect(problems(["x @p 甲"]) == ["markup:1: 未知指令：此行不以 @ 指令开头（“x @p 甲”）"])
    }

    @Test("Markup.escape: a value reads back as itself wherever it lands, and never as markup")
    func escape() throws {
        #expect(Markup.escape("甲\t乙\n丙\r\n丁\r戊") == "甲 乙 丙 丁 戊")
        #expect(Markup.escape("  {<} & @p ") == #"\ \ \{<} & \@p\ "#)
        #expect(Markup.escape(#"a\b"#) == #"a\\b"#)
        #expect(Markup.escape("普通文本 x") == "普通文本 x")
        // A backslash that escapes nothing is taken as written (template text with one backslash).
        #expect(try parse([#"@p C:\temp\x"#]).blocks == [.paragraph(Paragraph(#"C:\temp\x"#))])
        #expect(try parse([#"@p 末尾\"#]).blocks == [.paragraph(Paragraph(#"末尾\"#))])
        // An escaped trailing space is text; an escaped backslash before a layout space is not an escaped space.
        #expect(try parse([#"@p a\  "#]).blocks == [.paragraph(Paragraph("a "))])
        #expect(try parse([#"@p a\\ "#]).blocks == [.paragraph(Paragraph(#"a\"#))])
    }

    @Test("escaped values round-trip through texts and cells, whatever they hold")
    func escapeRoundTrip() throws {
        let alphabet: [String] = [
            "{", "}", "<", "^", "@", "\\", " ", "\t", "\n", "\r", "\r\n", "\u{301}", "\u{200D}", "\u{FE0F}", "甲", "a",
            "#", "|", "=",
        ]
        var state: UInt64 = 14
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let value = (0..<(1 + next(6))).map { _ in alphabet[next(alphabet.count)] }.joined()
            let text = markupFlattened(value)
            let escaped = Markup.escape(value)
            let document = try parse([
                "@p \(escaped)", "@table", "@columns l l l", "@row \(escaped)\t\t\(escaped)", "@end",
            ])
            #expect(document.blocks.first == .paragraph(Paragraph(text)), "\(value.debugDescription)")
            guard case .table(let table) = document.blocks.last else {
                Issue.record("no table for \(value.debugDescription)")
                continue
            }
            #expect(table.body == [[Cell(text), Cell(""), Cell(text)]], "\(value.debugDescription)")
        }
    }

    @Test("MarkupError lists its problems as markup:LINE: message")
    func errorDescription() {
        let error = MarkupError(problems: [.init(line: 3, message: "未知指令 @x"), .init(line: 7, message: "@p 缺少文本")])
        #expect(error.description == "markup:3: 未知指令 @x\nmarkup:7: @p 缺少文本")
    }

    // MARK: Errors

    @Test("all problems of a text are collected, in line order")
    func collectsAllProblems() {
        #expect(
            problems([
                "@toc1#nowhere 第一部分",
                "@p",
                "",
                "@H1 标题",
                "@table sheet=公开01表",
                "@row 甲",
                "@columns l",
                "@row 甲\t乙",
            ]) == [
                "markup:1: @toc1#nowhere 指向的锚点 “nowhere” 在文档中不存在",
                "markup:2: @p 缺少文本",
                "markup:4: 未知指令 @H1",
                "markup:5: @table 没有用 @end 结束",
                "markup:6: @row 之前缺少 @columns（列定义须写在第一行 @head/@row 之前）",
                "markup:8: @row 有 2 个单元格，多于 @columns 定义的 1 列",
            ])
    }

    @Test("unknown and malformed directive lines")
    func unknownDirectives() {
        #expect(problems(["@foo 甲"]) == ["markup:1: 未知指令 @foo"])
        #expect(problems(["一、部门主要职责"]) == ["markup:1: 未知指令：此行不以 @ 指令开头（“一、部门主要职责”）"])
        #expect(
            problems(["本部门年末编制内实有人员 66 人，其他人员 0 人。"])
                == ["markup:1: 未知指令：此行不以 @ 指令开头（“本部门年末编制内实有人员 66 人，其他…”）"])
        #expect(problems(["\t9\t\t九、卫生健康支出"]) == ["markup:1: 未知指令：此行不以 @ 指令开头（“9⇥⇥九、卫生健康支出”）"])
        #expect(problems(["@row\t甲"]) == ["markup:1: @row 与参数之间应为一个空格，不能是 TAB"])
        #expect(problems(["@p#x 甲"]) == ["markup:1: @p#x：@p 不能带锚点（只有 @title、@h1、@h2、@h3、@toc1、@toc2 可以带 #ID）"])
    }

    @Test("text, arguments and anchors")
    func textAndAnchors() {
        #expect(problems(["@h2   "]) == ["markup:1: @h2 缺少文本"])
        #expect(problems(["@pagebreak 1"]) == ["markup:1: @pagebreak 不带参数（多出了 “1”）"])
        #expect(problems(["@h1# 甲"]) == ["markup:1: @h1# 的锚点为空（# 后应为 ID）"])
        #expect(problems(["@h1#第一 甲"]) == ["markup:1: @h1#第一 的锚点 “第一” 无效：只能由 ASCII 字母、数字、- 和 _ 组成"])
        #expect(
            problems(["@h1#a 甲", "@table id=a", "@columns l", "@end"])
                == ["markup:2: @table 的锚点 “a” 重复（第 1 行已使用）"])
        #expect(problems(["@toc2#b 乙"]) == ["markup:1: @toc2#b 指向的锚点 “b” 在文档中不存在"])
    }

    @Test("directives in the wrong place")
    func placement() {
        #expect(problems(["@row 甲"]) == ["markup:1: @row 只能用在 @table 与 @end 之间"])
        #expect(problems(["@caption 甲"]) == ["markup:1: @caption 只能用在 @table 与 @end 之间"])
        #expect(problems(["@end"]) == ["markup:1: @end 没有对应的 @table"])
        #expect(
            problems(["@table", "@columns l", "@h1 甲", "@table", "@end"]) == [
                "markup:3: @h1 不能用在表格之内（第 1 行的 @table 尚未用 @end 结束）",
                "markup:4: @table 不能用在表格之内（第 1 行的 @table 尚未用 @end 结束）",
            ])
        #expect(problems(["@p 甲", "@table", "@columns l", "@row 1"]) == ["markup:2: @table 没有用 @end 结束"])
    }

    @Test("table attributes")
    func tableAttributes() {
        #expect(
            problems(["@table sheet=甲 wide", "@columns l", "@end"])
                == ["markup:1: @table 的属性 “wide” 无效（可用：sheet=工作表名、id=锚点、landscape）"])
        #expect(
            problems(["@table landscape landscape", "@columns l", "@end"]) == ["markup:1: @table 的属性 landscape 重复"])
        #expect(problems(["@table sheet=", "@columns l", "@end"]) == ["markup:1: @table 的 sheet= 缺少工作表名"])
        #expect(
            problems(["@table sheet=表[1]", "@columns l", "@end"])
                == ["markup:1: @table 的工作表名 “表[1]” 含有不允许的字符（: \\ / ? * [ ] 或首尾的 '）"])
        #expect(
            problems(["@table sheet=" + String(repeating: "表", count: 32), "@columns l", "@end"])
                == ["markup:1: @table 的工作表名 “\(String(repeating: "表", count: 32))” 超过 31 个字符"])
        #expect(
            problems(["@table sheet=Sheet", "@columns l", "@end", "@table sheet=sheet", "@columns l", "@end"])
                == ["markup:4: @table 的工作表名 “sheet” 重复（第 1 行已使用）"])
    }

    @Test("caption and columns")
    func captionAndColumns() {
        #expect(
            problems(["@table", "@caption 甲", "@caption 乙", "@columns l", "@end"])
                == ["markup:3: @caption 重复（每个表格至多一个，第 2 行已有）"])
        #expect(problems(["@table", "@end"]) == ["markup:1: @table 缺少 @columns（列定义）"])
        #expect(
            problems(["@table", "@columns", "@row 甲", "@end"]) == ["markup:2: @columns 缺少列定义（每列一项，如 l:5 c:1 rn:2）"])
        #expect(
            problems(["@table", "@columns l x rn:0 c:-1 l:2", "@row 甲", "@end"]) == [
                "markup:2: @columns 的列定义 “x” 无效（应为 l、c 或 r，可加 n 表示数值列、:宽度 为正数，如 rn:2）",
                "markup:2: @columns 的列定义 “rn:0” 无效（应为 l、c 或 r，可加 n 表示数值列、:宽度 为正数，如 rn:2）",
                "markup:2: @columns 的列定义 “c:-1” 无效（应为 l、c 或 r，可加 n 表示数值列、:宽度 为正数，如 rn:2）",
            ])
        #expect(
            problems(["@table", "@columns l", "@columns r", "@end"]) == ["markup:3: @columns 重复（第 2 行已定义列）"])
    }

    @Test("rows: missing @columns (reported once), too many cells, @head after @row")
    func rows() {
        #expect(
            problems(["@table", "@head 甲", "@row 乙", "@columns l", "@end"])
                == ["markup:2: @head 之前缺少 @columns（列定义须写在第一行 @head/@row 之前）"])
        #expect(
            problems(["@table", "@columns l l", "@row 甲\t乙\t丙", "@row 甲\t乙\t", "@end"]) == [
                "markup:3: @row 有 3 个单元格，多于 @columns 定义的 2 列",
                "markup:4: @row 有 3 个单元格，多于 @columns 定义的 2 列",
            ])
        #expect(
            problems(["@table", "@columns l", "@row 甲", "@head 乙", "@end"])
                == ["markup:4: @head 须写在所有 @row 之前（第 3 行已是表体）"])
    }

    @Test("merge markers with nothing to attach to, and merges that are not rectangles")
    func badMerges() {
        #expect(
            problems(["@table", "@columns l l", "@head {<}\t甲", "@end"])
                == ["markup:3: @head 第 1 格的 {<} 左侧没有可合并的单元格"])
        #expect(
            problems(["@table", "@columns l l", "@head 甲\t{^}", "@end"])
                == ["markup:3: @head 第 2 格的 {^} 上方没有可合并的单元格：这是表头第一行"])
        #expect(
            problems(["@table", "@columns l l", "@head 甲\t乙", "@row {^}\t丙", "@end"])
                == ["markup:4: @row 第 1 格的 {^} 上方没有可合并的单元格：这是表体第一行（表体不能与表头合并）"])
        #expect(
            problems(["@table", "@columns l l", "@row 甲\t乙", "@row {^}\t{<}", "@end"])
                == ["markup:3: @row 第 1 格 “甲” 与合并到它的 {<}/{^} 不构成矩形区域"])
        #expect(
            problems(["@table", "@columns l l", "@row 甲\t{<}", "@row {^}\t乙", "@end"])
                == ["markup:3: @row 第 1 格 “甲” 与合并到它的 {<}/{^} 不构成矩形区域"])
    }

    @Test("document properties")
    func properties() {
        #expect(problems(["@property"]) == ["markup:1: @property 缺少名称和值（如 @property title 景德镇市人大办公室 2024 年度部门决算）"])
        #expect(
            problems(["@property year 2024"])
                == ["markup:1: @property 的名称 “year” 无效（可用：title、subject、author、keywords、date）"])
        #expect(problems(["@property author "]) == ["markup:1: @property author 缺少值"])
        #expect(
            problems(["@property date 2025-01-01"])
                == ["markup:1: @property date 的值 “2025-01-01” 不是 ISO 8601 时间（应为 2025-01-01T00:00:00Z 这样的形式）"])
        #expect(
            problems(["@property title 甲", "@property title 乙"]) == ["markup:2: @property title 重复（第 1 行已设置）"])
    }
}
