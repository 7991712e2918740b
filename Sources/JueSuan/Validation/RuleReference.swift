extension RuleCatalogue {
    /// docs/RULES.md: every rule with its id, severity, what it checks and an example.
    public static func markdownReference() -> String {
        var lines = [
            "# 检查规则 · Rule catalogue",
            "",
            "本文件由程序生成（`juesuan rules`），与代码中的规则目录一致（测试保证）。`juesuan validate` 和 `juesuan render` 运行这些规则：",
            "**致命**问题阻止生成报告（退出状态 1），**警告**和**提示**只列出。金额比较的容差为 0.01 万元（恰好相差 0.01 视为一致）。",
            "",
            "有些规则在本工具中不可能不成立：相关数字不是录入的，而是由明细计算出来的。这些规则在下表“检查方式”一栏注明“由计算保证”及原因，",
            "没有为它们写一个不可能失败的检查。",
            "",
            "| 编号 | 严重程度 | 检查内容 | 检查方式 | 示例 |",
            "|---|---|---|---|---|",
        ]
        for rule in all {
            let how: String
            switch rule.kind {
            case .checked: how = "每个部门检查"
            case .atLoad: how = "读取文件时检查（`juesuan check`，退出状态 2）"
            case .guaranteed(let note): how = "由计算保证：" + note
            }
            let cells = [
                "`\(rule.id)`", rule.severity.chinese, rule.title, how, rule.example.isEmpty ? "—" : rule.example,
            ].map { $0.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
