import Foundation

/// The findings of one input file (for `juesuan validate --format json`).
public struct FileFindings: Sendable, Encodable {
    public var file: String
    public var department: String
    public var year: Int
    public var findings: [Finding]

    public init(file: String, department: String, year: Int, findings: [Finding]) {
        self.file = file
        self.department = department
        self.year = year
        self.findings = findings
    }
}

/// Findings for people (a terminal) and for machines (JSON).
public enum FindingsPrinter {
    /// Grouped by severity, one line each: rule id, location, message.
    public static func text(_ findings: [Finding], fileName: String) -> String {
        var lines: [String] = []
        for severity in Severity.allCases {
            let group = findings.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            lines.append("\(fileName)：\(severity.chinese) \(group.count) 项")
            for finding in group {
                let location = finding.location.description
                lines.append("  [\(finding.rule)] \(location.isEmpty ? "" : location + "：")\(finding.message)")
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// `s0.json：致命 0 项，警告 3 项，提示 1 项`.
    public static func summary(_ findings: [Finding], fileName: String) -> String {
        "\(fileName)：" + counts(findings)
    }

    /// `致命 0 项，警告 3 项，提示 1 项`.
    public static func counts(_ findings: [Finding]) -> String {
        Severity.allCases.map { severity in
            "\(severity.chinese) \(findings.filter { $0.severity == severity }.count) 项"
        }.joined(separator: "，")
    }

    public static func json(_ files: [FileFindings]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(files) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
