// xlsx-read-bench: how fast .xlsx (or any ZIP) files are read: DEFLATE decoding in MB/s of output, the ZIP layer
// with its CRC checks, and whole workbooks per second through XlsxReader.
// Run in release mode: `swift run -c release xlsx-read-bench FILE.xlsx|FILE.zip... [seconds|Nx] [--only NAME]`. Any
// archive with deflated entries will do, e.g. a workbook saved by Excel or LibreOffice, or
// `python3 -m zipfile -c src.zip Sources`. `--only` runs the measurements whose name starts with NAME (for a
// profiler).
import Documents
import Foundation

let (arguments, only): ([String], String?) = {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let index = arguments.firstIndex(of: "--only"), index + 1 < arguments.count else { return (arguments, nil) }
    let only = arguments[index + 1]
    arguments.removeSubrange(index...index + 1)
    return (arguments, only)
}()
/// `5x`: each measurement runs exactly 5 times (for callgrind); else for about this many seconds.
let budget = arguments.count > 1 ? arguments.last! : "2"
let fixedRuns = budget.hasSuffix("x") ? Int(budget.dropLast()) : nil
let seconds = fixedRuns == nil ? Double(budget) ?? 2 : 0
let files = arguments.filter { Double($0) == nil && !($0.hasSuffix("x") && Int($0.dropLast()) != nil) }
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("usage: xlsx-read-bench FILE.xlsx|FILE.zip... [seconds]\n".utf8))
    exit(2)
}

/// Runs `body` for about `seconds` (at least once); returns runs per second. Skipped (nil) when `--only` names
/// another measurement.
func measure(_ name: String, _ body: () throws -> Void) throws -> Double? {
    if let only, !name.hasPrefix(only) { return nil }
    var runs = 0
    let start = Date()
    repeat {
        try body()
        runs += 1
    } while fixedRuns.map { runs < $0 } ?? (Date().timeIntervalSince(start) < seconds)
    return Double(runs) / Date().timeIntervalSince(start)
}

func line(_ name: String, _ value: String?) {
    guard let value else { return }
    print("  \(name.padding(toLength: 34, withPad: " ", startingAt: 0))\(value)")
}

/// Prints the figures of one file.
func bench(_ path: String, _ bytes: [UInt8]) throws {
    let archive = try ZipReader(bytes: bytes)
    let deflated = archive.entries.filter { $0.method == 8 }
    let streams = deflated.map { entry -> ArraySlice<UInt8> in
        // The data starts after the local header's name and extra field.
        let header = entry.localHeaderOffset
        let start =
            header + 30 + (Int(bytes[header + 26]) | Int(bytes[header + 27]) << 8)
            + (Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8)
        return bytes[start..<start + entry.compressedSize]
    }
    let compressed = deflated.reduce(0) { $0 + $1.compressedSize }
    let uncompressed = deflated.reduce(0) { $0 + $1.uncompressedSize }
    print(
        "\(path): \(archive.entries.count) entries, \(deflated.count) deflated, \(compressed) → \(uncompressed) bytes")
    if uncompressed > 0 {
        let megabytes = Double(uncompressed) / 1_000_000
        let inflates = try measure("Inflate") {
            for (entry, stream) in zip(deflated, streams) {
                _ = try Inflate.decompress(stream, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
            }
        }
        line("Inflate.decompress", inflates.map { String(format: "%8.1f MB/s (output)", $0 * megabytes) })
        let entryReads = try measure("ZipReader.data") {
            for entry in deflated { _ = try archive.data(of: entry) }
        }
        line("ZipReader.data (with CRC-32)", entryReads.map { String(format: "%8.1f MB/s (output)", $0 * megabytes) })
    }
    let opens = try measure("ZipReader directory") { _ = try ZipReader(bytes: bytes) }
    line("ZipReader directory", opens.map { String(format: "%8.0f /s", $0) })
    if archive.entry(named: "xl/workbook.xml") != nil {
        var cells = 0
        let workbooks = try measure("XlsxReader") {
            cells = try XlsxReader.read(bytes: bytes).sheets.reduce(0) { $0 + $1.cells.count }
        }
        let xml = archive.entries.filter { $0.name.hasPrefix("xl/") && $0.name.hasSuffix(".xml") }
            .reduce(0) { $0 + $1.uncompressedSize }
        line(
            "XlsxReader.read",
            workbooks.map {
                String(
                    format: "%8.1f workbooks/s, %.2f ms, %d cells, %.1f MB/s of xl/*.xml", $0, 1000 / $0, cells,
                    $0 * Double(xml) / 1_000_000)
            })
    }
}

for path in files {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("xlsx-read-bench: cannot read \(path)\n".utf8))
        exit(2)
    }
    do {
        try bench(path, Array(data))
    } catch {
        print("\(path): \(error)")
        exit(1)
    }
}
