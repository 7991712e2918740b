import Foundation

// A file-size limit (`ulimit -f`) then makes a write fail with an error that is reported, instead of killing the
// process with SIGXFSZ half-way through its output.
signal(SIGXFSZ, SIG_IGN)
exit(runMain(Array(CommandLine.arguments.dropFirst())).rawValue)
