// The figures a finance bureau adds up across departments. Every one comes from `Accounts`: the figures the reports
// print (derived from the leaves, or the official totals a department in 万元 supplied and IN-08 checked).

/// One line of the summary: an amount in 万元 (or a count), with the budget beside it where there is one.
public struct SummaryItem: Sendable, Equatable {
    public enum Unit: String, Sendable {
        /// 万元.
        case wanYuan
        /// 辆 (a count).
        case vehicles
    }

    /// Stable machine name, used as the CSV column and the JSON key (`income`, `threePublic.abroad` …).
    public let key: String
    /// The Chinese name, as the reports print it.
    public let name: String
    /// 0 = a main line, 1 = a part of the line above it, 2 = a part of that.
    public let level: Int
    public let unit: Unit
    /// 全年预算数, for the lines that have one (the 三公 items).
    public var budget: Amount?
    /// 决算数 (or the count).
    public var actual: Amount

    public static func + (lhs: SummaryItem, rhs: SummaryItem) -> SummaryItem {
        precondition(lhs.key == rhs.key, "summary items of different lines")
        var sum = lhs
        if let budget = rhs.budget { sum.budget = lhs.budget.orZero + budget }
        sum.actual = lhs.actual + rhs.actual
        return sum
    }
}

/// The summary figures of one department, or the sum over several.
public struct SummaryFigures: Sendable, Equatable {
    /// In the order the summary prints them.
    public private(set) var items: [SummaryItem]

    public init(_ accounts: Accounts) {
        let threePublic = accounts.threePublic
        let procurement = accounts.input.procurement
        func money(_ key: String, _ name: String, level: Int = 0, _ amount: Amount) -> SummaryItem {
            SummaryItem(key: key, name: name, level: level, unit: .wanYuan, budget: nil, actual: amount)
        }
        func budgeted(_ key: String, _ name: String, level: Int, _ row: ThreePublicFigures.Row) -> SummaryItem {
            SummaryItem(
                key: key, name: name, level: level, unit: .wanYuan, budget: row.adjustedBudget, actual: row.actual)
        }
        items = [
            money("income", "本年收入合计", accounts.incomeTotal),
            money("expenditure", "本年支出合计", accounts.expenditureTotal),
            money("fiscalExpenditure", "财政拨款支出合计", accounts.fiscalExpenditure.total),
            budgeted("threePublic", "“三公”经费合计", level: 0, threePublic.total),
            budgeted("threePublic.abroad", "因公出国（境）费", level: 1, threePublic.abroad),
            budgeted("threePublic.vehicles", "公务用车购置及运行维护费", level: 1, threePublic.vehicles),
            budgeted("threePublic.vehiclePurchase", "公务用车购置费", level: 2, threePublic.vehiclePurchase),
            budgeted("threePublic.vehicleOperation", "公务用车运行维护费", level: 2, threePublic.vehicleOperation),
            budgeted("threePublic.reception", "公务接待费", level: 1, threePublic.reception),
            money("operatingCosts", "机关运行经费", accounts.operatingCosts),
            money("procurement", "政府采购支出总额", accounts.procurementTotal),
            money("procurement.goods", "政府采购货物支出", level: 1, procurement.goods.orZero),
            money("procurement.works", "政府采购工程支出", level: 1, procurement.works.orZero),
            money("procurement.services", "政府采购服务支出", level: 1, procurement.services.orZero),
            money("procurement.sme", "授予中小企业合同金额", level: 1, procurement.smeTotal),
            SummaryItem(
                key: "vehicles", name: "车辆数合计", level: 0, unit: .vehicles, budget: nil,
                actual: Amount(accounts.vehicleTotal)),
        ]
    }

    private init(items: [SummaryItem]) {
        self.items = items
    }

    /// The line-by-line sum; nil for no departments.
    public static func sum(_ figures: [SummaryFigures]) -> SummaryFigures? {
        guard var total = figures.first else { return nil }
        for next in figures.dropFirst() {
            total = SummaryFigures(items: zip(total.items, next.items).map { $0 + $1 })
        }
        return total
    }

    /// The line with `key`.
    public subscript(key: String) -> SummaryItem? { items.first { $0.key == key } }
}
