import Documents
import Testing

/// Markup → Document → text must give back the lines of 公开 01 表 as they stand in seed 000
/// (`../shared/seeds/000_dad47c244a55f3db.txt`, lines 89–113, 133–134 and the notes).
@Suite("Round trip") struct RoundTripTests {
    static let markup = [
        "@h1#part2 第二部分 2024 年度部门决算表",
        "@table sheet=公开01表 id=t01 landscape",
        "  @caption 收入支出决算总表",
        "  @pre 公开 01 表",
        "  @pre 部门：景德镇市人大办公室",
        "  @pre 2024 年度",
        "  @pre 金额单位：万元",
        "  @columns l:5 c:1 rn:2 l:5 c:1 rn:2",
        "  @head 收入\t{<}\t{<}\t支出\t{<}\t{<}",
        "  @head 项 目\t行次\t金 额\t项目（按功能分类）\t行次\t金 额",
        "  @head 栏 次\t{<}\t1\t栏 次\t{<}\t2",
        "  @row 一、一般公共预算财政拨款收入\t1\t2,443.08\t一、一般公共服务支出\t32\t1,861.26",
        "  @row 二、政府性基金预算财政拨款收入\t2\t\t二、外交支出\t33",
        "  @row 三、国有资本经营预算财政拨款收入\t3\t\t三、国防支出\t34",
        "  @row 四、上级补助收入\t4\t0.00\t四、公共安全支出\t35",
        "  @row 五、事业收入\t5\t0.00\t五、教育支出\t36",
        "  @row 六、经营收入\t6\t0.00\t六、科学技术支出\t37",
        "  @row 七、附属单位上缴收入\t7\t0.00\t七、文化旅游体育与传媒支出\t38",
        "  @row 八、其他收入\t8\t31.35\t八、社会保障和就业支出\t39\t361.15",
        "  @row \t9\t\t九、卫生健康支出\t40\t93.15",
        "  @row \t10\t\t十、节能环保支出\t41",
        "  @row \t30\t\t\t61",
        "  @row 总计\t31\t2,483.65\t总计\t62\t2,483.65",
        "  @note 注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。",
        "  @note 2. 本套报表金额单位转换时可能存在尾数误差。",
        "@end",
    ].joined(separator: "\n")

    static let seedText = [
        "第二部分 2024 年度部门决算表",
        "",
        "收入支出决算总表",
        "",
        "公开 01 表",
        "",
        "部门：景德镇市人大办公室",
        "",
        "2024 年度",
        "",
        "金额单位：万元",
        "",
        "收入\t\t\t支出\t\t",
        "项 目\t行次\t金 额\t项目（按功能分类）\t行次\t金 额",
        "栏 次\t\t1\t栏 次\t\t2",
        "一、一般公共预算财政拨款收入\t1\t2,443.08\t一、一般公共服务支出\t32\t1,861.26",
        "二、政府性基金预算财政拨款收入\t2\t\t二、外交支出\t33\t",
        "三、国有资本经营预算财政拨款收入\t3\t\t三、国防支出\t34\t",
        "四、上级补助收入\t4\t0.00\t四、公共安全支出\t35\t",
        "五、事业收入\t5\t0.00\t五、教育支出\t36\t",
        "六、经营收入\t6\t0.00\t六、科学技术支出\t37\t",
        "七、附属单位上缴收入\t7\t0.00\t七、文化旅游体育与传媒支出\t38\t",
        "八、其他收入\t8\t31.35\t八、社会保障和就业支出\t39\t361.15",
        "\t9\t\t九、卫生健康支出\t40\t93.15",
        "\t10\t\t十、节能环保支出\t41\t",
        "\t30\t\t\t61\t",
        "总计\t31\t2,483.65\t总计\t62\t2,483.65",
        "",
        "注：1. 本表反映部门（单位）本年度的总收支和年末结转结余情况。",
        "",
        "2. 本套报表金额单位转换时可能存在尾数误差。",
        "",
    ].joined(separator: "\n")

    @Test("table 01 of seed 000: markup → Document → text")
    func table01() throws {
        let document = try Markup.parse(Self.markup)
        #expect(TextWriter.write(document) == Self.seedText)
        guard case .table(let table) = document.blocks.last else {
            Issue.record("no table")
            return
        }
        #expect(table.header == table01Header)
        #expect(table.columns == table01Columns)
        #expect(table.sheetName == "公开01表" && table.id == "t01" && table.landscape)
        #expect(table.body.count == 12 && table.body.allSatisfy { $0.count == 6 })
    }

    @Test("values escaped with Markup.escape cannot add lines or cells")
    func escapedValues() throws {
        let reason = "主要原因：\n@h1 人员增加\t调整"
        let document = try Markup.parse(
            "@p \(Markup.escape(reason))\n@table\n@columns l l\n@row \(Markup.escape("甲\t乙"))\t1\n@end")
        #expect(TextWriter.write(document) == "主要原因： @h1 人员增加 调整\n\n甲 乙\t1\n")
    }
}
