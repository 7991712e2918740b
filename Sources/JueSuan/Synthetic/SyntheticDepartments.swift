import Foundation

/// Made-up departments for load tests and batch tests (`juesuan sample`): realistic in shape and size, varied (kinds of
/// department, 类 sets, 1–3 units, zero and non-zero items, amounts in 元 or 万元, rises, falls, 持平 and rises from
/// 0, reasons missing in some), and valid — no department has a fatal finding. The only warnings are the missing
/// reasons (R-01 … R-04) of the departments chosen to leave some out.
///
/// Department `index` (from 1) of `seed` is the same whatever the number of departments asked for: it depends on
/// nothing but the two numbers (its own SplitMix64 stream), so `--count 10` is a prefix of `--count 1000`. Names are
/// unique among the indices of one seed: `样例市财政局`, `样例市东湖区教育局`, … (a made-up city).
public enum SyntheticDepartments {
    /// Department `index` (1, 2, …) of `seed`.
    public static func department(index: Int, seed: UInt64) -> DepartmentInput {
        generate(index: index, seed: seed).input
    }

    /// `synthetic-0001.json`: the index zero-padded to the width of `count`, at least 4 digits.
    public static func fileName(index: Int, count: Int) -> String {
        let width = max(4, String(max(count, index)).count)
        let digits = String(index)
        return "synthetic-" + String(repeating: "0", count: max(0, width - digits.count)) + digits + ".json"
    }

    /// The file form of a department: pretty JSON with sorted keys (`InputLoader.encode`) and a final newline. The
    /// bytes depend only on the department.
    public static func fileBytes(_ input: DepartmentInput) throws -> [UInt8] {
        var bytes = Array(try InputLoader.encode(input))
        bytes.append(0x0A)
        return bytes
    }

    /// A department and what the generator chose to leave out (for tests).
    struct Generated {
        var input: DepartmentInput
        /// Input paths of expected reasons left out on purpose (each gives a warning and the placeholder).
        var omittedReasons: [String]
    }

    static func generate(index: Int, seed: UInt64) -> Generated {
        precondition(index >= 1, "synthetic departments are numbered from 1")
        var builder = SyntheticBuilder(index: index, seed: seed)
        return builder.build()
    }

    /// Where a synthetic department is and what kind it is.
    struct Identity {
        let kind: DepartmentKind
        /// `样例市`.
        let city: String
        /// `东湖区`, `青山县`, or empty for the city itself.
        let place: String
        let level: GovernmentLevel
        /// 市, 区 or 县 (`全市`, `区委`).
        let area: String

        var name: String { city + place + kind.name }
    }

    /// Where department `index` of `seed` is and what kind it is. The kinds are in an order that depends on the
    /// seed; each (city, place, kind) is used once, places varying within the first kinds so that a small count
    /// already mixes 市级, 区级 and 县级. After the four made-up cities come 虚拟一市, 虚拟二市, …
    static func identity(index: Int, seed: UInt64) -> Identity {
        var order = SplitMix64(state: seed ^ 0x6A09_E667_F3BC_C908)
        let kinds = order.shuffled(Array(SyntheticCatalogue.kinds.indices))
        let places = SyntheticCatalogue.districts
        let position = index - 1
        let block = kinds.count * places.count
        let cityNumber = position / block
        let within = position % block
        let kind = within % kinds.count
        let place = places[(within / kinds.count + kind) % places.count]
        let cities = SyntheticCatalogue.cities
        let city =
            cityNumber < cities.count ? cities[cityNumber] : "虚拟\(ChineseNumeral.of(cityNumber - cities.count + 1))市"
        return Identity(
            kind: SyntheticCatalogue.kinds[kinds[kind]], city: city, place: place.0, level: place.1, area: place.2)
    }
}

/// One 项 being planned, in minor units (1/100 万元, or 1/100 元 when the file is in 元).
private struct ItemPlan {
    enum Role {
        case administration, institution, project, personnel, fund, stateCapital, other
    }

    let item: SyntheticItem
    let section: SyntheticSection
    let role: Role
    var generalBasic = 0
    var generalProject = 0
    var generalIncome = 0
    var fundCarryIn = 0
    var fundIncome = 0
    var fundBasic = 0
    var fundProject = 0
    var capitalIncome = 0
    var capitalBasic = 0
    var capitalProject = 0
    var business = 0
    var operatingIncome = 0
    var superiorSubsidy = 0
    var affiliated = 0
    var otherIncome = 0
    var nonFiscalBasic = 0
    var nonFiscalProject = 0
    var operatingSpending = 0
    var toSuperior = 0
    var toAffiliated = 0

    var category: String { String(item.code.prefix(3)) }
    var income: Int {
        generalIncome + fundIncome + capitalIncome + business + operatingIncome + superiorSubsidy + affiliated
            + otherIncome
    }
    var nonFiscalIncome: Int { business + operatingIncome + superiorSubsidy + affiliated + otherIncome }
    var basic: Int { generalBasic + fundBasic + capitalBasic + nonFiscalBasic }
    var project: Int { generalProject + fundProject + capitalProject + nonFiscalProject }
    var spending: Int { basic + project + operatingSpending + toSuperior + toAffiliated }
    var nonFiscalSpending: Int { nonFiscalBasic + nonFiscalProject + operatingSpending + toSuperior + toAffiliated }
    var fiscalSpending: Int { generalBasic + generalProject + fundBasic + fundProject + capitalBasic + capitalProject }
}

/// Builds one department from its own random stream.
private struct SyntheticBuilder {
    var random: SplitMix64
    let kind: DepartmentKind
    let name: String
    let prefix: String
    let level: GovernmentLevel
    let area: String
    let unit: InputUnit
    /// Minor units per 万元.
    let perWan: Int
    /// About the department's 本年支出, in minor units.
    let size: Int

    var plans: [ItemPlan] = []
    var unitCount = 1
    var generalStart = 0
    var capitalStart = 0
    var nonFiscalStart = 0
    var nonFiscalUsed = 0
    var surplus = 0
    /// 公开06表 by code, and the four groups of 第三部分 四.
    var economic: [String: Int] = [:]
    var groups = (wages: 0, goods: 0, subsidies: 0, capital: 0, other: 0)
    var reasonTexts: [String: String] = [:]
    var neededReasons: [String] = []
    /// The duties without numbers (the annex reports on them).
    var duties: [String] = []

    init(index: Int, seed: UInt64) {
        let identity = SyntheticDepartments.identity(index: index, seed: seed)
        var base = SplitMix64(state: seed)
        random = SplitMix64(state: base.next() ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        _ = random.next()
        kind = identity.kind
        prefix = identity.city + identity.place
        name = identity.name
        level = identity.level
        area = identity.area
        unit = random.chance(20) ? .yuan : .wanYuan
        perWan = unit == .yuan ? 1_000_000 : 100
        var wan = random.int(kind.size)
        if level != .city { wan = max(200, wan * random.int(35...70) / 100) }
        size = wan * perWan + random.int(0...(perWan - 1))
    }

    // MARK: Helpers

    /// `minor` minor units as 万元, exactly (built from digits and exponent: a division would be slow).
    func amount(_ minor: Int) -> Amount {
        Amount(
            Decimal(
                sign: minor < 0 ? .minus : .plus, exponent: perWan == 100 ? -2 : -6,
                significand: Decimal(minor.magnitude)))
    }
    /// nil for zero (an amount that is 0 may be left out).
    func optional(_ minor: Int) -> Amount? { minor == 0 ? nil : amount(minor) }
    /// `permille` of `value`, rounded down.
    func part(_ value: Int, _ permille: Int) -> Int { value * permille / 1000 }
    /// A share of `value` between the two permilles (in steps of 1/100 000, so that two shares drawn from the same
    /// range are rarely equal).
    mutating func part(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        value * random.int((range.lowerBound * 100)...(range.upperBound * 100)) / 100_000
    }
    /// A random amount between `low` and `high` 万元 with all its minor digits.
    mutating func wan(_ low: Int, _ high: Int) -> Int { random.int((low * perWan)...(high * perWan)) }
    func text(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "{area}", with: area).replacingOccurrences(of: "{domain}", with: kind.domain)
    }
    mutating func phrase(_ options: [String], project: String? = nil) -> String {
        text(random.pick(options)).replacingOccurrences(of: "{project}", with: project ?? random.pick(kind.projects))
    }

    // MARK: The department

    mutating func build() -> SyntheticDepartments.Generated {
        unitCount = min(1 + kind.units.count, random.int(0...99) < 45 ? 1 : random.chance(63) ? 2 : 3)
        planSubjects()
        planAmounts()
        planCarryOver()
        let threePublic = planThreePublic()
        planEconomic(threePublic.linked)
        let assets = threePublic.assets
        let budgets = fiscalBudgets()
        let procurement = makeProcurement()
        var input = DepartmentInput(
            schema: nil, formatVersion: 1, year: 2024, unit: unit, department: makeDepartment(),
            subjects: makeSubjects(), carryOver: makeCarryOver(), basicExpenditureByEconomicCode: makeEconomic(),
            threePublic: threePublic.table, assets: assets, fiscalInitialBudget: budgets, procurement: procurement,
            operatingCosts: nil, priorYear: PriorYear(), reasons: Reasons(), performance: makePerformance(),
            glossary: makeGlossary(), annex: [], closingLine: nil)
        var operatingCosts = groups.goods + groups.capital + groups.other
        if random.chance(10) {
            operatingCosts = part(operatingCosts, 850...1000)
            input.operatingCosts = amount(operatingCosts)
        }
        input.priorYear = makePriorYear(threePublic: threePublic.actuals, operatingCosts: operatingCosts)
        categoryReasons(budgets)
        threePublicReasons(threePublic.table)
        if (assets.vehicles.other ?? 0) > 0 {
            need("$.reasons.otherVehiclesUse", phrase(SyntheticCatalogue.otherVehiclesUse))
        }
        let omitted = omitSomeReasons()
        input.reasons = makeReasons()
        if random.chance(60) { input.annex = makeAnnex() }
        if random.chance(50) { input.closingLine = name }
        return SyntheticDepartments.Generated(input: input, omittedReasons: omitted)
    }

    // MARK: 部门

    mutating func makeDepartment() -> Department {
        var duties = kind.duties.map(text)
        if random.chance(30) { duties.removeLast() }
        let common = SyntheticCatalogue.commonDuties
        duties += random.sample(Array(common.dropLast()), count: random.int(1...3)).map(text)
        if random.chance(70) { duties.append(text(common.last!)) }
        self.duties = duties
        let numbering = random.pick(DutyNumbering.allCases)
        if numbering == .none {
            duties = duties.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        let leadLine: Bool? = random.chance(40) ? true : random.chance(40) ? false : nil
        var units: [ReportingUnit]
        if unitCount == 1 {
            units = [ReportingUnit(name: name, budgetLevel: random.chance(30) ? "一级" : nil)]
        } else {
            units = [ReportingUnit(name: name + "（本级）", budgetLevel: "一级")]
            units += random.sample(kind.units, count: unitCount - 1).map {
                ReportingUnit(name: prefix + $0, budgetLevel: "二级")
            }
        }
        let institutions =
            random.chance(80)
            ? random.sample(kind.institutions, count: random.int(3...kind.institutions.count)) : nil
        let perPerson = random.int(14...24)
        let inPost = max(6, min(420, size / perWan / perPerson))
        var staff = Staff(
            inPost: inPost, other: random.int(0...max(1, inPost / 6)),
            retiredPaidByUnit: random.chance(35) ? random.int(1...12) : 0,
            retiredPaidByPensionFund: random.int(0...max(1, inPost / 2)), suppliedRetired: nil)
        if random.chance(30) { staff.suppliedRetired = staff.retired }
        return Department(
            name: name, level: level,
            duties: Duties(leadLine: leadLine, numbering: random.chance(15) ? nil : numbering, items: duties),
            units: units, internalInstitutions: institutions, staff: staff)
    }

    // MARK: 支出功能分类科目

    mutating func planSubjects() {
        var chosen: [ItemPlan] = []
        for (number, section) in kind.sections.enumerated() where number == 0 || random.chance(55) {
            var items: [ItemPlan] = []
            var projects: [SyntheticItem] = []
            for item in section.items {
                switch item.name {
                case "行政运行":
                    items.append(ItemPlan(item: item, section: section, role: .administration))
                case "一般行政管理事务":
                    if random.chance(80) { items.append(ItemPlan(item: item, section: section, role: .project)) }
                case "事业运行", "机构运行", "机关服务":
                    if random.chance(unitCount > 1 ? 85 : 15) {
                        items.append(ItemPlan(item: item, section: section, role: .institution))
                    }
                default:
                    projects.append(item)
                }
            }
            let count = items.isEmpty ? random.int(1...min(3, projects.count)) : random.int(0...min(3, projects.count))
            for item in random.sample(projects, count: count) {
                items.append(ItemPlan(item: item, section: section, role: .project))
            }
            chosen += items
        }
        if !chosen.contains(where: { $0.role == .project }) {
            let section = kind.sections[0]
            let item =
                section.items.first { $0.name == "一般行政管理事务" }
                ?? section.items.first { !chosen.map(\.item.code).contains($0.code) && $0.name != "行政运行" }
            if let item { chosen.append(ItemPlan(item: item, section: section, role: .project)) }
        }
        let personnel: [(SyntheticSection, String, Int)] = [
            (SyntheticCatalogue.pension, "2080501", 35),
            (SyntheticCatalogue.pension, "2080502", unitCount > 1 ? 40 : 0),
            (SyntheticCatalogue.pension, "2080505", 90), (SyntheticCatalogue.pension, "2080506", 80),
            (SyntheticCatalogue.compensation, "2080801", 20), (SyntheticCatalogue.medical, "2101101", 85),
            (SyntheticCatalogue.medical, "2101102", unitCount > 1 ? 50 : 0),
            (SyntheticCatalogue.medical, "2101103", 60),
            (SyntheticCatalogue.medical, "2101199", 15), (SyntheticCatalogue.housing, "2210201", 88),
            (SyntheticCatalogue.housing, "2210202", 12), (SyntheticCatalogue.housing, "2210203", 15),
        ]
        // Some departments leave out a whole 类 of personnel items (a different 类 set).
        let skipped = random.chance(20) ? random.pick(["208", "210", "221"]) : ""
        for (section, code, percent) in personnel where !code.hasPrefix(skipped) || skipped.isEmpty {
            if random.chance(percent), let item = section.items.first(where: { $0.code == code }) {
                chosen.append(ItemPlan(item: item, section: section, role: .personnel))
            }
        }
        if !kind.funds.isEmpty && random.chance(35) {
            let funds = random.chance(30) ? kind.funds : [random.pick(kind.funds)]
            for section in funds {
                chosen.append(ItemPlan(item: section.items[0], section: section, role: .fund))
            }
        }
        if random.chance(7) {
            let section = random.pick(SyntheticCatalogue.stateCapital)
            chosen.append(ItemPlan(item: section.items[0], section: section, role: .stateCapital))
        }
        if random.chance(18) {
            let section = SyntheticCatalogue.other
            chosen.append(ItemPlan(item: section.items[0], section: section, role: .other))
        }
        plans = chosen.sorted { $0.item.code < $1.item.code }
    }

    mutating func planAmounts() {
        let personnelShare: [String: ClosedRange<Int>] = [
            "2080501": 5...25, "2080502": 5...20, "2080505": 50...80, "2080506": 15...35, "2080801": 2...12,
            "2101101": 20...40, "2101102": 8...20, "2101103": 5...15, "2101199": 1...4, "2210201": 40...70,
            "2210202": 3...8, "2210203": 4...12,
        ]
        if random.chance(55) { generalStart = part(size, 5...50) }
        var unusedStart = generalStart
        for index in plans.indices {
            var plan = plans[index]
            switch plan.role {
            case .administration:
                plan.generalBasic = part(size, 250...400)
                if random.chance(6) { plan.toAffiliated = part(size, 5...30) }
            case .personnel:
                plan.generalBasic = part(size, personnelShare[plan.item.code] ?? 5...20)
            case .institution:
                plan.generalBasic = part(size, 80...180)
                if random.chance(60) { plan.business = part(size, 20...120) }
                if random.chance(25) { plan.superiorSubsidy = part(size, 5...40) }
                if random.chance(5) { plan.affiliated = part(size, 2...10) }
                if random.chance(12) {
                    plan.operatingIncome = part(size, 5...30)
                    plan.operatingSpending = part(plan.operatingIncome, 850...1000)
                }
                var own = part(plan.business + plan.superiorSubsidy + plan.affiliated, 800...1050)
                if random.chance(5) {
                    plan.toSuperior = part(own, 50...200)
                    own -= plan.toSuperior
                }
                plan.nonFiscalBasic = part(own, 550...850)
                plan.nonFiscalProject = own - plan.nonFiscalBasic
            case .project:
                plan.generalProject = part(size, 30...200)
                if random.chance(12) { plan.generalBasic = part(size, 5...30) }
                if random.chance(12) {
                    plan.otherIncome = part(size, 2...20)
                    plan.nonFiscalProject = part(plan.otherIncome, 700...1100)
                }
            case .fund:
                plan.fundIncome = part(size, 40...300)
                if random.chance(40) { plan.fundCarryIn = part(size, 5...60) }
                let spending = part(plan.fundCarryIn + plan.fundIncome, 600...1000)
                plan.fundBasic = random.chance(10) ? part(spending, 100...300) : 0
                plan.fundProject = spending - plan.fundBasic
            case .stateCapital:
                plan.capitalIncome = part(size, 20...100)
                if random.chance(30) { capitalStart = part(size, 5...30) }
                let spending = part(capitalStart + plan.capitalIncome, 600...1000)
                plan.capitalBasic = random.chance(20) ? part(spending, 100...400) : 0
                plan.capitalProject = spending - plan.capitalBasic
            case .other:
                plan.otherIncome = part(size, 3...25)
                plan.nonFiscalBasic = part(plan.otherIncome, 400...1000)
            }
            // 一般公共预算 income: as spent, or less (the carry-in is used), or more (a carry-out).
            let spent = plan.generalBasic + plan.generalProject
            plan.generalIncome = spent
            if plan.role == .project {
                let mode = random.int(0...99)
                if mode < 25 && unusedStart > 0 {
                    let used = min(unusedStart, part(spent, 50...400))
                    plan.generalIncome = spent - used
                    unusedStart -= used
                } else if mode >= 80 {
                    plan.generalIncome = spent + part(spent, 20...150)
                }
            }
            plans[index] = plan
        }
    }

    mutating func planCarryOver() {
        if random.chance(55) { nonFiscalStart = part(size, 5...40) }
        if nonFiscalStart > 0 && random.chance(12) { nonFiscalUsed = part(nonFiscalStart, 200...600) }
        if random.chance(6) { surplus = part(size, 1...5) }
        let income = plans.map(\.nonFiscalIncome).reduce(0, +)
        let spending = plans.map(\.nonFiscalSpending).reduce(0, +)
        let shortfall = spending + surplus - income - nonFiscalUsed - nonFiscalStart
        if shortfall > 0 { nonFiscalStart += shortfall + part(size, 0...5) }
    }

    mutating func makeSubjects() -> [Subject] {
        let supplyTotals = random.chance(15)
        let nameCategories = random.chance(80)
        var subjects: [Subject] = []
        var seen: Set<String> = []
        for plan in plans {
            let category = plan.category
            if seen.insert(category).inserted {
                subjects.append(
                    Subject(code: category, name: nameCategories ? FunctionalCategories.named(category)?.name : nil))
            }
            if seen.insert(plan.section.code).inserted {
                subjects.append(Subject(code: plan.section.code, name: plan.section.name))
            }
            var subject = Subject(code: plan.item.code, name: plan.item.name)
            subject.income = SubjectIncome(
                generalBudget: optional(plan.generalIncome), governmentFund: optional(plan.fundIncome),
                stateCapital: optional(plan.capitalIncome), superiorSubsidy: optional(plan.superiorSubsidy),
                business: optional(plan.business), operating: optional(plan.operatingIncome),
                affiliated: optional(plan.affiliated), other: optional(plan.otherIncome),
                total: supplyTotals ? amount(plan.income) : nil)
            if plan.income == 0 && !supplyTotals { subject.income = nil }
            subject.expenditure = SubjectExpenditure(
                basic: optional(plan.basic), project: optional(plan.project), toSuperior: optional(plan.toSuperior),
                operating: optional(plan.operatingSpending), toAffiliated: optional(plan.toAffiliated),
                total: supplyTotals ? amount(plan.spending) : nil)
            if plan.generalBasic + plan.generalProject > 0 {
                subject.generalBudgetExpenditure = BasicProjectSplit(
                    basic: optional(plan.generalBasic), project: optional(plan.generalProject),
                    total: supplyTotals ? amount(plan.generalBasic + plan.generalProject) : nil)
            }
            if plan.role == .fund {
                let carryOut = plan.fundCarryIn + plan.fundIncome - plan.fundBasic - plan.fundProject
                subject.governmentFund = GovernmentFundRow(
                    carryIn: optional(plan.fundCarryIn), basic: optional(plan.fundBasic),
                    project: optional(plan.fundProject), carryOut: supplyTotals ? amount(carryOut) : nil)
            }
            if plan.role == .stateCapital {
                subject.stateCapitalExpenditure = BasicProjectSplit(
                    basic: optional(plan.capitalBasic), project: optional(plan.capitalProject),
                    total: supplyTotals ? amount(plan.capitalBasic + plan.capitalProject) : nil)
            }
            subjects.append(subject)
        }
        return subjects
    }

    var carryIn: Int { generalStart + capitalStart + nonFiscalStart + plans.map(\.fundCarryIn).reduce(0, +) }
    var incomeTotal: Int { plans.map(\.income).reduce(0, +) }
    var spendingTotal: Int { plans.map(\.spending).reduce(0, +) }
    var carryOut: Int { carryIn + incomeTotal + nonFiscalUsed - spendingTotal - surplus }
    var fiscalCarryOut: Int {
        generalStart + capitalStart
            + plans.map { $0.fundCarryIn + $0.generalIncome + $0.fundIncome + $0.capitalIncome }
            .reduce(0, +) - plans.map(\.fiscalSpending).reduce(0, +)
    }

    mutating func makeCarryOver() -> CarryOver {
        var carryOver = CarryOver(
            start: CarryOverStart(
                generalBudget: optional(generalStart), stateCapital: optional(capitalStart),
                nonFiscal: optional(nonFiscalStart)),
            nonFiscalBalanceUsed: optional(nonFiscalUsed), surplusDistribution: optional(surplus), suppliedEnd: nil)
        if random.chance(20) {
            carryOver.suppliedEnd = CarryOverEnd(total: amount(carryOut), fiscal: amount(fiscalCarryOut))
        }
        if random.chance(30) {
            carryOver.nonFiscalBalanceUsed = amount(nonFiscalUsed)
            carryOver.surplusDistribution = amount(surplus)
        }
        return carryOver
    }

    // MARK: 公开09表, 公开10表

    struct ThreePublicPlan {
        var table: ThreePublic
        var assets: Assets
        /// 06 codes 30212, 30217, 30231, 31013 (at most the 09 决算数).
        var linked: [String: Int]
        /// 决算数 of 出国, 购置, 运行维护, 接待.
        var actuals: [Int]
    }

    mutating func planThreePublic() -> ThreePublicPlan {
        let none = random.chance(18)
        var vehicles = Vehicles()
        if random.chance(85) {
            vehicles.ministerial = 0
            vehicles.principal = random.int(0...2)
            vehicles.confidential = random.chance(8) ? 1 : 0
            vehicles.emergency = random.chance(30) ? random.int(1...2) : 0
            vehicles.lawEnforcement = kind.enforcement && random.chance(80) ? random.int(1...6) : 0
            vehicles.specialTechnical = random.chance(15) ? random.int(1...3) : 0
            vehicles.retiredCadres = random.chance(8) ? 1 : 0
            vehicles.other = random.chance(22) ? random.int(1...3) : 0
            if random.chance(20) { vehicles.suppliedTotal = vehicles.total }
        }
        let total = vehicles.total
        let held = none || total == 0 ? 0 : max(0, total - (random.chance(25) ? random.int(0...min(2, total)) : 0))
        var statistics = ThreePublicStatistics(
            abroadGroups: 0, abroadPersonTimes: 0, vehiclesPurchased: 0, vehiclesHeld: held,
            domesticReceptionBatches: 0, foreignAffairsReceptionBatches: 0, domesticReceptionPersonTimes: 0,
            foreignAffairsReceptionPersonTimes: 0, overseasReceptionBatches: 0, overseasReceptionPersonTimes: 0)
        var abroad = 0
        var purchase = 0
        let operation = held > 0 ? held * random.int(120...300) * perWan / 100 + random.int(0...(perWan - 1)) : 0
        var domestic = 0
        var foreignAffairs = 0
        var overseas = 0
        if !none {
            if random.chance(22) {
                let groups = random.int(1...2)
                statistics.abroadGroups = groups
                statistics.abroadPersonTimes = groups * random.int(2...5)
                abroad = groups * wan(2, 8)
            }
            if held > 0 && random.chance(15) {
                let bought = random.chance(20) ? min(2, held) : 1
                statistics.vehiclesPurchased = bought
                purchase = bought * wan(12, 28)
            }
            if random.chance(88) {
                domestic = wan(0, 6) + part(perWan, 200...999)
                let batches = random.int(3...60)
                statistics.domesticReceptionBatches = batches
                statistics.domesticReceptionPersonTimes = batches * random.int(3...9)
                if random.chance(10) {
                    foreignAffairs = part(domestic, 100...400)
                    statistics.foreignAffairsReceptionBatches = random.int(1...min(3, batches))
                    // 其中 外事接待人次 cannot exceed 国内公务接待人次 (IN-07).
                    statistics.foreignAffairsReceptionPersonTimes = min(
                        (statistics.foreignAffairsReceptionBatches ?? 1) * random.int(2...6),
                        statistics.domesticReceptionPersonTimes ?? 0)
                }
                if random.chance(5) {
                    overseas = part(perWan, 300...2000)
                    statistics.overseasReceptionBatches = random.int(1...2)
                    statistics.overseasReceptionPersonTimes = random.int(3...12)
                }
            }
        }
        let table = ThreePublic(
            abroad: budgetedItem(abroad), vehiclePurchase: budgetedItem(purchase),
            vehicleOperation: budgetedItem(operation),
            reception: receptionItem(domestic: domestic, foreignAffairs: foreignAffairs, overseas: overseas),
            statistics: statistics, suppliedTotal: nil)
        var result = ThreePublicPlan(
            table: table,
            assets: Assets(vehicles: vehicles, equipmentOverOneMillion: random.chance(12) ? random.int(1...3) : 0),
            linked: [:], actuals: [abroad, purchase, operation, domestic + overseas])
        if random.chance(20) {
            let figures = ThreePublicFigures(table)
            result.table.suppliedTotal = BudgetFigures(
                initialBudget: figures.total.initialBudget, adjustedBudget: figures.total.adjustedBudget,
                actual: figures.total.actual)
        }
        let reception = domestic + overseas
        for (code, actual) in [("30212", abroad), ("30217", reception), ("30231", operation), ("31013", purchase)]
        where actual > 0 {
            result.linked[code] = random.chance(55) ? actual : part(actual, 500...999)
        }
        return result
    }

    /// 年初预算数 / 全年预算数 / 决算数 of one item: the budget is met, or the actual is 65–98% of it.
    mutating func budgetFigures(_ actual: Int) -> (initial: Int, adjusted: Int) {
        var adjusted = 0
        var initial = 0
        if actual == 0 {
            if random.chance(25) { initial = wan(1, 10) }
            if random.chance(8) { adjusted = wan(1, 5) }
        } else {
            adjusted = random.chance(40) ? actual : actual * 1000 / random.int(650...980)
            initial = random.chance(60) ? adjusted : part(adjusted, 800...1300)
        }
        return (initial, adjusted)
    }

    mutating func budgetedItem(_ actual: Int) -> BudgetedItem {
        let budget = budgetFigures(actual)
        if actual == 0 && budget.initial == 0 && budget.adjusted == 0 && random.chance(40) { return BudgetedItem() }
        return BudgetedItem(
            initialBudget: amount(budget.initial), adjustedBudget: amount(budget.adjusted), actual: amount(actual))
    }

    mutating func receptionItem(domestic: Int, foreignAffairs: Int, overseas: Int) -> Reception {
        let budget = budgetFigures(domestic + overseas)
        return Reception(
            initialBudget: amount(budget.initial), adjustedBudget: amount(budget.adjusted), domestic: amount(domestic),
            foreignAffairs: optional(foreignAffairs), overseas: optional(overseas))
    }

    // MARK: 公开06表

    /// Splits `total` over `codes` with random weights (exactly: the last takes the remainder).
    mutating func split(_ total: Int, _ codes: [(String, ClosedRange<Int>)]) {
        guard !codes.isEmpty else { return }
        // Weights in hundredths, so that two codes drawn from the same range rarely get equal amounts.
        let weights = codes.map { random.int(($0.1.lowerBound * 100)...($0.1.upperBound * 100)) }
        let sum = max(1, weights.reduce(0, +))
        var rest = total
        for (index, code) in codes.enumerated() {
            let share = index == codes.count - 1 ? rest : total * weights[index] / sum
            rest -= share
            economic[code.0, default: 0] += share
        }
    }

    /// Codes chosen with their probability in percent (at least the first).
    mutating func some(_ codes: [(String, Int, ClosedRange<Int>)]) -> [(String, ClosedRange<Int>)] {
        var chosen = codes.filter { random.chance($0.1) }.map { ($0.0, $0.2) }
        if chosen.isEmpty { chosen = [(codes[0].0, codes[0].2)] }
        return chosen
    }

    mutating func planEconomic(_ linked: [String: Int]) {
        let basic = plans.map(\.generalBasic).reduce(0, +)
        var linked = linked
        let linkedSum = linked.values.reduce(0, +)
        if linkedSum > basic / 10 {
            for code in ["30212", "30217", "30231", "31013"] where linked[code] != nil {
                linked[code] = linked[code]! * (basic / 10) / linkedSum
            }
        }
        let rest = basic - ["30212", "30217", "30231", "31013"].compactMap { linked[$0] }.reduce(0, +)
        for code in ["30212", "30217", "30231", "31013"] { economic[code] = linked[code] }
        let wages = part(rest, 550...720)
        let subsidies = random.chance(85) ? part(rest, 30...150) : 0
        let capital = random.chance(60) ? part(rest, 5...50) : 0
        let interest = random.chance(3) ? part(rest, 1...5) : 0
        let other = random.chance(4) ? part(rest, 1...5) : 0
        let goods = rest - wages - subsidies - capital - interest - other
        split(
            wages,
            some([
                ("30101", 100, 18...25), ("30102", 100, 20...30), ("30103", 50, 3...10), ("30106", 20, 1...3),
                ("30107", 100, 10...20), ("30108", 100, 10...14), ("30109", 90, 4...6), ("30110", 100, 5...8),
                ("30111", 60, 1...3), ("30112", 80, 1...2), ("30113", 100, 8...12), ("30199", 40, 1...4),
            ]))
        split(
            subsidies,
            some([
                ("30302", 60, 5...20), ("30304", 25, 1...5), ("30305", 40, 2...8), ("30309", 20, 1...4),
                ("30399", 30, 1...5),
            ]))
        split(capital, some([("31002", 70, 5...10), ("31003", 20, 3...8), ("31007", 40, 3...8)]))
        split(interest, [("30701", 1...1)])
        split(other, [("39999", 1...1)])
        split(
            goods,
            some([
                ("30201", 100, 8...15), ("30202", 60, 1...4), ("30205", 50, 1...3), ("30206", 60, 3...8),
                ("30207", 70, 1...4), ("30209", 50, 5...15), ("30211", 80, 4...10), ("30213", 60, 2...8),
                ("30214", 20, 2...6), ("30215", 40, 1...3), ("30216", 50, 1...4), ("30226", 40, 2...8),
                ("30227", 30, 3...10), ("30228", 80, 3...6), ("30229", 50, 2...5), ("30239", 50, 5...20),
                ("30299", 70, 2...10),
            ]))
        groups = (
            economicGroup("301"), economicGroup("302"), economicGroup("303"), economicGroup("310"),
            economicGroup("307") + economicGroup("399")
        )
    }

    /// The sum of a group of 公开06表 (the order of a sum of integers does not matter).
    func economicGroup(_ prefix: String) -> Int {
        economic.filter { $0.key.hasPrefix(prefix) }.map(\.value).reduce(0, +)
    }

    mutating func makeEconomic() -> [EconomicAmount] {
        let named = random.chance(30)
        return EconomicCodes.all.compactMap { code in
            guard !code.isGroup, let value = economic[code.code], value > 0 else { return nil }
            return EconomicAmount(code: code.code, name: named ? code.name : nil, amount: amount(value))
        }
    }

    // MARK: Budgets, procurement

    /// 财政拨款 spending per 类, in code order.
    var categories: [(code: String, fiscal: Int)] {
        var result: [(code: String, fiscal: Int)] = []
        for plan in plans {
            if result.last?.code == plan.category {
                result[result.count - 1].fiscal += plan.fiscalSpending
            } else {
                result.append((plan.category, plan.fiscalSpending))
            }
        }
        return result.filter { $0.fiscal > 0 }
    }

    mutating func fiscalBudgets() -> FiscalInitialBudget {
        var byCategory: [String: Amount] = [:]
        for category in categories where !random.chance(6) {
            let budget = random.chance(40) ? category.fiscal : part(category.fiscal, 700...1300)
            byCategory[category.code] = amount(budget)
        }
        var budgets = FiscalInitialBudget(byCategory: byCategory, suppliedTotal: nil)
        if random.chance(25) { budgets.suppliedTotal = budgets.total }
        return budgets
    }

    mutating func makeProcurement() -> Procurement {
        if random.chance(15) {
            return random.chance(50)
                ? Procurement()
                : Procurement(goods: 0, works: 0, services: 0, smeGoods: 0, smeWorks: 0, smeServices: 0, micro: 0)
        }
        let goods = part(size, 2...40)
        let works = random.chance(25) ? part(size, 5...80) : 0
        let services = random.chance(80) ? part(size, 5...60) : 0
        let sme = [goods, works, services].map { random.chance(85) ? part($0, 500...1000) : 0 }
        let micro = part(sme.reduce(0, +), 300...1000)
        var procurement = Procurement(
            goods: amount(goods), works: amount(works), services: amount(services), smeGoods: amount(sme[0]),
            smeWorks: amount(sme[1]), smeServices: amount(sme[2]), micro: amount(micro))
        if random.chance(20) { procurement.suppliedTotal = amount(goods + works + services) }
        return procurement
    }

    // MARK: 上年数 and reasons

    /// Last year's figure for `current`: the same, a small or a large rise or fall, or 0 (a rise from 0). When
    /// `current` is 0, last year was 0 or about `typical` (a fall to 0).
    mutating func prior(_ current: Int, typical: Int, fromZero: Bool = true) -> Int {
        if current == 0 { return random.chance(35) ? part(max(typical, perWan), 200...1500) : 0 }
        let roll = random.int(0...99)
        if roll < 12 { return current }
        if roll < 45 { return part(current, random.chance(50) ? 950...992 : 1008...1050) }
        if roll < 90 || !fromZero { return part(current, random.chance(50) ? 550...880 : 1130...1900) }
        return 0
    }

    /// Records the reason of a compared figure: needed when the change is 10% or more or from 0, and sometimes
    /// given for a smaller change too.
    mutating func compared(_ path: String, current: Int, prior: Int, up: [String], down: [String]) {
        let change = YearOnYear(current: amount(current), prior: amount(prior))
        guard change != .same else { return }
        let wording: String
        if case .decrease = change { wording = phrase(down) } else { wording = phrase(up) }
        if change.needsReason {
            need(path, wording)
        } else if random.chance(25) {
            reasonTexts[path] = wording
        }
    }

    mutating func need(_ path: String, _ wording: String) {
        neededReasons.append(path)
        reasonTexts[path] = wording
    }

    mutating func makePriorYear(threePublic actuals: [Int], operatingCosts: Int) -> PriorYear {
        typealias Catalogue = SyntheticCatalogue
        var year = PriorYear()
        let carryIn = self.carryIn
        var used = random.chance(10) ? part(size, 1...10) : 0
        let distributed = random.chance(5) ? part(size, 1...5) : 0
        var priorCarryIn = random.chance(60) ? part(size, 0...50) : 0
        var income: Int
        var spending: Int
        // One of 收入 and 支出 is compared freely; the other follows from the balance (上年数收支平衡).
        if random.chance(50) {
            spending = prior(spendingTotal, typical: size, fromZero: false)
            income = spending + distributed + carryIn - priorCarryIn - used
            if income < 0 {
                priorCarryIn = 0
                used = 0
                income = spending + distributed + carryIn
            }
        } else {
            income = prior(incomeTotal, typical: size, fromZero: false)
            spending = priorCarryIn + income + used - distributed - carryIn
            if spending < 0 {
                priorCarryIn = carryIn + distributed - income - used + part(size, 0...20)
                spending = priorCarryIn + income + used - distributed - carryIn
            }
        }
        let priorUsed = used
        func value(_ minor: Int, current: Int) -> Amount? {
            minor == 0 && current == 0 && random.chance(50) ? nil : amount(minor)
        }
        year.carryIn = value(priorCarryIn, current: carryIn)
        year.nonFiscalBalanceUsed = value(priorUsed, current: nonFiscalUsed)
        year.income = amount(income)
        year.expenditure = amount(spending)
        year.surplusDistribution = value(distributed, current: surplus)
        year.carryOut = amount(carryIn)
        compared(
            "$.reasons.income", current: incomeTotal, prior: income, up: Catalogue.incomeUp, down: Catalogue.incomeDown)
        compared(
            "$.reasons.expenditure", current: spendingTotal, prior: spending, up: Catalogue.spendingUp,
            down: Catalogue.spendingDown)
        compared(
            "$.reasons.carryOut", current: carryOut, prior: carryIn, up: Catalogue.carryOutUp,
            down: Catalogue.carryOutDown)

        let typical = part(size, 10...60)
        let wages = prior(groups.wages, typical: typical)
        let goods = prior(groups.goods, typical: typical)
        let subsidies = prior(groups.subsidies, typical: typical)
        let capital = prior(groups.capital, typical: typical)
        year.basic = BasicGroups(
            wages: value(wages, current: groups.wages), goodsAndServices: value(goods, current: groups.goods),
            subsidies: value(subsidies, current: groups.subsidies), capital: value(capital, current: groups.capital))
        compared(
            "$.reasons.basic.wages", current: groups.wages, prior: wages, up: Catalogue.wagesUp,
            down: Catalogue.wagesDown)
        compared(
            "$.reasons.basic.goodsAndServices", current: groups.goods, prior: goods, up: Catalogue.goodsUp,
            down: Catalogue.goodsDown)
        compared(
            "$.reasons.basic.subsidies", current: groups.subsidies, prior: subsidies, up: Catalogue.subsidiesUp,
            down: Catalogue.subsidiesDown)
        compared(
            "$.reasons.basic.capital", current: groups.capital, prior: capital, up: Catalogue.capitalUp,
            down: Catalogue.capitalDown)

        var items: [Int] = []
        for (key, current) in zip(["abroad", "vehiclePurchase", "vehicleOperation", "reception"], actuals) {
            let last = prior(current, typical: wan(1, 6))
            items.append(last)
            compared(
                "$.reasons.threePublic.\(key).change", current: current, prior: last, up: Catalogue.threePublicUp,
                down: Catalogue.threePublicDown)
        }
        year.threePublic = PriorThreePublic(
            abroad: amount(items[0]), vehiclePurchase: amount(items[1]), vehicleOperation: amount(items[2]),
            reception: amount(items[3]), suppliedTotal: random.chance(20) ? amount(items.reduce(0, +)) : nil)
        let costs = prior(operatingCosts, typical: typical)
        year.operatingCosts = amount(costs)
        compared(
            "$.reasons.operatingCosts", current: operatingCosts, prior: costs, up: Catalogue.operatingUp,
            down: Catalogue.operatingDown)
        return year
    }

    /// 第三部分 三: a reason for each 类 whose 决算数 differs from its 年初预算数.
    mutating func categoryReasons(_ budgets: FiscalInitialBudget) {
        for category in categories {
            let budget = budgets.byCategory[category.code].orZero
            let difference = amount(category.fiscal) - budget
            guard !Format.rounded(difference.value).isZero else { continue }
            need(
                "$.reasons.categories.\(category.code)",
                phrase(difference.isNegative ? SyntheticCatalogue.budgetUnder : SyntheticCatalogue.budgetOver))
        }
    }

    /// 第三部分 五: 预算执行 reasons where the 决算数 differs from the 全年预算数, 主要是 where there were groups or
    /// receptions.
    mutating func threePublicReasons(_ table: ThreePublic) {
        let figures = ThreePublicFigures(table)
        for (key, row) in [
            ("abroad", figures.abroad), ("vehiclePurchase", figures.vehiclePurchase),
            ("vehicleOperation", figures.vehicleOperation), ("reception", figures.reception),
        ] where !Format.rounded((row.actual - row.adjustedBudget).value).isZero {
            need("$.reasons.threePublic.\(key).budget", phrase(SyntheticCatalogue.threePublicBudget))
        }
        if (table.statistics.abroadGroups ?? 0) > 0 {
            need("$.reasons.threePublic.abroad.description", phrase(SyntheticCatalogue.abroadDescription))
        }
        if (table.statistics.domesticReceptionBatches ?? 0) > 0 {
            need("$.reasons.threePublic.reception.description", phrase(SyntheticCatalogue.receptionDescription))
        }
    }

    /// In about a quarter of the departments some expected reasons are missing: every 预决算差异 reason if there is
    /// one, and one or two others.
    mutating func omitSomeReasons() -> [String] {
        guard !neededReasons.isEmpty, random.chance(25) else { return [] }
        var omitted = neededReasons.filter { $0.hasPrefix("$.reasons.categories.") }
        let others = neededReasons.filter { !$0.hasPrefix("$.reasons.categories.") }
        if !others.isEmpty && (omitted.isEmpty || random.chance(50)) {
            omitted += random.sample(others, count: random.int(1...min(2, others.count)))
        }
        for path in omitted { reasonTexts[path] = nil }
        return neededReasons.filter { omitted.contains($0) }
    }

    func makeReasons() -> Reasons {
        let texts = reasonTexts
        func item(_ key: String) -> ItemReasons? {
            let path = "$.reasons.threePublic.\(key)."
            let reasons = ItemReasons(
                budget: texts[path + "budget"], change: texts[path + "change"], description: texts[path + "description"]
            )
            return reasons == ItemReasons() ? nil : reasons
        }
        func vehicle(_ key: String) -> BudgetChangeReasons? {
            let path = "$.reasons.threePublic.\(key)."
            let reasons = BudgetChangeReasons(budget: texts[path + "budget"], change: texts[path + "change"])
            return reasons == BudgetChangeReasons() ? nil : reasons
        }
        var categories: [String: String] = [:]
        for category in self.categories {
            categories[category.code] = texts["$.reasons.categories.\(category.code)"]
        }
        let basic = BasicGroupReasons(
            wages: texts["$.reasons.basic.wages"], goodsAndServices: texts["$.reasons.basic.goodsAndServices"],
            subsidies: texts["$.reasons.basic.subsidies"], capital: texts["$.reasons.basic.capital"])
        let threePublic = ThreePublicReasons(
            abroad: item("abroad"), vehiclePurchase: vehicle("vehiclePurchase"),
            vehicleOperation: vehicle("vehicleOperation"), reception: item("reception"))
        return Reasons(
            income: texts["$.reasons.income"], expenditure: texts["$.reasons.expenditure"],
            carryOut: texts["$.reasons.carryOut"], categories: categories.isEmpty ? nil : categories,
            basic: basic == BasicGroupReasons() ? nil : basic,
            threePublic: threePublic == ThreePublicReasons() ? nil : threePublic,
            operatingCosts: texts["$.reasons.operatingCosts"], otherVehiclesUse: texts["$.reasons.otherVehiclesUse"])
    }

    // MARK: 名词解释

    /// The 支出科目 entries, written out when the standard library does not define every 项 used (and sometimes
    /// anyway); nil otherwise (the report then uses the library's wording).
    mutating func makeGlossary() -> Glossary? {
        let undefined = plans.contains { GlossaryLibrary.subjects[$0.item.code] == nil }
        guard undefined || random.chance(30) else { return nil }
        let entries = plans.map { plan in
            GlossaryEntry(
                term: "\(FunctionalCategories.named(plan.category)?.name ?? "")（类）\(plan.section.name)（款）"
                    + "\(plan.item.name)（项）",
                definition: SyntheticCatalogue.definition(plan.item, section: plan.section))
        }
        return Glossary(income: nil, expenditure: entries)
    }

    // MARK: 第三部分 九, 第五部分

    /// The counts of grades 0 优, 1 良, 2 中, 3 差 (a grade no project has is left out, 中 written as 0 when asked).
    static func gradeCounts(_ grades: [Int], explicitZeroFair: Bool) -> GradeCounts {
        func count(_ grade: Int) -> Int? {
            let n = grades.filter { $0 == grade }.count
            return n == 0 ? nil : n
        }
        return GradeCounts(
            excellent: count(0), good: count(1), fair: count(2) ?? (explicitZeroFair ? 0 : nil), poor: count(3))
    }

    mutating func makePerformance() -> Performance {
        let projectTotal = plans.map(\.project).reduce(0, +)
        let generalTotal = plans.map { $0.generalBasic + $0.generalProject }.reduce(0, +)
        let fundTotal = plans.map { $0.fundBasic + $0.fundProject }.reduce(0, +)
        let projects = random.shuffled(kind.projects)
        // Mostly 优 and 良; 中 now and then, 差 rarely (one grade per 自评表, see below).
        var drawn: [Int] = []
        for _ in 0..<random.int(1...6) {
            let roll = random.int(0...99)
            drawn.append(roll < 55 ? 0 : roll < 88 ? 1 : roll < 97 ? 2 : 3)
        }
        let explicitZeroFair = !drawn.contains(2) && random.chance(30)
        var grades = Self.gradeCounts(drawn, explicitZeroFair: explicitZeroFair)
        var performance = Performance(
            selfEvaluation: SelfEvaluationSummary(
                grades: grades, amount: amount(part(projectTotal, 300...1000)),
                projectExpenditureTotal: random.chance(8) ? amount(projectTotal) : nil),
            departmentEvaluation: nil, overallEvaluation: nil, selfEvaluationText: [], selfEvaluationTables: [],
            departmentEvaluationNotes: nil)
        if random.chance(45) {
            performance.departmentEvaluation = DepartmentEvaluation(
                projects: Array(projects.prefix(random.int(1...2))),
                generalBudget: amount(part(projectTotal, 50...300)),
                governmentFund: fundTotal > 0 && random.chance(50) ? amount(part(fundTotal, 200...1000)) : nil,
                stateCapital: nil,
                assessment: random.pick([
                    "项目资金管理规范，年度绩效目标基本完成", "项目整体运行良好，资金使用效益较好",
                    "项目实施总体达到预期，但部分指标设置不够细化",
                ]))
        }
        if random.chance(45) {
            performance.overallEvaluation = OverallEvaluation(
                generalBudget: amount(generalTotal), governmentFund: fundTotal > 0 ? amount(fundTotal) : nil,
                grade: random.pick(["优", "优", "良", "良", "中"]),
                assessment: random.pick([
                    "部门整体运行良好，内部管理制度健全", "部门整体预算执行较好，资金使用规范，履职目标基本完成",
                    "部门整体绩效目标基本实现，但预算执行进度有待加快",
                ]))
        }
        // As many projects self-evaluated as 自评表 printed (E-05): the grades of the first ones drawn.
        let tableCount = max(1, random.int(0...99) < 25 ? 0 : random.chance(67) ? 1 : 2)
        performance.selfEvaluationTables = projects.prefix(tableCount).map { selfEvaluationTable($0) }
        let evaluated = Array(
            (drawn + Array(repeating: 0, count: tableCount)).prefix(performance.selfEvaluationTables.count))
        grades = Self.gradeCounts(evaluated, explicitZeroFair: explicitZeroFair && !evaluated.contains(2))
        performance.selfEvaluation.grades = grades
        if random.chance(70) { performance.selfEvaluationText = selfEvaluationText(projects) }
        if random.chance(35) {
            performance.departmentEvaluationNotes = [
                "部门评价工作按照“制定方案、收集资料、现场核查、综合评分、撰写报告”的程序开展，"
                    + "\(projects[0])部门评价得分 \(random.int(80...96)).\(random.int(0...9)) 分。"
            ]
        }
        return performance
    }

    mutating func selfEvaluationText(_ projects: [String]) -> [ContentBlock] {
        var blocks: [ContentBlock] = []
        let withHeadings = random.chance(50)
        if withHeadings { blocks.append(.heading("1、自评工作开展情况")) }
        blocks.append(
            .paragraph(
                "根据\(prefix)财政局关于开展 2024 年度项目支出绩效自评工作的通知要求，本部门成立绩效自评工作小组，"
                    + "对纳入 2024 年度部门预算范围的项目全面开展绩效自评，逐项核对绩效目标、资金执行和指标完成情况。"))
        if random.chance(60) {
            blocks.append(
                .paragraph(
                    "自评工作采取单位自评与部门复核相结合的方式，对照项目申报时设定的绩效目标，"
                        + "从项目决策、过程管理、产出和效益等方面逐项打分，形成项目绩效自评表。"))
        }
        if withHeadings { blocks.append(.heading("2、综合评价结论")) }
        blocks.append(
            .paragraph(
                "经自评，\(projects[0])等项目资金使用规范，年度绩效目标基本完成，"
                    + random.pick(["社会效益明显。", "服务对象满意度较高。", "个别指标未完全达到预期。"])))
        if withHeadings && random.chance(70) {
            blocks += [
                .heading("3、偏离绩效目标的原因和改进措施"),
                .paragraph(
                    "个别项目受合同付款进度影响，资金执行率未达到年度目标。下一步将加强项目前期论证，"
                        + "合理安排项目实施计划，加快资金支付进度，确保绩效目标如期实现。"),
            ]
        }
        if random.chance(30) {
            var rows = [["项目名称", "全年预算数", "全年执行数", "执行率"]]
            for project in projects.prefix(2) {
                let budget = wan(20, 300)
                let executed = part(budget, 700...1000)
                rows.append([
                    project, Format.amount(amount(budget)), Format.amount(amount(executed)),
                    Format.percent(Decimal(executed) * 100 / Decimal(budget)),
                ])
            }
            blocks.append(.table(ContentTable(caption: "表 1 项目资金执行情况 单位：万元", headerRows: 1, rows: rows)))
        }
        return blocks
    }

    mutating func selfEvaluationTable(_ project: String) -> SelfEvaluationTable {
        let adjusted = part(size, 20...150) + perWan
        let initial = random.chance(60) ? adjusted : part(adjusted, 800...1000)
        let executed = random.chance(30) ? adjusted : part(adjusted, 700...999)
        let fundsScore = Format.rounded(Decimal(executed) * 10 / Decimal(adjusted), places: 2)
        var table = SelfEvaluationTable(
            projectName: project, supervisor: name,
            implementer: unitCount > 1 && random.chance(50) ? prefix + random.pick(kind.units) : name,
            fiscalFunds: ProjectFunds(
                initialBudget: amount(initial), adjustedBudget: amount(adjusted), executed: amount(executed)),
            otherFunds: nil, fundsWeight: random.chance(70) ? 10 : nil, fundsScore: fundsScore,
            fundsDeviation: executed < adjusted && random.chance(60) ? "部分合同尾款按约定于次年支付；下一步将加快项目实施进度" : nil,
            goal: random.chance(90) ? "按计划完成\(project)各项任务，资金执行率不低于 90%，服务对象满意度不低于 90%。" : nil,
            result: random.chance(85) ? "全年\(project)各项任务按计划推进，年度绩效目标基本完成。" : nil,
            indicators: [], suppliedTotalScore: nil)
        if random.chance(20) {
            let other = wan(5, 80)
            table.otherFunds = ProjectFunds(
                initialBudget: amount(other), adjustedBudget: amount(other), executed: amount(part(other, 800...1000)))
        }
        let quantity = random.pick([5, 10, 15])
        let quality = random.pick([10, 15])
        let time = random.pick([5, 10])
        let satisfaction = random.pick([10, 15])
        let benefit = 90 - 10 - quantity - 10 - quality - time - satisfaction
        let firstBenefit = benefit / 10 * 5
        let rows: [(String, String, String, String, String, Int)] = [
            (
                "成本指标", "经济成本指标", "项目成本控制数", "≤\(Format.amount(amount(adjusted))) 万元",
                "\(Format.amount(amount(executed))) 万元", 10
            ),
            ("产出指标", "数量指标", "完成年度工作任务数", "≥\(random.int(4...40)) 项", "按计划完成", quantity),
            ("产出指标", "数量指标", "开展督导检查次数", "≥\(random.int(2...12)) 次", "完成", 10),
            ("产出指标", "质量指标", "任务完成合格率", "≥95%", "\(random.int(95...100))%", quality),
            ("产出指标", "时效指标", "任务按时完成率", "=100%", random.chance(80) ? "100%" : "\(random.int(90...99))%", time),
            ("效益指标", "社会效益指标", "\(kind.domain)服务水平", "有所提升", "有所提升", firstBenefit),
            ("效益指标", "社会效益指标", "群众办事便利度", "明显提高", "基本达成目标", benefit - firstBenefit),
            ("满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "\(random.int(90...99))%", satisfaction),
        ]
        for row in rows where row.5 > 0 {
            let lost = random.chance(20) ? min(row.5, random.int(1...2)) : 0
            table.indicators.append(
                PerformanceIndicator(
                    level1: row.0, level2: row.1, name: row.2, target: row.3, actual: row.4, weight: Decimal(row.5),
                    score: Decimal(row.5 - lost), deviation: lost > 0 ? "部分工作受客观因素影响有所滞后；下一步将加强过程管理" : nil))
        }
        if random.chance(40) {
            table.suppliedTotalScore = table.indicators.map(\.score).reduce(table.fundsScore, +)
        }
        return table
    }

    /// The 部门整体支出绩效评价 indicator system (分值 100) with this department's scores.
    mutating func indicatorScores() -> [(level1: String, level2: String, name: String, weight: Decimal, score: Decimal)]
    {
        SyntheticCatalogue.overallIndicators.map { row in
            let lost = random.chance(25) ? Decimal(random.int(1...min(4, row.3 * 2))) / 2 : 0
            return (row.0, row.1, row.2, Decimal(row.3), Decimal(row.3) - lost)
        }
    }

    /// 第五部分: a project's 部门评价报告, the department's 整体支出绩效自评报告, or both.
    mutating func makeAnnex() -> [ContentBlock] {
        let roll = random.int(0...99)
        if roll < 35 { return projectReport() }
        if roll < 75 { return overallReport() }
        return overallReport() + projectReport()
    }

    mutating func projectReport() -> [ContentBlock] {
        let project = random.pick(kind.projects)
        let budget = wan(30, 400)
        let executed = part(budget, 750...1000)
        let rate = Format.percent(Decimal(executed) * 100 / Decimal(budget))
        let score = "\(random.int(80...96)).\(random.int(0...9))"
        var blocks: [ContentBlock] = [
            .center(name), .center("\(project)部门评价报告"), .heading("一、项目基本情况"),
            .paragraph(
                "\(project)由\(name)组织实施，主要用于\(kind.domain)领域重点工作。2024 年项目全年预算 "
                    + "\(Format.amount(amount(budget))) 万元，全年执行 \(Format.amount(amount(executed))) 万元，执行率 \(rate)。"),
            .paragraph(
                "项目年度绩效目标为：按计划完成\(project)各项任务，资金执行率不低于 90%，服务对象满意度不低于 90%，"
                    + "推动全\(area)\(kind.domain)工作水平进一步提升。"),
            .heading("二、评价工作开展情况"),
            .paragraph(
                "评价工作组按照“制定方案、收集资料、现场核查、综合评分、撰写报告”的程序开展评价，"
                    + "采用比较法、因素分析法和公众评判法，从项目决策、过程管理、项目产出和项目效益四个方面进行综合评分。"),
        ]
        if random.chance(60) {
            blocks.append(
                .table(
                    ContentTable(
                        caption: "表 1 项目资金使用情况 单位：万元", headerRows: 1,
                        rows: [
                            ["资金来源", "全年预算数", "全年执行数", "执行率"],
                            ["财政拨款", Format.amount(amount(budget)), Format.amount(amount(executed)), rate],
                        ])))
        }
        blocks += [
            .heading("三、评价结论"),
            .paragraph("经综合评价，\(project)得分 \(score) 分。项目决策依据充分，资金管理规范，产出和效益目标基本实现。"),
            .heading("四、存在的问题及建议"),
            .paragraph("一是进一步细化绩效目标，提高指标的可衡量性；二是加强预算执行进度管理，提高资金使用效益。"),
            .right("\(name)绩效评价工作小组"), .right("2025年\(random.int(3...5))月\(random.int(1...28))日"),
        ]
        return blocks
    }

    /// A 部门整体支出绩效自评报告 in the shape the published ones have, with this department's figures.
    mutating func overallReport() -> [ContentBlock] {
        let fiscal = plans.map { $0.generalIncome + $0.fundIncome + $0.capitalIncome }.reduce(0, +)
        let basic = plans.map(\.basic).reduce(0, +)
        let project = plans.map(\.project).reduce(0, +)
        let scores = indicatorScores()
        let total = scores.map(\.score).reduce(0, +)
        let score = SelfEvaluationTableView.number(total)
        let grade = total >= 90 ? "优" : total >= 80 ? "良" : "中"
        let city = prefix
        var blocks: [ContentBlock] = []
        if random.chance(40) {
            blocks += [
                .center("目 录"), .paragraph("一、部门概况"), .paragraph("二、评价工作开展情况"), .paragraph("三、评价总体结论"),
                .paragraph("四、部门整体支出绩效实现情况"), .paragraph("五、存在的问题及改进措施"),
            ]
        }
        blocks += [
            .center(name), .center("部门整体支出绩效自评报告"),
            .paragraph(
                "为深入贯彻落实全面实施预算绩效管理的决策部署，提升部门预算绩效管理水平，提高财政资金使用效益，"
                    + "根据\(city)财政局关于开展 2024 年度预算绩效管理工作的通知要求，\(name)对本部门 2024 年度的财务投入、"
                    + "履职管理过程、任务完成情况和资金使用绩效开展了整体支出绩效自评，现将自评情况报告如下："),
            .heading("一、部门概况"), .heading("（一）部门基本情况"),
            .paragraph(
                "\(name)是主管全\(area)\(kind.domain)工作的\(area)政府工作部门。纳入 2024 年度部门决算编制范围的单位共 "
                    + "\(unitCount) 个，主要承担\(kind.domain)政策落实、行业管理和公共服务等职能。"),
            .heading("（二）部门履职总体目标和工作任务"),
            .paragraph(
                "2024 年，本部门围绕\(area)委、\(area)政府中心工作，以\(random.pick(kind.projects))等重点工作为抓手，"
                    + "全面履行\(kind.domain)管理和服务职能，着力提升\(kind.domain)工作的规范化、精细化水平，"
                    + "年初确定的各项工作任务均按计划推进。"),
            .heading("（三）部门整体财务收支情况"),
            .paragraph(
                "2024 年度本部门本年收入合计 \(Format.amount(amount(incomeTotal))) 万元，其中财政拨款收入 "
                    + "\(Format.amount(amount(fiscal))) 万元；本年支出合计 \(Format.amount(amount(spendingTotal))) 万元，"
                    + "其中基本支出 \(Format.amount(amount(basic))) 万元，项目支出 \(Format.amount(amount(project))) 万元。"),
        ]
        if random.chance(50) {
            blocks.append(
                .table(
                    ContentTable(
                        caption: "表 1 部门收支情况 单位：万元", headerRows: 1,
                        rows: [
                            ["收入明细", "金额", "支出明细", "金额"],
                            [
                                "财政拨款收入", Format.amount(amount(fiscal)), "基本支出", Format.amount(amount(basic)),
                            ],
                            [
                                "其他收入", Format.amount(amount(incomeTotal - fiscal)), "项目支出",
                                Format.amount(amount(project)),
                            ],
                        ])))
        }
        blocks += [
            .heading("二、评价工作开展情况"), .heading("（一）评价目的和思路"),
            .paragraph(
                "通过开展部门整体支出绩效自评，全面了解部门预算资金的使用情况和履职效果，"
                    + "总结经验，查找问题，为完善预算管理、优化资源配置提供参考。"),
            .heading("（二）评价方法和指标体系"),
            .paragraph(
                "本次自评采用比较法、因素分析法和公众评判法，按照部门整体支出绩效评价指标体系，"
                    + "从部门决策、部门管理、部门产出和部门效果四个方面进行评分，满分 100 分。"),
            .heading("（三）评价实施过程"),
            .paragraph("自评工作分为前期准备、资料收集、现场核查、分析评价和撰写报告五个阶段，历时约一个月。"),
            .heading("三、评价总体结论"),
            .paragraph("经自评，\(name) 2024 年度部门整体支出绩效自评得分为 \(score) 分，评价等级为“\(grade)”。"),
            .table(
                ContentTable(
                    caption: "表 2 部门整体支出绩效评价指标得分情况", headerRows: 1,
                    rows: [["一级指标", "二级指标", "三级指标", "分值", "得分"]]
                        + scores.map {
                            [
                                $0.level1, $0.level2, $0.name, SelfEvaluationTableView.number($0.weight),
                                SelfEvaluationTableView.number($0.score),
                            ]
                        } + [["合计", "", "", "100", score]])),
            .heading("四、部门整体支出绩效实现情况"), .heading("（一）部门决策完成情况"),
            .paragraph("本部门年度绩效目标与部门职能和中长期规划相符，绩效指标明确、细化，预算编制科学合理。"),
            .heading("（二）部门管理完成情况"),
            .paragraph(
                "本部门严格执行预算管理、财务管理、政府采购和资产管理等各项制度，资金支付审批程序规范，"
                    + "年度预算执行率为 \(random.int(88...99)).\(random.int(10...99))%。"),
            .heading("（三）部门产出完成情况"),
            .paragraph("年初确定的\(kind.domain)重点工作任务均已完成，各项产出指标基本达到预期目标。具体如下："),
        ]
        for (number, duty) in duties.dropLast().enumerated() {
            var topic = duty
            if topic.hasSuffix("。") { topic.removeLast() }
            blocks.append(
                .paragraph(
                    "\(number + 1). \(topic)。"
                        + random.pick(SyntheticCatalogue.achievements)
                        .replacingOccurrences(of: "{domain}", with: kind.domain)))
        }
        blocks += [
            .heading("（四）部门效果完成情况"),
            .paragraph("通过各项工作的开展，全\(area)\(kind.domain)工作水平进一步提升，服务对象满意度达到 \(random.int(90...98))% 以上。"),
            .heading("五、存在的问题及改进措施"), .heading("（一）主要存在问题"),
            .paragraph(
                random.pick([
                    "一是部分项目绩效目标设置不够细化，可衡量性有待加强；二是个别项目预算执行进度偏慢。",
                    "一是绩效管理意识有待进一步增强；二是部分项目资金支付集中在下半年。",
                ])),
            .heading("（二）改进措施"),
            .paragraph(
                "一是加强绩效目标管理，科学设置绩效指标；二是加快预算执行进度，提高资金使用效益；"
                    + "三是强化绩效评价结果应用，将评价结果作为安排以后年度预算的重要依据。"),
            .right(name), .right("2025年\(random.int(3...5))月\(random.int(1...28))日"),
        ]
        return blocks
    }
}
