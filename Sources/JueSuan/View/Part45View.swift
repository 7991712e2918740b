/// 第四部分 名词解释 (三、相关专业名词 is fixed text in the template).
public struct Part4View: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        /// `（一）`.
        public var number: String
        public var term: String
        public var definition: String
    }

    public var income: [Entry]
    public var expenditure: [Entry]
    /// Whether 二、支出科目 has entries.
    public var hasExpenditure: Bool
}

/// 第五部分 附件.
public struct Part5View: Encodable, Sendable {
    public var blocks: [BlockView]
    @Nullable public var closingLine: String?
}

extension ViewBuilder {
    mutating func buildPart4() -> Part4View {
        func numbered(_ entries: [GlossaryEntry]) -> [Part4View.Entry] {
            entries.enumerated().map {
                Part4View.Entry(
                    number: ChineseNumeral.parenthesized($0.offset + 1), term: $0.element.term,
                    definition: $0.element.definition)
            }
        }
        let income = numbered(input.glossary?.income ?? standardIncomeEntries())
        let expenditure = numbered(input.glossary?.expenditure ?? standardExpenditureEntries())
        return Part4View(income: income, expenditure: expenditure, hasExpenditure: !expenditure.isEmpty)
    }

    /// 一、收入科目 from the lines the department has: 财政拨款 always, the other income lines when nonzero, and
    /// 上年结转和结余 when there is a carry-over.
    private func standardIncomeEntries() -> [GlossaryEntry] {
        let income = accounts.total.income
        var entries = [
            GlossaryEntry(
                term: "财政拨款", definition: GlossaryLibrary.financialAppropriation(level: input.department.level))
        ]
        let optional: [(Amount, String, String)] = [
            (income.business, "事业收入", GlossaryLibrary.business),
            (income.operating, "事业单位经营收入", GlossaryLibrary.operating),
            (income.affiliated, "附属单位上缴收入", GlossaryLibrary.affiliated),
            (income.superiorSubsidy, "上级补助收入", GlossaryLibrary.superiorSubsidy),
            (income.other, "其他收入", GlossaryLibrary.other),
            (accounts.nonFiscalBalanceUsed, "使用非财政拨款结余", GlossaryLibrary.nonFiscalBalanceUsed(year: input.year)),
            (accounts.carryIn, "上年结转和结余", GlossaryLibrary.priorCarryOver(year: input.year)),
        ]
        for (amount, term, definition) in optional where !amount.isZero {
            entries.append(GlossaryEntry(term: term, definition: definition))
        }
        return entries
    }

    /// 二、支出科目: one entry per 项 the department used, `类（类）款（款）项（项）`, with the standard definition
    /// (the placeholder when there is none — validation reports it).
    private mutating func standardExpenditureEntries() -> [GlossaryEntry] {
        let names = Dictionary(accounts.subjectLines.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var entries: [GlossaryEntry] = []
        for line in accounts.subjectLines where line.level == .item {
            let term =
                "\(names[line.categoryCode] ?? "")（类）\(names[String(line.code.prefix(5))] ?? "")（款）\(line.name)（项）"
            let definition = reason(
                GlossaryLibrary.subjects[line.code], expected: true, path: "$.glossary.expenditure",
                location: "第四部分 二 \(term)")
            entries.append(
                GlossaryEntry(term: term, definition: definition.missing ? definition.text : definition.text + "。"))
        }
        return entries
    }

    func buildPart5() -> Part5View {
        Part5View(
            blocks: input.annex.map(BlockView.init),
            closingLine: input.closingLine.flatMap { $0.isEmpty ? nil : $0 })
    }
}
