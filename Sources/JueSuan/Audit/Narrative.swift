// 第三部分 as the report states it: every amount, count, percentage, year-on-year change, reason and description
// of sections 一 to 八 and of 九（一）, found by the words that introduce them (the standard sentences of
// format-spec §4 and the variants the seeds show), each with the line it is printed on.

/// A change from last year as the text states it.
public struct StatedChange: Sendable, Equatable {
    public enum Direction: String, Sendable, Codable {
        /// 与上年持平.
        case same
        /// 比上年增加.
        case up
        /// 比上年减少.
        case down
    }

    public var direction: Direction
    /// The change in 万元 (nil for 持平).
    public var amount: PrintedNumber?
    /// The percentage (nil when none is printed).
    public var percent: PrintedNumber?
    /// The verb printed with the amount (`增加`, `减少`, or a misused `下降`).
    public var verb: String
    /// The verb printed with the percentage (`增长`, `下降`).
    public var percentVerb: String?
    public var line: Int
}

/// One clause of 第三部分: an amount with its comparisons and texts.
public struct NarrativeClause: Sendable {
    /// `s1.income`, `s5.abroad` …
    public var key: String
    /// Where: `第三部分 一` …
    public var place: String
    /// What the clause is about, in Chinese: `本年收入合计`.
    public var label: String
    public var line: Int
    /// Named figures: `amount`, `share`, `budget`, `actual`, `completion`, counts …
    public var figures: [String: PrintedNumber] = [:]
    public var change: StatedChange?
    /// Named texts: `reason`, `budgetReason`, `changeReason`, `description`, `name` …
    public var texts: [String: String] = [:]
    /// The line of each text.
    public var textLines: [String: Int] = [:]
}

/// Reads 第三部分.
struct NarrativeReader {
    let text: NarrativeText
    let section: NarrativeSection
    var clauses: [NarrativeClause] = []
    /// Sentences the reader expected and did not find.
    var missing: [String] = []

    init(_ lines: [ReportLine], section: NarrativeSection) {
        text = NarrativeText(lines)
        self.section = section
    }

    static func read(_ lines: [ReportLine], section: NarrativeSection) -> NarrativeReader {
        var reader = NarrativeReader(lines, section: section)
        guard !reader.text.isEmpty else {
            reader.missing.append("\(section.place) 没有内容")
            return reader
        }
        switch section {
        case .income: reader.readIncome()
        case .expenditure: reader.readExpenditure()
        case .fiscal: reader.readFiscal()
        case .basic: reader.readBasic()
        case .threePublic: reader.readThreePublic()
        case .operatingCosts: reader.readOperatingCosts()
        case .procurement: reader.readProcurement()
        case .assets: reader.readAssets()
        case .performance: reader.readPerformance()
        }
        return reader
    }

    // MARK: - Building blocks

    private func clause(_ key: String, _ label: String, at index: Int) -> NarrativeClause {
        NarrativeClause(key: key, place: section.place, label: label, line: text.line(index))
    }

    /// `与上年持平` or `比上年增加 D 万元[，增长 P%]` at `index` (after `决算数` or a comma); the index after it.
    func change(at index: Int) -> (StatedChange, end: Int)? {
        var start = index
        if let after = text.expectAny(["，", "。", "；"], at: start)?.end { start = after }
        if let after = text.expect("决算数", at: start) { start = after }
        for same in ["与上年持平", "与上年相比持平", "比上年持平", "较上年持平"] {
            if let end = text.expect(same, at: start) {
                return (StatedChange(direction: .same, verb: "持平", line: text.line(start)), end)
            }
        }
        guard let afterComparison = text.expectAny(["比上年", "较上年", "与上年相比"], at: start)?.end,
            let (verb, afterVerb) = text.expectAny(["增加", "减少", "增长", "下降", "上升", "降低"], at: afterComparison)
                .map({ ($0.text, $0.end) }),
            let (amount, afterAmount) = text.number(at: afterVerb, unit: "万元")
        else { return nil }
        let direction: StatedChange.Direction = ["增加", "增长", "上升"].contains(verb) ? .up : .down
        var result = StatedChange(direction: direction, amount: amount, verb: verb, line: amount.line)
        var end = afterAmount
        if let afterComma = text.expect("，", at: afterAmount),
            let (percentVerb, afterPercentVerb) = text.expectAny(["增长", "下降", "增加", "减少", "上升", "降低"], at: afterComma)
                .map({ ($0.text, $0.end) }),
            let (percent, afterPercent) = text.number(at: afterPercentVerb, unit: "%")
        {
            result.percent = percent
            result.percentVerb = percentVerb
            end = afterPercent
        }
        return (result, end)
    }

    /// `，主要原因：R` (or `。主要原因：`) at `index`, R ending before the first of `ends` (or at `limit`); the reason
    /// as printed and the index after it.
    func reason(
        at index: Int, label: String = "主要原因", ends: [String], limit: Int? = nil
    ) -> (text: String, line: Int, end: Int)? {
        var start = index
        if let after = text.expectAny(["，", "。", "；"], at: start)?.end { start = after }
        guard let afterLabel = text.expectAny([label + "：", label + "是", label + "为", label], at: start)?.end else {
            return nil
        }
        let stop = min(limit ?? text.count, text.count)
        let end = min(stop, ends.compactMap { text.find($0, from: afterLabel) }.min() ?? stop)
        var upper = end
        while upper > afterLabel, "。；，、".contains(text.characters[upper - 1]) { upper -= 1 }
        return (text.display(afterLabel..<upper), text.line(afterLabel), end)
    }

    /// `label N 万元，YOY[，主要原因：R]` searched from `from`; the clause and the index after it.
    @discardableResult
    mutating func compared(
        _ key: String, _ labels: [String], from: Int, reasonEnds: [String]?, limit: Int? = nil
    ) -> Int {
        guard let (start, label) = text.findFirst(labels, from: from, before: limit).map({ ($0.index, $0.text) }),
            let (amount, afterAmount) = text.number(at: start + label.count, unit: "万元")
        else {
            missing.append("\(section.place)：找不到“\(labels[0]) … 万元”")
            return from
        }
        var item = clause(key, labels[0], at: start)
        item.figures["amount"] = amount
        var end = afterAmount
        if let (change, after) = change(at: afterAmount) {
            item.change = change
            end = after
        } else {
            missing.append("\(section.place) \(labels[0])：找不到与上年的比较（“比上年增加/减少 … 万元”或“与上年持平”）")
        }
        if let reasonEnds, let (reason, line, after) = reason(at: end, ends: reasonEnds, limit: limit) {
            item.texts["reason"] = reason
            item.textLines["reason"] = line
            end = after
        }
        clauses.append(item)
        return end
    }

    /// `label N 万元，占 P%`.
    mutating func share(_ key: String, _ label: String, from: Int) -> Int {
        guard let found = text.figure(after: label, unit: "万元", from: from) else {
            missing.append("\(section.place)：找不到“\(label) … 万元，占 …%”")
            return from
        }
        var item = clause(key, label, at: found.start)
        item.figures["amount"] = found.number
        var end = found.end
        if let afterShare = text.expect("，占", at: found.end) ?? text.expect("占", at: found.end),
            let (percent, after) = text.number(at: afterShare, unit: "%")
        {
            item.figures["share"] = percent
            end = after
        }
        clauses.append(item)
        return end
    }

    /// Each `(name, label, unit)` in turn: the figure after `label` (searched from where the previous one ended,
    /// before `limit`) put in `clause.figures[name]`; the index after the last one found.
    func read(
        _ specs: [(name: String, label: String, unit: String)], into clause: inout NarrativeClause, from: Int,
        before limit: Int?
    ) -> Int {
        var cursor = from
        for spec in specs {
            if let found = text.figure(after: spec.label, unit: spec.unit, from: cursor, before: limit) {
                clause.figures[spec.name] = found.number
                cursor = found.end
            }
        }
        return cursor
    }

    /// The text after `从评价情况看，` up to `limit`, without its final `。`.
    func assessment(from: Int, before limit: Int) -> String? {
        guard let start = text.find("从评价情况看", from: from, before: limit) else { return nil }
        var lower = start + "从评价情况看".count
        if lower < text.count, text.characters[lower] == "，" { lower += 1 }
        var upper = limit
        while upper > lower, text.characters[upper - 1] == "。" { upper -= 1 }
        return text.display(lower..<upper)
    }

    /// `label N 万元` (searched from `from`).
    @discardableResult
    mutating func amount(_ key: String, _ labels: [String], from: Int, limit: Int? = nil) -> Int {
        for label in labels {
            if let found = text.figure(after: label, unit: "万元", from: from, before: limit) {
                var item = clause(key, labels[0], at: found.start)
                item.figures["amount"] = found.number
                clauses.append(item)
                return found.end
            }
        }
        missing.append("\(section.place)：找不到“\(labels[0]) … 万元”")
        return from
    }

    // MARK: - 一 收入

    private mutating func readIncome() {
        var at = amount("s1.total", ["收入总计"], from: 0)
        at = compared("s1.carryIn", ["年初结转和结余", "年初结转结余", "上年结转和结余"], from: at, reasonEnds: ["；", "使用非财政拨款结余"])
        if let found = text.find("使用非财政拨款结余", from: at) {
            var after = found + "使用非财政拨款结余".count
            if let skip = text.expectAny(["（含专用结余）", "(含专用结余)"], at: after)?.end { after = skip }
            if let (number, end) = text.number(at: after, unit: "万元") {
                var item = clause("s1.nonFiscal", "使用非财政拨款结余", at: found)
                item.figures["amount"] = number
                var next = end
                if let (change, afterChange) = change(at: end) {
                    item.change = change
                    next = afterChange
                }
                clauses.append(item)
                at = next
            }
        }
        let composition = text.find("具体构成", from: at)
        at = compared(
            "s1.income", ["本年收入合计", "本年收入"], from: at, reasonEnds: ["本年收入的具体构成", "本年收入具体构成", "具体构成"],
            limit: composition)
        var position = composition ?? at
        for (key, label) in [
            ("fiscal", "财政拨款收入"), ("business", "事业收入"), ("operating", "经营收入"), ("superior", "上级补助收入"),
            ("affiliated", "附属单位上缴收入"), ("other", "其他收入"),
        ] {
            position = max(position, share("s1.share.\(key)", label, from: composition ?? at))
        }
    }

    // MARK: - 二 支出

    private mutating func readExpenditure() {
        var at = amount("s2.total", ["支出总计"], from: 0)
        at = compared("s2.expenditure", ["本年支出合计", "本年支出"], from: at, reasonEnds: ["；结余分配", "结余分配"])
        at = compared("s2.surplus", ["结余分配"], from: at, reasonEnds: ["；年末结转", "年末结转"])
        let composition = text.find("具体构成", from: at)
        at = compared(
            "s2.carryOut", ["年末结转和结余", "年末结转结余"], from: at, reasonEnds: ["本年支出的具体构成", "本年支出具体构成", "具体构成"],
            limit: composition)
        for (key, label) in [
            ("basic", "基本支出"), ("project", "项目支出"), ("operating", "经营支出"), ("toSuperior", "上缴上级支出"),
            ("toAffiliated", "对附属单位补助支出"),
        ] {
            _ = share("s2.share.\(key)", label, from: composition ?? at)
        }
    }

    // MARK: - 三 财政拨款支出

    private mutating func readFiscal() {
        guard let budget = text.figure(after: "年初预算数", unit: "万元", from: 0) else {
            missing.append("\(section.place)：找不到“年初预算数 … 万元”")
            return
        }
        var lead = clause("s3.total", "财政拨款本年支出", at: budget.start)
        lead.figures["budget"] = budget.number
        var at = budget.end
        if let actual = text.figure(after: "决算数", unit: "万元", from: at, before: at + 8) {
            lead.figures["actual"] = actual.number
            at = actual.end
        }
        if let found = text.figure(after: "完成年初预算的", unit: "%", from: at, before: at + 20) {
            lead.figures["completion"] = found.number
            at = found.end
        }
        clauses.append(lead)
        // Items: `（一）一般公共服务支出（类）年初预算数 …`.
        var search = at
        var itemStarts: [(start: Int, nameStart: Int, marker: Int)] = []
        while let marker = text.find("（类）", from: search) {
            var nameStart = marker
            // The name runs back to the item's number `（一）` (or to the previous sentence's end).
            while nameStart > search, !"。）：；".contains(text.characters[nameStart - 1]) { nameStart -= 1 }
            var start = nameStart
            if start > 0, text.characters[start - 1] == "）" {
                var open = start - 1
                while open > search, text.characters[open] != "（" { open -= 1 }
                start = open
            }
            itemStarts.append((start, nameStart, marker))
            search = marker + 3
        }
        for (position, item) in itemStarts.enumerated() {
            let limit = position + 1 < itemStarts.count ? itemStarts[position + 1].start : text.count
            let name = text.display(item.nameStart..<item.marker)
            let code = FunctionalCategories.all.first { $0.name == name }?.code
            var clause = clause(code.map { "s3.\($0)" } ?? "s3.item\(position + 1)", name, at: item.start)
            if let code { clause.texts["code"] = code }
            clause.texts["name"] = name
            let cursor = read(
                [("budget", "年初预算数", "万元"), ("actual", "决算数", "万元"), ("completion", "完成年初预算的", "%")],
                into: &clause, from: item.marker + 3, before: limit)
            if let found = text.find("预决算差异主要原因", from: cursor, before: limit),
                let (reason, line, _) = reason(at: found, label: "预决算差异主要原因", ends: [], limit: limit)
            {
                clause.texts["reason"] = reason
                clause.textLines["reason"] = line
            }
            clauses.append(clause)
        }
    }

    // MARK: - 四 基本支出

    private mutating func readBasic() {
        let at = amount("s4.total", ["基本支出"], from: 0)
        let items: [(String, [String])] = [
            ("s4.wages", ["工资福利支出"]), ("s4.goodsAndServices", ["商品和服务支出"]),
            ("s4.subsidies", ["对个人和家庭补助支出", "对个人和家庭的补助支出", "对个人和家庭的补助", "对个人和家庭补助"]),
            ("s4.capital", ["资本性支出"]),
        ]
        let starts = items.map { text.findFirst($0.1, from: at)?.index }
        for (position, (key, labels)) in items.enumerated() {
            guard let start = starts[position] else {
                missing.append("\(section.place)：找不到“\(labels[0]) … 万元”")
                continue
            }
            // The item ends where the next item's number `（二）` begins.
            var limit = text.count
            if let next = starts[(position + 1)...].compactMap({ $0 }).first {
                limit = next
                if next >= 3, text.characters[next - 1] == "）" {
                    limit = (text.find("（", from: max(start, next - 5), before: next) ?? next)
                }
            }
            compared(key, labels, from: start, reasonEnds: [], limit: limit)
        }
    }

    // MARK: - 五 “三公”经费

    /// `全年预算数 B 万元，决算数 A 万元[，完成全年预算的 P%][，主要原因：R]。决算数 YOY[，主要原因：R]` after
    /// `label`; the counts after it by their words, and `主要是：T`.
    private mutating func threePublicItem(
        _ key: String, _ label: String, from: Int, limit: Int?, counts: [(String, String, String)],
        describes: Bool
    ) {
        guard let start = text.find(label, from: from, before: limit) else {
            missing.append("\(section.place)：找不到“\(label)全年预算数 …”")
            return
        }
        let stop = limit ?? text.count
        var item = clause(key, label, at: start)
        var at = start + label.count
        if let found = text.figure(after: "全年预算数", unit: "万元", from: at, before: min(stop, at + 12)) {
            item.figures["budget"] = found.number
            at = found.end
        }
        if let found = text.figure(after: "决算数", unit: "万元", from: at, before: min(stop, at + 12)) {
            item.figures["actual"] = found.number
            at = found.end
        }
        if let found = text.figure(after: "完成全年预算的", unit: "%", from: at, before: min(stop, at + 20)) {
            item.figures["completion"] = found.number
            at = found.end
        }
        let changeStart = text.find("决算数", from: at, before: stop)
        if let (reason, line, end) = reason(at: at, ends: ["决算数比上年", "决算数与上年", "决算数较上年"], limit: stop) {
            item.texts["budgetReason"] = reason
            item.textLines["budgetReason"] = line
            at = end
        }
        if let changeStart, changeStart >= at - 1, let (change, end) = change(at: changeStart) {
            item.change = change
            at = end
            if let (reason, line, end) = reason(
                at: at, ends: ["。全年", "。年末使用", "。本年", "全年安排", "全年使用", "全年国内", "年末使用"], limit: stop)
            {
                item.texts["changeReason"] = reason
                item.textLines["changeReason"] = line
                at = end
            }
        } else if key != "s5.total" {
            missing.append("\(section.place) \(label)：找不到决算数与上年的比较")
        }
        for (name, before, after) in counts {
            if let found = text.figure(after: before, unit: after, from: at, before: stop) {
                item.figures[name] = found.number
                at = found.end
            }
        }
        if describes, let (description, line, end) = reason(at: at, label: "主要是", ends: ["。（"], limit: stop) {
            item.texts["description"] = description
            item.textLines["description"] = line
            at = end
        }
        clauses.append(item)
    }

    private mutating func readThreePublic() {
        let second = text.find("公务用车购置及运行维护费全年预算数")
        let first = text.find("因公出国（境）费全年预算数")
        let third = text.find("公务接待费全年预算数", from: second ?? 0)
        threePublicItem("s5.total", "“三公”经费支出", from: 0, limit: first ?? second, counts: [], describes: false)
        threePublicItem(
            "s5.abroad", "因公出国（境）费", from: first ?? 0, limit: second,
            counts: [("groups", "团组", "个"), ("persons", "累计", "人次")], describes: true)
        if let second {
            var item = clause("s5.vehicles", "公务用车购置及运行维护费", at: second)
            if let found = text.figure(after: "全年预算数", unit: "万元", from: second, before: second + 40) {
                item.figures["budget"] = found.number
                if let actual = text.figure(after: "决算数", unit: "万元", from: found.end, before: found.end + 12) {
                    item.figures["actual"] = actual.number
                }
            }
            clauses.append(item)
        }
        let operation = text.find("公务用车运行维护费全年预算数", from: second ?? 0)
        threePublicItem(
            "s5.vehiclePurchase", "公务用车购置", from: (second ?? 0) + 10, limit: operation,
            counts: [("purchased", "购置公务用车", "辆")], describes: false)
        threePublicItem(
            "s5.vehicleOperation", "公务用车运行维护费", from: operation ?? second ?? 0, limit: third,
            counts: [("held", "保有量", "辆")], describes: false)
        threePublicItem(
            "s5.reception", "公务接待费", from: third ?? 0, limit: nil,
            counts: [("batches", "公务接待", "批"), ("persons", "累计接待", "人次")], describes: true)
    }

    // MARK: - 六 机关运行经费

    private mutating func readOperatingCosts() {
        compared("s6.costs", ["机关运行经费支出", "机关运行经费"], from: 0, reasonEnds: [])
    }

    // MARK: - 七 政府采购

    private mutating func readProcurement() {
        var at = amount("s7.total", ["政府采购支出总额"], from: 0)
        at = amount("s7.goods", ["政府采购货物支出", "货物支出"], from: at)
        at = amount("s7.works", ["政府采购工程支出", "工程支出"], from: at)
        at = amount("s7.services", ["政府采购服务支出", "服务支出"], from: at)
        for (key, label, shareLabel) in [
            ("s7.sme", "授予中小企业合同金额", "占政府采购支出总额的"), ("s7.micro", "授予小微企业合同金额", "占授予中小企业合同金额的"),
        ] {
            guard let found = text.figure(after: label, unit: "万元", from: at) else {
                missing.append("\(section.place)：找不到“\(label) … 万元”")
                continue
            }
            var item = clause(key, label, at: found.start)
            item.figures["amount"] = found.number
            at = found.end
            if let share = text.figure(after: shareLabel, unit: "%", from: at, before: at + 20) {
                item.figures["share"] = share.number
                at = share.end
            }
            clauses.append(item)
        }
        for (key, label) in [
            ("s7.goodsShare", "占货物支出金额的"), ("s7.worksShare", "占工程支出金额的"), ("s7.servicesShare", "占服务支出金额的"),
        ] {
            if let found = text.figure(after: label, unit: "%", from: at) {
                var item = clause(key, label, at: found.start)
                item.figures["share"] = found.number
                clauses.append(item)
            } else {
                missing.append("\(section.place)：找不到“\(label) …%”")
            }
        }
    }

    // MARK: - 八 国有资产

    static let vehicleKinds: [(String, String)] = [
        ("ministerial", "副部（省）级及以上领导用车"), ("principal", "主要负责人用车"), ("confidential", "机要通信用车"),
        ("emergency", "应急保障用车"), ("lawEnforcement", "执法执勤用车"), ("specialTechnical", "特种专业技术用车"),
        ("retiredCadres", "离退休干部服务用车"), ("other", "其他用车"),
    ]

    private mutating func readAssets() {
        var item = clause("s8.assets", "国有资产占用情况", at: 0)
        var at = 0
        if let found = text.figure(after: "共有车辆", unit: "辆", from: 0) {
            item.figures["vehicles"] = found.number
            at = found.end
        } else {
            missing.append("\(section.place)：找不到“共有车辆 … 辆”")
        }
        for (key, label) in Self.vehicleKinds {
            if let found = text.figure(after: label, unit: "辆", from: at) {
                item.figures[key] = found.number
                at = found.end
            }
        }
        if let found = text.find("其他用车主要是用于", from: at) {
            let start = found + "其他用车主要是用于".count
            let end = text.find("。", from: start) ?? text.count
            item.texts["otherUse"] = text.display(start..<end)
            item.textLines["otherUse"] = text.line(start)
        }
        if let found = text.figure(after: "（不含车辆）", unit: "台", from: at) {
            item.figures["equipment"] = found.number
        }
        clauses.append(item)
    }

    // MARK: - 九（一）预算绩效

    private mutating func readPerformance() {
        let end = text.find("（二）") ?? text.count
        var item = clause("s9.selfEvaluation", "绩效自评", at: 0)
        let at = read(
            [("projects", "二级项目", "个"), ("amount", "共涉及资金", "万元"), ("share", "占项目支出总额的", "%")],
            into: &item, from: 0, before: end)
        // The grades: `其中，a 个项目评价结果为“优”，b 个…“良”…` or `专项项目评价结果为“优”`.
        let evaluation = text.find("组织对", from: at, before: end) ?? text.find("组织开展", from: at, before: end) ?? end
        var gradeCounts: [String: PrintedNumber] = [:]
        var cursor = at
        while let found = text.find("个项目评价结果为“", from: cursor, before: evaluation) {
            var digitsStart = found
            while digitsStart > cursor, text.characters[digitsStart - 1].isASCIIDigit { digitsStart -= 1 }
            let gradeIndex = found + "个项目评价结果为“".count
            if digitsStart < found, gradeIndex < text.count,
                let (number, _) = text.number(at: digitsStart)
            {
                gradeCounts[String(text.characters[gradeIndex])] = number
            }
            cursor = gradeIndex
        }
        for (grade, key) in [("优", "excellent"), ("良", "good"), ("中", "fair"), ("差", "poor")] {
            if let number = gradeCounts[grade] { item.figures[key] = number }
        }
        if gradeCounts.isEmpty, at < evaluation {
            var from = at
            while from < evaluation, "。，".contains(text.characters[from]) { from += 1 }
            item.texts["gradeSentence"] = text.display(from..<evaluation)
            item.textLines["gradeSentence"] = text.line(at)
        }
        clauses.append(item)

        if let start = text.find("开展了部门评价", from: at, before: end),
            let organise = text.find("组织对", from: at, before: start)
        {
            var department = clause("s9.departmentEvaluation", "部门评价", at: organise)
            let subject = organise + "组织对".count
            if let (count, afterCount) = text.number(at: subject), text.expect("个项目", at: afterCount) != nil {
                department.figures["count"] = count
            } else {
                department.texts["subject"] = text.display(subject..<start)
            }
            var cursor = start + "开展了部门评价".count
            let sentenceEnd = text.find("。", from: cursor, before: end) ?? end
            if let names = text.expectAny(["，即", "，分别为：", "，分别是：", "，为：", "，即："], at: cursor) {
                department.texts["projects"] = text.display(names.end..<max(names.end, sentenceEnd))
                department.textLines["projects"] = text.line(names.end)
            }
            cursor = sentenceEnd
            let next = text.find("组织开展", from: cursor, before: end) ?? end
            for (key, label) in [
                ("generalBudget", "一般公共预算支出"), ("governmentFund", "政府性基金预算支出"), ("stateCapital", "国有资本预算支出"),
            ] {
                if let found = text.figure(after: label, unit: "万元", from: cursor, before: next) {
                    department.figures[key] = found.number
                }
            }
            department.texts["assessment"] = assessment(from: cursor, before: next)
            clauses.append(department)
        }
        if let start = text.find("组织开展部门整体支出绩效", from: at, before: end) {
            var overall = clause("s9.overallEvaluation", "部门整体支出绩效评价", at: start)
            for (key, label) in [("generalBudget", "一般公共预算支出"), ("governmentFund", "政府性基金预算支出")] {
                if let found = text.figure(after: label, unit: "万元", from: start, before: end) {
                    overall.figures[key] = found.number
                }
            }
            if let found = text.find("评价结果为“", from: start, before: end) {
                let gradeIndex = found + "评价结果为“".count
                if gradeIndex < text.count { overall.texts["grade"] = String(text.characters[gradeIndex]) }
            }
            overall.texts["assessment"] = assessment(from: start, before: end)
            clauses.append(overall)
        }
    }
}
