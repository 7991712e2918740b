import Documents
import Foundation
import Mustache

// 表文一致, by figure identity. Every figure a template places keeps its identity (which figure of the view it is)
// through the markup into the document; so do the table cells. The check reads the rendered document and, for each
// number the text states:
//
// - a figure placed by the template is compared with the figure the sentence names (the words before it, see
//   `FigureNames`: a number after `收入总计` claims to be 收入总计), with the table cell of its identity and with the
//   computed value at the precision and in the unit printed (a helper may print another unit or precision);
// - a number written into the template itself, after a name, is compared with the named figure.
//
// No rule looks for a heading, a sheet name, a row label or a sentence of a particular template: wording, order,
// numbering and titles are the template set's. A wrong figure is reported at the template line:column that wrote it,
// and a table cell by the set's name for its table.

extension Validator {
    /// The table-to-text findings of a rendered report.
    public static func textFindings(_ report: RenderedReport) -> [Finding] {
        var checker = TextChecker(report)
        checker.run()
        return checker.findings
    }
}

extension RenderedReport {
    /// The text of every table cell that prints a figure, by the figure's identity, in document order (the same
    /// figure in several tables, or a table that prints it twice, gives several texts).
    public var figureCells: [String: [String]] {
        var checker = TextChecker(self)
        checker.follow()
        return checker.cellTexts
    }
}

/// The form in which a figure is printed.
enum FigureForm: Sendable, Equatable {
    case amount
    case prior
    case delta
    /// The year-on-year percentage.
    case changePercent
    /// The whole year-on-year phrase (its amount and percentage).
    case phrase
    /// `增加` / `减少` / `持平` (or `增长` / `下降`).
    case direction
    case share
    case completion

    /// The form of a figure printed through member `last` (the last key of its path: `phrase`, `t`); nil for a
    /// member that is not a printed figure (`zero`, `hasPercent`, `id`, `name`).
    init?(last: String) {
        if let known = Self.byMember[last] {
            guard let known else { return nil }
            self = known
        } else if last.hasSuffix("Share") || last.hasPrefix("share") {
            self = .share
        } else if last.hasPrefix("completion") {
            self = .completion
        } else {
            self = .amount
        }
    }

    /// The members whose form the name says (nil: not a printed figure).
    private static let byMember: [String: FigureForm?] = {
        var forms: [String: FigureForm?] = [
            "phrase": .phrase, "tight": .phrase, "delta": .delta, "deltaValue": .delta, "percent": .changePercent,
            "percentValue": .changePercent, "direction": .direction, "trend": .direction, "prior": .prior,
            "priorValue": .prior, "share": .share, "shareValue": .share, "completion": .completion,
            "amount": .amount, "value": .amount, "n": .amount, "t": .amount, "tb": .amount, "p": .amount,
            "pb": .amount, "budget": .amount, "actual": .amount, "total": .amount, "initialBudget": .amount,
        ]
        for member in [
            "zero", "same", "increase", "decrease", "hasPercent", "id", "show", "missing", "text", "name", "code",
            "fullName", "line", "number", "index", "cn", "title", "department", "year", "priorYear", "level",
            "projects", "assessment", "grade", "budgetLevel", "gradeSentence", "category", "section", "item", "empty",
            "last", "single",
        ] {
            forms[member] = .some(nil)
        }
        return forms
    }()

    /// How a finding calls the form: `占`, `完成`, `比上年`.
    var word: String {
        switch self {
        case .amount: return ""
        case .prior: return "上年"
        case .delta: return "增减"
        case .changePercent: return "增减幅度"
        case .phrase: return "比上年"
        case .direction: return "增减方向"
        case .share: return "占"
        case .completion: return "完成"
        }
    }

    var isPercentage: Bool { self == .share || self == .completion || self == .changePercent }
}

/// Which figure of the view a printed value is, and in which form it prints it.
struct FigureIdentity: Sendable, Equatable {
    let id: String
    let form: FigureForm

    /// The identity of each value that prints a figure (in the order of `values`), found in `data`, the data the
    /// templates rendered; nil for a value whose member prints no figure (`name`, `zero`) or that no object on its
    /// path identifies.
    static func of(_ values: [RenderSources.Value], in data: MustacheValue) -> [FigureIdentity?] {
        var walker = Walker(data)
        return values.map { value in
            let last = value.name.last ?? value.scope.last ?? ""
            // Only a member that can print a figure is followed into the data.
            guard FigureForm(last: last) != nil, let found = walker.identity(of: value.scope, value.name) else {
                return nil
            }
            return FigureIdentity(id: found.id, form: found.form)
        }
    }

    /// Follows paths into the data, from where the last path walked differs.
    private struct Walker {
        /// The path walked last: its keys, the value after each prefix (the root first) and the identity found so
        /// far.
        private var walked: (keys: [String], values: [MustacheValue], found: [String?])

        init(_ data: MustacheValue) {
            walked = ([], [data], [nil])
        }

        /// The identity and form of the value at `path` in the templates' data: the deepest object on the way that
        /// names it (`id` for an object that is one figure, `ids` for members that are figures). Consecutive values
        /// mostly share the start of their path (the cells of one row), so the walk starts where the last one differs.
        mutating func identity(of scope: [String], _ name: [String]) -> (id: String, form: FigureForm)? {
            let count = scope.count + name.count
            @inline(__always) func key(_ index: Int) -> String {
                index < scope.count ? scope[index] : name[index - scope.count]
            }
            var depth = 0
            while depth < count && depth < walked.keys.count && walked.keys[depth] == key(depth) { depth += 1 }
            walked.keys.removeSubrange(depth...)
            walked.values.removeSubrange((depth + 1)...)
            walked.found.removeSubrange((depth + 1)...)
            var value = walked.values[depth]
            var found = walked.found[depth]
            while depth < count {
                let key = key(depth)
                switch value {
                case .object(let object):
                    if case .object(let ids)? = object["ids"], case .string(let id)? = ids[key], !id.isEmpty {
                        found = id
                    } else if case .string(let id)? = object["id"], !id.isEmpty {
                        found = id
                    }
                    guard let next = object[key] else { return nil }
                    value = next
                case .list(let items):
                    guard let position = Int(key), items.indices.contains(position) else { return nil }
                    value = items[position]
                default:
                    return nil
                }
                walked.keys.append(key)
                walked.values.append(value)
                walked.found.append(found)
                depth += 1
            }
            guard count > 0, let id = found, let form = FigureForm(last: key(count - 1)) else { return nil }
            return (id, form)
        }
    }
}

/// A number the document states: a figure placed by a template (with its identity) or a number written into a
/// template.
struct StatedNumber {
    /// Where the text is in the paragraph (UTF-8 offsets of the paragraph text).
    var range: Range<Int>
    /// The printed text.
    var text: String
    /// Where it is in the markup (the template that wrote it is found from there when a finding needs it).
    var markup: Int
    /// For a figure: its identity and form.
    var id: String?
    var form: FigureForm?
    /// Whether a helper rewrote the figure (then its text is not the view's and is checked against the value).
    var transformed = false
}

struct TextChecker {
    let report: RenderedReport
    let book: ViewFigures
    var findings: [Finding] = []
    /// The text regions of the document: paragraphs (cell nil) and body cells, by markup offset.
    private var regions: [Region] = []
    /// The identified values in each region, by region index.
    private var figures: [Int: [StatedNumber]] = [:]
    /// Every value printed in each region: its range in the region's text, and whether it is the name of a subject
    /// (which may name a figure) rather than text the department wrote; by region index.
    private var values: [Int: [(range: Range<Int>, isName: Bool)]] = [:]
    /// The region of each paragraph, by block index.
    private var paragraphs: [Int: Int] = [:]
    /// The table cells of each identity, in document order.
    private var cells: [String: [CellPlace]] = [:]

    struct Region {
        let start: Int
        let length: Int
        let block: Int
        let row: Int?
        let cell: Int?
    }

    struct CellPlace {
        let block: Int
        let row: Int
        let cell: Int
        let text: String
        /// Where it is in the markup.
        var markup: Int
        var id = ""
    }

    /// The figure cells of each table row, by block and row (for the labels in front of them).
    private var rowCells: [Int: [Int: [CellPlace]]] = [:]

    init(_ report: RenderedReport) {
        self.report = report
        book = report.view.figures
    }

    /// Follows the figures into the document (regions, figures, cells).
    mutating func follow() {
        collectRegions()
        attachFigures()
    }

    var cellTexts: [String: [String]] { cells.mapValues { $0.map(\.text) } }

    mutating func run() {
        follow()
        declaredTables()
        declaredSections()
        tableLabels()
        var section = (part: "", number: "")
        for (index, block) in report.document.blocks.enumerated() {
            switch block {
            case .heading(let heading) where heading.level == 1:
                section = (String(heading.text.prefix { $0 != " " }), "")
            case .heading(let heading) where heading.level == 2:
                section.number = String(heading.text.prefix { $0 != "、" && $0 != " " })
                if section.number.count > 4 { section.number = "" }
            case .paragraph(let paragraph):
                let place = [section.part, section.number].filter { !$0.isEmpty }.joined(separator: " ")
                check(paragraph: paragraph.text, block: index, place: place)
            default:
                break
            }
        }
    }

    // MARK: Following figures into the document

    /// The regions, placed by markup offsets without the escapes' backslashes (`MarkupOrigins.unescaped`), so that
    /// a region's offsets and its text's advance together.
    private mutating func collectRegions() {
        let origins = report.origins
        for (index, block) in report.document.blocks.enumerated() {
            switch block {
            case .paragraph(let paragraph):
                if let start = origins.texts[index] {
                    regions.append(
                        Region(
                            start: origins.unescaped(start), length: paragraph.text.utf8.count, block: index, row: nil,
                            cell: nil))
                }
            case .table(let table):
                guard let offsets = origins.bodyCells[index] else { continue }
                for (r, row) in table.body.enumerated() where r < offsets.count {
                    for (c, cell) in row.enumerated() where c < offsets[r].count {
                        regions.append(
                            Region(
                                start: origins.unescaped(offsets[r][c]), length: cell.text.utf8.count, block: index,
                                row: r, cell: c))
                    }
                }
            default:
                break
            }
        }
        regions.sort { $0.start < $1.start }
        for (index, region) in regions.enumerated() where region.cell == nil { paragraphs[region.block] = index }
    }

    /// The region whose text contains markup offset `offset`.
    private func region(containing offset: Int) -> Int? {
        var low = 0
        var high = regions.count
        while low < high {
            let middle = (low + high) / 2
            if regions[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let region = regions[low - 1]
        return offset < region.start + max(region.length, 1) ? low - 1 : nil
    }

    private mutating func attachFigures() {
        let document = report.document
        let origins = report.origins
        for (number, value) in report.sources.values.enumerated() {
            // Offsets without the escapes' backslashes, as the regions' (see `collectRegions`).
            let lower = origins.unescaped(value.output.lowerBound)
            guard let index = region(containing: lower) else { continue }
            let region = regions[index]
            let start = lower - region.start
            let end = min(origins.unescaped(value.output.upperBound) - region.start, region.length)
            guard start >= 0, start < end else { continue }
            let last = value.name.last ?? value.scope.last ?? ""
            values[index, default: []].append((start..<end, last == "name" || last == "fullName"))
            guard let (id, form) = report.identities[number].map({ ($0.id, $0.form) }) else { continue }
            let text = Self.text(of: region, in: document, range: start..<end)
            figures[index, default: []].append(
                StatedNumber(
                    range: start..<end, text: text, markup: value.output.lowerBound, id: id, form: form,
                    transformed: !value.helpers.isEmpty))
            if let row = region.row, let cell = region.cell, form == .amount, end - start == region.length {
                let place = CellPlace(
                    block: region.block, row: row, cell: cell, text: text, markup: value.output.lowerBound, id: id)
                cells[id, default: []].append(place)
                rowCells[region.block, default: [:]][row, default: []].append(place)
            }
        }
    }

    private static func text(of region: Region, in document: Document, range: Range<Int>) -> String {
        let whole: String
        switch document.blocks[region.block] {
        case .paragraph(let paragraph): whole = paragraph.text
        case .table(let table):
            guard let row = region.row, let cell = region.cell else { return "" }
            whole = table.body[row][cell].text
        default: return ""
        }
        var text = whole
        return text.withUTF8 {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range.clamped(to: 0..<$0.count)]), as: UTF8.self)
        }
    }

    // MARK: Declared tables and sections

    private mutating func declaredTables() {
        var present: Set<String> = []
        for case .table(let table) in report.document.blocks { if let id = table.id { present.insert(id) } }
        for table in report.set.tables where !present.contains(table.id) {
            add(
                RuleCatalogue.textMatchesTables, place: "模板集", detail: "",
                "模板集声明的\(table.name)（id=\(table.id)）不在报告中：模板没有印这张表，或 @table 没有 id=\(table.id)")
        }
    }

    /// Each declared section is there: the text states one of its figures, or a heading has its title.
    private mutating func declaredSections() {
        let headings: [String] = report.document.blocks.compactMap {
            if case .heading(let heading) = $0 { return heading.text }
            return nil
        }
        var stated: Set<String> = []
        for (index, numbers) in figures where regions[index].cell == nil {
            for number in numbers { if let id = number.id { stated.insert(id) } }
        }
        for section in report.set.sections {
            let figures = section.figures ?? []
            guard !figures.contains(where: stated.contains), !headings.contains(where: { $0.contains(section.title) })
            else { continue }
            add(RuleCatalogue.textMatchesTables, place: section.place ?? "", detail: "", "报告中找不到“\(section.title)”一节")
        }
    }

    // MARK: Table labels

    /// A row label that names a figure (`五、事业收入`, `本年收入合计`) claims the figures after it in its row, up to the
    /// next label: a cell that prints another figure is a template that put the wrong figure in the table.
    private mutating func tableLabels() {
        for (block, rows) in rowCells {
            guard case .table(let table) = report.document.blocks[block] else { continue }
            for (row, figures) in rows {
                let cells = table.body[row]
                var claim: FigureName?
                var label = ""
                for (index, cell) in cells.enumerated() {
                    if let figure = figures.first(where: { $0.cell == index }) {
                        guard let claim, !claim.matches(figure.id),
                            let target = claim.patterns.first(where: { !$0.hasSuffix("*") && !$0.hasPrefix("*:") }),
                            let printed = Self.numbers(in: figure.text).first.flatMap(Self.parse),
                            let wanted = expected(target, .amount, places: printed.places, unit: "万元"),
                            wanted != printed.value
                        else { continue }
                        add(
                            RuleCatalogue.textMatchesTables, place: tableName(table),
                            detail: template(at: figure.markup),
                            "“\(label)”一行印的是“\(name(of: figure.id))”的数 \(figure.text)，\(claim.name)为 "
                                + Format.number(wanted, places: printed.places))
                    } else if cell.text.utf8.contains(where: { $0 >= 0xE0 }), let name = Self.labelName(cell.text) {
                        claim = name
                        label = cell.text
                    } else if !cell.text.isEmpty && Self.numbers(in: cell.text).isEmpty {
                        claim = nil
                    }
                }
            }
        }
    }

    /// The figure a row label names: the label without its numbering (`五、`, `（1）`, `1.`, `其中：`), when that is a
    /// name with exact identities (a 类 name claims a whole subject and is left to the text).
    private static func labelName(_ text: String) -> FigureName? {
        if let name = FigureNames.byName[text] { return exact(name) }
        // Without its numbering: up to the first `、`, `.` or `）` within the first few characters.
        var label = Substring(text)
        if label.hasPrefix("其中：") { label = label.dropFirst(3) }
        let bytes = Array(label.utf8.prefix(12))
        let marks: [[UInt8]] = [Array("、".utf8), Array(".".utf8), Array("）".utf8)]
        for mark in marks {
            guard let end = lastIndex(of: mark, in: bytes) else { continue }
            let head = String(decoding: bytes[..<end], as: UTF8.self).filter { $0 != "（" }
            guard head.allSatisfy({ $0.isNumber || "一二三四五六七八九十".contains($0) }) else { continue }
            label = Substring(String(decoding: Array(label.utf8).dropFirst(end + mark.count), as: UTF8.self))
            break
        }
        return FigureNames.byName[String(label)].flatMap(exact)
    }

    /// A name with exact identities (a 类 name claims a whole subject and is left to the text).
    private static func exact(_ name: FigureName) -> FigureName? {
        name.patterns.contains(where: { !$0.hasSuffix("*") && !$0.hasPrefix("*:") }) ? name : nil
    }

    /// The set's name for a table, else its sheet name or caption.
    private func tableName(_ table: Documents.Table) -> String {
        table.id.flatMap { report.set.table(id: $0)?.name } ?? table.sheetName ?? table.title ?? "表格"
    }

    // MARK: Paragraphs

    /// What the words before a number claim it to be, and where in the paragraph the claim starts.
    private struct Claim {
        let name: FigureName
        let start: Int
        let end: Int
    }

    private mutating func check(paragraph text: String, block: Int, place: String) {
        guard let regionIndex = paragraphs[block] else { return }
        let region = regions[regionIndex]
        let bytes = Array(text.utf8)
        let placed = figures[regionIndex] ?? []
        // Every value the templates printed in the paragraph, identified or not: its text is data, not wording.
        let values = self.values[regionIndex] ?? []
        let claims = Self.claims(in: bytes, values: values)
        var stated = placed
        stated += Self.writtenNumbers(in: bytes, outside: values.map(\.range)).map { range in
            StatedNumber(
                range: range, text: String(decoding: bytes[range], as: UTF8.self),
                markup: report.origins.escaped(region.start + range.lowerBound), id: nil, form: nil)
        }
        stated.sort { $0.range.lowerBound < $1.range.lowerBound }
        var previousEnd = 0
        var carried: Claim?
        for number in stated {
            let segment = Array(bytes[previousEnd..<number.range.lowerBound])
            let claim = Self.claim(
                before: number, segment: segment, from: previousEnd, claims: claims, carried: carried)
            let boundary = Self.hasBoundary(segment)
            if let claim {
                carried = claim
            } else if boundary {
                carried = nil
            }
            let claimed = claim ?? (boundary ? nil : carried)
            compare(number, claimed: claimed, bytes: bytes, place: place)
            previousEnd = number.range.upperBound
        }
        zeroBudgetRates(stated, bytes: bytes, place: place)
    }

    /// Every name in the paragraph that claims the number after it: in the template's wording, and in the names of
    /// subjects the view supplies (`{{name}}` of a 类); never in text the department wrote (reasons, 附件).
    private static func claims(in bytes: [UInt8], values: [(range: Range<Int>, isName: Bool)]) -> [Claim] {
        func inDepartmentText(_ range: Range<Int>) -> Bool {
            values.contains { value, isName in !isName && value.overlaps(range) }
        }
        var found: [Claim] = []
        var position = 0
        while position + 3 <= bytes.count {
            // Names start with a three-byte character; a continuation byte starts none.
            guard bytes[position] >= 0xE0, let candidates = FigureNames.byStart[FigureNames.key(bytes, position)] else {
                position += 1
                continue
            }
            for (name, needle) in candidates
            where position + needle.count <= bytes.count
                && bytes[position..<position + needle.count].elementsEqual(needle)
            {
                let range = position..<position + needle.count
                // A name inside a longer one found already does not count; the longest at a place wins.
                if !inDepartmentText(range),
                    !found.contains(where: { $0.start <= range.lowerBound && $0.end >= range.upperBound })
                {
                    found.append(Claim(name: name, start: range.lowerBound, end: range.upperBound))
                }
                break
            }
            position += 1
        }
        return found.sorted { ($0.end, $1.start) < ($1.end, $0.start) }
    }

    /// The claim of a number: the last name between the previous number and this one — for a percentage, the last
    /// before `占` (the words after it name the total it is a share of); nil when the segment names nothing.
    private static func claim(
        before number: StatedNumber, segment: [UInt8], from offset: Int, claims: [Claim], carried: Claim?
    ) -> Claim? {
        var limit = number.range.lowerBound
        if let share = lastIndex(of: Array("占".utf8), in: segment) { limit = offset + share }
        return claims.last { $0.start >= offset && $0.end <= limit }
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
        where bytes[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    /// A sentence or clause ends in the segment (`。` or `；`): what was named before no longer carries on.
    private static func hasBoundary(_ segment: [UInt8]) -> Bool {
        lastIndex(of: Array("。".utf8), in: segment) != nil || lastIndex(of: Array("；".utf8), in: segment) != nil
    }

    /// Numbers written into a template (outside every printed value) followed by `万元`, `元` or `%`.
    private static func writtenNumbers(in bytes: [UInt8], outside values: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        var i = 0
        while i < bytes.count {
            guard isDigit(i), i == 0 || !(isDigit(i - 1) || bytes[i - 1] == UInt8(ascii: ".")) else {
                i += 1
                continue
            }
            var end = i
            while isDigit(end) || (end < bytes.count && bytes[end] == UInt8(ascii: ",") && isDigit(end + 1)) {
                end += 1
            }
            if end < bytes.count && bytes[end] == UInt8(ascii: ".") && isDigit(end + 1) {
                end += 1
                while isDigit(end) { end += 1 }
            }
            let range = i..<end
            i = end
            guard !values.contains(where: { $0.overlaps(range) }) else { continue }
            var after = end
            if after < bytes.count && bytes[after] == 0x20 { after += 1 }
            let rest = bytes[after...]
            if rest.starts(with: "万元".utf8) || rest.starts(with: "元".utf8) || rest.starts(with: "%".utf8) {
                result.append(range)
            }
        }
        return result
    }

    // MARK: Comparing

    /// The unit after a number in the paragraph: `万元`, `元`, `%`, or the first word for a count (`辆`, `个`).
    private static func unit(after range: Range<Int>, in bytes: [UInt8]) -> String {
        var after = range.upperBound
        if after < bytes.count && bytes[after] == 0x20 { after += 1 }
        let rest = bytes[after...]
        for unit in ["万元", "元", "%", "人次", "辆", "个", "批", "台", "人", "套"] where rest.starts(with: unit.utf8) {
            return unit
        }
        return ""
    }

    /// The numbers in a printed text (thousands separators removed), in order.
    static func numbers(in text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var previous: UInt8 = 0x20
        func flush() {
            if current.last == UInt8(ascii: ".") { current.removeLast() }
            if !current.isEmpty && current != [UInt8(ascii: "-")] {
                result.append(String(decoding: current, as: UTF8.self))
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if current.isEmpty && previous == UInt8(ascii: "-") { current.append(previous) }
                current.append(byte)
            } else if byte == UInt8(ascii: ".") && !current.isEmpty && !current.contains(UInt8(ascii: ".")) {
                current.append(byte)
            } else if byte == UInt8(ascii: ",") && !current.isEmpty {
                // A thousands separator.
            } else {
                flush()
            }
            previous = byte
        }
        flush()
        return result
    }

    /// The value a figure has in `form`, for a number printed with `places` decimals in `unit`; nil when the form
    /// has no value (a completion rate without a budget).
    func expected(_ id: String, _ form: FigureForm, places: Int, unit: String) -> Decimal? {
        guard let figure = book[id] else { return nil }
        let scale: Decimal = unit == "元" && !figure.isCount ? 10000 : 1
        var value: Decimal
        switch form {
        case .amount: value = figure.value
        case .prior: value = figure.prior ?? 0
        case .delta: value = abs(figure.value - (figure.prior ?? 0))
        case .changePercent:
            guard let prior = figure.prior, !prior.isZero else { return nil }
            value = abs(figure.value - prior) / abs(prior) * 100
            return Format.rounded(value, places: places)
        case .share:
            guard let base = figure.shareBase else { return nil }
            value = base.isZero ? 0 : figure.value / base * 100
            return Format.rounded(value, places: places)
        case .completion:
            guard let budget = figure.budget, !Format.rounded(budget).isZero else { return nil }
            return Format.rounded(figure.value / budget * 100, places: places)
        case .phrase, .direction:
            return nil
        }
        return Format.rounded(value * scale, places: places)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The printed number's value and decimals.
    private static func parse(_ text: String) -> (value: Decimal, places: Int)? {
        guard let value = Decimal(string: text, locale: posix) else { return nil }
        let places = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
        return (value, places)
    }

    private mutating func compare(_ number: StatedNumber, claimed: Claim?, bytes: [UInt8], place: String) {
        let unit = Self.unit(after: number.range, in: bytes)
        guard let id = number.id, let form = number.form else {
            // A number written into the template: compared with the figure the words before it name.
            guard let claimed, let target = claimed.name.primary,
                let printed = Self.parse(number.text.replacingOccurrences(of: ",", with: ""))
            else { return }
            let form: FigureForm =
                unit == "%"
                ? Self.percentForm(before: number.range, in: bytes)
                : Self.amountForm(after: claimed, before: number.range.lowerBound, in: bytes)
            guard let figure = book[target], !figure.isCount,
                let wanted = expected(target, form, places: printed.places, unit: unit), wanted != printed.value
            else { return }
            report(
                claimedName: claimed.name.name, form: form, printed: number.text, unit: unit, wanted: wanted,
                places: printed.places, claimedID: target, place: place, detail: template(at: number.markup))
            return
        }
        // The figure the words before it name, when they name another one.
        var target = id
        var claimedLabel: String?
        if let claimed, !claimed.name.matches(id) {
            claimedLabel = claimed.name.name
            let label = claimed.name.name
            guard let claimedID = claimed.name.claimedID(for: id), book[claimedID] != nil else {
                let printed = Self.numbers(in: number.text).first ?? number.text
                add(
                    form.isPercentage ? RuleCatalogue.textMatchesFigures : RuleCatalogue.textMatchesTables,
                    place: place, detail: template(at: number.markup),
                    "“\(label)\(form.word.isEmpty ? "" : " " + form.word)”：正文 \(printed)\(form.isPercentage ? "%" : " " + unit) "
                        + "不是\(label)的数，是“\(name(of: id))”的数")
                return
            }
            target = claimedID
        }
        if form == .phrase || form == .direction {
            // The view words its own phrases right; one a helper rewrote, or one under another figure's name, is
            // read again.
            guard number.transformed || target != id else { return }
            return checkPhrase(number, id: target, label: claimedLabel, form: form, place: place)
        }
        guard let printedText = Self.numbers(in: number.text).first else { return }
        if target != id {
            guard let printed = Self.parse(printedText) else { return }
            if let wanted = expected(target, form, places: printed.places, unit: unit), wanted != printed.value {
                report(
                    claimedName: claimedLabel ?? name(of: id), form: form, printed: printedText, unit: unit,
                    wanted: wanted, places: printed.places, claimedID: target, place: place,
                    detail: template(at: number.markup))
            }
            return
        }
        // The figure itself: its table cell and its computed value.
        if form == .amount, unit != "元", let cell = cells[id]?.first, let cellText = Self.numbers(in: cell.text).first,
            cellText != printedText, let printed = Self.parse(printedText), let cellValue = Self.parse(cellText),
            cellValue.places == printed.places, cellValue.value != printed.value
        {
            add(
                RuleCatalogue.textMatchesTables, place: place, detail: template(at: number.markup),
                "“\(name(of: id))”：正文 \(printedText) \(unit)，\(cellPlace(cell))为 \(cellText)")
            return
        }
        // The view's own strings are the computed values; a helper's text is computed again.
        guard number.transformed, let printed = Self.parse(printedText) else { return }
        if let wanted = expected(id, form, places: printed.places, unit: unit), wanted != printed.value {
            report(
                claimedName: name(of: id), form: form, printed: printedText, unit: unit, wanted: wanted,
                places: printed.places, claimedID: "", place: place, detail: template(at: number.markup))
        }
    }

    /// A percentage written into the template: a completion rate after `完成`, a change after `增长`/`下降`, else a
    /// share.
    /// The form of an amount written into a template after a name: the change (`比上年减少 92.18 万元`) when the words
    /// between them say 增加 or 减少, last year's amount when they or the word just before the name say 上年
    /// (`上年收入总计`), else the figure itself.
    private static func amountForm(after claim: Claim, before end: Int, in bytes: [UInt8]) -> FigureForm {
        let between = claim.end < end ? Array(bytes[claim.end..<end]) : []
        if lastIndex(of: Array("增加".utf8), in: between) != nil || lastIndex(of: Array("减少".utf8), in: between) != nil {
            return .delta
        }
        let prior = Array("上年".utf8)
        let justBefore = bytes[max(0, claim.start - prior.count)..<claim.start]
        return lastIndex(of: prior, in: between) != nil || justBefore.elementsEqual(prior) ? .prior : .amount
    }

    private static func percentForm(before range: Range<Int>, in bytes: [UInt8]) -> FigureForm {
        let before = Array(bytes[max(0, range.lowerBound - 30)..<range.lowerBound])
        if lastIndex(of: Array("完成".utf8), in: before) != nil { return .completion }
        if lastIndex(of: Array("增长".utf8), in: before) != nil || lastIndex(of: Array("下降".utf8), in: before) != nil {
            return .changePercent
        }
        return .share
    }

    /// A year-on-year phrase or direction: its words agree with the change and its numbers with its size.
    private mutating func checkPhrase(
        _ number: StatedNumber, id: String, label: String?, form: FigureForm, place: String
    ) {
        guard let figure = book[id], let prior = figure.prior else { return }
        let change = YearOnYear(current: Amount(figure.value), prior: Amount(prior))
        let words: [String]
        var parts: [FigureForm] = []
        switch change {
        case .same: words = ["持平"]
        case .increaseFromZero: (words, parts) = (["增加", "增长"], [.delta])
        case .increase: (words, parts) = (["增加", "增长"], [.delta, .changePercent])
        case .decrease: (words, parts) = (["减少", "下降"], [.delta, .changePercent])
        }
        let others = ["持平", "增加", "增长", "减少", "下降"].filter { !words.contains($0) }
        var right =
            !others.contains(where: { number.text.contains($0) }) && words.contains(where: { number.text.contains($0) })
        if right && form == .phrase {
            for (part, text) in zip(parts, Self.numbers(in: number.text)) {
                guard let value = Self.parse(text),
                    let wanted = expected(id, part, places: value.places, unit: "万元"), wanted != value.value
                else { continue }
                right = false
            }
        }
        if !right {
            add(
                RuleCatalogue.textMatchesFigures, place: place, detail: template(at: number.markup),
                "“\(label ?? name(of: id)) 比上年”：正文“\(number.text)”，应为“\(ChangeView(change, prior: Amount(prior)).phrase)”"
            )
        }
    }

    private mutating func report(
        claimedName: String, form: FigureForm, printed: String, unit: String, wanted: Decimal, places: Int,
        claimedID: String, place: String, detail: String
    ) {
        let expectedText = Format.number(wanted, places: places)
        if form == .amount, unit != "元", !claimedID.isEmpty, let cell = cells[claimedID]?.first {
            let cellText = Self.numbers(in: cell.text).first ?? cell.text
            add(
                RuleCatalogue.textMatchesTables, place: place, detail: detail,
                "“\(claimedName)”：正文 \(printed) \(unit)，\(cellPlace(cell))为 \(cellText)")
        } else if form.isPercentage {
            add(
                RuleCatalogue.textMatchesFigures, place: place, detail: detail,
                "“\(claimedName) \(form.word)”：正文 \(printed)%，计算结果 \(expectedText)%")
        } else {
            add(
                RuleCatalogue.textMatchesTables, place: place, detail: detail,
                "“\(claimedName)\(form.word.isEmpty ? "" : " " + form.word)”：正文 \(printed) \(unit)，计算结果 \(expectedText)"
            )
        }
    }

    /// A name for a figure in a message: the first name that claims it exactly, else its identity.
    private func name(of id: String) -> String {
        if let name = FigureNames.fixed.first(where: { $0.patterns.contains(id) }) { return name.name }
        let (subject, measure) = FigureID.split(id)
        if subject == "dept", measure.hasPrefix("econ."), let code = EconomicCodes.named(String(measure.dropFirst(5))) {
            return "\(code.code) \(code.name)"
        }
        if subject != "dept", let line = report.view.figures[id] != nil ? String(subject) : nil {
            return "科目 \(line) "
                + (FigureNames.fixed.first { $0.patterns.contains("dept:" + measure) }?.name ?? String(measure))
        }
        return id
    }

    /// `公开01表 总计（行 31）`, `公开05表 合计 基本支出`: the set's name for the table, the row's label (and 行次), the
    /// column's heading when the row has other figures under other headings.
    private func cellPlace(_ place: CellPlace) -> String {
        guard case .table(let table) = report.document.blocks[place.block] else { return "" }
        let tableName = self.tableName(table)
        let grid = TableGrid(rows: table.body, columnCount: table.columns.count)
        let texts = grid.texts
        let column = Self.column(of: place.cell, in: table.body[place.row])
        var label = ""
        var line = ""
        var index = column - 1
        while index >= 0 && place.row < texts.count {
            let text = texts[place.row][index].trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                if text.allSatisfy(\.isNumber), line.isEmpty, label.isEmpty {
                    line = text
                } else if Self.numbers(in: text).isEmpty
                    || text.contains(where: { $0.unicodeScalars.first!.value > 0x2000 })
                {
                    label = text
                    break
                }
            }
            index -= 1
        }
        var result = tableName
        if !label.isEmpty { result += " " + label }
        let heading = columnHeading(table, column: column, row: place.row, texts: texts)?.replacingOccurrences(
            of: " ", with: "")
        let notes = [line.isEmpty ? nil : "行 \(line)", heading].compactMap { $0 }
        if !notes.isEmpty { result += "（" + notes.joined(separator: "，") + "）" }
        return result
    }

    /// The grid column where the `index`th cell of a row starts.
    private static func column(of index: Int, in row: [Cell]) -> Int {
        row.prefix(index).reduce(0) { $0 + $1.colSpan }
    }

    /// The heading of a column, when the row has figures under other headings too.
    private func columnHeading(_ table: Documents.Table, column: Int, row: Int, texts: [[String]]) -> String? {
        let header = TableGrid(rows: table.header, columnCount: table.columns.count).texts
        func heading(_ column: Int) -> String? {
            for headerRow in header.reversed() where column < headerRow.count {
                let text = headerRow[column].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty && Self.numbers(in: text).isEmpty { return text }
            }
            return nil
        }
        guard let own = heading(column) else { return nil }
        let numericColumns = table.columns.indices.filter { table.columns[$0].numeric && $0 != column }
        let others = numericColumns.compactMap { other -> String? in
            guard row < texts.count, other < texts[row].count, !Self.numbers(in: texts[row][other]).isEmpty else {
                return nil
            }
            return heading(other)
        }
        return others.contains(where: { $0 != own }) ? own : nil
    }

    /// N-01: no completion rate on a zero budget. In each clause, a percentage after `完成` is a completion rate; the
    /// budget it is a rate of is the last amount named as a budget before it (a figure whose identity is a budget,
    /// or a number after `预算`).
    private mutating func zeroBudgetRates(_ stated: [StatedNumber], bytes: [UInt8], place: String) {
        var lastBudget: StatedNumber?
        var previousEnd = 0
        for number in stated {
            let segment = Array(bytes[previousEnd..<number.range.lowerBound])
            if Self.hasBoundary(segment) { lastBudget = nil }
            let unit = Self.unit(after: number.range, in: bytes)
            let isBudget =
                number.id.map {
                    Self.budgetMeasures.contains(String(FigureID.split($0).measure.split(separator: ".").last ?? ""))
                }
                ?? (lastIndex(of: Array("预算".utf8), in: segment) != nil)
            if unit == "%" && Self.lastIndex(of: Array("完成".utf8), in: segment) != nil {
                if let budget = lastBudget, let value = Self.numbers(in: budget.text).first.flatMap(Self.parse),
                    value.value.isZero
                {
                    add(
                        RuleCatalogue.zeroBudgetRate, place: place,
                        detail: template(at: number.markup),
                        "预算数为 0 时写了完成率：“\(String(decoding: bytes[max(0, budget.range.lowerBound - 30)..<number.range.upperBound], as: UTF8.self))”"
                    )
                }
            } else if isBudget && unit != "%" {
                lastBudget = number
            }
            previousEnd = number.range.upperBound
        }
    }

    private func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? { Self.lastIndex(of: needle, in: bytes) }

    /// `模板 part3/s1:3:45`: the template position that wrote markup offset `offset`.
    private func template(at offset: Int) -> String {
        report.sources.location(at: offset).map { "模板 \($0.template):\($0.line):\($0.column)" } ?? ""
    }

    /// The last part of the measure of a budget figure.
    static let budgetMeasures: Set<String> = ["fiscalBudget", "adjustedBudget", "initialBudget", "generalBudgetBudget"]

    private mutating func add(_ rule: Rule, place: String, detail: String, _ message: String) {
        let finding = rule.finding(FindingLocation(place: place, detail: detail), message)
        if !findings.contains(finding) { findings.append(finding) }
    }
}
