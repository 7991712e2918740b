import Documents
import Foundation
import Testing

@testable import JueSuan

/// Properties of the derivation over generated departments (the seeded `SplitMix64`, so a failure is reproducible):
/// 类 = Σ款 = Σ项 in every subject table, table 01 balances, 04 = 05 + 07 + 08 by 类, 05 基本支出 = 06 人员经费 +
/// 公用经费, and the printed shares of a total's parts add up to 100.00% within the rounding of each part. The
/// properties are checked on the rendered tables and text, not only on the numbers inside.
@Suite struct PropertyTests {
    /// A coherent department: the fiscal spending of each 项 is within its total spending, the fiscal carry-over is
    /// not negative, and 06 adds up to the 一般公共预算 基本支出.
    static func department(seed: UInt64) throws -> DepartmentInput {
        var random = SplitMix64(state: seed)
        var input = try decodeInput(try fixtureText("minimal.json")).get()
        input.subjects = []
        let categories = random.shuffled(["201", "205", "208", "210", "212", "221", "229"]).prefix(random.int(1...5))
        var basicTotal = Amount.zero
        for category in categories.sorted() {
            input.subjects.append(Subject(code: category))
            for section in 1...random.int(1...3) {
                let sectionCode = category + String(format: "%02d", section)
                input.subjects.append(Subject(code: sectionCode, name: "款\(sectionCode)"))
                for item in 1...random.int(1...3) {
                    let code = sectionCode + String(format: "%02d", item)
                    let gbBasic = random.amount(max: 500)
                    let gbProject = random.amount(max: 200)
                    let fundProject = random.int(0...3) == 0 ? random.amount(max: 50) : .zero
                    let soeBasic = random.int(0...4) == 0 ? random.amount(max: 30) : .zero
                    let otherBasic = random.amount(max: 20)
                    basicTotal = basicTotal + gbBasic
                    var subject = Subject(code: code, name: "项\(code)")
                    subject.income = SubjectIncome(
                        generalBudget: gbBasic + gbProject, governmentFund: fundProject, stateCapital: soeBasic,
                        superiorSubsidy: random.amount(max: 10), business: random.amount(max: 10),
                        operating: nil, affiliated: nil, other: otherBasic, total: nil)
                    subject.expenditure = SubjectExpenditure(
                        basic: gbBasic + soeBasic + otherBasic, project: gbProject + fundProject, toSuperior: nil,
                        operating: nil, toAffiliated: nil, total: nil)
                    subject.generalBudgetExpenditure = BasicProjectSplit(basic: gbBasic, project: gbProject, total: nil)
                    if !fundProject.isZero {
                        subject.governmentFund = GovernmentFundRow(
                            carryIn: nil, basic: nil, project: fundProject, carryOut: nil)
                    }
                    if !soeBasic.isZero {
                        subject.stateCapitalExpenditure = BasicProjectSplit(basic: soeBasic, project: nil, total: nil)
                    }
                    input.subjects.append(subject)
                }
            }
        }
        // Table 06: split the 基本支出 over a few codes, the last one takes the remainder.
        let codes = ["30101", "30102", "30201", "30302", "31002"]
        var rest = basicTotal
        input.basicExpenditureByEconomicCode = []
        for code in codes.dropLast() {
            let part = Amount(Format.rounded(rest.value * Decimal(random.int(0...40)) / 100, places: 6))
            rest = rest - part
            input.basicExpenditureByEconomicCode.append(EconomicAmount(code: code, amount: part))
        }
        input.basicExpenditureByEconomicCode.append(EconomicAmount(code: codes.last!, amount: rest))
        input.carryOver.start.nonFiscal = random.amount(max: 30)
        input.carryOver.start.generalBudget = random.amount(max: 30)
        return input
    }

    static let seeds: [UInt64] = Array(1...40)

    /// The body rows of the rendered table `sheet` as text grids.
    static func rows(_ document: Document, _ sheet: String) -> [[String]] {
        for case .table(let table) in document.blocks where table.sheetName == sheet {
            return TableGrid(rows: table.body, columnCount: table.columns.count).texts
        }
        return []
    }

    static func amount(_ text: String) -> Decimal {
        text.isEmpty ? 0 : Decimal(string: text.replacingOccurrences(of: ",", with: ""))!
    }

    @Test(arguments: seeds)
    func derivedFiguresHoldTogether(seed: UInt64) throws {
        let input = try Self.department(seed: seed)
        let accounts = Accounts(input)
        // 类 = Σ款 = Σ项 (exactly), for every column group.
        for line in accounts.subjectLines where line.level != .item {
            let children = accounts.subjectLines.filter {
                $0.code.count == line.code.count + 2 && $0.code.hasPrefix(line.code)
            }
            #expect(children.map(\.income).sum() == line.income)
            #expect(children.map(\.expenditure).sum() == line.expenditure)
            #expect(children.map(\.generalBudget).sum() == line.generalBudget)
            #expect(children.map(\.fund).sum() == line.fund)
            #expect(children.map(\.stateCapital).sum() == line.stateCapital)
        }
        // Table 01 balances; 04 = 05 + 07 + 08 by 类; 05 基本支出 = 06.
        #expect(accounts.grandTotal == accounts.expenditureTotal + accounts.surplusDistribution + accounts.carryOut)
        for category in FunctionalCategories.all {
            let line = accounts.category(category.code)
            let sources = accounts.fiscalExpenditure(category: category.code)
            #expect(
                sources.total
                    == (line?.generalBudget.total ?? .zero) + (line?.fund.spending.total ?? .zero)
                    + (line?.stateCapital.total ?? .zero))
        }
        #expect(accounts.total.generalBudget.basic == accounts.table06.total)
        // The rendered report has no fatal finding (the department is coherent).
        let checked = CheckedReport(input)
        #expect(checked.fatal == [], "\(checked.fatal)")
    }

    @Test(arguments: seeds)
    func printedTablesAddUp(seed: UInt64) throws {
        let input = try Self.department(seed: seed)
        let document = try #require(CheckedReport(input).rendered).document
        // 01: 总计 on both sides are equal; 本年收入合计 = rows 1–8 within their rounding.
        let t01 = Self.rows(document, "公开01表")
        let left = t01.first { $0[0] == "总计" }!
        #expect(left[2] == left[5])
        let incomeRows = t01.prefix(8).map { Self.amount($0[2]) }
        let incomeTotal = Self.amount(t01.first { $0[0] == "本年收入合计" }![2])
        #expect(abs(incomeRows.reduce(0, +) - incomeTotal) <= Decimal(8) * Decimal(string: "0.005")!)
        // 04 合计 column = 一般公共预算 + 政府性基金 + 国有资本经营 for each category row, within rounding.
        for row in Self.rows(document, "公开04表") where !row[5].isEmpty {
            let parts = Self.amount(row[6]) + Self.amount(row[7]) + Self.amount(row[8])
            #expect(abs(parts - Self.amount(row[5])) <= Decimal(string: "0.015")!, "\(row)")
        }
    }

    @Test(arguments: seeds)
    func sharesAddUpToOneHundred(seed: UInt64) throws {
        let input = try Self.department(seed: seed)
        let view = ReportView.build(Accounts(input))
        for shares in [
            [
                view.part3.s1.fiscal, view.part3.s1.business, view.part3.s1.operating, view.part3.s1.superiorSubsidy,
                view.part3.s1.affiliated, view.part3.s1.other,
            ],
            [
                view.part3.s2.basic, view.part3.s2.project, view.part3.s2.operating, view.part3.s2.toSuperior,
                view.part3.s2.toAffiliated,
            ],
        ] {
            let percents = shares.map { Decimal(string: String($0.share.dropLast()))! }
            let sum = percents.reduce(0, +)
            guard sum != 0 else { continue }
            // Each printed share is within 0.005 of the exact one, so the sum is within 0.005 × parts of 100.
            #expect(abs(sum - 100) <= Decimal(shares.count) * Decimal(string: "0.005")!, "\(percents)")
        }
    }
}

extension SplitMix64 {
    /// An amount with up to 6 decimals (as if converted from 元), between 0 and `max` 万元; 0 one time in five.
    mutating func amount(max: Int) -> Amount {
        if int(0...4) == 0 { return .zero }
        return Amount(Decimal(int(0...(max * 1_000_000))) / 1_000_000)
    }
}
