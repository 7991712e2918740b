import Documents
import Foundation
import Testing

@testable import JueSuan

/// No impossible report (issue 13): thousands of randomly damaged departments — amounts dropped, moved, zeroed,
/// negated, scaled to the wrong unit or nudged, whole objects and rows left out — each either has a fatal finding or
/// gives tables in which every identity between the printed tables holds within the rounding of the figures it adds.
/// The identities are checked here on the printed strings, independently of the rules that should have caught a
/// broken department.
///
/// The default run (fixed seed) takes seconds; `JUESUAN_DAMAGE_COUNT=20000 swift test --filter DamagedInputTests`
/// runs a longer one, `JUESUAN_DAMAGE_SEED` another seed.
@Suite struct DamagedInputTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = environment["JUESUAN_DAMAGE_COUNT"].flatMap(Int.init) ?? 1_000
    static let seed = environment["JUESUAN_DAMAGE_SEED"].flatMap(UInt64.init) ?? 13
    /// The work in parallel chunks (swift-testing runs the arguments of a test concurrently).
    static let chunks = Array(0..<8)

    static let bases: [DepartmentInput] = {
        var inputs = samplePaths().compactMap { try? InputLoader.load(path: $0).get() }
        if let kitchenSink = try? RuleTests.kitchenSink() { inputs.append(kitchenSink) }
        return inputs
    }()

    struct Outcome {
        var refused = 0
        var rendered = 0
        var failures: [String] = []
    }

    @Test(arguments: chunks)
    func everyDamagedDepartmentIsRefusedOrConsistent(chunk: Int) throws {
        #expect(Self.bases.count == 5)
        var outcome = Outcome()
        for index in stride(from: chunk, to: Self.count, by: Self.chunks.count) {
            var random = SplitMix64(state: Self.seed &* 1_000_003 &+ UInt64(index))
            var input = Self.bases[random.int(0...(Self.bases.count - 1))]
            var damages: [String] = []
            for _ in 0..<random.int(1...3) { damages.append(Damage.apply(&input, &random)) }
            // The quick test for official totals never misses one.
            if !OfficialTotals.present(in: input) && !OfficialTotals(input).isEmpty {
                outcome.failures.append("#\(index) \(damages): OfficialTotals.present missed an official total")
            }
            let preparation = ReportPreparation(input)
            if !preparation.fatal.isEmpty {
                outcome.refused += 1
                continue
            }
            outcome.rendered += 1
            var problems = PrintedIdentities(preparation).problems
            // Now and then the whole report too: the table-to-text rules must pass on what the tables print.
            if index % 40 == 0 {
                let checked = CheckedReport(input)
                problems += checked.fatal.map { "\($0.rule) \($0.message)" }
                if checked.rendered == nil { problems.append("not rendered") }
            }
            if !problems.isEmpty {
                outcome.failures.append("#\(index) \(damages): " + problems.prefix(3).joined(separator: "；"))
            }
        }
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(5).joined(separator: "\n"))")
        // Neither half is empty: the property is not vacuous.
        let total = outcome.refused + outcome.rendered
        #expect(outcome.refused * 5 >= total && outcome.rendered * 5 >= total, "\(outcome)")
    }

    /// The issue's own example: a fully fiscal 项 without its 一般公共预算 spending left 04 年末财政拨款结转和结余 larger
    /// than 01 年末结转和结余; the checker finds that in the tables such a department would print.
    @Test func theCheckerFindsThePartLargerThanItsWhole() throws {
        var input = try InputLoader.load(path: samplePaths()[0]).get()
        // Without S0's official totals, which would print the 合计 rows as published whatever the leaves say.
        input.subjectTotals = nil
        input.carryOver.suppliedEnd = nil
        let index = try #require(input.subjects.firstIndex { $0.code == "2010102" })
        input.subjects[index].generalBudgetExpenditure = nil
        let problems = PrintedIdentities(ReportPreparation(input)).problems
        #expect(problems.contains { $0.hasPrefix("04 行 60 ≤ 01 行 60：102.95 > 25.33") }, "\(problems)")
        // The undamaged samples hold every identity.
        for base in Self.bases {
            #expect(PrintedIdentities(ReportPreparation(base)).problems == [], "\(base.department.name)")
        }
    }
}

/// One random damage to an input, described for the failure message.
enum Damage {
    /// A settable amount of the input.
    struct Slot {
        let name: String
        let get: (DepartmentInput) -> Amount?
        let set: (inout DepartmentInput, Amount?) -> Void
    }

    static func slots(_ input: DepartmentInput) -> [Slot] {
        var slots: [Slot] = []
        for (index, subject) in input.subjects.enumerated() {
            for column in SubjectColumn.allCases {
                let stated = SubjectColumn.stated(
                    income: subject.income, expenditure: subject.expenditure,
                    generalBudget: subject.generalBudgetExpenditure, fund: subject.governmentFund,
                    stateCapital: subject.stateCapitalExpenditure
                ).contains { $0.0 == column }
                // Mostly amounts that are there; sometimes a new one on a 项.
                guard stated || (subject.code.count == 7 && !column.isRowTotal) else { continue }
                slots.append(
                    Slot(
                        name: "\(subject.code).\(column.rawValue)",
                        get: { input in
                            SubjectColumn.stated(
                                income: input.subjects[index].income, expenditure: input.subjects[index].expenditure,
                                generalBudget: input.subjects[index].generalBudgetExpenditure,
                                fund: input.subjects[index].governmentFund,
                                stateCapital: input.subjects[index].stateCapitalExpenditure
                            ).first { $0.0 == column }?.1
                        },
                        set: { input, amount in column.set(amount, in: &input.subjects[index]) }))
            }
        }
        for index in input.basicExpenditureByEconomicCode.indices {
            slots.append(
                Slot(
                    name: "06.\(input.basicExpenditureByEconomicCode[index].code)",
                    get: { $0.basicExpenditureByEconomicCode[index].amount },
                    set: { $0.basicExpenditureByEconomicCode[index].amount = $1 ?? .zero }))
        }
        func add(_ name: String, _ path: WritableKeyPath<DepartmentInput, Amount?>) {
            slots.append(Slot(name: name, get: { $0[keyPath: path] }, set: { $0[keyPath: path] = $1 }))
        }
        add("start.generalBudget", \.carryOver.start.generalBudget)
        add("start.stateCapital", \.carryOver.start.stateCapital)
        add("start.nonFiscal", \.carryOver.start.nonFiscal)
        add("nonFiscalBalanceUsed", \.carryOver.nonFiscalBalanceUsed)
        add("surplusDistribution", \.carryOver.surplusDistribution)
        let items: [(String, WritableKeyPath<DepartmentInput, BudgetedItem>)] = [
            ("abroad", \.threePublic.abroad), ("vehiclePurchase", \.threePublic.vehiclePurchase),
            ("vehicleOperation", \.threePublic.vehicleOperation),
        ]
        for (name, item) in items {
            add("09.\(name).initialBudget", item.appending(path: \.initialBudget))
            add("09.\(name).adjustedBudget", item.appending(path: \.adjustedBudget))
            add("09.\(name).actual", item.appending(path: \.actual))
        }
        add("09.reception.initialBudget", \.threePublic.reception.initialBudget)
        add("09.reception.adjustedBudget", \.threePublic.reception.adjustedBudget)
        add("09.reception.domestic", \.threePublic.reception.domestic)
        add("09.reception.foreignAffairs", \.threePublic.reception.foreignAffairs)
        add("09.reception.overseas", \.threePublic.reception.overseas)
        add("procurement.goods", \.procurement.goods)
        add("procurement.services", \.procurement.services)
        add("procurement.smeGoods", \.procurement.smeGoods)
        add("procurement.micro", \.procurement.micro)
        add("prior.carryOut", \.priorYear.carryOut)
        add("prior.income", \.priorYear.income)
        if input.carryOver.suppliedEnd != nil {
            add("end.total", \.carryOver.suppliedEnd!.total)
            add("end.fiscal", \.carryOver.suppliedEnd!.fiscal)
        }
        if input.basicExpenditureTotals != nil {
            add("06.personnel", \.basicExpenditureTotals!.personnel)
            add("06.publicExpenses", \.basicExpenditureTotals!.publicExpenses)
        }
        if input.subjectTotals?.income != nil { add("02.合计", \.subjectTotals!.income!.total) }
        if input.subjectTotals?.generalBudgetExpenditure != nil {
            add("05.合计.basic", \.subjectTotals!.generalBudgetExpenditure!.basic)
        }
        return slots
    }

    /// Applies one damage at random and says what it was.
    static func apply(_ input: inout DepartmentInput, _ random: inout SplitMix64) -> String {
        let slots = slots(input)
        let slot = slots[random.int(0...(slots.count - 1))]
        let value = slot.get(input)
        switch random.int(0...99) {
        case 0..<18:
            slot.set(&input, nil)
            return "drop \(slot.name)"
        case 18..<30:
            slot.set(&input, .zero)
            return "zero \(slot.name)"
        case 30..<38:
            slot.set(&input, value.map { -$0 })
            return "negate \(slot.name)"
        case 38..<43:
            slot.set(&input, value.map { Amount($0.value * 10_000) })
            return "×10000 \(slot.name)"
        case 43..<60:
            let target = slots[random.int(0...(slots.count - 1))]
            slot.set(&input, nil)
            target.set(&input, target.get(input).orZero + value.orZero)
            return "move \(slot.name) → \(target.name)"
        case 60..<78:
            let cents = random.int(1...50) * (random.chance(50) ? 1 : -1)
            slot.set(&input, value.orZero + Amount(Decimal(cents) / 100))
            return "nudge \(slot.name) \(cents)"
        case 78..<86:
            let index = random.int(0...(input.subjects.count - 1))
            input.subjects.remove(at: index)
            return "remove subject row \(index)"
        case 86..<94:
            let index = random.int(0...(input.subjects.count - 1))
            let which = random.int(0...4)
            switch which {
            case 0: input.subjects[index].income = nil
            case 1: input.subjects[index].expenditure = nil
            case 2: input.subjects[index].generalBudgetExpenditure = nil
            case 3: input.subjects[index].governmentFund = nil
            default: input.subjects[index].stateCapitalExpenditure = nil
            }
            return "drop object \(which) of \(input.subjects[index].code)"
        default:
            guard !input.basicExpenditureByEconomicCode.isEmpty else { return "nothing" }
            let index = random.int(0...(input.basicExpenditureByEconomicCode.count - 1))
            input.basicExpenditureByEconomicCode.remove(at: index)
            return "remove 06 row \(index)"
        }
    }
}

extension SubjectColumn {
    /// Sets this column of a subject row (nil leaves it out).
    func set(_ amount: Amount?, in subject: inout Subject) {
        func income(_ change: (inout SubjectIncome) -> Void) {
            var value = subject.income ?? SubjectIncome()
            change(&value)
            subject.income = value
        }
        func spending(_ change: (inout SubjectExpenditure) -> Void) {
            var value = subject.expenditure ?? SubjectExpenditure()
            change(&value)
            subject.expenditure = value
        }
        func general(_ change: (inout BasicProjectSplit) -> Void) {
            var value = subject.generalBudgetExpenditure ?? BasicProjectSplit()
            change(&value)
            subject.generalBudgetExpenditure = value
        }
        func fund(_ change: (inout GovernmentFundRow) -> Void) {
            var value = subject.governmentFund ?? GovernmentFundRow()
            change(&value)
            subject.governmentFund = value
        }
        func capital(_ change: (inout BasicProjectSplit) -> Void) {
            var value = subject.stateCapitalExpenditure ?? BasicProjectSplit()
            change(&value)
            subject.stateCapitalExpenditure = value
        }
        switch self {
        case .incomeGeneralBudget: income { $0.generalBudget = amount }
        case .incomeGovernmentFund: income { $0.governmentFund = amount }
        case .incomeStateCapital: income { $0.stateCapital = amount }
        case .incomeSuperiorSubsidy: income { $0.superiorSubsidy = amount }
        case .incomeBusiness: income { $0.business = amount }
        case .incomeOperating: income { $0.operating = amount }
        case .incomeAffiliated: income { $0.affiliated = amount }
        case .incomeOther: income { $0.other = amount }
        case .incomeTotal: income { $0.total = amount }
        case .expenditureBasic: spending { $0.basic = amount }
        case .expenditureProject: spending { $0.project = amount }
        case .expenditureToSuperior: spending { $0.toSuperior = amount }
        case .expenditureOperating: spending { $0.operating = amount }
        case .expenditureToAffiliated: spending { $0.toAffiliated = amount }
        case .expenditureTotal: spending { $0.total = amount }
        case .generalBudgetBasic: general { $0.basic = amount }
        case .generalBudgetProject: general { $0.project = amount }
        case .generalBudgetTotal: general { $0.total = amount }
        case .fundCarryIn: fund { $0.carryIn = amount }
        case .fundBasic: fund { $0.basic = amount }
        case .fundProject: fund { $0.project = amount }
        case .fundCarryOut: fund { $0.carryOut = amount }
        case .stateCapitalBasic: capital { $0.basic = amount }
        case .stateCapitalProject: capital { $0.project = amount }
        case .stateCapitalTotal: capital { $0.total = amount }
        }
    }
}

/// Every identity between the printed tables, read back from the printed strings of the report view (the cells the
/// templates place). A printed figure is off its exact value by at most 0.005 — or, for an official total, by the
/// rounding bound of its leaves — so an identity of n printed figures may be off by n × 0.005, plus the official
/// totals' own bounds; anything beyond is an impossible report.
struct PrintedIdentities {
    let view: ReportView
    /// In thousandths of 万元 (printed figures have two decimals, so the arithmetic is exact in integers).
    let slack: Int
    private(set) var problems: [String] = []

    init(_ preparation: ReportPreparation) {
        view = preparation.view
        // Official totals may each sit up to their leaves' rounding bound from the derived figure.
        let officials = OfficialTotals(preparation.input)
        let leaves = InputAmounts.values(preparation.input).filter { !$0.isZero }.count
        slack =
            (preparation.input.unit == .yuan ? 10 : 0)
            + (officials.isEmpty || preparation.input.unit == .yuan ? 0 : leaves * 5)
        check()
    }

    /// A printed amount (`-1234.56`) or count (`3`) in thousandths; `Int.min` for anything else (a failure).
    static func value(_ text: String) -> Int {
        var units = 0
        var decimals = -1
        var negative = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where units == 0 && decimals < 0 && !negative: negative = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                units = units * 10 + Int(byte - UInt8(ascii: "0"))
                if decimals >= 0 { decimals += 1 }
            case UInt8(ascii: "."): decimals = 0
            default: return Int.min
            }
        }
        for _ in 0..<(3 - max(0, decimals)) { units *= 10 }
        return negative ? -units : units
    }

    static func value(_ money: MoneyView) -> Int { value(money.n) }

    /// The rounding of `terms` printed figures (0.005 each) and the slack, in thousandths.
    private func bound(_ terms: Int) -> Int { terms * 5 + slack }

    /// `lhs` = the sum of `rhs`.
    private mutating func equal(_ what: String, _ lhs: Int, _ rhs: [Int]) {
        let sum = rhs.reduce(0, +)
        if lhs == Int.min || rhs.contains(Int.min) || abs(lhs - sum) > bound(rhs.count + 1) {
            problems.append("\(what)：\(Self.text(lhs)) ≠ \(Self.text(sum))")
        }
    }

    /// `1234.56` for 1234560.
    static func text(_ value: Int) -> String { Format.amount(Amount(Decimal(value) / 1000)) }

    /// `part` ≤ `whole` (both sums of printed figures).
    private mutating func within(_ what: String, _ part: [Int], _ whole: [Int]) {
        let (p, w) = (part.reduce(0, +), whole.reduce(0, +))
        if part.contains(Int.min) || whole.contains(Int.min) || p - w > bound(part.count + whole.count) {
            problems.append("\(what)：\(Self.text(p)) > \(Self.text(w))")
        }
    }

    private mutating func notNegative(_ what: String, _ value: Int) {
        if value == Int.min || value < -bound(1) { problems.append("\(what)：\(Self.text(value)) < 0") }
    }

    private mutating func check() {
        let t = view.tables
        let v = Self.value as (MoneyView) -> Int
        // 01
        let l = t.t01.left
        let r = t.t01.right
        equal("01 行 27 = 行 1–8", v(l["r27"]!), (1...8).map { v(l["r\($0)"]!) })
        equal("01 行 31 = 27 + 28 + 29", v(l["r31"]!), [v(l["r27"]!), v(l["r28"]!), v(l["r29"]!)])
        equal("01 行 62 = 58 + 59 + 60", v(r["r62"]!), [v(r["r58"]!), v(r["r59"]!), v(r["r60"]!)])
        equal("01 行 31 = 行 62", v(l["r31"]!), [v(r["r62"]!)])
        equal("01 行 58 = 各类", v(r["r58"]!), t.t01.categories.values.map(v))
        notNegative("01 行 60", v(r["r60"]!))
        // 01 ↔ 02, 03
        let income = t.t02.total.c
        equal("01 行 27 = 02 合计", v(l["r27"]!), [v(income["c1"]!)])
        equal("01 行 1–3 = 02 财政拨款", v(income["c2"]!), [v(l["r1"]!), v(l["r2"]!), v(l["r3"]!)])
        for (row, column) in [(4, 3), (5, 4), (6, 5), (7, 6), (8, 7)] {
            equal("01 行 \(row) = 02 栏 \(column)", v(l["r\(row)"]!), [v(income["c\(column)"]!)])
        }
        equal("01 行 58 = 03 合计", v(r["r58"]!), [v(t.t03.total.c["c1"]!)])
        for line in t.t03.lines where line.category {
            equal("01 \(line.code) = 03 类", v(t.t01.categories["c" + line.code]!), [v(line.c["c1"]!)])
        }
        // Subject tables: rows add across, 合计 = Σ类, 类 = Σ款, 款 = Σ项, column by column.
        for (name, table, columns, rowSums) in [
            ("02", t.t02, 7, [(1, [2, 3, 4, 5, 6, 7])]), ("03", t.t03, 6, [(1, [2, 3, 4, 5, 6])]),
            ("05", t.t05, 3, [(1, [2, 3])]), ("07", t.t07, 6, [(3, [4, 5])]), ("08", t.t08, 3, [(1, [2, 3])]),
        ] {
            for row in [table.total] + table.lines {
                for (total, parts) in rowSums {
                    equal(
                        "\(name) \(row.code.isEmpty ? "合计" : row.code) 栏 \(total)", v(row.c["c\(total)"]!),
                        parts.map { v(row.c["c\($0)"]!) })
                }
            }
            for column in 1...columns {
                let key = "c\(column)"
                equal(
                    "\(name) 合计 栏 \(column) = Σ类", v(table.total.c[key]!),
                    table.lines.filter(\.category).map { v($0.c[key]!) })
                for parent in table.lines where !parent.item {
                    let children = table.lines.filter {
                        $0.code.count == parent.code.count + 2 && $0.code.hasPrefix(parent.code)
                    }
                    equal("\(name) \(parent.code) 栏 \(column)", v(parent.c[key]!), children.map { v($0.c[key]!) })
                }
            }
        }
        for row in [t.t07.total] + t.t07.lines {
            let c = row.c
            equal("07 \(row.code) 年末", v(c["c6"]!), [v(c["c1"]!), v(c["c2"]!), -v(c["c3"]!)])
            notNegative("07 \(row.code) 年末", v(c["c6"]!))
        }
        // 04
        let fl = t.t04.left
        let fr = t.t04.right
        equal("04 行 27", v(fl["r27"]!), [v(fl["r1"]!), v(fl["r2"]!), v(fl["r3"]!)])
        for row in 1...3 { equal("04 行 \(row) = 01 行 \(row)", v(fl["r\(row)"]!), [v(l["r\(row)"]!)]) }
        equal("04 行 28", v(fl["r28"]!), [v(fl["r29"]!), v(fl["r30"]!), v(fl["r31"]!)])
        equal("04 行 32", v(fl["r32"]!), [v(fl["r27"]!), v(fl["r28"]!)])
        for (key, row) in fr {
            equal("04 \(key) 合计栏", v(row.c2), [v(row.c3), v(row.c4), v(row.c5)])
        }
        for category in FunctionalCategories.all {
            let row = fr["c" + category.code]!
            let line = { (table: SubjectTableView, column: String) in
                table.lines.first { $0.category && $0.code == category.code }.map { v($0.c[column]!) } ?? 0
            }
            equal("04 \(category.code) 一般公共预算 = 05", v(row.c3), [line(t.t05, "c1")])
            equal("04 \(category.code) 政府性基金 = 07", v(row.c4), [line(t.t07, "c3")])
            equal("04 \(category.code) 国有资本经营 = 08", v(row.c5), [line(t.t08, "c1")])
            within("04 \(category.code) ≤ 01", [v(row.c2)], [v(t.t01.categories["c" + category.code]!)])
        }
        let r59 = fr["r59"]!
        let r60 = fr["r60"]!
        equal("04 行 59 = 各类", v(r59.c2), FunctionalCategories.all.map { v(fr["c" + $0.code]!.c2) })
        equal("04 行 59 一般公共预算 = 05 合计", v(r59.c3), [v(t.t05.total.c["c1"]!)])
        equal("04 行 60 一般公共预算", v(r60.c3), [v(fl["r29"]!), v(fl["r1"]!), -v(r59.c3)])
        equal("04 行 60 政府性基金", v(r60.c4), [v(fl["r30"]!), v(fl["r2"]!), -v(r59.c4)])
        equal("04 行 60 国有资本经营", v(r60.c5), [v(fl["r31"]!), v(fl["r3"]!), -v(r59.c5)])
        for (column, value) in [("一般公共预算", r60.c3), ("政府性基金", r60.c4), ("国有资本经营", r60.c5)] {
            notNegative("04 行 60 \(column)", v(value))
        }
        equal("04 行 64 = 行 32", v(fr["r64"]!.c2), [v(fl["r32"]!)])
        within("04 行 60 ≤ 01 行 60", [v(r60.c2)], [v(r["r60"]!)])
        within("04 行 28 ≤ 01 行 29", [v(fl["r28"]!)], [v(l["r29"]!)])
        within("04 行 59 ≤ 01 行 58", [v(r59.c2)], [v(r["r58"]!)])
        within("05 基本支出 ≤ 03", [v(t.t05.total.c["c2"]!)], [v(t.t03.total.c["c2"]!)])
        within("05 项目支出 ≤ 03", [v(t.t05.total.c["c3"]!)], [v(t.t03.total.c["c3"]!)])
        // 06 and 05
        let codes = t.t06.codes
        for group in EconomicCodes.groups {
            equal(
                "06 \(group)", v(codes["c" + group]!.amount),
                codes.values.filter { $0.code.count == 5 && $0.code.hasPrefix(group) }.map { v($0.amount) })
        }
        equal("06 人员经费合计", v(t.t06.personnel), [v(codes["c301"]!.amount), v(codes["c303"]!.amount)])
        equal(
            "06 公用经费合计", v(t.t06.publicExpenses),
            ["c302", "c307", "c310", "c399"].map { v(codes[$0]!.amount) })
        let leaves06 = codes.values.filter { $0.code.count == 5 && v($0.amount) != 0 }.count
        let basicItems = t.t05.lines.filter { $0.item && v($0.c["c2"]!) != 0 }.count
        let gap = v(t.t05.total.c["c2"]!) - v(t.t06.personnel) - v(t.t06.publicExpenses)
        if abs(gap) > bound(leaves06 + basicItems + 3) { problems.append("05 基本支出 = 06：相差 \(Self.text(gap))") }
        // 09, 10 and §五
        let rows = t.t09.rows
        for column in [\Table09View.Row.c1, \.c2, \.c3] {
            equal("09 行 1", v(rows["r1"]![keyPath: column]), ["r2", "r3", "r6"].map { v(rows[$0]![keyPath: column]) })
            equal("09 行 3", v(rows["r3"]![keyPath: column]), ["r4", "r5"].map { v(rows[$0]![keyPath: column]) })
        }
        equal("09 行 6 决算", v(rows["r6"]!.c3), [v(rows["r7"]!.c3), v(rows["r9"]!.c3)])
        within("09 行 8 ≤ 行 7", [v(rows["r8"]!.c3)], [v(rows["r7"]!.c3)])
        for (code, row) in [("30212", "r2"), ("30217", "r6"), ("30231", "r5"), ("31013", "r4")] {
            within("06 \(code) ≤ 09 \(row)", [v(codes["c" + code]!.amount)], [v(rows[row]!.c3)])
        }
        let counts = t.t10.rows
        let count = { (text: String) in Self.value(text) }
        equal("10 行 1", count(counts["r1"]!.n), (2...9).map { count(counts["r\($0)"]!.n) })
        within("09 行 14 ≤ 10 行 1", [count(t.t09.statistics["r14"]!.n)], [count(counts["r1"]!.n)])
        let s5 = view.part3.s5
        for (what, text, row) in [
            ("§五 全年预算数", s5.total.budget, rows["r1"]!.c2), ("§五 决算数", s5.total.actual, rows["r1"]!.c3),
            ("§五（一）决算数", s5.abroad.actual, rows["r2"]!.c3), ("§五（三）决算数", s5.reception.actual, rows["r6"]!.c3),
        ] where text != row.n {
            problems.append("\(what) \(text) ≠ 09 \(row.n)")
        }
        // Nothing printed is negative.
        for (name, table) in [("02", t.t02), ("03", t.t03), ("05", t.t05), ("07", t.t07), ("08", t.t08)] {
            for row in [table.total] + table.lines {
                for (key, money) in row.c { notNegative("\(name) \(row.code) \(key)", v(money)) }
            }
        }
    }
}
