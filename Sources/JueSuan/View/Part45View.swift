/// 第四部分 名词解释: 一、收入科目 and 二、支出科目 (the department's entries or the standard ones) and 三、相关专业名词
/// (standard), each numbered and punctuated as the department chose (`Glossary`).
public struct Part4View: Encodable, Sendable {
    public struct Entry: Encodable, Sendable {
        /// `（一）`, `1.` … (empty with the numbering “无”).
        public var number: String
        public var term: String
        /// The explanation; empty for a parent entry that has only sub-entries.
        public var definition: String
        /// `：` (or the department's `；`, `，`).
        public var separator: String
        /// `number + term + separator + definition` (without separator and definition when there is none).
        public var line: String
        /// Sub-entries (the 项 under a 类/款 entry), with their own numbering.
        public var entries: [Entry]
    }

    public var income: [Entry]
    public var expenditure: [Entry]
    /// 三、相关专业名词.
    public var terms: [Entry]
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
        let glossary = input.glossary
        let numbering = glossary?.numbering ?? .chineseParenthesized
        let subNumbering = glossary?.subNumbering ?? .arabicDot
        let separator = (glossary?.separator ?? .colon).rawValue
        func entry(_ number: String, _ term: String, _ definition: String, _ entries: [Part4View.Entry])
            -> Part4View.Entry
        {
            Part4View.Entry(
                number: number, term: term, definition: definition, separator: separator,
                line: number + term + (definition.isEmpty ? "" : separator + definition), entries: entries)
        }
        /// The department's entries; an entry with neither a definition nor sub-entries gets the placeholder.
        func numbered(_ entries: [GlossaryEntry], path: String) -> [Part4View.Entry] {
            entries.enumerated().map { index, item in
                let subEntries = (item.entries ?? []).enumerated().map { subIndex, sub in
                    entry(
                        DutyNumberingStyle.number(subIndex + 1, subNumbering), sub.term, sub.definition ?? "", [])
                }
                var definition = item.definition ?? ""
                if definition.isEmpty && subEntries.isEmpty {
                    definition =
                        reason(
                            nil, expected: true, path: "\(path)[\(index)].definition",
                            location: "第四部分 \(item.term)"
                        ).text
                }
                return entry(DutyNumberingStyle.number(index + 1, numbering), item.term, definition, subEntries)
            }
        }
        let income = numbered(glossary?.income ?? standardIncomeEntries(), path: "$.glossary.income")
        let expenditure = numbered(
            glossary?.expenditure ?? standardExpenditureEntries(), path: "$.glossary.expenditure")
        let terms = GlossaryLibrary.professionalTerms.enumerated().map { index, item in
            entry(DutyNumberingStyle.number(index + 1, numbering), item.term, item.definition, [])
        }
        return Part4View(income: income, expenditure: expenditure, terms: terms, hasExpenditure: !expenditure.isEmpty)
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
