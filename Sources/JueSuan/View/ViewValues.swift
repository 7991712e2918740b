import Foundation

// Display-ready values. The report view holds only strings, lists and flags: templates place them and never format
// or compute. Each amount comes in the forms a template may choose from, so that thousands separators and how a zero
// shows are settings of the template, not of the code.

/// An amount in every printed form.
public struct MoneyView: Encodable, Sendable, Equatable {
    /// The figure's identity (`dept:income.total`, `201:generalBudget.basic`): the table-to-text check compares
    /// every printed figure with the cells and computed values of the same identity.
    public var id: String
    /// The exact amount in 万元 (all its decimals), for the formatting helpers (`fmt.yuan` …).
    public var value: String
    /// Narrative form: `2443.08` (2 decimals, no separators).
    public var n: String
    /// Table form with thousands separators, zero shown as `0.00`: `2,443.08`.
    public var t: String
    /// Table form with thousands separators, blank when zero.
    public var tb: String
    /// Table form without separators, zero shown as `0.00`: `2443.08`.
    public var p: String
    /// Table form without separators, blank when zero.
    public var pb: String
    /// Whether the amount is zero at the printed precision.
    public var zero: Bool

    public init(_ amount: Amount, id: String = "") {
        self.id = id
        let plain = Format.amount(amount)
        // An amount with at most 2 decimals is exactly its narrative form.
        value = amount.value.exponent >= -2 ? plain : Format.exact(amount.value)
        let grouped = Format.amount(amount, grouping: true)
        zero = Format.rounded(amount.value).isZero
        n = plain
        t = grouped
        tb = zero ? "" : grouped
        p = plain
        pb = zero ? "" : plain
    }
}

/// A count in every printed form.
public struct CountView: Encodable, Sendable, Equatable {
    /// The figure's identity (`dept:vehicles.total`).
    public var id: String
    /// `2`; zero shown as `0`.
    public var n: String
    /// Blank when zero.
    public var tb: String
    public var zero: Bool

    public init(_ value: Int, id: String = "") {
        self.id = id
        n = Format.count(value)
        zero = value == 0
        tb = zero ? "" : n
    }
}

/// A year-on-year comparison: the finished phrase, and its parts for a template that words it its own way.
public struct ChangeView: Encodable, Sendable, Equatable {
    /// `比上年减少 19.72 万元，下降 68.12%` / `比上年增加 12.60 万元` / `与上年持平`.
    public var phrase: String
    /// The phrase without spaces: `比上年减少19.72万元，下降68.12%`.
    public var tight: String
    public var same: Bool
    public var increase: Bool
    public var decrease: Bool
    /// The prior year's amount (`上年`), 2 decimals.
    public var prior: String
    /// The prior year's exact amount, for the helpers.
    public var priorValue: String
    /// The size of the change, 2 decimals, without a sign: `19.72` (`0.00` when 持平).
    public var delta: String
    /// Its exact value.
    public var deltaValue: String
    /// The change as a percentage of the prior year, without a sign: `68.12%`; empty when there is none (持平, or
    /// the prior year was 0).
    public var percent: String
    /// Its exact value (empty when there is none).
    public var percentValue: String
    /// `增加` / `减少` / `持平`.
    public var direction: String
    /// `增长` / `下降`; empty when there is no percentage.
    public var trend: String
    /// Whether the percentage is printed (`percent` is not empty).
    public var hasPercent: Bool

    public init(_ change: YearOnYear, prior: Amount = .zero) {
        self.prior = Format.amount(prior)
        priorValue = prior.value.exponent >= -2 ? self.prior : Format.exact(prior.value)
        var size = Amount.zero
        var ratio: Decimal?
        switch change {
        case .same:
            direction = "持平"
            trend = ""
        case .increaseFromZero(let amount):
            size = amount
            direction = "增加"
            trend = ""
        case .increase(let amount, let percent):
            size = amount
            ratio = percent
            direction = "增加"
            trend = "增长"
        case .decrease(let amount, let percent):
            size = amount
            ratio = percent
            direction = "减少"
            trend = "下降"
        }
        delta = Format.amount(size)
        deltaValue = size.value.exponent >= -2 ? delta : Format.exact(size.value)
        percent = ratio.map { Format.percent($0) } ?? ""
        percentValue = ratio.map { Format.exact($0) } ?? ""
        if change == .same {
            phrase = "与上年持平"
            tight = phrase
        } else if ratio == nil {
            phrase = "比上年\(direction) \(delta) 万元"
            tight = "比上年\(direction)\(delta)万元"
        } else {
            phrase = "比上年\(direction) \(delta) 万元，\(trend) \(percent)"
            tight = "比上年\(direction)\(delta)万元，\(trend)\(percent)"
        }
        hasPercent = ratio != nil
        same = change == .same
        if case .decrease = change { decrease = true } else { decrease = false }
        increase = !same && !decrease
    }

    /// The comparison of `current` with `prior`.
    public init(current: Amount, prior: Amount) {
        self.init(YearOnYear(current: current, prior: prior), prior: prior)
    }
}

/// A reason slot: printed when the department gave a reason, or — with the standard placeholder — when one is
/// expected but missing.
public struct ReasonView: Encodable, Sendable, Equatable {
    /// The placeholder printed for a missing reason that is expected.
    public static let placeholder = "（此处请补充内容）"

    /// Whether the template prints the reason clause.
    public var show: Bool
    /// The reason without a trailing `。`, or the placeholder.
    public var text: String
    /// Whether the placeholder is printed (a finding for validation).
    public var missing: Bool

    public init(_ supplied: String?, expected: Bool) {
        let cleaned = ReasonView.clean(supplied)
        if let cleaned {
            show = true
            text = cleaned
            missing = false
        } else {
            show = expected
            text = expected ? ReasonView.placeholder : ""
            missing = expected
        }
    }

    /// Trims spaces and one trailing `。` (the template adds the sentence's own punctuation); nil when empty.
    static func clean(_ text: String?) -> String? {
        guard var text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        if text.hasSuffix("。") { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// A figure with its year-on-year comparison and reason (第三部分 一、二、四、六).
public struct ComparedFigure: Encodable, Sendable, Equatable {
    /// The figure's identity.
    public var id: String
    public var amount: String
    /// The exact amount, for the helpers.
    public var value: String
    public var change: ChangeView
    public var reason: ReasonView
}

/// An amount with its share of a total (本年收入/支出的具体构成).
public struct ShareView: Encodable, Sendable, Equatable {
    /// The figure's identity.
    public var id: String
    public var amount: String
    /// The exact amount.
    public var value: String
    /// `98.73%`.
    public var share: String
    /// The exact share (a percentage without the sign), for a template that prints another precision.
    public var shareValue: String
}

/// A numbered line of text (`（一）`, `1、`) as the template prints it.
public struct NumberedText: Encodable, Sendable, Equatable {
    public var number: String
    public var text: String
    /// `number + text`.
    public var line: String

    init(number: String, text: String) {
        self.number = number
        self.text = text
        line = number + text
    }
}

/// Chinese numerals for ordinals: 1 → 一, 11 → 十一, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十 (up to 9999; larger
/// ordinals are written in Arabic digits).
public enum ChineseNumeral {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    public static func of(_ value: Int) -> String {
        guard value > 0 && value < 10_000 else { return String(value) }
        if value < 20 { return value < 10 ? digits[value] : "十" + (value == 10 ? "" : digits[value - 10]) }
        let units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var text = ""
        var pendingZero = false
        for (unit, name) in units {
            let digit = (value / unit) % 10
            if digit == 0 {
                if !text.isEmpty { pendingZero = true }
                continue
            }
            if pendingZero { text += "零" }
            pendingZero = false
            text += digits[digit] + name
        }
        return text
    }

    /// `（一）`.
    public static func parenthesized(_ value: Int) -> String { "（\(of(value))）" }
}

/// An optional that is encoded as `null` rather than left out, so that strict templates can test it with a section
/// (`{{#completion}}…{{/completion}}`) without an unknown-name error.
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension Nullable: Equatable where Value: Equatable {}
