import Foundation
import JueSuan

enum WorkbookCommand: Command {
    static let name = "workbook"
    static let summary = "生成部门数据填报工作簿（.xlsx）：空白的、由已有部门文件填好的，或由上年文件开始的新一年"
    static let synopsis = """
        juesuan workbook --year YEAR --out DIR [--unit 万元|元]
               juesuan workbook FILE --out DIR
               juesuan workbook --prior LAST-YEAR-FILE [--year YEAR] --out DIR [--format xlsx|json]
        """
    static let details = """
        财务人员在 Excel 或 WPS 中填写工作簿，填好后与 JSON 文件一样使用：juesuan render 工作簿.xlsx、juesuan validate 工作簿.xlsx。
        黄色单元格填写，灰色单元格是公式；每张表顶部说明填什么、金额单位是什么。各表说明见 docs/WORKBOOK.md。
        --year YEAR：空白工作簿。FILE（.json 或 .xlsx）：由该部门的数据填好的工作簿。
        --prior FILE：从上年的部门文件（.json 或 .xlsx）或上年公开的报告（.txt 或 .docx，按 juesuan import 读取）开始新一年：
        上年数由上年数据计算填好，部门概况、名词解释、附件沿用以便修改，
        本年数字为空；年度默认为上年加 1。--format json 写 JSON 文件而不是工作簿。
        文件名为“<部门>-<年度>-决算数据.xlsx”（空白的为“部门决算数据-<年度>.xlsx”）。已存在的文件不覆盖，除非加 --force。
        """
    static let options: [OptionSpec] = [
        .value("year", "YEAR", help: "决算年度（空白工作簿，或 --prior 时的新年度）"),
        .value("prior", "FILE", help: "上年的部门文件（.json 或 .xlsx）或上年公开的报告（.txt 或 .docx），从它开始新一年"),
        .value("unit", "UNIT", help: "空白工作簿的金额单位：万元（默认）或 元"),
        .value("format", "FMT", help: "xlsx（默认）或 json", short: "f"),
        .value("out", "DIR", help: "输出目录（默认当前目录）", short: "o"),
        .flag("force", help: "覆盖已存在的文件"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        func usage(_ message: String) -> ExitStatus {
            console.err("juesuan workbook：\(message)\n\n" + help)
            return .usage
        }
        guard arguments.positionals.count <= 1 else { return usage("只能给一个部门文件") }
        let format = (arguments.value("format") ?? "xlsx").lowercased()
        guard format == "xlsx" || format == "json" else { return usage("未知格式“\(format)”（可用：xlsx、json）") }
        var year: Int?
        if let text = arguments.value("year") {
            guard let value = Int(text), (2000...2100).contains(value) else { return usage("--year 应为年度，如 2025") }
            year = value
        }
        var unit = InputUnit.wanYuan
        if let text = arguments.value("unit") {
            guard let value = InputUnit(rawValue: text) else { return usage("--unit 应为“万元”或“元”") }
            unit = value
        }

        let input: DepartmentInput
        let blank: Bool
        if let path = arguments.positionals.first {
            guard arguments.value("prior") == nil, year == nil else {
                return usage("FILE 与 --year、--prior 不能同时使用")
            }
            guard let loaded = load(path, console: console) else { return .usage }
            input = loaded
            blank = false
        } else if let prior = arguments.value("prior") {
            let last: DepartmentInput
            if ReportImport.isPublishedReport(path: prior) {
                // Last year's published report: its figures, as `juesuan import` reads them.
                switch ReportImport.department(path: prior) {
                case .failure(let error):
                    console.err(error.description + "\n")
                    return .usage
                case .success(let imported):
                    last = imported.input
                    if !imported.notes.isEmpty {
                        console.err("\(prior)：上年报告中有 \(imported.notes.count) 项未能读取或未录入（juesuan import 列出它们）\n")
                    }
                }
            } else {
                guard let loaded = load(prior, console: console) else { return .usage }
                last = loaded
            }
            input = NextYear.start(from: last, year: year ?? last.year + 1)
            blank = false
        } else if let year {
            input = DepartmentInput.blank(year: year, unit: unit)
            blank = true
        } else {
            return usage("请给出部门文件、--year 或 --prior")
        }

        let out = arguments.value("out") ?? "."
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            console.err("juesuan workbook：无法创建输出目录 \(out)：\(error.localizedDescription)\n")
            return .usage
        }
        let base =
            input.department.name.isEmpty
            ? "部门决算数据-\(input.year)" : OutputFiles.workbookBaseName(department: input.department.name, year: input.year)
        let url = URL(fileURLWithPath: out).appendingPathComponent(base + "." + format)
        if !arguments.has("force"), FileManager.default.fileExists(atPath: url.path) {
            console.err("\(url.path)：文件已存在（加 --force 覆盖）\n")
            return .usage
        }
        let bytes: [UInt8]
        do {
            if format == "json" {
                bytes = Array(try InputLoader.encode(input)) + [0x0A]
            } else {
                let spreadsheet =
                    blank
                    ? DepartmentWorkbook.blank(year: input.year, unit: input.unit)
                    : DepartmentWorkbook.spreadsheet(input)
                bytes = try DepartmentWorkbook.bytes(spreadsheet)
            }
            try OutputFiles.writeAtomically(bytes, to: url)
        } catch {
            console.err("\(url.path)：写入失败：\(error)\n")
            return .usage
        }
        console.err("已生成 \(url.path)\n")
        return .ok
    }

    private static func load(_ path: String, console: Console) -> DepartmentInput? {
        switch InputLoader.load(path: path) {
        case .success(let input): return input
        case .failure(let error):
            console.err(error.description + "\n")
            return nil
        }
    }
}
