import Documents
import Foundation
import Testing

@testable import JueSuan

/// A template directory can inherit the built-in standard report and replace single blocks.
@Suite struct TemplateOverrideTests {
    static let overrides = fixturesDirectory.appendingPathComponent("override")

    func text(_ templates: ReportTemplates) throws -> String {
        let input = try InputLoader.load(path: packageRoot.appendingPathComponent("Samples/s0-rendaban.json").path)
            .get()
        let report = try RenderedReport(view: ReportView.build(Accounts(input)), templates: templates)
        return TextWriter.write(report.document)
    }

    @Test func overrideReplacesOneBlockAndKeepsTheRest() throws {
        let standard = try text(.standard).components(separatedBy: "\n")
        let custom = try text(try ReportTemplates(directory: Self.overrides)).components(separatedBy: "\n")
        let replaced = "景德镇市人大办公室 2024 年度政府采购支出总额 15.60 万元（本节由地方模板改写）。"
        #expect(custom.contains(replaced))
        #expect(!standard.contains(replaced))
        // Exactly the §七 paragraph differs.
        let removed = standard.filter { !custom.contains($0) }
        let added = custom.filter { !standard.contains($0) }
        #expect(removed.count == 1)
        #expect(removed.first?.hasPrefix("本部门 2024 年度政府采购支出总额 15.60 万元，其中：") == true)
        #expect(added == [replaced])
    }

    @Test func anUnknownNameInAnOverrideIsAnErrorWithItsPosition() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("juesuan-tpl-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{{<standard}}\n{{$s7}}\n@p {{part3.s7.totl}}\n{{/s7}}\n{{/standard}}\n"
            .write(to: directory.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        #expect {
            _ = try text(try ReportTemplates(directory: directory))
        } throws: { error in
            let description = "\(error)"
            return description.contains("report:3:4") && description.contains("{{part3.s7.totl}}")
        }
    }

    /// The built-in sets embedded in the binary are exactly the files in Templates/<set>.
    @Test func embeddedTemplatesMatchTheFiles() throws {
        let root = packageRoot.appendingPathComponent("Templates")
        let sets = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: root.appendingPathComponent($0).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
        #expect(Set(sets) == Set(BuiltInTemplates.templates.keys))
        for set in sets {
            let directory = root.appendingPathComponent(set)
            var onDisk: [String: String] = [:]
            let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "mustache" else { continue }
                let name = String(url.path.dropFirst(directory.path.count + 1).dropLast(".mustache".count))
                onDisk[name] = try String(contentsOf: url, encoding: .utf8)
            }
            #expect(onDisk == BuiltInTemplates.templates[set], "\(set): run python3 Templates/embed.py")
            let declaration = try String(contentsOf: directory.appendingPathComponent("set.json"), encoding: .utf8)
            #expect(BuiltInTemplates.declarations[set] == declaration, "\(set): run python3 Templates/embed.py")
        }
    }
}
