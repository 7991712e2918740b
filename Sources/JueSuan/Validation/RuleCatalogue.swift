import Foundation

/// One rule of the catalogue: a stable id, a severity, what it checks, and an example message. docs/RULES.md is
/// generated from this list (a test keeps them in step).
public struct Rule: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Checked on every department (a finding when it fails).
        case checked
        /// Checked when the file is read (`juesuan check`, exit 2), before any rule runs.
        case atLoad
        /// Cannot fail: the model derives the figure so that it holds. The note says how.
        case guaranteed(String)
    }

    public let id: String
    public let severity: Severity
    /// What it checks, in Chinese.
    public let title: String
    public let kind: Kind
    /// An example message as a clerk sees it.
    public let example: String

    /// A finding of this rule.
    func finding(_ location: FindingLocation, _ message: String) -> Finding {
        Finding(rule: id, severity: severity, location: location, message: message)
    }
}

/// Every rule, in the order of docs/RULES.md.
public enum RuleCatalogue {
    // MARK: Input (输入)

    static let codeCategory = Rule(
        id: "IN-01", severity: .fatal, title: "科目编码须属于 26 个标准功能分类类级科目之一", kind: .checked,
        example: "$.subjects[4].code：科目 2090101 的类 209 不是标准功能分类科目")
    static let codeNesting = Rule(
        id: "IN-02", severity: .fatal, title: "项级科目须有所属的款级科目行（给出款名称），款级科目须属于已有的类", kind: .checked,
        example: "$.subjects[3]：项 2010101 所属的款 20101 没有科目行（缺少款名称）")
    static let standardName = Rule(
        id: "IN-03", severity: .fatal, title: "已知编码的名称须与标准名称一致（26 个类、83 个经济分类科目）", kind: .checked,
        example: "$.subjects[0].name：科目 201 的名称应为“一般公共服务支出”，实际为“教育支出”")
    static let economicCode = Rule(
        id: "IN-04", severity: .fatal, title: "经济分类科目编码须是公开06表的 83 个科目之一，且填明细科目", kind: .checked,
        example: "$.basicExpenditureByEconomicCode[2].code：30119 不是公开06表的经济分类科目")
    static let negativeAmount = Rule(
        id: "IN-05", severity: .fatal, title: "金额不能为负数", kind: .checked,
        example: "$.subjects[2].income.generalBudget：金额不能为负数：-12.00 万元")
    static let counts = Rule(
        id: "IN-06", severity: .fatal, title: "人数、车辆数、项目数等计数为非负整数", kind: .atLoad,
        example: "dept.json:4:26: 错误：$.department.staff.inPost：不能为负数：-1")
    static let partsExceedTotal = Rule(
        id: "IN-07", severity: .fatal, title: "“其中”部分不能大于其总数（外事接待、中小企业、小微企业等）", kind: .checked,
        example: "$.threePublic.reception.foreignAffairs：其中：外事接待费 2.00 万元大于国内接待费 1.07 万元")
    static let suppliedTotal = Rule(
        id: "IN-08", severity: .fatal,
        title: "填写的合计（核对用、类款行、06 表合计行、subjectTotals 等官方合计）与由明细计算的数一致（舍入误差范围内）",
        kind: .checked,
        example: "$.subjects[0].income.total：本年收入合计填写的合计 1861.38 万元，由明细计算为 1861.26 万元；相差 0.12 万元，"
            + "超出舍入误差范围（3 个数 × 0.005 = 0.015 万元）：请核对填写的合计和它的明细（合计可以不填，程序会计算）")
    static let duplicateCode = Rule(
        id: "IN-09", severity: .fatal, title: "同一编码不能出现两次（功能分类科目、经济分类科目）", kind: .checked,
        example: "$.subjects[7].code：科目编码 2010101 重复出现（第一次在 $.subjects[2]）")
    static let childlessParent = Rule(
        id: "IN-10", severity: .warning, title: "类、款级科目行下面应有项级科目（否则不列入报表）", kind: .checked,
        example: "$.subjects[5]：款 20102 下面没有项级科目，未列入报表")
    static let officialRow = Rule(
        id: "IN-12", severity: .info, title: "类、款行和 06 表合计行（301 等）上的金额是官方合计：说明它们怎样使用", kind: .checked,
        example: "$.subjects[0]：类 201 行上的金额（本年收入合计）是公开表印出的合计（官方数）：与下级明细之和核对，报告印这些数")
    static let contentTable = Rule(
        id: "IN-13", severity: .fatal, title: "部门填写的表格（九（二）正文、附件）：列宽个数等于列数且为正数，合并范围在表内、不重叠、不跨表头，被合并的单元格留空，工作表名称有效且不重名",
        kind: .checked,
        example: "$.annex[3].table.merges[0]：合并范围“A1:D1”超出表格（表格有 4 行 3 列，右下角是 C4）")
    static let amountUnit = Rule(
        id: "IN-14", severity: .warning, title: "金额与声明的单位（unit）相符：没有整体大 10000 倍或小 10000 倍，没有印出来是 0.00 的非零金额",
        kind: .checked,
        example: "$.threePublic.abroad.adjustedBudget：金额 45.00 元在报告中印为 0.00 万元：若这个数是以万元填写的，请改成元（乘以 10000）")
    static let retiredCount = Rule(
        id: "IN-11", severity: .warning, title: "离退休人员数等于单位发放与养老保险基金发放之和", kind: .checked,
        example: "$.department.staff.retired：离退休人员 81 人，两类之和为 80 人")

    // MARK: Cross-table (表间)

    static let incomeTables = Rule(
        id: "X-01", severity: .fatal, title: "01 本年收入合计 = 02 合计及各收入来源栏",
        kind: .guaranteed(
            "01 表收入各行与 02 表合计行各栏印同一个数（由项级科目汇总，或填写的官方合计），模型保证相等。"), example: "")
    static let categoryLines = Rule(
        id: "X-02", severity: .fatal, title: "01 表各功能分类支出行 = 03 表各类合计",
        kind: .guaranteed(
            "01 表支出各行印 03 表各类合计的同一个数，模型保证相等。"), example: "")
    static let fiscalIncome = Rule(
        id: "X-03", severity: .fatal, title: "01 财政拨款收入（行 1–3）= 04 本年收入合计",
        kind: .guaranteed(
            "两者印同一组数：02 表合计行的三类财政拨款收入（由项级科目汇总，或填写的官方合计）。"), example: "")
    static let fiscalSpending = Rule(
        id: "X-04", severity: .fatal, title: "04 本年支出合计及各类 = 05 + 07 + 08（一般公共预算栏 = 05 合计及各类）",
        kind: .guaranteed(
            "04 表支出各栏印 05、07、08 表各类和合计行的同一个数。"), example: "")
    static let fundColumns = Rule(
        id: "X-05", severity: .fatal, title: "04 政府性基金、国有资本经营栏 = 07、08 表",
        kind: .guaranteed(
            "04 表这两栏印 07、08 表各类和合计行的同一个数。"), example: "")
    static let fiscalBalance = Rule(
        id: "X-06", severity: .fatal, title: "05 合计 = 财政拨款收入 + 04 年初结转 − 04 年末结转（04 表收支平衡）",
        kind: .guaranteed(
            "04 表年末财政拨款结转和结余按来源由 年初 + 收入 − 支出 计算，平衡式恒成立（填写了官方年末数时，它与计算值在舍入误差范围内，IN-08）；见 X-12、X-13 对负数的检查。"),
        example: "")
    static let basicVersus06 = Rule(
        id: "X-07", severity: .fatal, title: "05 合计基本支出 = 06 人员经费合计 + 公用经费合计（舍入误差范围内）", kind: .checked,
        example: "公开05表 基本支出 2213.08 万元，公开06表 人员经费合计 2053.53 万元 + 公用经费合计 159.04 万元 = 2212.57 万元；"
            + "相差 0.51 万元，超出舍入误差范围（43 个数 × 0.005 = 0.215 万元）：…")
    static let fiscalWithinTotal = Rule(
        id: "X-08", severity: .fatal, title: "04 各类财政拨款支出 ≤ 01 该类本年支出", kind: .checked,
        example: "公开04表 一般公共服务支出 1900.00 万元大于公开01表 1861.26 万元")
    static let generalWithinExpenditure = Rule(
        id: "X-09", severity: .fatal, title: "05 基本支出、项目支出 ≤ 03 同一科目的基本支出、项目支出", kind: .checked,
        example: "科目 2010101 公开05表 项目支出 240.00 万元大于公开03表 230.00 万元")
    static let economicVersusThreePublic = Rule(
        id: "X-10", severity: .fatal, title: "06 表 30212、30217、30231、31013 ≤ 09 表对应决算数", kind: .checked,
        example: "公开06表 30217 公务接待费 2.00 万元大于公开09表 公务接待费决算数 1.07 万元")
    static let vehiclesHeld = Rule(
        id: "X-11", severity: .fatal, title: "09 公务用车保有量 ≤ 10 车辆数合计", kind: .checked,
        example: "公开09表 公务用车保有量 3 辆大于公开10表 车辆数合计 2 辆")
    static let negativeBalance = Rule(
        id: "X-12", severity: .fatal, title: "由收支计算的年末结转和结余不能为负（01、04 各来源、07 各科目）", kind: .checked,
        example: "公开04表 年末一般公共预算财政拨款结转和结余为 -5.00 万元：财政拨款支出大于年初结转与本年收入之和")
    static let fiscalCarryOutWithinTotal = Rule(
        id: "X-13", severity: .fatal, title: "04 年末财政拨款结转和结余 ≤ 01 年末结转和结余（非财政拨款部分不能为负）", kind: .checked,
        example: "公开04表 年末财政拨款结转和结余 183.00 万元大于公开01表 年末结转和结余 6.33 万元（非财政拨款部分为 -176.67 万元）；"
            + "…：以下项级科目有财政拨款收入和本年支出，却没有填财政拨款支出（generalBudgetExpenditure 等）：2130101 行政运行；…")
    static let table01Balance = Rule(
        id: "T01-01", severity: .fatal, title: "01 表收入总计 = 支出总计",
        kind: .guaranteed(
            "年末结转和结余由 总计 − 本年支出 − 结余分配 计算，01 表两边总计印同一个数（填写了官方年末数时，它与计算值在舍入误差范围内，IN-08）。"), example: "")
    static let subjectRollUp = Rule(
        id: "T02-01", severity: .fatal, title: "02/03/05/07/08 表 类 = Σ款 = Σ项，合计 = Σ类",
        kind: .guaranteed(
            "类、款、合计行由下级汇总，模型保证相等；填写了官方合计的行印官方数，它与下级之和在舍入误差范围内（IN-08）。"), example: "")
    static let table06Groups = Rule(
        id: "T06-01", severity: .fatal, title: "06 表各类合计行 = Σ明细；人员经费合计 = 301 + 303；公用经费合计 = 302 + 307 + 310 + 399",
        kind: .guaranteed(
            "06 表合计行由明细科目汇总，模型保证相等；填写了官方合计（301 等、basicExpenditureTotals）时印官方数，它与明细之和在舍入误差范围内（IN-08）。"), example: "")
    static let table09Rows = Rule(
        id: "T09-01", severity: .fatal, title: "09 表 行1 = 2 + 3 + 6，行3 = 4 + 5，行6 决算 = 7 + 9",
        kind: .guaranteed(
            "09 表合计行由各项计算；填写了官方的行 1（threePublic.total）时印官方数，它与各项之和在舍入误差范围内（IN-08）。"), example: "")
    static let table10Total = Rule(
        id: "T10-01", severity: .fatal, title: "10 表 车辆数合计 = 行 2–9 之和", kind: .guaranteed("车辆数合计由各类车辆计算。"), example: "")

    // MARK: Prior year and narrative (上年与说明)

    static let carryChain = Rule(
        id: "P-01", severity: .warning, title: "本年年初结转和结余 = 上年年末结转和结余", kind: .checked,
        example: "本年年初结转和结余 9.23 万元，上年年末结转和结余 9.30 万元")
    static let priorBalance = Rule(
        id: "P-02", severity: .warning, title: "上年数收支平衡：年初 + 收入 + 使用结余 = 支出 + 结余分配 + 年末", kind: .checked,
        example: "上年数不平衡：28.95 + 2546.88 + 0.00 = 2575.83 万元，2566.60 + 0.00 + 9.30 = 2575.90 万元")
    static let priorMissing = Rule(
        id: "P-04", severity: .info, title: "比较所需的上年数应填写（未填写按 0 比较）", kind: .checked,
        example: "$.priorYear.income：未填写上年本年收入合计，说明中按 0 比较")
    static let changeReason = Rule(
        id: "R-01", severity: .warning, title: "增减变动达到 10% 或由 0 变为非 0 时须说明原因（缺少时印出“（此处请补充内容）”）", kind: .checked,
        example: "第三部分 一 本年收入合计，$.reasons.income：缺少变动原因，报告中印出“（此处请补充内容）”")
    static let budgetReason = Rule(
        id: "R-02", severity: .warning, title: "第三部分 三 决算数与年初预算数不同时须说明预决算差异原因", kind: .checked,
        example: "第三部分 三 社会保障和就业支出（类），$.reasons.categories.208：缺少预决算差异原因")
    static let executionReason = Rule(
        id: "R-03", severity: .warning, title: "“三公”经费决算数与全年预算数不同时须说明主要原因", kind: .checked,
        example: "第三部分 五（一）因公出国（境）费，$.reasons.threePublic.abroad.budget：缺少主要原因")
    static let descriptionReason = Rule(
        id: "R-04", severity: .warning, title: "有出国团组、接待批次、其他用车时须说明“主要是”“主要是用于”", kind: .checked,
        example: "第三部分 八 其他用车主要是用于，$.reasons.otherVehiclesUse：缺少说明")
    static let glossaryDefinition = Rule(
        id: "R-05", severity: .warning, title: "名词解释中每个支出科目须有解释（没有标准解释的科目须在 glossary 中填写）", kind: .checked,
        example: "第四部分 二 一般公共服务支出（类）人大事务（款）行政运行（项），$.glossary.expenditure：缺少解释")
    static let unusedText = Rule(
        id: "R-06", severity: .warning, title: "填写了的说明都要印出（不印出的说明指出原因）", kind: .checked,
        example: "第三部分 三，$.reasons.categories.205：类 205 教育支出没有财政拨款支出，第三部分 三 不列这一类；填写的内容不会印出")
    static let zeroBudgetRate = Rule(
        id: "N-01", severity: .fatal, title: "预算数为 0 时不写完成率（正文中不出现“预算数 0.00 万元…完成…预算的”）", kind: .checked,
        example: "第三部分 五：“全年预算数 0.00 万元，决算数 0.00 万元，完成全年预算的 …”")

    // MARK: Performance (绩效)

    static let weightSum = Rule(
        id: "E-01", severity: .warning, title: "项目支出绩效自评表 分值合计为 100", kind: .checked,
        example: "项目支出绩效自评表“政府公报编制及印发专项经费”：分值合计 97，应为 100")
    static let scoreWithinWeight = Rule(
        id: "E-02", severity: .warning, title: "每项得分不超过其分值", kind: .checked,
        example: "项目支出绩效自评表“政府公报编制及印发专项经费”指标“政府公报刊物印刷份数”：得分 5 大于分值 3")
    static let totalScore = Rule(
        id: "E-03", severity: .warning, title: "填写的总分 = 各项得分之和", kind: .checked,
        example: "项目支出绩效自评表“人大办公室工作专项”：填写的总分 96，各项得分之和 99")
    static let projectCount = Rule(
        id: "E-05", severity: .warning, title: "自评的二级项目个数（各评价结果个数之和）= 项目支出绩效自评表张数；“单个项目”的写法只用于一个项目",
        kind: .checked,
        example: "第三部分 九，$.performance.selfEvaluation.grades：写开展自评的二级项目 2 个，（二）有 1 张项目支出绩效自评表")
    static let selfEvaluatedAmount = Rule(
        id: "E-04", severity: .warning, title: "绩效自评涉及资金不超过项目支出总额", kind: .checked,
        example: "第三部分 九（一）：共涉及资金 250.00 万元大于项目支出总额 230.00 万元")

    // MARK: Table to text (表文一致)

    static let textMatchesTables = Rule(
        id: "TX-01", severity: .fatal, title: "说明中的每个金额与对应的表格单元格一致（表文一致，检查模板）", kind: .checked,
        example: "第三部分 一“收入总计”：正文 2483.65 万元，公开01表 总计（行 31）为 2,483.66")
    static let textMatchesFigures = Rule(
        id: "TX-02", severity: .fatal, title: "说明中的每个百分比、增减额与计算结果一致（检查模板）", kind: .checked,
        example: "第三部分 一“财政拨款收入 占”：正文 0.00%，计算结果 98.73%")

    // MARK: Department files (部门数据文件)

    static let ignoredInWorkbook = Rule(
        id: "WB-01", severity: .info, title: "工作簿中不属于部门数据工作簿的表和栏目不读取", kind: .checked,
        example: "公开02表 的 L 列（“备注”）不是本表的栏目，已忽略")
    static let priorFileDiffers = Rule(
        id: "WB-02", severity: .warning, title: "填写的上年数与上年部门文件计算的数一致（validate、render、batch 加 --prior 时检查）",
        kind: .checked, example: "上年数 本年收入合计：填写 2546.88 万元，上年文件计算为 2546.89 万元")

    public static let all: [Rule] = [
        codeCategory, codeNesting, standardName, economicCode, negativeAmount, counts, partsExceedTotal, suppliedTotal,
        duplicateCode, childlessParent, retiredCount, officialRow, contentTable, amountUnit,
        incomeTables, categoryLines, fiscalIncome, fiscalSpending, fundColumns, fiscalBalance, basicVersus06,
        fiscalWithinTotal, generalWithinExpenditure, economicVersusThreePublic, vehiclesHeld, negativeBalance,
        fiscalCarryOutWithinTotal, table01Balance, subjectRollUp, table06Groups, table09Rows, table10Total,
        carryChain, priorBalance, priorMissing, changeReason, budgetReason, executionReason,
        descriptionReason, glossaryDefinition, unusedText, zeroBudgetRate,
        weightSum, scoreWithinWeight, totalScore, selfEvaluatedAmount, projectCount,
        textMatchesTables, textMatchesFigures,
        ignoredInWorkbook, priorFileDiffers,
    ]

    /// The tolerance on sums of input in 元: 0.01 万元 (a difference of exactly 0.01 is accepted).
    public static let tolerance: Amount = "0.01"
    /// The rounding of one figure entered in 万元 (rounded to 0.01 on its own): half of 0.01.
    public static let roundingPerFigure: Amount = "0.005"
}
