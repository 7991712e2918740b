/// What `juesuan templates` prints: the built-in sets, or one set's tables, sections and helpers.
public enum TemplateCatalogue {
    /// One line per built-in set.
    public static func list() -> String {
        var lines = ["内置模板集（--templates NAME）：", ""]
        for name in TemplateSet.builtInNames {
            guard let set = try? TemplateSet.builtIn(name).set else { continue }
            let inherits = set.inherits.map { "，继承 \($0)" } ?? ""
            lines.append("  \(name)：\(set.title)（\(set.tables.count) 张表\(inherits)）")
        }
        lines.append("")
        lines.append("地方模板目录：--templates DIR；目录中的 set.json 写明继承哪个内置模板集（\"inherits\": \"central\"），")
        lines.append("report.mustache 可以继承它并只替换个别块。juesuan templates NAME 列出一个模板集的表、节和格式化帮手。")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A set's declaration as a template author reads it.
    public static func describe(_ set: TemplateSet) -> String {
        var lines = ["模板集 \(set.name)：\(set.title)"]
        if !set.description.isEmpty { lines.append(set.description) }
        if let inherits = set.inherits { lines.append("继承：\(inherits)") }
        lines.append("报告文件名：<部门>-<年度>-\(set.fileName).<扩展名>")
        lines.append("")
        lines.append("表（\(set.tables.count) 张；审核结果用“名称”指这张表，跨表检查按“作用”找表）：")
        for (index, table) in set.tables.enumerated() {
            let role = table.role.map { "\($0.rawValue)（\($0.title)）" } ?? "无"
            let title = table.title.map { "，\($0)" } ?? ""
            lines.append("  \(index + 1). \(table.name)\(title)：id=\(table.id)，作用 \(role)")
        }
        let missing = TableRole.allCases.filter { role in !set.tables.contains { $0.role == role } }
        if !missing.isEmpty {
            lines.append("  没有这些作用的表：" + missing.map { "\($0.rawValue)（\($0.title)）" }.joined(separator: "、"))
        }
        if !set.sections.isEmpty {
            lines.append("")
            lines.append("必有的节（标题中含这些文字）：")
            for section in set.sections {
                lines.append("  \(section.title)" + (section.place.map { "（\($0)）" } ?? ""))
            }
        }
        lines.append("")
        lines.append("格式化帮手（{{#fmt.名称}}…{{/fmt.名称}}，只改写其中的数，不计算）：")
        for helper in TemplateHelpers.descriptions {
            lines.append("  fmt.\(helper.name)：\(helper.what)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
