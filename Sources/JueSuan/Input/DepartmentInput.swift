import Foundation

// Input model v1: what one department knows for its 部门决算公开, and nothing that can be derived. Amounts are exact
// (`Amount`, converted to 万元 on decoding). A total that is supplied anyway (a field named `total…` or `supplied…`,
// an amount on a 类/款 row or a 06 group code, `subjectTotals`, `basicExpenditureTotals`) is an official total: it is
// checked against the figure derived from its leaves (IN-08) and, for input in 万元, printed in its place
// (`OfficialTotals`).
//
// The JSON form of every field, its Chinese name and where it appears in the report are in docs/INPUT.md, which is
// generated from `InputSchema` (the same descriptions give `juesuan schema`).

/// One department's input file (部门决算数据).
public struct DepartmentInput: Codable, Sendable, Equatable {
    /// `$schema`: optional link to the JSON Schema, for editors.
    public var schema: String?
    /// 数据格式版本 — always 1 for this model.
    public var formatVersion: Int
    /// 决算年度, e.g. 2024.
    public var year: Int
    /// 金额单位 of every amount in the file.
    public var unit: InputUnit
    public var department: Department
    /// 支出功能分类科目 rows (类 3 digits, 款 5, 项 7). Amounts sit on 项 rows; 类/款 rows give names.
    public var subjects: [Subject]
    /// 年初结转和结余 etc. at department level.
    public var carryOver: CarryOver
    /// 公开06表: 一般公共预算财政拨款基本支出 by economic code (leaf codes; group codes are derived).
    public var basicExpenditureByEconomicCode: [EconomicAmount]
    /// 公开09表.
    public var threePublic: ThreePublic
    /// 公开10表.
    public var assets: Assets
    /// 年初预算数 of 财政拨款 spending per 类 (第三部分 三).
    public var fiscalInitialBudget: FiscalInitialBudget
    /// 第三部分 七 政府采购.
    public var procurement: Procurement
    /// 机关运行经费 when it is not 06 公用经费合计.
    public var operatingCosts: Amount?
    /// 上年决算 figures for the year-on-year comparisons.
    public var priorYear: PriorYear
    /// 原因说明 for every slot that can carry one.
    public var reasons: Reasons
    /// 第三部分 九 预算绩效情况.
    public var performance: Performance
    /// 第四部分 名词解释 (generated from the data when omitted).
    public var glossary: Glossary?
    /// 第五部分 附件: the department's evaluation report(s) as ordered blocks.
    public var annex: [ContentBlock]
    /// 落款: a closing line printed at the very end (optional).
    public var closingLine: String?
    /// 合计 rows of tables 02/03/05/07/08 as the department's 公开表 print them (official totals; optional).
    public var subjectTotals: SubjectTotals?
    /// 人员经费合计 and 公用经费合计 of table 06 as printed (official totals; optional).
    public var basicExpenditureTotals: BasicExpenditureTotals?
    /// A locality's own data (any JSON object), passed to the templates untouched as `local`; nothing checks it.
    public var local: LocalData?

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case formatVersion, year, unit, department, subjects, carryOver, basicExpenditureByEconomicCode, threePublic
        case assets, fiscalInitialBudget, procurement, operatingCosts, priorYear, reasons, performance, glossary
        case annex, closingLine, subjectTotals, basicExpenditureTotals, local
    }
}

// MARK: - Department (第一部分)

public struct Department: Codable, Sendable, Equatable {
    /// 部门名称 as printed in the title and `部门：` lines.
    public var name: String
    /// 预算级次 of the government: 市级 / 区级 (名词解释 财政拨款).
    public var level: GovernmentLevel
    /// 部门主要职责.
    public var duties: Duties
    /// 纳入决算汇编范围的单位.
    public var units: [ReportingUnit]
    /// 内设机构 names of the department itself (optional sentence).
    public var internalInstitutions: [String]?
    /// 人员情况.
    public var staff: Staff
}

public enum GovernmentLevel: String, Codable, Sendable, CaseIterable {
    case city = "市级"
    case district = "区级"
    case county = "县级"
    case province = "省级"
}

public struct Duties: Codable, Sendable, Equatable {
    /// Whether the list is introduced by `主要职责是：`.
    public var leadLine: Bool?
    /// Numbering put in front of each duty (default `（一）`).
    public var numbering: DutyNumbering?
    /// One string per duty, without its number.
    public var items: [String]
}

/// How the items of a list are numbered (duties, glossary entries).
public enum DutyNumbering: String, Codable, Sendable, CaseIterable {
    /// （一）（二）…
    case chineseParenthesized = "（一）"
    /// 1、2、…
    case arabicComma = "1、"
    /// (1) (2) … printed full-width: （1）（2）…
    case arabicParenthesized = "(1)"
    /// 一、二、…
    case chineseComma = "一、"
    /// The items carry their own numbers.
    case none = "无"
    /// 1. 2. …
    case arabicDot = "1."
    /// 1） 2） …
    case arabicClosingParenthesis = "1）"
    /// ① ② … (⑳ is the last; later items are numbered （21）…).
    case circled = "①"
}

public struct ReportingUnit: Codable, Sendable, Equatable {
    /// 单位名称.
    public var name: String
    /// 预算级次, e.g. 一级 / 二级 (printed in the table of units when there are several).
    public var budgetLevel: String?
}

public struct Staff: Codable, Sendable, Equatable {
    /// 年末编制内实有人员.
    public var inPost: Int
    /// 其他人员.
    public var other: Int
    /// 单位发放离退休费的人员.
    public var retiredPaidByUnit: Int
    /// 养老保险基金发放养老金的人员.
    public var retiredPaidByPensionFund: Int
    /// 离退休人员 (derived as the sum of the two above; a supplied value is checked).
    public var suppliedRetired: Int?

    enum CodingKeys: String, CodingKey {
        case inPost, other, retiredPaidByUnit, retiredPaidByPensionFund
        case suppliedRetired = "retired"
    }
}

// MARK: - Subjects (公开02/03/05/07/08表 and the 类 lines of 01/04)

/// One 支出功能分类科目 row. 项 rows (7 digits) carry the amounts; 类 (3) and 款 (5) rows carry names and, if a
/// department copies them from its software, totals that are checked against the sum of their 项.
public struct Subject: Codable, Sendable, Equatable {
    /// 科目编码: 3, 5 or 7 digits.
    public var code: String
    /// 科目名称 (for the 26 standard 类 it may be omitted).
    public var name: String?
    /// 收入 by source (公开02表).
    public var income: SubjectIncome?
    /// 支出 by type (公开03表).
    public var expenditure: SubjectExpenditure?
    /// 一般公共预算财政拨款支出 (公开05表).
    public var generalBudgetExpenditure: BasicProjectSplit?
    /// 政府性基金预算财政拨款 (公开07表).
    public var governmentFund: GovernmentFundRow?
    /// 国有资本经营预算财政拨款支出 (公开08表).
    public var stateCapitalExpenditure: BasicProjectSplit?
}

public struct SubjectIncome: Codable, Sendable, Equatable {
    /// 一般公共预算财政拨款收入.
    public var generalBudget: Amount?
    /// 政府性基金预算财政拨款收入.
    public var governmentFund: Amount?
    /// 国有资本经营预算财政拨款收入.
    public var stateCapital: Amount?
    /// 上级补助收入.
    public var superiorSubsidy: Amount?
    /// 事业收入.
    public var business: Amount?
    /// 经营收入.
    public var operating: Amount?
    /// 附属单位上缴收入.
    public var affiliated: Amount?
    /// 其他收入.
    public var other: Amount?
    /// 本年收入合计 as supplied (checked).
    public var total: Amount?
}

public struct SubjectExpenditure: Codable, Sendable, Equatable {
    /// 基本支出.
    public var basic: Amount?
    /// 项目支出.
    public var project: Amount?
    /// 上缴上级支出.
    public var toSuperior: Amount?
    /// 经营支出.
    public var operating: Amount?
    /// 对附属单位补助支出.
    public var toAffiliated: Amount?
    /// 本年支出合计 as supplied (checked).
    public var total: Amount?
}

public struct BasicProjectSplit: Codable, Sendable, Equatable {
    /// 基本支出.
    public var basic: Amount?
    /// 项目支出.
    public var project: Amount?
    /// 合计 as supplied (checked).
    public var total: Amount?
}

public struct GovernmentFundRow: Codable, Sendable, Equatable {
    /// 年初结转和结余.
    public var carryIn: Amount?
    /// 本年支出 基本支出.
    public var basic: Amount?
    /// 本年支出 项目支出.
    public var project: Amount?
    /// 年末结转和结余 as supplied (checked; derived as 年初 + 收入 − 支出).
    public var carryOut: Amount?
}

// MARK: - Department-level carry-overs (公开01/04表)

public struct CarryOver: Codable, Sendable, Equatable {
    /// 年初结转和结余 (01 row 29 = the sum; 04 rows 28–31 = the 财政拨款 part).
    public var start: CarryOverStart
    /// 使用非财政拨款结余（含专用结余） (01 row 28).
    public var nonFiscalBalanceUsed: Amount?
    /// 结余分配 (01 row 59).
    public var surplusDistribution: Amount?
    /// 年末结转和结余 as supplied (checked; derived from the balance of table 01 and 04).
    public var suppliedEnd: CarryOverEnd?

    enum CodingKeys: String, CodingKey {
        case start, nonFiscalBalanceUsed, surplusDistribution
        case suppliedEnd = "end"
    }
}

public struct CarryOverStart: Codable, Sendable, Equatable {
    /// 年初一般公共预算财政拨款结转和结余 (04 row 29). The 政府性基金 part is the sum of the subjects'
    /// `governmentFund.carryIn` (04 row 30 = 07 column 1).
    public var generalBudget: Amount?
    /// 年初国有资本经营预算财政拨款结转和结余 (04 row 31).
    public var stateCapital: Amount?
    /// 年初非财政拨款结转和结余.
    public var nonFiscal: Amount?
}

public struct CarryOverEnd: Codable, Sendable, Equatable {
    /// 年末结转和结余 (01 row 60).
    public var total: Amount?
    /// 年末财政拨款结转和结余 (04 row 60).
    public var fiscal: Amount?
}

// MARK: - 公开06表

public struct EconomicAmount: Codable, Sendable, Equatable {
    /// 经济分类科目编码, one of the 83 codes of table 06.
    public var code: String
    /// 科目名称 (optional; checked against the standard name).
    public var name: String?
    public var amount: Amount
}

// MARK: - 公开09表

public struct ThreePublic: Codable, Sendable, Equatable {
    /// 因公出国（境）费 (row 2).
    public var abroad: BudgetedItem
    /// 公务用车购置费 (row 4).
    public var vehiclePurchase: BudgetedItem
    /// 公务用车运行维护费 (row 5).
    public var vehicleOperation: BudgetedItem
    /// 公务接待费 (rows 6–9).
    public var reception: Reception
    /// 相关统计数 (rows 11–20).
    public var statistics: ThreePublicStatistics
    /// “三公”经费支出 row 1 as supplied (checked).
    public var suppliedTotal: BudgetFigures?

    enum CodingKeys: String, CodingKey {
        case abroad, vehiclePurchase, vehicleOperation, reception, statistics
        case suppliedTotal = "total"
    }
}

/// 年初预算数 / 全年预算数 / 决算数 of one item.
public struct BudgetedItem: Codable, Sendable, Equatable {
    /// 年初预算数.
    public var initialBudget: Amount?
    /// 全年预算数 (after adjustments).
    public var adjustedBudget: Amount?
    /// 决算数.
    public var actual: Amount?
}

public struct BudgetFigures: Codable, Sendable, Equatable {
    public var initialBudget: Amount?
    public var adjustedBudget: Amount?
    public var actual: Amount?
}

public struct Reception: Codable, Sendable, Equatable {
    /// 年初预算数 of 公务接待费.
    public var initialBudget: Amount?
    /// 全年预算数 of 公务接待费.
    public var adjustedBudget: Amount?
    /// 国内接待费 (row 7).
    public var domestic: Amount?
    /// 其中：外事接待费 (row 8, part of row 7).
    public var foreignAffairs: Amount?
    /// 国（境）外接待费 (row 9).
    public var overseas: Amount?
}

public struct ThreePublicStatistics: Codable, Sendable, Equatable {
    /// 因公出国（境）团组数（个） (row 11).
    public var abroadGroups: Int?
    /// 因公出国（境）人次数（人） (row 12).
    public var abroadPersonTimes: Int?
    /// 公务用车购置数（辆） (row 13).
    public var vehiclesPurchased: Int?
    /// 公务用车保有量（辆） (row 14).
    public var vehiclesHeld: Int?
    /// 国内公务接待批次（个） (row 15).
    public var domesticReceptionBatches: Int?
    /// 其中：外事接待批次（个） (row 16).
    public var foreignAffairsReceptionBatches: Int?
    /// 国内公务接待人次（人） (row 17).
    public var domesticReceptionPersonTimes: Int?
    /// 其中：外事接待人次（人） (row 18).
    public var foreignAffairsReceptionPersonTimes: Int?
    /// 国（境）外公务接待批次（个） (row 19).
    public var overseasReceptionBatches: Int?
    /// 国（境）外公务接待人次（人） (row 20).
    public var overseasReceptionPersonTimes: Int?
}

// MARK: - 公开10表

public struct Assets: Codable, Sendable, Equatable {
    public var vehicles: Vehicles
    /// 单价 100 万元（含）以上设备（不含车辆） (row 10).
    public var equipmentOverOneMillion: Int?
}

public struct Vehicles: Codable, Sendable, Equatable {
    /// 副部（省）级及以上领导用车.
    public var ministerial: Int?
    /// 主要负责人用车.
    public var principal: Int?
    /// 机要通信用车.
    public var confidential: Int?
    /// 应急保障用车.
    public var emergency: Int?
    /// 执法执勤用车.
    public var lawEnforcement: Int?
    /// 特种专业技术用车.
    public var specialTechnical: Int?
    /// 离退休干部服务用车.
    public var retiredCadres: Int?
    /// 其他用车.
    public var other: Int?
    /// 车辆数合计 as supplied (checked).
    public var suppliedTotal: Int?

    enum CodingKeys: String, CodingKey {
        case ministerial, principal, confidential, emergency, lawEnforcement, specialTechnical, retiredCadres, other
        case suppliedTotal = "total"
    }
}

// MARK: - Budgets, procurement

public struct FiscalInitialBudget: Codable, Sendable, Equatable {
    /// 年初预算数 per 类 code (3 digits).
    public var byCategory: [String: Amount]
    /// 财政拨款本年支出年初预算数 as supplied (checked against the sum per 类).
    public var suppliedTotal: Amount?
    /// 一般公共预算财政拨款支出年初预算数 per 项 code (7 digits): the 中央 format prints it per 项.
    public var generalBudgetByItem: [String: Amount]?

    enum CodingKeys: String, CodingKey {
        case byCategory
        case suppliedTotal = "total"
        case generalBudgetByItem
    }
}

public struct Procurement: Codable, Sendable, Equatable {
    /// 政府采购货物支出.
    public var goods: Amount?
    /// 政府采购工程支出.
    public var works: Amount?
    /// 政府采购服务支出.
    public var services: Amount?
    /// 授予中小企业合同金额 — 货物.
    public var smeGoods: Amount?
    /// 授予中小企业合同金额 — 工程.
    public var smeWorks: Amount?
    /// 授予中小企业合同金额 — 服务.
    public var smeServices: Amount?
    /// 授予小微企业合同金额.
    public var micro: Amount?
    /// 政府采购支出总额 as supplied (checked).
    public var suppliedTotal: Amount?

    enum CodingKeys: String, CodingKey {
        case goods, works, services, smeGoods, smeWorks, smeServices, micro
        case suppliedTotal = "total"
    }
}

// MARK: - Prior year (上年决算)

public struct PriorYear: Codable, Sendable, Equatable {
    /// 上年 年初结转和结余.
    public var carryIn: Amount?
    /// 上年 使用非财政拨款结余.
    public var nonFiscalBalanceUsed: Amount?
    /// 上年 本年收入合计.
    public var income: Amount?
    /// 上年 本年支出合计.
    public var expenditure: Amount?
    /// 上年 结余分配.
    public var surplusDistribution: Amount?
    /// 上年 年末结转和结余.
    public var carryOut: Amount?
    /// 上年 一般公共预算财政拨款基本支出 by group.
    public var basic: BasicGroups?
    /// 上年 “三公”经费 决算数.
    public var threePublic: PriorThreePublic?
    /// 上年 机关运行经费.
    public var operatingCosts: Amount?
    /// 上年 财政拨款收入支出总计 (公开04表 总计; the 中央 format's 四 compares it).
    public var fiscalTotal: Amount?
    /// 上年 一般公共预算财政拨款支出 (公开05表 合计; the 中央 format's 五（一） compares it).
    public var generalBudgetExpenditure: Amount?
}

/// The four groups of 第三部分 四: 301, 302, 303, 310.
public struct BasicGroups: Codable, Sendable, Equatable {
    /// 工资福利支出 (301).
    public var wages: Amount?
    /// 商品和服务支出 (302).
    public var goodsAndServices: Amount?
    /// 对个人和家庭的补助 (303).
    public var subsidies: Amount?
    /// 资本性支出 (310).
    public var capital: Amount?
}

public struct PriorThreePublic: Codable, Sendable, Equatable {
    public var abroad: Amount?
    public var vehiclePurchase: Amount?
    public var vehicleOperation: Amount?
    public var reception: Amount?
    /// 上年 “三公”经费 total as supplied (checked against the sum).
    public var suppliedTotal: Amount?

    enum CodingKeys: String, CodingKey {
        case abroad, vehiclePurchase, vehicleOperation, reception
        case suppliedTotal = "total"
    }
}

// MARK: - Reasons (原因说明)

public struct Reasons: Codable, Sendable, Equatable {
    /// 本年收入合计 变动原因 (第三部分 一).
    public var income: String?
    /// 本年支出合计 变动原因 (第三部分 二).
    public var expenditure: String?
    /// 年末结转和结余 变动原因 (第三部分 二).
    public var carryOut: String?
    /// 预决算差异主要原因 per 类 code (第三部分 三).
    public var categories: [String: String]?
    /// 基本支出 变动原因 per group (第三部分 四).
    public var basic: BasicGroupReasons?
    /// “三公”经费 (第三部分 五).
    public var threePublic: ThreePublicReasons?
    /// 机关运行经费 变动原因 (第三部分 六).
    public var operatingCosts: String?
    /// 其他用车主要是用于 (第三部分 八).
    public var otherVehiclesUse: String?
    /// 收入支出总计 比上年变动原因: printed where a template has that sentence (the 中央 format's 一); never expected.
    public var grandTotal: String?
    /// 财政拨款收入支出总计 比上年变动原因 (the 中央 format's 四); never expected.
    public var fiscalTotal: String?
    /// 一般公共预算财政拨款支出 比上年变动原因 (the 中央 format's 五（一）); never expected.
    public var generalBudget: String?
}

public struct BasicGroupReasons: Codable, Sendable, Equatable {
    public var wages: String?
    public var goodsAndServices: String?
    public var subsidies: String?
    public var capital: String?
}

public struct ThreePublicReasons: Codable, Sendable, Equatable {
    public var abroad: ItemReasons?
    public var vehiclePurchase: BudgetChangeReasons?
    public var vehicleOperation: BudgetChangeReasons?
    public var reception: ItemReasons?
}

/// The two reasons of a 公务用车 item (there is no 主要是 clause for vehicles).
public struct BudgetChangeReasons: Codable, Sendable, Equatable {
    /// 预算执行 主要原因.
    public var budget: String?
    /// 决算数比上年 变动原因.
    public var change: String?
}

public struct ItemReasons: Codable, Sendable, Equatable {
    /// 预算执行 主要原因 (after 全年预算数 / 决算数).
    public var budget: String?
    /// 决算数比上年 变动原因.
    public var change: String?
    /// 主要是：… (出国 and 接待 only).
    public var description: String?
}

// MARK: - Performance (第三部分 九)

public struct Performance: Codable, Sendable, Equatable {
    /// （一） 项目绩效自评 overview.
    public var selfEvaluation: SelfEvaluationSummary
    /// （一） 部门评价 of projects (omitted when none).
    public var departmentEvaluation: DepartmentEvaluation?
    /// （一） 部门整体支出绩效评价.
    public var overallEvaluation: OverallEvaluation?
    /// （二） the department's text about its self-evaluation.
    public var selfEvaluationText: [ContentBlock]
    /// （二） 项目支出绩效自评表, printed after the text.
    public var selfEvaluationTables: [SelfEvaluationTable]
    /// （三） further paragraphs after `项目部门评价报告见第五部分附件。`.
    public var departmentEvaluationNotes: [String]?
    /// The sentence before the 自评表 in （二） (default `…项目支出绩效自评表如下：`).
    public var tablesLeadIn: TablesLeadIn?
}

/// The lead-in of the self-evaluation tables (第三部分 九（二）).
public enum TablesLeadIn: String, Codable, Sendable, CaseIterable {
    /// `本部门“A”“B”项目支出绩效自评表如下：` (the standard).
    case tables = "自评表"
    /// `本部门“A”“B”项目支出绩效自评结果如下：`.
    case results = "自评结果"
    /// No lead-in: the department's own text (`selfEvaluationText`) introduces the tables.
    case none = "无"
}

public struct SelfEvaluationSummary: Codable, Sendable, Equatable {
    /// Number of projects per grade (the project count is their sum).
    public var grades: GradeCounts
    /// 共涉及资金.
    public var amount: Amount
    /// 项目支出总额 the share is taken of (default: 03 表 项目支出合计).
    public var projectExpenditureTotal: Amount?
    /// How the grades are told (default: the count of every grade).
    public var gradeSentence: GradeSentence?
}

/// The sentence after `共涉及资金 … 占项目支出总额的 …%。` (第三部分 九（一）).
public enum GradeSentence: String, Codable, Sendable, CaseIterable {
    /// `其中，2 个项目评价结果为“优”，0 个项目评价结果为“良”，…“中”，…“差”。` (the standard).
    case everyGrade = "各档个数"
    /// Only the grades that have projects: `其中，2 个项目评价结果为“优”。`
    case gradesWithProjects = "有项目的档"
    /// One project, by name: `其中，“人大办公室工作专项”评价结果为“优”。` (the project of the one 自评表).
    case singleProject = "单个项目"
}

public struct GradeCounts: Codable, Sendable, Equatable {
    /// 优.
    public var excellent: Int?
    /// 良.
    public var good: Int?
    /// 中.
    public var fair: Int?
    /// 差.
    public var poor: Int?
}

public struct DepartmentEvaluation: Codable, Sendable, Equatable {
    /// 项目名称 of the projects evaluated by the department.
    public var projects: [String]
    /// 涉及一般公共预算支出.
    public var generalBudget: Amount?
    /// 政府性基金预算支出.
    public var governmentFund: Amount?
    /// 国有资本预算支出.
    public var stateCapital: Amount?
    /// 从评价情况看，… (free text).
    public var assessment: String
}

public struct OverallEvaluation: Codable, Sendable, Equatable {
    /// 涉及一般公共预算支出.
    public var generalBudget: Amount?
    /// 政府性基金预算支出.
    public var governmentFund: Amount?
    /// 评价结果: 优 / 良 / 中 / 差.
    public var grade: String
    /// 从评价情况看，… (free text).
    public var assessment: String
}

/// 项目支出绩效自评表.
public struct SelfEvaluationTable: Codable, Sendable, Equatable {
    /// 项目名称.
    public var projectName: String
    /// 主管部门.
    public var supervisor: String
    /// 实施单位.
    public var implementer: String
    /// 政府预算资金 (财政拨款): 年初预算数 / 全年预算数 A / 全年执行数 B.
    public var fiscalFunds: ProjectFunds
    /// 其他资金 (optional).
    public var otherFunds: ProjectFunds?
    /// 资金执行率 分值 (default 10).
    public var fundsWeight: Decimal?
    /// 资金执行率 得分.
    public var fundsScore: Decimal
    /// 偏差原因及整改措施 of the funds' execution (optional row).
    public var fundsDeviation: String?
    /// 年度总体目标 预期目标.
    public var goal: String?
    /// 实际完成情况.
    public var result: String?
    /// 绩效指标 rows.
    public var indicators: [PerformanceIndicator]
    /// 总分 as supplied (checked against the sum of the scores).
    public var suppliedTotalScore: Decimal?

    enum CodingKeys: String, CodingKey {
        case projectName, supervisor, implementer, fiscalFunds, otherFunds, fundsWeight, fundsScore, fundsDeviation,
            goal
        case result, indicators
        case suppliedTotalScore = "totalScore"
    }
}

public struct ProjectFunds: Codable, Sendable, Equatable {
    /// 年初预算数.
    public var initialBudget: Amount
    /// 全年预算数.
    public var adjustedBudget: Amount
    /// 全年执行数.
    public var executed: Amount
}

public struct PerformanceIndicator: Codable, Sendable, Equatable {
    /// 一级指标, e.g. 产出指标.
    public var level1: String
    /// 二级指标, e.g. 数量指标.
    public var level2: String
    /// 三级指标.
    public var name: String
    /// 年度指标值, e.g. `≥40 万元`.
    public var target: String?
    /// 实际完成值.
    public var actual: String?
    /// 分值.
    public var weight: Decimal
    /// 得分.
    public var score: Decimal
    /// 偏差原因分析及改进措施.
    public var deviation: String?
}

// MARK: - Glossary (第四部分)

public struct Glossary: Codable, Sendable, Equatable {
    /// 一、收入科目 (generated from the nonzero income lines when omitted).
    public var income: [GlossaryEntry]?
    /// 二、支出科目 (generated from the 项 rows when omitted).
    public var expenditure: [GlossaryEntry]?
    /// Numbering of the entries (default `（一）`).
    public var numbering: DutyNumbering?
    /// Numbering of the sub-entries (`entries` of an entry; default `1.`).
    public var subNumbering: DutyNumbering?
    /// What stands between a term and its definition (default `：`).
    public var separator: GlossarySeparator?
}

public struct GlossaryEntry: Codable, Sendable, Equatable {
    /// The term, e.g. `财政拨款`.
    public var term: String
    /// Its explanation, e.g. `指市级财政当年拨付的资金。`; a parent entry (a 类/款 with its 项 as `entries`) may have
    /// none.
    public var definition: String?
    /// Sub-entries printed under this one with their own numbering (the 项 of a 类/款 entry).
    public var entries: [GlossaryEntry]?

    public init(term: String, definition: String?, entries: [GlossaryEntry]? = nil) {
        self.term = term
        self.definition = definition
        self.entries = entries
    }
}

/// The mark between a glossary term and its definition.
public enum GlossarySeparator: String, Codable, Sendable, CaseIterable {
    case colon = "："
    case semicolon = "；"
    case comma = "，"
}

// MARK: - Free content (附件, 九(二))

/// One block of department-written content.
public enum ContentBlock: Codable, Sendable, Equatable {
    /// A heading line.
    case heading(String)
    /// A body paragraph.
    case paragraph(String)
    /// A centred line (titles of a report).
    case center(String)
    /// A right-aligned line (signature, date).
    case right(String)
    /// A table of text cells.
    case table(ContentTable)

    private enum Key: String, CodingKey, CaseIterable {
        case heading, paragraph, center, right, table
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let keys = container.allKeys
        guard keys.count == 1, let key = keys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "一个内容块只能有一个字段：heading、paragraph、center、right 或 table"))
        }
        switch key {
        case .heading: self = .heading(try container.decode(String.self, forKey: key))
        case .paragraph: self = .paragraph(try container.decode(String.self, forKey: key))
        case .center: self = .center(try container.decode(String.self, forKey: key))
        case .right: self = .right(try container.decode(String.self, forKey: key))
        case .table: self = .table(try container.decode(ContentTable.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .heading(let text): try container.encode(text, forKey: .heading)
        case .paragraph(let text): try container.encode(text, forKey: .paragraph)
        case .center(let text): try container.encode(text, forKey: .center)
        case .right(let text): try container.encode(text, forKey: .right)
        case .table(let table): try container.encode(table, forKey: .table)
        }
    }
}

public struct ContentTable: Codable, Sendable, Equatable {
    /// A caption printed above the table (optional).
    public var caption: String?
    /// How many of the first rows are header rows (default 1).
    public var headerRows: Int?
    /// The cells, row by row.
    public var rows: [[String]]
    /// Relative column widths, one per column (default: all equal).
    public var widths: [Decimal]?
    /// Merged cells as ranges in spreadsheet notation, `A1:C1` (columns A, B, …; rows from 1); the text is in the
    /// first cell of a range, the others are left empty.
    public var merges: [String]?
    /// The worksheet name when the table is also to be an .xlsx sheet (default: not in the workbook).
    public var sheet: String?

    public init(
        caption: String? = nil, headerRows: Int? = nil, rows: [[String]], widths: [Decimal]? = nil,
        merges: [String]? = nil, sheet: String? = nil
    ) {
        self.caption = caption
        self.headerRows = headerRows
        self.rows = rows
        self.widths = widths
        self.merges = merges
        self.sheet = sheet
    }
}

// MARK: - Official totals (合计 rows of the 公开表)

/// The 合计 row of the subject tables as the department's 公开表 print it: the same columns as a `Subject`.
public struct SubjectTotals: Codable, Sendable, Equatable {
    /// 公开02表 合计.
    public var income: SubjectIncome?
    /// 公开03表 合计.
    public var expenditure: SubjectExpenditure?
    /// 公开05表 合计.
    public var generalBudgetExpenditure: BasicProjectSplit?
    /// 公开07表 合计.
    public var governmentFund: GovernmentFundRow?
    /// 公开08表 合计.
    public var stateCapitalExpenditure: BasicProjectSplit?
}

/// The two totals of 公开06表 as printed.
public struct BasicExpenditureTotals: Codable, Sendable, Equatable {
    /// 人员经费合计 (301 + 303).
    public var personnel: Amount?
    /// 公用经费合计 (302 + 307 + 310 + 399).
    public var publicExpenses: Amount?
}
