import Foundation
import Testing

/// `make install PREFIX=.build-release/test-install`, run once for every test that looks at installed files
/// (the static-binary check among them: one release build serves them all).
///
/// The release build is slow (minutes on two cores), so it is shared; make and SwiftPM decide what is
/// out of date, so an up-to-date `.build-release` costs seconds and a stale one is rebuilt, never reused.
/// The build runs at the lowest priority so the other end-to-end tests keep their timing meanwhile.
struct Installation: Sendable {
    let prefix: String
    /// How long `make install` took, for the log.
    let seconds: Double

    var binary: String { prefix + "/bin/facets" }
    var manPage: String { prefix + "/share/man/man1/facets.1" }
    var bashCompletion: String { prefix + "/share/bash-completion/completions/facets" }
    var zshCompletion: String { prefix + "/share/zsh/site-functions/_facets" }
    var fishCompletion: String { prefix + "/share/fish/vendor_completions.d/facets.fish" }
    var installedFiles: [String] { [binary, manPage, bashCompletion, zshCompletion, fishCompletion] }

    /// Whether this run tests the release tree. With `FACETS_FULL_SWEEP=1` (CI) always: make builds
    /// `.build-release` if it must (minutes). Otherwise only when `.build-release` already holds a binary
    /// newer than every source, so that `make install` costs seconds; else the suite is skipped with a
    /// note saying how to run it. Decided (and printed) once per run.
    static let wanted: Bool = {
        if ProcessInfo.processInfo.environment["FACETS_FULL_SWEEP"] == "1" { return true }
        let root = Facets.packageRoot
        let binary = root.appendingPathComponent(".build-release/release/facets").path
        func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        let skipping = "make install tests skipped: "
        let howTo = "run `make` first (it builds .build-release), or FACETS_FULL_SWEEP=1 swift test"
        guard let built = modified(binary) else {
            print(skipping + "no release build in .build-release; " + howTo)
            return false
        }
        // Everything the release build is made from.
        var sources = ["Package.swift", "Package.resolved", "Makefile"].map { root.appendingPathComponent($0).path }
        for folder in ["Sources", "Data", "Plugins"] {
            let url = root.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(atPath: url.path) else { continue }
            while let relative = walk.nextObject() as? String { sources.append(url.appendingPathComponent(relative).path) }
        }
        if let newer = sources.first(where: { (modified($0) ?? .distantPast) > built }) {
            print(skipping + ".build-release is older than \(newer); " + howTo)
            return false
        }
        return true
    }()

    static let shared: Result<Installation, TmuxError> = {
        do throws(TmuxError) { return .success(try install()) } catch { return .failure(error) }
    }()

    /// The shared installation, or a failed requirement carrying make's own words.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> Installation {
        switch shared {
        case .success(let installation): return installation
        case .failure(let error):
            Issue.record("make install failed: \(error.description)", sourceLocation: sourceLocation)
            throw error
        }
    }

    private static func install() throws(TmuxError) -> Installation {
        // In make's own scratch folder, emptied first: each run starts from nothing and none leaves
        // another 90 MB behind in /tmp.
        let prefix = Facets.packageRoot.appendingPathComponent(".build-release/test-install").path
        try? FileManager.default.removeItem(atPath: prefix)
        let started = Date()
        do {
            _ = try runMake(["install", "PREFIX=\(prefix)"])
        } catch let error as TmuxError {
            throw error
        } catch {
            throw TmuxError(description: "\(error)")
        }
        let installation = Installation(prefix: prefix, seconds: Date().timeIntervalSince(started))
        print("make install PREFIX=\(prefix) took \(String(format: "%.1f", installation.seconds)) s")
        return installation
    }

    /// Runs make in the package root at the lowest CPU priority; a failure carries the end of its log.
    @discardableResult
    static func runMake(_ arguments: [String], timeout: TimeInterval = 3600) throws -> ProcessResult {
        guard let make = executable(named: "make") else {
            throw TmuxError(description: "make is not installed (apt-get install make)")
        }
        guard let swift = executable(named: "swift") else {
            throw TmuxError(description: "no swift on PATH for make to build with")
        }
        let result = try runProcess(
            executable(named: "nice") ?? "/usr/bin/nice",
            ["-n", "19", make, "-C", Facets.packageRoot.path, "SWIFT=\(swift)"] + arguments,
            timeout: timeout)
        guard result.status == 0 else {
            let log = (result.stdout + result.stderr).split(separator: "\n", omittingEmptySubsequences: false)
            throw TmuxError(
                description: "make \(arguments.joined(separator: " ")) exited \(result.status):\n"
                    + log.suffix(40).joined(separator: "\n"))
        }
        return result
    }

    /// The first executable of this name on PATH.
    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Runs a shell command line (`sh -c`), for pipelines and `cd`.
func runShell(_ script: String, environment: [String: String]? = nil, timeout: TimeInterval = 30) throws -> ProcessResult {
    try runProcess("/bin/sh", ["-c", script], environment: environment, timeout: timeout)
}
