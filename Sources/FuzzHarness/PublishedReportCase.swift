// Published reports: the seeds' extracted text (../shared/seeds) and the samples' own reports (text and Word), with
// lines deleted, repeated, swapped, split or joined, numbers replaced, hostile lines inserted, columns respaced or
// bytes damaged, read by `audit` (every format, and a directory with its summary) and by `import`, whose department
// file is then rendered by `batch` (an imported file must render or be refused with its place, never crash).
import Foundation
import JueSuan
import Synchronization

/// The reports cases start from, made once.
struct ReportCorpus: Sendable {
    /// Text reports by name: the seeds, as extracted from the published PDFs, and every sample rendered as txt.
    var texts: [(name: String, bytes: [UInt8])] = []
    /// Every sample rendered as a Word document.
    var documents: [(name: String, bytes: [UInt8])] = []

    init(_ corpus: Corpus) {
        let seeds = corpus.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".txt") {
            if let data = FileManager.default.contents(atPath: seeds.appendingPathComponent(name).path) {
                texts.append((name, Array(data)))
            }
        }
        for department in corpus.departments {
            guard case .success(let input) = InputLoader.decode(department.bytes, fileName: department.name),
                let report = CheckedReport(input).rendered
            else { continue }
            let stem = String(department.name.dropLast(".json".count))
            if let text = try? report.bytes(.txt) { texts.append((stem + ".txt", text)) }
            if let document = try? report.bytes(.docx) { documents.append((stem + ".docx", document)) }
        }
    }

    static let shared = Mutex<ReportCorpus?>(nil)
}

struct PublishedReportCase: CaseKind {
    let name = "published-report"
    let weight = 15

    func make(_ random: inout SplitMix64, corpus: Corpus, in directory: URL) throws -> [Invocation] {
        let reports = ReportCorpus.shared.withLock { cached in
            if cached == nil { cached = ReportCorpus(corpus) }
            return cached!
        }
        guard !reports.texts.isEmpty else { throw HarnessError("没有可用的报告文本") }
        let file: URL
        if !reports.documents.isEmpty && random.chance(15) {
            var bytes = random.pick(reports.documents).bytes
            for _ in 0..<random.int(1...3) { Mutate.bytes(&bytes, &random) }
            file = directory.appendingPathComponent("report.docx")
            try write(bytes, to: file)
        } else {
            let text = random.pick(reports.texts).bytes
            var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            for _ in 0..<random.int(1...6) { Self.mutate(&lines, &random) }
            var bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            if random.chance(10) { Mutate.bytes(&bytes, &random) }
            file = directory.appendingPathComponent("report.txt")
            try write(bytes, to: file)
        }
        let out = directory.appendingPathComponent("out")
        switch random.int(0...3) {
        case 0:
            let format = random.pick(["text", "json", "html"])
            return [Invocation(arguments: ["audit", file.path, "--format", format], expectation: .report(file))]
        case 1:
            return [
                Invocation(
                    arguments: ["audit", directory.path, "--out", out.path, "--info"], expectation: .report(file))
            ]
        default:
            let imported = directory.appendingPathComponent("imported")
            return [
                Invocation(
                    arguments: [
                        "import", file.path, "--out", imported.path, "--format", random.pick(["json", "all"]),
                    ],
                    expectation: .report(file)),
                Invocation(
                    arguments: ["batch", imported.path, "--out", out.path, "--format", "txt"],
                    expectation: .batch(out: out)),
            ]
        }
    }

    /// One change to the lines of a report's text.
    static func mutate(_ lines: inout [[UInt8]], _ random: inout SplitMix64) {
        guard !lines.isEmpty else {
            lines = [Array(random.pick(hostileTexts).utf8)]
            return
        }
        let index = random.int(0...(lines.count - 1))
        switch random.int(0...9) {
        case 0: lines.removeSubrange(index..<min(lines.count, index + random.int(1...20)))
        case 1:
            let end = min(lines.count, index + random.int(1...30))
            lines.insert(contentsOf: lines[index..<end], at: random.int(0...lines.count))
        case 2: lines.swapAt(index, random.int(0...(lines.count - 1)))
        case 3:
            // A number of the line replaced by another figure, a hostile number or nothing.
            let line = String(decoding: lines[index], as: UTF8.self)
            let numbers = line.ranges(of: /-?[0-9][0-9,]*(\.[0-9]+)?%?/)
            guard !numbers.isEmpty else { return }
            let replacement = random.pick(
                hostileNumbers + ["", "0.00", "-", "100.00%", "1,240.53", "１２３.４５", "12,34,5.6", "NaN", "∞"])
            var changed = line
            changed.replaceSubrange(random.pick(numbers), with: replacement)
            lines[index] = Array(changed.utf8)
        case 4: lines.insert(Array(random.pick(hostileTexts).utf8), at: index)
        case 5:
            // A line split where the PDF broke it, or joined to the next one.
            if random.chance(50), index + 1 < lines.count {
                lines[index] += lines.remove(at: index + 1)
            } else if !lines[index].isEmpty {
                let cut = random.int(0...(lines[index].count - 1))
                let tail = Array(lines[index][cut...])
                lines[index].removeSubrange(cut...)
                lines.insert(tail, at: index + 1)
            }
        case 6:
            // Columns separated by runs of spaces instead of TABs, or the other way round.
            let tab = UInt8(ascii: "\t")
            let space = UInt8(ascii: " ")
            lines[index] =
                lines[index].contains(tab)
                ? lines[index].flatMap { $0 == tab ? Array(repeating: space, count: random.int(1...8)) : [$0] }
                : lines[index].map { $0 == space ? tab : $0 }
        case 7: lines.removeSubrange(index...)
        case 8:
            // A section heading or table title repeated where it does not belong.
            let headings = [
                "第一部分", "第三部分", "一、收入支出决算总体情况说明", "公开05表", "收入决算表", "部门决算", "金额单位：万元", "项目", "合计",
                "第 3 页", "九、预算绩效情况说明", "项目支出绩效自评表", "2010301\t行政运行\t1.00",
            ]
            lines.insert(Array(random.pick(headings).utf8), at: index)
        default: Mutate.bytes(&lines[index], &random)
        }
    }
}
