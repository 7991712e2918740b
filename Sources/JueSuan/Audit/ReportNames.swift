// The names a report gives its parts and tables, where they differ from the standard format's: 四川 prints 情况说明
// as 第二部分 and its tables as 附表1…, a city may number its tables 表一…. The audit reads every format by its
// standard roles and names; its findings are then placed in the report's own words.

/// The report's own names of the standard parts and tables it prints under other names.
public struct ReportNames: Sendable, Equatable {
    /// The standard part heading (`第三部分`) → the report's (`第二部分`).
    public var parts: [String: String] = [:]
    /// The standard table label (`公开01表`) → the report's (`附表1`).
    public var tables: [String: String] = [:]

    public init() {}

    /// Whether a line is a table's label alone: `公开01表`, `附表1`, `表1`, `表一`.
    static func isTableLabel(_ compact: String) -> Bool {
        compact.wholeMatch(of: /(公开[0-9]{2}表|附表[0-9]{1,2}|表[0-9]{1,2}|表[一二三四五六七八九十]{1,3})/) != nil
    }

    /// `text` with every standard part heading and table label the report names otherwise replaced by its name
    /// (all at once, so that a name is never replaced twice).
    public func rename(_ text: String) -> String {
        guard !parts.isEmpty || !tables.isEmpty else { return text }
        return text.replacing(/第[一二三四五六七八九]部分|公开[0-9]{2}表/) { match in
            let found = String(match.output)
            return parts[found] ?? tables[found] ?? found
        }
    }

    /// An unread line placed in the report's own names.
    public func rename(_ line: UnreadLine) -> UnreadLine {
        guard !parts.isEmpty || !tables.isEmpty else { return line }
        var renamed = line
        renamed.place = rename(line.place)
        renamed.reason = rename(line.reason)
        return renamed
    }
}
