import Foundation

// `juesuan import`: a published report as a department file. Every figure the report states goes in — the leaves
// (项 rows, 06 leaf codes, 09 and 10 rows), the printed totals as official totals (核对用 fields, 类/款 rows, 06
// group codes, 合计 rows), last year's figures the text implies (本年数 ∓ 比上年增减额), the reasons, and the texts
// of 第一、四、五部分 and 九（二）（三）. A printed total that its own leaves contradict beyond the rounding of the
// printed figures (the audit's error) is left out, so that the file renders; it and everything that could not be
// read are listed.

/// A department read from its published report.
public struct ImportedDepartment: Sendable {
    public var input: DepartmentInput
    /// What could not be read, and the printed figures left out of the file (with why).
    public var notes: [UnreadLine]

    /// The list as text, one item a line: `第 12 行 公开05表：…`.
    public func notesText(_ file: ReportFile) -> String {
        notes.map { note in
            var parts: [String] = []
            if note.line > 0 { parts.append(file.lineText(note.line)) }
            parts.append(note.place)
            let text =
                note.text.isEmpty ? "" : "（\(ReportText.trimmed(note.text).replacingOccurrences(of: "\t", with: " "))）"
            return parts.joined(separator: " ") + "：" + note.reason + text
        }.joined(separator: "\n")
    }
}

public enum ReportImport {
    public static func department(from report: PublishedReport) -> ImportedDepartment {
        var builder = ImportBuilder(report)
        builder.build()
        builder.dropContradictedTotals()
        builder.noteRecomputedGrandTotals()
        // Placed in the report's own names (附表6, 第二部分 五), as the audit places its findings.
        return ImportedDepartment(input: builder.input, notes: (report.unread + builder.notes).map(report.names.rename))
    }
}

struct ImportBuilder {
    let report: PublishedReport
    let book: FigureBook
    var input: DepartmentInput
    var notes: [UnreadLine] = []

    init(_ report: PublishedReport) {
        self.report = report
        book = FigureBook(report)
        input = DepartmentInput.blank(year: report.year ?? 0)
    }

    mutating func note(_ place: String, _ line: Int, _ reason: String) {
        notes.append(UnreadLine(place: place, line: line, text: "", reason: reason))
    }

    /// The amount of a table cell: nil when blank or absent.
    func cell(_ table: PublicTable, _ row: String, _ column: String) -> Amount? {
        report.tables[table]?[row, column]?.amount
    }

    /// A clause figure as an amount.
    func figure(_ clause: String, _ name: String = "amount") -> Amount? {
        book.clause(clause)?.figures[name]?.amount
    }

    func count(_ table: PublicTable, _ row: String, _ column: String) -> Int? {
        cell(table, row, column).map { NSDecimalNumber(decimal: $0.value).intValue }
    }

    mutating func build() {
        if report.year == nil { note("标题", 0, "找不到决算年度（如“2024 年度部门决算”），年度未填") }
        if report.tables.values.contains(where: { $0.unit == "元" }) {
            note("第二部分", 0, "表格金额单位为元：金额已按万元读取，请核对")
        }
        department()
        subjects()
        carryOver()
        table06()
        table09And10()
        narrative()
        performance()
        glossaryAndAnnex()
    }

    // MARK: - 第一部分

    private mutating func department() {
        let texts = report.texts
        input.department.name = report.department
        if report.department.isEmpty { note("标题", 0, "找不到部门名称") }
        input.department.level = texts.level ?? .city
        input.department.duties = Duties(
            leadLine: texts.dutyLeadLine ? true : nil, numbering: texts.dutyNumbering, items: texts.duties)
        let names = texts.units.isEmpty ? [report.department] : texts.units
        input.department.units = names.enumerated().map { index, name in
            let level = index < texts.unitLevels.count ? texts.unitLevels[index] : ""
            return ReportingUnit(name: name, budgetLevel: level.isEmpty ? nil : level)
        }
        input.department.internalInstitutions = texts.institutions.flatMap { $0.isEmpty ? nil : $0 }
        let staff = texts.staff
        input.department.staff = Staff(
            inPost: staff["inPost"]?.value ?? 0, other: staff["other"]?.value ?? 0,
            retiredPaidByUnit: staff["retiredPaidByUnit"]?.value ?? 0,
            retiredPaidByPensionFund: staff["retiredPaidByPensionFund"]?.value ?? 0, suppliedRetired: nil)
        if staff["inPost"] == nil { note("第一部分 二", 0, "找不到年末编制内实有人员数，按 0 填写") }
    }

    // MARK: - Subject tables

    private mutating func subjects() {
        let tables: [PublicTable] = [.t02, .t03, .t05, .t07, .t08]
        var codes = Set<String>()
        var names: [String: String] = [:]
        for table in tables {
            guard let printed = report.tables[table] else { continue }
            for row in printed.rows where !row.isEmpty {
                codes.insert(row)
                let label = printed.labels[row] ?? ""
                // The longest name printed (a PDF cuts names at the cell width).
                if label.count > (names[row]?.count ?? 0) { names[row] = label }
            }
        }
        // A report that prints 项 rows only (S2) names the 类 and 款 nowhere in its tables: the 类 by its standard
        // name, the 款 by the glossary's `…（类）款名（款）项名（项）` entry of one of its 项.
        let items = codes.filter { $0.count == 7 }.sorted()
        for code in items where !codes.contains(String(code.prefix(3))) {
            codes.insert(String(code.prefix(3)))
            names[String(code.prefix(3))] = FunctionalCategories.named(String(code.prefix(3)))?.name
        }
        let glossary = report.texts.glossaryExpenditure.compactMap { entry -> (section: String, item: String)? in
            guard let match = entry.term.firstMatch(of: /（类）(.+?)（款）(.+?)（项）/) else { return nil }
            return (String(match.1), String(match.2))
        }
        for section in Set(items.map { String($0.prefix(5)) }).sorted() where !codes.contains(section) {
            codes.insert(section)
            var found: String?
            for code in items where code.hasPrefix(section) && found == nil {
                let itemName = names[code] ?? ""
                guard !itemName.isEmpty else { continue }
                found =
                    glossary.first {
                        $0.item == itemName || itemName.hasPrefix($0.item) || $0.item.hasPrefix(itemName)
                    }?
                    .section
            }
            if let found {
                names[section] = found
            } else {
                names[section] = "（款 \(section)）"
                note("第二部分", 0, "款 \(section) 的名称报告中没有（表中只有项级科目），填作“（款 \(section)）”，请改为正式名称")
            }
        }
        // 国有资本经营预算财政拨款收入 (04 行 3) per subject: no table prints it. Where one subject spends 国有资本经营
        // funds (公开08表) it is that subject's; where the subjects' 08 spending adds up to it (no carry-over), each
        // subject's income is its spending; a 类 or 款 has its subjects' sum.
        let capitalIncome = cell(.t04, "3", "amount").orZero
        let capitalItems = codes.filter { $0.count == 7 && cell(.t08, $0, "total") != nil }.sorted()
        let capitalSpending = capitalItems.compactMap { cell(.t08, $0, "total") }.sum()
        var capitalByCode: [String: Amount] = [:]
        if !capitalIncome.isZero {
            let bound = Decimal(capitalItems.count + 1) * Decimal(string: "0.005")!
            if capitalItems.count == 1 {
                capitalByCode[capitalItems[0]] = capitalIncome
            } else if !capitalItems.isEmpty, (capitalIncome - capitalSpending).magnitude.value <= bound {
                for code in capitalItems { capitalByCode[code] = cell(.t08, code, "total") }
            }
            for (code, amount) in capitalByCode {
                for parent in [String(code.prefix(3)), String(code.prefix(5))] {
                    capitalByCode[parent] = capitalByCode[parent].orZero + amount
                }
            }
            note(
                "公开04表 行 3", book.line(.c(.t04, "3", "amount")),
                capitalByCode.isEmpty
                    ? "国有资本经营预算财政拨款收入没有按科目印出，公开08表也看不出它属于哪些科目：无法分到各科目，未录入"
                    : "国有资本经营预算财政拨款收入没有按科目印出：按公开08表有这项支出的科目录入")
        }
        let splitsCapital = !capitalByCode.isEmpty
        func split<T>(_ table: PublicTable, _ row: String, _ make: (ReportTable) -> T?) -> T? {
            report.tables[table].flatMap { $0.rowLines[row] == nil ? nil : make($0) }
        }
        var subjects: [Subject] = []
        for code in codes.sorted() {
            var subject = Subject(code: code, name: names[code].flatMap { $0.isEmpty ? nil : $0 })
            if subject.name == nil, code.count == 3 { subject.name = FunctionalCategories.named(code)?.name }
            let fund = split(.t07, code) { t in
                GovernmentFundRow(
                    carryIn: t[code, "carryIn"]?.amount, basic: t[code, "basic"]?.amount,
                    project: t[code, "project"]?.amount,
                    carryOut: t[code, "carryOut"]?.amount)
            }
            let fundIncome = cell(.t07, code, "income")
            let capitalIncome = capitalByCode[code]
            subject.income = split(.t02, code) { t in
                var income = SubjectIncome()
                // 02 prints one 财政拨款收入: 政府性基金 is what 07 prints as income, 国有资本经营 what 08 spends.
                let fiscal = t[code, "fiscal"]?.amount
                if let fundIncome, !fundIncome.isZero { income.governmentFund = fundIncome }
                if let capitalIncome, !capitalIncome.isZero { income.stateCapital = capitalIncome }
                let others = income.governmentFund.orZero + income.stateCapital.orZero
                income.generalBudget = fiscal.map { $0 - others }
                income.superiorSubsidy = t[code, "superior"]?.amount
                income.business = t[code, "business"]?.amount
                income.operating = t[code, "operating"]?.amount
                income.affiliated = t[code, "affiliated"]?.amount
                income.other = t[code, "other"]?.amount
                income.total = t[code, "total"]?.amount
                return income
            }
            subject.expenditure = split(.t03, code) { t in
                SubjectExpenditure(
                    basic: t[code, "basic"]?.amount, project: t[code, "project"]?.amount,
                    toSuperior: t[code, "toSuperior"]?.amount, operating: t[code, "operating"]?.amount,
                    toAffiliated: t[code, "toAffiliated"]?.amount, total: t[code, "total"]?.amount)
            }
            subject.generalBudgetExpenditure = split(.t05, code) { t in
                BasicProjectSplit(
                    basic: t[code, "basic"]?.amount, project: t[code, "project"]?.amount,
                    total: t[code, "total"]?.amount)
            }
            subject.governmentFund = fund
            subject.stateCapitalExpenditure = split(.t08, code) { t in
                BasicProjectSplit(
                    basic: t[code, "basic"]?.amount, project: t[code, "project"]?.amount,
                    total: t[code, "total"]?.amount)
            }
            subjects.append(Self.withoutEmpty(subject))
        }
        input.subjects = subjects
        // The 合计 rows as official totals.
        var totals = SubjectTotals()
        if let t = report.tables[.t02], t.rowLines[""] != nil {
            totals.income = SubjectIncome(
                generalBudget: t["", "fiscal"]?.amount, superiorSubsidy: t["", "superior"]?.amount,
                business: t["", "business"]?.amount, operating: t["", "operating"]?.amount,
                affiliated: t["", "affiliated"]?.amount, other: t["", "other"]?.amount, total: t["", "total"]?.amount)
            if var income = totals.income {
                if let fund = cell(.t07, "", "income"), !fund.isZero { income.governmentFund = fund }
                if splitsCapital { income.stateCapital = capitalIncome }
                let others = income.governmentFund.orZero + income.stateCapital.orZero
                income.generalBudget = income.generalBudget.map { $0 - others }
                totals.income = income
            }
        }
        if let t = report.tables[.t03], t.rowLines[""] != nil {
            totals.expenditure = SubjectExpenditure(
                basic: t["", "basic"]?.amount, project: t["", "project"]?.amount,
                toSuperior: t["", "toSuperior"]?.amount,
                operating: t["", "operating"]?.amount, toAffiliated: t["", "toAffiliated"]?.amount,
                total: t["", "total"]?.amount)
        }
        if let t = report.tables[.t05], t.rowLines[""] != nil {
            totals.generalBudgetExpenditure = BasicProjectSplit(
                basic: t["", "basic"]?.amount, project: t["", "project"]?.amount, total: t["", "total"]?.amount)
        }
        if let t = report.tables[.t07], t.rowLines[""] != nil,
            t.figures.contains(where: { $0.key.row == "" && !$0.value.value.isZero })
        {
            totals.governmentFund = GovernmentFundRow(
                carryIn: t["", "carryIn"]?.amount, basic: t["", "basic"]?.amount, project: t["", "project"]?.amount,
                carryOut: t["", "carryOut"]?.amount)
        }
        if let t = report.tables[.t08], t.rowLines[""] != nil,
            t.figures.contains(where: { $0.key.row == "" && !$0.value.value.isZero })
        {
            totals.stateCapitalExpenditure = BasicProjectSplit(
                basic: t["", "basic"]?.amount, project: t["", "project"]?.amount, total: t["", "total"]?.amount)
        }
        if totals != SubjectTotals() { input.subjectTotals = totals }
    }

    /// A subject without column groups that state nothing (a 类/款 row keeps its name only).
    static func withoutEmpty(_ subject: Subject) -> Subject {
        var subject = subject
        if subject.income == SubjectIncome() { subject.income = nil }
        if subject.expenditure == SubjectExpenditure() { subject.expenditure = nil }
        if subject.generalBudgetExpenditure == BasicProjectSplit() { subject.generalBudgetExpenditure = nil }
        if subject.governmentFund == GovernmentFundRow() { subject.governmentFund = nil }
        if subject.stateCapitalExpenditure == BasicProjectSplit() { subject.stateCapitalExpenditure = nil }
        return subject
    }

    // MARK: - Carry-overs (01, 04)

    private mutating func carryOver() {
        let general = cell(.t04, "29", "amount")
        let capital = cell(.t04, "31", "amount")
        input.carryOver.start.generalBudget = general
        input.carryOver.start.stateCapital = capital
        let fiscalStart =
            cell(.t04, "28", "amount") ?? (general.orZero + capital.orZero + cell(.t07, "", "carryIn").orZero)
        if let total = cell(.t01, "29", "amount") ?? figure("s1.carryIn") {
            let nonFiscal = total - fiscalStart
            if nonFiscal.isNegative {
                note("公开01表 行 29", book.line(.c(.t01, "29", "amount")), "年初结转和结余小于公开04表年初财政拨款结转和结余，非财政拨款部分未录入")
            } else if !nonFiscal.isZero {
                input.carryOver.start.nonFiscal = nonFiscal
            }
        }
        input.carryOver.nonFiscalBalanceUsed = cell(.t01, "28", "amount")
        input.carryOver.surplusDistribution = cell(.t01, "59", "amount")
        let end = CarryOverEnd(total: cell(.t01, "60", "amount"), fiscal: cell(.t04, "60", "total"))
        if end.total != nil || end.fiscal != nil { input.carryOver.suppliedEnd = end }
    }

    // MARK: - Table 06

    private mutating func table06() {
        guard let table = report.tables[.t06] else { return }
        var entries: [EconomicAmount] = []
        for code in EconomicCodes.all.map(\.code) {
            guard let amount = table[code, "amount"]?.amount, !amount.isZero else { continue }
            entries.append(EconomicAmount(code: code, name: nil, amount: amount))
        }
        // Group rows after their leaves, as the samples order them.
        input.basicExpenditureByEconomicCode =
            entries.filter { $0.code.count == 5 } + entries.filter { $0.code.count == 3 }
        let totals = BasicExpenditureTotals(
            personnel: table["personnel", "amount"]?.amount, publicExpenses: table["publicExpenses", "amount"]?.amount)
        if totals.personnel != nil || totals.publicExpenses != nil { input.basicExpenditureTotals = totals }
    }

    // MARK: - Tables 09 and 10

    private mutating func table09And10() {
        func item(_ row: String) -> BudgetedItem {
            BudgetedItem(
                initialBudget: cell(.t09, row, "initialBudget"), adjustedBudget: cell(.t09, row, "adjustedBudget"),
                actual: cell(.t09, row, "actual"))
        }
        if report.tables[.t09] != nil {
            input.threePublic.abroad = item("2")
            input.threePublic.vehiclePurchase = item("4")
            input.threePublic.vehicleOperation = item("5")
            input.threePublic.reception = Reception(
                initialBudget: cell(.t09, "6", "initialBudget"), adjustedBudget: cell(.t09, "6", "adjustedBudget"),
                domestic: cell(.t09, "7", "actual"), foreignAffairs: cell(.t09, "8", "actual"),
                overseas: cell(.t09, "9", "actual"))
            if cell(.t09, "7", "actual") == nil && cell(.t09, "9", "actual") == nil,
                let actual = cell(.t09, "6", "actual")
            {
                input.threePublic.reception.domestic = actual
            }
            let total = BudgetFigures(
                initialBudget: cell(.t09, "1", "initialBudget"), adjustedBudget: cell(.t09, "1", "adjustedBudget"),
                actual: cell(.t09, "1", "actual"))
            if total != BudgetFigures() { input.threePublic.suppliedTotal = total }
        }
        // Statistics: the table's figure, else the text's.
        func statistic(_ row: String, _ clause: String, _ name: String) -> Int? {
            count(.t09, row, "actual")
                ?? book.clause(clause)?.figures[name].map { NSDecimalNumber(decimal: $0.value).intValue }
        }
        input.threePublic.statistics = ThreePublicStatistics(
            abroadGroups: statistic("11", "s5.abroad", "groups"),
            abroadPersonTimes: statistic("12", "s5.abroad", "persons"),
            vehiclesPurchased: statistic("13", "s5.vehiclePurchase", "purchased"),
            vehiclesHeld: statistic("14", "s5.vehicleOperation", "held"),
            domesticReceptionBatches: statistic("15", "s5.reception", "batches"),
            foreignAffairsReceptionBatches: count(.t09, "16", "actual"),
            domesticReceptionPersonTimes: statistic("17", "s5.reception", "persons"),
            foreignAffairsReceptionPersonTimes: count(.t09, "18", "actual"),
            overseasReceptionBatches: count(.t09, "19", "actual"),
            overseasReceptionPersonTimes: count(.t09, "20", "actual"))
        let assets = book.clause("s8.assets")
        func vehicles(_ row: Int, _ name: String) -> Int? {
            count(.t10, String(row), "value")
                ?? assets?.figures[name].map { NSDecimalNumber(decimal: $0.value).intValue }
        }
        let kinds = NarrativeReader.vehicleKinds.enumerated().map { vehicles($0.offset + 2, $0.element.0) }
        input.assets = Assets(
            vehicles: Vehicles(
                ministerial: kinds[0], principal: kinds[1], confidential: kinds[2], emergency: kinds[3],
                lawEnforcement: kinds[4], specialTechnical: kinds[5], retiredCadres: kinds[6], other: kinds[7],
                suppliedTotal: vehicles(1, "vehicles")),
            equipmentOverOneMillion: vehicles(10, "equipment"))
    }

    // MARK: - 第三部分

    /// Last year's figure: the text's current figure ∓ its change.
    func prior(_ key: String) -> Amount? {
        guard let clause = book.clause(key), let change = clause.change,
            let current = clause.figures[TextChecks.currentName(clause)]
        else { return nil }
        switch change.direction {
        case .same: return current.amount
        case .up: return change.amount.map { current.amount - $0.amount }
        case .down: return change.amount.map { current.amount + $0.amount }
        }
    }

    /// A reason as the department wrote it (without the final `。`; the placeholder is no reason).
    func reason(_ key: String, _ slot: String = "reason") -> String? {
        guard var text = book.clause(key)?.texts[slot] else { return nil }
        if text.contains("此处请补充内容") { return nil }
        while let last = text.last, "。；，".contains(last) { text.removeLast() }
        return text.isEmpty ? nil : text
    }

    private mutating func narrative() {
        var prior = PriorYear()
        prior.carryIn = self.prior("s1.carryIn")
        prior.nonFiscalBalanceUsed = self.prior("s1.nonFiscal")
        prior.income = self.prior("s1.income")
        prior.expenditure = self.prior("s2.expenditure")
        prior.surplusDistribution = self.prior("s2.surplus")
        prior.carryOut = self.prior("s2.carryOut")
        let groups = BasicGroups(
            wages: self.prior("s4.wages"), goodsAndServices: self.prior("s4.goodsAndServices"),
            subsidies: self.prior("s4.subsidies"), capital: self.prior("s4.capital"))
        if groups != BasicGroups() { prior.basic = groups }
        let three = PriorThreePublic(
            abroad: self.prior("s5.abroad"), vehiclePurchase: self.prior("s5.vehiclePurchase"),
            vehicleOperation: self.prior("s5.vehicleOperation"), reception: self.prior("s5.reception"),
            suppliedTotal: self.prior("s5.total"))
        if three != PriorThreePublic() { prior.threePublic = three }
        prior.operatingCosts = self.prior("s6.costs")
        input.priorYear = prior
        for (key, label) in [
            ("s1.income", "本年收入合计"), ("s2.expenditure", "本年支出合计"), ("s2.carryOut", "年末结转和结余"), ("s4.wages", "工资福利支出"),
            ("s6.costs", "机关运行经费"),
        ] where book.clause(key) != nil && self.prior(key) == nil {
            note(book.clause(key)!.place, book.clause(key)!.line, "找不到\(label)与上年的比较，上年数未填")
        }

        var reasons = Reasons()
        reasons.income = reason("s1.income")
        reasons.expenditure = reason("s2.expenditure")
        reasons.carryOut = reason("s2.carryOut")
        var categories: [String: String] = [:]
        var budgets: [String: Amount] = [:]
        for clause in report.clauses where clause.key.hasPrefix("s3.") && clause.key != "s3.total" {
            guard let code = clause.texts["code"] else {
                note(clause.place, clause.line, "类名“\(clause.label)”不是标准功能分类类级科目，年初预算数未录入")
                continue
            }
            if let budget = clause.figures["budget"] { budgets[code] = budget.amount }
            if let text = reason(clause.key) { categories[code] = text }
        }
        reasons.categories = categories.isEmpty ? nil : categories
        let basic = BasicGroupReasons(
            wages: reason("s4.wages"), goodsAndServices: reason("s4.goodsAndServices"),
            subsidies: reason("s4.subsidies"),
            capital: reason("s4.capital"))
        reasons.basic = basic == BasicGroupReasons() ? nil : basic
        let threeReasons = ThreePublicReasons(
            abroad: ItemReasons(
                budget: reason("s5.abroad", "budgetReason"), change: reason("s5.abroad", "changeReason"),
                description: reason("s5.abroad", "description")),
            vehiclePurchase: BudgetChangeReasons(
                budget: reason("s5.vehiclePurchase", "budgetReason"),
                change: reason("s5.vehiclePurchase", "changeReason")),
            vehicleOperation: BudgetChangeReasons(
                budget: reason("s5.vehicleOperation", "budgetReason"),
                change: reason("s5.vehicleOperation", "changeReason")),
            reception: ItemReasons(
                budget: reason("s5.reception", "budgetReason"), change: reason("s5.reception", "changeReason"),
                description: reason("s5.reception", "description")))
        reasons.threePublic = threeReasons
        reasons.operatingCosts = reason("s6.costs")
        reasons.otherVehiclesUse = reason("s8.assets", "otherUse")
        input.reasons = reasons

        input.fiscalInitialBudget = FiscalInitialBudget(
            byCategory: budgets, suppliedTotal: figure("s3.total", "budget"))

        // 政府采购: the amounts, and each kind's SME amount from its share.
        var procurement = Procurement(
            goods: figure("s7.goods"), works: figure("s7.works"), services: figure("s7.services"),
            micro: figure("s7.micro"), suppliedTotal: figure("s7.total"))
        func sme(_ amount: Amount?, _ share: String) -> Amount? {
            guard let amount, let percent = figure(share, "share") else { return nil }
            return Amount(Format.rounded(amount.value * percent.value / 100))
        }
        procurement.smeGoods = sme(procurement.goods, "s7.goodsShare")
        procurement.smeWorks = sme(procurement.works, "s7.worksShare")
        procurement.smeServices = sme(procurement.services, "s7.servicesShare")
        if let stated = figure("s7.sme") {
            // Each kind's amount × its printed share, rounded, may miss the printed total by a cent or two: the
            // largest kind takes the difference where its share still prints the same.
            let difference = stated - procurement.smeTotal
            let kinds: [(WritableKeyPath<Procurement, Amount?>, Amount?, String)] = [
                (\.smeGoods, procurement.goods, "s7.goodsShare"), (\.smeWorks, procurement.works, "s7.worksShare"),
                (\.smeServices, procurement.services, "s7.servicesShare"),
            ]
            if !difference.isZero, difference.magnitude.value <= Decimal(string: "0.03")!,
                let largest = kinds.max(by: { ($0.1 ?? .zero) < ($1.1 ?? .zero) }), let whole = largest.1,
                !whole.isZero,
                let share = book.clause(largest.2)?.figures["share"]
            {
                let adjusted = procurement[keyPath: largest.0].orZero + difference
                if Format.rounded(adjusted.value / whole.value * 100, places: share.places) == share.value {
                    procurement[keyPath: largest.0] = adjusted
                }
            }
        }
        if let stated = figure("s7.sme"), procurement.smeTotal != stated {
            note(
                "第三部分 七", book.clause("s7.sme")?.line ?? 0,
                "授予中小企业合同金额 \(Format.amount(stated)) 万元，由货物、工程、服务的金额和占比算得 \(Format.amount(procurement.smeTotal)) 万元；按各类占比录入"
            )
        }
        input.procurement = procurement

        if let costs = figure("s6.costs"), let publicExpenses = cell(.t06, "publicExpenses", "amount"),
            costs != publicExpenses
        {
            input.operatingCosts = costs
        } else if report.tables[.t06] == nil {
            input.operatingCosts = figure("s6.costs")
        }
    }

    // MARK: - 第三部分 九

    private mutating func performance() {
        let texts = report.texts
        var summary = SelfEvaluationSummary(grades: GradeCounts(), amount: figure("s9.selfEvaluation") ?? .zero)
        if let clause = book.clause("s9.selfEvaluation") {
            func grade(_ key: String) -> Int? {
                clause.figures[key].map { NSDecimalNumber(decimal: $0.value).intValue }
            }
            summary.grades = GradeCounts(
                excellent: grade("excellent"), good: grade("good"), fair: grade("fair"), poor: grade("poor"))
            let projects = grade("projects")
            let stated = ["excellent", "good", "fair", "poor"].filter { clause.figures[$0] != nil }
            if stated.isEmpty, let sentence = clause.texts["gradeSentence"] {
                // `专项项目评价结果为“优”` / `其中，“A”评价结果为“优”`: every project has that grade.
                if let match = sentence.firstMatch(of: /评价结果为“(.)”/) {
                    let all = projects ?? max(1, texts.selfEvaluations.count)
                    switch match.1 {
                    case "优": summary.grades.excellent = all
                    case "良": summary.grades.good = all
                    case "中": summary.grades.fair = all
                    case "差": summary.grades.poor = all
                    default: break
                    }
                    if all == 1, texts.selfEvaluations.count == 1 { summary.gradeSentence = .singleProject }
                }
            } else if !stated.isEmpty && stated.count < 4 {
                summary.gradeSentence = .gradesWithProjects
            }
            if let share = clause.figures["share"], !share.value.isZero, let amount = clause.figures["amount"],
                let project = report.tables[.t03]?["", "project"]
            {
                let computed = Format.rounded(amount.value / project.value * 100, places: share.places)
                if project.value.isZero || computed != share.value {
                    summary.projectExpenditureTotal = Amount(Format.rounded(amount.value / share.value * 100))
                }
            }
        }
        input.performance.selfEvaluation = summary
        if let clause = book.clause("s9.departmentEvaluation") {
            var projects = clause.texts["projects"].map(ReportTexts.list) ?? []
            if projects.isEmpty, let subject = clause.texts["subject"] {
                projects = subject.matches(of: /“([^”]+)”/).map { String($0.1) }
            }
            input.performance.departmentEvaluation = DepartmentEvaluation(
                projects: projects, generalBudget: clause.figures["generalBudget"]?.amount,
                governmentFund: clause.figures["governmentFund"]?.amount,
                stateCapital: clause.figures["stateCapital"]?.amount, assessment: clause.texts["assessment"] ?? "")
        }
        if let clause = book.clause("s9.overallEvaluation") {
            input.performance.overallEvaluation = OverallEvaluation(
                generalBudget: clause.figures["generalBudget"]?.amount,
                governmentFund: clause.figures["governmentFund"]?.amount, grade: clause.texts["grade"] ?? "优",
                assessment: clause.texts["assessment"] ?? "")
        }
        input.performance.selfEvaluationText = texts.selfEvaluationText
        if let leadIn = texts.tablesLeadIn {
            input.performance.tablesLeadIn = leadIn.hasSuffix("自评结果如下：") ? .results : nil
        } else if !texts.selfEvaluations.isEmpty {
            input.performance.tablesLeadIn = TablesLeadIn.none
        }
        var tables: [SelfEvaluationTable] = []
        for printed in texts.selfEvaluations { tables.append(selfEvaluationTable(printed)) }
        input.performance.selfEvaluationTables = tables
        input.performance.departmentEvaluationNotes =
            texts.departmentEvaluationNotes.isEmpty ? nil : texts.departmentEvaluationNotes
    }

    private mutating func selfEvaluationTable(_ printed: PrintedSelfEvaluation) -> SelfEvaluationTable {
        let place = "第三部分 九（二）项目支出绩效自评表“\(printed.projectName)”"
        let fundsRow = printed.fiscal ?? printed.total
        func funds(_ row: PrintedSelfEvaluation.Funds?) -> ProjectFunds? {
            guard let row else { return nil }
            return ProjectFunds(
                initialBudget: row.initialBudget?.amount ?? .zero, adjustedBudget: row.adjustedBudget?.amount ?? .zero,
                executed: row.executed?.amount ?? .zero)
        }
        var indicators: [PerformanceIndicator] = []
        for indicator in printed.indicators {
            var indicator = indicator
            for (level, value) in [("一级指标", indicator.level1), ("二级指标", indicator.level2), ("三级指标", indicator.name)]
            where value.isEmpty {
                note(place, indicator.line, "指标“\(indicator.name)”的\(level)读不出，填作“（未读出）”")
            }
            if indicator.level1.isEmpty { indicator.level1 = "（未读出）" }
            if indicator.level2.isEmpty { indicator.level2 = "（未读出）" }
            if indicator.name.isEmpty { indicator.name = "（未读出）" }
            if indicator.weight == nil || indicator.score == nil {
                note(place, indicator.line, "指标“\(indicator.name)”的分值或得分读不出，按 0 填写")
            }
            indicators.append(
                PerformanceIndicator(
                    level1: indicator.level1, level2: indicator.level2, name: indicator.name,
                    target: indicator.target.isEmpty ? nil : indicator.target,
                    actual: indicator.actual.isEmpty ? nil : indicator.actual, weight: indicator.weight?.value ?? 0,
                    score: indicator.score?.value ?? 0,
                    deviation: indicator.deviation.isEmpty ? nil : indicator.deviation))
        }
        let other = funds(printed.other)
        let fundsScore = printed.total?.score?.value ?? printed.fiscal?.score?.value ?? 0
        let scores = indicators.map(\.score).reduce(fundsScore, +)
        var supplied = printed.scoreTotal?.value
        if let stated = supplied, stated != scores {
            note(
                place, printed.totalLine ?? printed.line,
                "总分行的得分 \(TextChecks.plain(stated)) 与各行得分之和 \(TextChecks.plain(scores)) 不符，未录入（由各行计算）")
            supplied = nil
        }
        return SelfEvaluationTable(
            projectName: printed.projectName, supervisor: printed.supervisor, implementer: printed.implementer,
            fiscalFunds: funds(fundsRow) ?? ProjectFunds(initialBudget: .zero, adjustedBudget: .zero, executed: .zero),
            otherFunds: other, fundsWeight: printed.total?.weight?.value, fundsScore: fundsScore,
            fundsDeviation: printed.fundsDeviation, goal: printed.goal, result: printed.result, indicators: indicators,
            suppliedTotalScore: supplied)
    }

    // MARK: - 第四、五部分

    private mutating func glossaryAndAnnex() {
        let texts = report.texts
        if !texts.glossaryIncome.isEmpty || !texts.glossaryExpenditure.isEmpty {
            input.glossary = Glossary(
                income: texts.glossaryIncome.isEmpty ? nil : texts.glossaryIncome,
                expenditure: texts.glossaryExpenditure.isEmpty ? nil : texts.glossaryExpenditure,
                numbering: texts.glossaryNumbering == .chineseParenthesized ? nil : texts.glossaryNumbering)
        }
        input.annex = texts.annex
    }

    // MARK: - Totals the leaves contradict

    /// Leaves out every official total the validator finds contradicted by its leaves beyond the rounding bound
    /// (a fatal IN-08): the file then renders, and the total is listed with the audit's reason.
    mutating func dropContradictedTotals() {
        for _ in 0..<8 {
            let preparation = ReportPreparation(input)
            let contradicted = preparation.fatal.filter { $0.rule == RuleCatalogue.suppliedTotal.id }
            guard !contradicted.isEmpty else { break }
            for finding in contradicted {
                let path = finding.location.inputPath
                guard let parsed = JSONPath(parsing: path), Self.remove(parsed, from: &input) else { continue }
                let message = finding.message.components(separatedBy: "：请核对").first ?? finding.message
                note(
                    finding.location.place.isEmpty ? "核对用合计" : finding.location.place, 0,
                    "所印的合计与它的明细不符（审核的错误），未录入（\(path)）：\(message)")
            }
        }
    }

    /// The department file has no place for the grand totals of 公开01表 and 04表: they are the sums of what it
    /// holds. Where the printed one differs from that sum (a report computed in 元, its 总计 rounded on its own),
    /// the note says which figure a report made from the file prints.
    mutating func noteRecomputedGrandTotals() {
        let accounts = Accounts(input)
        let totals: [(PublicTable, String, String, Amount)] = [
            (.t01, "31", "amount", accounts.grandTotal),
            (.t04, "32", "amount", accounts.fiscalGrandTotal),
        ]
        for (table, row, column, computed) in totals {
            guard let printed = cell(table, row, column), printed != computed else { continue }
            note(
                "\(table.label) 行 \(row)", book.line(.c(table, row, column)),
                "总计印为 \(Format.amount(printed)) 万元，文件没有总计一项，由所录各项算得 \(Format.amount(computed)) 万元：据此生成的报告印后者")
        }
    }

    /// Removes the official total at `path` (`$.fiscalInitialBudget.total`, `$.subjects[3].income.total` …); false
    /// for a path that is not an official total.
    static func remove(_ path: JSONPath, from input: inout DepartmentInput) -> Bool {
        var keys: [String] = []
        var index: Int?
        for component in path.components {
            switch component {
            case .key(let key): keys.append(key)
            case .index(let value): index = value
            }
        }
        switch keys {
        case _ where keys.count == 3 && keys[0] == "subjects":
            guard let index, input.subjects.indices.contains(index) else { return false }
            return clear(group: keys[1], field: keys[2], in: &input.subjects[index])
        case _ where keys.count == 3 && keys[0] == "subjectTotals":
            guard let totals = input.subjectTotals else { return false }
            var subject = Subject(
                code: "", name: nil, income: totals.income, expenditure: totals.expenditure,
                generalBudgetExpenditure: totals.generalBudgetExpenditure, governmentFund: totals.governmentFund,
                stateCapitalExpenditure: totals.stateCapitalExpenditure)
            guard clear(group: keys[1], field: keys[2], in: &subject) else { return false }
            input.subjectTotals = SubjectTotals(
                income: subject.income, expenditure: subject.expenditure,
                generalBudgetExpenditure: subject.generalBudgetExpenditure, governmentFund: subject.governmentFund,
                stateCapitalExpenditure: subject.stateCapitalExpenditure)
        case ["basicExpenditureByEconomicCode", "amount"]:
            guard let index, input.basicExpenditureByEconomicCode.indices.contains(index) else { return false }
            input.basicExpenditureByEconomicCode.remove(at: index)
        case ["basicExpenditureTotals", "personnel"]: input.basicExpenditureTotals?.personnel = nil
        case ["basicExpenditureTotals", "publicExpenses"]: input.basicExpenditureTotals?.publicExpenses = nil
        case ["carryOver", "end", "total"]: input.carryOver.suppliedEnd?.total = nil
        case ["carryOver", "end", "fiscal"]: input.carryOver.suppliedEnd?.fiscal = nil
        case ["threePublic", "total", "initialBudget"]: input.threePublic.suppliedTotal?.initialBudget = nil
        case ["threePublic", "total", "adjustedBudget"]: input.threePublic.suppliedTotal?.adjustedBudget = nil
        case ["threePublic", "total", "actual"]: input.threePublic.suppliedTotal?.actual = nil
        case ["fiscalInitialBudget", "total"]: input.fiscalInitialBudget.suppliedTotal = nil
        case ["procurement", "total"]: input.procurement.suppliedTotal = nil
        case ["priorYear", "threePublic", "total"]: input.priorYear.threePublic?.suppliedTotal = nil
        default: return false
        }
        return true
    }

    /// Clears one column of a subject row (`income.total`, `expenditure.basic` …).
    static func clear(group: String, field: String, in subject: inout Subject) -> Bool {
        switch (group, field) {
        case ("income", "total"): subject.income?.total = nil
        case ("income", "generalBudget"): subject.income?.generalBudget = nil
        case ("income", "governmentFund"): subject.income?.governmentFund = nil
        case ("income", "stateCapital"): subject.income?.stateCapital = nil
        case ("income", "superiorSubsidy"): subject.income?.superiorSubsidy = nil
        case ("income", "business"): subject.income?.business = nil
        case ("income", "operating"): subject.income?.operating = nil
        case ("income", "affiliated"): subject.income?.affiliated = nil
        case ("income", "other"): subject.income?.other = nil
        case ("expenditure", "total"): subject.expenditure?.total = nil
        case ("expenditure", "basic"): subject.expenditure?.basic = nil
        case ("expenditure", "project"): subject.expenditure?.project = nil
        case ("expenditure", "toSuperior"): subject.expenditure?.toSuperior = nil
        case ("expenditure", "operating"): subject.expenditure?.operating = nil
        case ("expenditure", "toAffiliated"): subject.expenditure?.toAffiliated = nil
        case ("generalBudgetExpenditure", "total"): subject.generalBudgetExpenditure?.total = nil
        case ("generalBudgetExpenditure", "basic"): subject.generalBudgetExpenditure?.basic = nil
        case ("generalBudgetExpenditure", "project"): subject.generalBudgetExpenditure?.project = nil
        case ("governmentFund", "carryIn"): subject.governmentFund?.carryIn = nil
        case ("governmentFund", "basic"): subject.governmentFund?.basic = nil
        case ("governmentFund", "project"): subject.governmentFund?.project = nil
        case ("governmentFund", "carryOut"): subject.governmentFund?.carryOut = nil
        case ("stateCapitalExpenditure", "total"): subject.stateCapitalExpenditure?.total = nil
        case ("stateCapitalExpenditure", "basic"): subject.stateCapitalExpenditure?.basic = nil
        case ("stateCapitalExpenditure", "project"): subject.stateCapitalExpenditure?.project = nil
        default: return false
        }
        subject = withoutEmpty(subject)
        return true
    }
}

extension ReportImport {
    /// Whether the file at `path` is a published report rather than a department file: neither JSON nor an .xlsx
    /// workbook (a Word document, or text that does not start with `{`).
    public static func isPublishedReport(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = Array(handle.readData(ofLength: 4096))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // A ZIP: a workbook has `xl/`, a Word document `word/` in its first entries' names.
            return !path.lowercased().hasSuffix(".xlsx") && String(decoding: head, as: UTF8.self).contains("word/")
        }
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
        return first != UInt8(ascii: "{") && !path.lowercased().hasSuffix(".json")
    }

    /// Last year's department as its published report states it, for `juesuan workbook --prior`.
    public static func department(path: String) -> Result<ImportedDepartment, ReportReadError> {
        ReportFile.read(path: path).map { department(from: PublishedReport($0)) }
    }
}
