import Foundation

// A template set is a locality's report format: its templates and a declaration (set.json) that says which tables
// the report has — any number, any titles and numbering — and which table plays which role. The rules that compare
// tables address them by role and name them as the set does; the templates alone decide the wording and order.

/// What a table of the report is. The department's figures are the same whatever the format; a role says which of
/// them a table shows, so that a finding about them names the table as the set prints it.
public enum TableRole: String, Sendable, CaseIterable, Codable {
    /// 收入支出决算总表.
    case summary
    /// 收入决算表.
    case income
    /// 支出决算表.
    case expenditure
    /// 财政拨款收入支出决算总表.
    case fiscalSummary
    /// 一般公共预算财政拨款支出决算表.
    case generalBudget
    /// 一般公共预算财政拨款基本支出决算表 (明细表).
    case basic
    /// 政府性基金预算财政拨款收入支出决算表.
    case governmentFund
    /// 国有资本经营预算财政拨款支出决算表.
    case stateCapital
    /// 财政拨款“三公”经费支出决算表.
    case threePublic
    /// 国有资产占用情况表.
    case assets

    /// The title of such a table in the standard format.
    public var title: String {
        switch self {
        case .summary: return "收入支出决算总表"
        case .income: return "收入决算表"
        case .expenditure: return "支出决算表"
        case .fiscalSummary: return "财政拨款收入支出决算总表"
        case .generalBudget: return "一般公共预算财政拨款支出决算表"
        case .basic: return "一般公共预算财政拨款基本支出决算表"
        case .governmentFund: return "政府性基金预算财政拨款收入支出决算表"
        case .stateCapital: return "国有资本经营预算财政拨款支出决算表"
        case .threePublic: return "财政拨款“三公”经费支出决算表"
        case .assets: return "国有资产占用情况表"
        }
    }
}

/// A template set's declaration, resolved (what it inherits filled in).
public struct TemplateSet: Sendable, Equatable {
    /// One table of the report.
    public struct Table: Sendable, Equatable, Codable {
        /// The anchor of the table in the templates (`@table … id=t01`).
        public var id: String
        /// What the table is; nil for a table that plays none of the roles (a locality's own table).
        public var role: TableRole?
        /// How findings name it: `公开01表`, `表一`, `附表1`.
        public var name: String
        /// Its title, when findings should give it too.
        public var title: String?
    }

    /// `standard`, `central`, … (for a directory: its path).
    public var name: String
    /// One line for `juesuan templates`.
    public var title: String
    public var description: String
    /// The built-in set the set's templates fall back on (nil for `standard`).
    public var inherits: String?
    /// The last part of the report files' name: `<部门>-<年度>-部门决算.txt` (or `单位决算`).
    public var fileName: String
    /// The report's tables in order.
    public var tables: [Table]
    /// Whether the tables number their rows (行次) as the standard ones do (findings then name rows by number).
    public var standardRows: Bool
    /// The sections the report must have, for the check that none is left out.
    public var sections: [Section]

    /// A section the report must have: it is there when the text states one of its figures, or a heading has its
    /// title (a section that states no figure, such as one saying there is no 政府性基金).
    public struct Section: Sendable, Equatable, Codable {
        /// Words of its heading: `收入决算情况说明`.
        public var title: String
        /// Where a finding about it points: `第三部分 一`.
        public var place: String?
        /// The identities of figures the section states (`dept:income.total`).
        public var figures: [String]?
    }

    /// The name findings give the table that plays `role`; without such a table, its standard title.
    public func tableName(_ role: TableRole) -> String {
        tables.first { $0.role == role }?.name ?? role.title
    }

    /// The table with anchor `id`.
    public func table(id: String) -> Table? {
        tables.first { $0.id == id }
    }

    /// The names of the tables by role (`[.summary: "公开01表"]`), every role named.
    public var tableNames: TableNames {
        TableNames(
            Dictionary(uniqueKeysWithValues: TableRole.allCases.map { ($0, tableName($0)) }), standardRows: standardRows
        )
    }
}

/// How the rules name each table: by role, in the words of the template set.
public struct TableNames: Sendable, Equatable {
    let names: [TableRole: String]
    /// Whether the tables number their rows (行次) as the standard ones do, so that a finding may name a row by its
    /// number (`行 60`) rather than by its label.
    public let standardRows: Bool

    init(_ names: [TableRole: String], standardRows: Bool) {
        self.names = names
        self.standardRows = standardRows
    }

    /// `公开01表`…`公开10表`.
    public static let standard = TableNames(
        Dictionary(
            uniqueKeysWithValues: TableRole.allCases.enumerated().map {
                ($0.element, String(format: "公开%02d表", $0.offset + 1))
            }), standardRows: true)

    public subscript(role: TableRole) -> String { names[role] ?? role.title }

    /// A row of the standard layout: `行 60`, or its label where the set numbers its rows otherwise.
    public func row(_ number: Int, _ label: String) -> String {
        standardRows ? "行 \(number)" : label
    }
}

/// Why a template set cannot be used.
public struct TemplateSetError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public var description: String { message }
}

extension TemplateSet {
    /// The names of the built-in sets, `standard` first.
    public static var builtInNames: [String] {
        ["standard"] + BuiltInTemplates.templates.keys.filter { $0 != "standard" }.sorted()
    }

    /// The description of a set.json (checked like an input file: unknown keys, wrong types, each at line:column).
    static let schema = ObjectSchema(
        name: "TemplateSet", title: "模板集声明",
        fields: [
            InputSchema.text("name", "名称", appearsIn: "juesuan templates"),
            InputSchema.text("title", "说明", appearsIn: "juesuan templates"),
            InputSchema.text("description", "详细说明", appearsIn: "juesuan templates"),
            InputSchema.text("inherits", "继承的内置模板集", appearsIn: "模板查找顺序"),
            InputSchema.text("fileName", "报告文件名的最后部分", appearsIn: "输出文件名"),
            Field("standardRows", "行次与标准格式相同", .boolean, appearsIn: "审核结果中行的写法（行 60 或行名）"),
            Field(
                "tables", "报告中的表", .array(.object(tableSchema)), appearsIn: "审核结果中表的名称"),
            Field("sections", "报告必有的节", .array(.object(sectionSchema)), appearsIn: "表文一致检查"),
        ])

    static let sectionSchema = ObjectSchema(
        name: "TemplateSetSection", title: "节",
        fields: [
            InputSchema.text("title", "标题中的文字", appearsIn: "检查", required: true),
            InputSchema.text("place", "审核结果中的位置", appearsIn: "审核结果"),
            Field("figures", "这一节说明的数（标识）", .array(.string(.nonEmpty)), appearsIn: "检查"),
        ])

    static let tableSchema = ObjectSchema(
        name: "TemplateSetTable", title: "表",
        fields: [
            InputSchema.text("id", "锚点（@table 的 id）", appearsIn: "模板", required: true),
            Field(
                "role", "作用", .string(.oneOf(TableRole.allCases.map(\.rawValue))), appearsIn: "跨表检查"),
            InputSchema.text("name", "名称", appearsIn: "审核结果", required: true),
            InputSchema.text("title", "标题", appearsIn: "审核结果"),
        ])

    private struct Declaration: Decodable {
        var name: String?
        var title: String?
        var description: String?
        var inherits: String?
        var fileName: String?
        var standardRows: Bool?
        var tables: [Table]?
        var sections: [Section]?
    }

    /// Reads a declaration; `inherited` is the set it builds on (nil for a root set).
    static func declared(
        _ text: String, file: String, defaultName: String, inherited: TemplateSet?
    ) throws(TemplateSetError) -> TemplateSet {
        let tree: JSONNode
        do {
            tree = try JSONTreeParser.parse(Array(text.utf8))
        } catch {
            throw TemplateSetError(
                message: "\(file):\(error.position.line):\(error.position.column): 不是有效的 JSON：\(error.message)")
        }
        let problems = SchemaValidator.validate(tree, against: schema)
        guard problems.isEmpty else {
            throw TemplateSetError(
                message: problems.map { problem in
                    let position = problem.position.map { ":\($0.line):\($0.column)" } ?? ""
                    return "\(file)\(position): \(problem.description)"
                }.joined(separator: "\n"))
        }
        let declaration: Declaration
        do {
            declaration = try JSONTreeDecoder.decode(Declaration.self, from: tree, userInfo: [:])
        } catch {
            throw TemplateSetError(message: "\(file)：\(error)")
        }
        let tables = declaration.tables ?? inherited?.tables ?? []
        var seen: Set<String> = []
        for (index, table) in tables.enumerated() where !seen.insert(table.id).inserted {
            // Where the repeated id stands, when the tables are this file's own (not inherited).
            var place = ""
            if declaration.tables != nil, case .array(let entries, _)? = tree.member("tables"), index < entries.count {
                let position = entries[index].member("id")?.position ?? entries[index].position
                place = ":\(position.line):\(position.column): $.tables[\(index)].id"
            }
            throw TemplateSetError(message: "\(file)\(place)：表的锚点 \(table.id) 重复，每张表的 id 只能出现一次")
        }
        return TemplateSet(
            name: declaration.name ?? defaultName, title: declaration.title ?? inherited?.title ?? "",
            description: declaration.description ?? "", inherits: declaration.inherits ?? inherited?.name,
            fileName: declaration.fileName ?? inherited?.fileName ?? "部门决算", tables: tables,
            standardRows: declaration.standardRows ?? inherited?.standardRows ?? false,
            sections: declaration.sections ?? inherited?.sections ?? [])
    }

    /// The built-in set `name`, resolved, and the names of the sets its templates come from (itself first, then
    /// what it inherits, down to `standard`).
    static func builtIn(_ name: String, visiting: Set<String> = []) throws(TemplateSetError) -> (
        set: TemplateSet, chain: [String]
    ) {
        guard !visiting.contains(name) else {
            throw TemplateSetError(message: "内置模板集 \(name) 的继承关系成环")
        }
        guard let text = BuiltInTemplates.declarations[name], BuiltInTemplates.templates[name] != nil else {
            throw TemplateSetError(
                message: "没有名为“\(name)”的内置模板集（内置：\(builtInNames.joined(separator: "、"))），也没有这个目录")
        }
        let file = "Templates/\(name)/set.json"
        let raw = try declared(text, file: file, defaultName: name, inherited: nil)
        guard let parentName = raw.inherits else { return (raw, [name]) }
        let parent = try builtIn(parentName, visiting: visiting.union([name]))
        var set = try declared(text, file: file, defaultName: name, inherited: parent.set)
        set.inherits = parentName
        return (set, [name] + parent.chain)
    }
}
