import Crypto
import Foundation

/// How a delivery is signed: HMAC-SHA256 with the endpoint's secret over `"<timestamp>.<body>"`, sent
/// as `Webhook-Signature: v1=<hex>` next to `Webhook-Timestamp: <unix seconds>`.
///
/// A receiver recomputes the signature from the raw body and the timestamp header, compares it in
/// constant time, and refuses a timestamp more than a few minutes from its own clock, so that a
/// recorded delivery cannot be replayed later.
public enum WebhookSignature {
    /// The header carrying the Unix time of the attempt, in whole seconds.
    public static let timestampHeader = "Webhook-Timestamp"
    /// The header carrying `v1=<hex>`.
    public static let signatureHeader = "Webhook-Signature"
    /// The header carrying the delivery's id, `<endpoint>/<first position>-<last position>`: the same on
    /// every retry of a batch.
    public static let deliveryHeader = "Webhook-Id"
    /// The header carrying the keys of the delivered events, comma-separated: each is the event's
    /// idempotency id, so a receiver drops the ones it has handled. Sent when it fits in
    /// ``maximumEventKeysHeaderBytes`` (proxies refuse long headers); the body's `event.key`s are
    /// always there.
    public static let eventKeysHeader = "Webhook-Event-Keys"
    /// The longest ``eventKeysHeader`` sent, in bytes.
    public static let maximumEventKeysHeaderBytes = 4096

    /// The signature of a body sent at a time.
    ///
    /// - Parameters:
    ///   - body: The raw body.
    ///   - timestamp: The `Webhook-Timestamp` value.
    ///   - secret: The endpoint's secret.
    /// - Returns: `v1=` and the HMAC-SHA256 in lower-case hex.
    public static func sign(body: some DataProtocol, timestamp: String, secret: String) -> String {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Data(secret.utf8)))
        hmac.update(data: Data("\(timestamp).".utf8))
        hmac.update(data: Data(body))
        let mac = hmac.finalize()
        return "v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a delivery's signature in constant time.
    ///
    /// - Parameters:
    ///   - signature: The `Webhook-Signature` value.
    ///   - body: The raw body.
    ///   - timestamp: The `Webhook-Timestamp` value.
    ///   - secret: The endpoint's secret.
    /// - Returns: Whether the signature is the one the secret gives.
    public static func isValid(signature: String, body: some DataProtocol, timestamp: String, secret: String) -> Bool {
        ConstantTimeComparison.equal(signature, sign(body: body, timestamp: timestamp, secret: secret))
    }
}
