import Foundation

/// Last year's department files given with `--prior`: one file (used for every department), or a directory whose
/// files are matched to this year's departments by name and year.
public struct PriorFiles: Sendable {
    public typealias Prior = (file: String, input: DepartmentInput)

    let single: Prior?
    let byDepartment: [String: Prior]

    /// Reads `path` (a department file or a directory of them); fails with every file's problems.
    public static func load(_ path: String) -> Result<PriorFiles, InputLoadError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return InputLoader.load(path: path).map { PriorFiles(single: (path, $0), byDepartment: [:]) }
        }
        let files: [String]
        do {
            files = try BatchRunner.inputFiles([path], excluding: URL(fileURLWithPath: "/nonexistent-\(getpid())"))
        } catch {
            return .failure(
                InputLoadError(
                    fileName: path, problems: [InputProblem(path: .root, position: nil, message: error.message)]))
        }
        var byDepartment: [String: Prior] = [:]
        for file in files {
            switch InputLoader.load(path: file) {
            case .success(let input): byDepartment[key(input.department.name, input.year)] = (file, input)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(PriorFiles(single: nil, byDepartment: byDepartment))
    }

    static func key(_ name: String, _ year: Int) -> String { "\(name)\u{0}\(year)" }

    /// The prior file for `input`: the one file given, or the department of the same name a year earlier.
    public func prior(for input: DepartmentInput) -> Prior? {
        single ?? byDepartment[Self.key(input.department.name, input.year - 1)]
    }
}
