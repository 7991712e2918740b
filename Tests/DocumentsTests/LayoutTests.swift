import Foundation
import Testing

@testable import Documents

/// Text measured as a Chinese office font sets it, line breaks where published reports have them, and column
/// widths from content that never wrap a figure.
@Suite struct LayoutTests {
    @Test func advancesAndUnbreakablePieces() {
        #expect(TextWidth.of("收入") == 2000)
        #expect(TextWidth.of("2,443.08") == 6 * 640 + 2 * 340)
        #expect(TextWidth.of("e\u{301}") == 640)  // a combining mark takes no room
        // Codes, amounts and percentages are one piece; CJK characters are pieces of their own.
        #expect(TextWidth.longestUnbreakable("30101 基本工资") == 5 * 640)
        let percentage = 5 * 640 + 340 + 950
        #expect(TextWidth.longestUnbreakable("执行率 100.00%") == percentage)
        #expect(TextWidth.longestUnbreakable("≥40 万元") == 1000 + 2 * 640)
        // Closing punctuation stays with the character before it, opening with the one after.
        #expect(TextWidth.longestUnbreakable("（万元）") == 2000)
        let withStop = 3 * 640 + 340 + 950 + 1000
        #expect(TextWidth.longestUnbreakable("增长 0.37%。") == withStop)
        #expect(TextWidth.longestLine("甲乙\n甲乙丙") == 3000)
    }

    @Test func titlesBreakLikePublishedReports() {
        // Fits: one line.
        #expect(TextWidth.balancedLines("景德镇市人大办公室 2024 年度部门决算", width: 20_000) == ["景德镇市人大办公室 2024 年度部门决算"])
        // Too long: at the space that leaves the lines most even, the space dropped.
        #expect(
            TextWidth.balancedLines("中共景德镇市珠山区委办公室 2024 年度部门决算", width: 20_000) == [
                "中共景德镇市珠山区委办公室", "2024 年度部门决算",
            ])
        // No space: evenly between characters, never one character alone.
        let lines = TextWidth.balancedLines("一般公共预算财政拨款基本支出决算情况说明", width: 18_000)
        #expect(lines == ["一般公共预算财政拨款", "基本支出决算情况说明"])
        // A space that would leave a line too long is not taken: the even split between characters is.
        #expect(TextWidth.balancedLines("甲乙丙丁戊己庚辛壬癸子丑 寅", width: 10_000) == ["甲乙丙丁戊己庚", "辛壬癸子丑 寅"])
        // Figures are not broken.
        #expect(
            TextWidth.balancedLines("收入2,443.08万元", width: 8_000).allSatisfy {
                !$0.hasPrefix(",") && !$0.hasSuffix("2")
            })
    }

    static let table = Table(
        columns: [Column(), Column(), Column(alignment: .right, numeric: true)],
        header: [[Cell("经济分类科目编码"), Cell("科目名称"), Cell("金额")]],
        body: [
            [Cell("30101"), Cell("基本工资"), Cell("1,416.04")],
            [Cell("39908"), Cell("对民间非营利组织和群众性自治组织补贴"), Cell("100.00%")],
        ])

    @Test func figuresNeverWrapAndLongTextsGetTheRoom() {
        // 10.5 pt in twips, 124 twips of padding, on 5,000 twips (narrow: the long name must wrap).
        let layout = ColumnLayout(Self.table, total: 5_000, em: 210, padding: 124)
        #expect(layout.widths.reduce(0, +) == 5_000)
        for (width, minimum) in zip(layout.widths, layout.minimums) { #expect(width >= minimum) }
        // The code column holds 30101 (5 digits, 3.2 em) and the label of 4 characters is not squeezed below it.
        let code = 3_200 * 210 / 1000 + 124
        #expect(layout.minimums[0] >= code)
        // The amount column holds 100.00% on one line.
        let percentage = (5 * 640 + 340 + 950) * 210 / 1000 + 124
        #expect(layout.minimums[2] >= percentage)
        // The name column, which would need 18 characters for one line, gets the most.
        #expect(layout.widths[1] > layout.widths[0] && layout.widths[1] > layout.widths[2])

        // Wide enough for everything on one line: each column its one-line width at least.
        let wide = ColumnLayout(Self.table, total: 12_000, em: 210, padding: 124)
        #expect(wide.widths.reduce(0, +) == 12_000)
        for (width, preferred) in zip(wide.widths, wide.preferred) { #expect(width >= preferred) }

        // The spare room goes by the relative widths the table asks for: all to the name column here.
        var asking = Self.table
        asking.columns = [Column(width: 0.001), Column(width: 1000), Column(width: 0.001)]
        let spare = ColumnLayout(asking, total: 12_000, em: 210, padding: 124)
        #expect(spare.widths[0] - spare.preferred[0] <= 1 && spare.widths[2] - spare.preferred[2] <= 1)

        // Too narrow even for the figures: in proportion to them, still adding up.
        let cramped = ColumnLayout(Self.table, total: 1_000, em: 210, padding: 124)
        #expect(cramped.widths.reduce(0, +) == 1_000)
    }

    @Test func spanningCellsWidenTheirColumnsOnlyWhenTheyMust() {
        let table = Table(
            columns: [Column(), Column()],
            body: [[Cell("123456789012345678", colSpan: 2)], [Cell("甲"), Cell("乙")]])
        let layout = ColumnLayout(table, total: 10_000, em: 210, padding: 124)
        let eighteenDigits = 18 * 640 * 210 / 1000 + 124
        #expect(layout.minimums.reduce(0, +) >= eighteenDigits)
        #expect(ColumnLayout.distribute(10, weights: [1, 1, 1]) == [3, 4, 3])
        #expect(ColumnLayout.distribute(7, weights: [0, 0]) == [4, 3])
    }
}
