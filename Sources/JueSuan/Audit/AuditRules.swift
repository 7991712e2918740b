import Foundation

// The audit's rules: what `juesuan audit` checks in a published report. Each finding names its rule, its severity
// (错误 / 警告 / 提示), its place in the report and the line of the file, the figure as printed, the figure it should
// be and how that was computed. A difference that the rounding of the printed figures explains is never an error:
// it is a 提示 at most.

/// One result of the audit.
public struct AuditFinding: Sendable, Equatable, Codable {
    public var rule: String
    public var severity: Severity
    /// Part, section, table, row and column: `公开02表 2010101 行政运行 财政拨款收入`, `第三部分 二 年末结转和结余`.
    public var place: String
    /// The line of the report file (a paragraph or table row of a Word document); 0 when the finding has none.
    public var line: Int
    /// The figure as printed, e.g. `14.39%`.
    public var stated: String?
    /// The figure it should be, e.g. `174.32%`.
    public var expected: String?
    /// How the expected figure is computed, e.g. `16.09 ÷（25.32 − 16.09）× 100 = 174.32%`.
    public var computation: String?
    /// The whole finding in Chinese.
    public var message: String

    public init(
        rule: AuditRule, severity: Severity? = nil, place: String, line: Int, stated: String? = nil,
        expected: String? = nil, computation: String? = nil, message: String
    ) {
        self.rule = rule.id
        self.severity = severity ?? rule.severity
        self.place = place
        self.line = line
        self.stated = stated
        self.expected = expected
        self.computation = computation
        self.message = message
    }
}

extension Severity {
    /// 错误 / 警告 / 提示: how the audit of a published report names the severities.
    public var auditChinese: String {
        switch self {
        case .fatal: return "错误"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
}

/// One rule of the audit.
public struct AuditRule: Sendable, Equatable {
    public let id: String
    /// The severity of a difference beyond the rounding of the printed figures.
    public let severity: Severity
    public let title: String
    /// What the rule checks, for the catalogue (docs/AUDIT.md).
    public let checks: String
}

/// The catalogue of the audit's rules.
public enum AuditRules {
    public static let tableSums = AuditRule(
        id: "AU-01", severity: .fatal, title: "表内合计",
        checks: "每张表的合计等于所印的各项之和：科目表（02、03、05、07、08）类 = Σ款 = Σ项、合计 = Σ类，每行的合计栏 = 各栏之和；"
            + "06 表各类合计 = Σ明细，人员经费合计 = 301 + 303，公用经费合计 = 302 + 307 + 310 + 399；01、04 表的合计行和总计；"
            + "09 表 行1 = 2 + 3 + 6、行3 = 4 + 5、行6 决算数 = 7 + 9；10 表 车辆数合计 = 行 2–9 之和")
    public static let crossTables = AuditRule(
        id: "AU-02", severity: .fatal, title: "表间一致",
        checks: "同一个数在不同的表中相同，表间等式成立：01 表收入各行 = 02 表合计各栏，01 表支出各类 = 03 表各类，01、04 表财政拨款收入相同，"
            + "04 表各类财政拨款支出 = 05 + 07 + 08 表，04 表年初结转 = 07 表，05 表基本支出 = 06 表人员经费合计 + 公用经费合计")
    public static let textAmounts = AuditRule(
        id: "AU-03", severity: .fatal, title: "正文金额与表格一致",
        checks: "第三部分的每个金额、人数、车辆数等于表格中的同一个数（收入总计、本年收入合计、各项收入和支出、财政拨款支出、基本支出各类、"
            + "“三公”经费各项及统计数、车辆和设备数）；正文中的合计等于正文所列各项之和（年初预算数、政府采购支出总额）")
    public static let textPercentages = AuditRule(
        id: "AU-04", severity: .fatal, title: "正文百分比",
        checks: "每个占比、比上年增长或下降的百分比、预算完成率由所印金额计算；所印百分比在所印金额的舍入范围内可以得到即不是错误"
            + "（由元级数据计算的尾差列为提示）")
    public static let changePhrases = AuditRule(
        id: "AU-05", severity: .fatal, title: "比上年增减的写法",
        checks: "上年为 0 时写“比上年增加 X 万元”、不写百分比；上年不为 0 时写增长或下降百分比；增减方向与所写的词一致")
    public static let reasons = AuditRule(
        id: "AU-06", severity: .warning, title: "原因说明",
        checks: "比上年增减达到 10% 或由 0 变为非 0 时说明原因；决算数与年初预算数不同时说明预决算差异原因；“三公”经费决算数与全年预算数不同时"
            + "说明主要原因；有出国团组、接待批次时写“主要是”，有其他用车时写用途")
    public static let overviewCounts = AuditRule(
        id: "AU-07", severity: .fatal, title: "第一部分人数和个数",
        checks: "离退休人员 = 单位发放离退休费的人员 + 养老保险基金发放养老金的人员；所写的单位个数、内设机构个数等于所列的名称个数")
    public static let performance = AuditRule(
        id: "AU-08", severity: .fatal, title: "预算绩效和自评表算术",
        checks: "第三部分 九：自评项目个数 = 各评价结果个数之和，部门评价项目个数 = 所列项目个数，涉及资金占项目支出总额的百分比；"
            + "项目支出绩效自评表：总分行的分值、得分等于各行之和，分值合计为 100，得分不超过分值，执行率 = 全年执行数 ÷ 全年预算数")
    public static let priorYear = AuditRule(
        id: "AU-09", severity: .fatal, title: "上年数的衔接",
        checks: "由正文推算的上年数（本年数 ∓ 比上年增减额）前后衔接：本年年初结转和结余 = 上年年末结转和结余，上年收支平衡；"
            + "上年“三公”经费合计 = 上年各项之和")
    public static let limits = AuditRule(
        id: "AU-10", severity: .fatal, title: "不能超过的数",
        checks: "04 表各类财政拨款支出不大于 01 表该类支出；05 表各科目的基本支出、项目支出不大于 03 表；06 表因公出国（境）费用、"
            + "公务接待费、公务用车运行维护费、公务用车购置不大于 09 表对应决算数；09 表公务用车保有量不大于 10 表车辆数合计")

    public static let all = [
        tableSums, crossTables, textAmounts, textPercentages, changePhrases, reasons, overviewCounts, performance,
        priorYear,
        limits,
    ]

    /// docs/AUDIT.md's catalogue table.
    public static var markdownTable: String {
        var text = "| 编号 | 严重程度 | 规则 | 检查内容 |\n|---|---|---|---|\n"
        for rule in all {
            text += "| `\(rule.id)` | \(rule.severity.auditChinese) | \(rule.title) | \(rule.checks) |\n"
        }
        return text
    }
}
