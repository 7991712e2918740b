import Foundation
import JueSuan

enum ImportCommand: Command {
    static let name = "import"
    static let summary = "把已公开的部门决算报告读成部门数据文件（JSON 或工作簿），每个所印的数都录入"
    static let synopsis = "juesuan import FILE --out DIR [--format json|xlsx|all] [--force]"
    static let details = """
        FILE 是已公开报告的文字（.txt）或 Word 文档（.docx）。写出“<部门>-<年度>-决算数据.json”（--format xlsx 写工作簿，all 两者都写）
        和“<部门>-<年度>-导入说明.txt”：报告中读不出的内容，以及与明细不符、未录入的合计（审核发现的错误）。
        录入的内容：项级科目、06 表明细、09 和 10 表各行；所印的合计作为核对用的官方合计；由正文推算的上年数（本年数 ∓ 比上年增减额）；
        原因说明；第一、四、五部分和第三部分 九的文字。用导入的文件生成的报告与原报告相同，只差审核发现的错误和统一的标准写法。
        新一年从上年报告开始：juesuan workbook --prior 上年报告.txt --out DIR。
        """
    static let options: [OptionSpec] = [
        .value("format", "FMT", help: "json（默认）、xlsx 或 all", short: "f"),
        .value("out", "DIR", help: "输出目录（默认当前目录）", short: "o"),
        .flag("force", help: "覆盖已存在的文件"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        func usage(_ message: String) -> ExitStatus {
            console.err("juesuan import：\(message)\n\n" + help)
            return .usage
        }
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            return usage(arguments.positionals.isEmpty ? "缺少报告文件" : "一次只能导入一份报告")
        }
        let format = (arguments.value("format") ?? "json").lowercased()
        guard ["json", "xlsx", "all"].contains(format) else { return usage("未知格式“\(format)”（可用：json、xlsx、all）") }
        let file: ReportFile
        switch ReportFile.read(path: path) {
        case .failure(let error):
            console.err(error.description + "\n")
            return .usage
        case .success(let read): file = read
        }
        let report = PublishedReport(file)
        guard report.year != nil || !report.department.isEmpty || !report.tables.isEmpty else {
            console.err("\(path)：看不出是部门决算报告（找不到标题、年度和公开表）\n")
            return .usage
        }
        let imported = ReportImport.department(from: report)
        let input = imported.input
        let out = URL(fileURLWithPath: arguments.value("out") ?? ".")
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            console.err("juesuan import：无法创建输出目录 \(out.path)：\(error.localizedDescription)\n")
            return .usage
        }
        let base = OutputFiles.workbookBaseName(
            department: input.department.name.isEmpty ? "部门" : input.department.name, year: input.year)
        var outputs: [(URL, () throws -> [UInt8])] = []
        if format == "json" || format == "all" {
            outputs.append(
                (out.appendingPathComponent(base + ".json"), { Array(try InputLoader.encode(input)) + [0x0A] }))
        }
        if format == "xlsx" || format == "all" {
            outputs.append(
                (
                    out.appendingPathComponent(base + ".xlsx"),
                    { try DepartmentWorkbook.bytes(DepartmentWorkbook.spreadsheet(input)) }
                ))
        }
        let notesName =
            OutputFiles.workbookBaseName(
                department: input.department.name.isEmpty ? "部门" : input.department.name, year: input.year
            )
            .replacingOccurrences(of: "-决算数据", with: "-导入说明") + ".txt"
        let notesURL = out.appendingPathComponent(notesName)
        let notesText =
            "\(path) 导入说明\n\n"
            + (imported.notes.isEmpty
                ? "全部内容都已读出并录入。\n"
                : "以下内容未能读取或未录入（共 \(imported.notes.count) 项），请对照原报告核对：\n\n" + imported.notesText(file) + "\n")
        outputs.append((notesURL, { Array(notesText.utf8) }))
        if !arguments.has("force") {
            for (url, _) in outputs where FileManager.default.fileExists(atPath: url.path) {
                console.err("\(url.path)：文件已存在（加 --force 覆盖）\n")
                return .usage
            }
        }
        for (url, bytes) in outputs {
            do {
                try OutputFiles.writeAtomically(try bytes(), to: url)
            } catch {
                console.err("\(url.path)：写入失败：\(error)\n")
                return .usage
            }
            console.err("已生成 \(url.path)\n")
        }
        if !imported.notes.isEmpty {
            console.err("未能读取或未录入 \(imported.notes.count) 项，见 \(notesURL.path)\n")
        }
        return .ok
    }
}
