/// What the document markup makes of a value placed in it: TAB, CR, LF and CR LF become one space each; nothing else
/// changes (docs/MARKUP.md, "Escaping values"). Written scalar by scalar, independently of the code under test.
public func markupFlattened(_ value: String) -> String {
    var scalars = String.UnicodeScalarView()
    var previous: Unicode.Scalar = " "
    for scalar in value.unicodeScalars {
        if !(scalar == "\n" && previous == "\r") {
            scalars.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        previous = scalar
    }
    return String(scalars)
}
