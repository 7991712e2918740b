import Documents
import Testing

@Suite("HTML writer") struct HTMLWriterTests {
    let html = HTMLWriter.write(sampleDocument)

    @Test("a self-contained HTML5 file in Chinese, titled from the properties")
    func skeleton() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<title>景德镇市人大办公室 2024 年度部门决算</title>"))
        #expect(html.hasSuffix("</main>\n</body>\n</html>\n"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("\r"))
        #expect(HTMLWriter.write(sampleDocument) == html)
    }

    @Test("the title falls back to the document title heading")
    func titleFallback() {
        let document = Document(blocks: [.heading(Heading(level: 0, text: "甲 & 乙"))])
        #expect(HTMLWriter.write(document).contains("<title>甲 &amp; 乙</title>"))
    }

    @Test("print layout: A4 with GB/T 9704 margins, page breaks, landscape pages, repeated headers")
    func printLayout() {
        #expect(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
        #expect(html.contains("@page landscape { size: A4 landscape;"))
        #expect(html.contains("section.landscape, h2:has(+ section.landscape) { page: landscape; }"))
        #expect(html.contains("h2 { break-before: page; }"))
        #expect(html.contains("section.sheet { break-before: page; }"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("td.n { font-variant-numeric: tabular-nums;"))
        #expect(html.contains("<div class=\"page-break\"></div>"))
        #expect(html.contains("div.page-break { break-after: page; }"))
    }

    @Test("Chinese font stacks: 仿宋 body 16pt, 小标宋 title 22pt, 黑体 and 楷体 headings")
    func fonts() {
        #expect(
            html.contains(
                "font-family: \"仿宋_GB2312\", \"FangSong_GB2312\", \"仿宋\", FangSong, STFangsong, \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif; font-size: 16pt;"
            ))
        #expect(html.contains("h1.title { font-family: \"方正小标宋简体\", \"FZXiaoBiaoSong-B05S\""))
        #expect(html.contains("font-size: 22pt;"))
        #expect(
            html.contains(
                "h2 { font-family: \"黑体\", SimHei, STHeiti, \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif;"))
        #expect(
            html.contains(
                "h3 { font-family: \"楷体_GB2312\", \"楷体\", KaiTi, STKaiti, \"AR PL UKai CN\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", serif;"
            ))
        // Titles break at spaces, evenly; figures in cells do not break.
        #expect(
            html.contains(
                "h1.title, h2, p.table-title { word-break: keep-all; overflow-wrap: anywhere; text-wrap: balance; }"))
        #expect(html.contains("td.n { font-variant-numeric: tabular-nums; white-space: nowrap; }"))
    }

    @Test("headings carry their ids and the TOC links to them")
    func navigation() {
        #expect(html.contains("<h1 class=\"title\" id=\"top\">景德镇市人大办公室 2024 年度部门决算</h1>\n"))
        #expect(html.contains("<h2 id=\"part1\">第一部分 景德镇市人大办公室概况</h2>\n"))
        #expect(html.contains("<h3 id=\"s1\">一、部门主要职责</h3>\n"))
        #expect(
            html.contains(
                """
                <nav class="toc">
                <p class="toc1"><a href="#part1">第一部分 景德镇市人大办公室概况</a></p>
                <p class="toc2"><a href="#s1">一、部门主要职责</a></p>
                <p class="toc2">二、机构设置及人员情况</p>
                <p class="toc1"><a href="#part2">第二部分 2024 年度部门决算表</a></p>
                </nav>
                <p class="note">注：本报告因金额单位转换原因可能存在尾数误差。</p>

                """))
        #expect(html.contains("<p class=\"center\">目 录</p>\n"))
        #expect(html.contains("<p class=\"body\">1、负责人大会议、常委会、主任会及其它重要会议筹备。</p>\n"))
        #expect(html.contains("<p class=\"right\">景德镇市人大常委会</p>\n"))
    }

    /// Widths come from the content (`ColumnLayout`): every text fits on one line of the landscape page, so the
    /// room left is shared by the columns' relative widths (5 : 1 : 2) — the 14-character label widest, 行次
    /// narrowest; on a screen narrower than 43.4 em the table scrolls rather than wrap. Left is the default
    /// alignment (no class), empty cells have none, and cells need no end tags.
    @Test("a standard table: section with its id, widths, merged header cells, aligned numeric cells, notes")
    func table() {
        let expected = """
            <section class="table sheet landscape" id="t01">
            <p class="table-title">收入支出决算总表</p>
            <p class="table-pre">公开 01 表</p>
            <p class="table-pre">金额单位：万元</p>
            <div class="table-wrap">
            <table style="min-width: 43.4em">
            <colgroup><col style="width: 34.16%"><col style="width: 6.58%"><col style="width: 12.65%">\
            <col style="width: 27.38%"><col style="width: 6.58%"><col style="width: 12.65%"></colgroup>
            <thead>
            <tr><th colspan="3">收入<th colspan="3">支出</tr>
            <tr><th>项 目<th>行次<th>金 额<th>项目（按功能分类）<th>行次<th>金 额</tr>
            <tr><th colspan="2">栏 次<th>1<th colspan="2">栏 次<th>2</tr>
            </thead>
            <tbody>
            <tr><td>一、一般公共预算财政拨款收入<td class="c">1<td class="r n">2,443.08<td>一、一般公共服务支出\
            <td class="c">32<td class="r n">1,861.26</tr>
            <tr><td><td class="c">9<td><td>九、卫生健康支出<td class="c">40<td class="r n">93.15</tr>
            <tr><td><td class="c">30<td><td><td class="c">61<td></tr>
            </tbody>
            </table>
            </div>
            <p class="table-note">注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。</p>
            <p class="table-note">2. 本套报表金额单位转换时可能存在尾数误差。</p>
            </section>

            """
        #expect(html.contains(expected))
    }

    @Test("row spans, missing cells and escaping of & < > and quotes everywhere")
    func escapingAndSpans() {
        let document = Document(
            properties: DocumentProperties(title: "A & B", author: "<作者>"),
            blocks: [
                .heading(Heading(level: 2, text: "<一> & 二", id: "x\"y")),
                .paragraph(Paragraph("甲 & 乙 <b>丙</b> \"丁\"")),
                .table(
                    Table(
                        title: "R&D", columns: [Column(), Column()],
                        header: [[Cell("项目", rowSpan: 2), Cell("a<b")], [Cell("c>d")]], body: [[Cell("x&y")]])),
            ])
        let html = HTMLWriter.write(document)
        #expect(html.contains("<title>A &amp; B</title>"))
        #expect(html.contains("<meta name=\"author\" content=\"&lt;作者&gt;\">"))
        #expect(html.contains("<h3 id=\"x&quot;y\">&lt;一&gt; &amp; 二</h3>"))
        #expect(html.contains("<p class=\"body\">甲 &amp; 乙 &lt;b&gt;丙&lt;/b&gt; &quot;丁&quot;</p>"))
        #expect(html.contains("<section class=\"table\">\n<p class=\"table-title\">R&amp;D</p>"))
        #expect(
            html.contains(
                "<thead>\n<tr><th rowspan=\"2\">项目<th>a&lt;b</tr>\n<tr><th>c&gt;d</tr>\n</thead>\n"))
        #expect(html.contains("<tbody>\n<tr><td>x&amp;y<td></tr>\n</tbody>"))
        #expect(!html.contains("<b>"))
    }
}
