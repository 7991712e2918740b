import Foundation

extension FindingCollector {
    mutating func inputRules() {
        subjectCodes()
        economicCodes()
        negativeAmounts()
        partsWithinTotals()
        suppliedTotals()
        staffTotal()
        contentTables()
        amountUnit()
    }

    /// IN-14: amounts that look like the wrong unit. Under 万元, amounts typed in 元 are 10,000 times too large (most
    /// leaves above 1 亿元); under 元, amounts typed in 万元 are tiny and many print as 0.00 万元.
    private mutating func amountUnit() {
        let values = InputAmounts.values(input).filter { !$0.isZero }.map(\.value.magnitude)
        let unit = input.unit
        // Counted, not sorted: most departments get two comparisons per amount and nothing else.
        let half = values.count / 2
        let median = {
            let sorted = values.sorted()
            return sorted[sorted.count / 2] * unit.perWanYuan
        }
        if values.count >= 5 {
            if unit == .wanYuan && values.filter({ $0 >= 10_000 }).count > half {
                add(
                    RuleCatalogue.amountUnit, FindingLocation(inputPath: "$.unit"),
                    "一半以上的金额在 10000 万元（1 亿元）以上（中位数 \(Format.amount(Amount(median()))) 万元）：金额像是以元填写的；"
                        + "若是，请把 unit 改为 \"元\"")
                return
            }
            let thousandYuan = Decimal(sign: .plus, exponent: -1, significand: 1)  // 0.1 万元
            if unit == .yuan && values.filter({ $0 < thousandYuan }).count > half {
                add(
                    RuleCatalogue.amountUnit, FindingLocation(inputPath: "$.unit"),
                    "一半以上的金额不到 1000 元（中位数 \(Format.number(median())) 元）：金额像是以万元填写的；"
                        + "若是，请把 unit 改为 \"万元\"")
                return
            }
        }
        // An amount prints as 0.00 when it is below 0.005 万元; paths are spelled out only then (rare).
        let halfCent = RuleCatalogue.roundingPerFigure.value
        guard values.contains(where: { $0 < halfCent }) else { return }
        for item in InputAmounts.all(input) where !item.amount.isZero && item.amount.magnitude.value < halfCent {
            let written =
                unit == .yuan
                ? "\(Format.number(item.amount.value * unit.perWanYuan)) 元" : "\(item.amount.value) 万元"
            add(
                RuleCatalogue.amountUnit, FindingLocation(inputPath: item.path),
                "金额 \(written)在报告中印为 0.00 万元"
                    + (unit == .yuan ? "：若这个数是以万元填写的，请改成元（乘以 10000）" : "：请核对金额和单位"))
        }
    }

    /// IN-13: the widths, merges and worksheet name of every table the department wrote (九（二）, 附件).
    private mutating func contentTables() {
        var tables: [(String, ContentTable)] = []
        for (index, block) in input.performance.selfEvaluationText.enumerated() {
            if case .table(let table) = block {
                tables.append(("$.performance.selfEvaluationText[\(index)].table", table))
            }
        }
        for (index, block) in input.annex.enumerated() {
            if case .table(let table) = block { tables.append(("$.annex[\(index)].table", table)) }
        }
        var sheets: [String: String] = [:]
        for number in 1...10 { sheets[String(format: "公开%02d表", number)] = "公开表" }
        for (path, table) in tables {
            contentTable(table, path: path, sheets: &sheets)
        }
    }

    private mutating func contentTable(_ table: ContentTable, path: String, sheets: inout [String: String]) {
        let rule = RuleCatalogue.contentTable
        let columns = max(1, table.rows.map(\.count).max() ?? 1)
        if let widths = table.widths {
            if widths.count != columns {
                add(
                    rule, FindingLocation(inputPath: path + ".widths"),
                    "列宽有 \(widths.count) 个数，表格有 \(columns) 列：每列写一个数")
            }
            for (index, width) in widths.enumerated() where width <= 0 {
                add(
                    rule, FindingLocation(inputPath: path + ".widths[\(index)]"),
                    "列宽须为正数，实际为 \(SelfEvaluationTableView.number(width))")
            }
        }
        let headerRows = min(max(0, table.headerRows ?? 1), table.rows.count)
        var accepted: [(Int, MergeRange)] = []
        for (index, text) in (table.merges ?? []).enumerated() {
            let location = FindingLocation(inputPath: path + ".merges[\(index)]")
            guard let range = MergeRange(text) else {
                add(rule, location, "合并范围“\(text)”无效：应写成左上和右下两个单元格，如 A1:C1")
                continue
            }
            let end = CellPosition(row: table.rows.count - 1, column: columns - 1).name
            if range.top > range.bottom || range.left > range.right {
                add(rule, location, "合并范围“\(text)”的起点应在左上、终点在右下，如 A1:C2")
            } else if range.top == range.bottom && range.left == range.right {
                add(rule, location, "合并范围“\(text)”只有一个单元格，不需要合并：请删去")
            } else if range.bottom >= table.rows.count || range.right >= columns {
                add(rule, location, "合并范围“\(text)”超出表格（表格有 \(table.rows.count) 行 \(columns) 列，右下角是 \(end)）")
            } else if range.top < headerRows && range.bottom >= headerRows {
                add(
                    rule, location,
                    "合并范围“\(text)”跨过了表头（前 \(headerRows) 行）和表体：表头和表体分别合并，请拆成两个范围或调整 headerRows")
            } else if let (other, _) = accepted.first(where: { $0.1.overlaps(range) }) {
                add(rule, location, "合并范围“\(text)”与 merges[\(other)]“\(table.merges?[other] ?? "")”重叠")
            } else {
                accepted.append((index, range))
                for row in range.top...range.bottom {
                    for column in range.left...range.right where row != range.top || column != range.left {
                        let cells = table.rows[row]
                        guard column < cells.count, !cells[column].trimmingCharacters(in: .whitespaces).isEmpty else {
                            continue
                        }
                        let cell = CellPosition(row: row, column: column)
                        add(
                            rule, FindingLocation(inputPath: path + ".rows[\(row)][\(column)]"),
                            "单元格 \(cell.name) 在合并范围 \(text) 之内，其中的文字“\(cells[column])”不会印出："
                                + "请把文字写在 \(range.topLeft.name)，\(cell.name) 留空 \"\"")
                    }
                }
            }
        }
        guard let name = table.sheet else { return }
        let location = FindingLocation(inputPath: path + ".sheet")
        let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]
        if name.isEmpty || name.count > 31 {
            add(rule, location, "工作表名称“\(name)”应为 1 到 31 个字")
        } else if name.contains(where: { forbidden.contains($0) || $0.isWhitespace }) || name.first == "'"
            || name.last == "'"
        {
            add(rule, location, "工作表名称“\(name)”不能含空格和 : \\ / ? * [ ]，也不能以 ' 开头或结尾")
        } else if let first = sheets[name.lowercased()] {
            add(rule, location, "工作表名称“\(name)”已被\(first == "公开表" ? "公开表" : first)使用，请换一个")
        } else {
            sheets[name.lowercased()] = path
        }
    }

    private mutating func subjectCodes() {
        let codes = input.subjects.map(\.code)
        var firstIndex: [String: Int] = [:]
        for (index, subject) in input.subjects.enumerated() {
            let path = "$.subjects[\(index)]"
            let categoryCode = String(subject.code.prefix(3))
            if let first = firstIndex[subject.code] {
                add(
                    RuleCatalogue.duplicateCode, FindingLocation(inputPath: path + ".code"),
                    "科目编码 \(subject.code) 重复出现（第一次在 $.subjects[\(first)]）")
            } else {
                firstIndex[subject.code] = index
            }
            guard let category = FunctionalCategories.named(categoryCode) else {
                add(
                    RuleCatalogue.codeCategory, FindingLocation(inputPath: path + ".code"),
                    "科目 \(subject.code) 的类 \(categoryCode) 不是标准功能分类科目")
                continue
            }
            if subject.code.count == 3, let name = subject.name, !name.isEmpty, name != category.name {
                add(
                    RuleCatalogue.standardName, FindingLocation(inputPath: path + ".name"),
                    "科目 \(subject.code) 的名称应为“\(category.name)”，实际为“\(name)”")
            }
            if subject.code.count == 7 && !codes.contains(String(subject.code.prefix(5))) {
                add(
                    RuleCatalogue.codeNesting, FindingLocation(inputPath: path),
                    "项 \(subject.code) 所属的款 \(subject.code.prefix(5)) 没有科目行（缺少款名称）")
            }
            if subject.code.count > 3 && (subject.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                add(
                    RuleCatalogue.codeNesting, FindingLocation(inputPath: path + ".name"),
                    "\(subject.code.count == 5 ? "款" : "项") \(subject.code) 缺少科目名称")
            }
            if subject.code.count < 7 && !codes.contains(where: { $0.count == 7 && $0.hasPrefix(subject.code) }) {
                add(
                    RuleCatalogue.childlessParent, FindingLocation(inputPath: path),
                    "\(subject.code.count == 3 ? "类" : "款") \(subject.code) 下面没有项级科目，未列入报表")
            }
        }
    }

    private mutating func economicCodes() {
        var firstIndex: [String: Int] = [:]
        for (index, entry) in input.basicExpenditureByEconomicCode.enumerated() {
            let path = "$.basicExpenditureByEconomicCode[\(index)]"
            if let first = firstIndex[entry.code] {
                add(
                    RuleCatalogue.duplicateCode, FindingLocation(inputPath: path + ".code"),
                    "经济分类科目 \(entry.code) 重复出现（第一次在 $.basicExpenditureByEconomicCode[\(first)]）")
                continue
            }
            firstIndex[entry.code] = index
            guard let known = EconomicCodes.named(entry.code) else {
                add(
                    RuleCatalogue.economicCode, FindingLocation(inputPath: path + ".code"),
                    "\(entry.code) 不是公开06表的经济分类科目")
                continue
            }
            if let name = entry.name, !name.isEmpty, name != known.name {
                add(
                    RuleCatalogue.standardName, FindingLocation(inputPath: path + ".name"),
                    "经济分类科目 \(entry.code) 的名称应为“\(known.name)”，实际为“\(name)”")
            }
        }
    }

    /// IN-05: walks the input's JSON form, so that every amount (wherever it is) is covered. A quick pass first
    /// looks for any number that could be written with a minus sign; most inputs have none.
    private mutating func negativeAmounts() {
        guard NegativeNumberProbe.mayFind(in: input) else { return }
        guard let data = try? InputLoader.encode(input), let tree = try? JSONTreeParser.parse(Array(data)) else {
            return
        }
        func walk(_ node: JSONNode, _ path: JSONPath) {
            switch node {
            case .number(let text, _):
                if text.hasPrefix("-") {
                    add(
                        RuleCatalogue.negativeAmount, FindingLocation(inputPath: path.description),
                        "金额不能为负数：\(text)")
                }
            case .array(let items, _):
                for (index, item) in items.enumerated() { walk(item, path.appending(index)) }
            case .object(let members, _):
                for member in members { walk(member.value, path.appending(member.key)) }
            default:
                break
            }
        }
        walk(tree, .root)
    }

    private mutating func partsWithinTotals() {
        let reception = input.threePublic.reception
        add(
            within(
                reception.foreignAffairs.orZero, reception.domestic.orZero, addends: 2, RuleCatalogue.partsExceedTotal,
                FindingLocation(place: "公开09表", detail: "行 8", inputPath: "$.threePublic.reception.foreignAffairs"),
                "其中：外事接待费 \(Self.money(reception.foreignAffairs.orZero))大于国内接待费 \(Self.money(reception.domestic.orZero))",
                fix: "外事接待费是国内接待费的一部分"))
        let statistics = input.threePublic.statistics
        let countPairs: [(Int?, Int?, String, String, String)] = [
            (
                statistics.foreignAffairsReceptionBatches, statistics.domesticReceptionBatches, "行 16",
                "foreignAffairsReceptionBatches", "外事接待批次"
            ),
            (
                statistics.foreignAffairsReceptionPersonTimes, statistics.domesticReceptionPersonTimes, "行 18",
                "foreignAffairsReceptionPersonTimes", "外事接待人次"
            ),
        ]
        for (part, whole, row, key, label) in countPairs where (part ?? 0) > (whole ?? 0) {
            add(
                RuleCatalogue.partsExceedTotal,
                FindingLocation(place: "公开09表", detail: row, inputPath: "$.threePublic.statistics.\(key)"),
                "其中：\(label) \(part ?? 0) 大于国内公务接待的 \(whole ?? 0)")
        }
        let p = input.procurement
        let procurementPairs: [(Amount, Amount, String, String)] = [
            (p.smeGoods.orZero, p.goods.orZero, "smeGoods", "货物"),
            (p.smeWorks.orZero, p.works.orZero, "smeWorks", "工程"),
            (p.smeServices.orZero, p.services.orZero, "smeServices", "服务"),
        ]
        for (part, whole, key, label) in procurementPairs {
            add(
                within(
                    part, whole, addends: 2, RuleCatalogue.partsExceedTotal,
                    FindingLocation(place: "第三部分 七", inputPath: "$.procurement.\(key)"),
                    "\(label)采购授予中小企业合同金额 \(Self.money(part))大于\(label)支出 \(Self.money(whole))"))
        }
        let sme = p.smeGoods.orZero + p.smeWorks.orZero + p.smeServices.orZero
        add(
            within(
                p.micro.orZero, sme, addends: 1 + Self.nonzero([p.smeGoods, p.smeWorks, p.smeServices]),
                RuleCatalogue.partsExceedTotal, FindingLocation(place: "第三部分 七", inputPath: "$.procurement.micro"),
                "授予小微企业合同金额 \(Self.money(p.micro.orZero))大于授予中小企业合同金额 \(Self.money(sme))",
                fix: "授予小微企业的合同是授予中小企业合同的一部分"))
    }

    /// IN-08: every official total against the figure derived from its leaves, within the rounding bound of those
    /// leaves and of the total itself. A 类/款 row without 项 is no line of the tables: its amounts are compared with
    /// zero (they would be lost). IN-12 says, once per row, what happens to amounts on 类/款 rows and 06 group codes.
    private mutating func suppliedTotals() {
        let lines = Dictionary(derived.subjectLines.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let officials = OfficialTotals.present(in: input) ? OfficialTotals(input).all : []
        for official in officials {
            let derivedFigure: Amount
            let leaves: Int
            let place: String
            let label: String
            switch official.figure {
            case .subject(let code, let column):
                let level: SubjectLine.Level = code.count == 3 ? .category : code.count == 5 ? .section : .item
                let line = code.isEmpty ? derived.total : lines[code] ?? SubjectLine(code: code, name: "", level: level)
                derivedFigure = column.value(line)
                leaves = addends(under: code) { column.leaves($0) }
                place = Self.table(of: column) + " " + (code.isEmpty ? "合计" : "\(code) \(line.name)")
                label = column.chinese
            case .economicGroup(let code):
                derivedFigure = derived.table06.amount(code)
                leaves = derived.table06.addends([code])
                place = "公开06表 \(code)"
                label = EconomicCodes.named(code)?.name ?? code
            case .personnel:
                derivedFigure = derived.table06.personnel
                leaves = derived.table06.addends(["301", "303"])
                place = "公开06表"
                label = "人员经费合计"
            case .publicExpenses:
                derivedFigure = derived.table06.publicExpenses
                leaves = derived.table06.addends(["302", "307", "310", "399"])
                place = "公开06表"
                label = "公用经费合计"
            case .carryOut:
                derivedFigure = derived.carryOut
                leaves = carryOutAddends
                place = "公开01表 行 60"
                label = "年末结转和结余"
            case .fiscalCarryOut:
                derivedFigure = derived.fiscalCarryOut.total
                leaves = fiscalCarryOutAddends
                place = "公开04表 行 60"
                label = "年末财政拨款结转和结余"
            case .threePublicInitialBudget, .threePublicAdjustedBudget, .threePublicActual:
                let t = input.threePublic
                let figures = derived.threePublic.total
                switch official.figure {
                case .threePublicInitialBudget:
                    derivedFigure = figures.initialBudget
                    leaves = Self.nonzero([
                        t.abroad.initialBudget, t.vehiclePurchase.initialBudget, t.vehicleOperation.initialBudget,
                        t.reception.initialBudget,
                    ])
                    label = "“三公”经费年初预算数"
                case .threePublicAdjustedBudget:
                    derivedFigure = figures.adjustedBudget
                    leaves = Self.nonzero([
                        t.abroad.adjustedBudget, t.vehiclePurchase.adjustedBudget, t.vehicleOperation.adjustedBudget,
                        t.reception.adjustedBudget,
                    ])
                    label = "“三公”经费全年预算数"
                default:
                    derivedFigure = figures.actual
                    leaves = Self.nonzero([
                        t.abroad.actual, t.vehiclePurchase.actual, t.vehicleOperation.actual, t.reception.domestic,
                        t.reception.overseas,
                    ])
                    label = "“三公”经费决算数"
                }
                place = "公开09表 行 1"
            case .fiscalInitialBudget:
                derivedFigure = input.fiscalInitialBudget.total
                leaves = Self.nonzero(Array(input.fiscalInitialBudget.byCategory.values))
                place = "第三部分 三"
                label = "财政拨款年初预算数"
            case .procurement:
                let p = input.procurement
                derivedFigure = p.itemsTotal
                leaves = Self.nonzero([p.goods, p.works, p.services])
                place = "第三部分 七"
                label = "政府采购支出总额"
            case .priorThreePublic:
                let prior = input.priorYear.threePublic
                derivedFigure = prior?.itemsTotal ?? .zero
                leaves = Self.nonzero([
                    prior?.abroad, prior?.vehiclePurchase, prior?.vehicleOperation, prior?.reception,
                ])
                place = "第三部分 五"
                label = "上年“三公”经费合计"
            }
            add(
                compare(
                    official.amount, derivedFigure, addends: leaves + 1, RuleCatalogue.suppliedTotal,
                    FindingLocation(place: place, inputPath: official.path),
                    "\(label)填写的合计 \(Self.money(official.amount))，由明细计算为 \(Self.money(derivedFigure))",
                    fix: "请核对填写的合计和它的明细（合计可以不填，程序会计算）"))
        }
        if let total = input.assets.vehicles.suppliedTotal, total != accounts.vehicleTotal {
            add(
                RuleCatalogue.suppliedTotal,
                FindingLocation(place: "公开10表 行 1", inputPath: "$.assets.vehicles.total"),
                "车辆数合计填写 \(total) 辆，各类车辆之和为 \(accounts.vehicleTotal) 辆")
        }
        officialRows()
    }

    /// The table whose column `column` is.
    static func table(of column: SubjectColumn) -> String {
        switch column.rawValue.prefix(while: { $0 != "." }) {
        case "income": return "公开02表"
        case "expenditure": return "公开03表"
        case "generalBudgetExpenditure": return "公开05表"
        case "governmentFund": return "公开07表"
        default: return "公开08表"
        }
    }

    /// IN-12: amounts on a 类/款 row or on a 06 group code are official totals, not leaves: one note per row of what
    /// is done with them.
    private mutating func officialRows() {
        let printed = input.unit == .wanYuan
        let fate =
            printed
            ? "是公开表印出的合计（官方数）：与下级明细之和核对，报告印这些数"
            : "是公开表的合计：与下级明细之和核对；金额单位为元，报告印由明细换算的数"
        for (index, subject) in input.subjects.enumerated() where subject.code.count < 7 {
            let stated = SubjectColumn.stated(
                income: subject.income, expenditure: subject.expenditure,
                generalBudget: subject.generalBudgetExpenditure, fund: subject.governmentFund,
                stateCapital: subject.stateCapitalExpenditure)
            guard !stated.isEmpty else { continue }
            note(
                RuleCatalogue.officialRow, FindingLocation(inputPath: "$.subjects[\(index)]"),
                "\(subject.code.count == 3 ? "类" : "款") \(subject.code) 行上的金额（"
                    + stated.map(\.0.chinese).joined(separator: "、") + "）" + fate)
        }
        for (index, entry) in input.basicExpenditureByEconomicCode.enumerated()
        where entry.code.count == 3 && EconomicCodes.named(entry.code)?.isGroup == true {
            note(
                RuleCatalogue.officialRow, FindingLocation(inputPath: "$.basicExpenditureByEconomicCode[\(index)]"),
                "经济分类 \(entry.code) 是合计行，\(Format.amount(entry.amount)) 万元" + fate)
        }
    }

    private mutating func staffTotal() {
        let staff = input.department.staff
        let derived = staff.retired
        if let retired = staff.suppliedRetired, retired != derived {
            add(
                RuleCatalogue.retiredCount, FindingLocation(place: "第一部分 二", inputPath: "$.department.staff.retired"),
                "离退休人员 \(retired) 人，单位发放与养老保险基金发放之和为 \(derived) 人")
        }
    }
}

/// Encodes a value only to see whether any number in it is negative (or a `Decimal` or floating-point value that
/// might print with a minus sign: NaN, −0). It keeps nothing else, so it costs a fraction of a JSON round trip.
private final class NegativeNumberProbe: Encoder {
    @exclusivity(unchecked) private(set) var found = false  // one encoding on one thread
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }

    private init(userInfo: [CodingUserInfoKey: Any]) {
        self.userInfo = userInfo
    }

    /// Whether `input`, as `InputLoader.encode` writes it, may have a number with a minus sign.
    static func mayFind(in input: DepartmentInput) -> Bool {
        let probe = NegativeNumberProbe(userInfo: [.inputUnit: input.unit])
        do {
            try probe.check(input)
        } catch {
            return true  // let the JSON round trip decide
        }
        return probe.found
    }

    func check<T: Encodable>(_ value: T) throws {
        guard !found else { return }
        if T.self == Decimal.self {
            let decimal = value as! Decimal
            if decimal.isSignMinus || decimal.isNaN { found = true }
            return
        }
        try value.encode(to: self)
    }

    func note(_ value: some BinaryInteger) {
        if value < 0 { found = true }
    }

    func note(_ value: some FloatingPoint) {
        if value.sign == .minus || value.isNaN { found = true }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(probe: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(probe: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(probe: self) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let probe: NegativeNumberProbe
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) {}
        mutating func encode(_ value: Bool, forKey key: Key) {}
        mutating func encode(_ value: String, forKey key: Key) {}
        mutating func encode(_ value: Double, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: Float, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: Int, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: Int8, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: Int16, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: Int32, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: Int64, forKey key: Key) { probe.note(value) }
        mutating func encode(_ value: UInt, forKey key: Key) {}
        mutating func encode(_ value: UInt8, forKey key: Key) {}
        mutating func encode(_ value: UInt16, forKey key: Key) {}
        mutating func encode(_ value: UInt32, forKey key: Key) {}
        mutating func encode(_ value: UInt64, forKey key: Key) {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try probe.check(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> { probe.container(keyedBy: keyType) }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(probe: probe) }
        mutating func superEncoder() -> any Encoder { probe }
        mutating func superEncoder(forKey key: Key) -> any Encoder { probe }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let probe: NegativeNumberProbe
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(probe: NegativeNumberProbe) {
            self.probe = probe
        }

        mutating func encodeNil() { count += 1 }
        mutating func encode(_ value: Bool) { count += 1 }
        mutating func encode(_ value: String) { count += 1 }
        mutating func encode(_ value: Double) { add(value) }
        mutating func encode(_ value: Float) { add(value) }
        mutating func encode(_ value: Int) { add(value) }
        mutating func encode(_ value: Int8) { add(value) }
        mutating func encode(_ value: Int16) { add(value) }
        mutating func encode(_ value: Int32) { add(value) }
        mutating func encode(_ value: Int64) { add(value) }
        mutating func encode(_ value: UInt) { count += 1 }
        mutating func encode(_ value: UInt8) { count += 1 }
        mutating func encode(_ value: UInt16) { count += 1 }
        mutating func encode(_ value: UInt32) { count += 1 }
        mutating func encode(_ value: UInt64) { count += 1 }

        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            try probe.check(value)
        }

        private mutating func add(_ value: some BinaryInteger) {
            count += 1
            probe.note(value)
        }

        private mutating func add(_ value: some FloatingPoint) {
            count += 1
            probe.note(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return probe.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(probe: probe)
        }

        mutating func superEncoder() -> any Encoder {
            count += 1
            return probe
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let probe: NegativeNumberProbe
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() {}
        mutating func encode(_ value: Bool) {}
        mutating func encode(_ value: String) {}
        mutating func encode(_ value: Double) { probe.note(value) }
        mutating func encode(_ value: Float) { probe.note(value) }
        mutating func encode(_ value: Int) { probe.note(value) }
        mutating func encode(_ value: Int8) { probe.note(value) }
        mutating func encode(_ value: Int16) { probe.note(value) }
        mutating func encode(_ value: Int32) { probe.note(value) }
        mutating func encode(_ value: Int64) { probe.note(value) }
        mutating func encode(_ value: UInt) {}
        mutating func encode(_ value: UInt8) {}
        mutating func encode(_ value: UInt16) {}
        mutating func encode(_ value: UInt32) {}
        mutating func encode(_ value: UInt64) {}
        mutating func encode<T: Encodable>(_ value: T) throws { try probe.check(value) }
    }
}

/// The money figures of an input with their JSON paths (the tables and budgets; not the free text's figures).
enum InputAmounts {
    struct Item {
        let path: String
        let amount: Amount
    }

    /// The amounts alone, in the order of `all` (no paths spelled out).
    static func values(_ input: DepartmentInput) -> [Amount] {
        var values: [Amount] = []
        collect(input, paths: false) { _, amount in values.append(amount) }
        return values
    }

    static func all(_ input: DepartmentInput) -> [Item] {
        var items: [Item] = []
        collect(input, paths: true) { path, amount in items.append(Item(path: path, amount: amount)) }
        return items
    }

    /// Calls `found` with each amount and its path (empty unless `paths`).
    private static func collect(_ input: DepartmentInput, paths: Bool, _ found: (String, Amount) -> Void) {
        func add(_ path: @autoclosure () -> String, _ amount: Amount?) {
            if let amount { found(paths ? path() : "", amount) }
        }
        for (index, subject) in input.subjects.enumerated() {
            for (column, amount) in SubjectColumn.stated(
                income: subject.income, expenditure: subject.expenditure,
                generalBudget: subject.generalBudgetExpenditure, fund: subject.governmentFund,
                stateCapital: subject.stateCapitalExpenditure)
            {
                add("$.subjects[\(index)].\(column.rawValue)", amount)
            }
        }
        for (index, entry) in input.basicExpenditureByEconomicCode.enumerated() {
            add("$.basicExpenditureByEconomicCode[\(index)].amount", entry.amount)
        }
        let start = input.carryOver.start
        add("$.carryOver.start.generalBudget", start.generalBudget)
        add("$.carryOver.start.stateCapital", start.stateCapital)
        add("$.carryOver.start.nonFiscal", start.nonFiscal)
        add("$.carryOver.nonFiscalBalanceUsed", input.carryOver.nonFiscalBalanceUsed)
        add("$.carryOver.surplusDistribution", input.carryOver.surplusDistribution)
        let three = input.threePublic
        for (key, item) in [
            ("abroad", three.abroad), ("vehiclePurchase", three.vehiclePurchase),
            ("vehicleOperation", three.vehicleOperation),
        ] {
            add("$.threePublic.\(key).initialBudget", item.initialBudget)
            add("$.threePublic.\(key).adjustedBudget", item.adjustedBudget)
            add("$.threePublic.\(key).actual", item.actual)
        }
        add("$.threePublic.reception.initialBudget", three.reception.initialBudget)
        add("$.threePublic.reception.adjustedBudget", three.reception.adjustedBudget)
        add("$.threePublic.reception.domestic", three.reception.domestic)
        add("$.threePublic.reception.foreignAffairs", three.reception.foreignAffairs)
        add("$.threePublic.reception.overseas", three.reception.overseas)
        for (code, amount) in input.fiscalInitialBudget.byCategory.sorted(by: { $0.key < $1.key }) {
            add("$.fiscalInitialBudget.byCategory.\(code)", amount)
        }
        let p = input.procurement
        for (key, amount) in [
            ("goods", p.goods), ("works", p.works), ("services", p.services), ("smeGoods", p.smeGoods),
            ("smeWorks", p.smeWorks), ("smeServices", p.smeServices), ("micro", p.micro),
        ] {
            add("$.procurement.\(key)", amount)
        }
        add("$.operatingCosts", input.operatingCosts)
    }
}
