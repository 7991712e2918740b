// The words a report uses for its figures. When a sentence names a figure (`收入总计`) and then states a number, the
// number claims to be that figure; the table-to-text check compares it with the figure of that identity, whatever the
// rest of the sentence says. The names are the domain's vocabulary (the terms of the 部门决算 tables), not any
// template's sentences: a template may word a sentence as it likes, and a number after none of these words is
// checked by its identity alone.

/// A name and the identities it claims: every figure that a table prints under that label (a label such as
/// `基本支出` heads a column of several tables, so it claims the 基本支出 of each).
struct FigureName: Sendable {
    let name: String
    /// Identities a number after the name may have: exact, a prefix when the pattern ends with `*`, and a measure of
    /// any subject when it starts with `*:`.
    let patterns: [String]

    func matches(_ id: String) -> Bool {
        patterns.contains { pattern in
            if pattern.hasPrefix("*:") {
                return FigureID.split(id).measure == pattern.dropFirst(2)
            }
            return pattern.hasSuffix("*") ? id.hasPrefix(pattern.dropLast()) : id == pattern
        }
    }

    /// The figure the name means first (its first pattern; `*:m` is the department's `m`); nil for a subject.
    var primary: String? {
        guard let first = patterns.first else { return nil }
        if first.hasPrefix("*:") { return "dept:" + first.dropFirst(2) }
        return first.hasSuffix("*") ? nil : first
    }

    /// The identity a number in `form` claims to be when it stands after this name and is the figure `id` (which
    /// this name does not match): the pattern that has the same measure as `id`, or the one exact identity.
    func claimedID(for id: String) -> String? {
        let measure = FigureID.split(id).measure
        for pattern in patterns where !pattern.hasPrefix("*:") {
            if pattern.hasSuffix("*") {
                let prefix = pattern.dropLast()
                // `201*` (a subject): the same measure of that subject.
                if !prefix.contains(":") { return String(prefix) + ":" + measure }
                // `dept:threePublic.abroad.*`: the same last part of the measure.
                if let last = measure.split(separator: ".").last { return String(prefix) + last }
            } else if FigureID.split(pattern).measure == measure || patterns.count == 1 {
                return pattern
            }
        }
        return patterns.first { !$0.hasSuffix("*") }
    }
}

enum FigureNames {
    static func dept(_ measures: String...) -> [String] { measures.map(FigureID.dept) }

    /// The department-level names.
    static let fixed: [FigureName] = {
        var names: [(String, [String])] = [
            ("收入总计", dept("grandTotal.income")),
            ("支出总计", dept("grandTotal.expenditure")),
            ("收、支总计", dept("grandTotal.income", "grandTotal.expenditure")),
            ("收支总计", dept("grandTotal.income", "grandTotal.expenditure")),
            ("本年收入合计", dept("income.total", "income.fiscal")),
            (
                "本年支出合计",
                dept("expenditure.total", "fiscalExpenditure.total", "generalBudget.total", "fund.spending.total")
                    + dept("stateCapital.total")
            ),
            ("年初结转和结余", dept("carryIn", "fiscalCarryIn.*") + ["*:fund.carryIn"]),
            ("年初财政拨款结转和结余", dept("fiscalCarryIn.*")),
            ("年末结转和结余", dept("carryOut", "fiscalCarryOut.*") + ["*:fund.carryOut"]),
            ("年末财政拨款结转和结余", dept("fiscalCarryOut.*")),
            ("使用非财政拨款结余", dept("nonFiscalBalanceUsed")),
            ("结余分配", dept("surplusDistribution")),
            ("财政拨款收入", dept("income.fiscal")),
            ("一般公共预算财政拨款收入", dept("income.generalBudget")),
            ("政府性基金预算财政拨款收入", dept("income.governmentFund")),
            ("国有资本经营预算财政拨款收入", dept("income.stateCapital")),
            ("上级补助收入", dept("income.superiorSubsidy")),
            ("事业收入", dept("income.business")),
            ("经营收入", dept("income.operating")),
            ("附属单位上缴收入", dept("income.affiliated")),
            ("其他收入", dept("income.other")),
            (
                "基本支出",
                ["*:expenditure.basic", "*:generalBudget.basic", "*:fund.spending.basic", "*:stateCapital.basic"]
            ),
            (
                "项目支出",
                [
                    "*:expenditure.project", "*:generalBudget.project", "*:fund.spending.project",
                    "*:stateCapital.project",
                ]
            ),
            ("经营支出", dept("expenditure.operating")),
            ("上缴上级支出", dept("expenditure.toSuperior")),
            ("对附属单位补助支出", dept("expenditure.toAffiliated")),
            ("财政拨款收入支出总计", dept("fiscalGrandTotal.*")),
            ("财政拨款收、支总计", dept("fiscalGrandTotal.*")),
            ("财政拨款支出", dept("fiscalExpenditure.total", "fiscalBudget")),
            ("财政拨款本年支出", dept("fiscalExpenditure.total", "fiscalBudget")),
            ("一般公共预算财政拨款支出", dept("generalBudget.total", "generalBudgetBudget")),
            ("一般公共预算财政拨款基本支出", dept("generalBudget.basic")),
            ("一般公共预算财政拨款项目支出", dept("generalBudget.project")),
            ("政府性基金预算财政拨款支出", dept("fund.spending.*")),
            ("国有资本经营预算财政拨款支出", dept("stateCapital.*")),
            ("人员经费", dept("econ.personnel")),
            ("公用经费", dept("econ.publicExpenses")),
            ("工资福利支出", dept("econ.301")),
            ("商品和服务支出", dept("econ.302")),
            ("对个人和家庭补助支出", dept("econ.303")),
            ("对个人和家庭的补助", dept("econ.303")),
            ("资本性支出", dept("econ.310")),
            ("机关运行经费", dept("operatingCosts")),
            ("“三公”经费", dept("threePublic.total.*")),
            ("“三公”经费财政拨款支出", dept("threePublic.total.*")),
            ("财政拨款“三公”经费", dept("threePublic.total.*")),
            ("三公经费", dept("threePublic.total.*")),
            ("因公出国（境）费", dept("threePublic.abroad.*", "threePublic.abroadGroups", "threePublic.abroadPersonTimes")),
            ("公务用车购置及运行维护费", dept("threePublic.vehicles.*")),
            ("公务用车购置及运行费", dept("threePublic.vehicles.*")),
            ("公务用车购置费", dept("threePublic.vehiclePurchase.*", "threePublic.vehiclesPurchased")),
            ("公务用车购置", dept("threePublic.vehiclePurchase.*", "threePublic.vehiclesPurchased", "econ.31013")),
            ("公务用车运行维护费", dept("threePublic.vehicleOperation.*", "threePublic.vehiclesHeld", "econ.30231")),
            ("公务用车运行费", dept("threePublic.vehicleOperation.*", "threePublic.vehiclesHeld")),
            ("公务用车保有量", dept("threePublic.vehiclesHeld")),
            ("公务接待费", dept("threePublic.reception.*", "threePublic.domesticReception*", "econ.30217")),
            ("国内公务接待", dept("threePublic.domesticReception*")),
            ("政府采购支出总额", dept("procurement.total")),
            ("政府采购货物支出", dept("procurement.goods")),
            ("政府采购工程支出", dept("procurement.works")),
            ("政府采购服务支出", dept("procurement.services")),
            ("授予中小企业合同金额", dept("procurement.sme")),
            ("授予小微企业合同金额", dept("procurement.micro")),
            ("货物采购授予中小企业合同金额", dept("procurement.smeGoods")),
            ("工程采购授予中小企业合同金额", dept("procurement.smeWorks")),
            ("服务采购授予中小企业合同金额", dept("procurement.smeServices")),
            ("共有车辆", dept("vehicles.total")),
            ("车辆数合计", dept("vehicles.total")),
            ("副部（省）级及以上领导用车", dept("vehicles.ministerial")),
            ("部级领导干部用车", dept("vehicles.ministerial")),
            ("主要负责人用车", dept("vehicles.principal")),
            ("机要通信用车", dept("vehicles.confidential")),
            ("应急保障用车", dept("vehicles.emergency")),
            ("执法执勤用车", dept("vehicles.lawEnforcement")),
            ("特种专业技术用车", dept("vehicles.specialTechnical")),
            ("离退休干部服务用车", dept("vehicles.retiredCadres")),
            ("其他用车", dept("vehicles.other")),
            ("（不含车辆）", dept("equipment")),
            ("共涉及资金", dept("performance.amount")),
        ]
        // The 26 类, by their standard names and as `…（类）`: any figure of the 类 or the 款 and 项 under it.
        for category in FunctionalCategories.all {
            let pattern = [category.code + "*"]
            names.append((category.name, pattern))
            if category.name.hasSuffix("支出") {
                names.append((String(category.name.dropLast(2)) + "（类）", pattern))
            }
        }
        return names.map { FigureName(name: $0.0, patterns: $0.1) }
    }()

    /// The names by name.
    static let byName: [String: FigureName] = Dictionary(
        fixed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The names by their first three UTF-8 bytes (every name starts with a character of three), longest first.
    static let byStart: [UInt32: [(name: FigureName, bytes: [UInt8])]] = {
        var index: [UInt32: [(name: FigureName, bytes: [UInt8])]] = [:]
        for name in fixed.sorted(by: { $0.name.utf8.count > $1.name.utf8.count }) {
            let bytes = Array(name.name.utf8)
            guard bytes.count >= 3 else { continue }
            index[key(bytes, 0), default: []].append((name, bytes))
        }
        return index
    }()

    @inline(__always) static func key(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2])
    }
}
