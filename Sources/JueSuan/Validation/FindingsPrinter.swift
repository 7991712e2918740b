/// Findings as text for a terminal: grouped by severity, one line each with rule id, location and message.
public enum FindingsPrinter {
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
}
