import ArgumentParser
import Foundation
import RemitCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new catalogue that passes 'remit check --strict', optionally with a CI recipe; never overwrites.")

    @Argument(help: "Folder of the new catalogue (created if missing).")
    var directory: String = "."

    @Option(help: "Also write a CI recipe: github (.github/workflows/remit.yml), gitlab (.gitlab-ci.yml) or shell (publish.sh).")
    var ci: CIRecipe?

    @Option(help: "Date the example rule takes effect (YYYY-MM-DD); its review falls a year later. Default: SOURCE_DATE_EPOCH, else today.")
    var today: String?

    func run() throws {
        let date: LocalDate
        do {
            date = try Today.resolve(option: today, environment: ProcessInfo.processInfo.environment, now: Date())
        } catch let error as Today.Invalid {
            throw ValidationError(error.message)
        }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let outcome: CatalogueStarter.Outcome
        do {
            outcome = try CatalogueStarter.write(CatalogueStarter.files(today: date, ci: ci), into: folder)
        } catch {
            printError("error: cannot write into '\(directory)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let shown = directory == "." ? "" : (directory.hasSuffix("/") ? directory : directory + "/")
        for path in outcome.written { print("created \(shown)\(path)") }
        for path in outcome.skipped { print("skipped \(shown)\(path) (already exists; not overwritten)") }
        if outcome.written.isEmpty {
            print("nothing to do: every file was already there")
            return
        }
        let cd = directory == "." ? "" : "cd \(directory) && "
        print("next: \(cd)remit check --strict && remit serve")
    }
}

extension CIRecipe: ExpressibleByArgument {}
