/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// The report must not be published: `juesuan render` refuses it.
    case fatal
    /// Worth a look before publishing (a missing reason, a rounding difference).
    case warning
    /// For information.
    case info

    var rank: Int {
        switch self {
        case .fatal: return 0
        case .warning: return 1
        case .info: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// 致命 / 警告 / 提示.
    public var chinese: String {
        switch self {
        case .fatal: return "致命"
        case .warning: return "警告"
        case .info: return "提示"
        }
    }
}

/// Where a finding is: a table cell, a place in the report, or a field of the input.
public struct FindingLocation: Sendable, Equatable, Codable, CustomStringConvertible {
    /// `公开01表`, `第三部分 一` …; empty when the finding is about the input only.
    public var place: String
    /// Row and column in a table, e.g. `行 27 栏 1`, or a phrase such as `本年收入合计`.
    public var detail: String
    /// The input's JSON path, e.g. `$.subjects[3].code`, when a field is to blame.
    public var inputPath: String
    /// Where `inputPath` is in the file, `line:column` (empty when unknown; `FindingLocator` fills it in). For a
    /// field that is missing, the object it belongs in.
    public var position: String

    public init(place: String = "", detail: String = "", inputPath: String = "", position: String = "") {
        self.place = place
        self.detail = detail
        self.inputPath = inputPath
        self.position = position
    }

    public var description: String {
        var parts: [String] = []
        let where_ = [place, detail].filter { !$0.isEmpty }.joined(separator: " ")
        if !where_.isEmpty { parts.append(where_) }
        if !inputPath.isEmpty { parts.append(inputPath + (position.isEmpty ? "" : "（\(positionText)）")) }
        return parts.joined(separator: "，")
    }

    private enum CodingKeys: String, CodingKey {
        case place, detail, inputPath, position
    }

    /// Findings written before `position` existed read with an empty position.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        place = try container.decode(String.self, forKey: .place)
        detail = try container.decode(String.self, forKey: .detail)
        inputPath = try container.decode(String.self, forKey: .inputPath)
        position = try container.decodeIfPresent(String.self, forKey: .position) ?? ""
    }

    /// `第 12 行第 5 列` for `12:5`; any other position as it is.
    var positionText: String {
        let parts = position.split(separator: ":")
        guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) else { return position }
        return "第 \(line) 行第 \(column) 列"
    }
}

/// Puts the line:column of each finding's input path in the file it was read from.
public enum FindingLocator {
    public static func locate(_ findings: [Finding], in tree: JSONNode) -> [Finding] {
        findings.map { finding in
            guard !finding.location.inputPath.isEmpty, let path = JSONPath(parsing: finding.location.inputPath) else {
                return finding
            }
            var located = finding
            let position = tree.deepest(at: path).position
            located.location.position = "\(position.line):\(position.column)"
            return located
        }
    }
}

/// One result of a rule.
public struct Finding: Sendable, Equatable, Codable {
    /// The rule's stable id, e.g. `T01-03`.
    public var rule: String
    public var severity: Severity
    public var location: FindingLocation
    /// Chinese, with the figures involved.
    public var message: String

    public init(rule: String, severity: Severity, location: FindingLocation, message: String) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
    }
}
