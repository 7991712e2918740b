import Foundation
import JueSuan
import Mustache

enum MustacheCommand: Command {
    static let name = "mustache"
    static let summary = "用 JSON 数据渲染一个 Mustache 模板（编写和调试模板用）"
    static let synopsis =
        "juesuan mustache TEMPLATE --data DATA.json [--partials DIR] [--spec] [--escape none|html|xml]"
    static let details = """
        结果写到标准输出，错误写到标准错误。默认为严格模式：未知名称、找不到的局部模板或父模板都是错误，
        每个错误注明“模板:行:列”，全部列出后以状态 1 退出（不输出渲染结果）。
        局部模板 {{>x}} 和父模板 {{<x}} 是 DIR/x.mustache（没有时为 DIR/x）；不给 --partials 时，DIR 是模板文件所在的目录。
        DATA.json 为 - 时从标准输入读取；按严格的 JSON 读取（重复的键、超过 38 位有效数字的数都是错误，注明行:列）。
        --spec 时模板按原样读取（不去掉 BOM，不把 CRLF 换成 LF），与规范的测试用例一致。
        """
    static let options: [OptionSpec] = [
        .value("data", "DATA.json", help: "JSON 数据文件（- 为标准输入）", short: "d"),
        .value("partials", "DIR", help: "局部模板和父模板所在目录（默认：模板文件所在目录）"),
        .flag("spec", help: "按 Mustache 规范渲染：缺少的名称输出为空，不算错误"),
        .value("escape", "MODE", help: "{{name}} 的转义方式：none、html（默认）或 xml"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        func usage(_ message: String) -> ExitStatus {
            console.err("juesuan mustache：\(message)\n\n" + help)
            return .usage
        }
        func failure(_ message: String) -> ExitStatus {
            console.err("juesuan mustache：\(message)\n")
            return .usage
        }

        guard arguments.positionals.count == 1 else {
            return usage(arguments.positionals.isEmpty ? "缺少模板文件" : "只能给一个模板文件")
        }
        guard let dataPath = arguments.value("data") else { return usage("缺少 --data DATA.json") }
        let escaping: Escaping
        switch arguments.value("escape") ?? "html" {
        case "none": escaping = .none
        case "html": escaping = .html
        case "xml": escaping = .xml
        case let other: return usage("--escape 只能是 none、html 或 xml，不能是“\(other)”")
        }

        let templatePath = arguments.positionals[0]
        let templateText: String
        do {
            templateText = try TemplateText.decode(Array(try Data(contentsOf: URL(fileURLWithPath: templatePath))))
        } catch let error as TemplateText.InvalidUTF8 {
            return failure("\(templatePath):\(error.line):\(error.column): 模板不是有效的 UTF-8 文本")
        } catch {
            return failure("无法读取模板文件 \(templatePath)：\(error.localizedDescription)")
        }
        let data: Data
        do {
            data =
                dataPath == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: dataPath))
        } catch {
            return failure("无法读取数据文件 \(dataPath)：\(error.localizedDescription)")
        }
        let value: MustacheValue
        do {
            value = try templateData(JSONTreeParser.parse(Array(data)), path: .root)
        } catch let error as JSONSyntaxError {
            return failure("\(dataPath):\(error.position): JSON 格式错误：\(error.message)")
        } catch let error as DataProblem {
            return failure("\(dataPath):\(error.position): \(error.path)：\(error.message)")
        } catch {
            return failure("\(dataPath)：\(error)")
        }
        let spec = arguments.has("spec")

        let partials =
            arguments.value("partials").map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? URL(fileURLWithPath: templatePath).deletingLastPathComponent()
        let library = TemplateLibrary(
            sources: [DirectoryTemplateSource(root: partials, allowsExactFileNames: true)], normalizesSource: !spec)
        let result: RenderResult
        do {
            let template = try Template(parsing: templateText, name: templatePath, normalizesSource: !spec)
            result = library.render(
                template, value, options: RenderOptions(escaping: escaping, mode: spec ? .spec : .strict))
        } catch {
            console.err("\(error)\n")
            return .findings
        }
        guard result.succeeded else {
            console.err(result.errors.map { "\($0)\n" }.joined())
            return .findings
        }
        console.outVerbatim(result.output)
        return .ok
    }
}

/// A value of the data file that a template cannot be given exactly.
struct DataProblem: Error {
    var path: JSONPath
    var position: SourcePosition
    var message: String
}

/// The data file as template data: members in the file's order, numbers exact (a number with more digits than an
/// exact decimal holds is refused rather than rounded).
func templateData(_ node: JSONNode, path: JSONPath) throws(DataProblem) -> MustacheValue {
    switch node {
    case .null: return .null
    case .bool(let flag, _): return .bool(flag)
    case .string(let text, _): return .string(text)
    case .number(let text, let position):
        guard let number = NumberDigits(json: text)?.decimal else {
            throw DataProblem(
                path: path, position: position, message: "数字 \(text) 超出精确表示的范围（最多 38 位有效数字）")
        }
        return .number(number)
    case .array(let items, _):
        var values: [MustacheValue] = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() { values.append(try templateData(item, path: path.appending(index))) }
        return .list(values)
    case .object(let members, _):
        var values: [(String, MustacheValue)] = []
        values.reserveCapacity(members.count)
        for member in members {
            values.append((member.key, try templateData(member.value, path: path.appending(member.key))))
        }
        return .object(MustacheObject(values))
    }
}
