// Next year starts from this year: last year's computed figures become the 上年 figures, and the department's
// standing texts (部门概况, 名词解释, 附件, 落款) are carried over to be edited.

extension PriorYear {
    /// The figures this year's report compares with, as last year's report derived them from `accounts`.
    public init(computedFrom accounts: Accounts) {
        let table06 = accounts.table06
        let three = accounts.threePublic
        self.init(
            carryIn: accounts.carryIn, nonFiscalBalanceUsed: accounts.nonFiscalBalanceUsed,
            income: accounts.incomeTotal, expenditure: accounts.expenditureTotal,
            surplusDistribution: accounts.surplusDistribution, carryOut: accounts.carryOut,
            basic: BasicGroups(
                wages: table06.amount("301"), goodsAndServices: table06.amount("302"),
                subsidies: table06.amount("303"), capital: table06.amount("310")),
            threePublic: PriorThreePublic(
                abroad: three.abroad.actual, vehiclePurchase: three.vehiclePurchase.actual,
                vehicleOperation: three.vehicleOperation.actual, reception: three.reception.actual,
                // The total as last year's report printed it, where it printed one (an official total).
                suppliedTotal: three.officialTotal.actual),
            operatingCosts: accounts.operatingCosts)
    }
}

public enum NextYear {
    /// A department for `year` that starts from `last`: 上年数 computed from it, its overview, glossary, annex and
    /// closing line carried over, every figure of the new year empty.
    public static func start(from last: DepartmentInput, year: Int) -> DepartmentInput {
        var next = DepartmentInput.blank(year: year, unit: last.unit)
        next.department = last.department
        next.priorYear = PriorYear(computedFrom: Accounts(last))
        next.glossary = last.glossary
        next.annex = last.annex
        next.closingLine = last.closingLine
        return next
    }
}
