import Foundation
import Synchronization
import RotorCore

/// A live one-line status on standard error while the solver runs: rewritten in place on a terminal,
/// silent when standard error is not a terminal, one line per second with `--verbose`.
final class ProgressLine: Sendable {
    enum Mode { case quiet, terminal, lines }
    let mode: Mode
    private let lastPrinted = Mutex<Duration>(.zero)

    init(quiet: Bool, verbose: Bool) {
        if quiet { mode = .quiet }
        else if isatty(STDERR_FILENO) == 1 { mode = .terminal }
        else { mode = verbose ? .lines : .quiet }
    }

    func update(_ s: SolverStatus) {
        switch mode {
        case .quiet: return
        case .terminal:
            printStatus(s, ending: "\u{1B}[K\r")
        case .lines:
            let due = lastPrinted.withLock { last -> Bool in
                guard s.elapsed - last >= .seconds(1) else { return false }
                last = s.elapsed
                return true
            }
            if due { printStatus(s, ending: "\n") }
        }
    }

    func finish() {
        if mode == .terminal { FileHandle.standardError.write(Data("\u{1B}[K".utf8)) }
    }

    private func printStatus(_ s: SolverStatus, ending: String) {
        let best = s.best.hard == Int.max ? "-" : "\(s.best.soft)"
        let line = String(format: "best %@  hard %@  %.1f s  %@ moves/s", best,
                          s.best.hard == Int.max ? "-" : "\(s.best.hard)", s.elapsed.seconds,
                          formatRate(s.movesPerSecond))
        FileHandle.standardError.write(Data((line + ending).utf8))
    }
}
