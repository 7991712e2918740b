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
/// the others go on. Reports are first written to temporary files; once every department is done they are renamed
/// into place in input order, so that two files of the same department and year cannot race for one name (the first
/// in path order wins, the other is reported). Every file is written whole or not at all, and a run writes the same
/// bytes as the run before it on the same inputs.
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
    /// directory skipped; each file once, sorted by path.
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
        removeStaleTemporaries()
        let results = Mutex<[Pending?]>(Array(repeating: nil, count: files.count))
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let worker: @Sendable () -> Void = {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < files.count else { return }
                var pending = render(files[index], index: index)
                // The findings page as it will be when the department is put in place (the usual case), made here
                // in parallel and kept on disk, not in memory; the commit makes it again only if the department's
                // state changed.
                var expected = pending.entry
                expected.reports = pending.temporaries.map(\.name)
                let page = temporaryURL(index: index, kind: "page")
                if (try? Data(SummaryPages.findingsPage(expected, templates: templates).utf8).write(to: page)) != nil {
                    pending.page = page
                }
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
        let pending = results.withLock { $0.map { $0! } }
        var summary = BatchSummary(entries: commit(pending), formats: formats, seconds: 0)
        writeSummary(&summary)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// A department rendered into temporary files, not yet in place.
    struct Pending: Sendable {
        var entry: BatchEntry
        /// The report's base name (`<部门>-<年度>-部门决算`), when the file could be read.
        var baseName: String?
        /// Temporary file and final name, per format.
        var temporaries: [(temporary: URL, name: String)]
        /// A temporary file with the findings page for the entry with `temporaries` in place.
        var page: URL?
    }

    /// A temporary file of department `index` in the output directory (`kind`: a format's extension, or `page`);
    /// named so that a later run can tell it is left over from this process.
    private func temporaryURL(index: Int, kind: String) -> URL {
        output.appendingPathComponent(".juesuan-batch-\(getpid())-\(index).\(kind).tmp")
    }

    /// Reads, checks and renders one department; writes its reports to temporary files.
    func render(_ file: String, index: Int) -> Pending {
        var entry = BatchEntry(
            file: file, department: nil, year: nil, status: .failed, findings: [], problems: [], reports: [],
            findingsPage: nil, figures: nil)
        var loaded: LoadedDepartment
        switch InputLoader.loadDepartment(path: file) {
        case .failure(let error):
            entry.problems = error.description.split(separator: "\n").map(String.init)
            return Pending(entry: entry, baseName: nil, temporaries: [])
        case .success(let department): loaded = department
        }
        loaded.prior = priors?.prior(for: loaded.input)
        let input = loaded.input
        entry.department = input.department.name
        entry.year = input.year
        let baseName = OutputFiles.baseName(department: input.department.name, year: input.year, kind: templates.set.fileName)
        let checked = CheckedReport(loaded, templates: templates)
        entry.findings = checked.findings
        entry.figures = SummaryFigures(checked.preparation.accounts)
        if let error = checked.renderError {
            entry.problems = error.problems
            return Pending(entry: entry, baseName: baseName, temporaries: [])
        }
        guard checked.fatal.isEmpty, let report = checked.rendered else {
            entry.status = .fatal
            return Pending(entry: entry, baseName: baseName, temporaries: [])
        }
        var temporaries: [(URL, String)] = []
        for format in formats {
            let temporary = temporaryURL(index: index, kind: format.fileExtension)
            do {
                let bytes = try report.bytes(format)
                try Data(bytes).write(to: temporary)
                temporaries.append((temporary, baseName + "." + format.fileExtension))
            } catch {
                for (url, _) in temporaries { try? FileManager.default.removeItem(at: url) }
                try? FileManager.default.removeItem(at: temporary)
                entry.problems = ["无法生成或写入 \(format.rawValue)：\(error.localizedDescription)"]
                return Pending(entry: entry, baseName: baseName, temporaries: [])
            }
        }
        entry.status = .rendered
        return Pending(entry: entry, baseName: baseName, temporaries: temporaries)
    }

    /// Puts the reports in place in input order and writes each department's findings page.
    func commit(_ pending: [Pending]) -> [BatchEntry] {
        var owners: [String: String] = [:]
        var pageNames: Set<String> = []
        var entries: [BatchEntry] = []
        for item in pending {
            var entry = item.entry
            if let base = item.baseName, let owner = owners[base] {
                for (url, _) in item.temporaries { try? FileManager.default.removeItem(at: url) }
                entry.status = .failed
                entry.problems.append("与 \(owner) 是同一部门和年度（输出文件名“\(base)”重复），未生成；请删去其中一个文件。")
            } else {
                if let base = item.baseName { owners[base] = entry.file }
                for (index, (temporary, name)) in item.temporaries.enumerated() {
                    if rename(temporary.path, output.appendingPathComponent(name).path) == 0 {
                        entry.reports.append(name)
                    } else {
                        for (url, _) in item.temporaries.dropFirst(index) {
                            try? FileManager.default.removeItem(at: url)
                        }
                        entry.status = .failed
                        entry.problems.append("无法写入 \(output.appendingPathComponent(name).path)")
                        break
                    }
                }
            }
            // The findings page: named after the report, or after the input file when it could not be read.
            let stem = item.baseName ?? URL(fileURLWithPath: entry.file).deletingPathExtension().lastPathComponent
            var page = stem + "-审核结果.html"
            var counter = 2
            while !pageNames.insert(page).inserted {
                page = "\(stem)-\(counter)-审核结果.html"
                counter += 1
            }
            let unchanged =
                entry.status == item.entry.status && entry.problems == item.entry.problems
                && entry.reports == item.temporaries.map(\.name)
            do {
                let target = output.appendingPathComponent(page)
                let placed = unchanged && item.page.map { rename($0.path, target.path) == 0 } == true
                if !placed {
                    if let temporary = item.page { try? FileManager.default.removeItem(at: temporary) }
                    try OutputFiles.writeAtomically(
                        Array(SummaryPages.findingsPage(entry, templates: templates).utf8), to: target)
                }
                entry.findingsPage = page
            } catch {
                entry.problems.append("无法写入审核结果 \(page)：\(error.localizedDescription)")
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
            } catch {
                summary.errors.append("无法写入 \(output.appendingPathComponent(name).path)：\(error)")
            }
        }
    }

    /// Temporary files left by a batch run that was killed (its process is gone).
    private func removeStaleTemporaries() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name.hasPrefix(".juesuan-batch-") && name.hasSuffix(".tmp") {
            let fields = name.dropFirst(".juesuan-batch-".count).split(separator: "-")
            guard let pid = fields.first.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
    }
}
