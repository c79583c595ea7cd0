/// The exit codes of `<sysexits.h>` the mailgate uses: what a mail server (Postfix's `pipe`, Exim,
/// sendmail) reads to decide between delivered, try again later, and bounce.
public enum SysExit: Int32, Sendable, CaseIterable {
    /// Delivered: the server took the message.
    case ok = 0
    /// The command line is wrong.
    case usage = 64
    /// The message was refused as malformed or too large: the mail server bounces it.
    case dataError = 65
    /// The server is unreachable, overloaded or failing (5xx, 429, a timeout): the mail server keeps the
    /// message and tries again later.
    case temporaryFailure = 75
    /// The server refused the token (401, 403): the mail server bounces, and the token needs fixing.
    case noPermission = 77
    /// The mailgate is set up wrong (no token, a URL that is not the endpoint): Postfix treats this as
    /// temporary, so the mail waits while the setting is fixed.
    case configuration = 78

    /// The exit code for the HTTP status the endpoint answered with.
    ///
    /// - Parameter status: The HTTP status code.
    /// - Returns: `ok` for 2xx; `noPermission` for 401 and 403; `temporaryFailure` for 408, 429, 5xx and
    ///   anything unexpected; `configuration` for 404 and 405 (the URL is not the endpoint);
    ///   `dataError` for the other 4xx (400 malformed, 413 too large, 415).
    public static func forHTTPStatus(_ status: Int) -> SysExit {
        switch status {
        case 200...299: return .ok
        case 401, 403: return .noPermission
        case 404, 405: return .configuration
        case 408, 429: return .temporaryFailure
        case 400...499: return .dataError
        default: return .temporaryFailure
        }
    }
}
