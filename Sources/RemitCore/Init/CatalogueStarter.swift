import Foundation

/// The files `remit init` writes: a small catalogue that passes
/// `remit check --strict` (one function, service, rule, journey and a
/// glossary), a `.gitignore`, and optionally a CI recipe. Front matter is
/// written from the same `KindSchema` tables the checker reads, so every field
/// a kind accepts is there, with its one-line help as a comment; the ones the
/// example leaves unset are commented out.
public enum CatalogueStarter {
    public struct File: Sendable, Equatable {
        /// Relative to the folder being initialised.
        public var path: String
        public var contents: Data
        public var executable: Bool

        public init(path: String, contents: Data, executable: Bool = false) {
            self.path = path
            self.contents = contents
            self.executable = executable
        }

        init(_ path: String, _ text: String) { self.init(path: path, contents: Data(text.utf8)) }
    }

    /// - Parameter today: dates in the example rule (effective today, review in a year).
    public static func files(today: LocalDate, ci: CIRecipe? = nil) -> [File] {
        var files = [
            File("content/catalogue.yml", catalogue()),
            File("content/it/index.md", function()),
            File("content/it/services/laptop-request.md", service()),
            File("content/it/rules/encrypted-laptops.md", rule(today: today)),
            File("content/journeys/new-starter.md", journey()),
            File("content/glossary.yml", glossary()),
            File(".gitignore", gitignore),
        ]
        if let ci {
            files.append(File(path: ci.destination, contents: ci.contents, executable: ci.executable))
        }
        return files
    }

    public struct Outcome: Sendable, Equatable {
        public var written: [String] = []
        /// Files that were there already: never overwritten.
        public var skipped: [String] = []
    }

    /// Writes each file that does not exist yet under `folder`; skips the others.
    public static func write(_ files: [File], into folder: URL) throws -> Outcome {
        var outcome = Outcome()
        let manager = FileManager.default
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            if manager.fileExists(atPath: url.path) || (try? manager.destinationOfSymbolicLink(atPath: url.path)) != nil {
                outcome.skipped.append(file.path)
                continue
            }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try file.contents.write(to: url, options: .withoutOverwriting)
            } catch where manager.fileExists(atPath: url.path) {
                outcome.skipped.append(file.path)  // appeared meanwhile
                continue
            }
            if file.executable {
                try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            }
            outcome.written.append(file.path)
        }
        return outcome
    }

    // MARK: - catalogue.yml

    /// Every setting of `KindSchema.catalogue`, each with its help as a comment.
    static func catalogue() -> String {
        var lines = [
            "# Site-wide settings of the catalogue. Every setting Remit reads is below,",
            "# each with what it is for; lines starting with '#' are comments, and a",
            "# setting left commented out takes its default.",
        ]
        for field in KindSchema.catalogue.fields {
            lines.append("")
            lines.append("# \(field.help)\(field.required ? " (required)" : "")")
            lines += catalogueValue(field)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func catalogueValue(_ field: FieldSchema) -> [String] {
        switch field.name {
        case "title": return ["title: \"Corporate Services Catalogue\""]
        case "organisation": return ["organisation: \"Example Organisation\""]
        case "base_url":
            return ["# Set it to the site's full address, so feeds and calendars have absolute links.",
                    "# base_url: \"https://intranet.example.org/services/\""]
        case "edit_url":
            return ["# GitHub: https://github.com/OWNER/REPO/edit/main/{path}",
                    "# GitLab: https://gitlab.example.org/GROUP/REPO/-/edit/main/{path}",
                    "# edit_url: \"https://github.com/OWNER/REPO/edit/main/{path}\""]
        case "feedback":
            return ["# feedback: \"mailto:catalogue@example.org?subject=Feedback%20on%20{title}&body={url}\""]
        case "business_days": return ["business_days: [mon, tue, wed, thu, fri]"]
        case "holidays":
            return ["holidays: []", "# holidays:", "#   - 2027-01-01  # New Year's Day", "#   - 2027-12-27  # Christmas Day (substitute day)"]
        case "summary_word_limit": return ["summary_word_limit: 40"]
        case "change_limit_per_week": return ["change_limit_per_week: 3"]
        case "terminology":
            return ["# Each use of an 'avoid' phrase in the content is a warning naming the 'use' one.",
                    "terminology:", "  - avoid: \"end user\"", "    use: \"client\""]
        case "request_columns":
            return ["# <function>/requests.csv, the service desk's export, may keep its own column names:",
                    "# request_columns: {service: \"Category\", received: \"Opened\", completed: \"Resolved\", paused: \"On hold days\"}"]
        case "performance_window_days": return ["performance_window_days: 90"]
        case "performance_min_requests": return ["performance_min_requests: 10"]
        default:
            return ["# \(field.name):"]
        }
    }

    // MARK: - Markdown files

    /// Front matter with every field of `schema`: the given values, and the
    /// others commented out, each after its help line.
    static func frontMatter(_ schema: KindSchema, _ values: [String: String]) -> String {
        var lines = ["---"]
        for field in schema.fields {
            lines.append("# \(field.help)\(field.required ? " (required)" : "")")
            if let value = values[field.name] {
                lines.append(value.hasPrefix("\n") ? "\(field.name):\(value)" : "\(field.name): \(value)")
            } else {
                lines.append("# \(field.name):")
            }
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    static func function() -> String {
        frontMatter(.function, [
            "title": "IT Services",
            "summary": "Laptops, accounts and the service desk for everyone who works here.",
            "owner": "Head of IT",
            "contact": "\n  email: it-help@example.org\n  hours: \"8am to 6pm, Monday to Friday\"",
            "provides": "\n  - Laptops and phones for staff\n  - Help with accounts and passwords",
            "does_not_provide": "\n  - \"Personal devices: we do not repair or set up your own phone or laptop\"",
        ]) + """

        IT Services keeps the organisation's laptops, accounts and systems working.
        This folder is an example made by `remit init`: rename it, or delete it once
        your own functions are in.

        ## Scope

        Everything on this page applies to staff, contractors and volunteers.

        """
    }

    static func service() -> String {
        frontMatter(.service, [
            "title": "Request a laptop",
            "summary": "A laptop set up with your account and the standard software, for a new starter or a replacement.",
            "turnaround": "3-5 business days",
            "input_by": "5 business days before the start date",
            "request": "it-help@example.org",
            "you_provide": "\n  - The person's name and start date\n  - Their manager's approval",
            "rules": "[encrypted-laptops]",
            "tags": "[laptop, new starter]",
        ]) + """

        We prepare the laptop, install the standard software and hand it over on the
        person's first morning.

        ## How to request

        Email the service desk with what is in the checklist. Every laptop is
        encrypted before it leaves us: see
        [why](../rules/encrypted-laptops.md#why-this-rule-exists).

        """
    }

    static func rule(today: LocalDate) -> String {
        frontMatter(.rule, [
            "title": "Every laptop is encrypted",
            "summary": "No laptop leaves IT Services until its disk is encrypted and it locks itself after five idle minutes.",
            "status": "active",
            "effective": today.description,
            "review_by": today.adding(days: 365).description,
            "owner": "Head of IT",
            "applies_to": "[laptop-request]",
            "exceptions": "Ask the Head of IT in writing; exceptions last at most three months.",
            "changes": "\n  - date: \(today)\n    summary: Rule published in the catalogue.",
        ]) + """

        Every laptop we hand out has an encrypted disk and a screen lock.

        ## Why this rule exists

        Laptops get lost and stolen. An encrypted disk means a lost laptop is only a
        lost laptop, not a data breach we must report about everyone whose
        details were on it.

        ## What happens if it is not followed

        A laptop found unencrypted is recalled the same day.

        """
    }

    static func journey() -> String {
        frontMatter(.journey, [
            "title": "Someone new is starting",
            "summary": "What to ask for, and when, so a new colleague can work from their first morning.",
            "steps": "\n  - service: it/laptop-request\n    note: Their laptop, ready on day one.",
        ]) + """

        Start here when you have a start date for a new colleague.

        """
    }

    static func glossary() -> String {
        var lines = [
            "# Terms and acronyms used in the catalogue: each gets an entry on the",
            "# glossary page, and its other names (aka) are search synonyms.",
        ]
        let help = KindSchema.glossaryEntry.map { "#   \($0.name): \($0.help)\($0.required ? " (required)" : "")" }
        lines += ["# Each entry has:"] + help
        lines += [
            "- term: Service desk",
            "  meaning: IT Services' front door, by email or phone, for every request and fault.",
            "  aka: [helpdesk, IT help]",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static let gitignore = """
    # The built site, and the copy of remit the CI recipes cache.
    public/
    .remit-cache/

    """
}
