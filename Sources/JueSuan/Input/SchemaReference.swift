// docs/INPUT.md, generated from the input description (`juesuan schema --format markdown`).

extension InputSchema {
    static let referenceIntroduction = """
        # 输入文件说明 · 部门决算数据（格式版本 1）

        每个部门每个年度一个 JSON 文件（UTF-8 编码）。juesuan 由它生成完整的部门决算公开报告：第一部分 概况、第二部分 公开01–10表、第三部分 情况说明、第四部分 名词解释、第五部分 附件。

        本文件由程序生成（`juesuan schema --format markdown`），与 `juesuan schema` 输出的 JSON Schema 和 `juesuan check` 的检查出自同一份说明，三者始终一致。

        ## 填写要点

        1. **只填明细，合计由程序计算。** 报告中的每一个合计、占比、增减额、增减率、完成率都由程序从明细计算，不需要手工填写。公开表上印出的合计也可以照抄进来（官方合计）：名称里带“核对用”的字段、类和款行上的金额、公开06表 301、302 等合计行、`subjectTotals`（公开02、03、05、07、08表的合计行）和 `basicExpenditureTotals`（公开06表的两个合计）。程序把每个官方合计与由明细计算的数核对，相差超出舍入误差范围时 `juesuan validate` 报致命问题（规则 IN-08）。金额单位为“万元”时，报告印这些官方合计，并用它们计算占比和增减：公开表的合计由元级数据四舍五入得来，不一定等于所印明细之和（常差 0.01）；金额单位为“元”时，报告印由明细换算的数（先加总再四舍五入一次）。舍入误差范围的算法和例子见 docs/RULES.md。
        2. **金额是数字。** 不加引号，不加千位分隔符，不带单位，小数点用“.”：写 `2443.08`，不写 `"2,443.08"`、`2,443.08` 或 `2443,08`。文件的金额单位由 `unit` 声明：`"万元"` 或 `"元"`；填“元”时程序按 1 万元 = 10000 元精确换算，报告统一以万元列示，四舍五入到分。
        3. **金额为 0 的字段可以不写。** 没写的金额按 0 计算。
        4. **个数是整数。** 人数、车辆数、项目数等不能有小数，不能为负数。
        5. **科目编码。** 支出功能分类科目：类 3 位、款 5 位、项 7 位。金额填在项级科目上，类、款由项汇总；款级科目要写出名称（一行只写 `code` 和 `name`；也可以照公开表填上该行的金额，作为官方合计核对，见 1）。
        6. **原因说明。** 句末的“。”可写可不写。说明中带原因的地方（本年收入合计、本年支出合计、年末结转和结余、基本支出四类、“三公”经费各项、机关运行经费；年初结转和结余、使用非财政拨款结余、结余分配按惯例不写原因），增减变动达到 10% 或从 0 变为非 0 而没有填写原因时，报告中印出“（此处请补充内容）”，`juesuan validate` 给出警告。
        7. **上年数。** `priorYear` 填上年决算报告中的数字，用于“比上年增加/减少”。
        8. **检查文件：** `juesuan check 文件.json` 检查文件格式（JSON、字段、类型、编码），出错时指出文件名、行号:列号和字段路径（如 `$.subjects[3].code`）；`juesuan validate 文件.json` 再检查数字之间的关系（表内、表间、上年数、原因说明、表文一致）。完整示例见 `Samples/` 目录。

        ## 字段说明

        下表中“路径”一列的 `[]` 表示数组中的每一项。类型“数字（金额）”为金额，单位见 `unit`。
        """

    /// The Markdown reference of every field.
    public static func markdownReference() -> String {
        var sections: [String] = []
        var seen: Set<String> = []
        var queue: [(ObjectSchema, String)] = [(root, "$")]

        func enqueue(_ type: SchemaType, path: String) {
            switch type {
            case .object(let object):
                if !seen.contains(object.name) { queue.append((object, path)) }
            case .array(let element, _):
                enqueue(element, path: path + "[]")
            case .dictionary(_, let value):
                enqueue(value, path: path + ".{编码}")
            case .oneKeyOf(let name, let title, let fields):
                if !seen.contains(name) {
                    queue.append((ObjectSchema(name: name, title: title, fields: fields), path))
                }
            default:
                break
            }
        }

        while !queue.isEmpty {
            let (object, path) = queue.removeFirst()
            guard !seen.contains(object.name) else { continue }
            seen.insert(object.name)
            var lines = ["### \(object.title)（\(object.name)）", ""]
            lines.append("路径：`\(path)`")
            if case .oneKeyOf? = contentBlockName(object.name) {
                lines.append("")
                lines.append("每个内容块是只含下列**一个**字段的对象，例如 `{\"paragraph\": \"……\"}`。")
            }
            lines.append("")
            lines.append("| 字段 | 中文名 | 类型 | 必填 | 出现位置 | 说明 | 示例 |")
            lines.append("|---|---|---|---|---|---|---|")
            for field in object.fields {
                let example = field.example.map { "`\($0)`" } ?? ""
                let cells = [
                    "`\(field.name)`", field.chinese, field.type.chineseName, field.required ? "是" : "否",
                    field.appearsIn, field.note, example,
                ].map { $0.replacingOccurrences(of: "|", with: "\\|") }
                lines.append("| " + cells.joined(separator: " | ") + " |")
                enqueue(field.type, path: path == "$" ? "$.\(field.name)" : "\(path).\(field.name)")
            }
            sections.append(lines.joined(separator: "\n"))
        }
        return referenceIntroduction + "\n\n" + sections.joined(separator: "\n\n") + "\n"
    }

    private static func contentBlockName(_ name: String) -> SchemaType? {
        if case .oneKeyOf(let blockName, _, _) = contentBlock, blockName == name { return contentBlock }
        return nil
    }
}
