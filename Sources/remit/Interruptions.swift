import Dispatch
import Foundation
import RemitCore

/// Ctrl-C or a CI runner's SIGTERM in the middle of a build: the half-written
/// staging folder is removed before the process exits with the signal's conventional code (128 + signal).
enum Interruptions {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func cleanUpStagingOnSignals() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                printError("interrupted; the output folder was left as it was")
                SiteWriter.abandonStaging(exitCode: 128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
