import Foundation
import Synchronization

/// A batch usage problem (exit status 2): no inputs, an input that does not exist, an output that is a file.
public struct BatchUsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Progress of a batch run, reported after each department.
public struct BatchProgress: Sendable {
    public var done: Int
    public var total: Int
    /// The department just finished (its name, or the file when it could not be read).
    public var current: String
    public var elapsed: Double
}

/// Renders many departments in parallel into one directory and writes the summary.
///
/// Each department is independent: one that cannot be read, has fatal findings or fails to render is recorded and
/// the others go on. A department's reports are first written to temporary files (an `OutputSet`); once every
/// department is done they are put in place in input order, so that two files of the same department and year
/// cannot race for one name (the first in path order wins, the other is reported). A department gets all its
/// formats or none, every file is written whole or not at all, and a run writes the same bytes as the run before it
/// on the same inputs.
public struct BatchRunner: Sendable {
    public var formats: [OutputFormat]
    public var output: URL
    public var jobs: Int
    public var templates: ReportTemplates
    /// Last year's department files (`--prior`), to compare each department's 上年数 with.
    public var priors: PriorFiles?

    public init(formats: [OutputFormat], output: URL, jobs: Int, templates: ReportTemplates = .standard) {
        self.formats = formats
        self.output = output
        self.jobs = max(1, jobs)
        self.templates = templates
    }

    // MARK: Inputs

    /// The department files named by `arguments`: files as given, directories searched (with their subdirectories)
    /// for `*.json` and `*.xlsx` (department workbooks), hidden entries, Office lock files (`~$…`) and the output
    /// directory skipped; each file once, sorted by path. The output directory itself cannot be one of the
    /// directories.
    public static func inputFiles(_ arguments: [String], excluding output: URL) throws(BatchUsageError) -> [String] {
        let manager = FileManager.default
        let outputPath = output.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [String] = []
        var seen: Set<String> = []
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if seen.insert(key).inserted { files.append(path) }
        }
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw BatchUsageError(message: "找不到输入：\(argument)")
            }
            guard isDirectory.boolValue else {
                add(argument)
                continue
            }
            // The output directory as an input directory: a second run would read the summary.json (and any .json
            // report) the first one wrote as departments. A subdirectory of the input is fine (it is skipped).
            if URL(fileURLWithPath: argument).standardizedFileURL.resolvingSymlinksInPath().path == outputPath {
                throw BatchUsageError(
                    message: "输出目录不能是输入目录 \(argument)：下一次运行会把这次写出的 summary.json 等文件当作部门文件读入；"
                        + "请另选输出目录，如 --out \(URL(fileURLWithPath: argument).appendingPathComponent("out").path)")
            }
            var found: [String] = []
            let root = URL(fileURLWithPath: argument)
            guard
                let walker = manager.enumerator(
                    at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
            else { throw BatchUsageError(message: "无法读取目录：\(argument)") }
            for case let url as URL in walker {
                let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
                if isFolder {
                    if url.standardizedFileURL.resolvingSymlinksInPath().path == outputPath {
                        walker.skipDescendants()
                    }
                    continue
                }
                guard Self.isDepartmentFile(url.lastPathComponent) else { continue }
                let relative = String(url.path.dropFirst(root.path.count).drop { $0 == "/" })
                found.append(argument.hasSuffix("/") ? argument + relative : argument + "/" + relative)
            }
            found.sort()
            found.forEach(add)
        }
        guard !files.isEmpty else {
            throw BatchUsageError(
                message: "没有找到部门文件（目录中的 *.json 或 *.xlsx）：\(arguments.joined(separator: " "))")
        }
        return files
    }

    /// A department file by its name: JSON, or a workbook that is not an Office lock file.
    static func isDepartmentFile(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".json") || (lowered.hasSuffix(".xlsx") && !name.hasPrefix("~$"))
    }

    // MARK: Running

    /// Renders `files` (in this order) and writes reports, findings pages and the summary into `output`.
    public func run(files: [String], progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) -> BatchSummary {
        let start = Date()
        OutputSet.recover(in: output)
        let results = Mutex<[Pending?]>(Array(repeating: nil, count: files.count))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let worker: @Sendable () -> Void = {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                var pending = render(files[index])
                // The findings page as it will be when the department is put in place (the usual case), made here
                // in parallel and kept on disk, not in memory; the commit makes it again only if the department's
                // state changed.
                var expected = pending.entry
                expected.reports = pending.reports.names
                var page = OutputSet(directory: output)
                let html = SummaryPages.findingsPage(expected, templates: templates)
                if (try? page.stage(Array(html.utf8), as: pending.pageName)) != nil { pending.page = page }
                results.withLock { $0[index] = pending }
                let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                progress(
                    BatchProgress(
                        done: finished, total: files.count, current: pending.entry.department ?? pending.entry.file,
                        elapsed: Date().timeIntervalSince(start)))
            }
        }
        let threads = min(jobs, files.count)
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                worker()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        // The workers' files are durable before any is renamed into place: one sync for the whole batch.
        OutputFiles.syncFileSystem(containing: output)
        let pending = results.withLock { $0.map { $0! } }
        var summary = BatchSummary(entries: commit(pending), formats: formats, seconds: 0)
        writeSummary(&summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// A department rendered into temporary files, not yet in place.
    struct Pending: Sendable {
        var entry: BatchEntry
        /// The report's base name (`<部门>-<年度>-部门决算`), when the file could be read and the names can be
        /// written.
        var baseName: String?
        /// Its reports, staged (empty unless it rendered).
        var reports: OutputSet
        /// Its findings page, staged as `pageName` for the entry with `reports` in place.
        var page: OutputSet?

        /// The findings page's name: after the report, or after the input file when there is no report name.
        var pageName: String {
            let stem = baseName ?? URL(fileURLWithPath: entry.file).deletingPathExtension().lastPathComponent
            return stem + Self.pageSuffix
        }

        static let pageSuffix = "-审核结果.html"
    }

    /// Reads, checks and renders one department; writes its reports to temporary files.
    func render(_ file: String) -> Pending {
        var entry = BatchEntry(
            file: file, department: nil, year: nil, status: .failed, findings: [], problems: [], reports: [],
            findingsPage: nil, figures: nil)
        var pending = Pending(entry: entry, baseName: nil, reports: OutputSet(directory: output))
        var loaded: LoadedDepartment
        switch InputLoader.loadDepartment(path: file) {
        case .failure(let error):
            pending.entry.problems = error.description.split(separator: "\n").map(String.init)
            return pending
        case .success(let department): loaded = department
        }
        loaded.prior = priors?.prior(for: loaded.input)
        let input = loaded.input
        entry.department = input.department.name
        entry.year = input.year
        let baseName = OutputFiles.baseName(
            department: input.department.name, year: input.year, kind: templates.set.fileName)
        let suffixes = formats.map { "." + $0.fileExtension } + [Pending.pageSuffix]
        if let problem = OutputFiles.nameProblem(baseName: baseName, suffixes: suffixes, in: output) {
            entry.problems = [problem]
            pending.entry = entry
            return pending
        }
        pending.baseName = baseName
        let checked = CheckedReport(loaded, templates: templates)
        entry.findings = checked.findings
        entry.figures = SummaryFigures(checked.preparation.accounts)
        if let error = checked.renderError {
            entry.problems = error.problems
            pending.entry = entry
            return pending
        }
        guard checked.fatal.isEmpty, let report = checked.rendered else {
            entry.status = .fatal
            pending.entry = entry
            return pending
        }
        for format in formats {
            do {
                try pending.reports.stage(try report.bytes(format), as: baseName + "." + format.fileExtension)
            } catch {
                pending.reports.discard()
                entry.problems = ["无法生成或写入 \(format.rawValue)：\(error)"]
                pending.entry = entry
                return pending
            }
        }
        entry.status = .rendered
        pending.entry = entry
        return pending
    }

    /// Puts the reports in place in input order, each department's formats and findings page all or nothing, and
    /// writes the findings page of every other department.
    func commit(_ pending: [Pending]) -> [BatchEntry] {
        var owners: [String: String] = [:]
        var pageNames: Set<String> = []
        var entries: [BatchEntry] = []
        for var item in pending {
            var entry = item.entry
            let staged = item.reports.names
            // The findings page: named after the report, or after the input file when there is no report name.
            var page = item.pageName
            let stem = page.dropLast(Pending.pageSuffix.count)
            var counter = 2
            while !pageNames.insert(page).inserted {
                page = "\(stem)-\(counter)\(Pending.pageSuffix)"
                counter += 1
            }
            if let base = item.baseName, let owner = owners[base] {
                item.reports.discard()
                entry.status = .failed
                entry.problems.append(
                    "$.department.name、$.year：与 \(owner) 是同一部门和年度（输出文件名“\(base)”重复），未生成；请删去其中一个文件。")
            } else if !staged.isEmpty {
                if let base = item.baseName { owners[base] = entry.file }
                // The reports and the page made for them go in place together: all of them, or none.
                var department = item.reports
                if page == item.pageName, let staged = item.page {
                    department.add(staged)
                    item.page = nil
                }
                do {
                    try department.commit()
                    entry.reports = staged
                    if item.page == nil {
                        entry.findingsPage = page
                        entries.append(entry)
                        continue
                    }
                } catch {
                    entry.status = .failed
                    entry.problems.append("\(error.message)；本部门的报告均未写入")
                }
            } else if let base = item.baseName {
                owners[base] = entry.file
            }
            // Any other department, or one whose state changed: its page alone.
            let unchanged =
                page == item.pageName && entry.status == item.entry.status && entry.problems == item.entry.problems
                && entry.reports == staged
            do {
                if unchanged, var stagedPage = item.page {
                    try stagedPage.commit()
                } else {
                    item.page?.discard()
                    try OutputFiles.writeAtomically(
                        Array(SummaryPages.findingsPage(entry, templates: templates).utf8),
                        to: output.appendingPathComponent(page))
                }
                entry.findingsPage = page
            } catch {
                entry.problems.append("无法写入审核结果：\(error.message)")
                entry.status = .failed
            }
            entries.append(entry)
        }
        return entries
    }

    /// Writes summary.html, .csv, .json and .xlsx; a file that cannot be written is noted in the summary's errors.
    func writeSummary(_ summary: inout BatchSummary) {
        let written = summary
        let files: [(String, () throws -> [UInt8])] = [
            ("summary.html", { Array(SummaryPages.html(written, templates: templates).utf8) }),
            ("summary.csv", { SummaryPages.csv(written) }),
            ("summary.json", { try SummaryPages.json(written) }),
            ("summary.xlsx", { try SummaryPages.xlsx(written, templates: templates) }),
        ]
        for (name, bytes) in files {
            do {
                try OutputFiles.writeAtomically(try bytes(), to: output.appendingPathComponent(name))
            } catch let error as OutputError {
                summary.errors.append(error.message)
            } catch {
                summary.errors.append("无法写入 \(output.appendingPathComponent(name).path)：\(error)")
            }
        }
    }
}
