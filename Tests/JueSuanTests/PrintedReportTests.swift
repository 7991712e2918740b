import Documents
import Foundation
import TestSupport
import Testing

@testable import JueSuan

/// The reports as a reader gets them on paper: every sample's .docx printed by LibreOffice (`--format pdf`) and its
/// HTML printed by headless Chromium, read back with `pdftotext -layout`. On paper no figure (economic code,
/// amount, percentage, 行次) is split across lines, every title and part heading stands whole on its line or is
/// broken into lines of two characters or more, and every table's title is on the page of its first row.
/// To look at the pages: `scripts/pages.sh`.
@Suite struct PrintedReportTests {
    static func report(_ path: String) throws -> RenderedReport {
        try #require(CheckedReport(try InputLoader.load(path: path).get()).rendered)
    }

    static func name(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    @Test(arguments: samplePaths())
    func docxPrintedByLibreOffice(path: String) throws {
        guard (Checker.soffice && Checker.poppler) || Checker.isCI else { return }
        try Checker.require(Checker.soffice, "LibreOffice (soffice)")
        try Checker.require(Checker.poppler, "poppler-utils (pdftotext)")
        let report = try Self.report(path)
        let pdf = try outputDirectory("printed-docx-\(Self.name(path))").appendingPathComponent("report.pdf")
        try Data(try report.bytes(.pdf)).write(to: pdf)
        let sizes = try pdfPageSizes(pdf)
        #expect(sizes.count > 20, "the report has many pages")
        #expect(sizes.contains { $0.width > $0.height }, "wide tables are on landscape pages")
        #expect(sizes.first.map { $0.width < $0.height } == true, "the text is on portrait pages")
        Self.check(try pdfPages(pdf), report: report, what: "\(Self.name(path)).docx")
    }

    @Test(arguments: samplePaths())
    func htmlPrintedByChromium(path: String) throws {
        guard (Checker.chromium && Checker.poppler) || Checker.isCI else { return }
        try Checker.require(Checker.chromium, "Chromium (chromium)")
        try Checker.require(Checker.poppler, "poppler-utils (pdftotext)")
        let report = try Self.report(path)
        let directory = try outputDirectory("printed-html-\(Self.name(path))")
        let html = directory.appendingPathComponent("report.html")
        let pdf = directory.appendingPathComponent("report.pdf")
        try Data(try report.bytes(.html)).write(to: html)
        try printWithChromium(html, to: pdf, in: directory)
        let sizes = try pdfPageSizes(pdf)
        #expect(sizes.count > 20, "the report has many pages")
        #expect(sizes.contains { $0.width > $0.height }, "wide tables are on landscape pages")
        Self.check(try pdfPages(pdf), report: report, what: "\(Self.name(path)).html")
    }

    // MARK: - The checks

    static func check(_ pages: [String], report: RenderedReport, what: String) {
        let text = String(decoding: (try? report.bytes(.txt)) ?? [], as: UTF8.self)
        #expect(brokenFigures(document: text, printed: pages.joined(separator: "\n")) == [], "\(what)")
        #expect(badlyBrokenTitles(report.document, pages: pages) == [], "\(what)")
        #expect(tablesApartFromTheirTitles(report.document, pages: pages) == [], "\(what)")
    }

    /// Figures: runs of digits, `,` `.` `%` that start with a digit, without a trailing `.` or `,`, two
    /// characters or more; how often each occurs.
    static func figures(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var current = ""
        func end() {
            while current.last == "." || current.last == "," { current.removeLast() }
            if current.count >= 2 { counts[current, default: 0] += 1 }
            current = ""
        }
        for character in text {
            if character.isASCII && character.isNumber || (!current.isEmpty && ",.%".contains(character)) {
                current.append(character)
            } else {
                end()
            }
        }
        end()
        return counts
    }

    /// The figures of the document that the printed text has fewer of: a figure split across two lines prints
    /// as two pieces and is missing whole.
    static func brokenFigures(document: String, printed: String) -> [String] {
        let printed = figures(printed)
        return figures(document).filter { printed[$0.key, default: 0] < $0.value }.map(\.key).sorted()
    }

    static func squeezed(_ line: some StringProtocol) -> String {
        String(line.filter { !$0.isWhitespace })
    }

    /// Where `title` stands in `lines`: (index of its first line, its number of lines), whole on one line or
    /// broken into consecutive lines of two characters or more.
    static func find(_ title: String, in lines: [String], from start: Int = 0) -> (Int, Int)? {
        let target = squeezed(title)
        guard !target.isEmpty, start < lines.count else { return nil }
        for i in start..<lines.count {
            let first = squeezed(lines[i])
            guard !first.isEmpty, target.hasPrefix(first) else { continue }
            if first == target { return (i, 1) }
            guard first.count >= 2 else { continue }
            var joined = first
            var j = i + 1
            var count = 1
            while j < lines.count, joined.count < target.count {
                let next = squeezed(lines[j])
                j += 1
                if next.isEmpty { continue }
                guard next.count >= 2, target.hasPrefix(joined + next) else { break }
                joined += next
                count += 1
            }
            if joined == target { return (i, count) }
        }
        return nil
    }

    /// The title, part headings and table titles that are not found whole or broken into lines of two
    /// characters or more, as often as the document has them.
    static func badlyBrokenTitles(_ document: Document, pages: [String]) -> [String] {
        var titles: [String] = []
        var occurrences: [String: Int] = [:]
        for block in document.blocks {
            switch block {
            case .heading(let heading):
                if heading.level <= 1 { titles.append(heading.text) }
                occurrences[squeezed(heading.text), default: 0] += 1
            case .table(let table):
                if let title = table.title { titles.append(title) }
                if let title = table.title { occurrences[squeezed(title), default: 0] += 1 }
            case .tocEntry(let entry): occurrences[squeezed(entry.text), default: 0] += 1
            case .paragraph(let paragraph): occurrences[squeezed(paragraph.text), default: 0] += 1
            case .pageBreak: break
            }
        }
        let lines = pages.joined(separator: "\n").components(separatedBy: "\n")
        var bad: [String] = []
        for title in Set(titles).sorted() {
            var found = 0
            var from = 0
            while let (index, count) = find(title, in: lines, from: from) {
                found += 1
                from = index + count
            }
            if found < occurrences[squeezed(title), default: 1] { bad.append(title) }
        }
        return bad
    }

    /// The titles of tables whose first row is not on the title's page.
    static func tablesApartFromTheirTitles(_ document: Document, pages: [String]) -> [String] {
        let pageLines = pages.map { $0.components(separatedBy: "\n") }
        var bad: [String] = []
        var page = 0
        for case .table(let table) in document.blocks {
            guard let title = table.title, !table.columns.isEmpty else { continue }
            let grid = TableGrid(rows: table.header + table.body, columnCount: table.columns.count)
            guard let firstCell = grid.texts.first?.first(where: { !squeezed($0).isEmpty }) else { continue }
            let marker = String(squeezed(firstCell).prefix(2))
            var placed = false
            while page < pageLines.count {
                if let (index, count) = find(title, in: pageLines[page]) {
                    placed = pageLines[page][(index + count)...].contains { squeezed($0).contains(marker) }
                    break
                }
                page += 1
            }
            if !placed { bad.append(title) }
        }
        return bad
    }

    // MARK: - The checks find what they are for

    @Test func checksCatchSplitFiguresAndLoneCharacters() {
        #expect(
            Self.figures("30101 基本工资 286.86，增长 0.37%。\t1,416.04 (1) 2024") == [
                "30101": 1, "286.86": 1, "0.37%": 1, "1,416.04": 1, "2024": 1,
            ])
        // 30101 printed as 3010 / 1: missing; a figure printed more often than written is no problem.
        #expect(Self.brokenFigures(document: "30101 286.86", printed: "3010\n1 286.86 286.86") == ["30101"])
        #expect(Self.brokenFigures(document: "100.00%", printed: "100.00\n%") == ["100.00%"])
        let lines = ["   中共景德镇市珠山区委办公室", "", "  2024 年度部门决算", "部门决", "算"]
        #expect(Self.find("中共景德镇市珠山区委办公室 2024 年度部门决算", in: lines)! == (0, 2))
        #expect(Self.find("部门决算", in: ["部门决", "算"]) == nil)
        #expect(Self.find("收入支出决算总表", in: ["一、收入支出决算总表"]) == nil)
    }
}
