import Foundation

extension ReportView {
    /// The view as JSON (keys sorted, so the bytes are stable), for `juesuan render --format json`.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
