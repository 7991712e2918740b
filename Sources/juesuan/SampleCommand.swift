import Foundation
import JueSuan

enum SampleCommand: Command {
    static let name = "sample"
    static let summary = "生成合成（虚构）部门数据文件，供批量处理和性能测试使用"
    static let synopsis = "juesuan sample --count N [--seed S] --out DIR [--force]"
    static let details = """
        在 DIR 中写入 N 个虚构部门的数据文件 synthetic-0001.json、synthetic-0002.json……（编号位数随 N 增加，至少 4 位）。
        部门名称取自虚构的“样例市”等，内容各不相同（部门类型、功能分类科目、1–3 个单位、金额为 0 或非 0 的项目、
        万元或元、上年数的增减和持平），都能通过 juesuan check 并生成报告；约四分之一的部门故意缺少部分原因说明
        （juesuan validate 给出警告，报告中印出“（此处请补充内容）”）。
        同一个 --seed 总是生成相同的文件；第 i 个部门与 N 无关，--count 10 的文件就是 --count 1000 的前 10 个。
        已存在的文件不覆盖，除非加 --force；每个文件完整写入或不写入。
        """
    static let options: [OptionSpec] = [
        .value("count", "N", help: "部门个数（1 至 100000）", short: "n"),
        .value("seed", "S", help: "随机种子（非负整数，默认 1）"),
        .value("out", "DIR", help: "输出目录（不存在时创建）", short: "o"),
        .flag("force", help: "覆盖已存在的文件"),
    ]

    /// More would fill a disk by mistake (each file is 10–35 KB).
    static let maximumCount = 100_000

    static func run(_ arguments: ParsedArguments, console: Console) -> ExitStatus {
        func usage(_ message: String) -> ExitStatus {
            console.err("juesuan sample：\(message)\n\n" + help)
            return .usage
        }
        guard arguments.positionals.isEmpty else {
            return usage("不接受文件参数：\(arguments.positionals.joined(separator: " "))")
        }
        guard let countText = arguments.value("count") else { return usage("缺少 --count N") }
        guard let count = Int(countText), (1...maximumCount).contains(count) else {
            return usage("--count 应为 1 至 \(maximumCount) 之间的整数，实际为“\(countText)”")
        }
        let seedText = arguments.value("seed") ?? "1"
        guard let seed = UInt64(seedText) else {
            return usage("--seed 应为非负整数（0 至 \(UInt64.max)），实际为“\(seedText)”")
        }
        guard let out = arguments.value("out"), !out.isEmpty else { return usage("缺少 --out DIR") }
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                console.err("juesuan sample：无法创建输出目录 \(out)：\(error.localizedDescription)\n")
                return .usage
            }
        } else if !isDirectory.boolValue {
            console.err("juesuan sample：--out 应为目录，\(out) 是一个文件\n")
            return .usage
        }

        let directory = URL(fileURLWithPath: out)
        OutputSet.recover(in: directory)
        let targets = (1...count).map {
            directory.appendingPathComponent(SyntheticDepartments.fileName(index: $0, count: count))
        }
        if !arguments.has("force") {
            let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }
            if !existing.isEmpty {
                for url in existing.prefix(5) { console.err("\(url.path)：文件已存在（加 --force 覆盖）\n") }
                if existing.count > 5 { console.err("……共 \(existing.count) 个文件已存在\n") }
                return .usage
            }
        }
        // Each department depends only on its index and the seed, so they are made and written in parallel.
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: targets.count) { offset in
            let url = targets[offset]
            do {
                let input = SyntheticDepartments.department(index: offset + 1, seed: seed)
                try OutputFiles.writeAtomically(try SyntheticDepartments.fileBytes(input), to: url)
            } catch let error as OutputError {
                failures.add(offset, error.message)
            } catch {
                failures.add(offset, "\(url.path)：写入失败：\(error.localizedDescription)")
            }
        }
        let messages = failures.inOrder
        if !messages.isEmpty {
            for message in messages.prefix(5) { console.err(message + "\n") }
            if messages.count > 5 { console.err("……共 \(messages.count) 个文件写入失败\n") }
            return .usage
        }
        console.err("已生成 \(count) 个合成部门文件到 \(out)\n")
        return .ok
    }
}

/// Write failures collected from parallel work, reported in file order.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [(Int, String)] = []

    func add(_ index: Int, _ message: String) {
        lock.withLock { messages.append((index, message)) }
    }

    var inOrder: [String] {
        lock.withLock { messages.sorted { $0.0 < $1.0 }.map(\.1) }
    }
}
