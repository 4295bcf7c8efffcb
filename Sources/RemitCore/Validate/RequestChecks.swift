/// Checks of the service desk's records against the catalogue: every row names
/// a service of its function, and every measured service keeps its promise.
enum RequestChecks {
    static func check(_ catalogue: Catalogue, today: LocalDate, into diagnostics: inout [Diagnostic]) {
        for log in catalogue.requests {
            checkServices(log, catalogue, into: &diagnostics)
        }
        let report = PerformanceReport(catalogue, today: today)
        for (key, performance) in report.services.sorted(by: { $0.key < $1.key }) {
            guard performance.breaksPromise, let figures = performance.figures, let service = catalogue.services[key] else { continue }
            diagnostics.append(Diagnostic(
                .warning, at: service.turnaroundLocation,
                "'turnaround' promises \(PerformanceText.businessDays(performance.promise)), but 9 in 10 of the last \(performance.completed) requests took up to \(figures.ninetyPercent): change the promise or the service"))
        }
    }

    /// An id no service of the function has, with the closest id (or the id
    /// of a service whose title was written instead). One diagnostic per row,
    /// capped like the file's other problems.
    private static func checkServices(_ log: RequestLog, _ catalogue: Catalogue, into diagnostics: inout [Diagnostic]) {
        let services = catalogue.services(of: log.function)
        let ids = Set(services.map(\.key.id))
        var suggestions: [String: String] = [:]
        var reported = 0
        for request in log.requests where !ids.contains(request.service.value) {
            reported += 1
            guard reported <= RequestLog.maxDiagnosticsPerFile else { continue }
            let written = request.service.value
            var message = "unknown service '\(written)' in \(log.function)"
            if suggestions[written] == nil {
                let byTitle = services.first { $0.title.lowercased() == written.lowercased() }?.key.id
                suggestions[written] = byTitle ?? Spelling.closest(to: written, among: services.map(\.key.id)) ?? ""
            }
            if let suggestion = suggestions[written], !suggestion.isEmpty {
                message += "; did you mean '\(suggestion)'?"
            } else if services.isEmpty {
                message += ", which has no services"
            } else {
                message += "; its services are \(services.prefix(8).map(\.key.id).joined(separator: ", "))\(services.count > 8 ? ", …" : "")"
            }
            diagnostics.append(Diagnostic(.error, at: request.service.location, message))
        }
        if reported > RequestLog.maxDiagnosticsPerFile {
            diagnostics.append(Diagnostic(
                .error, at: log.file,
                "\(reported - RequestLog.maxDiagnosticsPerFile) more rows name a service \(log.function) does not have; they are not listed"))
        }
    }
}
