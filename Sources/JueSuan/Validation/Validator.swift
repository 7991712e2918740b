/// Runs every rule of the catalogue on one department.
public enum Validator {
    public static func findings(accounts: Accounts, view: ReportView) -> [Finding] {
        []
    }
}
