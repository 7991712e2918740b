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

    public init(place: String = "", detail: String = "", inputPath: String = "") {
        self.place = place
        self.detail = detail
        self.inputPath = inputPath
    }

    public var description: String {
        var parts: [String] = []
        let where_ = [place, detail].filter { !$0.isEmpty }.joined(separator: " ")
        if !where_.isEmpty { parts.append(where_) }
        if !inputPath.isEmpty { parts.append(inputPath) }
        return parts.joined(separator: "，")
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
