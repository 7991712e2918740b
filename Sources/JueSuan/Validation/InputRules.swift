import Foundation

extension FindingCollector {
    mutating func inputRules() {
        subjectCodes()
        economicCodes()
        negativeAmounts()
        partsWithinTotals()
        suppliedTotals()
        staffTotal()
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
            if known.isGroup {
                let derived = accounts.table06.amount(entry.code)
                if Self.differ(entry.amount, derived) {
                    add(
                        RuleCatalogue.suppliedTotal,
                        FindingLocation(place: "公开06表", detail: entry.code, inputPath: path + ".amount"),
                        "\(entry.code) \(known.name) 填写的合计 \(Self.money(entry.amount)) 与明细之和 \(Self.money(derived)) 相差超过 0.01 万元"
                    )
                }
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
        if Self.exceeds(reception.foreignAffairs.orZero, reception.domestic.orZero) {
            add(
                RuleCatalogue.partsExceedTotal,
                FindingLocation(place: "公开09表", detail: "行 8", inputPath: "$.threePublic.reception.foreignAffairs"),
                "其中：外事接待费 \(Self.money(reception.foreignAffairs.orZero))大于国内接待费 \(Self.money(reception.domestic.orZero))"
            )
        }
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
        for (part, whole, key, label) in procurementPairs where Self.exceeds(part, whole) {
            add(
                RuleCatalogue.partsExceedTotal, FindingLocation(place: "第三部分 七", inputPath: "$.procurement.\(key)"),
                "\(label)采购授予中小企业合同金额 \(Self.money(part))大于\(label)支出 \(Self.money(whole))")
        }
        let sme = p.smeGoods.orZero + p.smeWorks.orZero + p.smeServices.orZero
        if Self.exceeds(p.micro.orZero, sme) {
            add(
                RuleCatalogue.partsExceedTotal, FindingLocation(place: "第三部分 七", inputPath: "$.procurement.micro"),
                "授予小微企业合同金额 \(Self.money(p.micro.orZero))大于授予中小企业合同金额 \(Self.money(sme))")
        }
    }

    private mutating func suppliedTotals() {
        func check(_ supplied: Amount?, _ derived: Amount, _ path: String, _ place: String, _ label: String) {
            guard let supplied, Self.differ(supplied, derived) else { return }
            add(
                RuleCatalogue.suppliedTotal, FindingLocation(place: place, inputPath: path),
                "\(label)填写的合计 \(Self.money(supplied))与明细计算的 \(Self.money(derived))相差 \(Self.money((supplied - derived).magnitude))"
            )
        }
        let lines = Dictionary(accounts.subjectLines.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, subject) in input.subjects.enumerated() {
            // A 类/款 row without 项 is no line of the tables: any amount on it would be lost, so it is compared
            // with zero.
            let level: SubjectLine.Level =
                subject.code.count == 3 ? .category : subject.code.count == 5 ? .section : .item
            let line = lines[subject.code] ?? SubjectLine(code: subject.code, name: subject.name ?? "", level: level)
            let path = "$.subjects[\(index)]"
            let place = "科目 \(subject.code)"
            if let income = subject.income {
                check(income.total, line.income.total, path + ".income.total", place, "本年收入合计")
                if subject.code.count < 7 {
                    let pairs: [(Amount?, Amount, String, String)] = [
                        (income.generalBudget, line.income.generalBudget, "generalBudget", "一般公共预算财政拨款收入"),
                        (income.governmentFund, line.income.governmentFund, "governmentFund", "政府性基金预算财政拨款收入"),
                        (income.stateCapital, line.income.stateCapital, "stateCapital", "国有资本经营预算财政拨款收入"),
                        (income.superiorSubsidy, line.income.superiorSubsidy, "superiorSubsidy", "上级补助收入"),
                        (income.business, line.income.business, "business", "事业收入"),
                        (income.operating, line.income.operating, "operating", "经营收入"),
                        (income.affiliated, line.income.affiliated, "affiliated", "附属单位上缴收入"),
                        (income.other, line.income.other, "other", "其他收入"),
                    ]
                    for (supplied, derived, key, label) in pairs {
                        check(supplied, derived, path + ".income.\(key)", place, label)
                    }
                }
            }
            if let spending = subject.expenditure {
                check(spending.total, line.expenditure.total, path + ".expenditure.total", place, "本年支出合计")
                if subject.code.count < 7 {
                    check(spending.basic, line.expenditure.basic, path + ".expenditure.basic", place, "基本支出")
                    check(spending.project, line.expenditure.project, path + ".expenditure.project", place, "项目支出")
                    check(
                        spending.toSuperior, line.expenditure.toSuperior, path + ".expenditure.toSuperior", place,
                        "上缴上级支出")
                    check(
                        spending.operating, line.expenditure.operating, path + ".expenditure.operating", place, "经营支出")
                    check(
                        spending.toAffiliated, line.expenditure.toAffiliated, path + ".expenditure.toAffiliated", place,
                        "对附属单位补助支出")
                }
            }
            for (split, derived, key, label) in [
                (subject.generalBudgetExpenditure, line.generalBudget, "generalBudgetExpenditure", "一般公共预算财政拨款支出"),
                (subject.stateCapitalExpenditure, line.stateCapital, "stateCapitalExpenditure", "国有资本经营预算财政拨款支出"),
            ] {
                guard let split else { continue }
                check(split.total, derived.total, path + ".\(key).total", place, label)
                if subject.code.count < 7 {
                    check(split.basic, derived.basic, path + ".\(key).basic", place, label + " 基本支出")
                    check(split.project, derived.project, path + ".\(key).project", place, label + " 项目支出")
                }
            }
            if let fund = subject.governmentFund {
                check(fund.carryOut, line.fund.carryOut, path + ".governmentFund.carryOut", place, "政府性基金年末结转和结余")
                if subject.code.count < 7 {
                    check(fund.carryIn, line.fund.carryIn, path + ".governmentFund.carryIn", place, "政府性基金年初结转和结余")
                    check(fund.basic, line.fund.spending.basic, path + ".governmentFund.basic", place, "政府性基金基本支出")
                    check(
                        fund.project, line.fund.spending.project, path + ".governmentFund.project", place, "政府性基金项目支出")
                }
            }
        }
        let end = input.carryOver.suppliedEnd
        check(end?.total, accounts.carryOut, "$.carryOver.end.total", "公开01表 行 60", "年末结转和结余")
        check(end?.fiscal, accounts.fiscalCarryOut.total, "$.carryOver.end.fiscal", "公开04表 行 60", "年末财政拨款结转和结余")
        let figures = accounts.threePublic.total
        let three = input.threePublic.suppliedTotal
        check(
            three?.initialBudget, figures.initialBudget, "$.threePublic.total.initialBudget", "公开09表 行 1", "“三公”经费年初预算数"
        )
        check(
            three?.adjustedBudget, figures.adjustedBudget, "$.threePublic.total.adjustedBudget", "公开09表 行 1",
            "“三公”经费全年预算数")
        check(three?.actual, figures.actual, "$.threePublic.total.actual", "公开09表 行 1", "“三公”经费决算数")
        check(
            input.fiscalInitialBudget.suppliedTotal, input.fiscalInitialBudget.total,
            "$.fiscalInitialBudget.total", "第三部分 三", "财政拨款年初预算数")
        let p = input.procurement
        check(
            p.suppliedTotal, p.itemsTotal, "$.procurement.total", "第三部分 七",
            "政府采购支出总额")
        if let total = input.assets.vehicles.suppliedTotal, total != accounts.vehicleTotal {
            add(
                RuleCatalogue.suppliedTotal,
                FindingLocation(place: "公开10表 行 1", inputPath: "$.assets.vehicles.total"),
                "车辆数合计填写 \(total) 辆，各类车辆之和为 \(accounts.vehicleTotal) 辆")
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
