// Totals of small input groups, derived in one place for the tables, the narrative and the rules.

extension Vehicles {
    /// The eight kinds in table 10 order (rows 2–9); a missing count is 0.
    public var counts: [Int] {
        [ministerial, principal, confidential, emergency, lawEnforcement, specialTechnical, retiredCadres, other]
            .map { $0 ?? 0 }
    }

    /// 车辆数合计 (10 row 1).
    public var total: Int { counts.reduce(0, +) }
}

extension Staff {
    /// 离退休人员 = 单位发放 + 养老保险基金发放.
    public var retired: Int { retiredPaidByUnit + retiredPaidByPensionFund }
}

extension PriorThreePublic {
    /// 上年“三公”经费 = the sum of the four items (a supplied total is only checked).
    public var itemsTotal: Amount { [abroad, vehiclePurchase, vehicleOperation, reception].map(\.orZero).sum() }
}

extension FiscalInitialBudget {
    /// 财政拨款本年支出年初预算数 = the sum per 类.
    public var total: Amount { byCategory.values.sum() }
}

extension Procurement {
    /// 政府采购支出总额 = 货物 + 工程 + 服务 (a supplied total is only checked).
    public var itemsTotal: Amount { goods.orZero + works.orZero + services.orZero }

    /// 授予中小企业合同金额 = the three kinds.
    public var smeTotal: Amount { smeGoods.orZero + smeWorks.orZero + smeServices.orZero }
}
