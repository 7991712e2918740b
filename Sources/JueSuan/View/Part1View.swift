/// 第一部分 概况.
public struct Part1View: Encodable, Sendable {
    public struct Unit: Encodable, Sendable {
        public var index: String
        public var name: String
        public var budgetLevel: String
    }

    /// Whether the duties are introduced by `主要职责是：`.
    public var dutiesLead: Bool
    /// The duties with their numbers.
    public var duties: [NumberedText]
    /// Exactly one unit: `即{name}（本级）`.
    public var singleUnit: Bool
    public var unitCount: String
    /// The single unit's name.
    public var unitName: String
    /// Several units: the table rows.
    public var units: [Unit]
    /// Whether the 内设机构 sentence is printed.
    public var hasInstitutions: Bool
    public var institutionCount: String
    /// `地方立法研究室、人大代表履职服务中心`.
    public var institutions: String
    public var staffInPost: String
    public var staffOther: String
    public var retired: String
    public var retiredPaidByUnit: String
    public var retiredPaidByPensionFund: String
}

extension ViewBuilder {
    func buildPart1() -> Part1View {
        let department = input.department
        let numbering = department.duties.numbering ?? .chineseParenthesized
        let duties = department.duties.items.enumerated().map { index, item in
            NumberedText(number: DutyNumberingStyle.number(index + 1, numbering), text: item)
        }
        let institutions = department.internalInstitutions ?? []
        let staff = department.staff
        return Part1View(
            dutiesLead: department.duties.leadLine ?? false,
            duties: duties,
            singleUnit: department.units.count == 1,
            unitCount: String(department.units.count),
            unitName: department.units.first?.name ?? department.name,
            units: department.units.enumerated().map {
                Part1View.Unit(
                    index: String($0.offset + 1), name: $0.element.name, budgetLevel: $0.element.budgetLevel ?? "")
            },
            hasInstitutions: !institutions.isEmpty,
            institutionCount: String(institutions.count),
            institutions: institutions.joined(separator: "、"),
            staffInPost: String(staff.inPost),
            staffOther: String(staff.other),
            retired: String(staff.retired),
            retiredPaidByUnit: String(staff.retiredPaidByUnit),
            retiredPaidByPensionFund: String(staff.retiredPaidByPensionFund))
    }
}

/// The number printed before item `index` (from 1) of a list (duties, glossary entries).
enum DutyNumberingStyle {
    static func number(_ index: Int, _ style: DutyNumbering) -> String {
        switch style {
        case .chineseParenthesized: return ChineseNumeral.parenthesized(index)
        case .arabicComma: return "\(index)、"
        case .arabicParenthesized: return "（\(index)）"
        case .chineseComma: return ChineseNumeral.of(index) + "、"
        case .none: return ""
        case .arabicDot: return "\(index)."
        case .arabicClosingParenthesis: return "\(index)）"
        case .circled:
            // ① … ⑳ are U+2460 … U+2473.
            guard (1...20).contains(index), let scalar = Unicode.Scalar(0x245F + index) else { return "（\(index)）" }
            return String(Character(scalar))
        }
    }
}
