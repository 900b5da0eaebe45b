import Foundation
import PostgresClient
import Synchronization

/// A PostgreSQL cluster in a temporary folder, private to one test process.
///
/// It listens on a unix socket in its folder only (no TCP port to collide on), runs as the
/// `postgres` user when the tests run as root (initdb refuses root), and is stopped and
/// removed when the process exits: at `exit` by an `atexit` handler, and after a crash by a
/// small watchdog process that waits for the test process to disappear.
struct LocalCluster: Sendable {
    struct Paths: Sendable, Equatable {
        var directory: String
        var data: String
    }

    let paths: Paths
    let binDirectory: String
    /// The account the server runs as, when the tests run as root.
    let runAs: String?

    /// How to reach the server: its unix socket.
    var configuration: PostgresConfiguration {
        PostgresConfiguration(keywords: ["host": paths.directory, "user": "postgres", "dbname": "postgres"])
    }

    static func start() async throws -> LocalCluster {
        let binDirectory = try await postgresBinDirectory()
        var template = Array("/tmp/mutualis-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw TestClusterError("cannot create a temporary folder for PostgreSQL")
        }
        let directory = String(cString: made)
        let paths = Paths(directory: directory, data: directory + "/data")
        let runAs = geteuid() == 0 ? "postgres" : nil
        if let runAs {
            guard let account = getpwnam(runAs) else {
                throw TestClusterError("the tests run as root, and there is no 'postgres' user to run PostgreSQL")
            }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        clusterToStopAtExit.withLock { $0.append(paths) }
        ExitCleanup.install()
        try startWatchdog(paths)

        try await run(
            binDirectory + "/initdb",
            ["-D", paths.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            as: runAs, in: paths
        )
        try launchServer(binDirectory + "/postgres", paths: paths, as: runAs)
        try await waitUntilReady(paths)
        return LocalCluster(paths: paths, binDirectory: binDirectory, runAs: runAs)
    }

    /// Stops the server as an administrator would (fast shutdown: sessions are told and
    /// closed) and starts it again.
    func restart() async throws {
        guard let pid = Self.postmasterPID(paths) else { throw TestClusterError("the test PostgreSQL is not running") }
        kill(pid, SIGINT)
        while kill(pid, 0) == 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        try Self.launchServer(binDirectory + "/postgres", paths: paths, as: runAs)
        try await Self.waitUntilReady(paths)
    }

    /// Stops the server and removes its folder now, rather than at exit.
    func stop() {
        Self.stop(paths)
        clusterToStopAtExit.withLock { $0.removeAll { $0 == paths } }
    }

    private static func postmasterPID(_ paths: Paths) -> pid_t? {
        guard let pidFile = try? String(contentsOfFile: paths.data + "/postmaster.pid", encoding: .utf8) else { return nil }
        return pidFile.split(separator: "\n").first.flatMap { pid_t($0) }
    }

    /// Stops the server at once (immediate shutdown: nothing here needs to survive) and
    /// removes its folder.
    static func stop(_ paths: Paths) {
        if let pid = postmasterPID(paths) {
            kill(pid, SIGQUIT)
            var waited = 0
            while kill(pid, 0) == 0 && waited < 500 {
                usleep(10_000)
                waited += 1
            }
        }
        try? FileManager.default.removeItem(atPath: paths.directory)
    }

    private static func postgresBinDirectory() async throws -> String {
        if let configured = ProcessInfo.processInfo.environment["MUTUALIS_PG_BINDIR"], !configured.isEmpty {
            return configured
        }
        let output = try? await capture("/usr/bin/env", ["pg_config", "--bindir"])
        if let output, FileManager.default.isExecutableFile(atPath: output + "/initdb") { return output }
        for candidate in ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/local/bin", "/usr/bin"]
        where FileManager.default.isExecutableFile(atPath: candidate + "/initdb") {
            return candidate
        }
        throw TestClusterError(
            "PostgreSQL's server programs (initdb, postgres) were not found: install postgresql, or set MUTUALIS_TEST_DATABASE_URL"
        )
    }

    /// Runs the server as a child of the test process, not as a daemon: Foundation's `Process`
    /// waits for every inheritor of its descriptors, so a daemon started through `pg_ctl` would
    /// never be seen to finish starting.
    private static func launchServer(_ executable: String, paths: Paths, as user: String?) throws {
        let arguments = [
            "-D", paths.data, "-k", paths.directory, "-c", "listen_addresses=",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=200", "-c", "shared_buffers=128MB",
        ]
        let log = paths.directory + "/server.log"
        guard FileManager.default.createFile(atPath: log, contents: nil) else {
            throw TestClusterError("cannot write \(log)")
        }
        if let user, let account = getpwnam(user) {
            chown(log, account.pointee.pw_uid, account.pointee.pw_gid)
        }
        let server = Process()
        if let user {
            server.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            server.arguments = ["-u", user, "--", executable] + arguments
        } else {
            server.executableURL = URL(fileURLWithPath: executable)
            server.arguments = arguments
        }
        server.currentDirectoryURL = URL(fileURLWithPath: paths.directory)
        server.standardInput = FileHandle.nullDevice
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardOutput = output
        server.standardError = output
        try server.run()
        runningProcesses.withLock { $0.append(server) }
    }

    /// Waits for the server to mark itself ready in `postmaster.pid`, as `pg_ctl -w` does.
    private static func waitUntilReady(_ paths: Paths) async throws {
        for _ in 0..<600 {
            if let status = try? String(contentsOfFile: paths.data + "/postmaster.pid", encoding: .utf8),
                status.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(7).first?.trimmingCharacters(in: .whitespaces)
                    == "ready"
            {
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let log = (try? String(contentsOfFile: paths.directory + "/server.log", encoding: .utf8)) ?? ""
        throw TestClusterError("the test PostgreSQL did not start within 30 s: \(log.suffix(2000))")
    }

    /// The watchdog outlives a crashed test process and stops the server it leaves behind.
    private static func startWatchdog(_ paths: Paths) throws {
        let script = """
            while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
            if [ -f "$2/postmaster.pid" ]; then
              pid=$(head -n 1 "$2/postmaster.pid")
              kill -QUIT "$pid" 2>/dev/null
              while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
            fi
            rm -rf "$3"
            """
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", script, "watchdog", String(getpid()), paths.data, paths.directory]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
        runningProcesses.withLock { $0.append(watchdog) }
    }

    private static func run(_ executable: String, _ arguments: [String], as user: String?, in paths: Paths) async throws {
        let log = paths.directory + "/setup.log"
        guard FileManager.default.createFile(atPath: log, contents: nil) else {
            throw TestClusterError("cannot write \(log)")
        }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? output.close() }
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: paths.directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let status = try await process.runToCompletion()
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw TestClusterError("\(executable) failed (status \(status)): \(text.suffix(2000))")
        }
    }

    private static func capture(_ executable: String, _ arguments: [String]) async throws -> String {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let status = try await process.runToCompletion()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        guard status == 0 else { throw TestClusterError("\(executable) failed") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Process {
    /// Runs the process and waits for it without blocking a thread.
    func runToCompletion() async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try run()
            } catch {
                terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}

/// Why the test server could not be started.
struct TestClusterError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

let clusterToStopAtExit = Mutex<[LocalCluster.Paths]>([])
/// Processes started for the cluster, kept referenced for as long as they run.
let runningProcesses = Mutex<[Process]>([])
let externalTemplates = Mutex<[(PostgresConfiguration, String)]>([])
