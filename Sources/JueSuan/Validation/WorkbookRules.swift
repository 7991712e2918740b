// Totals a workbook holds where it computes them (a 公开表 pasted from the 部门决算 software keeps its 合计 rows and
// columns): each is checked against the derived figure like a supplied 核对用 total (IN-08), and never used.

extension Validator {
    public static func pastedTotalFindings(_ pasted: [PastedTotal], accounts: Accounts) -> [Finding] {
        guard !pasted.isEmpty else { return [] }
        let collector = FindingCollector(accounts: accounts)
        // The rounded addends of a table total: the 项 figures it adds, and itself.
        let items = collector.addends { [$0.income.total, $0.expenditure.total, $0.fiscalExpenditure] } + 1
        return pasted.compactMap { total in
            let derived = total.figure(collector.derived)
            return collector.compare(
                total.amount, derived, addends: items, RuleCatalogue.suppliedTotal,
                FindingLocation(place: total.label, inputPath: total.cell),
                "表中的合计 \(FindingCollector.money(total.amount))，明细计算为 \(FindingCollector.money(derived))",
                fix: "请核对明细，或删去这个合计（由程序计算）")
        }
    }
}

extension Validator {
    /// Each 上年 figure entered that differs from what last year's department file gives.
    public static func priorFileFindings(_ input: DepartmentInput, prior: DepartmentInput, file: String) -> [Finding] {
        let computed = PriorYear(computedFrom: Accounts(prior))
        let entered = input.priorYear
        let pairs: [(String, String, Amount?, Amount?)] = [
            ("carryIn", "年初结转和结余", entered.carryIn, computed.carryIn),
            ("nonFiscalBalanceUsed", "使用非财政拨款结余", entered.nonFiscalBalanceUsed, computed.nonFiscalBalanceUsed),
            ("income", "本年收入合计", entered.income, computed.income),
            ("expenditure", "本年支出合计", entered.expenditure, computed.expenditure),
            ("surplusDistribution", "结余分配", entered.surplusDistribution, computed.surplusDistribution),
            ("carryOut", "年末结转和结余", entered.carryOut, computed.carryOut),
            ("basic.wages", "工资福利支出", entered.basic?.wages, computed.basic?.wages),
            ("basic.goodsAndServices", "商品和服务支出", entered.basic?.goodsAndServices, computed.basic?.goodsAndServices),
            ("basic.subsidies", "对个人和家庭的补助", entered.basic?.subsidies, computed.basic?.subsidies),
            ("basic.capital", "资本性支出", entered.basic?.capital, computed.basic?.capital),
            ("threePublic.abroad", "因公出国（境）费", entered.threePublic?.abroad, computed.threePublic?.abroad),
            (
                "threePublic.vehiclePurchase", "公务用车购置费", entered.threePublic?.vehiclePurchase,
                computed.threePublic?.vehiclePurchase
            ),
            (
                "threePublic.vehicleOperation", "公务用车运行维护费", entered.threePublic?.vehicleOperation,
                computed.threePublic?.vehicleOperation
            ),
            ("threePublic.reception", "公务接待费", entered.threePublic?.reception, computed.threePublic?.reception),
            ("operatingCosts", "机关运行经费", entered.operatingCosts, computed.operatingCosts),
        ]
        return pairs.compactMap { key, label, entered, computed in
            guard let entered, let computed, FindingCollector.differ(entered, computed) else { return nil }
            return RuleCatalogue.priorFileDiffers.finding(
                FindingLocation(place: "上年数", detail: label, inputPath: "$.priorYear.\(key)"),
                "上年数 \(label)：填写 \(FindingCollector.money(entered))，上年文件（\(file)）计算为 \(FindingCollector.money(computed))"
            )
        }
    }
}

extension WorkbookOrigin {
    /// `finding` with its input path replaced by the cell the value came from.
    public func located(_ finding: Finding) -> Finding {
        guard !finding.location.inputPath.isEmpty, finding.location.inputPath.hasPrefix("$"),
            let cell = cell(forPath: finding.location.inputPath)
        else { return finding }
        var located = finding
        located.location.inputPath = cell
        return located
    }
}
