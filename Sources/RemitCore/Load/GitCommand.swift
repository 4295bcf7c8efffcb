import Foundation

/// The one way Remit runs git: `/usr/bin/env git -C <folder> …`, its output
/// read whole, standard input written (for `cat-file --batch`) while the output
/// is read, so neither side waits on a full pipe.
struct GitCommand: Sendable {
    /// The executable: `git`, or another (tests count invocations through a wrapper).
    var git = "git"
    var directory: URL

    struct Output: Sendable {
        var status: Int32
        var standardOutput: Data
        var standardError: String

        var succeeded: Bool { status == 0 }
        var text: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// nil when git cannot be started at all.
    func run(_ arguments: [String], input: Data? = nil) -> Output? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git, "-C", directory.path, "-c", "core.quotepath=off"] + arguments
        let output = Pipe()
        #if os(Linux)
        // A 1 MiB pipe (Linux's default is 64 KiB): `cat-file` writes hundreds of
        // megabytes, and each refill was a switch between git and Remit.
        _ = fcntl(output.fileHandleForReading.fileDescriptor, 1031 /* F_SETPIPE_SZ */, 1 << 20)
        #endif
        let errors = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        // git may exit before reading all its input (a bad revision): a write to
        // its closed pipe must fail, not kill Remit with SIGPIPE.
        if input != nil { _ = Self.ignoreBrokenPipes }
        do {
            try process.run()
        } catch {
            return nil
        }
        let group = DispatchGroup()
        let errorText = Captured()
        // Threads of their own, not Dispatch's global queue: these wait on pipes
        // for as long as git runs, and on Linux that queue's threads are the
        // ones Swift's tasks run on, so two waits held the build's content
        // check still until git had finished.
        func waiting(_ work: @escaping @Sendable () -> Void) {
            group.enter()
            Thread {
                work()
                group.leave()
            }.start()
        }
        waiting { errorText.data = errors.fileHandleForReading.readDataToEndOfFile() }
        if let input {
            waiting {
                try? standardInput.fileHandleForWriting.write(contentsOf: input)
                try? standardInput.fileHandleForWriting.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: data, standardError: String(decoding: errorText.data, as: UTF8.self))
    }

    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Written by one reader thread and read after it has finished (`group.wait()`).
    private final class Captured: @unchecked Sendable {
        var data = Data()
    }
}
