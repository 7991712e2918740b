import Foundation

/// A year-on-year comparison (比上年), one of the four forms of format-spec §4.0.
public enum YearOnYear: Sendable, Equatable {
    /// 与上年持平 — equal at the printed precision.
    case same
    /// 比上年增加 X 万元 — the prior year was 0, so no percentage.
    case increaseFromZero(Amount)
    /// 比上年增加 X 万元，增长 p%.
    case increase(Amount, percent: Decimal)
    /// 比上年减少 X 万元，下降 p% (a fall to 0 is 下降 100.00%).
    case decrease(Amount, percent: Decimal)

    public init(current: Amount, prior: Amount) {
        let difference = current - prior
        if Format.rounded(difference.value).isZero {
            self = .same
        } else if difference.isNegative {
            self = .decrease(difference.magnitude, percent: YearOnYear.percent(difference.magnitude, of: prior))
        } else if Format.rounded(prior.value).isZero {
            self = .increaseFromZero(difference)
        } else {
            self = .increase(difference, percent: YearOnYear.percent(difference, of: prior))
        }
    }

    private static func percent(_ difference: Amount, of prior: Amount) -> Decimal {
        prior.isZero ? 0 : difference.value / prior.magnitude.value * 100
    }

    /// The change as a ratio of the prior year, when there is one (for the ≥ 10% reason rule).
    public var percent: Decimal? {
        switch self {
        case .same: return 0
        case .increaseFromZero: return nil
        case .increase(_, let percent), .decrease(_, let percent): return percent
        }
    }

    /// Whether the change calls for a reason: 10% or more, or from 0 to non-zero (format-spec §4, issue 5).
    public var needsReason: Bool {
        switch self {
        case .same: return false
        case .increaseFromZero: return true
        case .increase(_, let percent), .decrease(_, let percent): return Format.rounded(percent) >= 10
        }
    }
}

/// Percentages of the narrative, computed from exact values and rounded once when printed.
public enum Ratio {
    /// `part / whole × 100`; nil when the whole is zero (the caller decides what a zero base prints).
    public static func percent(_ part: Amount, of whole: Amount) -> Decimal? {
        whole.isZero ? nil : part.value / whole.value * 100
    }

    /// A completion rate `actual / budget × 100`; nil when the budget prints as 0.00 (no rate is written on a zero
    /// budget, N-01 — an amount that rounds to 0.00 counts as zero).
    public static func completion(_ actual: Amount, of budget: Amount) -> Decimal? {
        Format.rounded(budget.value).isZero ? nil : percent(actual, of: budget)
    }

    /// `part / whole × 100`, with a zero whole giving 0 (shares of an empty total print 0.00%).
    public static func share(_ part: Amount, of whole: Amount) -> Decimal {
        percent(part, of: whole) ?? 0
    }
}
