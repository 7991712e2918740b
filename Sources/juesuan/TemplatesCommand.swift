import Foundation
import JueSuan

enum TemplatesCommand: Command {
    static let name = "templates"
    static let summary = "列出内置模板集（标准格式、中央部门格式、四川格式……），或一个模板集的表、节和格式化帮手"
    static let synopsis = "juesuan templates [NAME|DIR]"
    static let details = """
        不带参数时列出内置模板集：名称、说明、表的张数、继承的模板集。render、validate、batch 用 --templates NAME
        选一个内置模板集，或用 --templates DIR 选一个地方模板目录（目录中的 set.json 写明继承哪个内置模板集）。
        带 NAME 或 DIR 时列出这个模板集的表（名称、锚点、作用）、必有的节、报告文件名，以及模板可用的格式化帮手（fmt.…）。
        """

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        guard arguments.positionals.count <= 1 else {
            console.err("juesuan templates：至多一个参数（模板集名称或目录）\n\n" + help)
            return .usage
        }
        guard let name = arguments.positionals.first else {
            console.out(TemplateCatalogue.list())
            return .ok
        }
        do {
            console.out(TemplateCatalogue.describe(try ReportTemplates.load(name).set))
            return .ok
        } catch {
            console.err("juesuan templates：\(error.message)\n")
            return .usage
        }
    }
}
